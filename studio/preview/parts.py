"""Pieces every layout uses: a sheet of stacked blocks (height follows the content), the avatar, one-line
labels, the link card (with placeholders when it could not be fetched) and the counter strip."""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import NamedTuple
from urllib.parse import urlsplit

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPen, QTransform

from studio.preview.lru import LRU
from studio.preview.media import cover, draw_media
from studio.preview.model import Account, LinkCard, PreviewInput
from studio.preview.paragraph import paragraph
from studio.preview.richtext import font
from studio.preview.style import Palette, Style

PLACEHOLDER = {
    "loading": "Loading link preview…",
    "failed": "Link preview could not be loaded",
    "offline": "Link preview not loaded (offline)",
}
_AVATAR_COLOURS = ("#5b7cfa", "#e5735b", "#3bab7a", "#c05bd6", "#e2a33b", "#3a9fc4", "#d65b8a", "#6c7a89")


ALWAYS = None  # a block key that never matches: the block is unknown to the cache


class Sheet:
    """Blocks stacked top to bottom; each paints itself with the painter translated to its top.

    With `frame` (which picture this is: the target), a sheet drawn again with every block where it was and
    keyed as it was (a key holds everything a block's pixels are drawn from besides its place and size) is
    the last picture itself: a keystroke past a caption's fold, or in a field a preview does not show, draws
    nothing.

    A block names the paragraphs it draws (`paras`: (paragraph, x, y) from its top-left) apart from its key. When
    the caller hands the last picture back to be drawn into (`drawing_into`, as the previews dock does with the
    picture it shows) and only paragraphs changed, keeping their line count, the picture is updated in place:
    the rows from the first changed line down are filled with the background and every block is painted again,
    clipped to them. A keystroke at the end of a caption redraws a line or two instead of the whole post, and
    `damage` tells the caller which rows to put on screen. The pixels are those of drawing it whole."""

    def __init__(self, width: int, frame: object = None):
        self.width = width
        self.frame = frame
        self.height = 0.0
        self.blocks: list[tuple[int, Callable[[QPainter], None] | None, object, tuple]] = []

    def add(self, height: float, paint: Callable[[QPainter], None] | None = None, key: object = ALWAYS,
            paras: tuple = ()) -> float:
        """Append a block; returns its top. `key`: what its pixels depend on besides its place, its size and
        `paras` (equal keys, equal pixels; ALWAYS: not known). `paras`: the paragraphs it draws, as
        (Paragraph or None, x, y) from the block's top-left, drawn with a background colour when there is one
        (Paragraph.draw's `bg`). A block without paint is background."""
        top = round(self.height)  # whole pixels: cached glyphs and media stay sharp
        self.blocks.append((top, paint, "" if paint is None else key, paras))
        self.height += height
        return top

    def add_cached(self, height: float, key: tuple, paint: Callable[[QPainter], None]) -> float:
        """Append a block that looks the same on every keystroke: painted once per key, then copied."""
        h, width = max(1, round(height)), self.width
        full = (*key, width, h)
        return self.add(h, lambda p: p.drawImage(0, 0, cached(full, width, h, paint)), key=full)  # (not self: a
        # sheet that its own blocks hold on to is garbage only the cycle collector frees)

    def image(self, bg: str) -> QImage:
        h = max(1, round(self.height))
        keys = (self.width, h, bg, tuple((top, key, tuple((text_key(para), x, y) for para, x, y in paras))
                                         for top, _, key, paras in self.blocks))
        known = self.frame is not None and all(key is not ALWAYS for _, _, key, _ in self.blocks)
        last = frames.get(self.frame) if known else None
        if last is not None and last.keys == keys:
            if last.damage is not None:
                frames.replace(self.frame, last._replace(damage=None))  # unchanged this time: no rows to show
            return last.image
        into = drawing_into.get()
        if last is not None and into is not None and last.image is into and last.keys[:3] == keys[:3]:
            rows = _changed_rows(last.blocks, self.blocks, h)
            if rows is not None:
                self._paint_into(into, bg, rows)
                frames.replace(self.frame, Frame(keys, into, self._kept(),
                                                 QRect(0, rows[0], self.width, rows[1] - rows[0])))
                return into
        img = QImage(self.width, h, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(QColor(bg))
        p = _painter(img)
        self._paint(p)
        p.end()
        if known:
            frames.replace(self.frame, Frame(keys, img, self._kept()))
        return img

    def _paint(self, p: QPainter) -> None:
        for top, paint, _, _ in self.blocks:
            if paint is not None:
                p.save()
                p.translate(0, top)
                paint(p)
                p.restore()

    def _paint_into(self, img: QImage, bg: str, rows: tuple[int, int]) -> None:
        img.reinterpretAsFormat(QImage.Format.Format_ARGB32_Premultiplied)  # the bytes it was drawn in
        rect = QRect(0, rows[0], self.width, rows[1] - rows[0])
        p = _painter(img)
        p.setClipRect(rect)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.fillRect(rect, QColor(bg))  # as QImage.fill: the background's own pixels, not blended
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        self._paint(p)
        p.end()

    def _kept(self) -> list[tuple[int, object, tuple]]:
        return [(top, key, paras) for top, _, key, paras in self.blocks]


IN_PLACE_MAX = 0.6  # of the picture's height: a larger change is drawn anew


def _changed_rows(old: list[tuple[int, object, tuple]], new: list[tuple], height: int) -> tuple[int, int] | None:
    """The rows (first, end) that differ between two sheets of the same size whose blocks stand where they
    stood and differ only in paragraphs of unchanged line counts; None when the picture must be drawn anew."""
    if len(old) != len(new):
        return None
    lo, hi = height, 0
    for (top, key, paras), (new_top, _, new_key, new_paras) in zip(old, new, strict=True):
        if top != new_top or key != new_key or len(paras) != len(new_paras):
            return None
        for (para, x, y), (new_para, nx, ny) in zip(paras, new_paras, strict=True):
            if para is new_para or text_key(para) == text_key(new_para):
                if (x, y) != (nx, ny):
                    return None
                continue
            if (para is None or new_para is None or (x, y) != (nx, ny) or para.lines != new_para.lines
                    or para.pitch != new_para.pitch):
                return None
            first = para.first_changed_line(new_para)
            origin = top + y
            # from the line above the first changed one (glyphs reach into their neighbours' rows) to a line
            # past the paragraph's end (descenders, the fold label)
            lo = min(lo, math.floor(origin + (first - 1) * para.pitch) - 2)
            hi = max(hi, math.ceil(origin + (para.lines + 1) * para.pitch) + 2)
    lo, hi = max(0, lo), min(height, hi)
    if hi <= lo or hi - lo > IN_PLACE_MAX * height:
        return None
    return lo, hi


def rows_shown(p: QPainter, top: float, bottom: float) -> bool:
    """Whether anything drawn between rows `top` and `bottom` (the painter's coordinates) can show: not when the
    painter is clipped (a picture updated in place) and they lie wholly outside the clip, with a margin for
    antialiased edges. A painter's calls outside its clip draw nothing; this spares working out what they draw."""
    if not p.hasClipping():
        return True
    clip = p.clipBoundingRect()
    return bottom + 3 > clip.top() and top - 3 < clip.bottom()


drawing_into: ContextVar[QImage | None] = ContextVar("drawing_into", default=None)


def damage(frame: object, image: QImage) -> QRect | None:
    """The rows of `image` (the last picture of `frame`) that its last update changed, when that update drew
    into it in place; None when it was drawn anew (everything changed) or is not that frame's picture."""
    last = frames.get(frame)
    return last.damage if last is not None and last.image is image else None


def _painter(img: QImage) -> QPainter:
    p = QPainter(img)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                     | QPainter.RenderHint.SmoothPixmapTransform)
    return p


class Frame(NamedTuple):
    """A card's last picture (parts.frames, by target)."""

    keys: object  # what it was drawn from: equal keys, the same picture
    image: QImage
    blocks: list | None = None  # a Sheet's blocks as (top, key, paragraphs): what an update in place compares
    damage: QRect | None = None  # the rows its last update in place changed


frames: LRU[object, Frame] = LRU(32)  # a card's last picture


def text_key(para) -> object:
    """A key for a laid-out paragraph (None: no text)."""
    return None if para is None else para.key


def media_key(images: list[QImage]) -> tuple:
    return tuple(m.cacheKey() for m in images)


def card_key(card: LinkCard | None) -> tuple | None:
    if card is None:
        return None
    return card.url, card.state, card.title, card.description, None if card.image is None else card.image.cacheKey()


# ----------------------------------------------------------------------------------------------- cached layers

_layers: LRU[tuple, QImage] = LRU(160)


def account_key(account: Account) -> tuple:
    return account.avatar.cacheKey() if account.avatar is not None else None, account.name, account.handle


def cached(key: tuple, width: int, height: int, paint: Callable[[QPainter], None], opaque: bool = False) -> QImage:
    """A transparent layer painted once per key (headers, action rows, full-screen chrome): a keystroke only
    lays out and draws the text."""
    hit = _layers.get(key)
    if hit is not None:
        return hit
    img = QImage(max(1, width), max(1, height), QImage.Format.Format_RGB32 if opaque else
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(0, 0, 0, 255 if opaque else 0))
    p = QPainter(img)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                     | QPainter.RenderHint.SmoothPixmapTransform)
    paint(p)
    p.end()
    return _layers.put(key, img)


# ----------------------------------------------------------------------------------------------- avatar

_avatars: LRU[tuple, QImage] = LRU(64)


def initials(name: str) -> str:
    words = [w for w in name.replace("_", " ").split() if w[:1].isalnum()]
    letters = "".join(w[0] for w in words[:2]).upper()
    return letters or (name.strip()[:1].upper() or "?")


def avatar_image(account: Account, size: int, shape: str = "round") -> QImage:
    """The account's avatar (or initials on a colour from its handle), round or a rounded square; cached."""
    key = (account.avatar.cacheKey() if account.avatar is not None else None, account.name, account.handle, size,
           shape)
    hit = _avatars.get(key)
    if hit is not None:
        return hit
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    p.setPen(Qt.PenStyle.NoPen)
    if account.avatar is not None and not account.avatar.isNull():
        a = account.avatar
        x, y, w, h = cover(a.width(), a.height(), 1.0)
        brush = QBrush(a.copy(round(x), round(y), round(w), round(h)).scaled(
            size, size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation))
    else:
        brush = QBrush(QColor(_AVATAR_COLOURS[zlib.crc32(account.handle.encode()) % len(_AVATAR_COLOURS)]))
    p.setBrush(brush)
    r = size / 2 if shape == "round" else size * 0.2
    p.drawRoundedRect(QRectF(0, 0, size, size), r, r)
    if account.avatar is None or account.avatar.isNull():
        p.setPen(QColor("#ffffff"))
        p.setFont(font(size * 0.4, 600))
        p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(account.name))
    p.end()
    return _avatars.put(key, img)


def draw_avatar(p: QPainter, account: Account, x: float, y: float, size: int, shape: str = "round") -> None:
    p.drawImage(QPointF(x, y), avatar_image(account, size, shape))


# ----------------------------------------------------------------------------------------------- labels

def label(p: QPainter, text: str, x: float, y: float, size: float, color: str, weight: int = 400,
          max_width: float | None = None) -> float:
    """One line of text with its top at y, elided to max_width; returns its advance width."""
    f = font(size, weight)
    fm = QFontMetricsF(f)
    if max_width is not None and fm.horizontalAdvance(text) > max_width:
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, max_width))
    p.setFont(f)
    p.setPen(QColor(color))
    p.drawText(QPointF(x, y + fm.ascent()), text)
    return fm.horizontalAdvance(text)


def text_width(text: str, size: float, weight: int = 400) -> float:
    return QFontMetricsF(font(size, weight)).horizontalAdvance(text)


def line_height(size: float, weight: int = 400) -> float:
    return QFontMetricsF(font(size, weight)).height()


def pill(p: QPainter, rect: QRectF, fill: str, text: str, color: str, size: float = 13, weight: int = 600,
         outline: str = "") -> None:
    p.setPen(QPen(QColor(outline), 1) if outline else Qt.PenStyle.NoPen)
    p.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    p.setFont(font(size, weight))
    p.setPen(QColor(color))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


# ----------------------------------------------------------------------------------------------- link card

def domain(url: str) -> str:
    try:
        host = urlsplit(url if "://" in url else f"https://{url}").hostname or url
    except ValueError:
        host = url
    return host.removeprefix("www.")


def card_lines(card: LinkCard) -> tuple[str, str, str]:
    """(domain, title, description) as the card shows them; a placeholder title for any state but "ok"."""
    site = domain(card.url)
    if card.state != "ok":
        return site, PLACEHOLDER.get(card.state, PLACEHOLDER["failed"]), card.url
    return site, card.title or site, card.description


def link_card(card: LinkCard, style: Style, pal: Palette, width: float) -> tuple[float, Callable[[QPainter], None]]:
    """The card as (height, paint); paint draws with the card's top-left at the origin.

    "ok": the network's card (image over the text; X: the title on the image; Telegram and Discord: a bar at
    the left, the image under the text). Any other state, or X's card without an image: a compact card with a
    tile at the left, where a broken link (failed, offline) or three dots (loading) say what happened."""
    site, title, desc = card_lines(card)
    ok = card.state == "ok"
    image = card.image if ok and card.image is not None and not card.image.isNull() else None
    kind = style.card
    if kind == "overlay" and image is not None:  # X: the image with the title on it, the domain under it
        img_h = width / 1.91
        return img_h + 22, lambda p: _overlay_card(p, image, site, title, width, img_h, style, pal)
    barred = kind in ("telegram", "discord")
    bar, pad = (4.0, 10.0) if barred else (0.0, 12.0)
    tile = 0.0 if barred else (0.0 if ok and kind == "large" else 88.0)
    text_w = width - bar - 2 * pad - tile
    site_p = paragraph(site.upper() if style.key == "facebook" else site, font(12.5), text_w, max_lines=1)
    title_p = paragraph(title, font(14.5, 600), text_w - (20 if barred and not ok else 0), max_lines=2)
    desc_p = paragraph(desc, font(13.5), text_w, max_lines=2) if desc else None
    text_h = site_p.height + 3 + title_p.height + (3 + desc_p.height if desc_p else 0)
    img_h = (width / 1.91 if kind == "large" else (width - bar - 2 * pad) / 1.91) if image is not None else 0.0
    height = max(text_h + 2 * pad, tile) + img_h + (8 if barred and image is not None else 0)
    radius = max(min(style.media_radius, 12.0), 4.0 if barred else 0.0)

    def paint(p: QPainter) -> None:
        p.setPen(QPen(QColor(pal.divider), 1) if not barred else Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.card if barred or not ok else pal.bg))
        p.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), radius, radius)
        if bar:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(pal.accent if kind == "telegram" else pal.divider))
            p.drawRoundedRect(QRectF(0, 0, bar, height), 2, 2)
        y, x = 0.0, bar + pad + tile
        if image is not None and not barred:
            draw_media(p, image, cover(image.width(), image.height(), width / img_h), QRectF(0, 0, width, img_h),
                       radius, corners="top")
            p.setPen(QPen(QColor(pal.divider), 1))
            p.drawLine(QPointF(0, img_h), QPointF(width, img_h))
            y = img_h
        if tile:
            p.save()
            p.setPen(QPen(QColor(pal.divider), 1))
            p.drawLine(QPointF(tile, 0), QPointF(tile, height))
            p.restore()
            _state_glyph(p, card.state, QRectF(0, 0, tile, height), pal)
        y += pad
        p.setPen(QColor(pal.accent if kind == "telegram" else pal.secondary))
        site_p.draw(p, x, y)
        y += site_p.height + 3
        title_x = x
        if barred and not ok:
            _state_glyph(p, card.state, QRectF(x - 2, y, 18, title_p.height / max(1, title_p.lines)), pal)
            title_x += 20
        p.setPen(QColor(pal.link if kind == "discord" and ok else pal.text))
        title_p.draw(p, title_x, y)
        y += title_p.height + 3
        if desc_p:
            p.setPen(QColor(pal.text if kind == "telegram" and ok else pal.secondary))
            desc_p.draw(p, x, y)
            y += desc_p.height
        if image is not None and barred:
            rect = QRectF(x, y + pad, width - bar - 2 * pad, img_h)
            draw_media(p, image, cover(image.width(), image.height(), rect.width() / img_h), rect, 6)

    return height, _layered(("link-card", card_key(card), style.key, pal, width, height), width, height, pal.bg,
                            paint)


_card_layers: LRU[tuple, QImage] = LRU(64)
LAYER_MARGIN = 2  # pixels around: pen caps and antialiased edges reach a little past the box


def _layered(key: tuple, width: float, height: float, bg: str, paint: Callable[[QPainter], None]
             ) -> Callable[[QPainter], None]:
    """`paint` (something drawn on a plain `bg`, such as a link card) as an image made once per key: a keystroke
    copies it instead of drawing its shapes and text again. The image is the background with `paint` drawn into
    it, LAYER_MARGIN pixels around `width` × `height` (what its edges reach), placed on whole pixels only,
    so the copy has the pixels of drawing it directly where the layout leaves background around it."""

    def draw(p: QPainter) -> None:
        t = p.transform()
        if (t.type().value > QTransform.TransformationType.TxTranslate.value or t.dx() != int(t.dx())
                or t.dy() != int(t.dy()) or p.opacity() != 1.0):
            paint(p)  # (only on whole pixels: a copy at a fraction would cover part of a neighbour's row)
            return
        full = (*key, p.renderHints().value)
        img = _card_layers.get(full)
        if img is None:
            img = QImage(math.ceil(width) + 2 * LAYER_MARGIN, math.ceil(height) + 2 * LAYER_MARGIN,
                         QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(QColor(bg))
            q = QPainter(img)
            q.setRenderHints(p.renderHints())
            q.translate(LAYER_MARGIN, LAYER_MARGIN)
            paint(q)
            q.end()
            img.reinterpretAsFormat(QImage.Format.Format_RGB32)  # opaque: copied, not blended
            img = _card_layers.put(full, img)
        p.drawImage(-LAYER_MARGIN, -LAYER_MARGIN, img)

    return draw


def _state_glyph(p: QPainter, state: str, rect: QRectF, pal: Palette) -> None:
    """Three dots (loading) or a broken chain link (failed, offline) centred in rect."""
    c = rect.center()
    s = min(28.0, rect.height() * 0.7, rect.width() * 0.7)
    p.save()
    if state == "loading":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.secondary))
        for i in (-1, 0, 1):
            p.drawEllipse(QPointF(c.x() + i * s * 0.35, c.y()), s * 0.09, s * 0.09)
    else:
        p.setPen(QPen(QColor(pal.secondary), max(1.2, s / 14)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        gap = s * 0.16
        p.drawRoundedRect(QRectF(c.x() - s * 0.5 - gap / 2, c.y() - s * 0.18, s * 0.5, s * 0.36), s * 0.18, s * 0.18)
        p.drawRoundedRect(QRectF(c.x() + gap / 2, c.y() - s * 0.18, s * 0.5, s * 0.36), s * 0.18, s * 0.18)
    p.restore()


def _overlay_card(p: QPainter, image: QImage, site: str, title: str, width: float, img_h: float, style: Style,
                  pal: Palette) -> None:
    rect = QRectF(0, 0, width, img_h)
    draw_media(p, image, cover(image.width(), image.height(), 1.91), rect, style.media_radius, pal.divider)
    f = font(13)
    fm = QFontMetricsF(f)
    text = fm.elidedText(title, Qt.TextElideMode.ElideRight, width - 40)
    box = QRectF(12, img_h - 12 - fm.height() - 4, fm.horizontalAdvance(text) + 12, fm.height() + 4)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 150))
    p.drawRoundedRect(box, 4, 4)
    p.setFont(f)
    p.setPen(QColor("#ffffff"))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    label(p, f"From {site}", 2, img_h + 4, 13, pal.secondary)


# ----------------------------------------------------------------------------------------------- counter

COUNTER_H = 24.0


def draw_counter(p: QPainter, top: float, width: int, inp: PreviewInput) -> None:
    """ "count / limit" drawn small in a strip COUNTER_H high at `top` (red when over)."""
    count, limit, theme = inp.count, inp.limit, inp.theme
    p.fillRect(QRectF(0, top, width, COUNTER_H), QColor("#f4f5f7" if theme != "dark" else "#17181a"))
    over = limit is not None and count is not None and count > limit
    text = f"{count} / {limit}" if limit is not None else f"{count}"
    p.setFont(font(12, 600 if over else 400))
    p.setPen(QColor("#e0245e" if over else ("#6b7280" if theme != "dark" else "#9aa0a6")))
    p.drawText(QRectF(0, top, width - 12, COUNTER_H), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
               text)


def finish(sheet: Sheet, inp: PreviewInput, bg: str) -> QImage:
    """The sheet as an image, with the counter strip under it when the input has a count."""
    if inp.count is not None:
        width = sheet.width
        sheet.add(COUNTER_H, lambda p: draw_counter(p, 0, width, inp), key=(inp.count, inp.limit, inp.theme))
    return sheet.image(bg)
