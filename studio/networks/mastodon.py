"""Mastodon: 500 characters by default, every URL counts 23, a remote mention only its username.

These are mastodon.social's defaults; a server reports its own in /api/v2/instance (used once an account
exists).
"""

from __future__ import annotations

from studio.networks.base import Capabilities, FeedCrop, MediaRules, Network
from studio.networks.text import mastodon as counter

MB = 1 << 20

POST = Capabilities(
    network="mastodon", placement="post", name="Mastodon", text_limit=500, counting="mastodon", url_length=23,
    link_card=True,
    media=MediaRules(
        max_images=4, max_videos=1, image_formats=("jpeg", "png", "gif", "heic", "heif", "webp", "avif"),
        max_image_bytes=16 * MB, max_image_pixels=33_177_600,
        video_formats=("mp4", "m4v", "mov", "webm"), max_video_bytes=103_809_024,
        alt_text="expected", alt_text_max=1500,
    ),
    # The docs say previews are 16:9 unless a focal point is set; recent web versions show a single image
    # uncropped, so the preview may draw it but the validator does not warn.
    feed_crop=FeedCrop(fixed_aspect=16 / 9),
    # whether a "character" is a code point or a grapheme is not documented
    uncertain=("counting", "feed_crop"),
)


class Mastodon(Network):
    id = "mastodon"
    name = "Mastodon"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        return counter.count(text, url_length=self.capabilities(placement).url_length or 23)
