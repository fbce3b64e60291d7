"""The preview's text caches must never show anything a fresh layout would not: a paragraph that took over lines
from an earlier one (typing) breaks its lines where a fresh layout does, and drawing from cached line images gives
the pixels of drawing the layout directly."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from studio.preview import paragraph as module
from studio.preview.paragraph import Paragraph, paragraph
from studio.render.fonts import make_font

TEXTS = [
    "Six nights across Europe this March 🔥 Berlin, Hamburg, Amsterdam, Paris, London and Dublin! Tickets: "
    "https://example.com/tour #tour2026 #livemusic @midnightecho see you there 🤘 ",
    "Grüße aus Köln! Ärger über Öl? Ça va très bien, señor. Ünïcödé everywhere, Ångström and Þórr. " * 2,
    "東京のライブは最高でした！また来てね。Thank you Tokyo, see you next year 🎸🇯🇵 " * 2,
    "Family 👨‍👩‍👧‍👦 and flags 🇩🇪🇫🇷🇬🇧 with skin tones 👍🏽👍🏿 and keycaps 1️⃣2️⃣ in a long line of words " * 2,
    "Line one\nLine two is longer and keeps going past the width of the card for sure\n\nAfter a blank line " * 2,
]
WIDTH = 300


def draw(para: Paragraph, bg: str, banded: bool) -> QImage:
    image = QImage(WIDTH + 20, int(para.height) + 40, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(bg))
    p = QPainter(image)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    p.setPen(QColor("#0f1419" if bg == "#ffffff" else "#e7e9ea"))
    para.draw(p, 10.3, 12.6, bg if banded else "")
    p.end()
    return image


@pytest.fixture(autouse=True)
def empty_caches():
    for cache in (module._laid_out, module._recent, module._bands):
        cache._items.clear()
    yield


@pytest.mark.parametrize("max_lines", [None, 3], ids=["all-lines", "fold-at-3"])
@pytest.mark.parametrize("text", TEXTS, ids=["latin", "accents", "cjk", "emoji", "newlines"])
def test_typing_keeps_line_breaks_and_pixels_of_a_fresh_layout(text, max_lines):
    font = make_font("Inter", 15)
    spans = ((3, 6, "#1d9bf0", 0),)
    took_over = 0
    steps = list(range(20, len(text) + 1, 7))
    for i, n in enumerate(steps):  # typing, a few characters at a time
        typed = paragraph(text[:n], font, WIDTH, spans, max_lines=max_lines)
        fresh = Paragraph(text[:n], font, WIDTH, spans, max_lines=max_lines)
        took_over += typed._whole is None  # laid out from an earlier paragraph's lines
        assert typed.line_ends == fresh.line_ends, n
        assert (typed.lines, typed.overflow, typed.overflow_end) == (fresh.lines, fresh.overflow,
                                                                    fresh.overflow_end), n
        if i % 3 == 0 or n == steps[-1]:
            for bg in ("#ffffff", "#15202b"):
                assert draw(typed, bg, banded=True) == draw(fresh, bg, banded=False), (n, bg)
    assert took_over > 0  # the incremental path was exercised


def test_a_fold_with_max_lines_reports_overflow():
    font = make_font("Inter", 15)
    text = TEXTS[0] * 3
    para = paragraph(text, font, WIDTH, (), 1.3, 2)
    assert para.lines == 2 and para.overflow and para.overflow_end > para.line_ends[-1]
    assert paragraph(text, font, WIDTH, (), 1.3, 2) is para  # the same one while nothing changes
