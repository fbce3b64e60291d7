"""File → New: choose a template (thumbnails rendered in the background) and build the post."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from studio.core.document import Document
from studio.core.templates import TEMPLATES
from studio.logic import StudioError, new_document
from studio.render.compose import Renderer
from studio.ui.dialogs import TemplateDialog

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

THUMB_SIDE = 160


def render_thumbnail(key: str, kit) -> QImage:
    doc = new_document(key, kit=kit)
    design = doc.design()
    scale = THUMB_SIDE / max(design.width, design.height)
    return Renderer().render_design(design, doc.assets, scale)


def choose_template(window: MainWindow) -> Document | None:
    kit = window.services.brand_kit()
    dialog = TemplateDialog([(k, t.name, t.description) for k, t in TEMPLATES.items()], window)
    for key in TEMPLATES:
        window.tasks.run(lambda _p, k=key: (k, render_thumbnail(k, kit)),
                         on_done=lambda r: dialog.set_thumbnail(*r))
    if dialog.exec() != TemplateDialog.DialogCode.Accepted:
        return None
    try:
        return new_document(dialog.template(), dialog.size_key(), kit=kit)
    except (StudioError, ValueError) as e:
        window.show_error(window.tr("Could not create the post"), getattr(e, "message", str(e)))
        return None
