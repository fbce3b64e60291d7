"""render_preview: one post drawn the way one network draws it, dispatched by layout family."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QImage

from studio.networks.registry import resolve
from studio.preview import chat, feed, fullscreen, instagram, pin
from studio.preview.model import PreviewInput
from studio.preview.style import style_for
from studio.render.qt import ensure_gui_app

_FAMILIES = {"feed": feed.render, "instagram": instagram.render, "fullscreen": fullscreen.render, "pin": pin.render,
             "chat": chat.render}
MIN_WIDTH = 200


def render_preview(inp: PreviewInput, width: int = 420) -> QImage:
    """The post as inp.target's network shows it, `width` pixels wide (at least MIN_WIDTH). The height follows
    the content (full-screen placements: 9:16 of the width); the counter, when inp.count is given, is drawn
    under it. Empty (null) media images are left out. ValueError for an unknown target."""
    ensure_gui_app()
    _, caps = resolve(inp.target)
    style = style_for(caps)
    media = [m for m in inp.media if not m.isNull() and m.width() > 0 and m.height() > 0]
    if len(media) != len(inp.media):
        inp = replace(inp, media=media)
    return _FAMILIES[style.family](inp, caps, style, max(MIN_WIDTH, int(width)))
