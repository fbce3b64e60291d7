"""Export a design to an image file: the same renderer as the canvas, then Pillow's encoders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from studio.core.colors import parse
from studio.core.design import Design
from studio.render.compose import Renderer
from studio.render.encode import encode, encode_under
from studio.render.qt import qimage_to_pil


@dataclass
class Exported:
    data: bytes
    fmt: str
    quality: int
    width: int
    height: int


def export_design(design: Design, assets: Mapping[str, bytes], fmt: str = "jpeg", quality: int = 90,
                  max_bytes: int | None = None, renderer: Renderer | None = None) -> Exported:
    """Render at 100 % and encode. With max_bytes, the highest quality (and if needed a smaller size)
    that fits is chosen."""
    renderer = renderer or Renderer()
    opaque = parse(design.background)[3] == 255
    # the background as the canvas shows it; an opaque design goes to the encoder without an alpha channel
    image = qimage_to_pil(renderer.render_design(design, assets, 1.0), "RGB" if opaque else "RGBA")
    if max_bytes:
        result = encode_under(image, fmt, max_bytes, quality=quality, background=design.background)
        scaled = result.scaled
        w, h = round(image.width * scaled), round(image.height * scaled)
        return Exported(result.data, fmt, result.quality, w, h)
    return Exported(encode(image, fmt, quality, background=design.background), fmt, quality, image.width, image.height)
