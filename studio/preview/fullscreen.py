"""Full-screen placements (Instagram story and reel, TikTok, YouTube Short): a 9:16 frame, the media
cover-cropped to it, the network-like overlay (story progress bar and name on top; reels, TikTok and Shorts
with the action column on the right and the caption at the bottom, folded), the safe zone faintly marked."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPen

from studio.networks.base import Capabilities
from studio.preview import glyphs
from studio.preview.media import draw_media, media_crop
from studio.preview.model import PreviewInput
from studio.preview.paragraph import Paragraph
from studio.preview.parts import (
    COUNTER_H,
    Frame,
    account_key,
    cached,
    draw_avatar,
    draw_counter,
    frames,
    label,
    line_height,
    pill,
    text_width,
)
from studio.preview.richtext import body
from studio.preview.style import Palette, Style

WHITE = "#ffffff"
SOFT = "#e8e8e8"
NAV_H = 48.0
PAD = 12.0
COLUMN_W = 44.0

_RIGHT = {  # the right-hand column: (glyph, label under it)
    "reel": (("like", "0"), ("reply", "0"), ("send", "0"), ("more", "")),
    "tiktok": (("like", "0"), ("reply", "0"), ("bookmark", "0"), ("share", "0")),
    "short": (("thumb", "0"), ("dislike", "Dislike"), ("reply", "0"), ("share", "Share"), ("remix", "Remix")),
}
_NAV = {
    "reel": ("home", "search", "plus", "play", "person"),
    "tiktok": ("home", "person", "plus", "inbox", "person"),
    "short": ("home", "play", "plus", "inbox", "person"),
}


def render(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    pal = style.palette(inp.theme)
    w, h = width, round(width * 16 / 9)
    kind = style.extra.get("overlay", "story")
    nav = NAV_H if "nav" in style.extra else 0.0
    bottom = h - nav - 14
    key = ("fullscreen", style.key, inp.theme, w, h, tuple(m.cacheKey() for m in inp.media[:1]), len(inp.media),
           account_key(inp.account))
    para = _caption_text(inp, caps, style, kind, w, h) if kind != "story" else None
    # a keystroke past the caption's fold changes nothing here: the last picture is the picture
    frame = (key, None if para is None else para.key, inp.expanded, inp.count, inp.limit)  # (key: the account)
    last = frames.get(inp.target)
    if last is not None and last.keys == frame:
        return last.image

    def chrome(p: QPainter) -> None:  # all but the caption: the same for every keystroke
        _media(p, inp, caps, w, h)
        _scrims(p, w, h, kind)
        _safe_zone(p, caps, w, h)
        if kind == "story":
            _story(p, inp, style, w, h)
        else:
            _top(p, kind, w)
            _column(p, inp, style, kind, w, bottom)
        if nav:
            _nav(p, kind, pal, w, h)

    img = QImage(w, h + (round(COUNTER_H) if inp.count is not None else 0), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor("#000000"))
    p = QPainter(img)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                     | QPainter.RenderHint.SmoothPixmapTransform)
    p.drawImage(0, 0, cached(key, w, h, chrome, opaque=True))
    if kind != "story":
        _caption(p, inp, style, kind, w, bottom, para)
    if inp.count is not None:
        draw_counter(p, h, w, inp)
    p.end()
    frames.replace(inp.target, Frame(frame, img))
    return img


def _media(p: QPainter, inp: PreviewInput, caps: Capabilities, w: int, h: int) -> None:
    if inp.media:
        first = inp.media[0]
        draw_media(p, first, media_crop(first.width(), first.height(), caps), QRectF(0, 0, w, h), bg="#000000")
        return
    grad = QLinearGradient(0, 0, 0, h)
    grad.setColorAt(0, QColor("#3a3a3a"))
    grad.setColorAt(1, QColor("#111111"))
    p.fillRect(QRectF(0, 0, w, h), grad)
    glyphs.draw(p, "camera", QRectF(w / 2 - 24, h * 0.42 - 24, 48, 48), "#bbbbbb", 1.4)
    p.setPen(QColor("#bbbbbb"))
    p.drawText(QRectF(0, h * 0.42 + 30, w, 24), Qt.AlignmentFlag.AlignCenter, "No media: add an image or video")


def _scrims(p: QPainter, w: int, h: int, kind: str) -> None:
    """Dark gradients behind the overlay's text, as the apps draw them."""
    top = QLinearGradient(0, 0, 0, h * 0.16)
    top.setColorAt(0, QColor(0, 0, 0, 110))
    top.setColorAt(1, QColor(0, 0, 0, 0))
    p.fillRect(QRectF(0, 0, w, h * 0.16), top)
    if kind != "story":
        bottom = QLinearGradient(0, h * 0.55, 0, h)
        bottom.setColorAt(0, QColor(0, 0, 0, 0))
        bottom.setColorAt(1, QColor(0, 0, 0, 150))
        p.fillRect(QRectF(0, h * 0.55, w, h * 0.45), bottom)


def _safe_zone(p: QPainter, caps: Capabilities, w: int, h: int) -> None:
    """The network's UI bands (caps.safe_zone: share of the height at the top and bottom), faintly dashed."""
    if not caps.safe_zone:
        return
    top, bottom = caps.safe_zone
    pen = QPen(QColor(255, 255, 255, 70), 1, Qt.PenStyle.DashLine)
    pen.setDashPattern([6, 6])
    p.save()
    p.setPen(pen)
    for y in (h * top, h * (1 - bottom)):
        p.drawLine(QPointF(0, y), QPointF(w, y))
    p.restore()


def _story(p: QPainter, inp: PreviewInput, style: Style, w: int, h: int) -> None:
    segments = max(1, len(inp.media))
    gap, x0 = 4.0, 8.0
    seg_w = (w - 2 * x0 - gap * (segments - 1)) / segments
    p.setPen(Qt.PenStyle.NoPen)
    for i in range(segments):
        p.setBrush(QColor(255, 255, 255, 235 if i == 0 else 90))
        p.drawRoundedRect(QRectF(x0 + i * (seg_w + gap), 8, seg_w, 2.5), 1.25, 1.25)
    av = style.avatar_size
    draw_avatar(p, inp.account, PAD, 20, av, style.avatar)
    handle = inp.account.handle.strip().lstrip("@") or "yourhandle"
    x = PAD + av + 10
    tw = label(p, handle, x, 20 + (av - 18) / 2, 14, WHITE, 600, w - x - 110)
    label(p, "now", x + tw + 8, 20 + (av - 18) / 2, 14, SOFT)
    glyphs.draw(p, "more", QRectF(w - 64, 20 + (av - 22) / 2, 22, 22), WHITE)
    p.setPen(QPen(QColor(WHITE), 2))
    cx, cy = w - 26, 20 + av / 2
    p.drawLine(QPointF(cx - 7, cy - 7), QPointF(cx + 7, cy + 7))
    p.drawLine(QPointF(cx - 7, cy + 7), QPointF(cx + 7, cy - 7))
    y = h - 58
    pill(p, QRectF(PAD, y, w - PAD * 2 - 84, 42), "", "", WHITE, outline="#b0ffffff")
    label(p, "Send message", PAD + 18, y + 12, 14, WHITE)
    p.setPen(QColor(WHITE))
    glyphs.draw(p, "like", QRectF(w - 84, y + 9, 26, 26), WHITE, 1.8)
    glyphs.draw(p, "send", QRectF(w - 44, y + 9, 26, 26), WHITE, 1.8)


def _top(p: QPainter, kind: str, w: int) -> None:
    if kind == "reel":
        label(p, "Reels", PAD + 2, 14, 20, WHITE, 700)
        glyphs.draw(p, "camera", QRectF(w - 40, 14, 26, 26), WHITE, 1.8)
    elif kind == "tiktok":
        left, right = "Following", "For You"
        lw, rw = text_width(left, 16, 600), text_width(right, 16, 700)
        x = (w - lw - rw - 18) / 2
        label(p, left, x, 16, 16, "#c8c8c8", 600)
        label(p, right, x + lw + 18, 16, 16, WHITE, 700)
        p.fillRect(QRectF(x + lw + 18 + rw / 2 - 14, 40, 28, 2.5), QColor(WHITE))
        glyphs.draw(p, "search", QRectF(w - 40, 14, 24, 24), WHITE, 2)
    else:
        glyphs.draw(p, "search", QRectF(w - 80, 14, 24, 24), WHITE, 2)
        glyphs.draw(p, "more_v", QRectF(w - 42, 14, 24, 24), WHITE, 2)


def _column(p: QPainter, inp: PreviewInput, style: Style, kind: str, w: int, bottom: float) -> None:
    items = _RIGHT[kind]
    step = 62.0
    cx = w - PAD - COLUMN_W / 2
    y = bottom - step * len(items) - (58 if kind == "tiktok" else 40)
    if kind == "tiktok":  # the author's avatar with a follow "+" heads the column
        av = style.avatar_size
        draw_avatar(p, inp.account, cx - av / 2, y - av - 22, av, "round")
        p.setPen(QPen(QColor(WHITE), 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(cx - av / 2, y - av - 22, av, av))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(style.light.accent))
        p.drawEllipse(QPointF(cx, y - 22), 9, 9)
        p.setPen(QPen(QColor(WHITE), 2))
        p.drawLine(QPointF(cx - 4, y - 22), QPointF(cx + 4, y - 22))
        p.drawLine(QPointF(cx, y - 26), QPointF(cx, y - 18))
    for glyph, word in items:
        glyphs.draw(p, glyph, QRectF(cx - 15, y, 30, 30), WHITE, 2.0, filled=False)
        if word:
            tw = text_width(word, 12, 600)
            label(p, word, cx - tw / 2, y + 33, 12, WHITE, 600)
        y += step
    # the sound's tile at the foot of the column
    p.setPen(QPen(QColor("#444444"), 6 if kind == "tiktok" else 1.5))
    p.setBrush(QColor("#222222"))
    if kind == "tiktok":
        p.drawEllipse(QPointF(cx, y + 14), 15, 15)
    else:
        p.drawRoundedRect(QRectF(cx - 14, y, 28, 28), 6, 6)
    glyphs.draw(p, "note", QRectF(cx - 9, y + 5, 18, 18), WHITE, 1.5)


def _caption_text(inp: PreviewInput, caps: Capabilities, style: Style, kind: str, w: int, h: int
                  ) -> Paragraph | None:
    """The caption as the overlay shows it: two lines (more when expanded); a Short shows its title."""
    text_w = w - PAD * 2 - COLUMN_W - 12
    size = 14.0
    text = (inp.title.strip() or inp.text.strip().split("\n", 1)[0]) if kind == "short" else inp.text
    line = line_height(size)
    max_lines = max(2, int(h * 0.4 / (line * 1.25))) if inp.expanded else 2
    return body(text, caps, style, WHITE, SOFT, text_w, False, size=size, max_lines=max_lines,
                weight=500 if kind == "short" else 400, line_height=1.25) if text.strip() else None


def _caption(p: QPainter, inp: PreviewInput, style: Style, kind: str, w: int, bottom: float,
             para: Paragraph | None) -> None:
    text_w = w - PAD * 2 - COLUMN_W - 12
    handle = inp.account.handle.strip().lstrip("@") or "yourhandle"
    y = bottom
    if inp.expanded and para is not None:  # the apps dim the video behind an opened caption
        top = bottom - para.height - 100
        shade = QLinearGradient(0, top - 60, 0, top)
        shade.setColorAt(0, QColor(0, 0, 0, 0))
        shade.setColorAt(1, QColor(0, 0, 0, 150))
        p.fillRect(QRectF(0, top - 60, w, 60), shade)
        p.fillRect(QRectF(0, top, w, bottom - top + 14), QColor(0, 0, 0, 150))
    if kind != "short":  # the sound line
        y -= 20
        glyphs.draw(p, "note", QRectF(PAD, y + 1, 14, 14), WHITE, 1.4)
        sound = f"{handle} · Original audio" if kind == "reel" else f"original sound - {inp.account.name}"
        label(p, sound, PAD + 20, y, 13, WHITE, 400, text_w - 20)
        y -= 8
    if para is not None:
        y -= para.height
        p.setPen(QColor(WHITE))
        para.draw(p, PAD, y)
        y -= 10
    av = 30
    y -= av
    if kind == "tiktok":
        label(p, inp.account.name or handle, PAD, y + 6, 16, WHITE, 700, text_w)
        return
    draw_avatar(p, inp.account, PAD, y, av, "round")
    name = ("@" + handle) if kind == "short" else handle
    nw = label(p, name, PAD + av + 8, y + (av - 18) / 2, 14, WHITE, 600, text_w - av - 90)
    button = style.extra.get("button", "")
    bw = text_width(button, 13, 600) + 22
    rect = QRectF(PAD + av + 8 + nw + 10, y + (av - 28) / 2, bw, 28)
    if kind == "short":
        pill(p, rect, WHITE, button, "#0f0f0f", 13)
    else:
        p.setBrush(Qt.BrushStyle.NoBrush)
        pill(p, rect, "", button, WHITE, 13, outline="#c0ffffff")


def _nav(p: QPainter, kind: str, pal: Palette, w: int, h: int) -> None:
    """The app's bottom navigation bar, in the theme's colours."""
    top = h - NAV_H
    p.fillRect(QRectF(0, top, w, NAV_H), QColor(pal.bg))
    p.fillRect(QRectF(0, top, w, 1), QColor(pal.divider))
    ink = "#0f0f0f" if QColor(pal.bg).lightness() > 128 else "#ffffff"  # the palette's text is the overlay's white
    names = _NAV[kind]
    slot = w / len(names)
    for i, name in enumerate(names):
        rect = QRectF(i * slot + (slot - 26) / 2, top + (NAV_H - 26) / 2, 26, 26)
        glyphs.draw(p, name, rect, ink, 1.8, filled=(i == 0 and name == "home"))
