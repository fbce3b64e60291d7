"""The one validator, text side: limits per network by that network's counter, variants, tags, bad input."""

from __future__ import annotations

import pytest
from network_helpers import codes, design, only, post, problems, valid_media, video

from studio.core.post import Post, Variant
from studio.core.problem import ERROR, WARNING
from studio.networks.registry import ALL_TARGETS, resolve
from studio.networks.validate import effective_text, measure, validate

# target, limit the counter is held against (text only, no media unless the placement needs it)
LIMITS = [
    ("x", 280), ("mastodon", 500), ("bluesky", 300), ("threads", 500), ("instagram:feed", 2200),
    ("instagram:reel", 2200), ("facebook", 63_206), ("linkedin", 3000), ("pinterest", 800), ("tiktok", 2200),
    ("youtube:short", 5000), ("telegram", 4096), ("discord", 2000),
]


def test_every_target_with_text_has_a_limit_row():
    assert sorted(t for t, _ in LIMITS) == sorted(t for t in ALL_TARGETS if t != "instagram:story")


@pytest.mark.parametrize(("target", "limit"), LIMITS)
def test_text_exactly_at_the_limit_passes_and_one_more_is_an_error(target, limit):
    media, title = valid_media(target)
    at = post("a" * limit, *media, title=title)
    assert problems(at, target) == []
    network, caps = resolve(target)
    assert measure(network, caps, at).count == limit
    over = post("a" * (limit + 1), *media, title=title)
    found = only(over, target, "text.too_long")
    assert found.severity == ERROR
    assert found.target == target
    assert f"({limit + 1:,} of {limit:,})" in found.message
    assert caps.name in found.message
    assert "Shorten it or write a variant" in found.message


def test_the_x_message_reads_as_in_the_issue():
    found = only(post("a" * 292), "x", "text.too_long")
    assert found.message == "X: the text is 12 characters too long (292 of 280). Shorten it or write a variant for X."


def test_x_counts_every_url_as_23():
    url = "https://example.com/" + "p" * 200
    text = "a" * 256 + " " + url  # 256 + 1 + 23 = 280 although it is 477 characters long
    assert len(text) > 280
    assert problems(post(text), "x") == []
    assert "(281 of 280)" in only(post("a" + text), "x", "text.too_long").message


def test_x_counts_cjk_and_emoji_as_two():
    assert problems(post("漢" * 140), "x") == []
    assert "(282 of 280)" in only(post("漢" * 141), "x", "text.too_long").message
    assert "(282 of 280)" in only(post("👍" * 141), "x", "text.too_long").message


def test_bluesky_counts_graphemes_and_utf8_bytes():
    family = "👨\u200d👩\u200d👧\u200d👦"  # one grapheme, 25 bytes
    assert len(family.encode("utf-8")) == 25
    assert problems(post(family * 120), "bluesky") == []  # 120 graphemes, exactly 3000 bytes
    p = post(family * 121)  # 121 graphemes, 3025 bytes
    assert codes(p, "bluesky") == ["text.too_many_bytes"]
    assert "3,025 bytes" in only(p, "bluesky", "text.too_many_bytes").message
    assert problems(post("👍" * 300), "bluesky") == []  # 300 graphemes, 1200 bytes
    assert codes(post("👍" * 301), "bluesky") == ["text.too_long"]


def test_bluesky_counts_a_url_in_full():
    url = "https://example.com/" + "p" * 281  # 301 characters as written
    assert codes(post(url), "bluesky") == ["text.too_long"]


def test_mastodon_counts_urls_as_23_and_remote_mentions_by_username():
    url = "https://example.com/" + "p" * 100
    assert problems(post("a" * 476 + " " + url), "mastodon") == []  # 476 + 1 + 23 = 500
    assert "(501 of 500)" in only(post("a" * 477 + " " + url), "mastodon", "text.too_long").message
    mention = "@alice@a-very-long-server-name.example"
    assert problems(post("a" * 493 + " " + mention), "mastodon") == []  # 493 + 1 + len("@alice")
    assert codes(post("a" * 494 + " " + mention), "mastodon") == ["text.too_long"]


def test_telegram_caption_limit_applies_with_media_and_text_limit_without():
    assert problems(post("a" * 1024, design()), "telegram") == []
    found = only(post("a" * 1025, design()), "telegram", "text.too_long")
    assert "caption" in found.message
    assert "(1,025 of 1,024)" in found.message
    assert "4,096" in found.message
    assert problems(post("a" * 1025), "telegram") == []
    assert problems(post("a" * 4096), "telegram") == []
    assert "(4,097 of 4,096)" in only(post("a" * 4097), "telegram", "text.too_long").message


def test_telegram_counts_utf16_units():
    assert problems(post("👍" * 2048), "telegram") == []
    assert codes(post("👍" * 2049), "telegram") == ["text.too_long"]


def test_threads_counts_an_emoji_as_its_utf8_bytes():
    assert problems(post("a" * 496 + "👍"), "threads") == []  # 496 + 4
    assert codes(post("a" * 497 + "👍"), "threads") == ["text.too_long"]


def test_instagram_allows_30_hashtags_not_31():
    tags = [f"#tag{i}" for i in range(31)]
    assert problems(post(" ".join(tags[:30]), design()), "instagram:feed") == []
    found = only(post(" ".join(tags), design()), "instagram:feed", "hashtags.too_many")
    assert found.severity == ERROR
    assert "at most 30 hashtags" in found.message
    assert "has 31" in found.message


def test_instagram_allows_20_mentions_not_21():
    names = [f"@user{i}" for i in range(21)]
    assert problems(post(" ".join(names[:20]), design()), "instagram:feed") == []
    assert codes(post(" ".join(names), design()), "instagram:feed") == ["mentions.too_many"]


def test_threads_and_youtube_only_warn_about_extra_hashtags():
    found = only(post("#one #two"), "threads", "hashtags.too_many")
    assert found.severity == WARNING
    tags = " ".join(f"#t{i}" for i in range(16))
    found = only(post(tags, video(), title="T"), "youtube:short", "hashtags.too_many")
    assert found.severity == WARNING
    assert codes(post(" ".join(f"#t{i}" for i in range(15)), video(), title="T"), "youtube:short") == []


def test_empty_post_is_an_error_but_media_alone_is_fine():
    found = only(post("   "), "x", "text.empty")
    assert found.severity == ERROR
    assert codes(post("", design()), "x") == []
    assert codes(post("", design(alt="a cat")), "bluesky") == []


def test_story_needs_media_and_shows_no_text():
    p = post("Hello")
    assert codes(p, "instagram:story") == ["text.not_shown", "media.required"]
    assert only(p, "instagram:story", "media.required").severity == ERROR
    assert only(p, "instagram:story", "text.not_shown").severity == WARNING
    assert problems(post("", design(1080, 1920)), "instagram:story") == []


def test_a_variant_text_overrides_the_base_text():
    p = post("a" * 281, variants={"x": Variant(text="short")})
    assert effective_text(p, "x") == "short"
    assert problems(p, "x") == []
    assert codes(p, "x:post") == []
    assert effective_text(p, "mastodon") == "a" * 281
    assert codes(post("a" * 281), "x") == ["text.too_long"]


def test_an_empty_variant_text_is_an_override_and_none_follows_the_base():
    assert codes(post("hello", variants={"x": Variant(text="")}), "x") == ["text.empty"]
    assert codes(post("hello", variants={"x": Variant(text=None)}), "x") == []


def test_variant_hashtags_are_appended_after_a_blank_line_and_counted():
    p = post("Hello  ", variants={"x:post": Variant(hashtags=" #a #b ")})
    assert effective_text(p, "x") == "Hello\n\n#a #b"
    assert effective_text(post("", variants={"x": Variant(hashtags="#a")}), "x") == "#a"
    over = post("a" * 276, variants={"x": Variant(hashtags="#abc")})  # 276 + 2 + 4 = 282
    assert "(282 of 280)" in only(over, "x", "text.too_long").message


def test_a_network_wide_variant_serves_every_placement_unless_one_has_its_own():
    p = post("base", variants={"instagram": Variant(text="ig"), "instagram:story": Variant(text="story")})
    assert effective_text(p, "instagram:feed") == "ig"
    assert effective_text(p, "instagram") == "ig"
    assert effective_text(p, "instagram:reel") == "ig"
    assert effective_text(p, "instagram:story") == "story"
    assert effective_text(p, "threads") == "base"


def test_lone_surrogates_are_an_error_not_a_crash():
    p = post("abc\ud800def\udfff")
    for target in ALL_TARGETS:
        found = [pr for pr in validate(p, target) if pr.code == "text.invalid_character"]
        if target == "instagram:story":
            assert found == []
            continue
        assert len(found) == 1, target
        assert found[0].severity == ERROR
        assert "2 broken characters" in found[0].message


@pytest.mark.parametrize("target", ALL_TARGETS)
def test_100000_characters_give_a_clear_too_long_error(target):
    media, title = valid_media(target)
    p = post("word " * 20_000, *media, title=title)
    found = problems(p, target)
    if target == "instagram:story":
        assert [pr.code for pr in found] == ["text.not_shown"]
        return
    too_long = [pr for pr in found if pr.code == "text.too_long"]
    assert len(too_long) == 1
    assert "(100,000 of " in too_long[0].message


def test_unknown_target_is_a_value_error_naming_the_valid_ones():
    with pytest.raises(ValueError, match="instagram:story"):
        validate(Post(text="hi"), "myspace")


def test_every_problem_names_its_placement_and_target():
    p = post("#a #b " * 400 + "@x " * 30, design(3000, 1000), design(1, 5), video(1920, 1080, seconds=999),
             title="t" * 200, link="https://example.com/" + "l" * 3000)
    seen = 0
    for target in ALL_TARGETS:
        caps = resolve(target)[1]
        for pr in problems(p, target):
            seen += 1
            assert pr.target == target
            assert pr.message.startswith(caps.name), pr.message
            assert pr.message.endswith("."), pr.message
    assert seen > 30
