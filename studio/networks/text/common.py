"""Helpers shared by the per-network counters: sanitising, grapheme clusters, emoji, hashtags and mentions.

Grapheme clusters are Unicode extended grapheme clusters (UAX #29) as the `regex` package's `\\X` finds them; the
package carries its own, recent Unicode data, so new emoji sequences are one cluster even on an older Python.
"""

from __future__ import annotations

import functools
import re

import regex

_SURROGATE = re.compile("[\ud800-\udfff]")
_GRAPHEME = regex.compile(r"\X")

# One emoji as UTS #51 builds them: a flag (two regional indicators), a keycap, or a pictograph with optional
# variation selector, skin-tone modifier and tag sequence (subdivision flags), joined by ZWJ into one sequence.
# A pictograph whose default presentation is text counts only when not followed by VS15 (U+FE0E, "show as text");
# ©, ® and ™ count only with VS16 (U+FE0F), as in Twitter's emoji parser, since they are mostly used as text.
_TEXT_DEFAULT = "\u00a9\u00ae\u2122"
_EMOJI_ATOM = (
    r"(?:\p{Regional_Indicator}\p{Regional_Indicator}"
    r"|[#*0-9]\ufe0f?\u20e3"
    rf"|(?:\p{{Emoji_Presentation}}|[{_TEXT_DEFAULT}]\ufe0f|(?![{_TEXT_DEFAULT}])\p{{Extended_Pictographic}}(?!\ufe0e))"
    r"[\ufe0f\p{Emoji_Modifier}]*(?:[\U000e0020-\U000e007e]+\U000e007f)?)"
)
EMOJI_PATTERN = regex.compile(rf"{_EMOJI_ATOM}(?:\u200d{_EMOJI_ATOM})*")

_WORD = r"\p{L}\p{M}\p{N}_"
# A hashtag: # (or the full-width ＃) not glued to a word, "&" (HTML entities), "/" (URL fragments) or another #,
# then letters, marks, digits and underscores, not digits only.
_HASHTAG = regex.compile(rf"(?<![{_WORD}&/#＃])[#＃]([{_WORD}]+)")
# A mention: @ (or ＠) not glued to a word (so e-mail addresses are no mentions), a handle of ASCII letters, digits,
# "_", "." and "-" that neither starts nor ends with "." or "-" (so "@anna." is "anna" and Bluesky's
# "@anna.bsky.social" is one handle), optionally a fediverse "@domain.tld".
_MENTION = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_@＠.])[@＠]([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?"
    r"(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)?)"
)


def sanitize(text: str) -> str:
    """The text as it can be sent: surrogate pairs joined, lone surrogates replaced by U+FFFD.

    A Python `str` may hold UTF-16 surrogates (from a faulty clipboard, a JSON "\\ud83d" escape, …). No network can
    receive them, and `str.encode("utf-8")` raises on them. Counting what `sanitize` returns means counting what is
    sent (U+FFFD is 3 UTF-8 bytes, 1 UTF-16 unit, 1 grapheme, just like the surrogate under "surrogatepass"), so
    every counter here calls it first, and publishing code should send `sanitize(text)`.
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units (what JavaScript's `String.length` and Twitter's ranges count)."""
    text = sanitize(text)
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def utf8_length(text: str) -> int:
    """Length in UTF-8 bytes."""
    return len(sanitize(text).encode("utf-8"))


def graphemes(text: str) -> list[str]:
    """The extended grapheme clusters of `text`, in order (what a reader sees as single characters)."""
    return _GRAPHEME.findall(sanitize(text))


def grapheme_count(text: str) -> int:
    """Number of extended grapheme clusters: a ZWJ family, a flag or "e" + combining accent each count 1."""
    text = sanitize(text)
    if text.isascii():
        # Only "\r\n" joins two ASCII characters into one cluster.
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))


def is_emoji(cluster: str) -> bool:
    """Whether a grapheme cluster (see `graphemes`) is one emoji, e.g. "👍🏽", "👨‍👩‍👧‍👦", "🇩🇪" or "1️⃣"."""
    if cluster.isascii():
        return False  # no ASCII character is an emoji by itself ("1", "#" need U+FE0F U+20E3)
    return _is_emoji(cluster)


@functools.lru_cache(maxsize=4096)
def _is_emoji(cluster: str) -> bool:
    return EMOJI_PATTERN.fullmatch(cluster) is not None


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) code point indices of every emoji (sequence) in `text`, end exclusive."""
    return [m.span() for m in EMOJI_PATTERN.finditer(sanitize(text))]


def hashtags(text: str) -> list[str]:
    """Every hashtag in order of appearance, without "#", repeats included (e.g. for Instagram's 30 limit).

    Letters of any script, combining marks, digits and "_" belong to a tag; a tag of digits only ("#1") is none.
    """
    return [m.group(1) for m in _HASHTAG.finditer(sanitize(text)) if not m.group(1).isdigit()]


def mentions(text: str) -> list[str]:
    """Every @mention in order of appearance, without "@", repeats included (e.g. for Instagram's 20 limit).

    "@anna" gives "anna", "@anna.bsky.social" gives "anna.bsky.social", "@anna@example.social" gives
    "anna@example.social"; "anna@example.com" (an e-mail address) gives nothing.
    """
    return [m.group(1) for m in _MENTION.finditer(sanitize(text))]
