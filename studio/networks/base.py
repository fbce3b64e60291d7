"""What every network module provides (DESIGN.md §6). Capabilities are data: the preview and the validator
read only them, so adding a network touches no UI code.

A *placement* is where a post appears on a network (a feed post, a story, a reel). A *target id* names a
network and a placement: "instagram:feed", "instagram:story"; a network's default placement may be named
by the network alone: "x" == "x:post".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.core.post import Post
from studio.core.problem import Problem


@dataclass(frozen=True)
class MediaRules:
    """Media limits of one placement."""

    max_images: int = 4
    max_videos: int = 1
    mix_images_and_video: bool = False
    image_formats: tuple[str, ...] = ("jpeg", "png", "webp", "gif")
    max_image_bytes: int | None = None
    min_aspect: float | None = None  # width / height; outside → the network crops (warning) or refuses (error)
    max_aspect: float | None = None
    aspect_outside: str = "crop"  # "crop": the network crops (warning); "reject": error
    recommended_size: tuple[int, int] | None = None
    video_formats: tuple[str, ...] = ("mp4", "mov")
    max_video_bytes: int | None = None
    min_duration_s: float | None = None
    max_duration_s: float | None = None
    alt_text_max: int | None = None  # None: no alt text on this network
    media_required: bool = False  # stories, reels, pins, TikTok, Shorts


@dataclass(frozen=True)
class FeedCrop:
    """How the feed shows media before it is opened: images are cropped to an aspect between these."""

    min_aspect: float | None = None
    max_aspect: float | None = None
    fixed_aspect: float | None = None  # e.g. 9:16 full screen


@dataclass(frozen=True)
class Capabilities:
    network: str  # "x", "mastodon", ...
    placement: str  # "post", "feed", "story", "reel", ...
    name: str  # shown to users: "Instagram story"
    text_limit: int | None  # None: no text (e.g. a story's image only)
    counting: str  # "twitter" | "graphemes+bytes" | "mastodon" | "graphemes" | "characters" | "utf16" | "bytes"
    text_bytes_limit: int | None = None  # Bluesky: 3000 UTF-8 bytes
    url_length: int | None = None  # every URL counts as this many (X, Mastodon: 23)
    fold_chars: int | None = None  # the feed shows this many characters, then "…more"
    fold_lines: int | None = None  # or this many lines
    max_hashtags: int | None = None
    max_mentions: int | None = None
    links_clickable: bool = True
    link_card: bool = False  # the network draws a card for a link in a post without media
    threads: bool = False  # a post can be a chain of replies
    first_comment: bool = False
    media: MediaRules = field(default_factory=MediaRules)
    feed_crop: FeedCrop = field(default_factory=FeedCrop)
    safe_zone: tuple[float, float] | None = None  # share of height covered by the network's UI: top, bottom
    uncertain: tuple[str, ...] = ()  # which of these values the reference marks unverified/secondary

    @property
    def target_id(self) -> str:
        return f"{self.network}:{self.placement}"


class Network:
    """One network: its placements' capabilities, how it counts text, and its validator."""

    id: str = ""
    name: str = ""
    placements: dict[str, Capabilities] = {}
    default_placement: str = "post"

    def capabilities(self, placement: str | None = None) -> Capabilities:
        return self.placements[placement or self.default_placement]

    def count(self, text: str, placement: str | None = None) -> int:
        """Length of `text` by this network's rule (what the counter shows against text_limit)."""
        raise NotImplementedError

    def validate(self, post: Post, target: str) -> list[Problem]:
        raise NotImplementedError
