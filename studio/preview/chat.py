"""Chat-style posts: a Telegram channel message (a bubble with media, caption, link preview, views and time,
under the channel's bar) and a Discord message (avatar, name with the APP tag of a webhook, text, attachments
and the link's embed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from studio.networks.base import Capabilities
from studio.preview import glyphs
from studio.preview.media import cover, draw_media, grid
from studio.preview.model import PreviewInput
from studio.preview.parts import (
    Sheet,
    account_key,
    cached,
    card_key,
    draw_avatar,
    finish,
    label,
    line_height,
    link_card,
    media_key,
    pill,
    rows_shown,
    text_width,
)
from studio.preview.richtext import body
from studio.preview.style import Palette, Style

BAR_H = 56.0
BUBBLE_PAD = 10.0
TIME = "12:00"
ALBUM_ASPECT = 4 / 3


def render(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    return (_telegram if style.card == "telegram" else _discord)(inp, caps, style, width)


def _fit(img: QImage, max_w: float, max_h: float, min_aspect: float = 0.5, max_aspect: float = 2.5
         ) -> tuple[float, float]:
    """The size an attachment is shown at: its own aspect (clamped), at most max_w × max_h."""
    aspect = min(max(img.width() / max(1, img.height()), min_aspect), max_aspect)
    w = min(max_w, max_h * aspect)
    return w, w / aspect


def _crop_to(img: QImage, w: float, h: float) -> tuple[float, float, float, float]:
    return cover(img.width(), img.height(), w / max(1.0, h))


# ----------------------------------------------------------------------------------------------- Telegram

def _telegram(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    pal = style.palette(inp.theme)
    sheet = Sheet(width, frame=inp.target)
    bar_bg = "#ffffff" if inp.theme != "dark" else "#17212b"
    sheet.add_cached(BAR_H, ("tg-bar", inp.theme, account_key(inp.account)),
                     lambda p: _telegram_bar(p, inp, style, pal, bar_bg, width))
    sheet.add(10)
    bubble_w = min(width - 56.0, 480.0)
    inner = bubble_w - 2 * BUBBLE_PAD
    has_text = bool(inp.text.strip())
    media_h = 0.0
    if inp.media:
        if len(inp.media) == 1:  # the bubble's width, the photo's aspect within 3:4 .. 2.5:1
            media_h = bubble_w / min(max(inp.media[0].width() / max(1, inp.media[0].height()), 0.75), 2.5)
        else:
            media_h = bubble_w / ALBUM_ASPECT
    para = body(inp.text, caps, style, pal.link, pal.secondary, inner, inp.expanded) if has_text else None
    card = None
    if inp.link_card is not None and caps.link_card and not inp.media:
        card = link_card(inp.link_card, style, pal, inner)
    footer_h = line_height(12) + 2
    text_h = (BUBBLE_PAD - 3 + para.height if para else 0) + (8 + card[0] if card else 0)
    height = media_h + (text_h + 4 + footer_h + BUBBLE_PAD - 4 if (para or card) else 0)

    def paint(p: QPainter) -> None:
        x = 10.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.bg))
        p.drawRoundedRect(QRectF(x, 0, bubble_w, height), 12, 12)
        y = 0.0
        if inp.media and rows_shown(p, 0, media_h):  # (a picture updated in place is clipped to a few rows)
            rect = QRectF(x, 0, bubble_w, media_h)
            corners = "top" if (para or card) else "all"
            if len(inp.media) == 1:
                draw_media(p, inp.media[0], _crop_to(inp.media[0], bubble_w, media_h), rect, 12, corners=corners,
                           bg=pal.page)
            else:
                grid(p, inp.media, rect, 12, "", pal.page, corners)
        if inp.media:
            y = media_h
        if para:
            y += BUBBLE_PAD - 3
            p.setPen(QColor(pal.text))
            para.draw(p, x + BUBBLE_PAD, y, pal.bg)
            y += para.height
        if card and rows_shown(p, round(y + 8), round(y + 8) + card[0]):
            y = round(y + 8)  # on a whole pixel: the card is copied from its image
            p.save()
            p.translate(x + BUBBLE_PAD, y)
            card[1](p)
            p.restore()
        meta_colour = pal.secondary if (para or card) else "#ffffff"
        meta_y = height - footer_h - (BUBBLE_PAD - 4 if (para or card) else 8)
        tw = text_width(TIME, 12)
        views_w = text_width("0", 12)
        right = x + bubble_w - BUBBLE_PAD
        if not (para or card):  # time over the photo, on a dark pill
            pill(p, QRectF(right - tw - views_w - 38, meta_y - 2, tw + views_w + 36, footer_h + 4), "#66000000", "",
                 "#ffffff")
        label(p, TIME, right - tw, meta_y, 12, meta_colour)
        label(p, "0", right - tw - 8 - views_w, meta_y, 12, meta_colour)
        glyphs.draw(p, "eye", QRectF(right - tw - views_w - 28, meta_y + 1, 16, 16), meta_colour, 1.4)
        # the round "share" button beside a channel post (drawn once per theme: an antialiased translucent
        # circle costs a quarter of a millisecond)
        p.drawImage(round(x + bubble_w + 8), round(height - 34), cached(("tg-share", inp.theme), 30, 30, share))

    def share(p: QPainter) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 40) if inp.theme != "dark" else QColor(255, 255, 255, 30))
        p.drawEllipse(QRectF(0, 0, 30, 30))
        glyphs.draw(p, "share", QRectF(6, 6, 18, 18), "#ffffff", 1.6)

    sheet.add(height, paint, (inp.theme, media_key(inp.media), card_key(inp.link_card) if card else None),
              ((para, 10.0 + BUBBLE_PAD, media_h + BUBBLE_PAD - 3),))
    sheet.add(14)
    return finish(sheet, inp, pal.page or pal.bg)


def _telegram_bar(p: QPainter, inp: PreviewInput, style: Style, pal: Palette, bg: str, width: int) -> None:
    p.fillRect(QRectF(0, 0, width, BAR_H), QColor(bg))
    av = style.avatar_size
    draw_avatar(p, inp.account, 12, (BAR_H - av) / 2, av, style.avatar)
    x = 12 + av + 12
    label(p, inp.account.name or inp.account.handle, x, 9, 15, pal.text, 600, width - x - 50)
    label(p, "0 subscribers", x, 29, 13, pal.secondary)
    glyphs.draw(p, "more_v", QRectF(width - 36, (BAR_H - 22) / 2, 22, 22), pal.secondary)


# ----------------------------------------------------------------------------------------------- Discord

def _discord(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    pal = style.palette(inp.theme)
    sheet = Sheet(width, frame=inp.target)
    sheet.add_cached(44, ("dc-bar", inp.theme), lambda p: _discord_bar(p, pal, width))
    sheet.add(12)
    av = style.avatar_size
    x = 16 + av + 16
    cw = width - x - 16
    name_h = line_height(15, 600)
    para = body(inp.text, caps, style, pal.link, pal.secondary, cw, inp.expanded) if inp.text.strip() else None
    y = name_h + 2 + (para.height if para else 0)
    media_rects = []
    if inp.media:
        if len(inp.media) == 1:
            mw, mh = _fit(inp.media[0], min(cw, 400.0), 300.0, 0.3, 4.0)
        else:
            mw = min(cw, 400.0)
            mh = mw / ALBUM_ASPECT
        media_rects.append(QRectF(x, y + 6, mw, mh))
        y += 6 + mh
    card = None
    if inp.link_card is not None and caps.link_card:
        card = (round(y + 6), *link_card(inp.link_card, style, pal, min(cw, 432.0)))  # whole pixels: copied
        y = card[0] + card[1]
    height = y + 8

    def author(p: QPainter) -> None:
        draw_avatar(p, inp.account, 16, 0, av, style.avatar)
        name = inp.account.name or inp.account.handle
        nw = label(p, name, x, 0, 15, pal.text, 600, cw - 140)
        tag_w = text_width("APP", 10, 700) + 8
        pill(p, QRectF(x + nw + 6, 2, tag_w, 16), pal.accent, "APP", "#ffffff", 10, 700)
        label(p, style.meta, x + nw + tag_w + 12, 2, 12, pal.secondary)

    def paint(p: QPainter) -> None:
        if rows_shown(p, 0, av):  # (a picture updated in place is clipped to a few rows)
            p.drawImage(0, 0, cached(("dc-author", inp.theme, width, account_key(inp.account)), width, av, author))
        if para:
            p.setPen(QColor(pal.text))
            para.draw(p, x, name_h + 2, pal.bg)
        for rect in media_rects if media_rects and rows_shown(p, media_rects[0].top(), media_rects[0].bottom()) else ():
            if len(inp.media) == 1:
                draw_media(p, inp.media[0], _crop_to(inp.media[0], rect.width(), rect.height()), rect, 8,
                           bg=pal.bg)
            else:
                grid(p, inp.media, rect, 8, "", pal.bg)
        if card and rows_shown(p, card[0], card[0] + card[1]):
            p.save()
            p.translate(x, card[0])
            card[2](p)
            p.restore()

    sheet.add(height, paint, (inp.theme, account_key(inp.account), media_key(inp.media),
                              card_key(inp.link_card) if card else None), ((para, x, name_h + 2),))
    sheet.add(10)
    return finish(sheet, inp, pal.bg)


def _discord_bar(p: QPainter, pal: Palette, width: int) -> None:
    p.fillRect(QRectF(0, 43, width, 1), QColor(pal.divider))
    label(p, "#", 16, 11, 20, pal.secondary, 500)
    label(p, "announcements", 36, 12, 15, pal.text, 600)
