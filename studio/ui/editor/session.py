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
    design_switched = Signal(int)  # the canvas now shows another design of the post (its index)
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
        self._current: Design | None = None  # the design last shown, to follow it when media move
        self._selection: list[str] = []
        self._unsubscribe = doc.subscribe(self._on_change)
        self.stack.subscribe(self.history_changed.emit)

    # --- model ---
    @property
    def design(self) -> Design:
        self._current = self.doc.design(self.design_index)
        return self._current

    def push(self, cmd: Command) -> None:
        if cmd.design_index is None:
            cmd.design_index = self.design_index  # an edit of the design on screen, also when undone later
        self.stack.push(cmd)

    def show_design(self, index: int) -> None:
        """Edit another design of the post (views rebuild from a "reset" change)."""
        index = max(0, min(index, len(self.doc.post.designs()) - 1))
        if index == self.design_index:
            return
        self.design_index = index
        if self._selection:
            self._selection = []
            self.selection_changed.emit([])
        self.changed.emit(Change("reset", (), index))
        self.design_switched.emit(index)

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
        if change.kind == "media":
            self._follow_design()
        elif change.kind not in ("post", "media") and change.design_index != self.design_index:
            self.show_design(change.design_index)  # undo/redo of an edit in another design: go there first
        if change.kind in ("structure", "reset"):
            existing = {lay.id for lay in self.design.layers}
            kept = [i for i in self._selection if i in existing]
            if kept != self._selection:
                self._selection = kept
                self.selection_changed.emit(list(kept))
        self.changed.emit(change)

    def _follow_design(self) -> None:
        """After the media list changed, keep editing the same design (its index may have moved); if it was
        removed, show the nearest one."""
        designs = self.doc.post.designs()
        current = self._current
        index = next((i for i, d in enumerate(designs) if d is current), min(self.design_index, len(designs) - 1))
        if index != self.design_index or current is not designs[index]:
            self.design_index = -1  # force the switch
            self.show_design(index)

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
