"""TikTok (Content Posting API): a video, or a photo post of up to 35 photos, with a caption."""

from __future__ import annotations

from studio.networks.base import Capabilities, FeedCrop, MediaRules, Network
from studio.networks.text.common import utf16_length

MB = 1 << 20

# The caption limit (2,200 UTF-16 units, or 4,000) and the video size (1, 4 or 10 GB) are in conflict in the
# reference; the caption's documented 2,200 and the largest size are enforced. Update when confirmed.
POST = Capabilities(
    network="tiktok", placement="post", name="TikTok", text_limit=2200, counting="utf16",
    media=MediaRules(
        max_images=35, max_videos=1, media_required=True, image_formats=("jpeg", "webp"), max_image_bytes=20 * MB,
        recommended_size=(1080, 1920), video_formats=("mp4", "mov", "webm"), max_video_bytes=10 * 1024 * MB,
        min_duration_s=3, max_duration_s=600, alt_text="none",
    ),
    feed_crop=FeedCrop(fixed_aspect=9 / 16), safe_zone=(0.14, 0.20),
    uncertain=("text_limit", "counting", "feed_crop", "safe_zone", "media.max_images", "media.image_formats",
               "media.max_image_bytes", "media.video_formats", "media.max_video_bytes", "media.min_duration_s",
               "media.max_duration_s"),
)


class TikTok(Network):
    id = "tiktok"
    name = "TikTok"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        return utf16_length(text)
