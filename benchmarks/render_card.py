"""Render + JPEG-encode a 1080x1350 card (photo, three text layers with stroke, shadow and emoji, a logo)
through our renderer, and the same card written as a plain Pillow script, in the same run.
Goal: ours <= 0.5x the plain script. Also reports the per-keystroke re-render of a paragraph layer.

    python benchmarks/render_card.py [--runs 15]

Both sides start from the photo's and logo's file bytes every time (decode included) and end with JPEG
bytes at quality 90. The Pillow script cannot draw the colour emoji (Pillow has no font fallback): it
draws boxes there, which is cheaper, so the comparison favours the baseline.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps  # noqa: E402

PHOTO = ROOT / "resources" / "templates" / "photos" / "concert.jpg"
LOGO = ROOT / "resources" / "templates" / "logo.png"
FONT_HEAD = ROOT / "resources" / "fonts" / "BebasNeue" / "BebasNeue-Regular.otf"
FONT_BODY = ROOT / "resources" / "fonts" / "Inter" / "Inter-SemiBold.otf"
HEADLINE = "THE MIDNIGHT ECHO 🎸"
SUBLINE = "European tour 2026 · tickets now 🎟️"
PARAGRAPH = ("Six nights across Europe this March 🔥 Berlin, Hamburg, Amsterdam, Paris, London and Dublin. "
             "Bring your friends and your loudest voice 🤘 Doors open at 19:00, support act at 20:00.")
W, H = 1080, 1350


def card_design():
    from studio.core.design import Design, ImageLayer, Shadow, Stroke, TextLayer
    from studio.core.document import asset_key

    photo, logo = PHOTO.read_bytes(), LOGO.read_bytes()
    assets = {asset_key(photo): photo, asset_key(logo): logo}
    shadow = Shadow(enabled=True, dx=4, dy=6, blur=16, color="#000000b0")
    design = Design(width=W, height=H, background="#000000", layers=[
        ImageLayer(asset=asset_key(photo), x=0, y=0, w=W, h=H),
        TextLayer(text=HEADLINE, font_family="Bebas Neue", font_size=130, color="#ffffff", x=60, y=120, w=960,
                  h=160, stroke=Stroke(width=5, color="#000000"), shadow=shadow),
        TextLayer(text=SUBLINE, font_family="Inter", weight=600, font_size=48, color="#ffd166", x=60, y=300,
                  w=960, h=70, stroke=Stroke(width=3, color="#000000"), shadow=shadow),
        TextLayer(text=PARAGRAPH, font_family="Inter", weight=600, font_size=44, color="#ffffff", x=60, y=820,
                  w=960, h=340, line_height=1.25, stroke=Stroke(width=2, color="#000000"), shadow=shadow),
        ImageLayer(asset=asset_key(logo), role="logo", fit="contain", x=880, y=1170, w=140, h=140),
    ])
    return design, assets


def ours_once(design, assets) -> bytes:
    from studio.render.compose import Renderer
    from studio.render.export import export_design

    return export_design(design, assets, "jpeg", 90, renderer=Renderer()).data  # a fresh renderer: no cache


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def text_layer(canvas: Image.Image, xy, lines, font, fill, stroke, spacing: int) -> None:
    """Draw text with a blurred drop shadow, then the outlined text, as a Pillow script would."""
    shadow = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    sd = ImageDraw.Draw(shadow)
    x, y = xy
    for i, line in enumerate(lines):
        sd.text((x + 4, y + 6 + i * spacing), line, font=font, fill=(0, 0, 0, 176), stroke_width=stroke,
                stroke_fill=(0, 0, 0, 176))
    shadow = shadow.filter(ImageFilter.GaussianBlur(8))
    canvas.alpha_composite(shadow)
    d = ImageDraw.Draw(canvas)
    for i, line in enumerate(lines):
        d.text((x, y + i * spacing), line, font=font, fill=fill, stroke_width=stroke, stroke_fill="#000000")


def pillow_once() -> bytes:
    photo = ImageOps.exif_transpose(Image.open(io.BytesIO(PHOTO.read_bytes())))
    photo = ImageOps.fit(photo.convert("RGB"), (W, H), Image.Resampling.LANCZOS).convert("RGBA")
    canvas = photo
    head = ImageFont.truetype(str(FONT_HEAD), 130)
    body = ImageFont.truetype(str(FONT_BODY), 48)
    para = ImageFont.truetype(str(FONT_BODY), 44)
    d = ImageDraw.Draw(canvas)
    text_layer(canvas, (60, 120), [HEADLINE], head, "#ffffff", 5, 150)
    text_layer(canvas, (60, 300), [SUBLINE], body, "#ffd166", 3, 60)
    text_layer(canvas, (60, 820), wrap(d, PARAGRAPH, para, 960), para, "#ffffff", 2, 55)
    logo = Image.open(io.BytesIO(LOGO.read_bytes())).convert("RGBA")
    logo.thumbnail((140, 140), Image.Resampling.LANCZOS)
    canvas.alpha_composite(logo, (880 + (140 - logo.width) // 2, 1170 + (140 - logo.height) // 2))
    buf = io.BytesIO()
    canvas.convert("RGB").save(buf, "JPEG", quality=90, optimize=True, progressive=True)
    return buf.getvalue()


def keystroke_times(runs: int, scale: float) -> list[float]:
    """Re-render a paragraph layer after each typed character, at the given canvas scale."""
    from studio.core.design import Shadow, Stroke, TextLayer
    from studio.render.compose import Renderer

    r = Renderer()
    lay = TextLayer(text="", font_family="Inter", font_size=44, w=960, h=340, color="#ffffff",
                    stroke=Stroke(width=2, color="#000000"), shadow=Shadow(enabled=True, blur=16))
    times = []
    for ch in PARAGRAPH[:runs]:
        lay.text += ch
        t = time.perf_counter()
        r.render_layer(lay, {}, scale)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    from studio.render.qt import ensure_gui_app

    ensure_gui_app()
    design, assets = card_design()
    ours_once(design, assets)  # warm up fonts and code paths on both sides
    pillow_once()
    ours, plain = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        t = time.perf_counter()
        ours_once(design, assets)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        pillow_once()
        plain.append(time.perf_counter() - t)
    o, p = statistics.median(ours), statistics.median(plain)
    print(f"plain Pillow script:        median {p * 1000:6.1f} ms over {args.runs} runs")
    print(f"Content Studio renderer:    median {o * 1000:6.1f} ms over {args.runs} runs")
    print(f"ratio ours / plain Pillow:  {o / p:.2f}x  (goal <= 0.5x)")
    for scale, label in ((0.5, "screen scale (50 %)"), (1.0, "100 %")):
        ks = sorted(keystroke_times(120, scale))
        print(f"paragraph keystroke re-render at {label}: median {statistics.median(ks) * 1000:.1f} ms, "
              f"p95 {ks[int(len(ks) * 0.95)] * 1000:.1f} ms  (goal <= 8 ms at screen scale)")


if __name__ == "__main__":
    main()
