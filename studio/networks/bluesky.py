"""Bluesky: 300 grapheme clusters and 3000 UTF-8 bytes; URLs count as written."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network
from studio.networks.text import bluesky as counter

POST = Capabilities(
    options=("language",),
    network="bluesky", placement="post", name="Bluesky", text_limit=300, counting="graphemes+bytes",
    text_bytes_limit=3000, link_card=True, threads=True,
    media=MediaRules(
        max_images=4, max_videos=1, image_formats=(), max_image_bytes=2_000_000,  # any image/*
        video_formats=("mp4",), max_video_bytes=300_000_000,
        alt_text="expected",  # required by the lexicon (may be empty), no maximum
    ),
    # URLs counting in full is secondary; the feed crop and the longest video are not documented
    uncertain=("url_length", "feed_crop", "media.max_duration_s"),
)


class Bluesky(Network):
    id = "bluesky"
    name = "Bluesky"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        return counter.count(text)[0]
