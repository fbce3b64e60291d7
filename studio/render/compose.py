"""The Renderer: layer images (cached by content) and their composition into a design image.

The editor canvas, the previews and the export all draw a layer with `draw_layer`, so what the canvas
shows at 100 % is exactly what is exported. A layer's cached image depends only on what it looks like,
not on where it is: moving or rotating a layer never re-renders it, and typing re-renders only that layer.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Mapping

from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

from studio.core.design import Design, ImageLayer, Layer, ShapeLayer, TextLayer, to_data
from studio.render.imageio import ImageError, adjust, decode, downscaled
from studio.render.layers import RenderedLayer, placeholder, render_image, render_shape, render_text_layer
from studio.render.qt import ensure_gui_app, pil_to_qimage, qimage_to_pil
from studio.render.text import qcolor

# what does not change a layer's pixels
_PLACEMENT = {"id", "name", "x", "y", "rotation", "opacity", "visible", "locked"}
WORKING_MAX_SIDE = 4096  # decoded photos are kept at most this large


def appearance_key(layer: Layer, scale: float) -> str:
    data = {k: v for k, v in to_data(layer).items() if k not in _PLACEMENT}
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False) + f"@{scale:.4f}"
    return hashlib.blake2b(blob.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def draw_layer(p: QPainter, layer: Layer, rendered: RenderedLayer, scale: float = 1.0) -> None:
    """Draw a rendered layer in its place; the painter is in canvas pixels (design pixels x scale)."""
    cx, cy = layer.center
    p.save()
    p.translate(cx * scale, cy * scale)
    if layer.rotation:
        p.rotate(layer.rotation)
    draw_centered(p, layer, rendered, scale)
    p.restore()


def draw_centered(p: QPainter, layer: Layer, rendered: RenderedLayer, scale: float = 1.0) -> None:
    """Draw a rendered layer around the origin (the layer's centre), unrotated: the canvas items paint
    with this inside their own transform."""
    p.setOpacity(max(0.0, min(1.0, layer.opacity)))
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.drawImage(QPointF(-layer.w * scale / 2 + rendered.ox, -layer.h * scale / 2 + rendered.oy), rendered.image)


class Renderer:
    def __init__(self, cache_size: int = 256):
        ensure_gui_app()
        self._layers: OrderedDict[str, RenderedLayer] = OrderedDict()
        self._sources: dict[str, Image.Image] = {}
        self.errors: dict[str, str] = {}  # asset key -> why it could not be shown
        self.cache_size = cache_size
        self.renders = 0  # layers actually rendered (not served from the cache): tests and benchmarks read it

    def clear(self) -> None:
        self._layers.clear()
        self._sources.clear()
        self.errors.clear()

    def source(self, asset: str, assets: Mapping[str, bytes]) -> Image.Image | None:
        """The decoded working copy of an asset, or None (with the reason in self.errors)."""
        if asset in self._sources:
            return self._sources[asset]
        if asset in self.errors:
            return None
        data = assets.get(asset)
        if data is None:
            self.errors[asset] = "The image is missing from this post."
            return None
        try:
            img = decode(data)
            if max(img.size) > WORKING_MAX_SIDE:
                img = downscaled(img, WORKING_MAX_SIDE)
        except ImageError as e:
            self.errors[asset] = e.message
            return None
        self._sources[asset] = img
        return img

    def render_layer(self, layer: Layer, assets: Mapping[str, bytes], scale: float = 1.0) -> RenderedLayer:
        key = appearance_key(layer, scale)
        hit = self._layers.get(key)
        if hit is not None:
            self._layers.move_to_end(key)
            return hit
        rendered = self._render(layer, assets, scale)
        self.renders += 1
        self._layers[key] = rendered
        while len(self._layers) > self.cache_size:
            self._layers.popitem(last=False)
        return rendered

    def _render(self, layer: Layer, assets: Mapping[str, bytes], scale: float) -> RenderedLayer:
        if isinstance(layer, TextLayer):
            return render_text_layer(layer, scale)
        if isinstance(layer, ShapeLayer):
            return render_shape(layer, scale)
        if isinstance(layer, ImageLayer):
            src = self.source(layer.asset, assets)
            if src is None:
                return placeholder(layer, scale)
            rendered = render_image(layer, src, scale)
            if layer.brightness or layer.contrast or layer.saturation or layer.blur:
                img = adjust(qimage_to_pil(rendered.image), layer.brightness, layer.contrast, layer.saturation,
                             layer.blur * scale)
                rendered = RenderedLayer(pil_to_qimage(img), rendered.ox, rendered.oy)
            return rendered
        raise TypeError(f"cannot render {type(layer).__name__}")

    def render_design(self, design: Design, assets: Mapping[str, bytes], scale: float = 1.0,
                      transparent: bool = False) -> QImage:
        w, h = max(1, round(design.width * scale)), max(1, round(design.height * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0 if transparent else qcolor(design.background))
        p = QPainter(image)
        p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        for layer in design.layers:
            if layer.visible:
                draw_layer(p, layer, self.render_layer(layer, assets, scale), scale)
        p.end()
        return image
