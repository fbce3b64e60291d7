"""Render every network preview of a sample post, light and dark, and contact sheets, to look at them.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python scripts/render_previews.py [--out DIR] [--width N]

The sample is the "event" template (a story-format design) with a caption holding emoji, a link, an @mention
and hashtags. The variant is a second post: three landscape/square images (carousels and grids), a thread,
a longer text shown folded, a link card on the networks that draw one (offline placeholder where no media),
and an Arabic line. Files go to /tmp/previews: TARGET-THEME.png, TARGET-THEME-variant.png, contact-*.png.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from studio.core.design import Design, ShapeLayer, TextLayer
from studio.logic import new_document
from studio.networks.registry import ALL_TARGETS, resolve
from studio.networks.validate import effective_text, text_limit
from studio.preview import Account, LinkCard, PreviewInput, render_preview
from studio.render.compose import Renderer
from studio.render.qt import ensure_gui_app

CAPTION = ("🌇 Rooftop Sessions are back! Live music above the city, Saturday 21 June from 7 pm. "
           "Tickets: https://example.com/rooftop 🎶 with @skybar_berlin #Berlin #LiveMusic #RooftopSessions")
LONG = ("Three things we learned from our first rooftop season 🧵 First: people come for the view and stay for "
        "the music, so we booked longer sets. Second: sunsets beat any light show. Third: bring a jacket. "
        "Full recap on the blog https://example.com/recap cc @anna.bsky.social #LiveMusic #Berlin "
        "مرحبا بالجميع 🎉")
THREAD = ["Second: sunsets beat any light show, so the headliner now plays at golden hour ☀️",
          "Third: bring a jacket. Even in June. #RooftopSessions"]


def sample_images(renderer: Renderer) -> tuple[list[QImage], list[QImage]]:
    doc = new_document("event", None, "Rooftop Sessions", CAPTION)
    main = [renderer.render_design(d, doc.assets) for d in doc.post.designs()]
    extra = []
    for w, h, colour, word in ((1600, 900, "#2b6777", "ONE"), (1080, 1080, "#c8553d", "TWO"),
                               (1200, 400, "#588157", "THREE")):
        design = Design(width=w, height=h, background=colour, layers=[
            ShapeLayer(shape="ellipse", fill="#ffffff33", x=w * 0.1, y=h * 0.1, w=h * 0.8, h=h * 0.8),
            TextLayer(text=word, font_size=h * 0.25, color="#ffffff", x=0, y=h * 0.35, w=w, h=h * 0.3,
                      align="center", valign="middle", auto_fit=True)])
        extra.append(renderer.render_design(design, {}))
    return main, extra


def sheet(images: list[QImage], names: list[str], columns: int, bg: str) -> QImage:
    cell_w = max(i.width() for i in images) + 24
    rows = (len(images) + columns - 1) // columns
    row_h = [max(i.height() for i in images[r * columns:(r + 1) * columns]) + 40 for r in range(rows)]
    out = QImage(cell_w * columns, sum(row_h), QImage.Format.Format_RGB32)
    out.fill(QColor(bg))
    p = QPainter(out)
    y = 0
    for r in range(rows):
        for c in range(columns):
            i = r * columns + c
            if i >= len(images):
                break
            p.setPen(QColor("#888888"))
            p.drawText(QPointF(c * cell_w + 12, y + 22), names[i])
            p.drawImage(QPointF(c * cell_w + 12, y + 30), images[i])
        y += row_h[r]
    p.end()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("/tmp/previews"))
    ap.add_argument("--width", type=int, default=420)
    args = ap.parse_args()
    ensure_gui_app()
    args.out.mkdir(parents=True, exist_ok=True)
    renderer = Renderer()
    main_media, extra = sample_images(renderer)
    doc = new_document("event", None, "Rooftop Sessions", CAPTION)
    account = Account("Midnight Echo", "midnightecho")
    sheets: dict[str, list[QImage]] = {}
    times = []
    for target in ALL_TARGETS:
        network, caps = resolve(target)
        text = effective_text(doc.post, target)
        for theme in ("light", "dark"):
            counted = caps.text_limit is not None  # as `studio preview` does: no counter where no text is shown
            inp = PreviewInput(target, text, main_media, account=account, theme=theme,
                               count=network.count(text, caps.placement) if counted else None,
                               limit=text_limit(caps, doc.post), title="Rooftop Sessions")
            t0 = time.perf_counter()
            img = render_preview(inp, args.width)
            times.append((time.perf_counter() - t0) * 1000)
            img.save(str(args.out / f"{target.replace(':', '-')}-{theme}.png"))
            sheets.setdefault(theme, []).append(img)
            no_media = caps.link_card and not caps.media.media_required
            var = PreviewInput(target, LONG, [] if no_media else extra, thread=THREAD, account=account, theme=theme,
                               link_card=LinkCard("https://example.com/recap", state="offline") if no_media else
                               LinkCard("https://example.com/recap", "Rooftop recap", "What we learned.",
                                        extra[0]),
                               count=network.count(LONG, caps.placement) if counted else None,
                               limit=caps.text_limit if no_media else caps.caption_limit or caps.text_limit)
            img = render_preview(var, args.width)
            img.save(str(args.out / f"{target.replace(':', '-')}-{theme}-variant.png"))
            sheets.setdefault(f"{theme}-variant", []).append(img)
    for key, images in sheets.items():
        sheet(images, list(ALL_TARGETS), 7, "#202020" if "dark" in key else "#dddddd").save(
            str(args.out / f"contact-{key}.png"))
    times.sort()
    print(f"{len(times)} previews, median {times[len(times) // 2]:.2f} ms, max {times[-1]:.2f} ms "
          f"(first renders, caches cold) -> {args.out}")


if __name__ == "__main__":
    main()
