"""X (formerly Twitter): 280 weighted characters by twitter-text v3 (URLs 23, CJK and emoji 2)."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network
from studio.networks.text.twitter import parse_tweet

MB = 1 << 20

POST = Capabilities(
    network="x", placement="post", name="X", text_limit=280, counting="twitter", url_length=23,
    link_card=True, threads=True,
    media=MediaRules(
        max_images=4, max_videos=1, image_formats=("jpeg", "png", "webp", "gif"), max_image_bytes=5 * MB,
        max_gif_bytes=15 * MB, gif_alone=True, recommended_size=(1200, 675),
        video_formats=("mp4", "mov"), max_video_bytes=512 * MB, min_duration_s=0.5, max_duration_s=140,
        video_min_aspect=1 / 3, video_max_aspect=3.0, alt_text_max=1000,
    ),
    # the timeline crop and "Show more" point are not documented; the recommended size is secondary
    uncertain=("feed_crop", "fold_chars", "media.recommended_size"),
)


class X(Network):
    id = "x"
    name = "X"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        return parse_tweet(text).weighted_length
