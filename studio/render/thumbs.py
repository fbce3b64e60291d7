"""Small pictures of a post's media items: for the media strip and the previews. Designs are drawn by the one
renderer at a small scale; image files are decoded (EXIF rotation, sRGB) and scaled down; a video shows as a
dark frame with a play mark until video frames can be read. Usable from a worker thread (QImage only)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF

from studio.core.post import Media
from studio.render.compose import Renderer
from studio.render.imageio import ImageError, decode, downscaled, video_format
from studio.render.qt import pil_to_qimage

VIDEO_ASPECT = 16 / 9  # the placeholder's shape while a video's own size is not known


def media_image(media: Media, assets: Mapping[str, bytes], renderer: Renderer, max_side: int) -> QImage:
    """The item at most `max_side` pixels on its longer side. A missing or unreadable file gives a null QImage
    (the validator explains the problem; the strip shows a warning tile)."""
    if media.kind == "design" and media.design is not None:
        d = media.design
        return renderer.render_design(d, assets, min(1.0, max_side / max(d.width, d.height)))
    data = assets.get(media.asset)
    if not data:
        return QImage()
    if video_format(data):
        return video_placeholder(max_side)
    try:
        return pil_to_qimage(downscaled(decode(data), max_side))
    except (ImageError, ValueError, MemoryError):
        return QImage()


def video_placeholder(max_side: int) -> QImage:
    w, h = max_side, max(1, round(max_side / VIDEO_ASPECT))
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#1d1f24"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = min(w, h) * 0.22
    cx, cy = w / 2, h / 2
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, 60))
    p.drawEllipse(QPointF(cx, cy), r * 1.5, r * 1.5)
    p.setBrush(QColor("white"))
    p.drawPolygon(QPolygonF([QPointF(cx - r * 0.55, cy - r * 0.8), QPointF(cx - r * 0.55, cy + r * 0.8),
                             QPointF(cx + r * 0.85, cy)]))
    p.end()
    return image
