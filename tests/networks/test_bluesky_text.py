"""Bluesky counting (grapheme clusters and UTF-8 bytes) and facet detection at UTF-8 byte offsets."""

from __future__ import annotations

import pytest

from studio.networks.text import bluesky
from studio.networks.text.bluesky import Facet, count, facets, grapheme_count, to_record_facets, utf8_length
from studio.networks.text.common import sanitize

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # man, woman, girl, boy joined by ZWJ


@pytest.mark.parametrize(
    ("text", "graphemes", "utf8"),
    [
        ("", 0, 0),
        ("hello", 5, 5),
        (FAMILY, 1, 25),  # 4 emoji x 4 bytes + 3 ZWJ x 3 bytes
        ("\U0001f1e9\U0001f1ea", 1, 8),  # flag DE: two regional indicators
        ("\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7", 2, 16),  # DE FR
        ("\U0001f44d\U0001f3fd", 1, 8),  # thumbs up + skin tone
        ("1\ufe0f\u20e3", 1, 7),  # keycap
        ("\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1, 28),  # Scotland
        ("e\u0301", 1, 3),  # e + combining acute
        ("\u00fc", 1, 2),  # ü, NFC
        ("u\u0308", 1, 3),  # ü, NFD: same grapheme count, one byte more
        ("Gr\u00fc\u00dfe", 5, 7),
        ("日本語", 3, 9),
        ("한국어", 3, 9),
        ("\r\n", 1, 2),
        ("a" * 300, 300, 300),
        ("\U0001f600" * 300, 300, 1200),
    ],
)
def test_count(text: str, graphemes: int, utf8: int):
    assert count(text) == (graphemes, utf8)
    assert grapheme_count(text) == graphemes
    assert utf8_length(text) == utf8


def test_limits_are_the_lexicons():
    assert (bluesky.MAX_GRAPHEMES, bluesky.MAX_BYTES) == (300, 3000)


# (text, [(kind, value, the text the facet covers, byte_start)])
FACET_CASES = [
    ("\u00fc @alice.bsky.social", [("mention", "alice.bsky.social", "@alice.bsky.social", 3)]),
    ("Gr\u00fc\u00dfe an @anna.bsky.social!", [("mention", "anna.bsky.social", "@anna.bsky.social", 11)]),
    (FAMILY + " https://example.com/x", [("link", "https://example.com/x", "https://example.com/x", 26)]),
    ("\U0001f1e9\U0001f1ea #Fu\u00dfball ist toll", [("tag", "Fußball", "#Fußball", 9)]),
    ("u\u0308ber example.com/p\u00e4th.", [("link", "https://example.com/päth", "example.com/päth", 7)]),
    ("日本語 #タグ", [("tag", "タグ", "#タグ", 10)]),
    ("\U0001f600 #tag!! @bob.test (https://example.com)", [
        ("tag", "tag", "#tag", 5),
        ("mention", "bob.test", "@bob.test", 12),
        ("link", "https://example.com", "https://example.com", 23),
    ]),
    ("see https://en.wikipedia.org/wiki/Foo_(bar)", [
        ("link", "https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)", 4),
    ]),
    ("go to example.com, then www.example.co.uk/a?b=c;", [
        ("link", "https://example.com", "example.com", 6),
        ("link", "https://www.example.co.uk/a?b=c", "www.example.co.uk/a?b=c", 24),
    ]),
    ("#tag1 #2024 #日本 #\ufe0f\u20e3 a#b #", [("tag", "tag1", "#tag1", 0), ("tag", "日本", "#日本", 12)]),
    ("@notahandle me@example.com @x.invalidtld", []),
    ("@Anna.Bsky.Social.", [("mention", "Anna.Bsky.Social", "@Anna.Bsky.Social", 0)]),
    ("my-site.com", []),  # as the Bluesky app: bare domains are letters and digits only
    ("line one\nexample.org", [("link", "https://example.org", "example.org", 9)]),
]


@pytest.mark.parametrize(("text", "expected"), FACET_CASES)
def test_facets(text: str, expected: list[tuple[str, str, str, int]]):
    found = facets(text)
    data = sanitize(text).encode("utf-8")
    got = [(f.kind, f.value, data[f.byte_start:f.byte_end].decode("utf-8"), f.byte_start) for f in found]
    assert got == expected
    for f in found:
        assert sanitize(text)[f.start:f.end] == data[f.byte_start:f.byte_end].decode("utf-8")


def test_tag_length_follows_the_lexicon():
    assert [f.value for f in facets("#" + "a" * 64)] == ["a" * 64]
    assert facets("#" + "a" * 65) == []
    emoji_tag = "\U0001f642" * 64  # 64 graphemes, 256 bytes: allowed by the lexicon
    assert [f.value for f in facets("#" + emoji_tag)] == [emoji_tag]


def test_to_record_facets():
    text = "\u00fc @alice.bsky.social @nobody.bsky.social #Tag https://example.com"
    resolved = {"alice.bsky.social": "did:plc:alice"}
    assert to_record_facets(facets(text), resolved.get) == [
        {"index": {"byteStart": 3, "byteEnd": 21},
         "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice"}]},
        {"index": {"byteStart": 42, "byteEnd": 46},
         "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "Tag"}]},
        {"index": {"byteStart": 47, "byteEnd": 66},
         "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com"}]},
    ]


def test_to_record_facets_keeps_handles_as_typed_for_the_resolver():
    asked: list[str] = []

    def resolve(handle: str) -> str | None:
        asked.append(handle)
        return ""

    assert to_record_facets([Facet("mention", "Anna.Bsky.Social", 0, 17, 0, 17)], resolve) == []
    assert asked == ["Anna.Bsky.Social"]


def test_lone_surrogate_counts_as_replacement_character():
    assert count("\ud800") == (1, 3)
    assert count("a\udc00b") == (3, 5)
    assert count("\ud83d\ude00") == (1, 4)  # a surrogate pair held as two code points is one emoji
    [tag] = facets("\ud800 #tag")
    assert (tag.byte_start, tag.byte_end) == (4, 8)  # U+FFFD (3 bytes) + space
