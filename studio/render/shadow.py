"""Soft drop shadows for any rendered layer image.

The shadow is the layer's alpha, blurred and tinted. Blurring runs on the single alpha channel only, and
for wide blurs on a downscaled copy (a Gaussian of a downscaled image, scaled back up, is visually the
same and many times cheaper), so a paragraph's shadow costs a few milliseconds instead of tens.
"""

from __future__ import annotations

import math

from PIL import Image, ImageFilter
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter


def _alpha_to_pil(image: QImage) -> Image.Image:
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    stride = alpha.bytesPerLine()
    data = bytes(alpha.constBits())[: stride * alpha.height()]
    return Image.frombuffer("L", (alpha.width(), alpha.height()), data, "raw", "L", stride, 1)


def blurred_alpha(image: QImage, sigma: float, pad: int) -> Image.Image:
    """The image's alpha, padded by `pad` pixels on each side and blurred with a Gaussian of `sigma`."""
    src = _alpha_to_pil(image)
    padded = Image.new("L", (src.width + 2 * pad, src.height + 2 * pad), 0)
    padded.paste(src, (pad, pad))
    if sigma <= 0.3:
        return padded
    factor = max(1, int(sigma / 2.5))
    if factor == 1:
        return padded.filter(ImageFilter.GaussianBlur(sigma))
    small = padded.reduce(factor)
    small = small.filter(ImageFilter.GaussianBlur(sigma / factor))
    return small.resize(padded.size, Image.Resampling.BILINEAR)


def drop_shadow(image: QImage, ox: float, oy: float, dx: float, dy: float, blur: float,
                color: QColor) -> tuple[QImage, float, float]:
    """Return the image with a shadow beneath it, grown to hold the shadow, and its new origin.
    `blur` is a CSS-style blur radius (the Gaussian's sigma is half of it)."""
    sigma = max(0.0, blur / 2)
    pad = math.ceil(sigma * 3)
    alpha = blurred_alpha(image, sigma, pad)
    mask = QImage(alpha.tobytes(), alpha.width, alpha.height, alpha.width, QImage.Format.Format_Alpha8)
    shadow = QImage(mask.size(), QImage.Format.Format_ARGB32_Premultiplied)
    shadow.fill(color)
    p = QPainter(shadow)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    p.drawImage(0, 0, mask)
    p.end()

    # the shadow sits at (ox - pad + dx, oy - pad + dy); the content at (ox, oy): take the union
    sx, sy = ox - pad + round(dx), oy - pad + round(dy)
    left, top = min(ox, sx), min(oy, sy)
    right = max(ox + image.width(), sx + shadow.width())
    bottom = max(oy + image.height(), sy + shadow.height())
    out = QImage(int(right - left), int(bottom - top), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(0)
    p = QPainter(out)
    p.drawImage(QPointF(sx - left, sy - top), shadow)
    p.drawImage(QPointF(ox - left, oy - top), image)
    p.end()
    return out, left, top
