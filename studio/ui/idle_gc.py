"""Python's cyclic garbage collector, run between the user's edits instead of in the middle of one.

Left automatic, the collector runs whenever enough new objects have piled up, which while typing with the
previews open is every few keystrokes: a pass over the young objects (the previews' caches hold many) costs
about half a millisecond, a pass over the middle generation two, and each lands inside a keystroke. Here
automatic collection is off; a timer looks at the counts every TICK_MS and collects what Python's own thresholds
say is due, but not within QUIET_MS of the last edit, unless the young generation has grown past CEILING (a long
burst of typing, or work that makes many objects): garbage is still collected, only later.

The headless commands (the queue runner, `studio check`, ...) leave the collector as it is."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

TICK_MS = 250
QUIET_MS = 400
CEILING = 25_000

_installed: IdleCollector | None = None


class IdleCollector(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.last_edit = 0.0
        self.collections = [0, 0, 0]  # how many ran, per generation (tests)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def poke(self) -> None:
        """The user just changed something: wait for a pause before collecting."""
        self.last_edit = time.monotonic()
        if gc.get_count()[0] > CEILING:
            self.tick(force=True)

    def tick(self, force: bool = False) -> None:
        young, middle, old = gc.get_count()
        t0, t1, t2 = self.thresholds
        if young < t0:
            return
        if not force and (time.monotonic() - self.last_edit) * 1000 < QUIET_MS:
            return
        generation = 2 if middle + 1 >= t1 and old + 1 >= t2 else 1 if middle + 1 >= t1 else 0
        gc.collect(generation)
        self.collections[generation] += 1


def install(parent: QObject) -> IdleCollector:
    """Turn automatic collection off for the studio's lifetime (parent: the application)."""
    global _installed
    if _installed is None:
        _installed = IdleCollector(parent)
        _installed.start()
        _installed.destroyed.connect(_forget)
    return _installed


def uninstall() -> None:
    """Automatic collection back on (tests that built a studio window)."""
    global _installed
    if _installed is not None:
        collector, _installed = _installed, None
        collector.destroyed.disconnect(_forget)
        collector.stop()
        collector.deleteLater()


def _forget(*_args) -> None:
    global _installed
    _installed = None
    gc.enable()


def poke() -> None:
    if _installed is not None:
        _installed.poke()
