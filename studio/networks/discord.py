"""Discord (webhooks): 2000 characters of content and up to 10 files of 10 MB each."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network

MB = 1 << 20

POST = Capabilities(
    options=("silent", "link_preview"),
    network="discord", placement="post", name="Discord", text_limit=2000, counting="characters",
    link_card=True, link_card_with_media=True,
    media=MediaRules(
        max_images=10, max_videos=10, max_items=10, mix_images_and_video=True, image_formats=(),
        video_formats=(), max_image_bytes=10 * MB, max_video_bytes=10 * MB, alt_text_max=1024,
    ),
    # 10 MB is the default upload limit (boosted servers allow more); the file count is not documented
    uncertain=("counting", "media.max_items", "media.max_images", "media.max_videos"),
)


class Discord(Network):
    id = "discord"
    name = "Discord"
    placements = {"post": POST}
