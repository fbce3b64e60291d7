"""Canvas gestures with a real view: drag, handles, rotate, rubber band, nudge, keyboard, text editing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest

from studio.core.design import ShapeLayer, TextLayer
from studio.edit import AddLayers, SetLayers
from studio.render.compose import Renderer
from studio.render.qt import qimage_to_pil


def view_point(win, x: float, y: float) -> QPoint:
    return win.canvas.mapFromScene(QPointF(x, y))


def drag(win, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 5) -> None:
    vp = win.canvas.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, modifier, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, end)


def type_text(widget, text: str) -> None:
    """Key events carrying text, one per character (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def add_box(win, **kw) -> ShapeLayer:
    lay = ShapeLayer(name="Box", x=100, y=100, w=200, h=100, **kw)
    win.session.push(AddLayers(win.session.doc, [lay]))
    win.session.select([])
    return lay


def test_click_selects_and_drag_moves_one_undo_step(window):
    lay = add_box(window)
    window.canvas.snapping = False  # (QTest cannot hold Alt during a move)
    before = len(window.session.stack)
    start, end = view_point(window, 200, 150), view_point(window, 263, 207)
    delta = window.canvas.mapToScene(end) - window.canvas.mapToScene(start)
    drag(window, start, end, Qt.KeyboardModifier.AltModifier)
    assert window.session.selection == [lay.id]
    assert (lay.x, lay.y) == (100 + delta.x(), 100 + delta.y())
    assert abs(lay.x - 163) <= 3 and abs(lay.y - 157) <= 3
    assert len(window.session.stack) == before + 1
    window.session.undo()
    assert (lay.x, lay.y) == (100, 100)
    window.session.redo()
    assert lay.x > 150


def test_moving_a_layer_does_not_re_render_anything(window):
    lay = add_box(window)
    renders = window.renderer.renders
    drag(window, view_point(window, 200, 150), view_point(window, 400, 300), Qt.KeyboardModifier.AltModifier)
    assert lay.x > 250
    assert window.renderer.renders == renders


def test_snapping_to_canvas_centre_shows_a_guide(window):
    lay = add_box(window)  # centre at x = 200; canvas centre is 540
    seen = []
    window.session.changed.connect(lambda _c: seen.append(window.canvas.overlay.guides_x))
    drag(window, view_point(window, 200, 150), view_point(window, 537, 150))
    assert lay.x + lay.w / 2 == 540  # snapped exactly onto the centre line
    assert any(540 in g for g in seen)
    assert window.canvas.overlay.guides_x == ()  # guides disappear after the drag


def test_corner_handle_scales_and_undo_restores(window):
    lay = add_box(window)
    window.session.select([lay.id])
    se = window.canvas.overlay.handle_points(lay)["se"]
    drag(window, view_point(window, se.x(), se.y()), view_point(window, se.x() + 100, se.y() + 50))
    assert abs(lay.w - 300) <= 3 and abs(lay.h - 150) <= 3
    assert (lay.x, lay.y) == pytest.approx((100, 100), abs=1e-9)  # the opposite corner stays
    window.session.undo()
    assert (lay.w, lay.h) == (200, 100)


def test_rotate_handle_turns_the_layer(window):
    lay = add_box(window)
    window.session.select([lay.id])
    handle = window.canvas.overlay.handle_points(lay)["rotate"]
    cx, cy = lay.center
    drag(window, view_point(window, handle.x(), handle.y()), view_point(window, cx + 200, cy))
    assert abs(lay.rotation - 90) < 3


def test_arrow_keys_nudge_and_delete_removes(window):
    lay = add_box(window)
    window.session.select([lay.id])
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Right)
    QTest.keyClick(window.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert (lay.x, lay.y) == (101, 110)
    QTest.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert lay.id not in [x.id for x in window.session.design.layers]
    window.session.undo()
    assert lay.id in [x.id for x in window.session.design.layers]


def test_locked_layers_do_not_move(window):
    lay = add_box(window, locked=True)
    drag(window, view_point(window, 200, 150), view_point(window, 300, 250), Qt.KeyboardModifier.AltModifier)
    assert (lay.x, lay.y) == (100, 100)


def test_rubber_band_selects_several(window):
    a = add_box(window)
    b = ShapeLayer(name="B", x=350, y=100, w=100, h=100)
    window.session.push(AddLayers(window.session.doc, [b]))
    window.session.select([])
    # start outside every layer (the quote template's background covers the canvas: start off-canvas)
    drag(window, view_point(window, -60, 60), view_point(window, 470, 220))
    assert set(window.session.selection) >= {a.id, b.id}


def test_typing_on_the_canvas_edits_the_text_layer(window, qtbot):
    text = TextLayer(name="T", text="Hello", x=100, y=600, w=600, h=120, font_size=60, color="#000000")
    window.session.push(AddLayers(window.session.doc, [text]))
    window.canvas.flush_renders()
    window.canvas.start_text_edit(text.id)
    editor = window.canvas.editor
    assert editor is not None
    cursor = editor.text_item.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.text_item.setTextCursor(cursor)
    type_text(window.canvas, " wörld 🎸")
    assert text.text == "Hello wörld 🎸"
    window.canvas.finish_text_edit()
    assert window.canvas.editor is None
    window.session.undo()  # one word per step
    assert text.text in ("Hello wörld", "Hello")
    while window.session.stack.can_undo() and text.id in [x.id for x in window.session.design.layers]:
        if text.text == "Hello":
            break
        window.session.undo()
    assert text.text == "Hello"


def test_canvas_at_100_percent_equals_the_export(window):
    """WYSIWYG: the canvas's scene drawn at 100 % is pixel-identical to the export renderer's image."""
    design = window.session.design
    window.canvas.flush_renders()
    window.session.select([])
    scene = window.canvas.scene()
    window.canvas.overlay.setVisible(False)
    image = QImage(design.width, design.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    p = QPainter(image)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    from PySide6.QtCore import QRectF

    scene.render(p, QRectF(0, 0, design.width, design.height), QRectF(0, 0, design.width, design.height))
    p.end()
    window.canvas.overlay.setVisible(True)
    exported = Renderer().render_design(design, window.session.doc.assets)
    a, b = qimage_to_pil(image), qimage_to_pil(exported)
    assert a.size == b.size
    from PIL import ImageChops

    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    assert diff.getbbox() is None, f"canvas and export differ in {diff.getbbox()}"


def test_typing_re_renders_only_the_text_layer(window):
    text = TextLayer(name="T", text="Hi", x=100, y=600, w=600, h=120, font_size=60, color="#000000")
    window.session.push(AddLayers(window.session.doc, [text]))
    window.canvas.flush_renders()
    window.canvas.start_text_edit(text.id)
    rendered_keys = []
    original = window.renderer._render

    def spy(layer, assets, scale):
        rendered_keys.append(layer.id)
        return original(layer, assets, scale)

    window.renderer._render = spy
    type_text(window.canvas, "abc")
    assert rendered_keys == [text.id] * 3


def test_dropping_an_image_file_adds_a_layer_and_onto_a_photo_replaces_it(window, tmp_path):
    from PIL import Image
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from studio.core.design import ImageLayer

    path = tmp_path / "dropped.png"
    Image.new("RGB", (300, 200), (0, 200, 0)).save(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])

    def drop_at(scene_x, scene_y):
        view_pos = window.canvas.mapFromScene(QPointF(scene_x, scene_y))
        win_pos = window.canvas.mapTo(window, view_pos)
        event = QDropEvent(QPointF(win_pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        window.dropEvent(event)

    before = len(window.session.design.layers)
    photos = [x for x in window.session.design.layers if isinstance(x, ImageLayer) and x.role == "photo"]
    if photos:  # the quote template has a full-bleed photo: dropping onto it replaces its image
        old = photos[0].asset
        drop_at(5, 5)
        assert photos[0].asset != old and len(window.session.design.layers) == before
    window.session.push(SetLayers(window.session.doc, {lay.id: {"locked": True} for lay in photos}))
    drop_at(5, 5)
    assert len(window.session.design.layers) == before + 1
    added = window.session.design.layers[-1]
    assert isinstance(added, ImageLayer) and added.name == "dropped"


def on_screen(win):
    """The canvas as the window system was given it (the backing store), not a fresh render."""
    from PySide6.QtWidgets import QApplication

    vp = win.canvas.viewport()
    at = vp.mapTo(win, QPoint(0, 0))
    shot = QApplication.primaryScreen().grabWindow(win.winId()).toImage()
    return shot.copy(at.x(), at.y(), vp.width(), vp.height()).convertToFormat(QImage.Format.Format_RGB32)


def drawn_as_usual(win):
    """The canvas painted item by item, without its still picture."""
    canvas = win.canvas
    canvas._frame, canvas._frame_key = None, ()
    canvas._frame_timer.stop()
    return canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def settle(qtbot, win):
    qtbot.waitUntil(lambda: win.canvas._frame is not None, timeout=3000)


def test_a_still_canvas_is_repainted_from_its_picture_and_an_edit_shows_at_once(window, qtbot, monkeypatch):
    lay = add_box(window, fill="#ff3366")
    settle(qtbot, window)
    painted = []
    original = type(window.canvas).__mro__[1].paintEvent
    monkeypatch.setattr(type(window.canvas).__mro__[1], "paintEvent",
                        lambda self, e: (painted.append(1), original(self, e))[1])
    window.canvas.viewport().repaint()  # nothing changed: one copy, no layer drawn
    assert painted == []
    assert on_screen(window) == drawn_as_usual(window)
    settle(qtbot, window)
    window.session.push(SetLayers(window.session.doc, {lay.id: {"x": 300.0}}))  # an edit drops the picture
    qtbot.wait(30)
    assert window.canvas._frame is None and painted
    shown = on_screen(window)
    assert shown == drawn_as_usual(window)
    settle(qtbot, window)  # and the new picture is the moved box
    window.canvas.viewport().repaint()
    assert on_screen(window) == shown
    window.canvas.set_zoom(0.8)  # so does a zoom
    qtbot.wait(30)
    assert on_screen(window) == drawn_as_usual(window)
