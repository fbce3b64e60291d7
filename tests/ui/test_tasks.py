"""TaskRunner: results reach the UI thread; a result that arrives after its owner is gone (a window closed while
its work ran) is dropped instead of calling into deleted widgets."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject

from studio.ui.tasks import TaskRunner


def test_a_result_reaches_its_callback_on_the_ui_thread(qtbot):
    owner = QObject()
    runner = TaskRunner(owner)
    got = []
    runner.run(lambda _p: 6 * 7, on_done=lambda r: got.append((r, threading.current_thread() is
                                                                 threading.main_thread())))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, True)]


def test_a_result_after_its_owner_was_deleted_is_dropped(qtbot):
    owner = QObject()
    runner = TaskRunner(owner)
    got, errors = [], []

    def work(_p):
        time.sleep(0.2)
        return "late"

    task = runner.run(work, on_done=got.append, on_error=errors.append)
    shiboken6.delete(owner)  # the window closes; its runner goes with it (its pool waits for the work) ...
    assert task.finished
    qtbot.wait(100)  # ... and the result arrives afterwards
    assert got == [] and errors == []
