"""Pinterest (API v5): a pin is an image (or 2-5 images) or a video, with a title, description and link."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network

# The post's text is the pin's description, Post.title its title and Post.link its link.
POST = Capabilities(
    network="pinterest", placement="post", name="Pinterest", text_limit=800, counting="characters",
    title_limit=100, link_limit=2048,
    media=MediaRules(max_images=5, max_videos=1, media_required=True, recommended_size=(1000, 1500),
                     alt_text_max=500),
    # image/video formats, sizes and durations are not documented in the API description
    uncertain=("counting", "media.image_formats", "media.video_formats", "media.recommended_size"),
)


class Pinterest(Network):
    id = "pinterest"
    name = "Pinterest"
    placements = {"post": POST}
