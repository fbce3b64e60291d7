"""Instagram feed post: header, the media at the feed's crop (4:5 to 1.91:1; a carousel keeps the first
image's frame) with "1/N" and carousel dots, the action row, likes, and "name caption… more"."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from studio.networks.base import Capabilities
from studio.preview import glyphs
from studio.preview.media import cover, draw_media, media_crop
from studio.preview.model import PreviewInput
from studio.preview.parts import Sheet, account_key, draw_avatar, finish, label, media_key, pill, text_width
from studio.preview.richtext import body
from studio.preview.style import Palette, Style

HEADER_H = 54.0
ACTIONS_H = 46.0
PAD = 12.0
DOT = 6.0
DOT_GAP = 4.0
DOT_INACTIVE = {"light": "#a8a8a8", "dark": "#5c5c5c"}


def frame_aspect(media: list[QImage], caps: Capabilities) -> float:
    """The aspect of the media frame: the first image's feed crop (a carousel shows every image in it)."""
    if not media:
        return 1.0
    _, _, w, h = media_crop(media[0].width(), media[0].height(), caps, len(media))
    return w / max(1.0, h)


def dots_row(width: int, media: list[QImage], caps: Capabilities) -> float:
    """The y of the carousel dots' centre (tests look for them there)."""
    return HEADER_H + width / frame_aspect(media, caps) + ACTIONS_H / 2


def render(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    pal = style.palette(inp.theme)
    sheet = Sheet(width, frame=inp.target)
    handle = inp.account.handle.strip().lstrip("@") or "yourhandle"
    account = account_key(inp.account)
    sheet.add_cached(HEADER_H, ("ig-header", inp.theme, account), lambda p: _header(p, inp, style, pal, handle, width))
    media_h = width / frame_aspect(inp.media, caps)
    sheet.add(media_h, lambda p: _media(p, inp, caps, pal, width, media_h), key=(inp.theme, media_key(inp.media)))
    sheet.add_cached(ACTIONS_H, ("ig-actions", inp.theme, len(inp.media)),
                     lambda p: _actions(p, inp, style, pal, width))
    sheet.add_cached(22, ("ig-likes", inp.theme), lambda p: label(p, "0 likes", PAD, 0, 14, pal.text, 600))
    if inp.text.strip():
        para = body(inp.text, caps, style, pal.link, pal.secondary, width - 2 * PAD, inp.expanded,
                    prefix=handle + " ", line_height=1.25)

        def caption(p: QPainter) -> None:
            p.setPen(QColor(pal.text))
            para.draw(p, PAD, 0, pal.bg)

        sheet.add(para.height + 6, caption, key=inp.theme, paras=((para, PAD, 0),))
    sheet.add_cached(26, ("ig-time", inp.theme), lambda p: label(p, "Just now", PAD, 4, 11.5, pal.secondary))
    sheet.add(8)
    return finish(sheet, inp, pal.bg)


def _header(p: QPainter, inp: PreviewInput, style: Style, pal: Palette, handle: str, width: int) -> None:
    av = style.avatar_size
    draw_avatar(p, inp.account, PAD, (HEADER_H - av) / 2, av, style.avatar)
    x = PAD + av + 10
    y = (HEADER_H - 18) / 2
    w = label(p, handle, x, y, 14, pal.text, 600, width - x - 90)
    label(p, "• now", x + w + 6, y, 14, pal.secondary)
    glyphs.draw(p, "more", QRectF(width - PAD - 22, (HEADER_H - 22) / 2, 22, 22), pal.text)


def _media(p: QPainter, inp: PreviewInput, caps: Capabilities, pal: Palette, width: int, height: float) -> None:
    rect = QRectF(0, 0, width, height)
    if not inp.media:
        p.fillRect(rect, QColor(pal.card))
        glyphs.draw(p, "camera", QRectF(width / 2 - 24, height / 2 - 36, 48, 48), pal.secondary, 1.4)
        p.setPen(QColor(pal.secondary))
        p.drawText(QRectF(0, height / 2 + 18, width, 24), Qt.AlignmentFlag.AlignCenter, "No media: add an image")
        return
    first = inp.media[0]
    src = media_crop(first.width(), first.height(), caps) if len(inp.media) == 1 else \
        cover(first.width(), first.height(), width / height)
    draw_media(p, first, src, rect, bg=pal.bg)
    if len(inp.media) > 1:
        text = f"1/{len(inp.media)}"
        w = text_width(text, 12, 600) + 16
        pill(p, QRectF(width - PAD - w, PAD, w, 24), "#99000000", text, "#ffffff", 12)


def _actions(p: QPainter, inp: PreviewInput, style: Style, pal: Palette, width: int) -> None:
    y = (ACTIONS_H - 24) / 2
    names = [n for n in style.actions if n != "bookmark"]
    for i, name in enumerate(names):
        glyphs.draw(p, name, QRectF(PAD - 2 + i * 40, y, 24, 24), pal.text, 1.8)
    glyphs.draw(p, "bookmark", QRectF(width - PAD - 22, y, 24, 24), pal.text, 1.8)
    n = len(inp.media)
    if n > 1:
        shown = min(n, 5)  # the dots scroll after five
        total = shown * DOT + (shown - 1) * DOT_GAP
        x = (width - total) / 2 + DOT / 2
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(shown):
            p.setBrush(QColor(pal.accent if i == 0 else DOT_INACTIVE.get(inp.theme, "#a8a8a8")))
            p.drawEllipse(QPointF(x + i * (DOT + DOT_GAP), ACTIONS_H / 2), DOT / 2, DOT / 2)
