"""The pure rules of the previews: where each network folds the text, which entities it highlights, and which
part of an image its feed shows."""

from dataclasses import replace

import pytest

from studio.networks.registry import resolve
from studio.preview import entities, fold, media_crop
from studio.preview.style import STYLES

WORDS = ("Rooftop sessions are back with live music above the city every Saturday in June, bring your friends "
         "and a jacket because the evenings get cool up there, tickets at the door and online now")


def caps(target):
    return resolve(target)[1]


# ----------------------------------------------------------------------------------------------- fold

def test_instagram_folds_at_125_characters_with_more():
    text = WORDS + " " + WORDS
    shown, cut = fold(text, caps("instagram:feed"))
    assert cut
    assert shown.endswith("… more")
    kept = shown[: -len("… more")]
    assert 100 <= len(kept) <= 125
    assert text.startswith(kept)


def test_fold_moves_back_to_a_word_boundary():
    text = "word " * 24 + "Wunderbar " + "tail " * 20  # "Wunderbar" spans characters 120-128
    shown, _ = fold(text, caps("instagram:feed"))
    kept = shown[: -len("… more")]
    assert kept == ("word " * 24).rstrip(), "the cut is at the space before the word across character 125"


def test_a_word_longer_than_the_lookback_is_cut_inside():
    text = "x" * 400
    shown, cut = fold(text, caps("instagram:feed"))
    assert cut and shown == "x" * 125 + "… more"


def test_fold_never_splits_an_emoji_sequence():
    family = "👨\u200d👩\u200d👧\u200d👦"
    text = "y" * 123 + family + " and more words after it " * 5
    shown, cut = fold(text, caps("instagram:feed"))
    kept = shown[: -len("… more")]
    assert cut
    assert family not in kept or kept.endswith(family)
    assert not kept.endswith("\u200d") and "👨" not in kept.replace(family, "")


@pytest.mark.parametrize("target", ["instagram:feed", "linkedin", "x", "bluesky", "telegram"])
def test_short_text_is_not_folded(target):
    assert fold("Short caption #tag", caps(target)) == ("Short caption #tag", False)


def test_linkedin_folds_at_210_with_its_own_label():
    text = WORDS * 3
    shown, cut = fold(text, caps("linkedin"))
    assert cut and shown.endswith(STYLES["linkedin"].fold_label)
    assert len(shown) - len(STYLES["linkedin"].fold_label) <= 210


def test_x_shows_long_text_in_full():
    text = ("word " * 60).strip()  # 299 characters, over any fold point X might have
    assert fold(text, caps("x")) == (text, False)


def test_fold_lines_cuts_after_that_many_lines():
    lines_caps = replace(caps("threads"), fold_lines=2)
    shown, cut = fold("one\ntwo\nthree\nfour", lines_caps)
    assert cut and shown.startswith("one\ntwo") and "three" not in shown


def test_the_fold_label_drops_a_trailing_full_stop():
    text = ("a" * 118 + " end. " + "b" * 40 + " tail") * 2
    shown, _ = fold(text, caps("instagram:feed"))
    assert shown.endswith("end… more")


# ----------------------------------------------------------------------------------------------- entities

def spans(text, network):
    return [(text[s:e], kind) for s, e, kind in entities(text, network)]


def test_x_url_mention_and_tag_with_indices():
    text = "Tickets https://example.com/tour now @anna_b and #Berlin2025"
    assert entities(text, "x") == [(8, 32, "link"), (37, 44, "mention"), (49, 60, "tag")]
    assert spans("see example.com today", "x") == [("example.com", "link")]


def test_x_indices_are_str_indices_after_an_emoji():
    text = "🎉🎉 https://example.com"
    assert entities(text, "x") == [(3, 22, "link")]


def test_bluesky_facets_become_str_indices_after_emoji():
    text = "👨\u200d👩\u200d👧 Grüße example.com/page @anna.bsky.social #Berlin"
    found = spans(text, "bluesky")
    assert found == [("example.com/page", "link"), ("@anna.bsky.social", "mention"), ("#Berlin", "tag")]


def test_bluesky_needs_a_real_domain_for_a_mention():
    assert spans("hi @anna and @anna.bsky.social", "bluesky") == [("@anna.bsky.social", "mention")]


def test_instagram_highlights_no_links():
    text = "Shop https://example.com/shop now with @anna #sale"
    assert spans(text, "instagram:feed") == [("@anna", "mention"), ("#sale", "tag")]


def test_mastodon_links_only_urls_with_a_scheme():
    assert spans("example.com or https://example.org/x", "mastodon") == [("https://example.org/x", "link")]


def test_discord_leaves_typed_mentions_and_tags_plain():
    assert spans("@anna #news https://example.com", "discord") == [("https://example.com", "link")]


def test_a_link_wins_over_a_tag_inside_it():
    found = entities("https://example.com/page#section", "telegram")
    assert [k for _, _, k in found] == ["link"]


# ----------------------------------------------------------------------------------------------- media crop

def test_a_wide_image_is_cut_to_191_on_instagram():
    x, y, w, h = media_crop(3000, 1000, caps("instagram:feed"))
    assert w / h == pytest.approx(1.91, abs=0.005)
    assert (x, y, h) == (pytest.approx((3000 - w) / 2), 0, 1000)


def test_a_tall_image_is_cut_to_4_5_on_instagram():
    x, y, w, h = media_crop(1000, 2000, caps("instagram:feed"))
    assert (x, w) == (0, 1000)
    assert h == pytest.approx(1250) and y == pytest.approx(375)


def test_an_image_inside_the_range_is_shown_whole():
    assert media_crop(1080, 1080, caps("instagram:feed")) == (0, 0, 1080, 1080)


@pytest.mark.parametrize("target", ["instagram:story", "instagram:reel", "tiktok", "youtube:short"])
def test_fullscreen_covers_9_16(target):
    x, y, w, h = media_crop(1080, 1080, caps(target))
    assert w / h == pytest.approx(9 / 16)
    assert x == pytest.approx((1080 - w) / 2) and y == 0
    assert media_crop(1080, 1920, caps(target)) == (0, 0, 1080, 1920)


def test_mastodon_shows_16_9():
    _, _, w, h = media_crop(1080, 1350, caps("mastodon"))
    assert w / h == pytest.approx(16 / 9)


def test_feed_grid_cells_crop_each_image():
    _, _, w, h = media_crop(1000, 1000, caps("x"), count=2)
    assert w / h == pytest.approx(8 / 9, abs=0.01)  # half of a 16:9 box
    _, _, w, h = media_crop(1000, 1000, caps("x"), count=4)
    assert w / h == pytest.approx(16 / 9, abs=0.01)


def test_instagram_folds_a_short_caption_after_two_lines():
    from studio.networks.registry import resolve
    from studio.preview import fold

    caps = resolve("instagram:feed")[1]
    shown, cut = fold("Line one\nLine two\nLine three", caps)
    assert cut and "Line three" not in shown and shown.startswith("Line one\nLine two")
    assert fold("Line one\nLine two", caps) == ("Line one\nLine two", False)
