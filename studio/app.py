"""The composition root: the Qt application, the library, recovery, and the studio window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox

from studio import APP_NAME, __version__
from studio.core.document import Document
from studio.store import paths
from studio.store.library import Library, LibraryError
from studio.store.project_file import ProjectError, load, save
from studio.store.recovery import RecoveryStore

log = logging.getLogger("studio")
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
SAMPLE_TEMPLATE = "tour-dates"


def install_translations(app: QApplication, language: str | None = None) -> str:
    """German or English, following the system (or CONTENT_STUDIO_LANG / the library setting)."""
    lang = (language or os.environ.get("CONTENT_STUDIO_LANG") or QLocale.system().name())[:2]
    if lang == "de":
        for name, folder in (("content-studio_de", str(TRANSLATIONS)),
                             ("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
            tr = QTranslator(app)
            if tr.load(name, folder):
                app.installTranslator(tr)
        return "de"
    return "en"


def first_run_sample(library: Library, docs: Path) -> tuple[Document, Path] | None:
    """On the first start, a sample post made from a template, saved in the user's documents."""
    from studio.logic import new_document

    if library.get_setting("sample_created", False):
        return None
    doc = new_document(SAMPLE_TEMPLATE, kit=library.get_brand_kit())
    path = docs / "Sample post.studio"
    try:
        docs.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            save(doc, path)
        doc = load(path)
    except (ProjectError, OSError) as e:
        log.warning("could not save the sample post: %s", e)
        path = None  # type: ignore[assignment]
    library.set_setting("sample_created", True)
    return doc, path


def run_gui(file: Path | None = None) -> int:
    from studio import logs

    logs.setup(paths.data_dir(), debug=bool(os.environ.get("CONTENT_STUDIO_DEBUG")))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build_window(app, file)
    if window is None:
        return 1
    window.show()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(1500, window.start_queue_runner)  # due queue items go out while the studio is open
    return app.exec()


def build_window(app: QApplication, file: Path | None = None):
    """Open the library, offer to restore crashed work, and make the window with a post in it: the
    file asked for, restored work, the sample post (first run), or the most recent post."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Content Studio")
    # the canvas keeps each layer as drawn at the current zoom (QGraphicsItem device cache): Qt's default
    # 10 MB pixmap cache holds less than one 1080x1350 design's layers
    QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 128 * 1024))
    try:
        library = Library.open(paths.data_dir())
    except LibraryError as e:
        QMessageBox.critical(None, APP_NAME, e.message)
        return None
    from studio.render.qt import ensure_gui_app
    from studio.ui.main_window import MainWindow
    from studio.ui.services import Services
    from studio.ui.theme import apply_theme

    ensure_gui_app()
    install_translations(app, library.get_setting("language", None))
    apply_theme(app, library.get_setting("theme", "system"))
    recovery = RecoveryStore(paths.recovery_dir())
    services = Services(library, recovery, paths.documents_dir())
    window = MainWindow(services)
    opened = False
    pending = recovery.pending()
    if pending and file is None:
        entry = pending[0]
        answer = QMessageBox.question(
            None, APP_NAME,
            app.translate("app", "Content Studio closed unexpectedly. Restore the unsaved work of “%s”?")
            % (entry.title or (entry.original_path.name if entry.original_path
                               else app.translate("app", "Untitled"))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                window.set_document(recovery.restore(entry), entry.original_path)
                opened = True
            except ProjectError as e:
                QMessageBox.warning(None, APP_NAME, e.message)
        for e in pending:
            recovery.discard_entry(e)
    if not opened and file is not None:
        try:
            window.set_document(load(file), file)
            opened = True
        except ProjectError as e:
            QMessageBox.warning(None, APP_NAME, e.message)
    if not opened:
        sample = first_run_sample(library, services.documents_dir())
        if sample is not None:
            window.set_document(*sample)
        else:
            recent = library.recent_files()
            doc, path = None, None
            if recent:
                try:
                    doc, path = load(recent[0]), recent[0]
                except ProjectError:
                    doc = None
            if doc is None:
                from studio.logic import new_document

                doc, path = new_document(SAMPLE_TEMPLATE, kit=library.get_brand_kit()), None
            window.set_document(doc, path)
    # what start-up made (Qt's wrappers, fonts, the registry, the document) lives as long as the studio: kept out
    # of the garbage collector's full passes, which would otherwise walk all of it in the middle of typing (no
    # collection first: start-up leaves no garbage cycles, and one would add 25 ms to it)
    gc.freeze()
    from studio.ui import idle_gc

    idle_gc.install(app)  # and collect the rest between edits, not inside a keystroke
    return window
