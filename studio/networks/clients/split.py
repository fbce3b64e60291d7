"""Splitting a text that is too long for one message into several, for the networks that post a long text as a
series of messages (Telegram: 4096 UTF-16 units, Discord: 2000 characters).

Where a cut goes, best first: between paragraphs, at a line break, after a sentence, between words. A cut never
falls inside a word or a URL (every cut is at white space, or after a CJK full stop outside a URL), and never
inside a grapheme cluster, so an emoji sequence, a flag or a letter with its accents stays whole. Only a single
word (or URL) longer than the limit is cut inside, at a grapheme boundary, because nothing else can be done.

To avoid a series of tiny messages, the strongest kind of boundary is looked for only in the second half of what
fits; when there is none there, the last boundary of any kind is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from studio.networks.text.common import graphemes, sanitize

# A sentence ends with one of these, optionally followed by closing quotes or brackets.
_SENTENCE_END = frozenset(".!?…‼⁉。！？")
_CLOSERS = frozenset("\"'”’»›)]}」』")
# Full stops after which a cut needs no following space (CJK scripts do not put spaces between sentences).
_CJK_END = frozenset("。！？")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")

PARAGRAPH, LINE, SENTENCE, WORD = 3, 2, 1, 0


def split_text(text: str, limit: int, length: Callable[[str], int] = len) -> list[str]:
    """`text` as pieces of at most `limit` by `length`, cut at the best boundaries (see the module doc).

    `length` must add up over grapheme clusters (len, UTF-16 units, UTF-8 bytes do). White space at a cut is
    dropped; the pieces are never empty. An empty or blank text gives no pieces.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = sanitize(text).strip()
    if not text:
        return []
    if length(text) <= limit:
        return [text]
    clusters = graphemes(text)
    widths = [length(c) for c in clusters]
    offsets = _offsets(clusters)
    in_url = _url_clusters(text, offsets)
    pieces: list[str] = []
    start, n = 0, len(clusters)
    while start < n:
        while start < n and clusters[start].isspace():
            start += 1
        if start >= n:
            break
        end = _fitting_end(widths, start, limit)
        if end < n:
            end = _best_cut(clusters, in_url, start, end)
        piece = "".join(clusters[start:end]).rstrip()
        if piece:
            pieces.append(piece)
        start = end
    return pieces


def _offsets(clusters: list[str]) -> list[int]:
    """Code point offset of each cluster, plus the total at the end."""
    out, pos = [], 0
    for c in clusters:
        out.append(pos)
        pos += len(c)
    out.append(pos)
    return out


def _url_clusters(text: str, offsets: list[int]) -> list[bool]:
    """For each cluster: whether it belongs to a URL (a cut must not fall before it unless the URL starts there)."""
    inside = [False] * (len(offsets) - 1)
    spans = [m.span() for m in _URL.finditer(text)]
    if not spans:
        return inside
    index = {offset: i for i, offset in enumerate(offsets)}
    for lo, hi in spans:
        first = index.get(lo)
        if first is None:
            continue
        i = first + 1
        while i < len(inside) and offsets[i] < hi:
            inside[i] = True
            i += 1
    return inside


def _fitting_end(widths: list[int], start: int, limit: int) -> int:
    """The largest end (exclusive cluster index) such that clusters[start:end] fit; at least one cluster."""
    total, end = 0, start
    while end < len(widths) and total + widths[end] <= limit:
        total += widths[end]
        end += 1
    return max(end, start + 1)


def _best_cut(clusters: list[str], in_url: list[bool], start: int, end: int) -> int:
    """Where to end the piece that may reach up to `end` (exclusive): a cluster index in (start, end]."""
    half = start + (end - start) // 2
    cuts = [(cut, kind) for cut in range(start + 1, end + 1)
            if (kind := _boundary(clusters, in_url, cut)) is not None]
    late = [(cut, kind) for cut, kind in cuts if cut > half]
    if late:
        strongest = max(kind for _, kind in late)
        return max(cut for cut, kind in late if kind == strongest)
    if cuts:
        return cuts[-1][0]
    return _hard_cut(in_url, start, end)


def _boundary(clusters: list[str], in_url: list[bool], cut: int) -> int | None:
    """The kind of boundary between clusters[cut-1] and clusters[cut], or None when a cut there is not allowed."""
    if cut >= len(clusters):
        return None
    before, after = clusters[cut - 1], clusters[cut]
    if after.isspace() and not before.isspace():
        newlines = 0
        i = cut
        while i < len(clusters) and clusters[i].isspace():
            newlines += clusters[i].count("\n") + (clusters[i].count("\r") if "\n" not in clusters[i] else 0)
            i += 1
        if newlines >= 2:
            return PARAGRAPH
        if newlines == 1:
            return LINE
        return SENTENCE if _ends_sentence(clusters, cut) else WORD
    if before in _CJK_END and not after.isspace() and not in_url[cut] and not in_url[cut - 1]:
        return SENTENCE
    return None


def _ends_sentence(clusters: list[str], cut: int) -> bool:
    i = cut - 1
    while i >= 0 and clusters[i] in _CLOSERS:
        i -= 1
    return i >= 0 and clusters[i] in _SENTENCE_END


def _hard_cut(in_url: list[bool], start: int, end: int) -> int:
    """No boundary fits: a word longer than the limit is cut, before a URL glued to it when there is one
    (a URL longer than the limit is cut too). `end` is below the number of clusters."""
    cut = end
    while cut > start + 1 and in_url[cut]:
        cut -= 1
    return end if in_url[cut] else cut
