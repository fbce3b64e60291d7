"""Telegram (Bot API to a channel): 4096 characters for a text message, 1024 for a caption under media."""

from __future__ import annotations

from studio.networks.base import Capabilities, MediaRules, Network
from studio.networks.text.common import utf16_length

MB = 1 << 20

# Telegram measures lengths in UTF-16 code units (its entity offsets are UTF-16), after entity parsing.
POST = Capabilities(
    options=("silent", "link_preview"),
    network="telegram", placement="post", name="Telegram", text_limit=4096, caption_limit=1024, counting="utf16",
    link_card=True,
    media=MediaRules(
        max_images=10, max_videos=10, max_items=10, mix_images_and_video=True, max_image_bytes=10 * MB,
        video_formats=("mp4", "mov", "webm"), max_video_bytes=50 * MB, alt_text="none",
    ),
    uncertain=("text_limit", "caption_limit", "counting", "media.max_items", "media.max_image_bytes",
               "media.max_video_bytes", "media.video_formats"),
)


class Telegram(Network):
    id = "telegram"
    name = "Telegram"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        return utf16_length(text)
