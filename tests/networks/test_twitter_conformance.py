"""twitter-text's conformance suite (tests/fixtures/twitter-text, copied unchanged from upstream) run against
studio.networks.text.twitter. The YAML is read at test time, as the suite's README asks, so an updated copy of the
suite is picked up without editing this file.

Groups run: the weighted counters of validate.yml and the URL extraction groups of extract.yml that counting
depends on. The other groups (hashtags, mentions, cashtags, replies, the 140-character "tweets" and URL/username
validation) test twitter-text APIs that the studio does not use.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from studio.networks.text import twitter
from studio.networks.text.common import sanitize
from studio.networks.text.mastodon import MASTODON_URL_SYNTAX
from studio.networks.text.twitter import (
    CONFIG_V2,
    CONFIG_V3,
    TwitterConfig,
    extract_urls,
    extract_urls_with_indices,
    parse_tweet,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "twitter-text"


def _tests(name: str) -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))["tests"]


VALIDATE = _tests("validate.yml")
EXTRACT = _tests("extract.yml")
CONFIG_FROM_FILE = TwitterConfig.from_json(json.loads((FIXTURES / "config-v3.json").read_text(encoding="utf-8")))

# Upstream's own test runners count WeightedTweetsCounterTest with config v2 (no emoji parsing: a ZWJ family is
# its code points, 4 emoji x 2 + 3 joiners x 1 = 11) and the two other groups with config v3 (the family is 2).
COUNTER_GROUPS = {
    "WeightedTweetsCounterTest": CONFIG_V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": CONFIG_FROM_FILE,
    "UnicodeDirectionalMarkerCounterTest": CONFIG_FROM_FILE,
}
URL_GROUPS = ("urls", "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params")
FIELDS = {
    "weightedLength": "weighted_length",
    "valid": "valid",
    "permillage": "permillage",
    "displayRangeStart": "display_range_start",
    "displayRangeEnd": "display_range_end",
    "validRangeStart": "valid_range_start",
    "validRangeEnd": "valid_range_end",
}


def _cases(suite: dict[str, list[dict[str, Any]]], groups: tuple[str, ...]) -> list[Any]:
    return [
        pytest.param(group, case, id=f"{group}-{i:02d}-{case['description']}")
        for group in groups
        for i, case in enumerate(suite[group])
    ]


def test_the_suite_is_there_and_not_empty():
    for group in COUNTER_GROUPS:
        assert len(VALIDATE[group]) >= 2, group
    for group in URL_GROUPS:
        assert len(EXTRACT[group]) >= 2, group
    weighted = VALIDATE["WeightedTweetsCounterTest"] + VALIDATE["WeightedTweetsWithDiscountedEmojiCounterTest"]
    assert len(weighted) >= 40


def test_built_in_v3_config_is_the_published_one():
    assert CONFIG_V3 == CONFIG_FROM_FILE
    v2 = TwitterConfig(2, 280, 100, 200, 23, CONFIG_V3.ranges, emoji_parsing_enabled=False)
    assert v2 == CONFIG_V2


@pytest.fixture(params=["whole", "piecewise"])
def scan(request, monkeypatch):
    """Every case twice: scanned as one text, and in pieces between spaces (as longer texts are)."""
    if request.param == "piecewise":
        monkeypatch.setattr(twitter, "PIECEWISE_FROM", 0)
    return request.param


@pytest.mark.parametrize(("group", "case"), _cases(VALIDATE, tuple(COUNTER_GROUPS)))
def test_weighted_counter(group: str, case: dict[str, Any], scan):
    result = parse_tweet(case["text"], COUNTER_GROUPS[group])
    got = {key: getattr(result, attr) for key, attr in FIELDS.items() if key in case["expected"]}
    assert got == case["expected"]


@pytest.mark.parametrize(("group", "case"), _cases(EXTRACT, URL_GROUPS))
def test_url_extraction(group: str, case: dict[str, Any], scan):
    if group in ("urls", "tco_urls_with_params"):
        assert extract_urls(case["text"]) == case["expected"]
    else:
        got = [{"url": u.url, "indices": [u.start, u.end]} for u in extract_urls_with_indices(case["text"])]
        assert got == case["expected"]


@pytest.mark.parametrize("seed", range(40))
def test_scanning_in_pieces_finds_what_scanning_the_whole_text_finds(seed):
    """Long texts made of the suite's texts and typed words, with spaces of every kind between them."""
    rng = random.Random(seed)
    texts = [c["text"] for g in URL_GROUPS for c in EXTRACT[g]] + [
        "Tickets: https://example.com/tour?x=1 #tour", "éxample.com", "(example.com)", "-example.com", "日本.jp",
        "http://t.co/abc", "@user.com", "a.b.c.example.co.uk/path(x)", "x" * 70]
    spaces = [" ", "  ", "\n", "\t", "\u3000", "\u00a0", "\u2028", " \n "]
    for _ in range(10):
        text = "".join(rng.choice(texts) + rng.choice(spaces) for _ in range(rng.randint(2, 12)))
        for without_protocol, syntax in ((True, twitter.TWITTER_URL_SYNTAX), (False, twitter.TWITTER_URL_SYNTAX),
                                         (False, MASTODON_URL_SYNTAX)):
            whole = twitter._extract(sanitize(text), without_protocol, syntax)
            assert extract_urls_with_indices(text, without_protocol=without_protocol, syntax=syntax) == whole


@pytest.mark.parametrize("seed", range(30))
def test_counting_runs_of_plain_characters_at_once_counts_as_one_at_a_time(seed, monkeypatch):
    """parse_tweet adds up runs of same-weight characters in one step; the result (length, validity, where the
    valid range ends) is the one of weighing each character, on texts around and past the limit."""
    rng = random.Random(seed)
    pieces = [c["text"] for c in VALIDATE["WeightedTweetsWithDiscountedEmojiCounterTest"]] + [
        "plain words ", "Grüße ", "日本語", "👨‍👩‍👧 ", "https://example.com/tour ", "example.com ", "\ufeff", "\u200d",
        "\u2014 ", "\U0001f600", "a" * 50, "é" * 30]
    for _ in range(15):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for config in (CONFIG_V3, CONFIG_V2):
            fast = parse_tweet(text, config)
            with monkeypatch.context() as m:
                m.setattr(twitter, "_runs_of", lambda _config: (None, 0))
                slow = parse_tweet(text, config)
            assert fast == slow, text


def test_parse_tweet_defaults_to_v3():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    assert parse_tweet(family).weighted_length == 2
    assert parse_tweet(family, CONFIG_V2).weighted_length == 11


def test_urls_count_23_and_the_limit_is_280():
    url = "https://example.com/" + "a" * 200
    assert parse_tweet(url).weighted_length == 23
    assert parse_tweet("x" * 257 + " " + url).weighted_length == 281
    assert parse_tweet("x" * 280).valid
    assert not parse_tweet("x" * 281).valid
    assert not parse_tweet("").valid  # upstream: an empty post is not valid
    assert parse_tweet("日" * 140).weighted_length == 280
