"""The post's text as a network shows it: entities (links, mentions, hashtags), the "…more" fold, and the
laid-out paragraph with them highlighted (`body`).

`entities` and `fold` are pure; `paragraph.Paragraph` lays out and draws.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from PySide6.QtGui import QFont

from studio.networks.base import Capabilities
from studio.networks.text.bluesky import facets as bluesky_facets
from studio.networks.text.common import _HASHTAG, _MENTION, sanitize  # the validator's own rules: both agree
from studio.networks.text.mastodon import MASTODON_URL_SYNTAX
from studio.networks.text.twitter import extract_urls_with_indices
from studio.preview.paragraph import Paragraph, Span, astral, font_key_of, paragraph, to_utf16
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
_SCHEME = regex.compile(r"^(?:https?://)?(?:www\.)?", regex.IGNORECASE)
_WORD_LOOKBACK = 20  # a fold moves back to a space at most this many characters


def entities(text: str, network: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every link, mention and hashtag as `network` finds them; str indices, end
    exclusive, sorted, never overlapping. `network` may be a target id ("instagram:feed")."""
    net = network.partition(":")[0]
    if net == "bluesky":
        return _bluesky(text)
    # networks that find entities alike share the answer (Threads, Facebook, LinkedIn, Telegram, YouTube)
    return list(_entities(text, _KINDS.get(net, ("link", "mention", "tag")), net == "x", net == "mastodon",
                          net != "discord"))


@lru_cache(maxsize=32)
def _entities(text: str, kinds: tuple[str, ...], x_mentions: bool, mastodon: bool, without_protocol: bool
              ) -> tuple[tuple[int, int, str], ...]:
    found: list[tuple[int, int, str]] = []
    if "link" in kinds:
        found += [(start, end, "link") for start, end in _links(text, mastodon, without_protocol)]
    if "mention" in kinds:
        pattern = _X_MENTION if x_mentions else _MENTION
        found += [(m.start(), m.end(), "mention") for m in pattern.finditer(text)]
    if "tag" in kinds:
        found += [(m.start(), m.end(), "tag") for m in _HASHTAG.finditer(text) if not m.group(1).isdigit()]
    return tuple(_no_overlap(found))


@lru_cache(maxsize=16)
def _links(text: str, mastodon: bool, without_protocol: bool) -> tuple[tuple[int, int], ...]:
    """(start, end) of the URLs: most networks find them the same way, so one keystroke finds them once."""
    urls = (extract_urls_with_indices(text, without_protocol=False, syntax=MASTODON_URL_SYNTAX) if mastodon
            else extract_urls_with_indices(text, without_protocol=without_protocol))
    return tuple((u.start, u.end) for u in urls)


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
    found = bluesky_facets(text)
    if text.isascii():
        return [(f.byte_start, f.byte_end, f.kind) for f in found]
    data = text.encode("utf-8")

    def index(offset: int) -> int:  # byte offset -> str index of the character it belongs to
        return len(data[:offset].decode("utf-8", "ignore"))

    return [(index(f.byte_start), index(f.byte_end), f.kind) for f in found]


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
        return _cut_at(text[: limit + _CUT_READS], limit)  # typing past the fold: the same cut again
    if caps.fold_lines is not None:
        lines = text.split("\n")
        if len(lines) > caps.fold_lines:
            return "\n".join(lines[: caps.fold_lines]).rstrip()
    return None


_CUT_READS = 17  # how far past the limit a fold at a character count looks


@lru_cache(maxsize=64)
def _cut_at(head: str, limit: int) -> str:
    """The kept text of a text longer than `limit` that starts with `head` (its first limit + _CUT_READS
    characters): the last whole character (grapheme) that ends by `limit`, back to a space within reach."""
    cut = 0
    for m in _GRAPHEME.finditer(head, 0, min(len(head), limit + 16)):
        if m.end() > limit:
            break
        cut = m.end()
    space = max(head.rfind(" ", max(0, cut - _WORD_LOOKBACK), cut + 1),
                head.rfind("\n", max(0, cut - _WORD_LOOKBACK), cut + 1))
    if space > 0:
        cut = space
    return head[:cut].rstrip()


# ----------------------------------------------------------------------------------------------- layout

@lru_cache(maxsize=64)
def font(size: float, weight: int = 400, family: str = "Inter", italic: bool = False) -> QFont:
    """The previews' font (shared: never change it), carrying its paragraph key."""
    made = make_font(family, size, weight, italic)
    made.font_key = font_key_of(made)
    return made


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


def formats(text: str, ents: list[tuple[int, int, str]], style: Style, link: str, secondary: str, *,
            label_at: int | None = None, bold_until: int = 0, offset: int = 0) -> tuple[Span, ...]:
    """Format spans for `text`: highlighted entities (str indices into text[offset:], so a prefix such as
    Instagram's "name " is skipped), a bold prefix up to bold_until, the fold label from label_at on."""
    spans: list[Span] = []
    shifted = astral(text)
    demibold = int(QFont.Weight.DemiBold.value)

    def add(start: int, end: int, colour: str, weight: int) -> None:
        if shifted:
            start, end = to_utf16(shifted, start), to_utf16(shifted, end)
        spans.append((start, end - start, colour, weight))

    if bold_until:
        add(0, bold_until, "", demibold)
    body_end = len(text) if label_at is None else label_at
    for start, end, kind in ents:
        start, end = start + offset, min(end + offset, body_end)
        if kind in style.highlight and start < end:
            add(start, end, link, demibold if style.highlight_bold else 0)
    if label_at is not None:
        add(label_at, len(text), link if style.fold_link else secondary,
            demibold if style.fold_bold or style.fold_newline else 0)
    return tuple(spans)


def _first_lines(text: str, lines: int, make, prefix: int, ems: float) -> Paragraph:
    """`text` laid out up to `lines` lines, from a prefix of it when one is surely long enough: the lines a fold
    shows do not depend on what follows them, and the same prefix is the same laid-out paragraph on the next
    keystroke. Surely long enough: the line past the fold ended inside the prefix."""
    probe = round((lines + 1) * ems * 3) + 16  # about 1.5 times the characters that fit
    if len(text) > probe:
        para = make(text[:probe], None, lines)
        if para.overflow and para.overflow_end < prefix + probe:
            return para
    return make(text, None, lines)


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
        spans = formats(full, ents, style, link, secondary, offset=len(prefix),
                        bold_until=len(prefix.rstrip()), label_at=None if label_at is None else label_at + len(prefix))
        return paragraph(full, qfont, width, spans, line_height, limit)

    if lines is None:
        if cut:
            kept = trim(kept, label)
            return make(kept + label, len(kept))
        return make(kept)
    if cut:
        kept = trim(kept, label)
        para = make(kept + label, len(kept), lines)
    else:
        para = _first_lines(kept, lines, make, len(prefix), width / qfont.pixelSize())
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
