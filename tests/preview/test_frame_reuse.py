"""A preview drawn again from what it was drawn from last time is the last picture itself (a keystroke past a
caption's fold, a counter the card shows elsewhere); anything that changes what is seen draws anew. Either way
the picture is the one a fresh render gives: every step is compared with a render made after forgetting every
preview's last picture."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QImage

from studio.networks.registry import ALL_TARGETS
from studio.preview import Account, LinkCard, PreviewInput, render_preview
from studio.preview import parts as parts_module

CAPTION = ("Six nights across Europe this March 🔥 Berlin, Hamburg, Amsterdam, Paris, London and Dublin! "
           "Tickets: https://example.com/tour #tour2026 #livemusic @midnightecho see you there 🤘 ")


def photo(colour: str, w: int = 1080, h: int = 1350) -> QImage:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    return img


def fresh(inp: PreviewInput) -> QImage:
    parts_module.frames.clear()
    return render_preview(inp, 340)


def steps(target: str) -> list[tuple[str, PreviewInput]]:
    """A session in one preview: typing, then every other thing the preview is drawn from, one at a time."""
    blue, red = photo("#3366cc"), photo("#cc3333", 1600, 900)
    inp = PreviewInput(target, CAPTION[:40], [blue], account=Account("Midnight Echo", "midnightecho"))
    out = []
    for n in range(41, len(CAPTION), 9):  # typing (past the fold, for the placements that fold)
        inp = replace(inp, text=CAPTION[:n])
        out.append(("typed", inp))
    for what, change in (
            ("theme", {"theme": "dark"}),
            ("expanded", {"expanded": True}),
            ("media", {"media": [blue, red]}),
            ("one photo", {"media": [red]}),
            ("no media", {"media": []}),
            ("link card", {"link_card": LinkCard("https://example.com/tour", state="loading")}),
            ("card arrived", {"link_card": LinkCard("https://example.com/tour", "Tour", "Six nights")}),
            ("account", {"account": Account("Echo", "echo.band")}),
            ("thread", {"thread": ["Part two of the thread"]}),
            ("title", {"title": "Tour 2026"}),
            ("counter", {"count": 212, "limit": 280}),
            ("over", {"count": 300, "limit": 280})):
        inp = replace(inp, **change)
        out.append((what, inp))
    return out


@pytest.mark.parametrize("target", ALL_TARGETS)
def test_a_reused_or_redrawn_preview_is_the_fresh_picture(target):
    parts_module.frames.clear()
    last = None
    reused = 0
    for what, inp in steps(target):
        shown = render_preview(inp, 340)
        again = render_preview(inp, 340)
        assert again is shown, f"{what}: drawn again from the same input"  # nothing changed: the same picture
        reused += shown is last
        assert shown == fresh(inp), f"{target}, after {what}: not the picture a fresh render gives"
        parts_module.frames.clear()
        render_preview(inp, 340)  # (the fresh one is now the last picture; go on from it)
        last = parts_module.frames.get(inp.target)
        last = last.image if last else None
    if target in ("instagram:feed", "instagram:reel", "tiktok", "youtube:short", "pinterest", "instagram:story"):
        assert reused > 0  # typing past the fold reused the picture


def test_the_frame_cache_is_small():
    parts_module.frames.clear()
    for target in ALL_TARGETS:
        for theme in ("light", "dark"):
            render_preview(PreviewInput(target, "hello", [], theme=theme), 340)
    assert len(parts_module.frames) <= parts_module.frames.size


@pytest.mark.parametrize("target", ["x", "mastodon", "bluesky", "threads", "facebook", "linkedin", "telegram",
                                    "discord"])
@pytest.mark.parametrize("state", ["loading", "ok", "offline"])
def test_a_link_card_copied_from_its_image_has_the_pixels_of_drawing_it(target, state, monkeypatch):
    card = LinkCard("https://example.com/tour", "Six nights across Europe", "Tickets on sale now", state=state,
                    image=photo("#884422", 1200, 630) if state == "ok" else None)
    for theme in ("light", "dark"):
        for text in ("Tickets: https://example.com/tour", CAPTION, CAPTION[:57] + "\n\n" + CAPTION[57:]):
            inp = PreviewInput(target, text, [], link_card=card, theme=theme)
            parts_module._card_layers.clear()
            layered = fresh(inp)
            if not (target == "x" and state == "ok"):  # (X draws a card with an image over its title itself)
                assert len(parts_module._card_layers) == 1  # copied from its image
            with monkeypatch.context() as m:
                m.setattr(parts_module, "_layered", lambda _key, _w, _h, _bg, paint: paint)
                direct = fresh(inp)
            assert layered == direct, (theme, text[:20])


TYPED = ("Tour 🔥 dates: Berlin, Hamburg & Zürich — tickets at example.com/tour #tour2026 @midnightecho "
         "👨‍👩‍👧 e\u0301te\u0301 ÅÉÎ line\nnext line with a link https://example.org/a/very/long/path?x=1 and more "
         "words so that the caption wraps over several lines in every preview 🤘🏽 done")


def fresh_keeping_frames(inp: PreviewInput) -> QImage:
    """A fresh render, leaving every preview's last picture as it was (the next step draws into it)."""
    saved = dict(parts_module.frames._items)
    image = fresh(inp)
    parts_module.frames.clear()
    for key, value in saved.items():
        parts_module.frames.replace(key, value)
    return image


@pytest.mark.parametrize("target", ALL_TARGETS)
@pytest.mark.parametrize(("theme", "thread"), [("light", ()), ("dark", ()), ("light", ("Part two 🎸 #tour",))],
                         ids=["light", "dark", "thread"])
def test_a_picture_drawn_into_in_place_is_the_fresh_picture(target, theme, thread):
    """Typing character by character with the shown picture handed back (as the previews dock does): where only
    some lines changed the picture is updated in place, and after every keystroke it is, pixel for pixel, the
    picture a fresh render gives."""
    from studio.preview import damage

    parts_module.frames.clear()
    card = LinkCard("https://example.com/tour", "Six nights", "Tickets on sale", image=photo("#884422", 1200, 630))
    inp = PreviewInput(target, "", [photo("#3366cc")], account=Account("Midnight Echo", "midnightecho"),
                       theme=theme, link_card=card, thread=thread)
    shown, in_place = None, 0
    for n in range(1, len(TYPED) + 1, 3):
        inp = replace(inp, text=TYPED[:n])
        before = None if shown is None else shown.cacheKey()
        image = render_preview(inp, 340, into=shown)
        rows = damage(target, image)
        if rows is not None:
            assert image is shown and image.cacheKey() != before
            assert rows.top() >= 0 and rows.bottom() < image.height() and rows.width() == image.width()
            in_place += 1
        else:
            assert image is not shown or image.cacheKey() == before  # a new picture, or the same one unchanged
        assert image == fresh_keeping_frames(inp), f"{target} {theme}: after typing {TYPED[n - 3:n]!r}"
        shown = image
    if target in ("x", "mastodon", "bluesky", "threads", "facebook", "telegram", "discord"):
        assert in_place > 10  # most keystrokes redrew a line or two, not the whole post


def test_a_picture_returned_without_into_never_changes():
    parts_module.frames.clear()
    first = render_preview(PreviewInput("x", TYPED[:120], []), 340)
    kept = QImage(first)
    key = first.cacheKey()
    render_preview(PreviewInput("x", TYPED[:121], []), 340)
    assert first.cacheKey() == key and first == kept


def test_drawing_previews_leaves_no_garbage_cycles():
    """A keystroke's previews are freed as soon as they are done with, not left to the cycle collector (which
    would then walk the previews' caches in the middle of typing)."""
    import gc

    card = LinkCard("https://example.com/tour", "Six nights", "Tickets on sale", image=photo("#884422", 1200, 630))
    inputs = [PreviewInput(t, TYPED[:n], [photo("#3366cc")], link_card=card, thread=["two"], count=n, limit=280)
              for t in ALL_TARGETS for n in (60, 61)]
    for inp in inputs:
        render_preview(inp, 340)  # (caches filled first)
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        shown = None
        for inp in inputs:
            shown = render_preview(replace(inp, text=inp.text + "!"), 340, into=shown)
        gc.collect()
        left = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []
