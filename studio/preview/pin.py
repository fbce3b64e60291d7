"""A Pinterest pin: the image with rounded corners (tall pins cut at 2:3, as the grid shows them), the action
row with Save, the link's domain, the title, the description and the creator."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from studio.networks.base import Capabilities
from studio.preview import glyphs
from studio.preview.media import cover, draw_media, media_crop
from studio.preview.model import PreviewInput
from studio.preview.paragraph import paragraph
from studio.preview.parts import Sheet, account_key, domain, draw_avatar, finish, label, pill, text_width
from studio.preview.richtext import body, font
from studio.preview.style import Palette, Style

PAD = 12.0
PIN_TALLEST = 2 / 3  # taller pins are cut in the grid (the layout's limit; the network has no documented crop)
PIN_WIDEST = 1.91


def render(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    pal = style.palette(inp.theme)
    sheet = Sheet(width, frame=inp.target)
    inner = width - 2 * PAD
    sheet.add(PAD)
    if inp.media:
        first = inp.media[0]
        _, _, w, h = media_crop(first.width(), first.height(), caps)
        aspect = min(max(w / max(1.0, h), PIN_TALLEST), PIN_WIDEST)
        src = cover(first.width(), first.height(), aspect)
        img_h = inner / aspect
        sheet.add(img_h, lambda p: draw_media(p, first, src, QRectF(PAD, 0, inner, img_h), style.media_radius,
                                                         bg=pal.bg), key=(inp.theme, first.cacheKey()))
    else:
        img_h = inner * 1.5
        sheet.add(img_h, lambda p: _no_media(p, pal, inner, img_h, style.media_radius), key=inp.theme)
    if len(inp.media) > 1:
        sheet.add(16, lambda p: _dots(p, pal, len(inp.media), width), key=(inp.theme, len(inp.media)))
    sheet.add_cached(52, ("pin-actions", inp.theme), lambda p: _actions(p, style, pal, width))
    if inp.link_card is not None:
        site = domain(inp.link_card.url)
        sheet.add(24, lambda p: _link(p, pal, site), key=(inp.theme, site))
    if inp.title.strip():
        title = paragraph(inp.title.strip(), font(20, 700), inner, max_lines=2)

        def paint_title(p: QPainter) -> None:
            p.setPen(QColor(pal.text))
            title.draw(p, PAD, 0)

        sheet.add(title.height + 8, paint_title, key=inp.theme, paras=((title, PAD, 0),))
    if inp.text.strip():
        desc = body(inp.text, caps, style, pal.link, pal.secondary, inner, inp.expanded, line_height=1.3,
                    max_lines=None if inp.expanded else 3)

        def paint_desc(p: QPainter) -> None:
            p.setPen(QColor(pal.text))
            desc.draw(p, PAD, 0, pal.bg)

        sheet.add(desc.height + 12, paint_desc, key=inp.theme, paras=((desc, PAD, 0),))
    sheet.add_cached(style.avatar_size + 2 * PAD, ("pin-creator", inp.theme, account_key(inp.account)),
                     lambda p: _creator(p, inp, style, pal, width))
    return finish(sheet, inp, pal.bg)


def _no_media(p: QPainter, pal: Palette, w: float, h: float, radius: float) -> None:
    p.setPen(QColor(pal.divider))
    p.setBrush(QColor(pal.card))
    p.drawRoundedRect(QRectF(PAD, 0, w, h), radius, radius)
    glyphs.draw(p, "camera", QRectF(PAD + w / 2 - 24, h / 2 - 30, 48, 48), pal.secondary, 1.4)
    tw = text_width("A pin needs an image", 14)
    label(p, "A pin needs an image", PAD + (w - tw) / 2, h / 2 + 24, 14, pal.secondary)


def _dots(p: QPainter, pal: Palette, n: int, width: int) -> None:
    x = width / 2 - (n - 1) * 6
    for i in range(n):
        p.setPen(QColor(pal.text if i == 0 else pal.secondary))
        p.setBrush(QColor(pal.text if i == 0 else pal.divider))
        p.drawEllipse(QPointF(x + i * 12, 8), 3.5, 3.5)


def _actions(p: QPainter, style: Style, pal: Palette, width: int) -> None:
    for i, name in enumerate(style.actions):
        glyphs.draw(p, name, QRectF(PAD - 2 + i * 40, 14, 24, 24), pal.text, 1.8)
    w = text_width("Save", 15, 600) + 32
    pill(p, QRectF(width - PAD - w, 4, w, 44), pal.accent, "Save", "#ffffff", 15)


def _link(p: QPainter, pal: Palette, site: str) -> None:
    glyphs.draw(p, "share", QRectF(PAD - 2, 2, 18, 18), pal.text, 1.6)
    label(p, site, PAD + 22, 2, 14, pal.text, 600)


def _creator(p: QPainter, inp: PreviewInput, style: Style, pal: Palette, width: int) -> None:
    av = style.avatar_size
    draw_avatar(p, inp.account, PAD, PAD, av, style.avatar)
    x = PAD + av + 10
    label(p, inp.account.name or inp.account.handle, x, PAD - 1, 14, pal.text, 600, width - x - 110)
    label(p, "0 followers", x, PAD + 17, 12.5, pal.secondary)
    w = text_width("Follow", 14, 600) + 28
    pill(p, QRectF(width - PAD - w, PAD - 2, w, av + 4), pal.card, "Follow", pal.text, 14)
