"""Mastodon counting as its StatusLengthValidator does (see studio/networks/text/mastodon.py for the evidence)."""

from __future__ import annotations

import pytest

from studio.networks.text.mastodon import count, countable_text

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
LONG_URL = "https://example.com/a/very/long/path/that/goes/on?with=query&and=more"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n ", 0),  # blank text counts nothing
        ("Hello", 5),
        ("Read " + LONG_URL, 5 + 23),
        ("http://x.co", 23),  # a URL shorter than 23 still counts 23
        ("See " + LONG_URL + ".", 4 + 23 + 1),  # trailing punctuation is not part of the URL
        ("(" + LONG_URL + ")", 1 + 23 + 1),
        ("two " + LONG_URL + " " + LONG_URL, 4 + 23 + 1 + 23),
        ("gemini://example.org/capsule", 23),  # Mastodon's own schemes count as URLs too
        ("https://例え.jp/パス", 23),
        ("example.com", 11),  # without a scheme: not shortened
        ("@alice@mastodon.social hi", len("@alice hi")),  # remote mention: only @user counts
        ("@alice hi", 9),
        ("cc @bob@example.org and @carol@example.net!", len("cc @bob and @carol!")),
        ("mail bob@example.com", 20),  # an e-mail address is no mention
        ("x=@alice@example.org", 20),  # not after "="
        (FAMILY, 1),  # grapheme clusters, not code points (7) or UTF-16 units (11)
        ("\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7", 2),
        ("e\u0301t\u00e9", 3),
        ("\U0001f44d\U0001f3fd " + LONG_URL, 1 + 1 + 23),
        ("日本語のテキスト", 8),
    ],
)
def test_count(text: str, expected: int):
    assert count(text) == expected


def test_url_length_comes_from_the_server():
    assert count("Read " + LONG_URL, url_length=30) == 5 + 30
    assert countable_text("a https://example.com b", url_length=3) == "a xxx b"


def test_content_warning_shares_the_budget():
    assert count("abc", spoiler_text="CW: food") == 3 + 8
    # the content warning is not shortened: its URL counts in full
    assert count("", spoiler_text="https://example.com") == 19


def test_countable_text():
    assert countable_text("@alice@mastodon.social " + LONG_URL) == "@alice " + "x" * 23
