"""Property: any valid post, with any text and any asset bytes, survives save -> load unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core.design import Box, Design, ImageLayer, Layer, Shadow, ShapeLayer, Stroke, TextLayer
from studio.core.document import Document
from studio.core.post import Media, Post, Variant, post_to_data
from studio.store.project_file import load, save

# Emoji (with skin tones and ZWJ sequences), Hebrew, Arabic, bidi controls, CJK, combining marks, controls.
SAMPLES = ["👩🏽‍💻", "🇩🇪", "שלום", "مرحبا", "\u202e", "\u200f", "漢字", "e\u0301", "\x00", "\n", "\t", "\\", '"']
texts = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(SAMPLES), max_size=8).map("".join))
numbers = st.floats(min_value=-1e5, max_value=1e5, allow_nan=False, width=64)  # the model's ranges (design.RANGES)
small = st.floats(min_value=-1e5, max_value=1e5, allow_nan=False)
sizes = st.floats(min_value=0.5, max_value=1e5, allow_nan=False)
unit = st.floats(min_value=0, max_value=1)
colors = st.from_regex(r"\A#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?\Z")


def layer_base(draw: Any) -> dict[str, Any]:
    return {"id": draw(st.text(min_size=1, max_size=12)), "name": draw(texts), "x": draw(numbers), "y": draw(small),
            "w": draw(sizes), "h": draw(sizes), "rotation": draw(st.floats(-720, 720)), "opacity": draw(unit),
            "visible": draw(st.booleans()), "locked": draw(st.booleans())}


def strokes(draw: Any) -> Stroke:
    return Stroke(width=draw(st.floats(0, 100)), color=draw(colors))


@st.composite
def text_layers(draw: Any) -> TextLayer:
    return TextLayer(
        **layer_base(draw), text=draw(texts), font_family=draw(st.sampled_from(["Inter", "Bebas Neue", "Noto Sans"])),
        font_size=draw(st.floats(1, 1000)), weight=draw(st.sampled_from(range(100, 1000, 100))),
        italic=draw(st.booleans()), color=draw(colors), align=draw(st.sampled_from(["left", "center", "right"])),
        valign=draw(st.sampled_from(["top", "middle", "bottom"])), line_height=draw(st.floats(0.5, 3)),
        letter_spacing=draw(st.floats(-1000, 1000)), stroke=strokes(draw),
        shadow=Shadow(enabled=draw(st.booleans()), dx=draw(small), dy=draw(small), blur=draw(st.floats(0, 100)),
                      color=draw(colors)),
        box=Box(enabled=draw(st.booleans()), color=draw(colors), padding=draw(st.floats(0, 200)),
                radius=draw(st.floats(0, 200))),
        auto_fit=draw(st.booleans()))


def image_layers(keys: list[str]) -> st.SearchStrategy[ImageLayer]:
    @st.composite
    def build(draw: Any) -> ImageLayer:
        return ImageLayer(
            **layer_base(draw), asset=draw(st.sampled_from(keys)) if keys else "",
            role=draw(st.sampled_from(["photo", "logo"])), fit=draw(st.sampled_from(["cover", "contain"])),
            zoom=draw(st.floats(1, 10)), focus_x=draw(unit), focus_y=draw(unit), flip_h=draw(st.booleans()),
            flip_v=draw(st.booleans()), turns=draw(st.integers(0, 3)), brightness=draw(st.floats(-1, 1)),
            contrast=draw(st.floats(-1, 1)), saturation=draw(st.floats(-1, 1)), blur=draw(st.floats(0, 50)),
            corner_radius=draw(st.floats(0, 500)))
    return build()


@st.composite
def shape_layers(draw: Any) -> ShapeLayer:
    return ShapeLayer(**layer_base(draw), shape=draw(st.sampled_from(["rect", "ellipse", "line"])),
                      fill=draw(colors), stroke=strokes(draw), corner_radius=draw(st.floats(0, 500)))


def designs(keys: list[str]) -> st.SearchStrategy[Design]:
    layers: st.SearchStrategy[list[Layer]] = st.lists(
        st.one_of(text_layers(), image_layers(keys), shape_layers()), max_size=6, unique_by=lambda lay: lay.id)
    return st.builds(Design, width=st.integers(16, 8192), height=st.integers(16, 8192), background=colors,
                     layers=layers)


@st.composite
def documents(draw: Any) -> Document:
    doc = Document()
    keys = [doc.add_asset(b) for b in draw(st.lists(st.binary(max_size=2000), max_size=4))]
    media = draw(st.lists(st.one_of(
        st.builds(Media, id=st.text(max_size=12), kind=st.just("design"), design=designs(keys), alt=texts),
        st.builds(Media, kind=st.just("file"), asset=st.sampled_from(keys or [""]), alt=texts),
    ), max_size=3))
    variants = draw(st.dictionaries(st.text(max_size=20), st.builds(
        Variant, text=st.none() | texts, hashtags=texts, first_comment=texts, thread=st.lists(texts, max_size=3)),
        max_size=3))
    doc.post = Post(title=draw(texts), text=draw(texts), link=draw(texts), targets=draw(st.lists(texts, max_size=4)),
                    variants=variants, media=media)
    doc.add_asset(b"unused")
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_save_load_round_trip(doc: Document) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "post.studio"
        save(doc, path)
        loaded = load(path)
    assert post_to_data(loaded.post) == post_to_data(doc.post)
    assert loaded.assets == {k: doc.assets[k] for k in doc.post.assets()}
    assert not loaded.dirty
