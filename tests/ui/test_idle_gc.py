"""The studio's garbage collection: off while the user types, run in the pauses, forced past a ceiling."""

from __future__ import annotations

import gc
import weakref

from studio.ui import idle_gc


class Node:
    def __init__(self):
        self.other = self  # a cycle: only the cyclic collector frees it


def test_garbage_waits_for_a_pause_in_the_typing(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(idle_gc.time, "monotonic", lambda: clock[0])
    collector = idle_gc.IdleCollector()
    collector.thresholds = (10, 10, 10)
    collector.start()
    try:
        assert not gc.isenabled()
        gc.collect()
        dead = Node()
        ref = weakref.ref(dead)
        del dead
        _ = [[] for _ in range(50)]  # young objects past the threshold
        collector.poke()  # the user typed
        clock[0] += (idle_gc.QUIET_MS - 100) / 1000
        collector.tick()
        assert ref() is not None and collector.collections == [0, 0, 0]  # still typing: nothing collected
        clock[0] += 0.2
        collector.tick()
        assert ref() is None and sum(collector.collections) == 1  # a pause: collected
    finally:
        collector.stop()
    assert gc.isenabled()


def test_a_long_burst_of_typing_is_collected_past_the_ceiling(monkeypatch):
    monkeypatch.setattr(idle_gc, "CEILING", 200)
    collector = idle_gc.IdleCollector()
    collector.thresholds = (100, 10, 10)
    collector.start()
    try:
        gc.collect()
        dead = Node()
        ref = weakref.ref(dead)
        del dead
        keep = [[] for _ in range(300)]
        collector.poke()  # typing, but past the ceiling
        assert ref() is None and sum(collector.collections) == 1
        del keep
    finally:
        collector.stop()


def test_the_studio_window_installs_it(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from studio.app import build_window

    window = build_window(QApplication.instance())
    try:
        assert idle_gc._installed is not None and not gc.isenabled()
        window.session.stack.set_clean()
    finally:
        window.close()
        idle_gc.uninstall()
    assert gc.isenabled()
