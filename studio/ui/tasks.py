"""The one bridge between long work and the UI: run a plain function on a thread pool, deliver its
progress, result or error on the UI thread, and let the user cancel it (DESIGN.md §3.4)."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from studio.core.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.progress = Progress(lambda f, t: self.signals.progress.emit(f, t))
        self.finished = False

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as e:  # delivered to the UI, which shows a message
            log.debug("task failed: %s", traceback.format_exc())
            self.signals.failed.emit(e)
        else:
            self.signals.done.emit(result)
        finally:
            self.finished = True

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def run(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None,
            on_progress: Callable[[float, str], None] | None = None,
            on_cancelled: Callable[[], None] | None = None) -> Task:
        task = Task(fn)
        task.setAutoDelete(False)
        self._tasks.add(task)
        s = task.signals
        if on_progress:
            s.progress.connect(on_progress)
        s.done.connect(lambda r: self._deliver(task, on_done, r))
        s.failed.connect(lambda e: self._deliver(task, on_error, e))
        s.cancelled.connect(lambda: self._deliver(task, on_cancelled))
        self.pool.start(task)
        return task

    def _deliver(self, task: Task, callback: Callable[..., None] | None, *args: Any) -> None:
        """The result to its callback, unless what asked for it is gone (a window closed while it ran)."""
        if not shiboken6.isValid(self):
            return
        self._tasks.discard(task)
        if callback is not None:
            callback(*args)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
