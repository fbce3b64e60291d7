"""The queue runner of the open studio: the same `Runner` as `studio queue run`, on its own thread (never the UI
thread) with its own connection to the library, so the window sees its writes as another writer's (the queue's
revision changes) and nothing it does waits for the UI.

Only one runner per library: when another one holds the lock (`studio queue run` on this computer, a second
studio), this one says so (`status`: "locked") and tries again every few seconds, so it takes over when the other
stops. Each attempt's outcome arrives on the UI thread (`outcome`), as do the runner's progress and warnings.
`stop()` cancels the runner's Progress (an upload in flight stops at its next chunk, and its state is written) and
waits for the thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from studio.core.progress import Cancelled, Progress
from studio.publish.queue import Queue
from studio.publish.runner import Runner
from studio.store.lock import FileLock, Locked

log = logging.getLogger(__name__)
RUNNING, LOCKED, FAILED, STOPPED = "running", "locked", "failed", "stopped"


class _Thread(QThread):
    def __init__(self, body: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("queueRunner")
        self._body = body

    def run(self) -> None:
        self._body()


class GuiRunner(QObject):
    outcome = Signal(object)  # studio.publish.sending.Outcome
    progress = Signal(float, str)
    target_progress = Signal(int, float, str)  # target id, fraction, text: the target being sent
    warning = Signal(str)
    status = Signal(str, str)  # RUNNING | LOCKED | FAILED | STOPPED, the message for the user (English)

    def __init__(self, open_queue: Callable[[], Queue], parent: QObject | None = None, *, retry_every: float = 5.0,
                 poll: float = 60.0, runner_options: dict | None = None):
        """`open_queue` makes the runner's own Queue (called on the runner's thread; its library is closed when
        the runner stops). `retry_every`: seconds between tries while another runner holds the lock, or after an
        error."""
        super().__init__(parent)
        self._open_queue, self.retry_every, self.poll = open_queue, retry_every, poll
        self._options = runner_options or {}
        self._thread: _Thread | None = None
        self._progress = Progress()
        self._wake = threading.Event()
        self.state, self.message, self.holder = STOPPED, "", None
        self.status.connect(self._remember)

    def _remember(self, state: str, message: str) -> None:
        self.state, self.message = state, message

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> None:
        if self.running:
            return
        self._progress = Progress(lambda f, t: self.progress.emit(f, t))
        self._wake.clear()
        self._thread = _Thread(self._loop, self)
        self._thread.start()

    def stop(self, wait_ms: int = 15000) -> bool:
        """Stop after the current request; True when the thread ended within `wait_ms`."""
        if self._thread is None:
            return True
        self._progress.cancel()
        self._wake.set()
        ended = self._thread.wait(wait_ms)
        if ended:
            self._thread = None
        return ended

    def _loop(self) -> None:
        progress = self._progress
        queue: Queue | None = None
        try:
            while not progress.cancelled:
                try:
                    if queue is None:
                        queue = self._open_queue()
                    probe = FileLock(queue.lock_path)  # says "locked" before the runner starts, not after
                    probe.acquire()
                    probe.release()
                    runner = Runner(queue, progress=progress, on_outcome=self.outcome.emit,
                                    on_warning=self.warning.emit, on_target=self.target_progress.emit,
                                    **self._options)
                    self.holder = None
                    self.status.emit(RUNNING, "")
                    runner.run(poll=self.poll)
                except Cancelled:
                    break
                except Locked as e:
                    self.holder = e.pid
                    self.status.emit(LOCKED, e.message)
                    self._wake.wait(self.retry_every)
                except Exception as e:  # LibraryError, a full disk, a bug: say it, try again later
                    log.warning("queue runner stopped: %s", e, exc_info=True)
                    self.status.emit(FAILED, getattr(e, "message", None) or str(e) or type(e).__name__)
                    self._wake.wait(self.retry_every * 6)
        finally:
            if queue is not None:
                queue.library.close()
            self.status.emit(STOPPED, "")
