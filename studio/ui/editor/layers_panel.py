"""The layers panel: the stack top-first, with visibility and lock toggles, drag to reorder, rename."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.design import ImageLayer, Layer, ShapeLayer, TextLayer
from studio.core.document import Change
from studio.edit import MoveLayer, SetLayers
from studio.ui.editor.session import EditorSession

ID_ROLE = Qt.ItemDataRole.UserRole


def layer_label(lay: Layer) -> str:
    if lay.name:
        return lay.name
    if isinstance(lay, TextLayer):
        first = lay.text.strip().splitlines()[0] if lay.text.strip() else ""
        return first[:32] or "Text"
    if isinstance(lay, ImageLayer):
        return "Logo" if lay.role == "logo" else "Image"
    if isinstance(lay, ShapeLayer):
        return lay.shape.capitalize()
    return "Layer"


def layer_kind(lay: Layer) -> str:
    return {"text": "T", "image": "▣", "shape": "◆"}.get(lay.TYPE, "•")


class LayersPanel(QWidget):
    def __init__(self, session: EditorSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._updating = False
        self.list = QListWidget()
        self.list.setObjectName("layersList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.itemSelectionChanged.connect(self._selection_from_list)
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)

        self.btn_visible = QToolButton(text=self.tr("Hide"))
        self.btn_lock = QToolButton(text=self.tr("Lock"))
        self.btn_up = QToolButton(text="▲")
        self.btn_down = QToolButton(text="▼")
        self.btn_up.setToolTip(self.tr("Bring forward (Ctrl+])"))
        self.btn_down.setToolTip(self.tr("Send backward (Ctrl+[)"))
        self.btn_visible.clicked.connect(self.toggle_visible)
        self.btn_lock.clicked.connect(self.toggle_locked)
        self.btn_up.clicked.connect(lambda: self.move_selected(+1))
        self.btn_down.clicked.connect(lambda: self.move_selected(-1))
        buttons = QHBoxLayout()
        for b in (self.btn_visible, self.btn_lock, self.btn_up, self.btn_down):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.list)
        box.addLayout(buttons)
        session.changed.connect(self._on_change)
        session.selection_changed.connect(self._select_in_list)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("structure", "reset", "layers", "design"):
            self.refresh()

    def refresh(self) -> None:
        self._updating = True
        self.list.clear()
        for lay in reversed(self.session.design.layers):
            item = QListWidgetItem(layer_label(lay))
            item.setData(ID_ROLE, lay.id)
            item.setData(Qt.ItemDataRole.DecorationRole, self._badge(lay))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
            states = [s for s, on in ((self.tr("hidden"), not lay.visible), (self.tr("locked"), lay.locked)) if on]
            item.setToolTip(", ".join(states))
            if not lay.visible:
                item.setForeground(Qt.GlobalColor.gray)
            if lay.locked:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
        self._updating = False
        self._select_in_list(self.session.selection)

    def _badge(self, lay: Layer) -> QPixmap:
        """A small square icon: the kind of layer, struck through when hidden, with a lock when locked."""
        pm = QPixmap(22, 22)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self.palette().text().color())
        p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, layer_kind(lay))
        if lay.locked:
            p.fillRect(14, 13, 7, 6, self.palette().text())
            p.drawArc(15, 9, 5, 8, 0, 180 * 16)
        if not lay.visible:
            p.drawLine(2, 20, 20, 2)
        p.end()
        return pm

    def _select_in_list(self, ids: list[str]) -> None:
        self._updating = True
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setSelected(item.data(ID_ROLE) in ids)
        self._updating = False
        sel = self.session.selected_layers()
        self.btn_visible.setText(self.tr("Show") if sel and not sel[0].visible else self.tr("Hide"))
        self.btn_lock.setText(self.tr("Unlock") if sel and sel[0].locked else self.tr("Lock"))
        for b in (self.btn_visible, self.btn_lock, self.btn_up, self.btn_down):
            b.setEnabled(bool(sel))

    def _selection_from_list(self) -> None:
        if not self._updating:
            self.session.select([item.data(ID_ROLE) for item in self.list.selectedItems()])

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        lid = item.data(ID_ROLE)
        text = item.text().strip()
        lay = self.session.design.layer(lid)
        if text and text != layer_label(lay):
            self.session.push(SetLayers(self.session.doc, {lid: {"name": text}}, self.tr("Rename layer")))

    def _rows_moved(self, *args) -> None:
        if self._updating:
            return
        order = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
        bottom_first = list(reversed(order))
        current = [lay.id for lay in self.session.design.layers]
        for new_index, lid in enumerate(bottom_first):
            if current.index(lid) != new_index:
                self.session.push(MoveLayer(self.session.doc, lid, new_index))
                break

    def toggle_visible(self) -> None:
        sel = self.session.selected_layers()
        if sel:
            value = not sel[0].visible
            self.session.push(SetLayers(self.session.doc, {lay.id: {"visible": value} for lay in sel},
                                        self.tr("Show layer") if value else self.tr("Hide layer")))

    def toggle_locked(self) -> None:
        sel = self.session.selected_layers()
        if sel:
            value = not sel[0].locked
            self.session.push(SetLayers(self.session.doc, {lay.id: {"locked": value} for lay in sel},
                                        self.tr("Lock layer") if value else self.tr("Unlock layer")))

    def move_selected(self, step: int) -> None:
        sel = self.session.selected_layers()
        if len(sel) == 1:
            idx = self.session.design.index_of(sel[0].id)
            if 0 <= idx + step < len(self.session.design.layers):
                self.session.push(MoveLayer(self.session.doc, sel[0].id, idx + step))
