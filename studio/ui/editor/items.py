"""Scene items of the canvas: the design's background, one item per layer, and the overlay (selection,
handles, guides, safe zones). Layer items paint with the renderer's own draw code."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from studio.core.design import Design, Layer
from studio.render.compose import Renderer, draw_centered
from studio.render.layers import RenderedLayer
from studio.render.text import qcolor
from studio.ui.editor.geometry import HANDLES, handle_local, rotate

ACCENT = QColor("#2f80ed")
GUIDE = QColor("#ff2d95")


class BackgroundItem(QGraphicsItem):
    def __init__(self, design: Design):
        super().__init__()
        self.design = design
        self.setZValue(-1e6)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.design.width, self.design.height)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        p.fillRect(self.boundingRect(), qcolor(self.design.background))


class LayerItem(QGraphicsItem):
    """Shows one layer. Its position is the layer's centre and its rotation the layer's; it paints the
    layer image from the renderer's cache (only a change of the layer's look re-renders it)."""

    def __init__(self, layer: Layer, renderer: Renderer, assets: dict[str, bytes], render_now: bool = True):
        super().__init__()
        self.layer = layer
        self.renderer = renderer
        self.assets = assets
        self.rendered: RenderedLayer | None = None
        # the view keeps each layer as it looks at the current zoom: repainting the canvas (a caption
        # keystroke, a moving neighbour) blits instead of rescaling full-size layer images
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.sync(render=render_now)

    @property
    def layer_id(self) -> str:
        return self.layer.id

    def sync(self, layer: Layer | None = None, render: bool = True) -> None:
        """Take the layer's current placement and look (re-rendering only if the look changed).
        render=False places the item now and leaves the pixels for `render()` (a window opens at once and
        its layers fill in right after)."""
        if layer is not None:
            self.layer = layer
        lay = self.layer
        if render:
            self.render()
        self.setPos(QPointF(*lay.center))
        self.setRotation(lay.rotation)
        self.setVisible(lay.visible)
        self.update()

    def render(self) -> None:
        rendered = self.renderer.render_layer(self.layer, self.assets, 1.0)
        if rendered is not self.rendered:
            self.prepareGeometryChange()
            self.rendered = rendered
            self.update()

    def _image_rect(self) -> QRectF:
        r = self.rendered
        if r is None:
            return self.box_rect()
        return QRectF(-self.layer.w / 2 + r.ox, -self.layer.h / 2 + r.oy, r.image.width(), r.image.height())

    def box_rect(self) -> QRectF:
        return QRectF(-self.layer.w / 2, -self.layer.h / 2, self.layer.w, self.layer.h)

    def boundingRect(self) -> QRectF:
        return self._image_rect().united(self.box_rect())

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.box_rect())
        return path

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.rendered is not None:
            draw_centered(p, self.layer, self.rendered, 1.0)


class Overlay(QGraphicsItem):
    """Drawn above everything, never exported: selection frames, handles, snapping guides, the rubber
    band and the safe zones of story formats."""

    def __init__(self, design: Design):
        super().__init__()
        self.design = design
        self.setZValue(1e6)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.selected: list[Layer] = []
        self.show_handles = False
        self.guides_x: tuple[float, ...] = ()
        self.guides_y: tuple[float, ...] = ()
        self.rubber: QRectF | None = None
        self.safe_zone: tuple[float, float] | None = None
        self.view_scale = 1.0

    def boundingRect(self) -> QRectF:
        m = 4000.0
        return QRectF(-m, -m, self.design.width + 2 * m, self.design.height + 2 * m)

    def handle_size(self) -> float:
        return 10.0 / max(self.view_scale, 1e-3)

    def rotate_handle_local(self, layer: Layer) -> tuple[float, float]:
        return 0.0, -layer.h / 2 - 28.0 / max(self.view_scale, 1e-3)

    def handle_points(self, layer: Layer) -> dict[str, QPointF]:
        cx, cy = layer.center
        pts = {}
        for name in HANDLES:
            hx, hy = rotate(*handle_local(name, layer.w, layer.h), layer.rotation)
            pts[name] = QPointF(cx + hx, cy + hy)
        rx, ry = rotate(*self.rotate_handle_local(layer), layer.rotation)
        pts["rotate"] = QPointF(cx + rx, cy + ry)
        return pts

    def handle_at(self, pos: QPointF) -> str | None:
        if not (self.show_handles and len(self.selected) == 1):
            return None
        tolerance = self.handle_size()
        for name, pt in self.handle_points(self.selected[0]).items():
            if abs(pt.x() - pos.x()) <= tolerance and abs(pt.y() - pos.y()) <= tolerance:
                return name
        return None

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        px = 1.0 / max(self.view_scale, 1e-3)
        w, h = self.design.width, self.design.height
        if self.safe_zone:
            top, bottom = self.safe_zone
            p.fillRect(QRectF(0, 0, w, h * top), QColor(255, 45, 149, 50))
            p.fillRect(QRectF(0, h * (1 - bottom), w, h * bottom), QColor(255, 45, 149, 50))
            p.setPen(QPen(GUIDE, px, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(0, h * top), QPointF(w, h * top))
            p.drawLine(QPointF(0, h * (1 - bottom)), QPointF(w, h * (1 - bottom)))
        for lay in self.selected:
            corners = [QPointF(*_add(lay.center, rotate(*handle_local(n, lay.w, lay.h), lay.rotation)))
                       for n in ("nw", "ne", "se", "sw")]
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(ACCENT, 1.5 * px, Qt.PenStyle.DashLine if lay.locked else Qt.PenStyle.SolidLine))
            p.drawPolygon(QPolygonF(corners))
        if self.show_handles and len(self.selected) == 1 and not self.selected[0].locked:
            lay = self.selected[0]
            pts = self.handle_points(lay)
            s = self.handle_size()
            top_mid = pts["n"]
            p.setPen(QPen(ACCENT, 1.5 * px))
            p.drawLine(top_mid, pts["rotate"])
            p.setBrush(QBrush(QColor("white")))
            for name, pt in pts.items():
                if name == "rotate":
                    p.drawEllipse(pt, s * 0.6, s * 0.6)
                else:
                    p.drawRect(QRectF(pt.x() - s / 2, pt.y() - s / 2, s, s))
        p.setPen(QPen(GUIDE, px))
        for x in self.guides_x:
            p.drawLine(QPointF(x, -h), QPointF(x, 2 * h))
        for y in self.guides_y:
            p.drawLine(QPointF(-w, y), QPointF(2 * w, y))
        if self.rubber is not None:
            p.setPen(QPen(ACCENT, px))
            p.setBrush(QColor(47, 128, 237, 40))
            p.drawRect(self.rubber)


def _add(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return a[0] + b[0], a[1] + b[1]
