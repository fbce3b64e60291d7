"""Neutral action glyphs (reply, repost, like, share, ...) as simple outlines: no network's icon set, just
shapes a reader recognises. Each is drawn in a square `rect` with the current pen colour."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from studio.preview.lru import LRU


def draw(p: QPainter, name: str, rect: QRectF, color: QColor | str, width: float = 1.7, filled: bool = False) -> None:
    """Draw glyph `name` fitted into `rect` (a 24-unit design grid scaled to the rect), from a small cache of
    rendered glyphs (a preview draws a dozen per repaint)."""
    if name not in _GLYPHS:
        return
    size = max(1, round(min(rect.width(), rect.height())))
    rgba = QColor(color).rgba()
    key = (name, size, rgba, round(width, 2), filled)
    img = _cache.get(key)
    if img is None:
        img = _cache.put(key, _render(name, size, QColor.fromRgba(rgba), width, filled))
    c = rect.center()
    p.drawImage(QPointF(round(c.x() - size / 2), round(c.y() - size / 2)), img)


_cache: LRU[tuple, QImage] = LRU(512)


def _render(name: str, size: int, color: QColor, width: float, filled: bool) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 24.0
    p.scale(s, s)
    pen = QPen(color, width / s)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(color if filled else Qt.BrushStyle.NoBrush)
    _GLYPHS[name](p)
    p.end()
    return img


def _path(p: QPainter, *points: tuple[float, float], close: bool = False) -> None:
    poly = QPolygonF([QPointF(x, y) for x, y in points])
    if close:
        p.drawPolygon(poly)
    else:
        p.drawPolyline(poly)


def _heart(p: QPainter) -> None:
    path = QPainterPath(QPointF(12, 20.5))
    path.cubicTo(5, 15.5, 2.5, 12, 2.5, 8.5)
    path.cubicTo(2.5, 5.5, 4.8, 3.5, 7.3, 3.5)
    path.cubicTo(9.3, 3.5, 11, 4.7, 12, 6.5)
    path.cubicTo(13, 4.7, 14.7, 3.5, 16.7, 3.5)
    path.cubicTo(19.2, 3.5, 21.5, 5.5, 21.5, 8.5)
    path.cubicTo(21.5, 12, 19, 15.5, 12, 20.5)
    p.drawPath(path)


def _bubble(p: QPainter) -> None:
    path = QPainterPath()
    path.addEllipse(QRectF(3, 3.5, 18, 15))
    tail = QPainterPath(QPointF(6, 15.5))
    tail.lineTo(4, 21)
    tail.lineTo(10, 18)
    p.drawPath(path.united(tail))


def _repost(p: QPainter) -> None:
    _path(p, (4, 10), (4, 6.5), (18, 6.5))
    _path(p, (15, 3.5), (18, 6.5), (15, 9.5))
    _path(p, (20, 14), (20, 17.5), (6, 17.5))
    _path(p, (9, 14.5), (6, 17.5), (9, 20.5))


def _views(p: QPainter) -> None:
    for x, top in ((6, 13), (12, 6), (18, 10)):
        p.drawLine(QPointF(x, 20), QPointF(x, top))


def _share(p: QPainter) -> None:
    _path(p, (12, 15), (12, 3.5))
    _path(p, (7.5, 8), (12, 3.5), (16.5, 8))
    _path(p, (5, 12), (5, 20), (19, 20), (19, 12))


def _bookmark(p: QPainter) -> None:
    _path(p, (6, 3.5), (18, 3.5), (18, 20.5), (12, 16), (6, 20.5), close=True)


def _more(p: QPainter) -> None:
    p.save()
    p.setBrush(p.pen().color())
    for x in (5, 12, 19):
        p.drawEllipse(QPointF(x, 12), 1.2, 1.2)
    p.restore()


def _more_vertical(p: QPainter) -> None:
    p.save()
    p.setBrush(p.pen().color())
    for y in (5, 12, 19):
        p.drawEllipse(QPointF(12, y), 1.2, 1.2)
    p.restore()


def _send(p: QPainter) -> None:
    _path(p, (21, 3), (3, 10), (10.5, 13.5), (14, 21), close=True)
    p.drawLine(QPointF(10.5, 13.5), QPointF(21, 3))


def _thumb(p: QPainter, down: bool = False) -> None:
    if down:
        p.translate(0, 24)
        p.scale(1, -1)
    p.drawRect(QRectF(3, 10, 4, 10))
    _path(p, (7, 11), (11, 4), (13, 4.5), (12.5, 9.5), (19.5, 9.5), (20.5, 11), (18.5, 19.5), (16.5, 20), (7, 20))


def _remix(p: QPainter) -> None:
    p.drawArc(QRectF(4, 4, 16, 16), 30 * 16, 150 * 16)
    p.drawArc(QRectF(4, 4, 16, 16), 210 * 16, 150 * 16)
    _path(p, (17.5, 3.5), (19, 7.5), (15, 8))
    _path(p, (6.5, 20.5), (5, 16.5), (9, 16))


def _globe(p: QPainter) -> None:
    p.drawEllipse(QRectF(3, 3, 18, 18))
    p.drawEllipse(QRectF(8, 3, 8, 18))
    p.drawLine(QPointF(3, 12), QPointF(21, 12))


def _eye(p: QPainter) -> None:
    path = QPainterPath(QPointF(2, 12))
    path.quadTo(12, 1, 22, 12)
    path.quadTo(12, 23, 2, 12)
    p.drawPath(path)
    p.drawEllipse(QPointF(12, 12), 3.2, 3.2)


def _home(p: QPainter) -> None:
    _path(p, (3.5, 11), (12, 3.5), (20.5, 11), (20.5, 20.5), (3.5, 20.5), close=True)


def _search(p: QPainter) -> None:
    p.drawEllipse(QRectF(3.5, 3.5, 13, 13))
    p.drawLine(QPointF(15, 15), QPointF(20.5, 20.5))


def _plus(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 4, 18, 16), 4, 4)
    p.drawLine(QPointF(12, 8), QPointF(12, 16))
    p.drawLine(QPointF(8, 12), QPointF(16, 12))


def _inbox(p: QPainter) -> None:
    _path(p, (3, 13), (6, 5), (18, 5), (21, 13), (21, 19.5), (3, 19.5), close=True)
    _path(p, (3, 13), (8.5, 13), (10, 15.5), (14, 15.5), (15.5, 13), (21, 13))


def _person(p: QPainter) -> None:
    p.drawEllipse(QRectF(8, 3.5, 8, 8))
    path = QPainterPath(QPointF(4, 20.5))
    path.cubicTo(4, 15, 8, 13.5, 12, 13.5)
    path.cubicTo(16, 13.5, 20, 15, 20, 20.5)
    p.drawPath(path)


def _note(p: QPainter) -> None:
    p.save()
    p.setBrush(p.pen().color())
    p.drawEllipse(QRectF(4, 15, 6, 5))
    p.drawEllipse(QRectF(14, 13, 6, 5))
    p.restore()
    _path(p, (10, 17.5), (10, 5), (20, 3), (20, 15.5))


def _play(p: QPainter) -> None:
    _path(p, (7, 4.5), (19, 12), (7, 19.5), close=True)


def _camera(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 7, 18, 13), 3, 3)
    _path(p, (8, 7), (9.5, 4), (14.5, 4), (16, 7))
    p.drawEllipse(QPointF(12, 13.5), 3.5, 3.5)


def _spark(p: QPainter) -> None:  # a generic "feature" mark for a nav slot
    pts = [(12 + 9 * math.cos(a * math.pi / 4) * (1 if a % 2 == 0 else 0.4),
            12 + 9 * math.sin(a * math.pi / 4) * (1 if a % 2 == 0 else 0.4)) for a in range(8)]
    _path(p, *pts, close=True)


_GLYPHS = {
    "like": _heart, "reply": _bubble, "repost": _repost, "views": _views, "share": _share, "bookmark": _bookmark,
    "more": _more, "more_v": _more_vertical, "send": _send, "dislike": lambda p: _thumb(p, True),
    "thumb": _thumb, "remix": _remix, "globe": _globe, "eye": _eye, "home": _home, "search": _search, "plus": _plus,
    "inbox": _inbox, "person": _person, "note": _note, "play": _play, "camera": _camera, "spark": _spark,
}

NAMES = tuple(_GLYPHS)
