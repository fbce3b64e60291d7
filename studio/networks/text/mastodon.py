"""Mastodon: the length its StatusLengthValidator computes (default limit 500; read the server's own limit and URL
weight from GET /api/v2/instance: configuration.statuses.max_characters and characters_reserved_per_url).

Evidence: app/validators/status_length_validator.rb as it reads in current Mastodon-based servers (forks tracking
4.x, e.g. Kronkverse/kronk, and several others with only MAX_CHARS changed; a Rust re-implementation documents the
same rule), read in a public code index. That index's own mastodon/mastodon copy is from 2017, when the rule was
still `[status.text, status.spoiler_text].join.length`. Condensed:

    def too_long?(status) = countable_length(combined_text(status)) > max_chars
    def countable_length(str) = str.each_grapheme_cluster.size        # 3.x: str.mb_chars.grapheme_length
    def combined_text(status) = [status.spoiler_text, countable_text(status.text)].join
    def countable_text(str)
      entities = Extractor.remove_overlapping_entities(
        Extractor.extract_urls_with_indices(str, extract_url_without_protocol: false) +
        Extractor.extract_mentions_or_lists_with_indices(str))
      rewrite_entities(str, entities) { |e| e[:url] ? URL_PLACEHOLDER : "@#{e[:screen_name].split('@').first}" }
    URL_PLACEHOLDER_CHARS = 23; URL_PLACEHOLDER = 'x' * 23

So the unit is the extended grapheme cluster (a ZWJ family emoji counts 1), the content warning counts in the same
budget, and only URLs with a scheme are shortened. URLs are found with twitter-text's Ruby extractor and Mastodon's
own URL pattern (config/initializers/twitter_regex.rb): schemes http, https, dat, dweb, ipfs, ipns, ssb, gopher,
gemini; twitter-text's domain rules and TLD list; a broader path (anything but white space, <, >, (, ), ?, ending
in a character other than common punctuation, balanced parentheses allowed) and query. Mentions are Account::
MENTION_RE, `@user` or `@user@domain`, not after "=", "/" or a word character, and not followed by "@", a Latin
accented letter or "://" (twitter-text's end_mention_match); a domain over 253 characters makes no mention.
The web composer counts the same way; its own counter may differ in corner cases, the server decides.
"""

from __future__ import annotations

import re

import regex

from studio.networks.text.common import grapheme_count, sanitize
from studio.networks.text.twitter import LATIN_ACCENTS, UrlSyntax, extract_urls_with_indices

URL_LENGTH = 23
MAX_DOMAIN_LENGTH = 253

_WHITE_SPACE = r"\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # \p{White_Space}
_UCHARS = (r"\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
           r"\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd"
           r"\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd"
           r"\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd\ue000-\uf8ff\U000f0000-\U000ffffd"
           r"\U00100000-\U0010fffd")
_GENERAL_PATH = rf"[^{_WHITE_SPACE}<>()?]"
_PARENS = rf"\((?:{_GENERAL_PATH}+|(?:{_GENERAL_PATH}*\({_GENERAL_PATH}+\){_GENERAL_PATH}*))\)"
_PATH_END = rf"(?:[^{_WHITE_SPACE}()?!*\"'「」<>;:=,.$%\[\]~&|@]|{_PARENS})"  # Ruby keeps interpolations grouped
_PATH = rf"(?:(?:{_GENERAL_PATH}*(?:{_PARENS}{_GENERAL_PATH}*)*{_PATH_END})|(?:{_GENERAL_PATH}+/))"
_QUERY = rf"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^{_UCHARS}]"
_QUERY_END = rf"[a-z0-9_&=#/\-{_UCHARS}]"
MASTODON_URL_SYNTAX = UrlSyntax(
    protocol=re.compile(r"(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://", re.IGNORECASE),
    tail=re.compile(rf"(?::([0-9]+))?(/{_PATH}*)?(\?{_QUERY}*{_QUERY_END})?", re.IGNORECASE),
)

# Ruby's [[:word:]] is letters, marks, decimal digits and connector punctuation.
_WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"
_MENTION = regex.compile(
    rf"(?<![=/{_WORD}])@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[{_WORD}]+(?:[.-]+[{_WORD}]+)*)?)"
)
_END_MENTION = re.compile(rf"[@＠{LATIN_ACCENTS}]|://")


def count(text: str, url_length: int = URL_LENGTH, spoiler_text: str = "") -> int:
    """Characters Mastodon counts for a status: grapheme clusters of content warning + text, where every URL with a
    scheme counts `url_length` (the server's characters_reserved_per_url) and `@user@domain` counts as `@user`."""
    return grapheme_count(sanitize(spoiler_text) + countable_text(text, url_length))


def countable_text(text: str, url_length: int = URL_LENGTH) -> str:
    """The text as the validator measures it: URLs replaced by `url_length` "x", remote mentions cut to "@user"."""
    text = sanitize(text)
    if not text.strip():
        return ""
    entities: list[tuple[int, int, str]] = [
        (u.start, u.end, "x" * url_length)
        for u in extract_urls_with_indices(text, without_protocol=False, syntax=MASTODON_URL_SYNTAX)
    ]
    if "@" in text or "＠" in text:  # twitter-text's at_signs check; MENTION_RE itself needs "@"
        for m in _MENTION.finditer(text):
            name = m.group(1)
            _, _, domain = name.partition("@")
            if _END_MENTION.match(text, m.end()) or len(domain) > MAX_DOMAIN_LENGTH:
                continue
            entities.append((m.start(), m.end(), "@" + name.split("@")[0]))
    entities.sort(key=lambda e: e[0])
    parts: list[str] = []
    position = 0
    for start, end, replacement in entities:
        if start < position:
            continue  # overlaps the previous entity (remove_overlapping_entities)
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    parts.append(text[position:])
    return "".join(parts)
