"""Generate the template gallery's sample photos and logo (resources/templates/) procedurally with Pillow.

    python scripts/make_sample_photos.py

Nothing is downloaded: every picture is painted here from gradients, blurred shapes and grain, so the
files are ours to ship. The output is deterministic (seeded noise).
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_photo_scenes import desk, product
from sample_photo_tools import (
    clouds,
    glow_mask,
    grain,
    hex_rgb,
    mix,
    paint,
    save_jpeg,
    screen,
    supersampled,
    vertical_gradient,
    vignette,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "templates"
FONTS = ROOT / "resources" / "fonts"


def concert(rng: random.Random) -> Image.Image:
    """A stage seen from the crowd: coloured spotlights through haze, raised hands against the light."""
    w, h = 1280, 1600
    img = vertical_gradient(w, h, [(0.0, hex_rgb("#05030b")), (0.45, hex_rgb("#140a2b")),
                                   (0.7, hex_rgb("#2a1045")), (1.0, hex_rgb("#0a0612"))])
    haze = clouds(rng, (w, h), 220)
    beams = [(0.12, 18, "#ff2d95"), (0.3, 8, "#2de2ff"), (0.5, -3, "#b06bff"), (0.5, 4, "#ffb02d"),
             (0.7, -9, "#2de2ff"), (0.88, -19, "#ff2d95")]
    top = 0.13 * h
    for fx, angle, color in beams:
        x0 = fx * w
        mask = Image.new("L", (w, h), 0)
        length = 1.05 * h
        spread = math.radians(6.5)
        a = math.radians(angle)
        pts = [(x0, top), (x0 + math.tan(a - spread) * length, top + length),
               (x0 + math.tan(a + spread) * length, top + length)]
        ImageDraw.Draw(mask).polygon(pts, fill=120)
        mask = mask.filter(ImageFilter.GaussianBlur(22))
        fade = vertical_gradient(w, h, [(0.0, (255,) * 3), (0.55, (150,) * 3), (0.9, (40,) * 3)]).convert("L")
        mask = Image.composite(mask, Image.new("L", (w, h), 0), fade)
        hz = haze.point(lambda v: 110 + v * 145 // 255)
        mask = Image.composite(mask, Image.new("L", (w, h), 0), hz)
        img = screen(img, hex_rgb(color), mask)
    # the haze itself, faintly lit
    img = screen(img, hex_rgb("#3a1d5c"), haze.point(lambda v: v * 90 // 255))
    # truss and lamps
    d = ImageDraw.Draw(img)
    d.rectangle((0, top - 0.018 * h, w, top - 0.006 * h), fill=hex_rgb("#07050c"))
    for fx, _, color in beams:
        x0 = fx * w
        img = screen(img, hex_rgb(color), glow_mask((w, h), x0, top, 90, 90, power=2.2, strength=0.9))
        img = screen(img, (255, 255, 255), glow_mask((w, h), x0, top, 22, 22, power=1.2))
    # stage and singer backlit in the middle
    stage = Image.new("L", (w, h), 0)
    ImageDraw.Draw(stage).rectangle((0, h * 0.663, w, h), fill=200)
    img = paint(img, hex_rgb("#0c0615"), stage.filter(ImageFilter.GaussianBlur(2)))
    img = screen(img, hex_rgb("#ff5fb1"), glow_mask((w, h), w * 0.5, h * 0.7, w * 0.6, h * 0.2, 1.4, 0.6))
    edge = Image.new("L", (w, h), 0)
    ImageDraw.Draw(edge).rectangle((0, h * 0.661, w, h * 0.666), fill=200)
    img = screen(img, hex_rgb("#ff7ac0"), edge.filter(ImageFilter.GaussianBlur(3)))
    for fx in (0.18, 0.36, 0.64, 0.82):  # floor wedges catching the light
        wedge = Image.new("L", (w, h), 0)
        ImageDraw.Draw(wedge).polygon([(fx * w - 60, h * 0.663), (fx * w + 60, h * 0.663), (fx * w + 70, h * 0.648),
                                       (fx * w - 50, h * 0.638)], fill=255)
        img = paint(img, hex_rgb("#07040c"), wedge.filter(ImageFilter.GaussianBlur(1.5)))
    singer = supersampled((w, h), 2, lambda dr, f: _singer(dr, f, w * 0.5, h * 0.66, h * 0.13))
    img = paint(img, hex_rgb("#06030a"), singer.filter(ImageFilter.GaussianBlur(1.5)))
    # the crowd in front
    crowd = supersampled((w, h), 2, lambda dr, f: _crowd(dr, f, rng, w, h))
    img = paint(img, hex_rgb("#040207"), crowd.filter(ImageFilter.GaussianBlur(4.0)))
    for _ in range(5):  # phones filming the show
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.78, 0.86) * h
        img = screen(img, hex_rgb("#cfe8ff"), glow_mask((w, h), x, y, 16, 22, power=1.0, strength=0.9))
    img = vignette(img, 0.45)
    return grain(rng, img, 7, cell=2)


def _singer(d: ImageDraw.ImageDraw, f: int, cx: float, base: float, size: float) -> None:
    """A backlit singer: head, shoulders, one arm raised with the microphone, legs apart."""
    s = size * f
    cx, base = cx * f, base * f

    def pt(x: float, y: float) -> tuple[float, float]:
        return cx + x * s, base - y * s

    d.ellipse((*pt(-0.055, 0.97), *pt(0.055, 0.84)), fill=255)
    d.polygon([pt(-0.03, 0.86), pt(0.03, 0.86), pt(0.035, 0.8), pt(-0.035, 0.8)], fill=255)
    d.polygon([pt(-0.15, 0.79), pt(0.15, 0.79), pt(0.11, 0.5), pt(0.1, 0.44), pt(-0.1, 0.44), pt(-0.11, 0.5)],
              fill=255)
    d.polygon([pt(-0.1, 0.46), pt(-0.01, 0.46), pt(-0.09, 0.0), pt(-0.17, 0.0)], fill=255)
    d.polygon([pt(0.01, 0.46), pt(0.1, 0.46), pt(0.17, 0.0), pt(0.09, 0.0)], fill=255)
    d.line([pt(0.13, 0.76), pt(0.2, 0.95), pt(0.17, 1.18)], fill=255, width=round(0.055 * s), joint="curve")
    d.ellipse((*pt(0.14, 1.24), *pt(0.2, 1.16)), fill=255)
    d.line([pt(-0.13, 0.76), pt(-0.2, 0.6), pt(-0.1, 0.62)], fill=255, width=round(0.055 * s), joint="curve")


def _crowd(d: ImageDraw.ImageDraw, f: int, rng: random.Random, w: int, h: int) -> None:
    """Heads and shoulders in three rows, some hands raised; nearer rows are bigger."""
    for row, (y0, r) in enumerate([(0.86, 0.026), (0.91, 0.034), (0.98, 0.046)]):
        x = -0.05 * w
        while x < 1.05 * w:
            rad = r * w * rng.uniform(0.85, 1.1)
            y = (y0 + rng.uniform(-0.01, 0.01)) * h
            d.ellipse(((x - rad) * f, (y - rad * 1.25) * f, (x + rad) * f, (y + rad * 1.15) * f), fill=255)
            d.rounded_rectangle(((x - 2.3 * rad) * f, (y + rad * 0.9) * f, (x + 2.3 * rad) * f,
                                 max(h, y + 4 * rad) * f), radius=1.2 * rad * f, fill=255)
            if rng.random() < 0.22 + 0.08 * row:
                side = rng.choice((-1, 1))
                sx, sy = x + side * 1.7 * rad, y + 1.2 * rad
                ex, ey = sx + side * rng.uniform(0.2, 0.9) * rad, y - rng.uniform(1.6, 2.4) * rad
                hx, hy = ex + side * rng.uniform(-0.3, 0.5) * rad, ey - rng.uniform(1.6, 2.2) * rad
                d.line([sx * f, sy * f, ex * f, ey * f, hx * f, hy * f], fill=255, width=round(0.55 * rad * f),
                       joint="curve")
                if rng.random() < 0.5:  # a fist, or fingers spread in a V
                    d.ellipse(((hx - 0.36 * rad) * f, (hy - 0.5 * rad) * f, (hx + 0.36 * rad) * f,
                               (hy + 0.3 * rad) * f), fill=255)
                else:
                    for dx in (-0.25, 0.25):
                        d.line([hx * f, hy * f, (hx + dx * rad) * f, (hy - 0.8 * rad) * f], fill=255,
                               width=round(0.16 * rad * f))
            x += rad * rng.uniform(2.4, 3.4)


def sunset(rng: random.Random) -> Image.Image:
    """Layered hills under a warm evening sky, the sun low behind a veil of haze."""
    w, h = 1600, 1067
    img = vertical_gradient(w, h, [(0.0, hex_rgb("#1d2b5e")), (0.28, hex_rgb("#5b4a94")), (0.48, hex_rgb("#d8668a")),
                                   (0.62, hex_rgb("#f79a5b")), (0.7, hex_rgb("#ffd08a"))])
    sx, sy = w * 0.64, h * 0.6
    img = screen(img, hex_rgb("#ff9a4d"), glow_mask((w, h), sx, sy, w * 0.6, h * 0.55, 2.2, 0.55))
    img = screen(img, hex_rgb("#fff1c9"), glow_mask((w, h), sx, sy, w * 0.12, w * 0.12, 1.5, 0.9))
    sun = Image.new("L", (w, h), 0)
    ImageDraw.Draw(sun).ellipse((sx - 46, sy - 46, sx + 46, sy + 46), fill=255)
    img = paint(img, hex_rgb("#fff6dc"), sun.filter(ImageFilter.GaussianBlur(3)))
    # streaks of cloud catching the light
    streaks = Image.new("L", (w, h), 0)
    sd = ImageDraw.Draw(streaks)
    for _ in range(14):
        cy = rng.uniform(0.12, 0.5) * h
        cx = rng.uniform(-0.1, 1.1) * w
        lw, lh = rng.uniform(0.15, 0.45) * w, rng.uniform(0.006, 0.018) * h
        sd.ellipse((cx - lw, cy - lh, cx + lw, cy + lh), fill=rng.randint(70, 150))
    streaks = streaks.filter(ImageFilter.GaussianBlur(9))
    img = screen(img, hex_rgb("#ffb3a0"), streaks)
    layers = [(0.6, "#b26486", 3.0, 0.05), (0.68, "#84456f", 2.0, 0.06), (0.78, "#552a55", 1.0, 0.08),
              (0.9, "#27142f", 0.0, 0.1)]
    for i, (base, color, blur, amp) in enumerate(layers):
        phases = [rng.uniform(0, 2 * math.pi) for _ in range(4)]

        def ridge(x: float, base=base, amp=amp, phases=phases, i=i) -> float:
            u = x / w
            y = (math.sin(u * 2.1 * math.pi + phases[0]) * 0.55 + math.sin(u * 4.3 * math.pi + phases[1]) * 0.3
                 + math.sin(u * 9.7 * math.pi + phases[2]) * 0.1 + math.sin(u * 23 * math.pi + phases[3]) * 0.04)
            return (base - amp * (0.5 + 0.5 * y) * (1.2 if i == 0 else 1.0)) * h

        def draw(d: ImageDraw.ImageDraw, f: int, ridge=ridge, i=i) -> None:
            pts = [(x * f, ridge(x) * f) for x in range(0, w + 9, 8)]
            d.polygon([*pts, (w * f, h * f), (0, h * f)], fill=255)
            if i == len(layers) - 1:  # trees on the nearest ridge
                for _ in range(40):
                    tx = rng.uniform(0, w)
                    th = rng.uniform(0.025, 0.06) * h
                    ty = ridge(tx) + 4
                    d.polygon([(tx * f, (ty - th) * f), ((tx - th * 0.22) * f, ty * f), ((tx + th * 0.22) * f,
                                                                                          ty * f)], fill=255)

        mask = supersampled((w, h), 2, draw)
        if blur:
            mask = mask.filter(ImageFilter.GaussianBlur(blur))
        shade = vertical_gradient(w, h, [(base - 0.12, hex_rgb(color)), (1.0, mix(hex_rgb(color), (10, 4, 16), 0.5))])
        img = Image.composite(shade, img, mask)
        if i < len(layers) - 1:  # mist gathering in the valley in front of this ridge
            mist = glow_mask((w, h), w / 2, (layers[i + 1][0] - 0.02) * h, w * 0.9, h * 0.07, 1.4, 0.35)
            img = screen(img, hex_rgb("#f3a07c"), mist)
    img = vignette(img, 0.35)
    return grain(rng, img, 5, cell=2)


def city_night(rng: random.Random) -> Image.Image:
    """A skyline at night over a river, softly out of focus, with bokeh lights in front."""
    w, h = 1600, 1067
    horizon = 0.72 * h
    img = vertical_gradient(w, h, [(0.0, hex_rgb("#04060f")), (0.45, hex_rgb("#141638")), (0.68, hex_rgb("#472a5c")),
                                   (0.72, hex_rgb("#7a3f5e")), (0.74, hex_rgb("#0a0b18")), (1.0, hex_rgb("#05060c"))])
    img = screen(img, hex_rgb("#ff8a5c"), glow_mask((w, h), w * 0.5, horizon, w * 0.8, h * 0.22, 2.0, 0.35))
    for depth, (color, hmin, hmax, lit) in enumerate([("#23264a", 0.1, 0.3, 0.15), ("#0b0c19", 0.12, 0.48, 0.3)]):
        mask = Image.new("L", (w, h), 0)
        windows = Image.new("L", (w, h), 0)
        md, wd = ImageDraw.Draw(mask), ImageDraw.Draw(windows)
        x = -20.0
        while x < w:
            bw = rng.uniform(40, 120) if depth else rng.uniform(30, 80)
            bh = rng.uniform(hmin, hmax) * h * (1.3 if abs(x - w * 0.55) < 200 else 1.0)
            top = horizon - bh
            md.rectangle((x, top, x + bw, horizon), fill=255)
            if depth and rng.random() < 0.25:
                md.rectangle((x + bw / 2 - 2, top - 50, x + bw / 2 + 2, top), fill=255)
                img = screen(img, (255, 40, 40), glow_mask((w, h), x + bw / 2, top - 50, 10, 10, 1.0))
            for wy in range(int(top + 8), int(horizon - 6), 14):
                for wx in range(int(x + 6), int(x + bw - 8), 12):
                    if rng.random() < lit:
                        wd.rectangle((wx, wy, wx + 5, wy + 7), fill=rng.randint(120, 255))
            x += bw + rng.uniform(0, 10)
        img = paint(img, hex_rgb(color), mask)
        img = screen(img, hex_rgb("#ffd59a" if depth else "#9fb6ff"), windows)
    img = img.filter(ImageFilter.GaussianBlur(2.6))  # a touch out of focus, as behind bokeh
    # reflection in the river
    top_half = img.crop((0, int(horizon - (h - horizon)), w, int(horizon))).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    refl = top_half.resize((w // 16, top_half.height), Image.Resampling.BILINEAR).resize(top_half.size)
    refl = Image.blend(refl, top_half.filter(ImageFilter.GaussianBlur(4)), 0.5)
    fade = vertical_gradient(w, refl.height, [(0, (150,) * 3), (1, (0,) * 3)]).convert("L")
    img.paste(refl, (0, int(horizon)), fade)
    # bokeh
    bokeh = Image.new("RGB", (w, h), (0, 0, 0))
    colors = ["#ff9f1c", "#ffc857", "#ff4f8b", "#3ec7ff", "#ffe2a8", "#a77bff"]
    for _ in range(46):
        r = rng.uniform(18, 70)
        cx, cy = rng.uniform(0, w), rng.uniform(0.35, 1.05) * h
        m = Image.new("L", (w, h), 0)
        level = rng.randint(90, 190)
        ImageDraw.Draw(m).ellipse((cx - r, cy - r, cx + r, cy + r), fill=level)
        ImageDraw.Draw(m).ellipse((cx - r * 0.9, cy - r * 0.9, cx + r * 0.9, cy + r * 0.9), fill=level * 4 // 5)
        bokeh = screen(bokeh, hex_rgb(rng.choice(colors)), m.filter(ImageFilter.GaussianBlur(r * 0.08 + 1.5)))
    img = ImageChops.screen(img, bokeh)
    img = vignette(img, 0.4)
    return grain(rng, img, 6, cell=2)


def abstract(rng: random.Random) -> Image.Image:
    """A grainy mesh gradient: big soft blobs of colour drifting into each other, with two light trails."""
    w = h = 1600
    s = 4  # paint small, blur, scale up: smooth and fast
    small = Image.new("RGB", (w // s, h // s), hex_rgb("#1a1240"))
    blobs = [("#ff5e7e", 0.22, 0.25, 0.42), ("#7b5cff", 0.78, 0.2, 0.45), ("#19c3d6", 0.85, 0.8, 0.4),
             ("#ffc24d", 0.3, 0.82, 0.36), ("#ff8a3d", 0.55, 0.52, 0.25), ("#c94bff", 0.05, 0.65, 0.3)]
    sw, sh = small.size
    for color, fx, fy, r in blobs:
        m = glow_mask((sw, sh), fx * sw, fy * sh, r * sw, r * sh * rng.uniform(0.8, 1.2), 1.3, 0.95)
        small = Image.composite(Image.new("RGB", small.size, hex_rgb(color)), small, m)
    small = small.filter(ImageFilter.GaussianBlur(18))
    img = small.resize((w, h), Image.Resampling.BICUBIC)
    warp = clouds(rng, (w, h), 400)
    img = Image.composite(img, img.transpose(Image.Transpose.ROTATE_90), warp.point(lambda v: 128 + v // 2))
    img = img.filter(ImageFilter.GaussianBlur(30))
    trail = supersampled((w, h), 2, lambda d, f: [d.line(
        [((x / 100 * w) * f, (y0 + 0.08 * math.sin(x / 100 * math.pi * 2 + ph)) * h * f) for x in range(0, 101)],
        fill=255, width=round(width * f), joint="curve") for y0, ph, width in ((0.4, 0.3, 6), (0.62, 2.2, 3))])
    img = screen(img, (255, 240, 230), trail.filter(ImageFilter.GaussianBlur(5)).point(lambda v: v * 3 // 4))
    img = screen(img, (255, 240, 230), trail.filter(ImageFilter.GaussianBlur(1)).point(lambda v: v // 2))
    return grain(rng, img, 9, cell=2)


def logo() -> Image.Image:
    """A neutral sample logo: a dark round badge with a ring, a spark mark and 'YOUR LOGO'."""
    f, size = 4, 400
    big = Image.new("RGBA", (size * f, size * f), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    c = size * f / 2
    d.ellipse((8 * f, 8 * f, (size - 8) * f, (size - 8) * f), fill=(28, 28, 30, 255))
    d.ellipse((26 * f, 26 * f, (size - 26) * f, (size - 26) * f), outline=(255, 255, 255, 255), width=5 * f)
    star_y, r = 138 * f, 46 * f
    pts = []
    for i in range(8):
        rad = r if i % 2 == 0 else r * 0.3
        a = -math.pi / 2 + i * math.pi / 4
        pts.append((c + rad * math.cos(a), star_y + rad * math.sin(a)))
    d.polygon(pts, fill=(255, 255, 255, 255))
    font = ImageFont.truetype(str(FONTS / "LeagueSpartan" / "LeagueSpartan-Bold.otf"), 62 * f)
    d.text((c, 236 * f), "YOUR", font=font, fill=(255, 255, 255, 255), anchor="mm")
    d.text((c, 298 * f), "LOGO", font=font, fill=(255, 255, 255, 255), anchor="mm")
    return big.resize((size, size), Image.Resampling.LANCZOS)


PHOTOS = {"concert.jpg": concert, "sunset.jpg": sunset, "city-night.jpg": city_night, "product.jpg": product,
          "abstract.jpg": abstract, "desk.jpg": desk}


def main() -> None:
    photos = OUT / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    for i, (name, fn) in enumerate(PHOTOS.items()):
        if only and name not in only:
            continue
        img = fn(random.Random(1000 + i))
        size = save_jpeg(img, photos / name)
        print(f"{name}: {img.width}x{img.height}, {size // 1024} KB")
    logo().save(OUT / "logo.png", optimize=True)
    print("logo.png: 400x400")


if __name__ == "__main__":
    main()
