"""LinkedIn (Posts, Images and Videos API), for members and organizations."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network

MB = 1 << 20

# The commentary is in LinkedIn's "little" format: the publisher escapes reserved characters, which do not
# count against the limit as the user sees it.
POST = Capabilities(
    network="linkedin", placement="post", name="LinkedIn", text_limit=3000, counting="characters",
    fold_chars=210, link_card=True,
    media=MediaRules(
        max_images=10, max_videos=1, image_formats=("jpeg", "png", "gif"), max_image_bytes=5 * MB,
        max_image_pixels=36_152_320, recommended_size=(1200, 627), video_formats=("mp4",),
        max_video_bytes=500 * MB, min_duration_s=3, max_duration_s=1800, video_min_aspect=1 / 2.4,
        video_max_aspect=2.4,
    ),
    uncertain=("text_limit", "counting", "fold_chars", "media.max_images", "media.image_formats",
               "media.max_image_bytes", "media.max_image_pixels", "media.recommended_size", "media.max_video_bytes",
               "media.min_duration_s", "media.max_duration_s", "media.video_min_aspect", "media.video_max_aspect"),
)


class LinkedIn(Network):
    id = "linkedin"
    name = "LinkedIn"
    placements = {"post": POST}
