"""Shared text helpers, bad input (lone surrogates, control characters, direction marks, joiners, huge texts) and a
performance guard for every counter in studio.networks.text."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from studio.networks.text import bluesky, mastodon, twitter
from studio.networks.text.common import (
    grapheme_count,
    graphemes,
    hashtags,
    is_emoji,
    mentions,
    sanitize,
    utf8_length,
    utf16_length,
)

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"

COUNTERS: dict[str, Callable[[str], object]] = {
    "twitter.parse_tweet": twitter.parse_tweet,
    "twitter.extract_urls": twitter.extract_urls_with_indices,
    "bluesky.count": bluesky.count,
    "bluesky.facets": bluesky.facets,
    "mastodon.count": mastodon.count,
    "common.graphemes": graphemes,
    "common.hashtags": hashtags,
    "common.mentions": mentions,
}

BAD_INPUT = {
    "lone high surrogate": "\ud800",
    "lone low surrogate in text": "a\udc00b https://example.com",
    "split surrogate pair": "\ud83d\ude00",
    "control characters": "\x00\x01\x07\x08\x1b[31m\x7f\x9f tab\tend",
    "RTL override and marks": "\u202eabc\u202c \u200f\u05e9\u05dc\u05d5\u05dd\u200e @user #tag",
    "isolates around a URL": "\u2066\u202ahttp://example.com/\u202c\u2069",
    "zero-width joiners only": "\u200d" * 50,
    "joiners between letters": "a\u200db\u200cc\u2060d\ufeff",
    "combining marks pile": "e" + "\u0301" * 500,
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "only punctuation": "#@.:/?!()" * 20,
}

HUGE = {
    "ascii": "a" * 100_000,
    "words and links": ("Hello wörld #tag @user https://example.com/päth?q=1 日本語 👍🏽 " * 2_000)[:100_000],
    "CJK without spaces": "日本語" * 33_334,
    "emoji families": FAMILY * 14_286,
    "dotted CJK": "あ." * 50_000,  # quartic in the upstream regex
    "long domain-like run": "é" * 99_998 + ".x",
    "labels": "a." * 49_998 + "com",
    "unbalanced path": "http://a.com/" + "(a" * 49_990,
    "surrogates": "\ud800x" * 50_000,
}


@pytest.mark.parametrize("name", COUNTERS)
@pytest.mark.parametrize("text", BAD_INPUT.values(), ids=list(BAD_INPUT))
def test_bad_input_does_not_raise(name: str, text: str):
    COUNTERS[name](text)


def test_sanitize():
    assert sanitize("plain") == "plain"
    assert sanitize("\ud800") == "\ufffd"
    assert sanitize("a\udc00b") == "a\ufffdb"
    assert sanitize("\ud83d\ude00") == "\U0001f600"
    assert sanitize("\ude00\ud83d") == "\ufffd\ufffd"


def test_bad_input_counts_are_sane():
    # A lone surrogate counts as U+FFFD: 1 grapheme, 3 bytes; weight 2 on X (as JavaScript counts it).
    assert bluesky.count("\ud800") == (1, 3)
    assert twitter.parse_tweet("\ud800").weighted_length == 2
    assert mastodon.count("\ud800") == 1
    assert utf16_length("\ud800") == 1
    # Controls are one grapheme and one byte each; X weighs them 1.
    assert bluesky.count("\x00\x07\x1b") == (3, 3)
    assert twitter.parse_tweet("\x00\x07\x1b").weighted_length == 3
    # Direction marks are characters too: U+200F is 3 bytes, and outside X's light ranges (weight 2).
    assert bluesky.count("\u200f") == (1, 3)
    assert twitter.parse_tweet("\u200f").weighted_length == 2
    assert twitter.parse_tweet("\u200d").weighted_length == 1  # ZWJ is in X's 8192-8205 range
    # Joiners attach to the preceding character: "a" + ZWJ is one grapheme.
    assert grapheme_count("a\u200d") == 1
    assert grapheme_count("\u200d" * 50) == 1
    assert grapheme_count("e" + "\u0301" * 500) == 1
    # X refuses U+FFFE/U+FFFF/U+FEFF: the post is invalid, counting still works.
    result = twitter.parse_tweet("ok\uffff")
    assert (result.weighted_length, result.valid) == (4, False)


@pytest.mark.parametrize("text", HUGE.values(), ids=list(HUGE))
def test_huge_texts_count_fast(text: str):
    assert len(text) >= 99_990
    start = time.perf_counter()
    result = twitter.parse_tweet(text)
    graphemes_, bytes_ = bluesky.count(text)
    bluesky.facets(text)
    masto = mastodon.count(text)
    hashtags(text)
    mentions(text)
    elapsed = time.perf_counter() - start
    # Typically 0.1-0.6 s for all of them together; 2 s is only a guard against quadratic behaviour.
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert result.weighted_length >= 1 and not result.valid
    assert 0 < graphemes_ <= len(text) <= bytes_
    assert 0 < masto <= len(text) + 23  # a URL shorter than 23 grows to 23


def test_graphemes_and_emoji():
    assert graphemes("a" + FAMILY + "e\u0301\U0001f1e9\U0001f1ea") == ["a", FAMILY, "e\u0301", "\U0001f1e9\U0001f1ea"]
    assert grapheme_count("a\r\nb") == 3
    assert utf8_length(FAMILY) == 25
    assert utf16_length(FAMILY) == 11
    for emoji in (FAMILY, "\U0001f44d\U0001f3fd", "\U0001f1e9\U0001f1ea", "1\ufe0f\u20e3", "\u263a", "\u00a9\ufe0f",
                  "\U0001f426\u200d\U0001f525"):  # the last: phoenix, Emoji 15.1
        assert is_emoji(emoji), emoji
    for text in ("a", "\u00a9", "\u263a\ufe0e", "1", "#", "e\u0301"):
        assert not is_emoji(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#one #two #one", ["one", "two", "one"]),
        ("#café #日本 #Straße #a_b", ["café", "日本", "Straße", "a_b"]),
        ("#123 #1a x#no &#39; http://a.com/#frag #", ["1a"]),
        ("＃full-width", ["full"]),
        ("(#tag) #tag.", ["tag", "tag"]),
    ],
)
def test_hashtags(text: str, expected: list[str]):
    assert hashtags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@anna and @bob_1", ["anna", "bob_1"]),
        ("@anna. @anna.bsky.social @anna@example.social", ["anna", "anna.bsky.social", "anna@example.social"]),
        ("mail anna@example.com or @@x", []),
        ("(@tom) @tom", ["tom", "tom"]),
    ],
)
def test_mentions(text: str, expected: list[str]):
    assert mentions(text) == expected
