"""The renderer: text with fallback (emoji, Arabic, Hebrew, CJK), stroke, shadow, box, auto-fit; images;
shapes; and the layer cache that keeps moving and typing cheap."""

import io

import pytest
from PIL import Image
from PySide6.QtGui import QColor

from studio.core.design import Box, Design, ImageLayer, Shadow, ShapeLayer, Stroke, TextLayer
from studio.core.document import asset_key
from studio.render.compose import Renderer
from studio.render.qt import qimage_to_pil
from studio.render.text import glyph_runs, is_color_font, layout, missing_glyphs, render_text


def pixels(qimg) -> Image.Image:
    return qimage_to_pil(qimg)


def colourful_pixels(img: Image.Image) -> int:
    """Pixels that are clearly neither grey nor transparent (colour emoji show up here)."""
    count = 0
    for r, g, b, a in img.getdata():
        if a > 128 and max(r, g, b) - min(r, g, b) > 60:
            count += 1
    return count


@pytest.mark.parametrize("text", [
    "Grüße aus Köln, ÄÖÜ ß",
    "👨‍👩‍👧‍👦 🇩🇪 👍🏽 🎸",
    "مرحبا بالعالم",
    "שלום עולם",
    "你好世界 こんにちは 안녕하세요",
    "Mixed: Hello مرحبا 🎉 שלום 你好",
])
def test_every_script_has_glyphs(text):
    for family in ("Inter", "Bebas Neue", "No Such Font"):
        assert missing_glyphs(TextLayer(text=text, font_family=family, w=900, h=400)) == 0, (text, family)


def test_a_character_no_font_has_is_reported():
    # U+E000 is a private-use code point: no bundled or system font draws it
    assert missing_glyphs(TextLayer(text="\ue000\ue001", w=400, h=100)) >= 1


def test_emoji_render_in_colour_with_and_without_stroke():
    for stroke in (0.0, 4.0):
        lay = TextLayer(text="🎸🇩🇪", color="#000000", font_size=96, w=400, h=150, stroke=Stroke(width=stroke))
        img, _, _ = render_text(lay)
        assert colourful_pixels(pixels(img)) > 500, f"emoji missing with stroke={stroke}"


def test_emoji_come_from_a_colour_font():
    tl = layout(TextLayer(text="A🎸", w=400, h=100))
    fonts = [run.rawFont() for _, run in glyph_runs(tl.doc)]
    assert any(is_color_font(f) for f in fonts)


def test_zwj_family_is_one_glyph():
    tl = layout(TextLayer(text="👨‍👩‍👧‍👦", w=400, h=120, font_size=80))
    glyphs = [g for _, run in glyph_runs(tl.doc) for g in run.glyphIndexes()]
    assert len(glyphs) == 1


def test_arabic_is_shaped_and_right_to_left():
    # shaped Arabic uses contextual forms: the glyph ids differ from the isolated letters drawn one by one
    word = "مرحبا"
    joined = [g for _, r in glyph_runs(layout(TextLayer(text=word, w=800, h=100)).doc) for g in r.glyphIndexes()]
    isolated = []
    for ch in word:
        isolated += [g for _, r in glyph_runs(layout(TextLayer(text=ch, w=800, h=100)).doc) for g in r.glyphIndexes()]
    assert sorted(joined) != sorted(isolated)
    # right to left: in a left-aligned box the text's ink still starts at the left, but the first letter
    # (meem) is drawn right of the last one
    tl = layout(TextLayer(text=word, w=800, h=100, align="left"))
    (_, run), = glyph_runs(tl.doc)
    xs = [p.x() for p in run.positions()]
    assert xs == sorted(xs, reverse=True) or run.isRightToLeft()


def test_stroke_is_outside_the_fill_and_in_its_colour():
    base = TextLayer(text="H", font_size=200, color="#ffffff", w=300, h=300)
    plain, _, _ = render_text(base)
    stroked, _ox, _oy = render_text(TextLayer(text="H", font_size=200, color="#ffffff", w=300, h=300,
                                            stroke=Stroke(width=10, color="#ff0000")))
    pa, ps = pixels(plain), pixels(stroked)
    ink = lambda img: sum(1 for p in img.getdata() if p[3] > 128)  # noqa: E731
    assert ink(ps) > ink(pa) * 1.2
    reds = sum(1 for r, g, b, a in ps.getdata() if a > 200 and r > 200 and g < 60 and b < 60)
    whites = sum(1 for r, g, b, a in ps.getdata() if a > 200 and r > 200 and g > 200 and b > 200)
    assert reds > 1000 and whites > 1000  # outline around, white fill kept inside


def test_shadow_grows_the_image_and_is_soft():
    lay = TextLayer(text="Shadow", font_size=80, w=500, h=120, color="#ffffff",
                    shadow=Shadow(enabled=True, dx=10, dy=12, blur=20, color="#000000ff"))
    img, _ox, _oy = render_text(lay)
    no_shadow, _, _ = render_text(TextLayer(text="Shadow", font_size=80, w=500, h=120, color="#ffffff"))
    assert img.width() > no_shadow.width() and img.height() > no_shadow.height()
    alphas = {p[3] for p in pixels(img).getdata()}
    assert len(alphas) > 50  # a gradient, not a hard copy


def test_box_fills_the_layer_box():
    lay = TextLayer(text="Hi", w=300, h=100, font_size=40, box=Box(enabled=True, color="#00ff00", radius=0))
    img, ox, oy = render_text(lay)
    p = pixels(img).getpixel((int(-ox) + 5, int(-oy) + 95))
    assert p[:3] == (0, 255, 0) and p[3] == 255


def test_auto_fit_shrinks_long_text_to_the_box_and_never_grows():
    long = TextLayer(text="A very long headline that cannot possibly fit " * 3, font_size=120, w=600, h=200,
                     auto_fit=True)
    tl = layout(long)
    assert tl.font_size < 120 and not tl.overflow
    assert tl.rect.height() <= 200
    short = TextLayer(text="Hi", font_size=40, w=600, h=200, auto_fit=True)
    assert layout(short).font_size == 40


def test_text_wraps_inside_the_box():
    tl = layout(TextLayer(text="one two three four five six seven eight nine ten", font_size=40, w=200, h=800))
    assert tl.doc.blockCount() == 1 and tl.doc.begin().layout().lineCount() > 3
    assert tl.doc.idealWidth() <= 200


def jpeg_bytes(w, h, color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, "PNG")
    return buf.getvalue()


def test_image_cover_crops_to_the_frame_and_focus_moves_it():
    # left half red, right half blue; a square frame of a 2:1 image shows the middle unless focused
    img = Image.new("RGB", (200, 100), (255, 0, 0))
    img.paste((0, 0, 255), (100, 0, 200, 100))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    data = buf.getvalue()
    key = asset_key(data)
    r = Renderer()
    left = r.render_layer(ImageLayer(asset=key, w=100, h=100, focus_x=0.0), {key: data})
    right = r.render_layer(ImageLayer(asset=key, w=100, h=100, focus_x=1.0), {key: data})
    assert pixels(left.image).getpixel((50, 50))[:3] == (255, 0, 0)
    assert pixels(right.image).getpixel((50, 50))[:3] == (0, 0, 255)
    contain = r.render_layer(ImageLayer(asset=key, w=100, h=100, fit="contain"), {key: data})
    assert pixels(contain.image).getpixel((50, 5))[3] == 0  # letterboxed: transparent above


def test_missing_or_broken_image_shows_a_placeholder_and_a_reason():
    r = Renderer()
    out = r.render_layer(ImageLayer(asset="0" * 64, w=50, h=50), {})
    assert out.image.width() == 50 and "missing" in r.errors["0" * 64]
    out = r.render_layer(ImageLayer(asset="1" * 64, w=50, h=50), {"1" * 64: b"not an image"})
    assert out.image.width() == 50 and r.errors["1" * 64]


def test_moving_a_layer_never_re_renders_it():
    r = Renderer()
    lay = TextLayer(text="Hello", w=300, h=100, shadow=Shadow(enabled=True))
    first = r.render_layer(lay, {})
    lay.x, lay.y, lay.rotation, lay.opacity = 500, 300, 33, 0.5
    assert r.render_layer(lay, {}) is first and r.renders == 1
    lay.text = "Hello!"
    assert r.render_layer(lay, {}) is not first and r.renders == 2


def test_render_design_composes_in_order_with_background():
    d = Design(width=100, height=100, background="#0000ff", layers=[
        ShapeLayer(x=0, y=0, w=50, h=100, fill="#ff0000"),
        ShapeLayer(x=25, y=0, w=50, h=100, fill="#00ff00"),
    ])
    img = pixels(Renderer().render_design(d, {}))
    assert img.getpixel((10, 50))[:3] == (255, 0, 0)
    assert img.getpixel((40, 50))[:3] == (0, 255, 0)
    assert img.getpixel((90, 50))[:3] == (0, 0, 255)
    d.layers[1].visible = False
    img = pixels(Renderer().render_design(d, {}))
    assert img.getpixel((40, 50))[:3] == (255, 0, 0)


def test_rotation_and_opacity():
    d = Design(width=200, height=200, background="#ffffff", layers=[
        ShapeLayer(x=50, y=95, w=100, h=10, fill="#000000", rotation=90, opacity=0.5)])
    img = pixels(Renderer().render_design(d, {}))
    assert img.getpixel((100, 60))[0] == pytest.approx(127, abs=3)  # rotated upright, half transparent
    assert img.getpixel((60, 100))[:3] == (255, 255, 255)


def test_line_shape_and_ellipse():
    r = Renderer()
    line = pixels(r.render_layer(ShapeLayer(shape="line", w=100, h=6, fill="#000000"), {}).image)
    ellipse = pixels(r.render_layer(ShapeLayer(shape="ellipse", w=100, h=100, fill="#000000"), {}).image)
    assert line.height <= 12
    m = (ellipse.width - 100) // 2
    assert ellipse.getpixel((m + 2, m + 2))[3] == 0 and ellipse.getpixel((m + 50, m + 50))[3] == 255


def test_qcolor_helper_roundtrip():
    from studio.render.text import qcolor

    assert qcolor("#11223344") == QColor(0x11, 0x22, 0x33, 0x44)


def test_auto_fit_shrinks_rather_than_split_a_word():
    lay = TextLayer(text="COLUMBIAHALLE", font_family="Inter", font_size=120, w=500, h=400, auto_fit=True)
    tl = layout(lay)
    assert tl.doc.begin().layout().lineCount() == 1  # one line: the word is whole
    assert tl.doc.idealWidth() <= 500 and tl.font_size < 120
    plain = layout(TextLayer(text="COLUMBIAHALLE", font_family="Inter", font_size=120, w=500, h=400))
    assert plain.doc.begin().layout().lineCount() >= 2  # without auto-fit a too-long word breaks
