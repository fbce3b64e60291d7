"""The template gallery builds valid, in-bounds designs for every format and follows the brand kit.

Pure core tests: no Qt, no Pillow (the renderer-side look is checked with scripts/render_templates.py).
"""

from __future__ import annotations

import math
import struct

import pytest

from studio.core.brand import BrandKit
from studio.core.design import FORMATS, Design, ImageLayer, Layer, ShapeLayer, TextLayer, from_data, to_data
from studio.core.document import asset_key
from studio.core.templates import TEMPLATES, make_post, sample_logo_path, template_photo_path

REQUIRED = {"album-release", "tour-dates", "event", "quote", "product-launch", "sale", "statement", "link-card"}
PHOTO, LOGO = "p" * 64, "l" * 64
KIT = BrandKit(colors=["#2a9d8f", "#264653", "#e9c46a", "#1b1b1b", "#f4f1de"], heading_font="League Spartan",
               body_font="Noto Sans")
SIZES = [(f.width, f.height) for f in FORMATS] + [(720, 1280), (2000, 1000), (1000, 1000)]
CASES = [(key, w, h) for key in TEMPLATES for (w, h) in SIZES]


def bounds(layer: Layer) -> tuple[float, float, float, float]:
    """The axis-aligned box of the layer's rotated box."""
    if not layer.rotation:
        return layer.x, layer.y, layer.x + layer.w, layer.y + layer.h
    a = math.radians(layer.rotation)
    cx, cy = layer.center
    xs, ys = [], []
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        px, py = dx * layer.w / 2, dy * layer.h / 2
        xs.append(cx + px * math.cos(a) - py * math.sin(a))
        ys.append(cy + px * math.sin(a) + py * math.cos(a))
    return min(xs), min(ys), max(xs), max(ys)


def texts(design: Design) -> list[TextLayer]:
    return [lay for lay in design.layers if isinstance(lay, TextLayer)]


def colors(design: Design) -> list[str]:
    out = [design.background]
    for lay in design.layers:
        for attr in ("color", "fill"):
            if hasattr(lay, attr):
                out.append(getattr(lay, attr))
        for part in ("stroke", "shadow", "box"):
            if hasattr(lay, part):
                out.append(getattr(lay, part).color)
    return out


def test_the_gallery_has_the_required_templates() -> None:
    assert set(TEMPLATES) >= REQUIRED
    format_keys = {f.key for f in FORMATS}
    for key, t in TEMPLATES.items():
        assert t.key == key
        assert t.name and t.description and t.caption
        assert t.format in format_keys


def test_sample_files_exist() -> None:
    for t in TEMPLATES.values():
        path = template_photo_path(t)
        if t.photo is None:
            assert path is None
            continue
        assert path is not None and path.is_file(), path
        data = path.read_bytes()
        assert data[:3] == b"\xff\xd8\xff", f"{path.name} is not a JPEG"
        assert len(data) < 250_000
    logo = sample_logo_path().read_bytes()
    assert logo[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, color_type = struct.unpack(">IIBB", logo[16:26])
    assert (width, height) == (400, 400)
    assert color_type == 6, "the sample logo has an alpha channel"


@pytest.mark.parametrize(("key", "w", "h"), CASES)
@pytest.mark.parametrize("assets", ["photo+logo", "plain"])
def test_builds_inside_the_canvas(key: str, w: int, h: int, assets: str) -> None:
    photo, logo = (PHOTO, LOGO) if assets == "photo+logo" else (None, None)
    d = TEMPLATES[key].build(KIT, w, h, photo, logo, None)
    assert (d.width, d.height) == (w, h)
    assert texts(d), "at least one text layer"
    ids = [lay.id for lay in d.layers]
    assert len(ids) == len(set(ids))
    for lay in d.layers:
        assert lay.w > 0 and lay.h > 0, lay.name
        assert lay.name, "every layer is named"
        x0, y0, x1, y1 = bounds(lay)
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= w + 0.5 and y1 <= h + 0.5, f"{key} {w}x{h}: {lay.name} outside"
    for t in texts(d):
        assert t.text.strip()
        assert t.font_size > 4
    from_data(Design, to_data(d))  # valid colours, types and ids


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_story_text_stays_out_of_the_safe_zones(key: str) -> None:
    story = next(f for f in FORMATS if f.key == "story")
    top, bottom = story.safe_zone
    d = TEMPLATES[key].build(KIT, story.width, story.height, PHOTO, LOGO, None)
    for t in texts(d):
        assert t.y >= top * story.height - 0.5, t.name
        assert t.y + t.h <= (1 - bottom) * story.height + 0.5, t.name


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_fonts_come_from_the_kit(key: str) -> None:
    d = TEMPLATES[key].build(KIT, 1080, 1080, PHOTO, LOGO, None)
    heads = [t for t in texts(d) if t.name == "Headline"]
    assert len(heads) == 1
    assert heads[0].font_family == KIT.heading_font
    assert heads[0].auto_fit
    assert {t.font_family for t in texts(d)} <= {KIT.heading_font, KIT.body_font}
    assert any(t.font_family == KIT.body_font for t in texts(d))


@pytest.mark.parametrize("key", sorted(TEMPLATES))
@pytest.mark.parametrize("with_photo", [True, False])
def test_the_primary_colour_shows(key: str, with_photo: bool) -> None:
    photo = PHOTO if with_photo else None
    a = TEMPLATES[key].build(KIT, 1080, 1350, photo, LOGO, None)
    other = BrandKit(colors=["#7b2cbf", *KIT.colors[1:]], heading_font=KIT.heading_font, body_font=KIT.body_font)
    b = TEMPLATES[key].build(other, 1080, 1350, photo, LOGO, None)
    assert colors(a) != colors(b)


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_title_replaces_the_headline(key: str) -> None:
    title = "Grand Opening Night"
    d = TEMPLATES[key].build(KIT, 1080, 1350, PHOTO, LOGO, title)
    assert any(t.text == title for t in texts(d))
    assert next(t for t in texts(d) if t.name == "Headline").text == title


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_photo_and_logo_layers(key: str) -> None:
    d = TEMPLATES[key].build(KIT, 1080, 1080, PHOTO, LOGO, None)
    images = [lay for lay in d.layers if isinstance(lay, ImageLayer)]
    logos = [lay for lay in images if lay.role == "logo"]
    assert len(logos) == 1 and logos[0].asset == LOGO and logos[0].name == "Logo" and logos[0].fit == "contain"
    assert {lay.asset for lay in images if lay.role == "photo"} == {PHOTO}
    assert d.assets() == {PHOTO, LOGO}

    plain = TEMPLATES[key].build(KIT, 1080, 1080, None, None, None)
    assert plain.assets() == set()
    assert not any(isinstance(lay, ImageLayer) for lay in plain.layers)

    with_kit_logo = BrandKit(colors=KIT.colors, logo=b"\x89PNG fake logo bytes")
    d = TEMPLATES[key].build(with_kit_logo, 1080, 1080, None, None, None)
    assert d.assets() == {asset_key(with_kit_logo.logo)}


def test_shapes_are_named_and_plain_colour() -> None:
    for key, t in TEMPLATES.items():
        d = t.build(KIT, 1080, 1350, None, None, None)
        for lay in d.layers:
            if isinstance(lay, ShapeLayer):
                assert lay.shape in ("rect", "ellipse", "line"), key


def test_make_post() -> None:
    post = make_post("tour-dates", KIT, 1080, 1350, PHOTO, LOGO, None, None)
    assert len(post.media) == 1 and post.media[0].kind == "design"
    design = post.designs()[0]
    assert (design.width, design.height) == (1080, 1350)
    assert post.text == TEMPLATES["tour-dates"].caption
    assert "#" in post.text
    assert post.media[0].alt.startswith("THE MIDNIGHT ECHO")
    assert post.assets() == {PHOTO, LOGO}

    post = make_post("sale", KIT, 1080, 1080, None, None, "-50%", "Half price!")
    assert post.text == "Half price!"
    assert any(t.text == "-50%" for t in texts(post.designs()[0]))

    with pytest.raises(KeyError):
        make_post("no-such-template", KIT, 1080, 1080, None, None, None, None)
