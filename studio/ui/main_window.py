"""The studio window: canvas in the middle, layers on the left, inspector on the right, the post (caption,
targets, variants) below."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from studio import APP_NAME
from studio.core.design import FORMATS, ImageLayer, ShapeLayer, TextLayer
from studio.core.document import Change, Document
from studio.edit import AddLayers, DeleteLayers, MoveLayer, SetLayers
from studio.edit.clipboard import MIME, copy_layers, duplicate, paste_layers
from studio.logic import StudioError, read_image_file
from studio.render.compose import Renderer
from studio.render.export import export_design
from studio.render.imageio import ImageError, probe
from studio.store.library import LibraryError
from studio.store.project_file import ProjectError, load, save
from studio.ui import idle_gc
from studio.ui.editor.canvas import CanvasView
from studio.ui.editor.inspector import Inspector
from studio.ui.editor.layers_panel import LayersPanel
from studio.ui.editor.session import EditorSession
from studio.ui.services import Services
from studio.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif)"
AUTOSAVE_MS = 3000


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.renderer = Renderer()
        self.tasks = TaskRunner(self)
        self.session: EditorSession | None = None
        self.canvas: CanvasView | None = None
        self._autosaved_revision = -1
        self._doc_key = "main"
        self._painted = False
        self._post_views_pending = False
        self._queueing = None  # the queue's dialog, window and runner (queue_feature.py), made when first used
        self.resize(1400, 900)
        self.setAcceptDrops(True)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.layers_dock = QDockWidget(self.tr("Layers"), self)
        self.layers_dock.setObjectName("layersDock")
        self.inspector_dock = QDockWidget(self.tr("Properties"), self)
        self.inspector_dock.setObjectName("inspectorDock")
        self.caption_dock = QDockWidget(self.tr("Post"), self)
        self.caption_dock.setObjectName("captionDock")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.caption_dock)
        self.preview_dock = QDockWidget(self.tr("Previews"), self)
        self.preview_dock.setObjectName("previewDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.tabifyDockWidget(self.inspector_dock, self.preview_dock)
        self.inspector_dock.raise_()
        self.resizeDocks([self.caption_dock], [170], Qt.Orientation.Vertical)
        self.resizeDocks([self.layers_dock, self.inspector_dock], [240, 340], Qt.Orientation.Horizontal)
        from studio.ui.actions import build_actions

        self.actions_by_name: dict[str, QAction] = build_actions(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # --- documents --------------------------------------------------------------------------
    def set_document(self, doc: Document, path: Path | None) -> None:
        if self.session is not None:
            self.services.recovery.discard(self._doc_key)
            self.session.close()
            self.session.deleteLater()
        doc.ensure_design()
        self.renderer.clear()
        self.session = EditorSession(doc, self.renderer, path, self)
        self.canvas = CanvasView(self.session)
        self.canvas.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))
        self.session.design_switched.connect(self._design_switched)
        self.center = QWidget()  # the canvas, and under it the media strip (built after the first paint)
        self.center.setObjectName("center")
        box = QVBoxLayout(self.center)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.canvas, 1)
        self.setCentralWidget(self.center)
        _replace(self.layers_dock, LayersPanel(self.session))
        inspector = Inspector(self.session, lambda: self.services.brand_kit().colors)
        inspector.safe_zone_toggled.connect(self.set_safe_zone)
        inspector.replace_image_requested.connect(self.replace_image)
        self.inspector = inspector
        _replace(self.inspector_dock, inspector)
        if self._painted:
            self._build_post_views()
        else:
            self._post_views_pending = True  # built right after the window first shows (start-up time)
        self.session.changed.connect(self._on_change)
        self.session.history_changed.connect(self._update_title)
        self.session.selection_changed.connect(lambda _ids: self._update_actions())
        self._autosaved_revision = doc.revision
        self._update_title()
        self._update_actions()
        QTimer.singleShot(0, self.canvas.zoom_fit)
        self.set_safe_zone(self.actions_by_name["safe_zones"].isChecked())
        if path is not None:
            self.services.library.add_recent(path)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._post_views_pending:
                QTimer.singleShot(0, self._build_post_views)

    def _build_post_views(self) -> None:
        """The post panel and the previews (they bring in the networks and the preview painter)."""
        from studio.ui.post_panel import PostPanel
        from studio.ui.preview_panel import PreviewPanel, brand_account

        self._post_views_pending = False
        if self.session is None:
            return
        from studio.ui.media_strip import MediaStrip

        self.media_strip = MediaStrip(self.session, self.tasks)
        self.media_strip.error.connect(self.show_error)
        self.center.layout().addWidget(self.media_strip)
        self.post_panel = PostPanel(self.session)
        _replace(self.caption_dock, self.post_panel)
        self.preview_panel = PreviewPanel(self.session, brand_account(self.services.brand_kit()),
                                          accounts=self._connected_accounts())
        _replace(self.preview_dock, self.preview_panel)
        # the new panel must not take the canvas's room: keep the post dock low, and fit the design again
        self.resizeDocks([self.caption_dock], [190], Qt.Orientation.Vertical)
        if self.canvas is not None:
            QTimer.singleShot(0, self.canvas.zoom_fit)

    def _on_change(self, change: Change) -> None:
        idle_gc.poke()  # the garbage collector waits for a pause in the typing
        self._update_actions()

    def _design_switched(self, _index: int) -> None:
        if self.canvas is not None:
            QTimer.singleShot(0, self.canvas.zoom_fit)
        self.set_safe_zone(self.actions_by_name["safe_zones"].isChecked())

    def _update_title(self) -> None:
        if self.session is None:
            return
        name = self.session.path.name if self.session.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.session.dirty)
        a = self.actions_by_name
        a["undo"].setEnabled(self.session.stack.can_undo())
        a["redo"].setEnabled(self.session.stack.can_redo())
        undo, redo = (QCoreApplication.translate("Command", t) if t else ""
                      for t in (self.session.stack.undo_text(), self.session.stack.redo_text()))
        a["undo"].setText(self.tr("&Undo %s") % undo if undo else self.tr("&Undo"))
        a["redo"].setText(self.tr("&Redo %s") % redo if redo else self.tr("&Redo"))

    def _update_actions(self) -> None:
        if self.session is None:
            return
        has = bool(self.session.selection)
        for name in ("cut", "copy", "duplicate", "delete", "forward", "backward", "front", "back", "lock", "hide"):
            self.actions_by_name[name].setEnabled(has)

    def confirm_discard(self) -> bool:
        """Ask to save unsaved work. True when it is fine to go on."""
        if self.session is None or not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self, APP_NAME, self.tr("Save the changes to this post first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_from_template(self) -> None:
        from studio.ui.new_post import choose_template

        if self.confirm_discard():
            doc = choose_template(self)
            if doc is not None:
                self.set_document(doc, None)

    def open_file(self, path: Path | None = None) -> None:
        if not self.confirm_discard():
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Open post"), str(self.services.documents_dir()),
                                                  self.tr("Content Studio posts (*.studio)"))
            if not name:
                return
            path = Path(name)
        try:
            doc = load(path)
        except ProjectError as e:
            self.show_error(self.tr("Could not open the post"), e.message)
            return
        self.set_document(doc, path)

    def save(self) -> bool:
        if self.session is None:
            return False
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session is None:
            return False
        suggested = self.session.path or self.services.documents_dir() / f"{self.tr('Post')}.studio"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save post"), str(suggested),
                                              self.tr("Content Studio posts (*.studio)"))
        if not name:
            return False
        path = Path(name)
        if path.suffix != ".studio":
            path = path.with_suffix(".studio")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        assert self.session is not None
        doc = self.session.doc
        doc.prune_assets()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save(doc, path)
        except (ProjectError, OSError) as e:
            self.show_error(self.tr("Could not save the post"), getattr(e, "message", str(e)))
            return False
        self.session.mark_saved(path)
        self.services.library.add_recent(path)
        self.services.recovery.discard(self._doc_key)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved %s") % path, 4000)
        return True

    def autosave(self) -> None:
        """Every few seconds, unsaved work goes to a recovery file (off the UI thread)."""
        if self.session is None or self.session.doc.revision == self._autosaved_revision:
            return
        if not self.session.dirty:
            self._autosaved_revision = self.session.doc.revision
            return
        doc = self.session.doc
        snapshot = Document(post=copy.deepcopy(doc.post), assets=dict(doc.assets))
        revision, path, key = doc.revision, self.session.path, self._doc_key
        self._autosaved_revision = revision
        recovery = self.services.recovery

        def write(progress):
            recovery.write(key, snapshot, path)

        self.tasks.run(write, on_error=lambda e: self.statusBar().showMessage(
            self.tr("Autosave failed: %s") % getattr(e, "message", e), 8000))

    # --- export -----------------------------------------------------------------------------
    def export(self) -> None:
        from studio.ui.dialogs import ExportDialog

        if self.session is None:
            return
        base = self.session.path.with_suffix(".jpg") if self.session.path else \
            self.services.documents_dir() / f"{self.tr('Post')}.jpg"
        dialog = ExportDialog(base, self)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        design = copy.deepcopy(self.session.design)
        assets = dict(self.session.doc.assets)
        out = Path(dialog.path.text())
        fmt, quality, max_bytes = dialog.fmt, dialog.quality.value(), dialog.max_bytes()
        # gone now, not whenever the garbage collector meets it during the export: PySide takes the GIL inside
        # Qt's connection lock when a Python widget's connections are cut, while the export thread holds the GIL
        # and lays text out (which takes that lock): the two would wait for each other
        shiboken6.delete(dialog)
        del dialog
        progress_dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 100, self)
        progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        progress_dialog.setMinimumDuration(300)

        def work(progress):
            progress.report(0.05, "render")
            result = export_design(design, assets, fmt, quality, max_bytes)
            progress.report(0.9, "write")
            tmp = out.with_name(out.name + ".part")
            tmp.write_bytes(result.data)
            tmp.replace(out)
            return result

        def done(result):
            progress_dialog.reset()
            self.statusBar().showMessage(
                self.tr("Exported %s (%s×%s, %s KB, quality %s)") % (out, result.width, result.height,
                                                                       len(result.data) // 1000, result.quality), 8000)

        def failed(e):
            progress_dialog.reset()
            message = e.message if isinstance(e, ImageError) else (e.strerror if isinstance(e, OSError) else str(e))
            self.show_error(self.tr("Could not export"), message or str(e))

        def cancelled():
            progress_dialog.reset()
            self.statusBar().showMessage(self.tr("Export cancelled"), 4000)

        task = self.tasks.run(work, done, failed, lambda f, _t: progress_dialog.setValue(int(f * 100)), cancelled)
        progress_dialog.canceled.connect(task.cancel)

    # --- inserting --------------------------------------------------------------------------
    def _center_box(self, w: float, h: float) -> tuple[float, float]:
        d = self.session.design if self.session else None
        return ((d.width - w) / 2, (d.height - h) / 2) if d else (0.0, 0.0)

    def _insert(self, layer) -> None:
        assert self.session is not None
        self.session.push(AddLayers(self.session.doc, [layer], text=self.tr("Add layer")))
        self.session.select([layer.id])

    def add_text(self) -> None:
        if self.session is None:
            return
        d = self.session.design
        kit = self.services.brand_kit()
        w, h = d.width * 0.7, d.height * 0.15
        x, y = self._center_box(w, h)
        self._insert(TextLayer(name=self.tr("Text"), text=self.tr("Your text"), font_family=kit.body_font,
                               font_size=min(d.width, d.height) * 0.07, color=kit.dark, x=x, y=y, w=w, h=h,
                               align="center", valign="middle"))
        if self.canvas is not None:
            self.canvas.start_text_edit(self.session.selection[0])

    def add_shape(self, shape: str) -> None:
        if self.session is None:
            return
        d = self.session.design
        kit = self.services.brand_kit()
        side = min(d.width, d.height) * 0.3
        w, h = (side * 1.5, max(4.0, side * 0.03)) if shape == "line" else (side, side)
        x, y = self._center_box(w, h)
        self._insert(ShapeLayer(name=shape.capitalize(), shape=shape, fill=kit.primary, x=x, y=y, w=w, h=h))

    def _read_image(self, path: Path | None, title: str, failure: str) -> tuple[Path, bytes] | None:
        """Ask for an image file unless `path` is given, and read it; a clear message if it is unusable."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, title, "", self.tr(IMAGE_FILTER))
            if not name:
                return None
            path = Path(name)
        try:
            return path, read_image_file(path)
        except StudioError as e:
            self.show_error(failure, e.message)
            return None

    def add_image(self, path: Path | None = None, role: str = "photo", data: bytes | None = None) -> None:
        if self.session is None:
            return
        if data is None:
            chosen = self._read_image(path, self.tr("Add image"), self.tr("Could not add the image"))
            if chosen is None:
                return
            path, data = chosen
        info = probe(data)
        d = self.session.design
        key = self.session.doc.add_asset(data)
        if role == "logo":
            side = min(d.width, d.height) * 0.2
            w, h = side, side * info.height / max(info.width, 1)
            x, y = d.width - w - side * 0.3, d.height - h - side * 0.3
            layer = ImageLayer(name=self.tr("Logo"), asset=key, role="logo", fit="contain", x=x, y=y, w=w, h=h)
        else:
            ratio = min(d.width / info.width, d.height / info.height, 1.0) * 0.8
            w, h = max(16.0, info.width * ratio), max(16.0, info.height * ratio)
            x, y = self._center_box(w, h)
            layer = ImageLayer(name=path.stem if path else self.tr("Image"), asset=key, x=x, y=y, w=w, h=h)
        self._insert(layer)

    def attach_media(self, paths: list[Path] | None = None) -> None:
        """Photos or videos as items of the post (not layers of the design): a carousel, an album, a video."""
        if getattr(self, "media_strip", None) is not None:
            self.media_strip.add_files(paths)

    def add_design(self) -> None:
        if getattr(self, "media_strip", None) is not None:
            self.media_strip.add_design()

    def add_logo(self) -> None:
        kit = self.services.brand_kit()
        if kit.logo:
            self.add_image(role="logo", data=kit.logo)
        else:
            chosen = self._read_image(None, self.tr("Add logo"), self.tr("Could not add the logo"))
            if chosen is not None:
                self.add_image(role="logo", data=chosen[1])

    def replace_image(self, layer_id: str, path: Path | None = None) -> None:
        if self.session is None:
            return
        chosen = self._read_image(path, self.tr("Replace image"), self.tr("Could not use the image"))
        if chosen is None:
            return
        key = self.session.doc.add_asset(chosen[1])
        self.session.push(SetLayers(self.session.doc, {layer_id: {"asset": key, "zoom": 1.0, "focus_x": 0.5,
                                                                  "focus_y": 0.5}}, self.tr("Replace image")))

    # --- editing ----------------------------------------------------------------------------
    def copy_selection(self) -> None:
        if self.session and self.session.selection:
            mime = QMimeData()
            mime.setData(MIME, copy_layers(self.session.selected_layers(), self.session.doc.assets).encode())
            QGuiApplication.clipboard().setMimeData(mime)

    def cut_selection(self) -> None:
        self.copy_selection()
        self.delete_selection()

    def paste(self) -> None:
        if self.session is None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(MIME):
            try:
                layers, assets = paste_layers(bytes(mime.data(MIME)).decode())
            except ValueError as e:
                self.statusBar().showMessage(str(e), 5000)
                return
            for data in assets.values():
                self.session.doc.add_asset(data)
            self.session.push(AddLayers(self.session.doc, layers, text=self.tr("Paste")))
            self.session.select([lay.id for lay in layers])
        elif mime is not None and mime.hasImage():
            from PySide6.QtCore import QBuffer, QIODevice

            buf = QBuffer()
            buf.open(QIODevice.OpenModeFlag.WriteOnly)
            mime.imageData().save(buf, "PNG")
            self.add_image(data=bytes(buf.data()))

    def duplicate_selection(self) -> None:
        if self.session and self.session.selection:
            dups = duplicate(self.session.selected_layers())
            self.session.push(AddLayers(self.session.doc, dups, text=self.tr("Duplicate")))
            self.session.select([lay.id for lay in dups])

    def delete_selection(self) -> None:
        if self.session:
            ids = [lay.id for lay in self.session.selected_layers() if not lay.locked]
            if ids:
                self.session.push(DeleteLayers(self.session.doc, ids))

    def select_all(self) -> None:
        if self.session:
            self.session.select([lay.id for lay in self.session.design.layers if lay.visible and not lay.locked])

    def arrange(self, where: str) -> None:
        if self.session is None or len(self.session.selection) != 1:
            return
        lid = self.session.selection[0]
        idx, top = self.session.design.index_of(lid), len(self.session.design.layers) - 1
        target = {"forward": idx + 1, "backward": idx - 1, "front": top, "back": 0}[where]
        if 0 <= target <= top and target != idx:
            self.session.push(MoveLayer(self.session.doc, lid, target))

    def toggle(self, prop: str) -> None:
        if self.session and self.session.selection:
            layers = self.session.selected_layers()
            value = not getattr(layers[0], prop)
            self.session.push(SetLayers(self.session.doc, {lay.id: {prop: value} for lay in layers},
                                        self.tr("Lock") if prop == "locked" else self.tr("Visibility")))

    def set_safe_zone(self, on: bool) -> None:
        if self.canvas is None or self.session is None:
            return
        d = self.session.design
        zone = next((f.safe_zone for f in FORMATS if f.safe_zone and abs(d.width / d.height - f.width / f.height)
                     < 0.01), None)
        self.canvas.overlay.safe_zone = zone if on else None
        self.canvas.overlay.update()
        self.actions_by_name["safe_zones"].setChecked(on)

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix == ".studio":
                self.open_file(path)
                return
            if path.suffix.lower() in (".mp4", ".mov", ".m4v", ".webm"):
                self.attach_media([path])  # a video is an item of the post, never a layer
                continue
            target = None
            if self.canvas is not None:
                pos = self.canvas.mapToScene(self.canvas.mapFrom(self, event.position().toPoint()))
                target = self.canvas.layer_at(pos)
            if isinstance(target, ImageLayer) and target.role == "photo" and not target.locked:
                self.replace_image(target.id, path)
            else:
                self.add_image(path)
        event.acceptProposedAction()

    # --- messages ---------------------------------------------------------------------------
    # --- accounts and publishing ------------------------------------------------------------
    def show_accounts(self) -> None:
        from studio.ui.accounts_window import AccountsWindow

        queue = self.queueing.queue()
        window = AccountsWindow(self.services.accounts(), self.tasks, self,
                                limits=lambda a: queue.limits(a.id, a.network))
        window.exec()
        if getattr(self, "preview_panel", None) is not None:  # who posts, and the servers' limits, may have changed
            self.preview_panel.set_accounts(self._connected_accounts())

    def _connected_accounts(self) -> list:
        try:
            return self.services.library.accounts()
        except LibraryError as e:  # the previews show the brand kit instead
            log.info("accounts for the previews: %s", e)
            return []

    def publish_now(self) -> None:
        from studio.ui.publish_dialog import PublishDialog

        if self.session is None:
            return
        dialog = PublishDialog(self.session.doc, self.services.accounts(), self.tasks, self,
                               open_accounts=self.show_accounts)
        dialog.exec()

    # --- the queue ---------------------------------------------------------------------------
    @property
    def queueing(self):
        if self._queueing is None:
            from studio.ui.queue_feature import QueueFeature

            self._queueing = QueueFeature(self)
        return self._queueing

    def add_to_queue(self) -> None:
        self.queueing.add_to_queue()

    def show_queue(self):
        return self.queueing.show_queue()

    def import_posts(self, path: Path | None = None):
        """File → Import posts…: a CSV, one post per row, checked before anything is queued."""
        from studio.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.queueing.queue(), self.tasks, self)
        dialog.setModal(True)
        dialog.open()
        if path is not None:
            dialog.choose(path)
        else:
            dialog.choose()
        return dialog

    def start_queue_runner(self, **options):
        """Publish due queue items in the background while the studio is open (studio.app calls it)."""
        return self.queueing.start_runner(**options)

    def show_error(self, title: str, message: str) -> None:
        log.info("%s: %s", title, message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_discard():
            if self._queueing is not None:
                self._queueing.close()  # the runner stops after its current request, and is waited for
            self.tasks.wait(10000)
            self.services.recovery.discard(self._doc_key)
            self.services.close()
            event.accept()
        else:
            event.ignore()


def _replace(dock: QDockWidget, widget: QWidget) -> None:
    """Put a view of the newly opened post in a dock; the previous post's view goes away with its post."""
    old = dock.widget()
    dock.setWidget(widget)
    if old is not None:
        old.deleteLater()
