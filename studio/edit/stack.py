"""Unlimited undo/redo history for one open document."""

from __future__ import annotations

from collections.abc import Callable

from studio.edit.commands import Command


class UndoStack:
    def __init__(self) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._listeners: list[Callable[[], None]] = []
        self._clean_at: int | None = 0

    def push(self, cmd: Command) -> None:
        """Apply `cmd` and record it (merged into the previous step when both allow it)."""
        cmd.redo()
        self._undone.clear()
        if self._clean_at is not None and self._clean_at > len(self._done):
            self._clean_at = None  # the saved state was undone and is now unreachable
        if not (self._done and len(self._done) != self._clean_at and self._done[-1].merge(cmd)):
            self._done.append(cmd)
        self._notify()

    def undo(self) -> None:
        if self._done:
            cmd = self._done.pop()
            cmd.undo()
            self._undone.append(cmd)
            self._notify()

    def redo(self) -> None:
        if self._undone:
            cmd = self._undone.pop()
            cmd.redo()
            self._done.append(cmd)
            self._notify()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def __len__(self) -> int:
        return len(self._done)

    def set_clean(self) -> None:
        self._clean_at = len(self._done)

    def is_clean(self) -> bool:
        return self._clean_at == len(self._done)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean_at = 0
        self._notify()

    def subscribe(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def _notify(self) -> None:
        for cb in list(self._listeners):
            cb()
