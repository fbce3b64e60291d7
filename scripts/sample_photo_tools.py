"""Pillow building blocks for scripts/make_sample_photos.py: gradients, glows, noise, grain, shading.

Everything is deterministic: noise comes from a seeded random.Random, never from Pillow's own generator.
"""

from __future__ import annotations

import io
import itertools
import math
import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFilter

RGB = tuple[int, int, int]
Stops = Sequence[tuple[float, RGB]]


def hex_rgb(color: str) -> RGB:
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def color_at(stops: Stops, t: float) -> RGB:
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            u = (t - p0) / max(p1 - p0, 1e-9)
            u = u * u * (3 - 2 * u)  # smoothstep: no visible kinks between stops
            return mix(c0, c1, u)
    return stops[-1][1]


def vertical_gradient(w: int, h: int, stops: Stops) -> Image.Image:
    strip = Image.new("RGB", (1, h))
    strip.putdata([color_at(stops, y / max(h - 1, 1)) for y in range(h)])
    return strip.resize((w, h), Image.Resampling.BILINEAR)


def horizontal_strip(w: int, h: int, fn: Callable[[float], RGB]) -> Image.Image:
    """An image whose every column x has colour fn(x / (w - 1))."""
    strip = Image.new("RGB", (w, 1))
    strip.putdata([fn(x / max(w - 1, 1)) for x in range(w)])
    return strip.resize((w, h), Image.Resampling.NEAREST)


def glow_mask(size: tuple[int, int], cx: float, cy: float, rx: float, ry: float, power: float = 2.0,
              strength: float = 1.0) -> Image.Image:
    """An L mask: 255*strength at (cx, cy) falling smoothly to 0 at the ellipse (rx, ry)."""
    w, h = size
    # radial_gradient is 0 at the centre and about 181 at the middle of each edge (255 in the corners)
    lut = [round(255 * strength * max(0.0, 1 - v / 180) ** power) for v in range(256)]
    blob = Image.radial_gradient("L").resize((max(2, round(2 * rx)), max(2, round(2 * ry))),
                                              Image.Resampling.BILINEAR).point(lut)
    mask = Image.new("L", (w, h), 0)
    mask.paste(blob, (round(cx - rx), round(cy - ry)))
    return mask


def solid(size: tuple[int, int], color: RGB) -> Image.Image:
    return Image.new("RGB", size, color)


def screen(base: Image.Image, color: RGB, mask: Image.Image) -> Image.Image:
    """Light `base` with `color` where `mask` is set (screen blend, like light adding up)."""
    light = Image.composite(solid(base.size, color), solid(base.size, (0, 0, 0)), mask)
    return ImageChops.screen(base, light)


def paint(base: Image.Image, color: RGB, mask: Image.Image) -> Image.Image:
    """Normal blend of a colour through a mask."""
    return Image.composite(solid(base.size, color), base, mask)


def noise(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    w, h = size
    return Image.frombytes("L", (w, h), rng.randbytes(w * h))


def clouds(rng: random.Random, size: tuple[int, int], scale: int, octaves: int = 3) -> Image.Image:
    """Smooth low-frequency noise (0..255 around 128): a few octaves of upscaled random pixels."""
    w, h = size
    out = Image.new("L", size, 128)
    weight = 0.6
    for i in range(octaves):
        cell = max(2, scale // (2**i))
        small = noise(rng, (max(2, w // cell + 2), max(2, h // cell + 2)))
        big = small.resize((w + 2 * cell, h + 2 * cell), Image.Resampling.BICUBIC).crop((cell, cell, cell + w,
                                                                                          cell + h))
        big = big.filter(ImageFilter.GaussianBlur(cell / 3))
        out = Image.blend(out, big, weight)
        weight *= 0.5
    return autocontrast(out)


def autocontrast(img: Image.Image) -> Image.Image:
    lo, hi = img.getextrema()
    if hi <= lo:
        return img
    return img.point(lambda v: round((v - lo) * 255 / (hi - lo)))


def grain(rng: random.Random, img: Image.Image, amount: float = 6.0, cell: int = 1) -> Image.Image:
    """Film grain: add zero-mean noise of about +-amount levels (cell > 1 makes it softer and smaller as JPEG)."""
    w, h = img.size
    n = noise(rng, (max(1, w // cell), max(1, h // cell)))
    if cell > 1:
        n = n.resize((w, h), Image.Resampling.BILINEAR)
    k = amount / 128
    n = n.point(lambda v: max(0, min(255, round(128 + (v - 128) * k))))
    return ImageChops.add(img, Image.merge("RGB", (n, n, n)), 1.0, -128)


def vignette(img: Image.Image, strength: float = 0.45, power: float = 1.6) -> Image.Image:
    w, h = img.size
    keep = glow_mask((w, h), w / 2, h / 2, w * 0.85, h * 0.85, power=power / 2)
    lut = [round(255 * (1 - strength + strength * v / 255)) for v in range(256)]
    keep = keep.point(lut)
    return ImageChops.multiply(img, Image.merge("RGB", (keep, keep, keep)))


def soft_shadow(base: Image.Image, mask: Image.Image, offset: tuple[int, int], blur: float, opacity: float,
                color: RGB = (0, 0, 0)) -> Image.Image:
    """Darken `base` by a blurred, shifted copy of `mask`."""
    shifted = Image.new("L", mask.size, 0)
    shifted.paste(mask, offset)
    shifted = shifted.filter(ImageFilter.GaussianBlur(blur)).point(lambda v: round(v * opacity))
    return paint(base, color, shifted)


def cylinder(base: RGB, highlight: float = 0.55, spec_at: float = 0.3, spec: float = 0.8,
             ambient: float = 0.35) -> Callable[[float], RGB]:
    """Column shading of a vertical cylinder lit from the left: u in 0..1 across its width."""

    def fn(u: float) -> RGB:
        x = 2 * u - 1
        lit = ambient + (1 - ambient) * math.sqrt(max(0.0, 1 - x * x)) ** 0.8
        lit *= 1 - 0.25 * max(0.0, x)  # right side in shade
        c = tuple(min(255, round(v * lit)) for v in base)
        s = spec * math.exp(-(((u - spec_at) / 0.045) ** 2)) + highlight * 0.25 * math.exp(-(((u - 0.86) / 0.03) ** 2))
        return mix(c, (255, 255, 255), s)  # type: ignore[arg-type]

    return fn


def supersampled(size: tuple[int, int], factor: int, draw: Callable[[ImageDraw.ImageDraw, int], None]) -> Image.Image:
    """An antialiased L mask: draw at `factor` times the size (draw(d, factor)), then scale down."""
    w, h = size
    big = Image.new("L", (w * factor, h * factor), 0)
    draw(ImageDraw.Draw(big), factor)
    return big.resize(size, Image.Resampling.LANCZOS)


def save_jpeg(img: Image.Image, path, limit: int = 245_000) -> int:
    """Save as the best JPEG quality that stays under `limit` bytes; returns the size."""
    for quality in (88, 85, 82, 79, 76, 72, 68, 64, 60):
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=quality, optimize=True, progressive=True, subsampling="4:2:0")
        if buf.tell() <= limit:
            break
    path.write_bytes(buf.getvalue())
    return buf.tell()
