"""render_preview: one post drawn the way one network draws it, dispatched by layout family."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from studio.networks.registry import resolve
from studio.preview import chat, feed, fullscreen, instagram, parts, pin
from studio.preview.model import PreviewInput
from studio.preview.style import style_for
from studio.render.qt import ensure_gui_app

_FAMILIES = {"feed": feed.render, "instagram": instagram.render, "fullscreen": fullscreen.render, "pin": pin.render,
             "chat": chat.render}
MIN_WIDTH = 200
SHOWN_PAST_LIMIT = 200  # characters drawn past the network's limit (the rest would be refused anyway)
MAX_SHOWN = 3000  # and never more than this many (a long Facebook post is folded by the network anyway)


def shown_text(text: str, limit: int | None) -> str:
    """The part of the text a preview draws: a pasted novel must not take seconds per keystroke. Past the cap
    the preview says how much more there is."""
    cap = min(limit + SHOWN_PAST_LIMIT, MAX_SHOWN) if limit else MAX_SHOWN
    if len(text) <= cap:
        return text
    return f"{text[:cap]}… [+{len(text) - cap:,} characters]"


def render_preview(inp: PreviewInput, width: int = 420, *, into: QImage | None = None) -> QImage:
    """The post as inp.target's network shows it, `width` pixels wide (at least MIN_WIDTH). The height follows
    the content (full-screen placements: 9:16 of the width); the counter, when inp.count is given, is drawn
    under it. Empty (null) media images are left out. ValueError for an unknown target.

    The image is opaque and says so (RGB32): a widget copies it to the screen instead of blending it.

    `into`: the picture the last call for this target returned, which the caller shows and hands back to be
    drawn into. When only text changed and it keeps its line count, that picture is updated in place and
    returned (`damage(target, image)` gives the rows that changed); otherwise a new picture is returned and
    `into` is left as it was. Without `into` a returned picture is never changed afterwards."""
    ensure_gui_app()
    _, caps = resolve(inp.target)
    style = style_for(caps)
    kept = [i for i, m in enumerate(inp.media) if not m.isNull() and m.width() > 0 and m.height() > 0]
    if len(kept) != len(inp.media):
        inp = replace(inp, media=[inp.media[i] for i in kept],
                      focus=[inp.focus[i] for i in kept if i < len(inp.focus)] if inp.focus else ())
    text = shown_text(inp.text, caps.text_limit)
    if text is not inp.text:
        inp = replace(inp, text=text, thread=[shown_text(t, caps.text_limit) for t in inp.thread])
    token = parts.drawing_into.set(into)
    try:
        image = _FAMILIES[style.family](inp, caps, style, max(MIN_WIDTH, int(width)))
    finally:
        parts.drawing_into.reset(token)
    image.reinterpretAsFormat(QImage.Format.Format_RGB32)  # painted on an opaque background: same bytes
    return image


def damage(target: str, image: QImage) -> QRect | None:
    """The rows of `image`, which render_preview(..., into=image) just returned for `target`, that it drew in
    place; None when the picture is new or unchanged."""
    return parts.damage(target, image)
