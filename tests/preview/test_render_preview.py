"""render_preview for every placement: sizes, themes, the fold, carousel dots, link cards, threads, highlighting,
every script's glyphs, and the media cache that keeps a keystroke from rescaling photos."""

import pytest
from PySide6.QtGui import QColor, QImage

from studio.networks.registry import ALL_TARGETS, resolve
from studio.preview import Account, LinkCard, PreviewInput, render_preview
from studio.preview import media as media_module
from studio.preview.instagram import DOT, DOT_GAP, dots_row
from studio.preview.parts import COUNTER_H, card_lines
from studio.preview.richtext import body
from studio.preview.style import STYLES, style_for

LONG = ("Three things we learned from our first rooftop season. First: people come for the view and stay for "
        "the music, so we booked longer sets. Second: sunsets beat any light show. Third: bring a jacket! ") * 2
FULLSCREEN = [t for t in ALL_TARGETS if style_for(resolve(t)[1]).family == "fullscreen"]


def image(w, h, colour="#3366cc"):
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(colour))
    return img


def luminance(img, x, y):
    c = QColor(img.pixel(x, y))
    return 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()


def near(c: QColor, target: str, tolerance: int = 40) -> bool:
    t = QColor(target)
    return abs(c.red() - t.red()) + abs(c.green() - t.green()) + abs(c.blue() - t.blue()) <= tolerance


def count_near(img, target, tolerance=40, rows=None):
    rows = range(img.height()) if rows is None else rows
    return sum(1 for y in rows for x in range(img.width()) if near(QColor(img.pixel(x, y)), target, tolerance))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("target", ALL_TARGETS)
def test_every_target_renders_at_a_sensible_size(target, theme):
    inp = PreviewInput(target, "Rooftop 🎉 https://example.com @anna #live", [image(1080, 1350)], theme=theme,
                       count=42, limit=280, account=Account("Anna Example", "anna"))
    img = render_preview(inp, 420)
    assert img.width() == 420
    if target in FULLSCREEN:
        assert img.height() == round(420 * 16 / 9) + COUNTER_H
    else:
        assert 200 < img.height() < 1400, img.height()


@pytest.mark.parametrize("target", [t for t in ALL_TARGETS if t != "instagram:story"])
def test_dark_theme_is_darker(target):
    """The story viewer is black in both themes; everywhere else the background follows the theme (full-screen
    placements: their navigation bar at the bottom)."""
    imgs = {theme: render_preview(PreviewInput(target, "Hello", [image(1080, 1080)], theme=theme), 420)
            for theme in ("light", "dark")}
    x, y = (3, imgs["light"].height() - 3) if target in FULLSCREEN else (imgs["light"].width() - 3, 3)
    assert luminance(imgs["dark"], x, y) + 100 < luminance(imgs["light"], x, y)


@pytest.mark.parametrize("target", ["instagram:feed", "linkedin", "instagram:reel", "tiktok", "pinterest"])
def test_long_text_is_folded_until_expanded(target):
    base = PreviewInput(target, LONG, [image(1080, 1350)])
    collapsed = render_preview(base, 420)
    expanded = render_preview(PreviewInput(target, LONG, [image(1080, 1350)], expanded=True), 420)
    if target in FULLSCREEN:  # the frame keeps its size: the expanded caption covers more of it
        assert collapsed.height() == expanded.height()
        assert collapsed != expanded
    else:
        assert collapsed.height() + 20 < expanded.height()


def test_x_and_short_texts_are_not_folded():
    for target, text in (("x", LONG[:270]), ("instagram:feed", "Short caption")):
        collapsed = render_preview(PreviewInput(target, text, []), 420)
        expanded = render_preview(PreviewInput(target, text, [], expanded=True), 420)
        assert collapsed == expanded


def test_the_fold_label_is_drawn_in_the_secondary_colour():
    para = body(LONG, resolve("instagram:feed")[1], STYLES["instagram:feed"], "#00376b", "#737373", 396, False,
                prefix="anna ")
    assert para.text.endswith("… more")
    label_format = [r for r in para.layout.formats() if r.start + r.length == len(para.text)]
    assert label_format and label_format[-1].format.foreground().color() == QColor("#737373")


def test_carousel_dots_for_three_images():
    caps = resolve("instagram:feed")[1]
    media = [image(1080, 1080, c) for c in ("#cc3333", "#33cc33", "#3333cc")]
    img = render_preview(PreviewInput("instagram:feed", "Three", media), 420)
    y = round(dots_row(420, media, caps))
    row = [QColor(img.pixel(x, y)) for x in range(img.width())]
    blue = [x for x, c in enumerate(row) if near(c, STYLES["instagram:feed"].light.accent)]
    grey = [x for x, c in enumerate(row) if near(c, "#a8a8a8", 30)]
    assert blue and grey and max(blue) < min(grey), "the first dot is the active one"
    assert len(grey) >= 2 * (DOT - 2) and max(grey) - min(grey) >= DOT + DOT_GAP, "two grey dots"
    assert (min(blue) + max(grey)) / 2 == pytest.approx(210, abs=1.5), "centred under the image"
    single = render_preview(PreviewInput("instagram:feed", "One", media[:1]), 420)
    assert not any(near(QColor(single.pixel(x, y)), STYLES["instagram:feed"].light.accent) for x in range(420))


def test_link_card_placeholder_when_offline_and_no_media():
    card = LinkCard("https://example.com/tickets", state="offline")
    assert "offline" in card_lines(card)[1]
    assert "could not be loaded" in card_lines(LinkCard("https://x.y", state="failed"))[1]
    plain = render_preview(PreviewInput("x", "Tickets https://example.com/tickets", []), 420)
    with_card = render_preview(PreviewInput("x", "Tickets https://example.com/tickets", [], link_card=card), 420)
    assert with_card.height() > plain.height() + 60
    # X makes no card when the post has media; Discord unfurls either way; Instagram never
    for target, drawn in (("x", False), ("discord", True), ("instagram:feed", False)):
        media = [image(800, 600)]
        a = render_preview(PreviewInput(target, "Hi", media), 420)
        b = render_preview(PreviewInput(target, "Hi", media, link_card=card), 420)
        assert (b.height() > a.height()) is drawn, target


def test_an_ok_card_shows_its_image():
    card = LinkCard("https://example.com", "Title", "Description", image(1200, 630, "#ff8800"))
    img = render_preview(PreviewInput("bluesky", "See this", [], link_card=card), 420)
    assert count_near(img, "#ff8800", 10) > 20_000


def test_thread_is_drawn_where_the_network_has_threads():
    parts = ["Second part of the thread", "Third part #end"]
    for target, threads in (("x", True), ("bluesky", True), ("threads", True), ("mastodon", False),
                            ("facebook", False)):
        one = render_preview(PreviewInput(target, "First", []), 420)
        chain = render_preview(PreviewInput(target, "First", [], thread=parts), 420)
        assert (chain.height() > one.height() + 100) is threads, target


def test_entities_are_coloured_as_the_network_colours_them():
    x_link = STYLES["x"].light.link
    assert count_near(render_preview(PreviewInput("x", "see https://example.com/page", []), 420), x_link, 30) > 30
    assert count_near(render_preview(PreviewInput("x", "see the page", []), 420), x_link, 30) == 0
    ig = STYLES["instagram:feed"].light.link
    link_only = render_preview(PreviewInput("instagram:feed", "see https://example.com/page", [image(1080, 1080,
                                                                                                    "#ffffff")]), 420)
    tagged = render_preview(PreviewInput("instagram:feed", "see #summer", [image(1080, 1080, "#ffffff")]), 420)
    assert count_near(link_only, ig, 30) == 0
    assert count_near(tagged, ig, 30) > 20


@pytest.mark.parametrize("target", ["x", "instagram:feed", "telegram", "tiktok"])
def test_emoji_arabic_and_cjk_have_glyphs(target):
    caps = resolve(target)[1]
    style = style_for(caps)
    text = "Grüße 🎉👨‍👩‍👧 مرحبا بالعالم 你好 #tag"
    para = body(text, caps, style, "#1d9bf0", "#888888", 380, True)
    glyphs = [g for i in range(para.layout.lineCount()) for run in para.layout.lineAt(i).glyphRuns()
              for g in run.glyphIndexes()]
    assert glyphs and 0 not in glyphs
    img = render_preview(PreviewInput(target, text, [image(1080, 1350, "#ffffff")], expanded=True), 420)
    colourful = sum(1 for y in range(0, img.height(), 2) for x in range(0, 420, 2)
                    if (c := QColor(img.pixel(x, y))) and max(c.red(), c.green(), c.blue())
                    - min(c.red(), c.green(), c.blue()) > 120 and c.red() > 150)
    assert colourful > 10, "the colour emoji are drawn"


def test_a_missing_glyph_would_be_seen():
    caps = resolve("x")[1]
    para = body("\ue000\ue001", caps, style_for(caps), "#000000", "#000000", 300, True)
    assert 0 in [g for run in para.layout.lineAt(0).glyphRuns() for g in run.glyphIndexes()]


def test_typing_never_rescales_the_media():
    photo = image(2000, 1500)
    render_preview(PreviewInput("x", "a", [photo]), 420)
    misses = media_module.CACHE.misses
    for text in ("ab", "abc", "abcd #tag", "abcd #tag https://example.com"):
        render_preview(PreviewInput("x", text, [photo]), 420)
    assert media_module.CACHE.misses == misses


def test_no_media_on_a_media_placement_draws_a_placeholder():
    for target in ("instagram:feed", "instagram:story", "pinterest", "tiktok"):
        img = render_preview(PreviewInput(target, "Caption", []), 420)
        assert img.height() > 300, target


def test_counter_turns_red_when_over():
    over = render_preview(PreviewInput("x", "hi", [], count=300, limit=280), 420)
    under = render_preview(PreviewInput("x", "hi", [], count=2, limit=280), 420)
    strip = range(over.height() - round(COUNTER_H), over.height())
    assert count_near(over, "#e0245e", 40, strip) > 20
    assert count_near(under, "#e0245e", 40, strip) == 0


@pytest.mark.parametrize("target", ALL_TARGETS)
def test_odd_input_still_draws(target):
    odd = [QImage(), image(1, 3000), image(3000, 1)]
    for text in ("", "\n\n", "🎉" * 200, "x" * 3000):
        img = render_preview(PreviewInput(target, text, odd, thread=["", text], account=Account("", "", QImage()),
                                          link_card=LinkCard("", state="unknown"), count=0), 300)
        assert img.width() == 300 and not img.isNull()


def test_a_pasted_novel_is_drawn_only_up_to_a_cap_and_quickly():
    import time

    from studio.networks.registry import ALL_TARGETS
    from studio.preview import PreviewInput, render_preview
    from studio.preview.preview import MAX_SHOWN, shown_text

    text = "word " * 20_000  # 100,000 characters
    assert shown_text(text, 280).endswith("characters]") and len(shown_text(text, 280)) < 600
    assert len(shown_text(text, None)) < MAX_SHOWN + 40
    assert shown_text("short", 280) == "short"
    for target in ALL_TARGETS:
        t = time.perf_counter()
        img = render_preview(PreviewInput(target=target, text=text, media=[]))
        assert img.height() < 20_000, target
        assert time.perf_counter() - t < 2.0, target  # sanity guard only; the benchmark measures speed


def banded(w: int, h: int, band: str, at_top: bool) -> QImage:
    """A tall grey image with a coloured band across its top (or bottom) sixth."""
    img = image(w, h, "#808080")
    from PySide6.QtGui import QPainter

    p = QPainter(img)
    p.fillRect(0, 0 if at_top else h - h // 6, w, h // 6, QColor(band))
    p.end()
    return img


@pytest.mark.parametrize("count", [1, 2])
def test_mastodon_crops_around_the_focal_point_and_x_ignores_it(count):
    """Mastodon cuts the thumbnail around the media's focal point (a red band at the very top shows only when
    the focus is up there); X crops around the centre whatever the focus."""
    from studio.preview.media import media_crop

    photo = banded(1000, 2000, "#ff0000", at_top=True)
    media = [photo] * count

    def reds(target, focus):
        img = render_preview(PreviewInput(target, "Look up", media, focus=[focus] * count), 420)
        return count_near(img, "#ff0000", 60)

    assert reds("mastodon", (0.5, 0.05)) > 2000  # the band is in view
    assert reds("mastodon", (0.5, 0.5)) == 0  # centred: cut away
    assert reds("x", (0.5, 0.05)) == reds("x", (0.5, 0.5))  # X does not use it
    x, y, w, h = media_crop(1000, 2000, resolve("mastodon")[1], focus=(0.5, 0.0))
    assert (x, y) == (0.0, 0.0) and round(w / h, 3) == round(16 / 9, 3)
    assert media_crop(1000, 2000, resolve("mastodon")[1], focus=(0.5, 1.0))[1] == 2000 - h  # clamped inside
