"""Sample documents for the store tests (imported by the tests and by child processes they start)."""

from __future__ import annotations

from pathlib import Path

from studio.core.design import Design, ImageLayer, Shadow, ShapeLayer, Stroke, TextLayer
from studio.core.document import Document
from studio.core.post import Media, Post, Variant

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
RAW = b"plain bytes that deflate well " * 100


def make_doc() -> Document:
    """A post using every layer type, a plain file, variants and an unused asset."""
    doc = Document()
    photo = doc.add_asset(PNG)
    clip = doc.add_asset(RAW)
    doc.add_asset(b"not used by the post")
    design = Design(width=1080, height=1920, background="#1d1b4c", layers=[
        ImageLayer(id="photo", asset=photo, x=-10.5, w=1100, h=1940, zoom=1.25, focus_x=0.3, turns=1),
        ShapeLayer(id="band", shape="ellipse", fill="#ff5a3680", stroke=Stroke(width=3, color="#ffffff")),
        TextLayer(id="title", text="Grüße 👋🏽 שלום مرحبا 你好", font_size=96.5, weight=700, rotation=-12.0,
                  align="center", shadow=Shadow(enabled=True, dx=2, dy=3)),
    ])
    doc.post = Post(
        title="Launch", text="New drop\nwith a link", link="https://example.org/launch",
        targets=["instagram:post", "x:post"],
        variants={"x:post": Variant(text="Short for X", hashtags="#launch", thread=["one", "two"]),
                  "instagram:post": Variant(first_comment="#more #tags")},
        media=[Media(id="m1", design=design, alt="A poster"), Media(id="m2", kind="file", asset=clip, alt="clip")],
    )
    return doc
