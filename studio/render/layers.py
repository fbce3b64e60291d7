"""Shape and image layers, and the dispatch that turns any layer into a RenderedLayer."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageOps
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath, QPen

from studio.core.design import ImageLayer, Layer, ShapeLayer, TextLayer
from studio.render.qt import pil_to_qimage
from studio.render.text import qcolor, render_text


@dataclass
class RenderedLayer:
    """A layer drawn unrotated at some scale. (ox, oy) is where the image's top-left pixel sits relative
    to the layer box's top-left, in scaled pixels (negative when a stroke or shadow reaches outside)."""

    image: QImage
    ox: float
    oy: float


def render_shape(layer: ShapeLayer, scale: float) -> RenderedLayer:
    sw = layer.stroke.width * scale if layer.stroke.width > 0 else 0.0
    w, h = layer.w * scale, layer.h * scale
    m = math.ceil(sw / 2 + 1)
    size = (max(1, math.ceil(w) + 2 * m), max(1, math.ceil(h) + 2 * m))
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(m, m)
    rect = QRectF(0, 0, w, h)
    if layer.shape == "line":
        pen = QPen(qcolor(layer.fill), max(h, 1.0))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        p.drawLine(rect.left(), rect.center().y(), rect.right(), rect.center().y())
    else:
        p.setBrush(QBrush(qcolor(layer.fill)))
        p.setPen(QPen(qcolor(layer.stroke.color), sw) if sw else Qt.PenStyle.NoPen)
        if layer.shape == "ellipse":
            p.drawEllipse(rect)
        else:
            r = min(layer.corner_radius * scale, w / 2, h / 2)
            p.drawRoundedRect(rect, r, r)
    p.end()
    return RenderedLayer(image, -m, -m)


def _oriented(src: Image.Image, layer: ImageLayer) -> Image.Image:
    img = src
    if layer.turns % 4:
        img = img.transpose([Image.Transpose.ROTATE_270, Image.Transpose.ROTATE_180,
                             Image.Transpose.ROTATE_90][layer.turns % 4 - 1])
    if layer.flip_h:
        img = ImageOps.mirror(img)
    if layer.flip_v:
        img = ImageOps.flip(img)
    return img


def crop_box(src_w: int, src_h: int, box_w: float, box_h: float, zoom: float, fx: float, fy: float
             ) -> tuple[float, float, float, float]:
    """The part of the source shown in a `cover` frame: the largest region of the frame's aspect,
    divided by zoom, centred on the focus point as far as the image allows."""
    aspect = box_w / max(box_h, 1e-6)
    cw, ch = (src_w, src_w / aspect) if src_w / src_h <= aspect else (src_h * aspect, src_h)
    z = max(1.0, zoom)
    cw, ch = cw / z, ch / z
    cx = min(max(fx * src_w, cw / 2), src_w - cw / 2)
    cy = min(max(fy * src_h, ch / 2), src_h - ch / 2)
    return cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2


def _filter(ratio: float) -> Image.Resampling:
    """Lanczos when shrinking (sharp, and cheap with reducing_gap); bicubic when enlarging, where Lanczos
    costs twice as much and looks the same."""
    return Image.Resampling.LANCZOS if ratio < 1.0 else Image.Resampling.BICUBIC


def render_image(layer: ImageLayer, source: Image.Image, scale: float) -> RenderedLayer:
    """`source` is the decoded, adjusted RGBA image of the layer's asset."""
    img = _oriented(source, layer)
    w, h = max(1, round(layer.w * scale)), max(1, round(layer.h * scale))
    if layer.fit == "contain":
        ratio = min(w / img.width, h / img.height)
        tw, th = max(1, round(img.width * ratio)), max(1, round(img.height * ratio))
        fitted = img.resize((tw, th), _filter(ratio), reducing_gap=3.0)
        canvas = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        canvas.paste(fitted, ((w - tw) // 2, (h - th) // 2))
        img = canvas
    else:
        box = crop_box(img.width, img.height, w, h, layer.zoom, layer.focus_x, layer.focus_y)
        img = img.resize((w, h), _filter(w / max(box[2] - box[0], 1e-6)), box=box, reducing_gap=3.0)
    qimg = pil_to_qimage(img)
    if layer.corner_radius > 0:
        rounded = QImage(qimg.size(), QImage.Format.Format_ARGB32_Premultiplied)
        rounded.fill(0)
        p = QPainter(rounded)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        r = min(layer.corner_radius * scale, w / 2, h / 2)
        path.addRoundedRect(QRectF(0, 0, w, h), r, r)
        p.setClipPath(path)
        p.drawImage(0, 0, qimg)
        p.end()
        qimg = rounded
    return RenderedLayer(qimg, 0.0, 0.0)


def render_text_layer(layer: TextLayer, scale: float) -> RenderedLayer:
    image, ox, oy = render_text(layer, scale)
    return RenderedLayer(image, ox, oy)


def placeholder(layer: Layer, scale: float, message_color: str = "#9aa0a6") -> RenderedLayer:
    """What an image layer shows when its image is missing or unreadable: a hatched frame."""
    w, h = max(1, round(layer.w * scale)), max(1, round(layer.h * scale))
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(qcolor("#e8eaed"))
    p = QPainter(image)
    p.setPen(QPen(qcolor(message_color), max(1.0, 2 * scale)))
    p.drawRect(QRectF(0, 0, w - 1, h - 1))
    p.drawLine(0, 0, w, h)
    p.drawLine(0, h, w, 0)
    p.end()
    return RenderedLayer(image, 0.0, 0.0)
