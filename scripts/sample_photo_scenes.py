"""Still-life scenes for scripts/make_sample_photos.py: a product shot and a desk flat lay."""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from sample_photo_tools import (
    RGB,
    clouds,
    cylinder,
    glow_mask,
    grain,
    hex_rgb,
    horizontal_strip,
    mix,
    paint,
    screen,
    soft_shadow,
    supersampled,
    vertical_gradient,
    vignette,
)

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def product(rng: random.Random) -> Image.Image:
    """An amber dropper bottle on a round podium in a warm studio, with a soft shadow."""
    w = h = 1600
    img = vertical_gradient(w, h, [(0.0, hex_rgb("#e9d3c2")), (0.6, hex_rgb("#dcb9a2")), (1.0, hex_rgb("#c99b80"))])
    img = screen(img, hex_rgb("#fff3e6"), glow_mask((w, h), w * 0.42, h * 0.38, w * 0.55, h * 0.5, 1.6, 0.7))
    # podium: a low cylinder
    px0, px1, ptop, pbot, prad = w * 0.24, w * 0.76, h * 0.74, h * 0.9, h * 0.055
    side = horizontal_strip(w, h, lambda u: mix(hex_rgb("#f1e3d6"), hex_rgb("#c8a38a"), abs(u - 0.38) * 1.6))
    body = supersampled((w, h), 2, lambda d, f: (d.rectangle((px0 * f, ptop * f, px1 * f, pbot * f), fill=255),
                                                 d.ellipse((px0 * f, (pbot - prad) * f, px1 * f, (pbot + prad) * f),
                                                           fill=255)))
    img = soft_shadow(img, body, (30, 40), 40, 0.35, hex_rgb("#6b4632"))
    img = Image.composite(side, img, body)
    top_mask = supersampled((w, h), 2, lambda d, f: d.ellipse((px0 * f, (ptop - prad) * f, px1 * f, (ptop + prad) * f),
                                                                fill=255))
    img = paint(img, hex_rgb("#f6ece3"), top_mask)
    # the bottle
    cx, base = w * 0.5, ptop + prad * 0.15
    bw, bh = w * 0.2, h * 0.34
    shape = supersampled((w, h), 2, lambda d, f: _bottle(d, f, cx, base, bw, bh))
    contact = Image.new("L", (w, h), 0)
    ImageDraw.Draw(contact).ellipse((cx - bw * 0.62, base - prad * 0.35, cx + bw * 0.75, base + prad * 0.35), fill=210)
    img = paint(img, hex_rgb("#5a3a2a"), contact.filter(ImageFilter.GaussianBlur(14)))
    img = soft_shadow(img, shape, (60, 20), 30, 0.22, hex_rgb("#6b4632"))
    x0 = round(cx - bw / 2)

    def band(color: str, **kw) -> Image.Image:
        strip = horizontal_strip(round(bw), h, cylinder(hex_rgb(color), **kw))
        full = Image.new("RGB", (w, h))
        full.paste(strip, (x0, 0))
        return full

    img = Image.composite(band("#9a4a16", spec=0.75), img, shape)
    label = Image.new("L", (w, h), 0)
    ly0, ly1 = base - bh * 0.52, base - bh * 0.14
    ImageDraw.Draw(label).rectangle((x0, ly0, x0 + bw, ly1), fill=255)
    label = Image.composite(label, Image.new("L", (w, h)), shape)
    img = Image.composite(band("#f4ede2", spec=0.25, ambient=0.6), img, label)
    cap = supersampled((w, h), 2, lambda d, f: d.rounded_rectangle(
        ((cx - bw * 0.24) * f, (base - bh * 1.16) * f, (cx + bw * 0.24) * f, (base - bh * 0.93) * f),
        radius=bw * 0.05 * f, fill=255))
    img = Image.composite(band("#1d1a18", spec=0.45, ambient=0.5), img, cap)
    bulb = supersampled((w, h), 2, lambda d, f: d.ellipse(((cx - bw * 0.13) * f, (base - bh * 1.42) * f,
                                                            (cx + bw * 0.13) * f, (base - bh * 1.1) * f), fill=255))
    img = Image.composite(band("#2b2826", spec=0.5, ambient=0.5), img, bulb)
    d = ImageDraw.Draw(img)
    big = ImageFont.truetype(str(FONTS / "LeagueSpartan" / "LeagueSpartan-Bold.otf"), 46)
    small = ImageFont.truetype(str(FONTS / "Inter" / "Inter-SemiBold.otf"), 17)
    d.text((cx - 4, ly0 + (ly1 - ly0) * 0.38), "LUMEN", font=big, fill=hex_rgb("#3b2a20"), anchor="mm")
    d.text((cx - 4, ly0 + (ly1 - ly0) * 0.66), "BOTANICAL FACE OIL", font=small, fill=hex_rgb("#7a5a44"),
           anchor="mm")
    d.text((cx - 4, ly0 + (ly1 - ly0) * 0.84), "30 ml", font=small, fill=hex_rgb("#7a5a44"), anchor="mm")
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    img = vignette(img, 0.22)
    return grain(rng, img, 4, cell=2)


def _bottle(d: ImageDraw.ImageDraw, f: int, cx: float, base: float, bw: float, bh: float) -> None:
    d.rounded_rectangle(((cx - bw / 2) * f, (base - bh * 0.8) * f, (cx + bw / 2) * f, base * f),
                        radius=bw * 0.09 * f, fill=255)
    d.rounded_rectangle(((cx - bw / 2) * f, (base - bh * 0.9) * f, (cx + bw / 2) * f, (base - bh * 0.6) * f),
                        radius=bw * 0.3 * f, fill=255)
    d.rectangle(((cx - bw * 0.18) * f, (base - bh * 0.96) * f, (cx + bw * 0.18) * f, (base - bh * 0.85) * f),
                fill=255)


def desk(rng: random.Random) -> Image.Image:
    """A flat lay seen from above: a laptop, coffee, a notebook and a plant on a wooden table."""
    w, h = 1600, 1067
    streaks = clouds(rng, (w // 24, h), 6).resize((w, h), Image.Resampling.BICUBIC)
    wood_hi, wood_lo = hex_rgb("#c89a6c"), hex_rgb("#8d6240")
    img = Image.composite(Image.new("RGB", (w, h), wood_hi), Image.new("RGB", (w, h), wood_lo),
                          streaks.point(lambda v: 60 + v * 150 // 255))
    d = ImageDraw.Draw(img)
    for y in range(0, h, h // 4):
        d.line([(0, y), (w, y)], fill=hex_rgb("#5e3f28"), width=3)
    img = screen(img, hex_rgb("#fff2dc"), glow_mask((w, h), w * 0.2, 0, w, h * 1.1, 1.8, 0.45))
    objects: list[tuple[Image.Image, RGB | Image.Image]] = []

    def add(draw_fn, fill):
        m = supersampled((w, h), 2, draw_fn)
        objects.append((m, fill))
        return m

    lx0, ly0, lx1, ly1 = w * 0.3, h * 0.12, w * 0.72, h * 0.86
    mid = (ly0 + ly1) / 2
    add(lambda dr, f: dr.rounded_rectangle((lx0 * f, ly0 * f, lx1 * f, ly1 * f), radius=22 * f, fill=255),
        hex_rgb("#c9ccd2"))
    screen_img = vertical_gradient(w, h, [(0.12, hex_rgb("#f7f8fb")), (0.5, hex_rgb("#e5ebf5"))])
    sd = ImageDraw.Draw(screen_img)
    sx0, sy0, sx1, sy1 = lx0 + 26, ly0 + 26, lx1 - 26, mid - 14
    sd.rectangle((sx0, sy0, sx1, sy0 + 34), fill=hex_rgb("#ff6b4a"))
    sd.rectangle((sx0 + 30, sy0 + 70, sx0 + (sx1 - sx0) * 0.55, sy0 + 150), fill=hex_rgb("#4a5a8a"))
    for i in range(6):
        sd.rectangle((sx0 + 30, sy0 + 180 + i * 22, sx1 - 60 - (i % 3) * 40, sy0 + 190 + i * 22),
                     fill=hex_rgb("#aab4c8"))
    add(lambda dr, f: dr.rectangle((sx0 * f, sy0 * f, sx1 * f, sy1 * f), fill=255), screen_img)
    keys = Image.new("RGB", (w, h), hex_rgb("#2f3238"))
    add(lambda dr, f: [dr.rounded_rectangle(((lx0 + 40 + c * (lx1 - lx0 - 80) / 13) * f, (mid + 30 + r * 34) * f,
                                             (lx0 + 40 + (c + 0.86) * (lx1 - lx0 - 80) / 13) * f,
                                             (mid + 58 + r * 34) * f), radius=4 * f, fill=255)
                       for r in range(5) for c in range(13)], keys)
    add(lambda dr, f: dr.rounded_rectangle(((lx0 + lx1) / 2 * f - 110 * f, (ly1 - 120) * f,
                                            (lx0 + lx1) / 2 * f + 110 * f, (ly1 - 26) * f), radius=10 * f, fill=255),
        hex_rgb("#bcc0c7"))
    cx, cy = w * 0.84, h * 0.3
    add(lambda dr, f: dr.ellipse(((cx - 120) * f, (cy - 120) * f, (cx + 120) * f, (cy + 120) * f), fill=255),
        hex_rgb("#f4f1ec"))
    add(lambda dr, f: dr.rounded_rectangle(((cx + 60) * f, (cy - 20) * f, (cx + 125) * f, (cy + 20) * f),
                                           radius=18 * f, fill=255), hex_rgb("#ece8e1"))
    add(lambda dr, f: dr.ellipse(((cx - 80) * f, (cy - 80) * f, (cx + 80) * f, (cy + 80) * f), fill=255),
        hex_rgb("#faf8f5"))
    add(lambda dr, f: dr.ellipse(((cx - 66) * f, (cy - 66) * f, (cx + 66) * f, (cy + 66) * f), fill=255),
        hex_rgb("#4a2a18"))
    add(lambda dr, f: dr.ellipse(((cx - 40) * f, (cy - 46) * f, (cx + 30) * f, (cy + 20) * f), fill=255),
        hex_rgb("#8a5a36"))
    nx, ny = w * 0.06, h * 0.5
    add(lambda dr, f: dr.rounded_rectangle((nx * f, ny * f, (nx + 300) * f, (ny + 400) * f), radius=10 * f, fill=255),
        hex_rgb("#2d4a3e"))
    add(lambda dr, f: dr.rectangle(((nx + 250) * f, ny * f, (nx + 266) * f, (ny + 400) * f), fill=255),
        hex_rgb("#e8b04a"))
    add(lambda dr, f: dr.line([((nx + 330) * f, (ny + 40) * f), ((nx + 360) * f, (ny + 380) * f)], fill=255,
                              width=14 * f), hex_rgb("#202124"))
    px, py = w * 0.08, h * 0.13
    add(lambda dr, f: dr.ellipse(((px - 105) * f, (py - 105) * f, (px + 105) * f, (py + 105) * f), fill=255),
        hex_rgb("#c46a45"))
    add(lambda dr, f: dr.ellipse(((px - 88) * f, (py - 88) * f, (px + 88) * f, (py + 88) * f), fill=255),
        hex_rgb("#4a3326"))
    for i in range(11):
        ang = i * 2 * math.pi / 11 + rng.uniform(-0.2, 0.2)
        lx, ly = px + math.cos(ang) * 20, py + math.sin(ang) * 20

        def leaf(dr, f, lx=lx, ly=ly, ang=ang):
            pts = [((lx + math.cos(ang) * t * 170 + math.cos(ang + 1.57) * math.sin(t * math.pi) * 45) * f,
                    (ly + math.sin(ang) * t * 170 + math.sin(ang + 1.57) * math.sin(t * math.pi) * 45) * f)
                   for t in [k / 20 for k in range(21)]]
            pts += [((lx + math.cos(ang) * t * 170 - math.cos(ang + 1.57) * math.sin(t * math.pi) * 45) * f,
                     (ly + math.sin(ang) * t * 170 - math.sin(ang + 1.57) * math.sin(t * math.pi) * 45) * f)
                    for t in [k / 20 for k in range(20, -1, -1)]]
            dr.polygon(pts, fill=255)

        add(leaf, mix(hex_rgb("#2f7d4a"), hex_rgb("#5fae5a"), rng.random()))
    for m, _fill in objects:  # shadows first, all together, then the objects
        img = soft_shadow(img, m, (14, 18), 16, 0.28, hex_rgb("#3a2414"))
    for m, fill in objects:
        src = fill if isinstance(fill, Image.Image) else Image.new("RGB", (w, h), fill)
        img = Image.composite(src, img, m)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    img = vignette(img, 0.3)
    return grain(rng, img, 5, cell=2)
