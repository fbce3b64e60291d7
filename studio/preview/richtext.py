"""The post's text as a network shows it: entities (links, mentions, hashtags), the "…more" fold, and a
laid-out paragraph (QTextLayout: shaping, bidi and font fallback through the renderer's fonts).

`entities` and `fold` are pure; `Paragraph` lays out and draws.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextCharFormat, QTextLayout, QTextOption

from studio.networks.base import Capabilities
from studio.networks.text.bluesky import facets as bluesky_facets
from studio.networks.text.common import _HASHTAG, _MENTION, sanitize  # the validator's own rules: both agree
from studio.networks.text.mastodon import MASTODON_URL_SYNTAX
from studio.networks.text.twitter import extract_urls_with_indices
from studio.preview.style import Style, style_for
from studio.render.fonts import make_font

# which entity kinds each network turns into links (Mastodon and Discord link only URLs with a scheme; a typed
# "@name" or "#name" in a Discord webhook message stays plain text: real mentions are <@id> markup)
_KINDS = {
    "x": ("link", "mention", "tag"), "mastodon": ("link", "mention", "tag"), "threads": ("link", "mention", "tag"),
    "facebook": ("link", "mention", "tag"), "linkedin": ("link", "mention", "tag"),
    "telegram": ("link", "mention", "tag"), "youtube": ("link", "mention", "tag"), "discord": ("link",),
    "instagram": ("mention", "tag"), "tiktok": ("mention", "tag"), "pinterest": (),
}
_X_MENTION = regex.compile(r"(?<![A-Za-z0-9_@＠!#$%&*])[@＠][A-Za-z0-9_]{1,15}(?![A-Za-z0-9_@＠])")
_GRAPHEME = regex.compile(r"\X")
_ASTRAL = regex.compile("[\U00010000-\U0010ffff]")
_SCHEME = regex.compile(r"^(?:https?://)?(?:www\.)?", regex.IGNORECASE)
_WORD_LOOKBACK = 20  # a fold moves back to a space at most this many characters


def entities(text: str, network: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every link, mention and hashtag as `network` finds them; str indices, end
    exclusive, sorted, never overlapping. `network` may be a target id ("instagram:feed")."""
    net = network.partition(":")[0]
    if net == "bluesky":
        return _bluesky(text)
    kinds = _KINDS.get(net, ("link", "mention", "tag"))
    found: list[tuple[int, int, str]] = []
    if "link" in kinds:
        urls = (extract_urls_with_indices(text, without_protocol=False, syntax=MASTODON_URL_SYNTAX)
                if net == "mastodon" else extract_urls_with_indices(text, without_protocol=net != "discord"))
        found += [(u.start, u.end, "link") for u in urls]
    if "mention" in kinds:
        pattern = _X_MENTION if net == "x" else _MENTION
        found += [(m.start(), m.end(), "mention") for m in pattern.finditer(text)]
    if "tag" in kinds:
        found += [(m.start(), m.end(), "tag") for m in _HASHTAG.finditer(text) if not m.group(1).isdigit()]
    return _no_overlap(found)


def _no_overlap(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    rank = {"link": 0, "mention": 1, "tag": 2}  # a link wins over a "#fragment" or "@user" inside it
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found, key=lambda e: (rank[e[2]], e[0])):
        if all(end <= s or start >= e for s, e, _ in out):
            out.append((start, end, kind))
    return sorted(out)


def _bluesky(text: str) -> list[tuple[int, int, str]]:
    """Bluesky's facets, which live at UTF-8 byte offsets, as str indices."""
    text = sanitize(text)
    index: list[int] = []  # byte offset -> str index of the character it belongs to
    for i, ch in enumerate(text):
        index.extend([i] * len(ch.encode("utf-8")))
    index.append(len(text))
    return [(index[f.byte_start], index[f.byte_end], f.kind) for f in bluesky_facets(text)]


def fold(text: str, caps: Capabilities) -> tuple[str, bool]:
    """The text the feed shows before "…more" is tapped, with the network's fold label, and whether it was cut.

    fold_chars: cut at that many characters, back to a space when one is within reach, never inside a
    character (emoji sequences stay whole). fold_lines: cut after that many lines (the painter also cuts
    after that many laid-out lines). Neither set: the text is shown in full."""
    kept = _cut(text, caps)
    if kept is None:
        return text, False
    style = style_for(caps)
    label = ("\n" if style.fold_newline else "") + style.fold_label
    return trim(kept, label) + label, True


def trim(kept: str, label: str) -> str:
    """The kept text without trailing dots and commas when the label starts with an ellipsis ("pm.… more")."""
    return kept.rstrip(" .,;:…") if label.lstrip()[:1] in ("…", ".") else kept


def _cut(text: str, caps: Capabilities) -> str | None:
    if caps.fold_chars is not None and len(text) > caps.fold_chars:
        limit = caps.fold_chars
        cut = 0
        for m in _GRAPHEME.finditer(text, 0, min(len(text), limit + 16)):
            if m.end() > limit:
                break
            cut = m.end()
        space = max(text.rfind(" ", max(0, cut - _WORD_LOOKBACK), cut + 1),
                    text.rfind("\n", max(0, cut - _WORD_LOOKBACK), cut + 1))
        if space > 0:
            cut = space
        return text[:cut].rstrip()
    if caps.fold_lines is not None:
        lines = text.split("\n")
        if len(lines) > caps.fold_lines:
            return "\n".join(lines[: caps.fold_lines]).rstrip()
    return None


# ----------------------------------------------------------------------------------------------- layout

@lru_cache(maxsize=64)
def font(size: float, weight: int = 400, family: str = "Inter", italic: bool = False) -> QFont:
    return make_font(family, size, weight, italic)


def display(text: str, ents: list[tuple[int, int, str]], shorten: int) -> tuple[str, list[tuple[int, int, str]]]:
    """Links as the network writes them: without "https://" and "www.", cut to `shorten` characters with "…"
    (X, Mastodon, Bluesky). Returns the new text and the entities moved with it."""
    if not shorten or not any(kind == "link" for _, _, kind in ents):
        return text, ents
    out, moved, pos = [], [], 0
    length = 0
    for start, end, kind in ents:
        out.append(text[pos:start])
        length += start - pos
        piece = text[start:end]
        if kind == "link":
            piece = _SCHEME.sub("", piece)
            if len(piece) > shorten:
                piece = piece[: shorten - 1] + "…"
        moved.append((length, length + len(piece), kind))
        out.append(piece)
        length += len(piece)
        pos = end
    out.append(text[pos:])
    return "".join(out), moved


def _astral(text: str) -> list[int]:
    """str indices of the characters beyond U+FFFF (two UTF-16 units each: Qt's positions shift after them)."""
    if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


def to_utf16(astral: list[int], index: int) -> int:
    return index + bisect_left(astral, index)


def from_utf16(astral: list[int], unit: int) -> int:
    return unit - bisect_left([a + k for k, a in enumerate(astral)], unit)


def formats(text: str, ents: list[tuple[int, int, str]], style: Style, link: str, secondary: str, *,
            label_at: int | None = None, bold_until: int = 0, offset: int = 0) -> list[QTextLayout.FormatRange]:
    """Format ranges for `text`: highlighted entities (str indices into text[offset:], so a prefix such as
    Instagram's "name " is skipped), a bold prefix up to bold_until, the fold label from label_at on."""
    ranges = []
    astral = _astral(text)

    def add(start: int, end: int, fmt: QTextCharFormat) -> None:
        r = QTextLayout.FormatRange()
        if astral:
            start, end = to_utf16(astral, start), to_utf16(astral, end)
        r.start, r.length, r.format = start, end - start, fmt
        ranges.append(r)

    if bold_until:
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.DemiBold)
        add(0, bold_until, bold)
    body_end = len(text) if label_at is None else label_at
    for start, end, kind in ents:
        start, end = start + offset, min(end + offset, body_end)
        if kind not in style.highlight or start >= end:
            continue
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(link))
        if style.highlight_bold:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        add(start, end, fmt)
    if label_at is not None:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(link if style.fold_link else secondary))
        if style.fold_bold or style.fold_newline:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        add(label_at, len(text), fmt)
    return ranges


class Paragraph:
    """One block of text laid out `width` wide (newlines kept), drawn with the painter's pen as its colour.
    With max_lines, layout stops there (`overflow` tells whether text was left over)."""

    def __init__(self, text: str, qfont: QFont, width: float, ranges: list | None = None, line_height: float = 1.3,
                 max_lines: int | None = None):
        self.text = text
        self.layout = QTextLayout(text.replace("\n", "\u2028"), qfont)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.layout.setTextOption(option)
        if ranges:
            self.layout.setFormats(ranges)
        self.layout.setCacheEnabled(True)
        self.layout.beginLayout()
        y = 0.0
        self.lines = 0
        self.overflow = False
        self.line_ends: list[int] = []
        # a fixed line pitch from the text's own font, as CSS line-height: a line with Arabic or emoji drawn from
        # a fallback font with taller metrics does not push the lines below it down
        metrics = QFontMetricsF(qfont)
        lead = qfont.pixelSize() * (line_height - 1.0)
        pitch, ascent = metrics.height() + lead, metrics.ascent()
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            if max_lines is not None and self.lines >= max_lines:
                line.setLineWidth(width)
                line.setPosition(QPointF(0, -10_000))  # never drawn: it only shows that text is left over
                self.overflow = True
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y + ascent - line.ascent()))
            y += pitch
            self.lines += 1
            self.line_ends.append(line.textStart() + line.textLength())
        self.layout.endLayout()
        astral = _astral(text)
        if astral:  # Qt counts UTF-16 units; callers slice Python strings
            self.line_ends = [from_utf16(astral, end) for end in self.line_ends]
        self.height = max(0.0, y - lead) if self.lines else 0.0

    def draw(self, p: QPainter, x: float, y: float) -> None:
        if self.lines == self.layout.lineCount():
            self.layout.draw(p, QPointF(x, y))
            return
        for i in range(self.lines):
            self.layout.lineAt(i).draw(p, QPointF(x, y))


def body(text: str, caps: Capabilities, style: Style, link: str, secondary: str, width: float, expanded: bool, *,
         prefix: str = "", size: float | None = None, max_lines: int | None = None,
         weight: int = 400, line_height: float = 1.3) -> Paragraph:
    """The post's text as the feed lays it out: links shortened where the network does, folded unless expanded
    (fold_chars, fold_lines, or the layout's own max_lines), entities highlighted, the fold label in its colour,
    an optional bold prefix (a name)."""
    qfont = font(size or style.text_size, weight, style.font)
    label = ("\n" if style.fold_newline else "") + style.fold_label
    text, ents = display(text, entities(text, caps.network), int(style.extra.get("shorten_links", 0)))
    kept, cut = text, False
    if not expanded:
        shown, cut = fold(text, caps)
        kept = shown[: len(shown) - len(label)] if cut else text
    lines = None if expanded else (caps.fold_lines if max_lines is None else max_lines)

    def make(s: str, label_at: int | None = None, limit: int | None = None) -> Paragraph:
        full = prefix + s
        ranges = formats(full, ents, style, link, secondary, offset=len(prefix),
                         bold_until=len(prefix.rstrip()), label_at=None if label_at is None else label_at + len(prefix))
        return Paragraph(full, qfont, width, ranges, line_height, limit)

    if lines is None:
        if cut:
            kept = trim(kept, label)
            return make(kept + label, len(kept))
        return make(kept)
    if cut:
        kept = trim(kept, label)
    para = make(kept + label, len(kept), lines) if cut else make(kept, None, lines)
    if not para.overflow:
        return para
    # more laid-out lines than the fold allows: keep what fits, then shorten word by word until the label fits too
    kept = trim(kept[: para.line_ends[lines - 1] - len(prefix)].rstrip(), label)
    for _ in range(12):
        para = make(kept + label, len(kept), lines)
        if not para.overflow or not kept:
            break
        space = kept.rfind(" ", 0, len(kept) - 1)
        kept = trim(kept[:space].rstrip() if space > 0 else kept[: -max(1, len(kept) // 8)], label)
    return para
