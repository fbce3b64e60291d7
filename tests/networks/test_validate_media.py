"""The one validator, media side: counts, mixes, formats, sizes, aspect crops, alt text, durations, links."""

from __future__ import annotations

import pytest
from network_helpers import MB, codes, design, image, only, post, problems, video

from studio.core.post import Media
from studio.core.problem import ERROR, WARNING
from studio.networks.validate import MediaFacts, ratio, validate


def test_instagram_feed_crop_of_a_3_to_1_image_reports_36_percent_of_the_width():
    found = only(post("hi", design(3000, 1000)), "instagram:feed", "media.aspect_cropped")
    assert found.severity == WARNING
    assert found.message.startswith("Instagram feed crops this 3:1 image to 1.91:1; 36 % of the width is lost.")
    assert found.media_index == 0


def test_instagram_feed_crop_of_a_tall_image_reports_the_height():
    found = only(post("hi", design(1000, 2000)), "instagram:feed", "media.aspect_cropped")
    assert "to 4:5; 38 % of the height is lost" in found.message  # 1 - 0.5 / 0.8 = 37.5 %


@pytest.mark.parametrize(("width", "height"), [(1080, 1350), (1080, 1080), (1080, 566), (1200, 628)])
def test_instagram_feed_keeps_formats_inside_4_5_to_1_91(width, height):
    assert problems(post("hi", design(width, height)), "instagram:feed") == []


def test_a_crop_names_the_item_when_there_are_several():
    found = only(post("hi", design(), design(3000, 1000)), "instagram:feed", "media.aspect_cropped")
    assert "image 2 (3:1)" in found.message
    assert found.media_index == 1


def test_threads_refuses_images_beyond_10_to_1():
    found = only(post("hi", design(2200, 200)), "threads", "media.aspect_rejected")
    assert found.severity == ERROR
    assert "11:1" in found.message and "between 1:10 and 10:1" in found.message
    assert problems(post("hi", design(2000, 200)), "threads") == []


def test_x_takes_four_images_not_five():
    assert problems(post("hi", *[design() for _ in range(4)]), "x") == []
    found = only(post("hi", *[design() for _ in range(5)]), "x", "media.too_many")
    assert "at most 4 images" in found.message and "Remove 1" in found.message


def test_x_cannot_mix_images_and_video_and_an_animated_gif_goes_alone():
    assert codes(post("hi", design(), video(1280, 720)), "x") == ["media.mix"]
    assert codes(post("hi", image(fmt="gif", animated=True), design()), "x") == ["media.mix"]
    assert codes(post("hi", image(fmt="gif", animated=True, size=10 * MB)), "x") == []  # GIFs may be 15 MB
    assert codes(post("hi", image(fmt="gif", animated=True, size=16 * MB)), "x") == ["media.too_large"]


def test_image_byte_limit_per_network():
    assert codes(post("hi", image(size=5 * MB)), "x") == []
    found = only(post("hi", image(size=6 * MB)), "x", "media.too_large")
    assert "6 MB" in found.message and "at most 5 MB" in found.message
    assert codes(post("hi", image(size=2_000_000, alt="a")), "bluesky") == []
    assert codes(post("hi", image(size=2_000_001, alt="a")), "bluesky") == ["media.too_large"]


def test_design_export_size_is_unknown_so_not_checked():
    assert problems(post("hi", design(8000, 8000)), "x") == []


def test_image_format_per_placement():
    found = only(post("hi", image(fmt="png")), "instagram:feed", "media.format")
    assert "JPEG" in found.message and "PNG" in found.message
    assert codes(post("hi", image(fmt="png")), "x") == []
    assert codes(post("hi", image(fmt="bmp", alt="a")), "bluesky") == []  # any image/*


def test_reels_and_shorts_take_a_video_only():
    assert codes(post("hi", design()), "instagram:reel") == ["media.not_allowed"]
    assert only(post("hi"), "instagram:reel", "media.required").message == \
        "Instagram reel needs a video. Add one to the post."
    assert codes(post("hi", video()), "instagram:reel") == []


def test_video_duration_limits():
    assert codes(post("hi", video(1280, 720, seconds=140)), "x") == []
    found = only(post("hi", video(1280, 720, seconds=141)), "x", "video.too_long")
    assert "2:21 minutes" in found.message and "2:20 minutes" in found.message
    assert codes(post("hi", video(1280, 720, seconds=0.4)), "x") == ["video.too_short"]
    assert codes(post("hi", video(seconds=2)), "tiktok") == ["video.too_short"]
    assert codes(post("hi", video(seconds=181), title="T"), "youtube:short") == ["video.too_long"]


def test_unknown_duration_is_not_checked():
    media = Media(kind="file", asset="v")
    facts = MediaFacts(1080, 1920, 10 * MB, "video", None, "mp4")
    assert validate(post("hi", media), "x", media_info=lambda m: facts) == []


def test_a_landscape_video_is_not_a_youtube_short():
    found = only(post("hi", video(1920, 1080), title="T"), "youtube:short", "media.aspect_rejected")
    assert "16:9" in found.message and "no wider than 1:1" in found.message
    assert codes(post("hi", video(1080, 1080), title="T"), "youtube:short") == []


def test_youtube_needs_a_title_of_at_most_100_characters_without_angle_brackets():
    assert codes(post("hi", video()), "youtube:short") == ["title.empty"]
    assert codes(post("hi", video(), title="t" * 100), "youtube:short") == []
    assert codes(post("hi", video(), title="t" * 101), "youtube:short") == ["title.too_long"]
    assert codes(post("a <b>", video(), title="T"), "youtube:short") == ["text.invalid_character"]


def test_alt_text_limits_and_bluesky_warning():
    assert codes(post("hi", design(alt="a" * 1000)), "x") == []
    found = only(post("hi", design(alt="a" * 1001)), "x", "alt.too_long")
    assert found.severity == ERROR and "1,001" in found.message
    missing = only(post("hi", design()), "bluesky", "alt.missing")
    assert missing.severity == WARNING
    assert missing.message.startswith("Bluesky: this image has no alt text.")
    assert codes(post("hi", design()), "x") == []  # X takes alt text but does not insist


def test_pinterest_needs_media_and_checks_title_and_link():
    assert codes(post("hi"), "pinterest") == ["media.required"]
    assert codes(post("hi", design(), title="t" * 100, link="https://e.com/" + "l" * 2034), "pinterest") == []
    assert codes(post("hi", design(), title="t" * 101), "pinterest") == ["title.too_long"]
    assert codes(post("hi", design(), link="https://e.com/" + "l" * 2035), "pinterest") == ["link.too_long"]


def test_link_warnings():
    assert only(post("hi", design(), link="https://e.com"), "instagram:feed", "link.not_clickable").severity \
        == WARNING
    assert codes(post("hi", design(alt="a"), link="https://e.com"), "bluesky") == ["link.no_card"]
    assert codes(post("hi", link="https://e.com"), "bluesky") == []
    assert codes(post("hi", design(), link="https://e.com"), "discord") == []


def test_carousel_limits_and_mixing():
    ten = [design() for _ in range(9)] + [video()]
    assert codes(post("hi", *ten), "instagram:feed") == []
    assert "media.too_many" in codes(post("hi", *ten, design()), "instagram:feed")
    assert codes(post("hi", design(), video()), "telegram") == []
    assert codes(post("hi", design(), video()), "mastodon") == ["media.mix", "alt.missing"]
    assert codes(post("hi", design(alt="a"), video()), "mastodon") == ["media.mix"]


def test_unreadable_and_unknown_media():
    broken = Media(kind="file", asset="gone")
    facts = MediaFacts(problem="This file is damaged. Export it again.")
    found = validate(post("hi", broken), "x", media_info=lambda m: facts)
    assert [p.code for p in found] == ["media.unreadable"]
    assert "This file is damaged" in found[0].message
    assert validate(post("hi", broken), "x") == []  # without media_info a plain file is not inspected
    assert validate(post("hi", broken), "x", media_info=lambda m: None) == []


@pytest.mark.parametrize(("aspect", "text"), [(3.0, "3:1"), (0.8, "4:5"), (1.91, "1.91:1"), (1080 / 1920, "9:16"),
                                              (1 / 2.4, "1:2.4"), (10.0, "10:1"), (0.01, "1:100"), (1.0, "1:1")])
def test_ratio_wording(aspect, text):
    assert ratio(aspect) == text
