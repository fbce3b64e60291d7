"""Feed posts (X, Mastodon, Bluesky, Threads, Facebook, LinkedIn): header with avatar, name and handle, the
text with its fold, media (1-4 in a grid, the network's crop), a link card where the network makes one, the
action row, and a thread drawn as replies joined by a line between the avatars."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from studio.networks.base import Capabilities
from studio.preview import glyphs
from studio.preview.media import GRID_ASPECT, draw_media, grid, media_crop
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
    rows_shown,
    text_width,
)
from studio.preview.richtext import body
from studio.preview.style import Palette, Style

PAD = 16.0
GAP = 10.0
ACTIONS_H = 40.0
LABELED_ACTIONS_H = 44.0


def render(inp: PreviewInput, caps: Capabilities, style: Style, width: int) -> QImage:
    pal = style.palette(inp.theme)
    sheet = Sheet(width, frame=inp.target)
    parts = [inp.text, *(inp.thread if caps.threads else ())]
    for i, text in enumerate(parts):
        first, last = i == 0, i == len(parts) - 1
        height, paint, key, paras = _post(inp, caps, style, pal, width, text, first, connect_above=not first,
                                          connect_below=not last)
        sheet.add(height, paint, key, paras)
    sheet.add(1, lambda p: p.fillRect(QRectF(0, 0, width, 1), QColor(pal.divider)), key=pal.divider)
    return finish(sheet, inp, pal.bg)


def _header_name(inp: PreviewInput, style: Style) -> tuple[str, str]:
    """(bold name, secondary handle) as the network writes them."""
    handle = inp.account.handle.strip().lstrip("@") or "yourhandle"
    if style.handle_suffix and style.handle_suffix.strip("@.") not in handle and not (
            style.handle_suffix.startswith("@") and "@" in handle) and not (
            style.handle_suffix.startswith(".") and "." in handle):
        handle += style.handle_suffix
    if style.extra.get("name_is_handle"):
        return handle, ""
    return inp.account.name or handle, ("@" + handle) if style.handle_at else ""


def _post(inp: PreviewInput, caps: Capabilities, style: Style, pal: Palette, width: int, text: str, first: bool,
          connect_above: bool, connect_below: bool) -> tuple[float, Callable[[QPainter], None], tuple, tuple]:
    """One post of the thread as (height, paint, key, paragraphs) for Sheet: the key holds what it is drawn from
    besides its text, which is the paragraph it names."""
    av = style.avatar_size
    stacked = style.header == "stacked"
    bleed = bool(style.extra.get("bleed"))
    cx = PAD + av + GAP if style.text_indent else PAD
    cw = width - cx - PAD
    name, handle = _header_name(inp, style)
    name_h = line_height(style.name_size, 700)
    top = PAD if not connect_above else 4.0
    text_y = top + (av + GAP if stacked else name_h + 2)

    para = body(text, caps, style, pal.link, pal.secondary, cw, inp.expanded) if text.strip() else None
    y = text_y + (para.height if para else -GAP / 2)
    media = inp.media if first else []
    media_rect = None
    if media:
        mx, mw = (0.0, float(width)) if bleed else (cx, cw)
        if len(media) == 1:
            crop = media_crop(media[0].width(), media[0].height(), caps, focus=inp.focus_of(0))
            mh = mw * crop[3] / max(1.0, crop[2])
        else:
            crop, mh = None, mw / GRID_ASPECT
        y += GAP + 2
        media_rect = (QRectF(mx, y, mw, mh), crop)
        y += mh
    card = None
    if first and inp.link_card is not None and caps.link_card and (not media or caps.link_card_with_media):
        card_w = width - 2 * PAD if bleed else cw
        ch, card_paint = link_card(inp.link_card, style, pal, card_w)
        y = round(y + GAP + 2)  # on a whole pixel: the card is copied from its image
        card = (PAD if bleed else cx, y, card_paint, ch)
        y += ch
    actions_top = y + (GAP if style.action_labels else 4)
    actions_h = LABELED_ACTIONS_H if style.action_labels else ACTIONS_H
    height = actions_top + actions_h + (0 if connect_below else 4)

    def paint(p: QPainter) -> None:
        if style.thread_line and (connect_above or connect_below):
            p.setPen(QPen(QColor(pal.divider), 2))
            x = PAD + av / 2
            if connect_above:
                p.drawLine(QPointF(x, 0), QPointF(x, top - 3))
            if connect_below:
                p.drawLine(QPointF(x, top + av + 3), QPointF(x, height))
        if rows_shown(p, top, top + av + 4):  # (a picture updated in place is clipped to a few rows)
            p.drawImage(QPointF(0, round(top)), cached(header_key, width, av + 4, header))
        if para is not None:
            p.setPen(QColor(pal.text))
            para.draw(p, cx, text_y, pal.bg)
        if media_rect is not None and rows_shown(p, media_rect[0].top(), media_rect[0].bottom()):
            rect, crop = media_rect
            radius = 0.0 if bleed else style.media_radius
            border = pal.divider if style.media_border else ""
            if crop is not None:
                draw_media(p, media[0], crop, rect, radius, border, bg=pal.bg)
            else:
                grid(p, media, rect, radius, border, pal.bg,
                     focus=[inp.focus_of(i) for i in range(len(media))] if caps.feed_crop.focal else None)
        if card is not None and rows_shown(p, card[1], card[1] + card[3]):
            p.save()
            p.translate(card[0], card[1])
            card[2](p)
            p.restore()
        if rows_shown(p, actions_top, actions_top + actions_h):
            p.drawImage(QPointF(0, round(actions_top)), cached(actions_key, width, round(actions_h), actions))

    def header(p: QPainter) -> None:
        draw_avatar(p, inp.account, PAD, 0, av, style.avatar)
        _draw_header(p, style, pal, name, handle, 0, PAD + av + GAP, width - PAD, stacked)

    def actions(p: QPainter) -> None:
        _draw_actions(p, style, pal, cx if style.text_indent else PAD, 0, width - PAD)

    header_key = ("feed-header", style.key, inp.theme, width, account_key(inp.account))
    actions_key = ("feed-actions", style.key, inp.theme, width)
    key = (header_key, actions_key, connect_above, connect_below, media_key(media),
           media_rect and media_rect[1], tuple(inp.focus) if media else (), card_key(inp.link_card) if card
           else None)
    return height, paint, key, ((para, cx, text_y),)


def _draw_header(p: QPainter, style: Style, pal: Palette, name: str, handle: str, top: float, x: float,
                 right: float, stacked: bool) -> None:
    meta = style.meta
    meta_right = bool(style.extra.get("meta_right"))
    name_h = line_height(style.name_size, 700)
    follow = style.extra.get("follow", "")
    reserve = (text_width(meta, 14) + 8 if meta_right else 0) + (text_width(follow, 14, 600) + 8 if follow else 0)
    if not follow:
        reserve += 26  # the "more" glyph
    avail = right - x - reserve
    if stacked:
        y = top + (style.avatar_size - name_h - line_height(13.5) - 2) / 2
        label(p, name, x, y, style.name_size, pal.text, 700, avail)
        y2 = y + name_h + 2
        second = " ".join(s for s in (handle, "" if meta_right else meta) if s)
        w = label(p, second, x, y2, 13.5, pal.secondary, 400, avail)
        if style.extra.get("globe"):
            glyphs.draw(p, "globe", QRectF(x + w + 4, y2 + 2, 13, 13), pal.secondary, 1.3)
    else:
        w = label(p, name, x, top, style.name_size, pal.text, 700, avail * 0.6)
        when = f" · {meta}" if handle else meta
        when_w = text_width(when, style.name_size)
        hw = label(p, handle, x + w + 5, top, style.name_size, pal.secondary, 400, max(0.0, avail - w - 5 - when_w))
        label(p, when, x + w + 5 + hw, top, style.name_size, pal.secondary)
    if meta_right:
        mw = text_width(meta, 14)
        label(p, meta, right - mw - (26 if not follow else 0), top + 2, 14, pal.secondary)
    if follow:
        fw = text_width(follow, 14, 600)
        label(p, follow, right - fw, top + 2, 14, pal.link, 600)
    else:
        glyphs.draw(p, "more", QRectF(right - 18, top, 18, 18), pal.secondary)


def _draw_actions(p: QPainter, style: Style, pal: Palette, x: float, top: float, right: float) -> None:
    names = style.actions
    if style.action_labels:
        p.fillRect(QRectF(PAD, top, right - PAD, 1), QColor(pal.divider))
        col = (right - PAD) / len(names)
        for i, (name, word) in enumerate(zip(names, style.action_labels, strict=False)):
            w = 18 + 6 + text_width(word, 14, 600)
            left = PAD + i * col + (col - w) / 2
            glyphs.draw(p, name, QRectF(left, top + 13, 18, 18), pal.secondary)
            label(p, word, left + 24, top + 13, 14, pal.secondary, 600)
        return
    n = len(names)
    step = (right - x - 16) / max(1, n - 1)  # the first glyph at the text's left edge, the last at the right
    counted = {"reply", "repost", "like", "views"}
    for i, name in enumerate(names):
        gx = x + i * step - (3 if i == 0 else 0)
        if style.key == "threads":
            gx = x - 3 + i * 44  # Threads: the glyphs sit together on the left
        glyphs.draw(p, name, QRectF(gx, top + 10, 19, 19), pal.secondary, 1.6)
        if name in counted and style.key not in ("threads",):
            label(p, "0", gx + 24, top + 11, 13, pal.secondary)
