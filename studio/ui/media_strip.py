"""The media strip under the canvas: the post's images, designs and videos in the order they are posted.

Click a design to edit it on the canvas; drag items to reorder them; add photos or videos (button or drop files
on the strip), new or duplicated designs; remove an item; write each item's alt text (the description people
who cannot see the image hear), and set a photo's focal point. Every change is one undoable step.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.design import Design, new_id
from studio.core.document import Change
from studio.core.post import Media
from studio.edit import AddMedia, MoveMedia, RemoveMedia, SetMedia
from studio.logic import StudioError, attach_files
from studio.render.imageio import video_format
from studio.render.thumbs import media_image
from studio.ui.editor.session import EditorSession
from studio.ui.tasks import TaskRunner

THUMB = 60
ID_ROLE = Qt.ItemDataRole.UserRole


class _List(QListWidget):
    """Icon row that reorders by dragging and takes files dropped from outside."""

    files_dropped = Signal(list)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            self.files_dropped.emit([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
            event.acceptProposedAction()
        else:
            super().dropEvent(event)


class MediaStrip(QWidget):
    error = Signal(str, str)  # title, message: the window shows it

    def __init__(self, session: EditorSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mediaStrip")
        self.session, self.tasks = session, tasks
        self._file_thumbs: dict[str, QImage] = {}  # asset key -> picture (decoded off the UI thread)
        self._design_thumbs: dict[int, QImage] = {}  # id(design) -> picture
        self._updating = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        self.list = _List()
        self.list.setObjectName("mediaList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 22, THUMB + 24))
        self.list.setMovement(QListWidget.Movement.Snap)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAcceptDrops(True)
        self.list.setFixedHeight(THUMB + 32)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(lambda _c, _p: self._selected())
        self.list.model().rowsMoved.connect(lambda *_a: QTimer.singleShot(0, self._reordered))
        self.list.files_dropped.connect(self.add_files)
        outer.addWidget(self.list, 3)

        side = QVBoxLayout()
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addMedia")
        menu = QMenu(self.add_button)
        menu.addAction(self.tr("Photos or videos…"), lambda: self.add_files())
        menu.addAction(self.tr("New design"), self.add_design)
        menu.addAction(self.tr("Duplicate this design"), self.duplicate_design)
        self.add_button.setMenu(menu)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeMedia")
        self.remove_button.clicked.connect(self.remove_selected)
        self.focus_button = QPushButton(self.tr("Focal point…"))
        self.focus_button.setToolTip(self.tr("The part of the photo that stays in view when a network crops it"))
        self.focus_button.clicked.connect(self.edit_focus)
        for b in (self.add_button, self.remove_button, self.focus_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        side.addLayout(buttons)
        alt_row = QHBoxLayout()
        self.alt_label = QLabel(self.tr("Alt text"))
        self.alt = QLineEdit()
        self.alt.setObjectName("altText")
        self.alt.setPlaceholderText(self.tr("Describe the image for people who cannot see it"))
        self.alt.textEdited.connect(self._alt_typed)
        self.alt_count = QLabel()
        self.alt_count.setObjectName("altCount")
        alt_row.addWidget(self.alt_label)
        alt_row.addWidget(self.alt, 1)
        alt_row.addWidget(self.alt_count)
        side.addLayout(alt_row)
        side.addStretch(1)
        outer.addLayout(side, 2)

        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.timeout.connect(self._refresh_design_thumb)
        session.changed.connect(self._on_change)
        session.design_switched.connect(lambda _i: self._follow_canvas())
        self.refresh()

    # --- model -> view ---

    def media(self) -> list[Media]:
        return self.session.doc.post.media

    def _on_change(self, change: Change) -> None:
        if change.kind in ("media", "reset"):
            self.refresh()
        elif change.kind == "post":
            self._update_texts()
            self._show_selected()
        else:  # the design on the canvas changed: its picture follows when editing pauses
            if change.kind == "structure":
                self._update_texts()  # a design may have become empty, or not
            self._thumb_timer.start(400)

    def refresh(self) -> None:
        """Rebuild the row. A selected photo or video stays selected; otherwise the design on the canvas is."""
        current = self.selected_media()
        keep = current.id if current is not None and current.kind == "file" else None
        self._updating = True
        self.list.clear()
        for m in self.media():
            item = QListWidgetItem(QIcon(self._pixmap(m)), "")
            item.setData(ID_ROLE, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.list.addItem(item)
        self._update_texts()
        if keep is not None and any(m.id == keep for m in self.media()):
            self.select(keep)
        else:
            self._select_current_design()
        self._updating = False
        self._show_selected()

    def _update_texts(self) -> None:
        for row, m in enumerate(self.media()):
            item = self.list.item(row)
            if item is None:
                continue
            if m.design is not None and not m.design.has_content:
                item.setText(f"{row + 1} · {self.tr('Empty')}")
                item.setToolTip(self.tr("An empty design is not posted (a text-only post): add something to it, "
                                        "or photos and videos to the post."))
                continue
            kind = self._kind(m)
            item.setText(f"{row + 1} · {kind}" + ("" if m.alt.strip() or kind == self.tr("Video") else " ⚠"))
            item.setToolTip(m.alt.strip() or self.tr("No alt text yet: people using screen readers will not know "
                                                     "what it shows."))

    def _kind(self, m: Media) -> str:
        if m.kind == "design":
            return self.tr("Design")
        return self.tr("Video") if video_format(self.session.doc.assets.get(m.asset, b"")[:16]) else self.tr("Photo")

    def _pixmap(self, m: Media) -> QPixmap:
        if m.kind == "design" and m.design is not None:
            image = self._design_thumbs.get(id(m.design))
            if image is None:
                image = self._design_thumbs[id(m.design)] = media_image(m, self.session.doc.assets,
                                                                         self.session.renderer, THUMB)
        else:
            image = self._file_thumbs.get(m.asset)
            if image is None:
                self._load_file_thumb(m)
                image = QImage()
        return _framed(image)

    def _load_file_thumb(self, m: Media) -> None:
        """Decoding a 40-megapixel photo takes a while: off the UI thread, shown when ready."""
        key, item = m.asset, copy.copy(m)
        assets, renderer = {key: self.session.doc.assets.get(key, b"")}, self.session.renderer
        self._file_thumbs[key] = QImage()  # asked for: not again

        def done(image: QImage) -> None:
            self._file_thumbs[key] = image
            for row, other in enumerate(self.media()):
                if other.asset == key and self.list.item(row) is not None:
                    self.list.item(row).setIcon(QIcon(_framed(image)))

        self.tasks.run(lambda _p: media_image(item, assets, renderer, THUMB), done)

    def _refresh_design_thumb(self) -> None:
        design = self.session.design
        self._design_thumbs.pop(id(design), None)
        for row, m in enumerate(self.media()):
            if m.design is design and self.list.item(row) is not None:
                self.list.item(row).setIcon(QIcon(self._pixmap(m)))

    # --- selection ---

    def selected_media(self) -> Media | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(ID_ROLE)
        return next((m for m in self.media() if m.id == wanted), None)

    def select(self, media_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == media_id:
                self.list.setCurrentRow(row)
                return

    def _follow_canvas(self) -> None:
        self._updating = True
        self._select_current_design()
        self._updating = False
        self._show_selected()

    def _select_current_design(self) -> None:
        design = self.session.design
        item = next((m for m in self.media() if m.design is design), None)
        if item is not None:
            self.select(item.id)

    def _selected(self) -> None:
        """The user chose an item: a design goes on the canvas."""
        if self._updating:
            return
        self._show_selected()
        m = self.selected_media()
        if m is not None and m.kind == "design":
            designs = self.session.doc.post.designs()
            index = next(i for i, d in enumerate(designs) if d is m.design)
            self.session.show_design(index)

    def _show_selected(self) -> None:
        m = self.selected_media()
        self.remove_button.setEnabled(m is not None and not (m.kind == "design"
                                                              and len(self.session.doc.post.designs()) == 1))
        is_photo = m is not None and m.kind == "file" and self._kind(m) == self.tr("Photo")
        self.focus_button.setEnabled(is_photo)
        self.alt.setEnabled(m is not None)
        text = m.alt if m is not None else ""
        if self.alt.text() != text:  # never while it is being typed: the caret stays where it is
            self.alt.setText(text)
            self.alt.setCursorPosition(0)  # a long description shows from its start
        self.alt_count.setText(self.tr("characters: %d") % len(m.alt) if m is not None else "")

    # --- edits ---

    def _alt_typed(self, text: str) -> None:
        m = self.selected_media()
        if m is not None:
            self.session.push(SetMedia(self.session.doc, m.id, {"alt": text}, self.tr("Edit alt text"),
                                       merge_key=f"alt-{m.id}"))
            self.alt_count.setText(self.tr("characters: %d") % len(text))

    def add_files(self, paths: list[Path] | None = None) -> None:
        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos or videos"), "", self.tr(
                "Photos and videos (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif *.mp4 *.mov "
                "*.m4v *.webm)"))
            paths = [Path(n) for n in names]
        if not paths:
            return
        try:
            items = attach_files(self.session.doc, paths)
        except StudioError as e:
            self.error.emit(self.tr("Could not add the file"), e.message)
            return
        self.session.push(AddMedia(self.session.doc, items, text=self.tr("Add media")))
        self.select(items[-1].id)

    def add_design(self) -> None:
        current = self.session.design
        design = Design(width=current.width, height=current.height, background=current.background)
        self._add_design(design)

    def duplicate_design(self) -> None:
        design = copy.deepcopy(self.session.design)
        for layer in design.layers:
            layer.id = new_id()
        self._add_design(design)

    def _add_design(self, design: Design) -> None:
        media = self.media()
        current = self.session.design
        at = next((i + 1 for i, m in enumerate(media) if m.design is current), len(media))
        item = Media(kind="design", design=design)
        self.session.push(AddMedia(self.session.doc, [item], at, self.tr("Add design")))
        self.select(item.id)

    def remove_selected(self) -> None:
        m = self.selected_media()
        if m is None or (m.kind == "design" and len(self.session.doc.post.designs()) == 1):
            return
        self.session.push(RemoveMedia(self.session.doc, m.id, self.tr("Remove media")))

    def move_selected(self, step: int) -> None:
        m = self.selected_media()
        if m is not None:
            index = next(i for i, x in enumerate(self.media()) if x.id == m.id)
            if 0 <= index + step < len(self.media()):
                self.session.push(MoveMedia(self.session.doc, m.id, index + step, self.tr("Reorder media")))
                self.select(m.id)

    def _reordered(self) -> None:
        """After a drag in the list: the one item that moved becomes one MoveMedia step."""
        shown = [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())]
        order = [m.id for m in self.media()]
        if shown == order or sorted(shown) != sorted(order):
            return
        for moved in order:
            if [i for i in shown if i != moved] == [i for i in order if i != moved]:
                self.session.push(MoveMedia(self.session.doc, moved, shown.index(moved), self.tr("Reorder media")))
                self.select(moved)
                return
        self.refresh()

    def edit_focus(self) -> None:
        from studio.ui.focus_dialog import FocusDialog

        m = self.selected_media()
        if m is None or m.kind != "file":
            return
        dialog = FocusDialog(self.session.doc.assets.get(m.asset, b""), (m.focus_x, m.focus_y), self)
        if dialog.exec() == FocusDialog.DialogCode.Accepted:
            x, y = dialog.focus
            self.session.push(SetMedia(self.session.doc, m.id, {"focus_x": x, "focus_y": y},
                                       self.tr("Set focal point")))

    def _context_menu(self, pos) -> None:
        if self.list.itemAt(pos) is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Move left"), lambda: self.move_selected(-1))
        menu.addAction(self.tr("Move right"), lambda: self.move_selected(1))
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove"), self.remove_selected)
        remove.setEnabled(self.remove_button.isEnabled())
        menu.exec(self.list.viewport().mapToGlobal(pos))


def _framed(image: QImage) -> QPixmap:
    """The picture centred on a square tile (a grey tile while it is loading or unreadable)."""
    tile = QPixmap(THUMB, THUMB)
    tile.fill(QColor(0, 0, 0, 0))
    p = QPainter(tile)
    if image.isNull():
        p.fillRect(tile.rect(), QColor("#8a8f98"))
    else:
        scaled = image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        p.drawImage((THUMB - scaled.width()) // 2, (THUMB - scaled.height()) // 2, scaled)
    p.end()
    return tile
