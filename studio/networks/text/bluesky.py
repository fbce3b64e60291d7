"""Bluesky: grapheme clusters and UTF-8 bytes, and rich-text facets (links, mentions, hashtags) at byte offsets.

Limits (lexicon app.bsky.feed.post `text`): 300 grapheme clusters and 3000 UTF-8 bytes, both. The server does not
detect links, mentions or hashtags: a client sends them as facets (app.bsky.richtext.facet) whose `byteStart` and
`byteEnd` are zero-based, end-exclusive offsets into the UTF-8 encoding of the text.

`facets` follows the reference client, `detectFacets` in bluesky-social/atproto packages/api/src/rich-text
(detection.ts, util.ts), with these deliberate differences:
- TLDs come from twitter-text's list (`_twitter_tlds`, plus any "xn--" TLD) instead of the npm `tlds` package, and
  are compared case-insensitively ("@Anna.Bsky.Social" is a handle; upstream misses it);
- a scheme is recognised in any case ("HTTPS://…", which upstream drops), and a bare domain beginning with "http"
  ("httpbin.org") still gets "https://" in front (upstream leaves it without a scheme);
- a tag may have up to 64 grapheme clusters and 640 bytes, the lexicon's limits (upstream: 64 UTF-16 units).
Kept as upstream: bare domains are letters and digits only ("my-site.com" is not linked, "example.com" is), one
trailing ".,;:!?" and one unbalanced ")" are cut from a link, mentions and links must follow the start, a space or
"(", tags the start or a space, and a tag's trailing punctuation is cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import regex

from studio.networks.text._twitter_tlds import COUNTRY_TLDS, GENERIC_TLDS
from studio.networks.text.common import grapheme_count, sanitize

__all__ = ["MAX_BYTES", "MAX_GRAPHEMES", "Facet", "count", "facets", "grapheme_count", "is_valid_domain",
           "to_record_facets", "utf8_length"]

MAX_GRAPHEMES = 300
MAX_BYTES = 3000
TAG_MAX_GRAPHEMES = 64
TAG_MAX_BYTES = 640

FacetKind = Literal["link", "mention", "tag"]

# JavaScript's \s (the reference client's regexes are JavaScript).
_WS = r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_INVISIBLE = r"\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"  # zero-width characters that end a tag
# re.ASCII: \b and case-insensitivity as in JavaScript without the u flag.
_MENTION = re.compile(rf"(?:^|[{_WS}(])@([a-zA-Z0-9.-]+)\b", re.ASCII)
_LINK = re.compile(
    rf"(?:^|[{_WS}(])((https?://)[^{_WS}]+|(?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)[^{_WS}]*)",
    re.ASCII | re.IGNORECASE | re.MULTILINE,
)
_TAG = regex.compile(
    rf"(^|[{_WS}])[#＃]((?!\ufe0f)[^{_WS}{_INVISIBLE}]*[^0-9{_WS}\p{{P}}{_INVISIBLE}]+[^{_WS}{_INVISIBLE}]*)?"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
_LINK_TRAILING = ".,;:!?"


@dataclass(frozen=True)
class Facet:
    """A detected link, mention or hashtag.

    `value`: the link's full URI ("https://" added to a bare domain), the handle without "@", the tag without "#".
    `byte_start`/`byte_end`: UTF-8 byte offsets, end exclusive (what the record needs); `start`/`end`: the same span
    as code point indices into `common.sanitize(text)` (for highlighting).
    """

    kind: FacetKind
    value: str
    byte_start: int
    byte_end: int
    start: int
    end: int


def utf8_length(text: str) -> int:
    """UTF-8 bytes of the text as sent (lone surrogates count as U+FFFD: 3 bytes)."""
    return len(sanitize(text).encode("utf-8"))


def count(text: str) -> tuple[int, int]:
    """(grapheme clusters, UTF-8 bytes): both must stay within 300 and 3000."""
    return grapheme_count(text), utf8_length(text)


def is_valid_domain(domain: str) -> bool:
    """Whether `domain`'s last label is a known top-level domain (the reference client's `isValidDomain`)."""
    head, dot, tld = domain.rpartition(".")
    tld = tld.lower()
    return bool(dot and head) and (tld in GENERIC_TLDS or tld in COUNTRY_TLDS or tld.startswith("xn--"))


def facets(text: str) -> list[Facet]:
    """The links, mentions and hashtags the Bluesky app would make facets of, in text order."""
    text = sanitize(text)
    spans: list[tuple[int, int, FacetKind, str]] = []
    for m in _MENTION.finditer(text):
        handle = m.group(1)
        if is_valid_domain(handle) or handle.endswith(".test"):
            spans.append((m.start(1) - 1, m.end(1), "mention", handle))
    for m in _LINK.finditer(text):
        uri, start, end = m.group(1), m.start(1), m.end(1)
        if m.group(2) is None:
            if not is_valid_domain(m.group("domain")):
                continue
            uri = "https://" + uri
        if uri[-1] in _LINK_TRAILING:
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        if uri.endswith("://"):
            continue  # nothing after the scheme
        spans.append((start, end, "link", uri))
    for m in _TAG.finditer(text):
        tag = m.group(2)
        if tag is None:
            continue
        tag = _TRAILING_PUNCTUATION.sub("", tag)
        if not tag or grapheme_count(tag) > TAG_MAX_GRAPHEMES or len(tag.encode("utf-8")) > TAG_MAX_BYTES:
            continue
        start = m.start() + len(m.group(1))
        spans.append((start, start + 1 + len(tag), "tag", tag))
    spans.sort()
    offsets = _utf8_offsets(text, (i for start, end, _, _ in spans for i in (start, end)))
    out: list[Facet] = []
    for start, end, kind, value in spans:
        if out and start < out[-1].end:
            continue  # facets must not overlap (does not happen with these patterns; kept as a guard)
        out.append(Facet(kind, value, offsets[start], offsets[end], start, end))
    return out


def to_record_facets(found: Iterable[Facet], did_for_handle: Callable[[str], str | None]) -> list[dict[str, object]]:
    """app.bsky.richtext.facet objects for a post record.

    `did_for_handle(handle)` resolves a handle (as typed, without "@") to its DID; a mention it cannot resolve
    (None or "") is left out, so it shows as plain text, as in the Bluesky app.
    """
    out: list[dict[str, object]] = []
    for f in found:
        feature: dict[str, str]
        if f.kind == "link":
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": f.value}
        elif f.kind == "mention":
            did = did_for_handle(f.value)
            if not did:
                continue
            feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
        else:
            feature = {"$type": "app.bsky.richtext.facet#tag", "tag": f.value}
        out.append({"index": {"byteStart": f.byte_start, "byteEnd": f.byte_end}, "features": [feature]})
    return out


def _utf8_offsets(text: str, indices: Iterable[int]) -> dict[int, int]:
    """UTF-8 byte offset of each code point index, in one pass over the text."""
    offsets: dict[int, int] = {}
    position = byte = 0
    for i in sorted(set(indices)):
        byte += len(text[position:i].encode("utf-8"))
        position = i
        offsets[i] = byte
    return offsets
