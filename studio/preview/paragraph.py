"""A laid-out paragraph (QTextLayout: shaping, bidi and font fallback through the renderer's fonts), and the
caches that keep typing cheap.

Text is the costly part of a keystroke: a colour emoji costs a PNG decode each time Qt shapes or draws it. Most of
it does not change while the user types, so `paragraph()`:
- returns the same laid-out paragraph for the same text, font, width and formats (the fold's search tries the
  same cuts again, a caption past its fold keeps its shown part, link cards keep their lines);
- lays out only what changed otherwise: a paragraph that starts like a recent one of the same font and width
  takes over that one's lines up to the change and lays out the rest (a line's breaks depend only on the text up
  to the end of the line after it);
and `Paragraph.draw` with a background colour draws a longer paragraph from cached images of its lines, so a
keystroke draws only the lines it changed. All three give the pixels a fresh layout and a direct draw would.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
from itertools import zip_longest

import regex
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
    QTransform,
)

from studio.preview.lru import LRU

# (start, length, colour, weight) in UTF-16 units (Qt's positions); "" keeps the pen's colour, 0 the font's weight
Span = tuple[int, int, str, int]

_ASTRAL = regex.compile("[\U00010000-\U0010ffff]")
# what makes a line depend on more than its own text: right-to-left text (bidi levels come from the whole
# paragraph) and stacks of combining marks (they reach into the lines above and below)
_CONTEXTUAL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}\p{Bidi_Class=AN}\u202a-\u202e\u2066-\u2069]|\p{Mn}{2}")
# a character with a script of its own: the ones without (spaces, digits, "@", emoji) are shaped as the text before
# them (Inter draws "@" differently after Chinese), so a line's look depends on the last one before it
_SCRIPTED = regex.compile(r"[^\p{Script=Common}\p{Script=Inherited}]")
_LAST_SCRIPTED = regex.compile(r"(?r)[^\p{Script=Common}\p{Script=Inherited}]")
CONTEXT = 4  # UTF-16 units either side of a line that its shaping may look at
# glyphs that may reach above the font's ascent into the line above: accented capitals, marks, stacking scripts
_TALL = regex.compile(r"[^\x00-\x7f\p{Ll}\p{Lo}\p{N}\p{P}\p{S}\p{Z}]|[\p{M}\u0900-\u0dff\u0e00-\u0eff\u0f00-\u109f]")
DESCENT_SLACK = 0.2  # of the font size: how far a glyph may reach under the font's descent
BANDED_MIN_LINES = 3  # shorter paragraphs are drawn directly
BAND_MARGIN = 3  # pixels of background a banded paragraph needs around its box (glyphs overhang a little)


def astral(text: str) -> tuple[int, ...]:
    """str indices of the characters beyond U+FFFF (two UTF-16 units each: Qt's positions shift after them)."""
    if text.isascii():
        return ()
    return _astral(text)


@functools.lru_cache(maxsize=256)
def _astral(text: str) -> tuple[int, ...]:  # (asked for the same text by every layout step of a keystroke)
    return tuple(m.start() for m in _ASTRAL.finditer(text))


@functools.lru_cache(maxsize=256)
def _contained(text: str) -> bool:
    """Whether each line of `text` depends on that line alone (no right-to-left text, no stacked marks); asked
    when a paragraph is looked for and again when it is laid out."""
    return not _CONTEXTUAL.search(text)


def to_utf16(astral: tuple[int, ...], index: int) -> int:
    return index + bisect_left(astral, index)


def from_utf16(astral: tuple[int, ...], unit: int) -> int:
    return unit - bisect_left([a + k for k, a in enumerate(astral)], unit)


class Paragraph:
    """One block of text laid out `width` wide (newlines kept), drawn with the painter's pen as its colour.
    With max_lines, layout stops there (`overflow` tells whether text was left over). Treat it as immutable:
    `paragraph()` hands the same one to every caller that asks for the same.

    `head` = (an earlier paragraph, k): its first k lines are this one's first k lines (`paragraph()` checks
    that they are); only the rest is laid out."""

    def __init__(self, text: str, qfont: QFont, width: float, spans: tuple[Span, ...] = (), line_height: float = 1.3,
                 max_lines: int | None = None, head: tuple[Paragraph, int] | None = None,
                 font_key: tuple | None = None):
        self.text, self.qfont, self.width, self.spans = text, qfont, float(width), spans
        self.line_height, self.max_lines = line_height, max_lines
        self.font_key = font_key or font_key_of(qfont)
        self.key = (text, self.font_key, self.width, spans, line_height, max_lines)  # equal keys, equal lines
        # each line's glyphs depend on that line alone (no bidi levels from the whole text, no stacks of marks)
        self.contained = _contained(text)
        # a fixed line pitch from the text's own font, as CSS line-height: a line with Arabic or emoji drawn from
        # a fallback font with taller metrics does not push the lines below it down
        metrics = QFontMetricsF(qfont)
        lead = qfont.pixelSize() * (line_height - 1.0)
        self.pitch, ascent = metrics.height() + lead, metrics.ascent()
        self.overflow = False
        self.overflow_end = 0  # where the line past max_lines ends (str index), when there is one
        # the lines as (layout, its spans, its first line drawn here, how many): one layout, or earlier ones and a
        # new one
        self._runs: list[tuple[QTextLayout, tuple[Span, ...], int, int]] = []
        self.line_ends: list[int] = []  # str indices
        start = 0
        self._line_keys: tuple[list[tuple], list[tuple[bool, bool]]] = [], []  # see _keys
        if head is not None:
            earlier, k = head
            self._runs = earlier._first_runs(k)
            self.line_ends = earlier.line_ends[:k]
            start = self.line_ends[-1]
            self._line_keys = earlier._line_keys[0][:k], earlier._line_keys[1][:k]  # the same lines
        rest = text[start:]
        offset = to_utf16(astral(text), start)
        own = tuple((max(s, offset) - offset, s + n - max(s, offset), c, w) for s, n, c, w in spans if s + n > offset)
        layout = _layout(rest, qfont, own)
        layout.beginLayout()
        lines, ends = len(self.line_ends), []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            if max_lines is not None and lines >= max_lines:
                line.setPosition(QPointF(0, -10_000))  # never drawn: it only shows that text is left over
                self.overflow = True
                self.overflow_end = start + from_utf16(astral(rest), line.textStart() + line.textLength())
                break
            line.setPosition(QPointF(0, lines * self.pitch + ascent - line.ascent()))
            lines += 1
            ends.append(line.textStart() + line.textLength())
        layout.endLayout()
        shifted = astral(rest)  # Qt counts UTF-16 units; callers slice Python strings
        self.line_ends += [start + from_utf16(shifted, end) for end in ends]
        if ends:
            self._runs.append((layout, own, 0, len(ends)))
        self.lines = lines
        self.height = max(0.0, lines * self.pitch - lead) if lines else 0.0
        self._whole: QTextLayout | None = layout if head is None else None
        self._line_list: list | None = None

    @property
    def layout(self) -> QTextLayout:
        """The whole paragraph as one QTextLayout (laid out on demand when it took lines over from another)."""
        if self._whole is None:
            self._whole = Paragraph(self.text, self.qfont, self.width, self.spans, self.line_height,
                                    self.max_lines)._whole
        return self._whole

    def _first_runs(self, k: int) -> list[tuple[QTextLayout, tuple[Span, ...], int, int]]:
        runs, left = [], k
        for layout, spans, first, count in self._runs:
            if left <= 0:
                break
            runs.append((layout, spans, first, min(count, left)))
            left -= count
        return runs

    def _lines(self):
        """(layout, its spans, line) for each drawn line."""
        for layout, spans, first, count in self._runs:
            for i in range(first, first + count):
                yield layout, spans, layout.lineAt(i)

    def reusable_lines(self, text: str, spans: tuple[Span, ...]) -> int:
        """How many of this paragraph's first lines a paragraph of `text` and `spans` (same font, width and line
        height and max_lines) would lay out the same: line k-1 is the same when the text up to the end of line k
        is, in characters and formats."""
        if self.lines < 2:
            return 0
        shifted = astral(text)
        same = to_utf16(shifted, _common_prefix(text, self.text))  # in UTF-16 units, as spans are
        for a, b in zip_longest(spans, self.spans):
            if a != b:  # formatted the same up to where the first differing span starts
                same = min(same, *(s[0] for s in (a, b) if s is not None))
                break
        k = max(0, bisect_right(self.line_ends, from_utf16(shifted, same)) - 1)  # line k ends in the common part
        while k > 0 and not _fresh_start(text, self.line_ends[k - 1]):
            k -= 1
        return k

    def draw(self, p: QPainter, x: float, y: float, bg: str = "") -> None:
        """Draw with the painter's pen at (x, y). `bg` is the colour the paragraph sits on, where nothing was drawn
        before it within BAND_MARGIN pixels of its box nor in the line spacing under its last line: then a
        paragraph of BANDED_MIN_LINES or more is drawn from cached images of its lines, pixel for pixel as
        drawing it directly would (each line's image is the background with that line drawn into it, and the
        neighbours whose glyphs may reach into its rows, clipped to them)."""
        t = p.transform()
        if (not bg or self.lines < BANDED_MIN_LINES or t.type().value > QTransform.TransformationType.TxTranslate.value
                or p.opacity() != 1.0 or p.pen().brush().style() != Qt.BrushStyle.SolidPattern
                or p.compositionMode() != QPainter.CompositionMode.CompositionMode_SourceOver
                or not self.contained):
            for layout, _, first, count in self._runs:
                if first == 0 and count == layout.lineCount():
                    layout.draw(p, QPointF(x, y))
                else:
                    for i in range(first, first + count):
                        layout.lineAt(i).draw(p, QPointF(x, y))
            return
        dx, dy = t.dx() + x, t.dy() + y
        left = math.floor(dx) - BAND_MARGIN
        fx = dx - left  # the text's origin in a line image
        width = math.ceil(fx + self.width + BAND_MARGIN)
        common = (self.font_key, self.width, self.pitch, p.pen().color().rgba(), bg, round(fx * 64), width,
                  p.renderHints().value)
        keys, reach = self._keys()
        shown = range(self.lines)
        if p.hasClipping():  # (a picture updated in place: only the lines in the clip are drawn, one by one)
            clip = p.clipBoundingRect()
            shown = range(max(0, math.floor((clip.top() + t.dy() - dy) / self.pitch) - 1),
                          min(self.lines, math.ceil((clip.bottom() + t.dy() - dy) / self.pitch) + 1))
        bands = []  # (key, top, height, the indices of the lines drawn into it) per line
        rows = {i: math.floor(dy + i * self.pitch) for i in range(shown.start, shown.stop + 1)}
        for i in shown:
            top, bottom = rows[i], rows[i + 1]
            near = [i] + ([i - 1] if i > 0 and reach[i - 1][1] else []) + ([i + 1] if i + 1 < self.lines
                                                                             and reach[i + 1][0] else [])
            key = (round((dy - top) * 64), bottom - top, tuple((j - i, keys[j]) for j in near))
            bands.append((key, top, bottom - top, near))

        def band(key: tuple, top: int, height: int, near: list[int]) -> QImage:
            img = _bands.get((common, key))
            if img is None:  # the text's origin is (fx, dy - top) in this line's image
                lines = self._line_objects()
                img = _bands.put((common, key), _band(p, [lines[j] for j in near], fx, dy - top, width, height, bg))
            return img

        # the lines above the last two change least while typing: drawn as one image of their line images
        lead = bands[:-2] if len(bands) > 3 and len(shown) == self.lines else []
        if lead:
            top = lead[0][1]
            key = (common, top - math.floor(dy), tuple(b[0] for b in lead))
            img = _bands.get(key)
            if img is None:
                img = QImage(width, lead[-1][1] + lead[-1][2] - top, QImage.Format.Format_ARGB32_Premultiplied)
                q = QPainter(img)
                for b in lead:
                    q.drawImage(0, b[1] - top, band(*b))
                q.end()
                img.reinterpretAsFormat(QImage.Format.Format_RGB32)  # opaque bands cover it: copied, not blended
                img = _bands.put(key, img)
            p.drawImage(QPointF(left - t.dx(), top - t.dy()), img)
        for b in bands[len(lead):]:
            p.drawImage(QPointF(left - t.dx(), b[1] - t.dy()), band(*b))

    def first_changed_line(self, other: Paragraph) -> int:
        """The first line that `other` (of the same line count) draws differently from this one."""
        mine, theirs = self._keys()[0], other._keys()[0]
        for i, (a, b) in enumerate(zip(mine, theirs, strict=False)):
            if a != b:
                return i
        return min(len(mine), len(theirs))

    def _line_objects(self) -> list:
        """The drawn lines (QTextLine), fetched when a line image is made."""
        if self._line_list is None:
            self._line_list = [line for _, _, line in self._lines()]
        return self._line_list

    def _keys(self) -> tuple[list[tuple], list[tuple[bool, bool]]]:
        """What each drawn line looks like: its text with CONTEXT units either side and the last character with
        a script before it (the shaping context), its spans and its place, so that equal keys draw equal pixels;
        and whether its glyphs may reach into the line above and the line below."""
        keys, reach = self._line_keys
        if len(keys) < self.lines:  # lines taken over from an earlier paragraph come with their keys
            texts = {}
            slack = DESCENT_SLACK * self.qfont.pixelSize()
            for i, (layout, spans, line) in enumerate(self._lines()):
                if i < len(keys):
                    continue
                if id(layout) not in texts:
                    text = layout.text()
                    texts[id(layout)] = text, text.encode("utf-16-le", "surrogatepass"), astral(text)
                text, units, shifted = texts[id(layout)]
                start, end = line.textStart(), line.textStart() + line.textLength()
                lo, hi = start - CONTEXT, end + CONTEXT
                spans = tuple((max(s, lo) - start, min(s + n, hi) - start, c, w)
                              for s, n, c, w in spans if s < hi and s + n > lo)
                scripted = _LAST_SCRIPTED.search(text, 0, from_utf16(shifted, start)) if start else None
                pos = line.position()
                keys.append((units[max(0, 2 * lo): 2 * hi], start - max(0, lo), end - start,
                             scripted and scripted.group(), spans, round(pos.x() * 64),
                             round((pos.y() - i * self.pitch) * 64)))
                shown = text[from_utf16(shifted, start): from_utf16(shifted, end)]
                rel = pos.y() - i * self.pitch  # a taller fallback font (Chinese, Arabic) starts the line higher
                reach.append((rel < 0 or bool(_TALL.search(shown)),
                              rel + line.ascent() + line.descent() + slack > self.pitch))
        return keys, reach


def _layout(text: str, qfont: QFont, spans: tuple[Span, ...]) -> QTextLayout:
    layout = QTextLayout(text.replace("\n", "\u2028"), qfont)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if spans:
        layout.setFormats([_range(*s) for s in spans])
    layout.setCacheEnabled(True)
    return layout


def _band(p: QPainter, lines: list, fx: float, oy: float, width: int, height: int, bg: str) -> QImage:
    """One line's rows: the background with the lines drawn into them as the painter would."""
    img = QImage(width, max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(bg))
    q = QPainter(img)
    q.setRenderHints(p.renderHints())
    q.setPen(p.pen())
    for line in lines:
        line.draw(q, QPointF(fx, oy))
    q.end()
    img.reinterpretAsFormat(QImage.Format.Format_RGB32)  # every pixel is opaque: drawn as a copy, not blended
    return img


def _fresh_start(text: str, i: int) -> bool:
    """Whether text laid out from i on shapes as it does after what precedes it: a new word of a script (not
    a mark, joiner, digit or symbol that takes its shape from before) after white space."""
    return 0 < i < len(text) and text[i - 1] in " \n\t\u2028" and bool(_SCRIPTED.match(text, i))


def _common_prefix(a: str, b: str) -> int:
    if a.startswith(b):
        return len(b)
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # the longest common prefix, by halving (string comparisons run in C)
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


_laid_out: LRU[tuple, Paragraph] = LRU(128)
_recent: LRU[tuple, list[Paragraph]] = LRU(64)  # by font, width, line height, max_lines: the last few laid out
_bands: LRU[tuple, QImage] = LRU(400)  # about 30 KB each
RECENT = 4


def font_key_of(qfont: QFont) -> tuple:
    """What a paragraph's lines depend on of its font. A font that is never changed after it is made can carry
    it as `font_key` (richtext.font does), so typing does not work it out for every paragraph it asks for."""
    return qfont.toString(), tuple(qfont.families())


def paragraph(text: str, qfont: QFont, width: float, spans: tuple[Span, ...] = (), line_height: float = 1.3,
              max_lines: int | None = None) -> Paragraph:
    """The Paragraph for these arguments: the same one while they stay the same, else laid out anew, taking over
    the lines a recent paragraph of the same font, width, line height and max_lines has in common with it."""
    font_key = getattr(qfont, "font_key", None) or font_key_of(qfont)
    key = (text, font_key, float(width), spans, line_height, max_lines)
    hit = _laid_out.get(key)
    if hit is not None:
        return hit
    head = None
    if _contained(text):
        best = 0
        for p in _recent.get((font_key, float(width), line_height, max_lines)) or []:
            k = p.reusable_lines(text, spans)
            if k > best:
                best, head = k, (p, k)
                if k >= p.lines - 2:  # (typing: the last one laid out gives all but its last lines; enough)
                    break
    para = _laid_out.put(key, Paragraph(text, qfont, width, spans, line_height, max_lines, head, font_key))
    recent = _recent.put((font_key, float(width), line_height, max_lines), [])
    recent[:] = [para, *(p for p in recent if p is not para)][:RECENT]
    return para


_formats: dict[tuple[str, int], QTextCharFormat] = {}


def _range(start: int, length: int, colour: str, weight: int) -> QTextLayout.FormatRange:
    fmt = _formats.get((colour, weight))
    if fmt is None:
        fmt = QTextCharFormat()
        if colour:
            fmt.setForeground(QColor(colour))
        if weight:
            fmt.setFontWeight(weight)
        fmt = _formats.setdefault((colour, weight), fmt)
    r = QTextLayout.FormatRange()
    r.start, r.length, r.format = start, length, fmt
    return r
