"""The explicit registry: every documented target resolves, aliases work, unknown ids are refused clearly."""

from __future__ import annotations

import dataclasses

import pytest

from studio.networks.base import Capabilities, MediaRules, Network
from studio.networks.registry import ALL_TARGETS, NETWORKS, canonical, resolve

ISSUE_ORDER = ["x", "mastodon", "bluesky", "threads", "instagram:feed", "instagram:story", "instagram:reel",
               "facebook", "linkedin", "pinterest", "tiktok", "youtube:short", "telegram", "discord"]


def test_all_targets_are_the_documented_14_in_order():
    assert ALL_TARGETS == ISSUE_ORDER


def test_twelve_networks_each_a_network_with_its_id():
    assert list(NETWORKS) == ["x", "mastodon", "bluesky", "threads", "instagram", "facebook", "linkedin",
                              "pinterest", "tiktok", "youtube", "telegram", "discord"]
    for key, network in NETWORKS.items():
        assert isinstance(network, Network)
        assert network.id == key
        assert network.default_placement in network.placements


@pytest.mark.parametrize("target", ISSUE_ORDER)
def test_every_documented_target_resolves_to_itself(target):
    network, caps = resolve(target)
    assert isinstance(caps, Capabilities)
    assert caps.network == network.id
    assert caps.short_id == target
    assert canonical(target) == target
    assert network.placements[caps.placement] is caps


@pytest.mark.parametrize(("alias", "target"), [
    ("x:post", "x"), ("X", "x"), (" bluesky ", "bluesky"), ("instagram", "instagram:feed"),
    ("youtube", "youtube:short"), ("Instagram:Story", "instagram:story"), ("telegram:post", "telegram"),
])
def test_aliases(alias, target):
    assert canonical(alias) == target


@pytest.mark.parametrize("bad", ["", "myspace", "x:story", "instagram:post", "x:", ":post", "instagram:feed:1",
                                 "youtube:long", "\ud800"])
def test_unknown_targets_raise_a_value_error_listing_the_valid_ids(bad):
    with pytest.raises(ValueError) as e:
        resolve(bad)
    message = str(e.value)
    assert message.startswith("Unknown target")
    for target in ISSUE_ORDER:
        assert target in message


MEDIA_FIELDS = {f.name for f in dataclasses.fields(MediaRules)}
CAPS_FIELDS = {f.name for f in dataclasses.fields(Capabilities)}


@pytest.mark.parametrize("target", ISSUE_ORDER)
def test_uncertain_names_real_fields_that_have_values(target):
    caps = resolve(target)[1]
    for name in caps.uncertain:
        if name.startswith("media."):
            assert name[6:] in MEDIA_FIELDS, name
        else:
            assert name in CAPS_FIELDS, name


@pytest.mark.parametrize("target", ISSUE_ORDER)
def test_capabilities_are_consistent(target):
    caps = resolve(target)[1]
    m = caps.media
    assert m.alt_text in ("none", "optional", "expected")
    assert m.aspect_outside in ("crop", "reject")
    assert caps.hashtags_over in ("error", "warning")
    assert m.max_images >= 0 and m.max_videos >= 0
    assert all(f == f.lower() and f != "jpg" for f in m.image_formats + m.video_formats)
    if m.min_aspect is not None and m.max_aspect is not None:
        assert m.min_aspect < m.max_aspect
    if caps.caption_limit is not None:
        assert caps.text_limit is not None and caps.caption_limit < caps.text_limit


def test_the_documented_numbers():
    """The values the issue and the reference fix (a typo in data would pass every other test)."""
    x = resolve("x")[1]
    assert (x.text_limit, x.url_length, x.media.max_images, x.media.alt_text_max) == (280, 23, 4, 1000)
    bsky = resolve("bluesky")[1]
    assert (bsky.text_limit, bsky.text_bytes_limit, bsky.media.max_image_bytes) == (300, 3000, 2_000_000)
    assert bsky.media.alt_text == "expected"
    masto = resolve("mastodon")[1]
    assert (masto.text_limit, masto.url_length, masto.media.alt_text_max) == (500, 23, 1500)
    tg = resolve("telegram")[1]
    assert (tg.text_limit, tg.caption_limit) == (4096, 1024)
    assert resolve("discord")[1].text_limit == 2000
    ig = resolve("instagram:feed")[1]
    assert (ig.media.min_aspect, ig.media.max_aspect, ig.max_hashtags) == (0.8, 1.91, 30)
    assert resolve("instagram:story")[1].media.media_required
    assert resolve("instagram:story")[1].text_limit is None
