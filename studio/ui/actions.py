"""Menus, shortcuts and the toolbar of the studio window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def build_actions(w: MainWindow) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}

    def act(name: str, text: str, slot: Callable, shortcut: QKeySequence | str | None = None,
            checkable: bool = False) -> QAction:
        a = QAction(text, w)
        a.setObjectName(f"action_{name}")
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setCheckable(checkable)
        a.triggered.connect(slot)
        actions[name] = a
        return a

    S = QKeySequence.StandardKey
    tr = w.tr
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(act("new", tr("&New from template…"), w.new_from_template, S.New))
    file_menu.addAction(act("open", tr("&Open…"), lambda: w.open_file(), S.Open))
    recent = QMenu(tr("Open &recent"), w)
    recent.aboutToShow.connect(lambda: _fill_recent(w, recent))
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    file_menu.addAction(act("save", tr("&Save"), w.save, S.Save))
    file_menu.addAction(act("save_as", tr("Save &as…"), w.save_as, "Ctrl+Shift+S"))
    file_menu.addAction(act("export", tr("&Export image…"), w.export, "Ctrl+E"))
    file_menu.addSeparator()
    file_menu.addAction(act("brand", tr("&Brand kit…"), lambda: _edit_brand_kit(w)))
    file_menu.addSeparator()
    file_menu.addAction(act("publish", tr("&Publish now…"), w.publish_now, "Ctrl+Shift+P"))
    file_menu.addAction(act("add_to_queue", tr("A&dd to queue…"), w.add_to_queue, "Ctrl+Alt+Q"))
    actions["add_to_queue"].setIconText(tr("Queue…"))  # the toolbar's short name
    file_menu.addAction(act("import_posts", tr("&Import posts…"), lambda: w.import_posts()))
    file_menu.addAction(act("accounts", tr("A&ccounts…"), w.show_accounts))
    file_menu.addSeparator()
    file_menu.addAction(act("quit", tr("&Quit"), w.close, S.Quit))

    edit = bar.addMenu(tr("&Edit"))
    edit.addAction(act("undo", tr("&Undo"), lambda: w.session and w.session.undo(), S.Undo))
    edit.addAction(act("redo", tr("&Redo"), lambda: w.session and w.session.redo(), "Ctrl+Shift+Z"))
    actions["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addSeparator()
    edit.addAction(act("cut", tr("Cu&t"), w.cut_selection, S.Cut))
    edit.addAction(act("copy", tr("&Copy"), w.copy_selection, S.Copy))
    edit.addAction(act("paste", tr("&Paste"), w.paste, S.Paste))
    edit.addAction(act("duplicate", tr("&Duplicate"), w.duplicate_selection, "Ctrl+D"))
    edit.addAction(act("delete", tr("De&lete"), w.delete_selection))
    edit.addAction(act("select_all", tr("Select &all"), w.select_all, S.SelectAll))

    insert = bar.addMenu(tr("&Insert"))
    insert.addAction(act("add_text", tr("&Text"), w.add_text, "T"))
    insert.addAction(act("add_image", tr("&Image…"), lambda: w.add_image(), "Ctrl+Shift+I"))
    insert.addAction(act("add_logo", tr("&Logo"), w.add_logo))
    insert.addSeparator()
    insert.addAction(act("add_rect", tr("&Rectangle"), lambda: w.add_shape("rect"), "R"))
    insert.addAction(act("add_ellipse", tr("&Ellipse"), lambda: w.add_shape("ellipse"), "E"))
    insert.addAction(act("add_line", tr("L&ine"), lambda: w.add_shape("line"), "L"))
    insert.addSeparator()
    insert.addAction(act("attach_media", tr("&Photos or videos to the post…"), w.attach_media, "Ctrl+Shift+M"))
    insert.addAction(act("add_design", tr("New &design in the post"), w.add_design))

    arrange = bar.addMenu(tr("&Arrange"))
    arrange.addAction(act("forward", tr("Bring &forward"), lambda: w.arrange("forward"), "Ctrl+]"))
    arrange.addAction(act("backward", tr("Send &backward"), lambda: w.arrange("backward"), "Ctrl+["))
    arrange.addAction(act("front", tr("Bring to fron&t"), lambda: w.arrange("front"), "Ctrl+Shift+]"))
    arrange.addAction(act("back", tr("Send to bac&k"), lambda: w.arrange("back"), "Ctrl+Shift+["))
    arrange.addSeparator()
    arrange.addAction(act("lock", tr("&Lock / unlock"), lambda: w.toggle("locked"), "Ctrl+L"))
    arrange.addAction(act("hide", tr("&Hide / show"), lambda: w.toggle("visible"), "Ctrl+H"))

    view = bar.addMenu(tr("&View"))
    view.addAction(act("zoom_fit", tr("Zoom to &fit"), lambda: w.canvas and w.canvas.zoom_fit(), "Ctrl+0"))
    view.addAction(act("zoom_100", tr("&Actual size (100 %)"), lambda: w.canvas and w.canvas.zoom_100(), "Ctrl+1"))
    view.addAction(act("zoom_in", tr("Zoom &in"), lambda: w.canvas and w.canvas.set_zoom(w.canvas.zoom * 1.25),
                       S.ZoomIn))
    view.addAction(act("zoom_out", tr("Zoom &out"), lambda: w.canvas and w.canvas.set_zoom(w.canvas.zoom / 1.25),
                       S.ZoomOut))
    view.addSeparator()
    view.addAction(act("safe_zones", tr("&Safe zones"), lambda on: w.set_safe_zone(on), checkable=True))
    snapping = act("snapping", tr("S&napping"), lambda on: w.canvas and setattr(w.canvas, "snapping", on),
                   checkable=True)
    snapping.setChecked(True)
    view.addAction(snapping)
    view.addSeparator()
    view.addAction(act("queue", tr("&Queue"), w.show_queue, "Ctrl+Shift+U"))
    view.addSeparator()
    for dock in (w.layers_dock, w.inspector_dock, w.preview_dock, w.caption_dock):
        view.addAction(dock.toggleViewAction())
    theme_menu = view.addMenu(tr("&Theme"))
    group = QActionGroup(w)
    current = w.services.library.get_setting("theme", "system")
    for key, label in (("system", tr("Like the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
        a = act(f"theme_{key}", label, lambda _on=False, k=key: _set_theme(w, k), checkable=True)
        a.setChecked(key == current)
        group.addAction(a)
        theme_menu.addAction(a)

    toolbar = w.addToolBar(tr("Tools"))
    toolbar.setObjectName("toolbar")
    for name in ("new", "open", "save", "export", "publish", "add_to_queue", None, "undo", "redo", None, "add_text",
                 "add_image", "add_logo", "add_rect", "add_ellipse", "add_line", None, "zoom_fit", "zoom_100"):
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])
    return actions


def _fill_recent(w: MainWindow, menu: QMenu) -> None:
    menu.clear()
    files = w.services.library.recent_files()
    if not files:
        menu.addAction(w.tr("(none)")).setEnabled(False)
    for path in files:
        menu.addAction(str(path), lambda p=path: w.open_file(Path(p)))


def _edit_brand_kit(w: MainWindow) -> None:
    from studio.ui.dialogs import BrandKitDialog

    dialog = BrandKitDialog(w.services.brand_kit(), w)
    if dialog.exec() == BrandKitDialog.DialogCode.Accepted:
        try:
            w.services.library.set_brand_kit(dialog.kit())
        except Exception as e:  # LibraryError or an invalid kit
            w.show_error(w.tr("Could not save the brand kit"), getattr(e, "message", str(e)))
            return
        panel = getattr(w, "preview_panel", None)
        if panel is not None:
            from studio.ui.preview_panel import brand_account

            panel.account = brand_account(w.services.brand_kit())
            panel.redraw()


def _set_theme(w: MainWindow, key: str) -> None:
    from PySide6.QtWidgets import QApplication

    from studio.ui.theme import apply_theme

    apply_theme(QApplication.instance(), key)  # type: ignore[arg-type]
    w.services.library.set_setting("theme", key)
