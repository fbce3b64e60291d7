"""X (Twitter): twitter-text v3 weighted length (`parse_tweet`) and URL extraction (`extract_urls_with_indices`).

A port of twitter-text (https://github.com/twitter/twitter-text, Copyright 2011 Twitter, Inc., Apache License
2.0, full text in tests/fixtures/twitter-text/LICENSE), checked against its conformance suite (copied to
tests/fixtures/twitter-text/, run by tests/networks/test_twitter_conformance.py). Changes from upstream:

- URL extraction gives the same results as upstream's `extractUrl` regular expression, but finds the domain part by
  walking labels with memoisation instead of a backtracking regex: the upstream pattern takes quadratic to quartic
  time on long texts without spaces (4,000 characters of "あ." took a minute in the Python port), this takes
  linear time.
- Emoji are found with Unicode properties (`common.EMOJI_PATTERN`, the `regex` package's Unicode data) instead of
  twemoji's generated list, so emoji newer than that list also count 2. Any well-formed emoji ZWJ sequence counts as
  one emoji, even one without its own glyph (upstream: only sequences in twemoji's list).
- Lone surrogates are counted as U+FFFD (see `common.sanitize`); JavaScript counts them the same (weight 2, 1 unit).

Indices: `parse_tweet`'s ranges are UTF-16 code units, inclusive, exactly as twitter-text defines them (they index a
JavaScript string); `extract_urls_with_indices` gives code point indices, end exclusive, as the conformance suite.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from studio.networks.text._twitter_tlds import COUNTRY_TLDS, GENERIC_TLDS
from studio.networks.text.common import EMOJI_PATTERN, sanitize

# --- character classes (upstream's regexp/*.js), as the inside of a [...] ------------------------------------------
PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
SPACES = r"\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
INVALID = r"\ufffe\ufeff\uffff"
DIRECTIONAL = r"\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
LATIN_ACCENTS = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f"
                 r"\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
CYRILLIC = r"\u0400-\u04ff"

_NOT_DOMAIN = re.compile(f"[{PUNCT}{SPACES}{INVALID}{DIRECTIONAL}]")
_LABEL_RUN = re.compile(f"(?:[_-]|[^{PUNCT}{SPACES}{INVALID}{DIRECTIONAL}])+")  # domain chars, "_" and "-"
_ASCII_LABEL = re.compile(f"[-a-z0-9{LATIN_ACCENTS}]+", re.IGNORECASE)
_PUNYCODE_TLD = re.compile(r"xn--[-0-9a-z]+", re.IGNORECASE)
_INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")
_NOT_BEFORE_URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@＠$#＃") | _INVALID_CHARS
_NOT_AFTER_TLD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@+-")
_NOT_BEFORE_BARE_URL = frozenset("-_./")
_MAX_GENERIC = max(map(len, GENERIC_TLDS))
_MAX_COUNTRY = max(map(len, COUNTRY_TLDS))
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_DOMAIN_LABEL_LENGTH = 63

_GENERAL_PATH = f"[a-z{CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{LATIN_ACCENTS}]"
_PARENS = rf"\((?:{_GENERAL_PATH}+|(?:{_GENERAL_PATH}*\({_GENERAL_PATH}+\){_GENERAL_PATH}*))\)"
_PATH_END = rf"[+\-a-z{CYRILLIC}0-9=_#/{LATIN_ACCENTS}]|(?:{_PARENS})"
# Upstream pastes the path-ending pattern in without brackets, so its "|" splits the first alternative: a path
# segment is `general* (parens general*)* ending-char` or just `parens`. Kept so, as it decides where URLs end.
_PATH = rf"(?:(?:{_GENERAL_PATH}*(?:{_PARENS}{_GENERAL_PATH}*)*{_PATH_END})|(?:@{_GENERAL_PATH}+/))"
_QUERY = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_TCO = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY}*{_QUERY_END})?", re.IGNORECASE)


@dataclass(frozen=True)
class UrlSyntax:
    """What may stand before the domain (`protocol`) and after it (`tail`: port, path, query) of a URL."""

    protocol: re.Pattern[str]
    tail: re.Pattern[str]  # groups: 1 port, 2 path, 3 query; must be able to match the empty string


TWITTER_URL_SYNTAX = UrlSyntax(
    protocol=re.compile(r"https?://", re.IGNORECASE),
    tail=re.compile(rf"(?::([0-9]+))?(/{_PATH}*)?(\?{_QUERY}*{_QUERY_END})?", re.IGNORECASE),
)


@dataclass(frozen=True)
class UrlEntity:
    url: str
    start: int  # code point index into the (sanitised) text
    end: int  # exclusive


@dataclass(frozen=True)
class TwitterConfig:
    """twitter-text's counting configuration (config/v*.json)."""

    version: int
    max_weighted_tweet_length: int
    scale: int
    default_weight: int
    transformed_url_length: int
    ranges: tuple[tuple[int, int, int], ...]  # (first code point, last code point, weight)
    emoji_parsing_enabled: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TwitterConfig:
        """Reads a twitter-text config file's JSON object (camelCase keys, as in config/v3.json)."""
        return cls(
            version=int(data["version"]),
            max_weighted_tweet_length=int(data["maxWeightedTweetLength"]),
            scale=int(data["scale"]),
            default_weight=int(data["defaultWeight"]),
            transformed_url_length=int(data["transformedURLLength"]),
            ranges=tuple((int(r["start"]), int(r["end"]), int(r["weight"])) for r in data.get("ranges") or ()),
            emoji_parsing_enabled=bool(data.get("emojiParsingEnabled", False)),
        )


_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
CONFIG_V1 = TwitterConfig(1, 140, 1, 1, 23, ())
CONFIG_V2 = TwitterConfig(2, 280, 100, 200, 23, _RANGES)
CONFIG_V3 = TwitterConfig(3, 280, 100, 200, 23, _RANGES, emoji_parsing_enabled=True)


@dataclass(frozen=True)
class TweetParse:
    """twitter-text's parseTweet result. Ranges are UTF-16 code unit indices into the text as given, inclusive."""

    weighted_length: int
    permillage: int
    valid: bool
    display_range_start: int
    display_range_end: int
    valid_range_start: int
    valid_range_end: int


def _utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


@functools.lru_cache(maxsize=8)
def _runs_of(config: TwitterConfig) -> tuple[re.Pattern[str] | None, int]:
    """A pattern for runs of characters that all weigh the same (the config's ranges when they share one weight),
    limited to the Basic Multilingual Plane and without the invalid characters; and that weight."""
    weights = {w for _, _, w in config.ranges}
    if len(weights) != 1:
        return None, 0
    spans = []
    for lo, hi, _ in config.ranges:
        lo, hi = max(lo, 0), min(hi, 0xFFFF)
        if lo <= hi:
            spans.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    if not spans:
        return None, 0
    invalid = "".join(re.escape(c) for c in sorted(_INVALID_CHARS))
    return re.compile(f"(?:(?![{invalid}])[{''.join(spans)}])+"), weights.pop()


def parse_tweet(text: str, config: TwitterConfig = CONFIG_V3) -> TweetParse:
    """Weighted length and validity of a post as X counts it (twitter-text `parseTweet`, config v3 by default)."""
    text = sanitize(text)
    normalized = unicodedata.normalize("NFC", text)
    # Upstream skips `url.length` characters, which is less than the entity's span in one quirk: a bare URL whose
    # domain starts with non-ASCII labels has the ASCII part's text but the whole domain's span ("www.中国.co/").
    urls = {u.start: u.start + len(u.url) for u in extract_urls_with_indices(normalized)}
    emoji = {m.start(): m.end() for m in EMOJI_PATTERN.finditer(normalized)} if config.emoji_parsing_enabled else {}
    limit = config.max_weighted_tweet_length * config.scale
    ranges = config.ranges
    weight = 0
    valid = True
    valid_display_index = 0
    unit = 0  # UTF-16 index of the current item's first code unit
    i, n = 0, len(normalized)
    light, light_weight = _runs_of(config)
    starts = sorted({*urls, *emoji})  # where a URL or an emoji begins: a run of plain characters stops there
    while i < n:
        end = urls.get(i)
        if end is not None:
            weight += config.transformed_url_length * config.scale
        elif (end := emoji.get(i)) is not None:
            weight += config.default_weight
        elif light is not None and (run := light.match(normalized, i)) is not None:
            # a run of characters of one weight, each one UTF-16 unit and none invalid: counted at once
            end = run.end()
            k = bisect_right(starts, i)
            if k < len(starts) and starts[k] < end:
                end = starts[k]
            count = end - i
            if valid and weight <= limit:  # the last character still within the limit
                fits = min(count, (limit - weight) // light_weight)
                if fits > 0:
                    valid_display_index = unit + fits - 1
            weight += count * light_weight
            unit += count
            i = end
            continue
        else:
            end = i + 1
            cp = ord(normalized[i])
            weight += next((w for lo, hi, w in ranges if lo <= cp <= hi), config.default_weight)
        unit += _utf16_len(normalized[i:end]) if end - i > 1 else 1 + (ord(normalized[i]) > 0xFFFF)
        # Upstream tests only the item's last code unit for invalid characters (all of which are in the BMP).
        if valid:
            valid = normalized[end - 1] not in _INVALID_CHARS
        if valid and weight <= limit:
            valid_display_index = unit - 1
        i = end
    weighted_length = weight // config.scale
    text_units = _utf16_len(text)
    return TweetParse(
        weighted_length=weighted_length,
        permillage=math.floor(weighted_length / config.max_weighted_tweet_length * 1000),
        valid=valid and 0 < weighted_length <= config.max_weighted_tweet_length,
        display_range_start=0,
        display_range_end=text_units - 1 if text_units > 0 else 0,
        valid_range_start=0,
        valid_range_end=valid_display_index + text_units - _utf16_len(normalized),
    )


def extract_urls(text: str, *, without_protocol: bool = True) -> list[str]:
    return [u.url for u in extract_urls_with_indices(text, without_protocol=without_protocol)]


def extract_urls_with_indices(text: str, *, without_protocol: bool = True,
                              syntax: UrlSyntax = TWITTER_URL_SYNTAX) -> list[UrlEntity]:
    """The URLs twitter-text finds in `text` (with `without_protocol`, also bare domains such as "example.com").

    No URL holds an ASCII space, and what is found after one does not depend on what stands before it: the text is
    scanned in pieces, each from such a space up to the next, and a piece's URLs are remembered (typing scans
    only the word being typed)."""
    text = sanitize(text)
    if not text or ("." not in text if without_protocol else ":" not in text):
        return []
    if len(text) < PIECEWISE_FROM:
        return _extract(text, without_protocol, syntax)
    urls: list[UrlEntity] = []
    start = 0
    for space in _SPACE_RUN.finditer(text):
        last = space.end() - 1  # the piece starts with the space right before its word, as the scanner saw it
        if last > start:
            urls += _shifted(text[start:last], start, without_protocol, syntax)
        start = last
    urls += _shifted(text[start:], start, without_protocol, syntax)
    return urls


PIECEWISE_FROM = 64
_SPACE_RUN = re.compile(r"[\t-\r \x85]+")  # no URL syntax takes these (Mastodon's query takes the other spaces)


def _shifted(piece: str, offset: int, without_protocol: bool, syntax: UrlSyntax) -> list[UrlEntity]:
    if "." not in piece if without_protocol else ":" not in piece:
        return []
    return [UrlEntity(u.url, u.start + offset, u.end + offset) for u in _piece(piece, without_protocol, syntax)]


@functools.lru_cache(maxsize=1024)
def _piece(piece: str, without_protocol: bool, syntax: UrlSyntax) -> tuple[UrlEntity, ...]:
    return tuple(_extract(piece, without_protocol, syntax))


def _extract(text: str, without_protocol: bool, syntax: UrlSyntax) -> list[UrlEntity]:
    urls: list[UrlEntity] = []
    for before, start, end, protocol, domain, path in _UrlScanner(text, syntax).matches():
        url = text[start:end]
        if not _valid_url(url, protocol or "https://", domain):
            continue
        if not protocol:
            if not without_protocol or (before and before in _NOT_BEFORE_BARE_URL):
                continue
            found = [UrlEntity(text[start + a:start + b], start + a, start + b) for a, b in _ascii_domains(domain)]
            if not found:
                continue
            if path:
                last = found[-1]
                found[-1] = UrlEntity(url.replace(domain, last.url, 1), last.start, end)
            urls.extend(found)
        else:
            tco = _TCO.match(url)
            if tco:
                if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                    continue
                url = tco.group(0)
                end = start + len(url)
            urls.append(UrlEntity(url, start, end))
    return urls


def _valid_url(url: str, protocol: str, domain: str) -> bool:
    """Upstream `isValidUrl`: every label punycode-encodes to 1-63 characters, and the URL is at most 4096 long."""
    if domain[:4].lower() == "xn--" and not _ascii_domains(domain):
        return False  # a punycode domain cannot hold non-ASCII characters
    for label in domain.split("."):
        try:
            encoded = label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        except UnicodeError:
            return False
        if not 1 <= len(encoded) <= MAX_DOMAIN_LABEL_LENGTH:
            return False
    return len(protocol) + _utf16_len(url) <= MAX_URL_LENGTH


def _tld_end(text: str, r: int) -> int:
    """End of the top-level domain starting at `r` (upstream: gTLD list, then ccTLD list, then punycode), or -1.

    Upstream lists a longer TLD before any TLD that is its prefix, so its first matching alternative is the longest.
    """
    n = len(text)
    for tlds, longest in ((GENERIC_TLDS, _MAX_GENERIC), (COUNTRY_TLDS, _MAX_COUNTRY)):
        for end in range(min(n, r + longest), r, -1):
            if (end == n or text[end] not in _NOT_AFTER_TLD) and text[r:end].lower() in tlds:
                return end
    if text[r:r + 4].lower() == "xn--":
        m = _PUNYCODE_TLD.match(text, r)
        if m:
            return m.end()
    return -1


def _deepest(start: int, label_end: Callable[[int], int], accept: Callable[[int, int], int],
             memo: dict[int, int]) -> int:
    """Matches `label* accepted-label TLD` from `start`, preferring the most labels, as a greedy regex does.

    `label_end(p)` is the index of the "." ending a label that starts at p (-1: none; labels are determined by their
    start, the regex cannot end them elsewhere), `accept(p, dot)` the end of the TLD after an acceptable last label
    (-1: none). `memo` maps label starts to results, so every label is looked at once per text.
    """
    chain: list[tuple[int, int]] = []
    p, result = start, -1
    while True:
        if p in memo:
            result = memo[p]
            break
        dot = label_end(p)
        if dot < 0:
            break
        chain.append((p, dot))
        p = dot + 1
    for p, dot in reversed(chain):
        if result < 0:
            result = accept(p, dot)
        memo[p] = result
    return result


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Upstream `validAsciiDomain` matches in `domain` (spans): ASCII/Latin labels ending in a known TLD."""
    def label_end(p: int) -> int:
        m = _ASCII_LABEL.match(domain, p)
        return m.end() if m and m.end() < len(domain) and domain[m.end()] == "." else -1

    spans: list[tuple[int, int]] = []
    memo: dict[int, int] = {}
    p = 0
    while p < len(domain):
        end = _deepest(p, label_end, lambda _p, dot: _tld_end(domain, dot + 1), memo)
        if end < 0:
            p += 1
        else:
            spans.append((p, end))
            p = end
    return spans


class _UrlScanner:
    """Finds what upstream's `extractUrl` regex matches: (preceding char, start, end, protocol, domain, path)."""

    def __init__(self, text: str, syntax: UrlSyntax) -> None:
        self.text = text
        self.syntax = syntax
        runs = [m.span() for m in _LABEL_RUN.finditer(text)]
        self.run_starts = [a for a, _ in runs]
        self.run_ends = [b for _, b in runs]
        self.labels: dict[int, int] = {}
        self.tlds: dict[int, int] = {}

    def _is_domain_char(self, i: int) -> bool:
        return _NOT_DOMAIN.match(self.text, i) is None

    def _label_end(self, p: int) -> int:
        """Upstream `validSubdomain` at p: domain chars, "_" and "-", starting and ending with a domain char."""
        text = self.text
        k = bisect_right(self.run_starts, p) - 1
        if k < 0 or self.run_ends[k] <= p or not self._is_domain_char(p):
            return -1
        dot = self.run_ends[k]
        return dot if dot < len(text) and text[dot] == "." and self._is_domain_char(dot - 1) else -1

    def _accept(self, p: int, dot: int) -> int:
        """The last label before the TLD (upstream `validDomainName`) may not hold "_"."""
        if "_" in self.text[p:dot]:
            return -1
        r = dot + 1
        if r not in self.tlds:
            self.tlds[r] = _tld_end(self.text, r)
        return self.tlds[r]

    def _domain_end(self, p: int) -> int:
        return _deepest(p, self._label_end, self._accept, self.labels)

    def matches(self) -> list[tuple[str, int, int, str, str, str]]:
        text, n = self.text, len(self.text)
        found: list[tuple[str, int, int, str, str, str]] = []
        s = 0
        while s < n:
            # The regex's preceding-char group: one char that is not [A-Za-z0-9@$#] (nor invalid), or ^ at 0.
            starts = [s + 1] if text[s] not in _NOT_BEFORE_URL else []
            if s == 0:
                starts.append(0)
            for u in starts:
                proto = self.syntax.protocol.match(text, u)
                d0 = proto.end() if proto else u
                if d0 >= n:
                    continue
                d1 = self._domain_end(d0)
                if d1 < 0:
                    continue
                tail = self.syntax.tail.match(text, d1)
                assert tail is not None
                before = text[s] if u == s + 1 else ""
                found.append((before, u, tail.end(), proto.group(0) if proto else "", text[d0:d1], tail.group(2) or ""))
                s = tail.end()
                break
            else:
                s += 1
        return found
