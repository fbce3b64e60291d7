"""The media strip: a post of several images, designs and a video, each with alt text, edited as a user does."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, Qt

from studio.core.design import ShapeLayer
from studio.edit import AddLayers, SetMedia
from studio.publishing import render_media
from studio.ui.focus_dialog import FocusDialog


def photo(tmp_path: Path, name: str, size=(1600, 900), colour=(200, 40, 40)) -> Path:
    path = tmp_path / name
    Image.new("RGB", size, colour).save(path, quality=90)
    return path


def video(tmp_path: Path) -> Path:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    return path


def strip_of(window, qtbot):
    qtbot.waitUntil(lambda: getattr(window, "media_strip", None) is not None, timeout=5000)
    return window.media_strip


def test_photos_and_a_video_are_added_in_order_with_thumbnails(qtbot, window, tmp_path):
    strip = strip_of(window, qtbot)
    assert strip.list.count() == 1  # the template's design
    strip.add_files([photo(tmp_path, "a.jpg"), video(tmp_path)])
    media = window.session.doc.post.media
    assert [m.kind for m in media] == ["design", "file", "file"]
    assert strip.list.count() == 3 and strip.selected_media() is media[2]
    assert strip.list.item(1).text().startswith("2 · Photo") and strip.list.item(2).text() == "3 · Video"
    qtbot.waitUntil(lambda: not strip._file_thumbs[media[1].asset].isNull(), timeout=5000)
    thumb = strip._file_thumbs[media[1].asset]
    assert max(thumb.width(), thumb.height()) == 60 and thumb.pixelColor(10, 10).red() > 150  # the red photo
    window.session.undo()
    assert len(window.session.doc.post.media) == 1 and strip.list.count() == 1


def test_a_file_that_is_not_a_photo_or_video_is_explained_and_nothing_changes(qtbot, window, tmp_path):
    strip = strip_of(window, qtbot)
    bad = tmp_path / "notes.jpg"
    bad.write_bytes(b"not an image at all")
    seen = []
    strip.error.connect(lambda title, message: seen.append(message))
    strip.add_files([photo(tmp_path, "ok.jpg"), bad])
    assert seen and "notes.jpg" in seen[0]
    assert len(window.session.doc.post.media) == 1  # all or nothing


def test_alt_text_is_typed_per_item_and_undoes_per_word(qtbot, window, tmp_path):
    strip = strip_of(window, qtbot)
    strip.add_files([photo(tmp_path, "a.jpg")])
    assert "⚠" in strip.list.item(1).text()  # no alt text yet
    strip.alt.setFocus()
    qtbot.keyClicks(strip.alt, "Band on stage")
    item = window.session.doc.post.media[1]
    assert item.alt == "Band on stage" and "⚠" not in strip.list.item(1).text()
    assert strip.alt_count.text() == "characters: 13"
    window.session.undo()
    assert item.alt == "Band on"
    strip.list.setCurrentRow(0)
    assert strip.alt.text() == window.session.doc.post.media[0].alt  # the design's own alt text


def test_a_second_design_is_edited_on_the_canvas_and_undo_returns_to_it(qtbot, window):
    strip = strip_of(window, qtbot)
    session = window.session
    first = session.design
    strip.add_design()
    assert session.design_index == 1 and session.design is not first
    assert session.design.width == first.width and not session.design.layers
    assert not window.canvas.items_by_id  # the canvas shows the new, empty design
    session.push(AddLayers(session.doc, [ShapeLayer(id="box", x=10, y=10, w=50, h=50)]))
    assert [lay.id for lay in session.design.layers] == ["box"] and "box" in window.canvas.items_by_id
    strip.list.setCurrentRow(0)  # back to the first design
    assert session.design is first and "box" not in window.canvas.items_by_id
    session.undo()  # the box was added to the second design: undo shows it again, then removes the box
    assert session.design_index == 1 and session.design.layers == []
    strip.duplicate_design()
    assert len(session.doc.post.designs()) == 3 and session.design_index == 2


def test_reordering_and_removing(qtbot, window, tmp_path):
    strip = strip_of(window, qtbot)
    strip.add_files([photo(tmp_path, "a.jpg"), photo(tmp_path, "b.jpg", colour=(10, 10, 200))])
    media = window.session.doc.post.media
    b = media[2]
    strip.select(b.id)
    strip.move_selected(-1)
    strip.move_selected(-1)
    assert window.session.doc.post.media[0] is b and strip.selected_media() is b
    strip.remove_selected()
    assert b not in window.session.doc.post.media and strip.list.count() == 2
    strip.list.setCurrentRow(0)  # the only design
    assert not strip.remove_button.isEnabled()
    strip.remove_selected()
    assert len(window.session.doc.post.designs()) == 1
    window.session.undo()
    assert window.session.doc.post.media[0] is b


def test_the_focal_point_is_kept_for_publishing(qtbot, window, tmp_path):
    strip = strip_of(window, qtbot)
    strip.add_files([photo(tmp_path, "wide.jpg", (2000, 600))])
    item = window.session.doc.post.media[1]
    dialog = FocusDialog(window.session.doc.assets[item.asset], (0.5, 0.5))
    qtbot.mouseClick(dialog.picture, Qt.MouseButton.LeftButton,
                     pos=QPoint(dialog.picture.width() // 10, dialog.picture.height() // 2))
    assert abs(dialog.focus[0] - 0.1) < 0.02
    crop = dialog.picture.crop()
    assert crop.left() == 0  # the 16:9 frame cannot leave the photo
    window.session.push(SetMedia(window.session.doc, item.id, {"focus_x": dialog.focus[0], "focus_y": 0.5}))
    out = render_media(window.session.doc, item, None)
    assert out.focus is not None and abs(out.focus[0] + 0.8) < 0.05 and out.focus[1] == 0.0
    # and the Mastodon preview is cut around it
    from studio.edit import SetPost

    window.session.push(SetPost(window.session.doc, {"targets": ["mastodon"]}))
    panel = window.preview_panel
    window.preview_dock.show()
    qtbot.waitUntil(lambda: panel.flush() or (panel.cards.get("mastodon") is not None
                                              and panel.cards["mastodon"].shown is not None), timeout=5000)
    assert [round(f[0], 2) for f in panel.cards["mastodon"].shown.focus] == [0.5, round(dialog.focus[0], 2)]


def test_a_blank_design_says_it_is_not_posted_until_something_is_on_it(qtbot, window):
    from studio.logic import new_document

    window.set_document(new_document(), None)  # a blank post: the start of a text-only post
    strip = strip_of(window, qtbot)
    qtbot.waitUntil(lambda: strip.list.count() == 1, timeout=5000)
    strip = window.media_strip
    assert strip.list.item(0).text() == "1 · Empty" and "not posted" in strip.list.item(0).toolTip()
    window.session.push(AddLayers(window.session.doc, [ShapeLayer(id="box")]))
    assert strip.list.item(0).text().startswith("1 · Design")
