"""A Mastodon server's own limits (GET /api/v2/instance, kept in Account.limits) drive the validator and counter."""

from __future__ import annotations

from network_helpers import MB, image, info, post, video

from studio.networks.mastodon import POST, capabilities_for, limits_from_instance
from studio.networks.registry import resolve
from studio.networks.validate import measure, validate

INSTANCE = {
    "domain": "big.example", "configuration": {
        "statuses": {"max_characters": 1000, "max_media_attachments": 8, "characters_reserved_per_url": 30},
        "media_attachments": {"supported_mime_types": ["image/jpeg", "image/png", "video/mp4", "audio/mpeg"],
                              "image_size_limit": 8 * MB, "image_matrix_limit": 2_000_000,
                              "video_size_limit": 40 * MB, "video_frame_rate_limit": 60, "description_limit": 2000},
        "polls": {"max_options": 4},
    },
}
LIMITS = limits_from_instance(INSTANCE)


def test_limits_are_the_instance_values_by_their_own_names():
    assert LIMITS == {"max_characters": 1000, "max_media_attachments": 8, "characters_reserved_per_url": 30,
                      "supported_mime_types": ["image/jpeg", "image/png", "video/mp4", "audio/mpeg"],
                      "image_size_limit": 8 * MB, "image_matrix_limit": 2_000_000, "video_size_limit": 40 * MB,
                      "description_limit": 2000}


def test_unusable_or_missing_values_are_left_out():
    assert limits_from_instance({"configuration": {"statuses": {"max_characters": "lots", "max_media_attachments":
                                                                True, "characters_reserved_per_url": 0}}}) == {}
    assert limits_from_instance("<html>") == {} and limits_from_instance({}) == {}


def test_capabilities_for_applies_every_limit():
    caps = capabilities_for(LIMITS)
    assert (caps.text_limit, caps.url_length) == (1000, 30)
    m = caps.media
    assert (m.max_images, m.max_image_bytes, m.max_image_pixels, m.max_video_bytes, m.alt_text_max) == \
        (8, 8 * MB, 2_000_000, 40 * MB, 2000)
    assert m.image_formats == ("jpeg", "png") and m.video_formats == ("mp4", "m4v")
    assert (caps.network, caps.placement, caps.name) == (POST.network, POST.placement, POST.name)


def test_no_limits_keep_the_defaults():
    assert capabilities_for({}) == POST and capabilities_for(None) == POST
    assert capabilities_for({"max_characters": -1, "unknown": 5}) == POST
    assert capabilities_for({"max_characters": 1000}).media == POST.media


def test_unknown_mime_types_keep_their_subtype():
    caps = capabilities_for({"supported_mime_types": ["image/x-bmp", "image/png", "video/ogg"]})
    assert caps.media.image_formats == ("png", "bmp") and caps.media.video_formats == ("ogg",)


def test_validate_uses_the_servers_text_limit_and_url_weight():
    text = "a" * 600
    assert [p.code for p in validate(post(text), "mastodon")] == ["text.too_long"]
    assert validate(post(text), "mastodon", limits=LIMITS) == []
    over = validate(post("a" * 1001), "mastodon", limits=LIMITS)
    assert [p.code for p in over] == ["text.too_long"] and "(1,001 of 1,000)" in over[0].message
    network, _ = resolve("mastodon")
    linked = post("see https://example.com")
    assert measure(network, POST, linked).count == 4 + 23
    assert measure(network, network.capabilities_with(LIMITS), linked).count == 4 + 30


def test_validate_uses_the_servers_media_limits():
    five = post("five", *[image(alt="x") for _ in range(5)])
    assert [p.code for p in validate(five, "mastodon", media_info=info)] == ["media.too_many"]
    assert validate(five, "mastodon", media_info=info, limits=LIMITS) == []
    webp = post("w", image(fmt="webp", alt="x"))
    assert validate(webp, "mastodon", media_info=info) == []
    assert [p.code for p in validate(webp, "mastodon", media_info=info, limits=LIMITS)] == ["media.format"]
    large = post("l", image(width=2000, height=1500, alt="x"))
    assert validate(large, "mastodon", media_info=info) == []
    assert [p.code for p in validate(large, "mastodon", media_info=info, limits=LIMITS)] == ["media.too_large"]
    big = post("b", video(size=50 * MB))
    assert [p.code for p in validate(big, "mastodon", media_info=info, limits=LIMITS)] == ["media.too_large"]
    long_alt = post("a", image(alt="x" * 1800))
    assert [p.code for p in validate(long_alt, "mastodon", media_info=info)] == ["alt.too_long"]
    assert validate(long_alt, "mastodon", media_info=info, limits=LIMITS) == []


def test_other_networks_ignore_limits():
    assert validate(post("a" * 300), "x", limits=LIMITS) == validate(post("a" * 300), "x")
