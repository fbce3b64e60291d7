"""Threads (Meta): 500 characters, where Meta's documentation counts an emoji as its number of UTF-8 bytes."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network
from studio.networks.text.common import graphemes, is_emoji

MB = 1 << 20

# One topic tag per post: further hashtags are not made tags (a warning, not an error). The carousel size is in
# conflict (20 vs 10); the reference advises 10 until the official page is checked.
POST = Capabilities(
    network="threads", placement="post", name="Threads", text_limit=500, counting="threads",
    max_hashtags=1, hashtags_over="warning", link_card=True, threads=True,
    media=MediaRules(
        max_images=10, max_videos=10, max_items=10, mix_images_and_video=True, image_formats=("jpeg", "png"),
        max_image_bytes=8 * MB, min_aspect=0.1, max_aspect=10.0, aspect_outside="reject",
        video_formats=("mp4", "mov"), max_video_bytes=1024 * MB, max_duration_s=300, video_min_aspect=0.01,
        video_max_aspect=10.0, alt_text_max=1000,
    ),
    uncertain=("url_length", "max_hashtags", "media.max_items", "media.max_images", "media.max_videos",
               "media.image_formats", "media.max_image_bytes", "media.min_aspect", "media.max_aspect",
               "media.max_video_bytes", "media.max_duration_s", "media.video_min_aspect", "media.video_max_aspect",
               "media.alt_text_max"),
)


class Threads(Network):
    id = "threads"
    name = "Threads"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        """Grapheme clusters, except that an emoji counts its UTF-8 bytes (a 👍 counts 4), as Meta documents."""
        clusters = graphemes(text)
        return len(clusters) + sum(len(g.encode("utf-8")) - 1 for g in [g for g in clusters if not g.isascii()]
                                   if is_emoji(g))
