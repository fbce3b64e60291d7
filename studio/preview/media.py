"""Media as the feed shows it: the crop (pure), the grid of several images, and a small cache of scaled,
rounded cells so that a keystroke never rescales a photo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from studio.networks.base import Capabilities
from studio.preview.lru import LRU
from studio.preview.richtext import font
from studio.preview.style import style_for

FEED_TALLEST = 3 / 4  # a feed with no documented crop still cuts very tall single images (layout limit)
FEED_WIDEST = 3.0
GRID_ASPECT = 16 / 9  # 2-4 images share one 16:9 box (X, Bluesky)
GRID_GAP = 2.0


def cover(w: float, h: float, aspect: float, focus: tuple[float, float] | None = None
          ) -> tuple[float, float, float, float]:
    """The rect of aspect `aspect` (width / height) that covers as much of w × h as possible: centred, or with
    `focus` (0..1 from the left and the top) as near its centre as the image allows."""
    if w <= 0 or h <= 0:
        return 0.0, 0.0, float(max(w, 0)), float(max(h, 0))
    fx, fy = focus if focus is not None else (0.5, 0.5)
    if w / h > aspect:
        cw = h * aspect
        return min(max(fx * w - cw / 2, 0.0), w - cw), 0.0, cw, float(h)
    ch = w / aspect
    return 0.0, min(max(fy * h - ch / 2, 0.0), h - ch), float(w), ch


def media_crop(w: int, h: int, caps: Capabilities, count: int = 1, focus: tuple[float, float] | None = None
               ) -> tuple[float, float, float, float]:
    """The part (x, y, width, height) of a w × h image that the feed shows.

    feed_crop.fixed_aspect: cover crop (stories, reels: 9:16). Otherwise the image's aspect is clamped into
    the range that feed_crop, or the media rules where the network crops (Instagram: 4:5 to 1.91:1), allow,
    centred. With several images in a feed grid (X, Bluesky, ...) this is the first cell's crop."""
    fc = caps.feed_crop
    focus = focus if fc.focal else None  # (where the network cuts around the focal point)
    if fc.fixed_aspect:
        return cover(w, h, fc.fixed_aspect, focus)
    if w <= 0 or h <= 0:
        return cover(w, h, 1.0)
    rules = caps.media
    lo = fc.min_aspect or (rules.min_aspect if rules.aspect_outside == "crop" else None)
    hi = fc.max_aspect or (rules.max_aspect if rules.aspect_outside == "crop" else None)
    family = style_for(caps).family
    if family == "feed" and count > 1:
        first = grid_cells(count, GRID_ASPECT, 1.0, 0.0)[0]
        return cover(w, h, first.width() / first.height(), focus)
    if family == "feed" and lo is None and hi is None:
        lo, hi = FEED_TALLEST, FEED_WIDEST
    aspect = w / h
    target = min(max(aspect, lo if lo is not None else aspect), hi if hi is not None else aspect)
    if abs(target - aspect) < 1e-9:
        return 0.0, 0.0, float(w), float(h)
    return cover(w, h, target, focus)


def grid_cells(count: int, width: float, height: float, gap: float = GRID_GAP) -> list[QRectF]:
    """Cells of 1-4 images: 2 side by side, 3 = one large and two stacked, 4 = 2 × 2."""
    half_w, half_h = (width - gap) / 2, (height - gap) / 2
    right = half_w + gap
    if count <= 1:
        return [QRectF(0, 0, width, height)]
    if count == 2:
        return [QRectF(0, 0, half_w, height), QRectF(right, 0, half_w, height)]
    if count == 3:
        return [QRectF(0, 0, half_w, height), QRectF(right, 0, half_w, half_h),
                QRectF(right, half_h + gap, half_w, half_h)]
    return [QRectF(0, 0, half_w, half_h), QRectF(right, 0, half_w, half_h),
            QRectF(0, half_h + gap, half_w, half_h), QRectF(right, half_h + gap, half_w, half_h)]


class ScaledCache:
    """LRU of cropped, scaled, corner-rounded images by (source image, crop, size, radius)."""

    def __init__(self, size: int = 96):
        self.size = size
        self.items: LRU[tuple, QImage] = LRU(size)
        self.misses = 0

    def get(self, img: QImage, src: tuple[float, float, float, float], w: int, h: int, radius: float = 0.0,
            corners: str = "all", border: str = "", bg: str = "") -> QImage:
        key = (img.cacheKey(), tuple(round(v, 1) for v in src), w, h, round(radius, 1), corners, border, bg)
        hit = self.items.get(key)
        if hit is not None:
            return hit
        self.misses += 1
        return self.items.put(key, _scaled(img, src, w, h, radius, corners, border, bg))


CACHE = ScaledCache()


def _scaled(img: QImage, src: tuple[float, float, float, float], w: int, h: int, radius: float, corners: str,
            border: str, bg: str) -> QImage:
    """The cell as drawn: cropped, scaled, rounded, bordered. With `bg` the corners are filled with it and the
    image is opaque (an opaque image is drawn several times faster than one with alpha)."""
    x, y, cw, ch = (round(v) for v in src)
    part = img.copy(x, y, max(1, cw), max(1, ch)).scaled(
        max(1, w), max(1, h), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    if radius <= 0 and not border:
        return part.convertToFormat(QImage.Format.Format_RGB32 if not part.hasAlphaChannel() or bg else
                                    QImage.Format.Format_ARGB32_Premultiplied)
    out = QImage(max(1, w), max(1, h), QImage.Format.Format_RGB32 if bg else QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(QColor(bg) if bg else QColor(0, 0, 0, 0))
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(part))
    rect = QRectF(0, 0, w, h)
    if corners == "top":  # rounded top, square bottom (a bubble's media, a card's image)
        p.drawRoundedRect(rect.adjusted(0, 0, 0, radius), radius, radius)
        p.fillRect(QRectF(0, h - radius, w, radius), QBrush(part))
    else:
        p.drawRoundedRect(rect, radius, radius)
    if border:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(border), 1))
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    p.end()
    return out


def draw_media(p: QPainter, img: QImage, src: tuple[float, float, float, float], rect: QRectF, radius: float = 0.0,
               border: str = "", corners: str = "all", bg: str = "") -> None:
    """Draw the `src` part of `img` into `rect` (rounded; a hairline border when given a colour; the corners
    filled with `bg` when given), at whole pixels from the cache."""
    w, h = max(1, round(rect.width())), max(1, round(rect.height()))
    p.drawImage(QPointF(round(rect.x()), round(rect.y())), CACHE.get(img, src, w, h, radius, corners, border, bg))


def grid(p: QPainter, media: list[QImage], rect: QRectF, radius: float, border: str, bg: str,
         corners: str = "all", focus: list[tuple[float, float] | None] | None = None) -> None:
    """1-4 images in `rect`, each cover-cropped to its cell, the outer corners (or only the top ones) rounded
    by masking them with `bg`; a "+N" over the last cell when there are more."""
    shown = media[:4]
    cells = grid_cells(len(shown), rect.width(), rect.height())
    for i, (img, cell) in enumerate(zip(shown, cells, strict=True)):
        cell = cell.translated(rect.topLeft())
        src = cover(img.width(), img.height(), cell.width() / max(1.0, cell.height()),
                    focus[i] if focus and i < len(focus) else None)
        draw_media(p, img, src, cell, bg=bg)
        if i == 3 and len(media) > 4:
            p.fillRect(cell, QColor(0, 0, 0, 110))
            p.setPen(QColor("#ffffff"))
            p.setFont(font(26, 600))
            p.drawText(cell, Qt.AlignmentFlag.AlignCenter, f"+{len(media) - 4}")
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if radius > 0:
        mask = QPainterPath()
        mask.addRect(rect)
        inner = QPainterPath()
        inner.addRoundedRect(rect.adjusted(0, 0, 0, radius) if corners == "top" else rect, radius, radius)
        p.fillPath(mask.subtracted(inner), QColor(bg))
    if border:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(border), 1))
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    p.restore()
