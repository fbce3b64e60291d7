"""The open post in the editor: document, undo history, selection, renderer, as Qt signals for the views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from studio.core.design import Design, Layer
from studio.core.document import Change, Document
from studio.edit import Command, UndoStack
from studio.render.compose import Renderer


class EditorSession(QObject):
    changed = Signal(object)  # studio.core.document.Change
    selection_changed = Signal(list)  # layer ids
    history_changed = Signal()
    path_changed = Signal()

    def __init__(self, doc: Document, renderer: Renderer, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.renderer = renderer
        self.stack = UndoStack()
        self.path = path
        self.design_index = 0
        self._selection: list[str] = []
        self._unsubscribe = doc.subscribe(self._on_change)
        self.stack.subscribe(self.history_changed.emit)

    # --- model ---
    @property
    def design(self) -> Design:
        return self.doc.design(self.design_index)

    def push(self, cmd: Command) -> None:
        self.stack.push(cmd)

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    @property
    def dirty(self) -> bool:
        return not self.stack.is_clean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.stack.set_clean()
        self.doc.mark_saved()
        self.history_changed.emit()
        self.path_changed.emit()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("structure", "reset"):
            existing = {lay.id for lay in self.design.layers}
            kept = [i for i in self._selection if i in existing]
            if kept != self._selection:
                self._selection = kept
                self.selection_changed.emit(list(kept))
        self.changed.emit(change)

    def close(self) -> None:
        self._unsubscribe()

    # --- selection ---
    @property
    def selection(self) -> list[str]:
        return list(self._selection)

    def selected_layers(self) -> list[Layer]:
        design = self.design
        return [design.layer(i) for i in self._selection if any(lay.id == i for lay in design.layers)]

    def select(self, ids: list[str]) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self._selection:
            self._selection = ids
            self.selection_changed.emit(list(ids))
