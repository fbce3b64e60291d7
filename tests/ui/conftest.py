"""Fixtures for widget tests: a studio window on a private library, with a post from a template."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.credentials.store import MemoryCredentialStore
from studio.logic import new_document
from studio.store.library import Library
from studio.store.recovery import RecoveryStore


@pytest.fixture
def services(tmp_path: Path):
    from studio.ui.services import Services

    s = Services(Library.open(tmp_path / "lib"), RecoveryStore(tmp_path / "recovery"), tmp_path / "docs",
                 MemoryCredentialStore())
    yield s
    s.close()


@pytest.fixture
def window(qtbot, services):
    from studio.ui.main_window import MainWindow

    win = MainWindow(services)
    win.resize(1400, 900)
    win.set_document(new_document("quote"), None)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)  # the window fits the design to the view once it is shown
    win.canvas.flush_renders()
    win.canvas.set_zoom(0.5)
    win.canvas.centerOn(540, 540)
    yield win
    win.session.stack.set_clean()  # no "save changes?" question when the test closes it
    win.close()
    win.deleteLater()
