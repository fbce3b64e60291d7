"""The studio window: inspector, layers panel, save/open, export, recovery after a killed process, first run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QMessageBox

from studio.core.design import ImageLayer, TextLayer
from studio.edit import AddLayers
from studio.store.project_file import load

ROOT = Path(__file__).resolve().parents[2]


def test_inspector_shows_and_edits_the_selected_text_layer(window):
    lay = next(x for x in window.session.design.layers if isinstance(x, TextLayer))
    window.session.select([lay.id])
    insp = window.inspector
    assert insp.group_text.isVisibleTo(window) and not insp.group_image.isVisibleTo(window)
    size_field = next(f for f in insp.fields["text"] if f.path == "font_size")
    assert size_field.value() == pytest.approx(round(lay.font_size))
    spin: QDoubleSpinBox = size_field.widget
    spin.setValue(33)
    assert lay.font_size == 33
    stroke = next(f for f in insp.fields["text"] if f.path == "stroke.width")
    stroke.widget.setValue(7)
    assert lay.stroke.width == 7
    window.session.undo()
    assert lay.stroke.width != 7 and lay.font_size == 33
    # the model changing (undo) updates the inspector
    window.session.undo()
    assert spin.value() == pytest.approx(round(lay.font_size))


def test_inspector_slider_drag_is_one_undo_step(window):
    photo = next(x for x in window.session.design.layers if isinstance(x, ImageLayer) and x.role == "photo")
    window.session.select([photo.id])
    field = next(f for f in window.inspector.fields["image"] if f.path == "brightness")
    steps = len(window.session.stack)
    for v in range(0, 50, 5):
        field.widget.setValue(v)
    assert photo.brightness == pytest.approx(0.45)
    assert len(window.session.stack) == steps + 1


def test_format_change_from_the_inspector(window):
    window.session.select([])
    d = window.session.design
    original = (d.width, d.height)
    combo: QComboBox = window.inspector.format_combo
    assert combo.currentText() and combo.currentIndex() == combo.findData(f"{d.width}x{d.height}")
    idx = combo.findData("1080x1920")
    combo.setCurrentIndex(idx)
    combo.activated.emit(idx)
    d = window.session.design
    assert (d.width, d.height) == (1080, 1920)
    for lay in d.layers:
        assert lay.x >= -1 and lay.y >= -1 and lay.x + lay.w <= 1081 and lay.y + lay.h <= 1921
    window.session.undo()
    assert (d.width, d.height) == original


def test_layers_panel_lists_top_first_and_toggles(window):
    panel = window.layers_dock.widget()
    names = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert names[-1] == window.session.design.layers[0].name or names[-1]
    top = window.session.design.layers[-1]
    panel.list.item(0).setSelected(True)
    assert window.session.selection == [top.id]
    panel.toggle_visible()
    assert top.visible is False
    panel.toggle_locked()
    assert top.locked is True
    panel.move_selected(-1)
    assert window.session.design.layers[-2].id == top.id


def test_save_and_open_round_trip(window, tmp_path, monkeypatch):
    lay = next(x for x in window.session.design.layers if isinstance(x, TextLayer))
    window.session.select([lay.id])
    next(f for f in window.inspector.fields["text"] if f.path == "text").widget.setPlainText("Neu: Grüße 🎸 مرحبا")
    path = tmp_path / "mine.studio"
    assert window._save_to(path)
    assert not window.session.dirty and window.windowTitle().startswith("mine.studio")
    doc = load(path)
    assert any(isinstance(x, TextLayer) and x.text == "Neu: Grüße 🎸 مرحبا" for x in doc.design().layers)
    window.open_file(path)
    assert window.session.path == path
    assert path in window.services.library.recent_files()


def test_save_failure_keeps_the_work_and_says_why(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    window.session.push(AddLayers(window.session.doc, [TextLayer(text="unsaved")]))
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    assert not window._save_to(blocker / "post.studio")  # a file where a folder should be
    assert shown and window.session.dirty


def test_export_writes_a_jpeg_under_the_limit(window, tmp_path, qtbot, monkeypatch):
    from studio.ui import dialogs

    out = tmp_path / "out.jpg"

    def fake_exec(self):
        self.path.setText(str(out))
        self.limit.setChecked(True)
        self.limit_mb.setValue(0.2)
        return dialogs.ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.ExportDialog, "exec", fake_exec)
    window.export()
    qtbot.waitUntil(out.exists, timeout=20000)
    assert out.stat().st_size <= 200_000
    d = window.session.design
    assert Image.open(out).size == (d.width, d.height)


def test_opening_a_broken_file_shows_a_message_and_keeps_the_current_post(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    bad = tmp_path / "bad.studio"
    bad.write_bytes(b"PK\x03\x04 truncated")
    before = window.session
    window.open_file(bad)
    assert shown and "bad.studio" in shown[0]
    assert window.session is before


KILLED_CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from studio.app import build_window
    from studio.core.design import TextLayer
    from studio.edit import AddLayers
    win = build_window(app)
    win.show()
    lay = TextLayer(name="Crash test", text="written just before the crash")
    win.session.push(AddLayers(win.session.doc, [lay]))
    def die():
        win.tasks.wait(5000)
        os.kill(os.getpid(), signal.SIGKILL)
    QTimer.singleShot(4500, die)  # after one autosave (every 3 s), then a hard kill
    app.exec()
""")


def test_work_survives_a_killed_process(tmp_path, monkeypatch):
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CONTENT_STUDIO_HOME=str(home), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", KILLED_CHILD], env=env, cwd=ROOT, timeout=60, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]

    monkeypatch.setenv("CONTENT_STUDIO_HOME", str(home))
    asked = []

    def answer_yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    from studio.app import build_window

    win = build_window(QApplication.instance())
    try:
        assert asked and "Restore" in asked[0]
        names = [lay.name for lay in win.session.design.layers]
        assert "Crash test" in names
        assert win.session.dirty or win.session.doc.dirty
        assert win.services.recovery.pending() == []  # offered once
    finally:
        win.session.stack.set_clean()
        win.session.doc.mark_saved()
        win.close()


def test_first_run_opens_a_sample_post_saved_in_documents(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTENT_STUDIO_HOME", str(tmp_path / "fresh"))
    from studio.app import build_window

    win = build_window(QApplication.instance())
    try:
        assert win.session.path is not None and win.session.path.exists()
        assert len(win.session.design.layers) >= 4
        assert any(isinstance(x, TextLayer) for x in win.session.design.layers)
    finally:
        win.close()
    # the second start opens the most recent post, not a new sample
    win2 = build_window(QApplication.instance())
    try:
        assert win2.session.path == win.session.path
    finally:
        win2.close()


def test_dark_theme_applies_a_dark_palette(window):
    from studio.ui.theme import apply_theme

    app = QApplication.instance()
    try:
        assert apply_theme(app, "dark") == "dark"
        assert app.palette().window().color().lightness() < 80
    finally:
        apply_theme(app, "light")
    assert app.palette().window().color().lightness() > 150
