"""The design canvas: a QGraphicsView of the design with select, move, resize, rotate, snapping, nudging,
zoom and pan, and text editing in place. Every gesture becomes an undoable command; the items follow the
model (never the other way round)."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPixmap, QRegion, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from studio.core.design import ImageLayer, Layer, TextLayer
from studio.core.document import Change
from studio.edit import DeleteLayers, SetLayers
from studio.ui.editor.geometry import angle_to, bounds, resize_box, snap
from studio.ui.editor.items import BackgroundItem, LayerItem, Overlay
from studio.ui.editor.session import EditorSession
from studio.ui.editor.text_editor import InlineTextEditor

_gesture_ids = itertools.count(1)
SNAP_PIXELS = 6.0


class CanvasView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, session: EditorSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("canvas")
        self.session = session
        self._scene = QGraphicsScene(self)  # the view does not own its scene: keep a reference
        self.setScene(self._scene)
        self._frame: QPixmap | None = None  # the viewport as it looks while nothing changes (see _take_frame)
        self._frame_key: tuple = ()
        self._drawing_frame = False
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setInterval(self.FRAME_AFTER_MS)
        self._frame_timer.timeout.connect(self._take_frame)
        self._scene.changed.connect(self._scene_changed)  # (all updates then reach views through `changed`)
        self._scene.sceneRectChanged.connect(self._scene_changed)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#3a3d42"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.items_by_id: dict[str, LayerItem] = {}
        self._background = BackgroundItem(session.design)
        self._scene.addItem(self._background)
        self.overlay = Overlay(session.design)
        self._scene.addItem(self.overlay)
        self._gesture: dict | None = None
        self._space = False
        self.editor: InlineTextEditor | None = None
        self.snapping = True
        self._pending: list[LayerItem] = []
        self._painted = False  # layers of a newly opened post render right after the first paint
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._render_pending)
        self._rebuild(first=True)
        session.changed.connect(self._on_change)
        session.selection_changed.connect(self._on_selection)

    # --- model -> items ---------------------------------------------------------------------
    def _render_pending(self) -> None:
        """Render the layers that were placed without pixels, a few at a time, top layer first."""
        deadline = time.perf_counter() + 0.03
        while self._pending and time.perf_counter() < deadline:
            self._pending.pop().render()
        if self._pending:
            self._render_timer.start(0)

    def paintEvent(self, event) -> None:
        if self._drawing_frame or not self._frame_fits():
            super().paintEvent(event)  # (into the frame, or as it changes)
        else:
            p = QPainter(self.viewport())
            rect, ratio = event.rect(), self._frame.devicePixelRatio()
            p.drawPixmap(rect, self._frame, QRect(round(rect.x() * ratio), round(rect.y() * ratio),
                                                  round(rect.width() * ratio), round(rect.height() * ratio)))
            p.end()
        if not self._painted:
            self._painted = True
            if self._pending:
                self._render_timer.start(0)

    # A canvas that does not change is repainted from a picture of it (a dialog closing over it, the previews
    # beside it repainting, a forced repaint): one copy instead of drawing every layer. The picture is taken once
    # the scene has been still for FRAME_AFTER_MS (while it changes it is painted as usual) and is dropped by
    # any change of the scene (every change of an item, the overlay or the text being edited comes through the
    # scene's `changed`) and by a move, zoom or resize of the view.
    FRAME_AFTER_MS = 250

    def _view_key(self) -> tuple:
        vp = self.viewport()
        return (self.transform(), self.horizontalScrollBar().value(), self.verticalScrollBar().value(), vp.size(),
                vp.devicePixelRatioF())

    def _frame_fits(self) -> bool:
        if self._frame is not None and self._frame_key == self._view_key():
            return True
        self._frame = None
        self._frame_timer.start()  # (the view moved: a picture of it once it stays)
        return False

    def changeEvent(self, event) -> None:
        if hasattr(self, "_frame_timer"):  # (a theme or style change: painted anew, to be safe)
            self._scene_changed()
        super().changeEvent(event)

    def _scene_changed(self, *_args) -> None:
        self._frame = None
        self._frame_timer.start()

    def _take_frame(self) -> None:
        vp = self.viewport()
        if not vp.isVisible() or vp.width() <= 0 or vp.height() <= 0:
            return
        ratio = vp.devicePixelRatioF()
        frame = QPixmap(round(vp.width() * ratio), round(vp.height() * ratio))
        frame.setDevicePixelRatio(ratio)
        self._drawing_frame = True
        try:  # (the viewport alone: a widget over it paints itself)
            vp.render(frame, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground)
        finally:
            self._drawing_frame = False
        self._frame, self._frame_key = frame, self._view_key()

    def flush_renders(self) -> None:
        while self._pending:
            self._pending.pop().render()

    def _rebuild(self, first: bool = False) -> None:
        design = self.session.design
        self._background.design = design
        self.overlay.design = design
        self._background.prepareGeometryChange()
        seen = set()
        for z, lay in enumerate(design.layers):
            item = self.items_by_id.get(lay.id)
            if item is None:
                item = LayerItem(lay, self.session.renderer, self.session.doc.assets, render_now=not first)
                if first:
                    self._pending.append(item)
                self._scene.addItem(item)
                self.items_by_id[lay.id] = item
            else:
                item.sync(lay)
            item.setZValue(z)
            seen.add(lay.id)
        for lid in [i for i in self.items_by_id if i not in seen]:
            if self.editor is not None and self.editor.layer_id == lid:
                self.finish_text_edit()
            self._scene.removeItem(self.items_by_id.pop(lid))
        m = max(design.width, design.height)
        self._scene.setSceneRect(QRectF(-m, -m, design.width + 2 * m, design.height + 2 * m))
        self._on_selection(self.session.selection)
        if self._pending and self._painted:
            self._render_timer.start(0)

    def _on_change(self, change: Change) -> None:
        if change.kind == "layers":
            design = self.session.design
            for lid in change.layer_ids:
                item = self.items_by_id.get(lid)
                if item is not None:
                    item.sync(design.layer(lid))
            if self.editor is not None and self.editor.layer_id in change.layer_ids:
                self.editor.follow_model()
            self.overlay.update()
        elif change.kind in ("structure", "reset", "design"):
            self._rebuild()
            self._background.update()
            self.overlay.update()

    def _on_selection(self, ids: list[str]) -> None:
        design = self.session.design
        self.overlay.selected = [design.layer(i) for i in ids if i in self.items_by_id]
        self.overlay.show_handles = True
        self.overlay.update()
        if self.editor is not None and self.editor.layer_id not in ids:
            self.finish_text_edit()

    # --- zoom ------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, z: float) -> None:
        z = max(0.05, min(z, 16.0))
        self.setTransform(QTransform.fromScale(z, z))
        self.overlay.view_scale = z
        self.overlay.update()
        self.zoom_changed.emit(z)

    def zoom_fit(self) -> None:
        design = self.session.design
        vw, vh = max(1, self.viewport().width() - 40), max(1, self.viewport().height() - 40)
        self.set_zoom(min(vw / design.width, vh / design.height))
        self.centerOn(design.width / 2, design.height / 2)

    def zoom_100(self) -> None:
        self.set_zoom(1.0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.0015 ** event.angleDelta().y()
            self.set_zoom(self.zoom * factor)
            event.accept()
        else:
            super().wheelEvent(event)

    # --- hit testing -----------------------------------------------------------------------
    def layer_at(self, pos: QPointF) -> Layer | None:
        for item in sorted(self.items_by_id.values(), key=lambda i: -i.zValue()):
            if item.isVisible() and item.shape().contains(item.mapFromScene(pos)):
                return item.layer
        return None

    # --- gestures --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.editor is not None and self.editor.contains_scene(self.mapToScene(event.position().toPoint())):
            super().mousePressEvent(event)
            return
        left = event.button() == Qt.MouseButton.LeftButton
        if event.button() == Qt.MouseButton.MiddleButton or (self._space and left):
            self._gesture = {"kind": "pan", "last": event.position()}
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.finish_text_edit()
        self.setFocus()
        pos = self.mapToScene(event.position().toPoint())
        handle = self.overlay.handle_at(pos)
        key = f"gesture-{next(_gesture_ids)}"
        if handle is not None:
            lay = self.overlay.selected[0]
            kind = "rotate" if handle == "rotate" else "resize"
            self._gesture = {"kind": kind, "handle": handle, "layer": lay.id, "key": key,
                             "box": (lay.x, lay.y, lay.w, lay.h), "rotation": lay.rotation,
                             "font": getattr(lay, "font_size", None)}
            return
        lay = self.layer_at(pos)
        additive = bool(event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier))
        if lay is None:
            if not additive:
                self.session.select([])
            self._gesture = {"kind": "rubber", "start": pos, "base": self.session.selection if additive else []}
            return
        sel = self.session.selection
        if additive:
            sel = [i for i in sel if i != lay.id] if lay.id in sel else [*sel, lay.id]
            self.session.select(sel)
        elif lay.id not in sel:
            self.session.select([lay.id])
        moving = [x for x in self.session.selected_layers() if not x.locked]
        if moving:
            self._gesture = {"kind": "move", "start": pos, "key": key,
                             "origin": {x.id: (x.x, x.y) for x in moving},
                             "bounds": bounds([(x.x, x.y, x.w, x.h, x.rotation) for x in moving])}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        g = self._gesture
        pos = self.mapToScene(event.position().toPoint())
        if g is None:
            handle = self.overlay.handle_at(pos)
            cursor = Qt.CursorShape.ArrowCursor
            if handle == "rotate":
                cursor = Qt.CursorShape.CrossCursor
            elif handle in ("n", "s"):
                cursor = Qt.CursorShape.SizeVerCursor
            elif handle in ("e", "w"):
                cursor = Qt.CursorShape.SizeHorCursor
            elif handle in ("nw", "se"):
                cursor = Qt.CursorShape.SizeFDiagCursor
            elif handle in ("ne", "sw"):
                cursor = Qt.CursorShape.SizeBDiagCursor
            elif self._space:
                cursor = Qt.CursorShape.OpenHandCursor
            self.viewport().setCursor(cursor)
            super().mouseMoveEvent(event)
            return
        mods = event.modifiers()
        if g["kind"] == "pan":
            d = event.position() - g["last"]
            g["last"] = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(d.y()))
        elif g["kind"] == "move":
            self._drag_move(g, pos, snapping=self.snapping and not (mods & Qt.KeyboardModifier.AltModifier))
        elif g["kind"] == "resize":
            self._drag_resize(g, pos, keep=bool(mods & Qt.KeyboardModifier.ShiftModifier))
        elif g["kind"] == "rotate":
            lay = self.session.design.layer(g["layer"])
            angle = angle_to(*lay.center, pos.x(), pos.y(), snap=bool(mods & Qt.KeyboardModifier.ShiftModifier))
            self.session.push(SetLayers(self.session.doc, {lay.id: {"rotation": angle}}, self.tr("Rotate"),
                                        merge_key=g["key"], merge_window=None))
        elif g["kind"] == "rubber":
            rect = QRectF(g["start"], pos).normalized()
            self.overlay.rubber = rect
            inside = [lay.id for lay in self.session.design.layers
                      if lay.visible and rect.intersects(self.items_by_id[lay.id].sceneBoundingRect())]
            self.session.select(list(dict.fromkeys([*g["base"], *inside])))
            self.overlay.update()

    def _drag_move(self, g: dict, pos: QPointF, snapping: bool) -> None:
        dx, dy = pos.x() - g["start"].x(), pos.y() - g["start"].y()
        left, top, right, bottom = g["bounds"]
        if snapping:
            design = self.session.design
            xs, ys = [0.0, design.width / 2, float(design.width)], [0.0, design.height / 2, float(design.height)]
            for other in design.layers:
                if other.id not in g["origin"] and other.visible:
                    ol, ot, orr, ob = bounds([(other.x, other.y, other.w, other.h, other.rotation)])
                    xs += [ol, (ol + orr) / 2, orr]
                    ys += [ot, (ot + ob) / 2, ob]
            s = snap((left + dx, top + dy, right + dx, bottom + dy), xs, ys, SNAP_PIXELS / max(self.zoom, 1e-3))
            dx, dy = dx + s.dx, dy + s.dy
            self.overlay.guides_x, self.overlay.guides_y = s.guides_x, s.guides_y
        else:
            self.overlay.guides_x, self.overlay.guides_y = (), ()
        changes = {lid: {"x": ox + dx, "y": oy + dy} for lid, (ox, oy) in g["origin"].items()}
        self.session.push(SetLayers(self.session.doc, changes, self.tr("Move"), merge_key=g["key"], merge_window=None))

    def _drag_resize(self, g: dict, pos: QPointF, keep: bool) -> None:
        lay = self.session.design.layer(g["layer"])
        corner = len(g["handle"]) == 2
        keep_aspect = corner and (keep or (isinstance(lay, ImageLayer) and lay.fit == "contain"))
        if isinstance(lay, TextLayer) and corner:
            keep_aspect = True
        x, y, w, h = resize_box(g["box"], g["rotation"], g["handle"], pos.x(), pos.y(), keep_aspect)
        props: dict = {"x": x, "y": y, "w": w, "h": h}
        if isinstance(lay, TextLayer) and corner and g["font"]:
            props["font_size"] = max(4.0, g["font"] * w / max(g["box"][2], 1e-6))
        self.session.push(SetLayers(self.session.doc, {lay.id: props}, self.tr("Resize"), merge_key=g["key"],
                                    merge_window=None))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._gesture is not None:
            self._gesture = None
            self.overlay.guides_x, self.overlay.guides_y = (), ()
            self.overlay.rubber = None
            self.overlay.update()
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        lay = self.layer_at(pos)
        if isinstance(lay, TextLayer) and not lay.locked:
            self.start_text_edit(lay.id, pos)
            return
        super().mouseDoubleClickEvent(event)

    # --- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editor is not None:
            if event.key() == Qt.Key.Key_Escape:
                self.finish_text_edit()
                return
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows:
            self.nudge(*arrows[key], big=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            ids = [lay.id for lay in self.session.selected_layers() if not lay.locked]
            if ids:
                self.session.push(DeleteLayers(self.session.doc, ids))
            return
        if key == Qt.Key.Key_Escape:
            self.session.select([])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            sel = self.session.selected_layers()
            if len(sel) == 1 and isinstance(sel[0], TextLayer):
                self.start_text_edit(sel[0].id)
                return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    def nudge(self, dx: int, dy: int, big: bool = False) -> None:
        step = 10 if big else 1
        layers = [lay for lay in self.session.selected_layers() if not lay.locked]
        if layers:
            changes = {lay.id: {"x": lay.x + dx * step, "y": lay.y + dy * step} for lay in layers}
            self.session.push(SetLayers(self.session.doc, changes, self.tr("Nudge"), merge_key="nudge"))

    # --- text editing in place ----------------------------------------------------------------
    def start_text_edit(self, layer_id: str, at: QPointF | None = None) -> None:
        self.finish_text_edit()
        item = self.items_by_id[layer_id]
        self.session.select([layer_id])
        self.editor = InlineTextEditor(self.session, item)
        self.overlay.show_handles = False
        self.overlay.update()
        self.editor.begin(at)

    def finish_text_edit(self) -> None:
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.end()
            self.overlay.show_handles = True
            self.overlay.update()
