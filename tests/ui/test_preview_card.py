"""A preview card's title line: a new counter repaints only the counter, and what is on screen is what a fresh
title line shows."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from studio.ui.preview_card import TitleBar


def on_screen(bar: TitleBar, qtbot):
    """What the window system was given (the backing store), not a fresh render of the widget."""
    qtbot.wait(5)
    QApplication.processEvents()
    return QApplication.primaryScreen().grabWindow(bar.winId()).toImage()


def test_a_new_counter_on_screen_looks_as_a_fresh_title_line(qtbot):
    typed = TitleBar()
    qtbot.addWidget(typed)
    typed.resize(340, typed.height())
    typed.show()
    qtbot.waitExposed(typed)
    typed.set_text("Bluesky", "1,212 / 300", True)
    on_screen(typed, qtbot)
    painted = []
    typed.paintEvent = lambda e, paint=typed.paintEvent: (painted.append(e.rect()), paint(e))[1]
    for counter, over in (("213 / 300", False), ("1,299 / 300", True), ("9 / 300", False)):
        typed.set_text("Bluesky", counter, over)
        shown = on_screen(typed, qtbot)
        assert painted[-1].left() > 0  # only the counter's part was painted
        fresh = TitleBar()
        qtbot.addWidget(fresh)
        fresh.resize(340, fresh.height())
        fresh.set_text("Bluesky", counter, over)
        fresh.show()
        qtbot.waitExposed(fresh)
        assert shown == on_screen(fresh, qtbot), counter
    assert typed.text() == "Bluesky · 9 / 300"
