"""Facebook Pages (Graph API). Almost nothing here is confirmed by Meta's documentation: see `uncertain`."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network

MB = 1 << 20

POST = Capabilities(
    network="facebook", placement="post", name="Facebook", text_limit=63_206, counting="characters",
    link_card=True,
    media=MediaRules(max_images=10, max_videos=1, max_video_bytes=4096 * MB, max_duration_s=240 * 60),
    uncertain=("text_limit", "counting", "link_card", "media.max_images", "media.image_formats",
               "media.max_video_bytes", "media.max_duration_s"),
)


class Facebook(Network):
    id = "facebook"
    name = "Facebook"
    placements = {"post": POST}
