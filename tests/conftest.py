"""Test set-up shared by the whole suite: headless Qt, and a private data folder per test."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


@pytest.fixture(scope="session", autouse=True)
def qt_app():
    """One QApplication for the session (widgets need QApplication, not only QGuiApplication)."""
    from PySide6.QtWidgets import QApplication

    from studio.render.qt import ensure_gui_app

    app = QApplication.instance() or QApplication(["content-studio-tests"])
    ensure_gui_app()
    return app


@pytest.fixture(autouse=True)
def automatic_gc():
    """A test that built the studio's window turned Python's automatic garbage collection off (the studio
    collects between edits); the next test starts with it on again."""
    yield
    import gc
    import sys

    idle_gc = sys.modules.get("studio.ui.idle_gc")
    if idle_gc is not None:
        idle_gc.uninstall()
    gc.enable()


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("studio-home")
    monkeypatch.setenv("CONTENT_STUDIO_HOME", str(home))
    return home
