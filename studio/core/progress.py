"""Progress and cancellation for long work (export, upload, batch publish). Plain Python: the UI's task
runner passes one in and shows what it reports; the work checks `check()` between steps."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled the task."""


class Progress:
    def __init__(self, on_report: Callable[[float, str], None] | None = None):
        self._cancel = threading.Event()
        self._on_report = on_report
        self.fraction = 0.0
        self.text = ""

    def report(self, fraction: float, text: str = "") -> None:
        self.check()
        self.fraction, self.text = max(0.0, min(1.0, fraction)), text
        if self._on_report is not None:
            self._on_report(self.fraction, text)

    def child(self, on_report: Callable[[float, str], None] | None = None) -> Progress:
        """A progress for one part of this task: its own reports, the same cancel."""
        part = Progress(on_report)
        part._cancel = self._cancel
        return part

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()
