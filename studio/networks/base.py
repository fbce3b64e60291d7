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
    max_items: int | None = None  # images and videos together (carousels, albums); None: no extra limit
    mix_images_and_video: bool = False
    image_formats: tuple[str, ...] = ("jpeg", "png", "webp", "gif")  # lower-case format names; (): any image
    max_image_bytes: int | None = None
    max_image_pixels: int | None = None  # width × height
    max_gif_bytes: int | None = None  # animated GIFs, when their limit differs from other images (X: 15 MB)
    gif_alone: bool = False  # an animated GIF must be the post's only media item (X)
    min_aspect: float | None = None  # width / height; outside → the network crops (warning) or refuses (error)
    max_aspect: float | None = None
    aspect_outside: str = "crop"  # "crop": the network crops (warning); "reject": error
    recommended_size: tuple[int, int] | None = None
    video_formats: tuple[str, ...] = ("mp4", "mov")  # (): any video
    max_video_bytes: int | None = None
    min_duration_s: float | None = None
    max_duration_s: float | None = None
    video_min_aspect: float | None = None  # width / height; videos outside are refused (error)
    video_max_aspect: float | None = None
    alt_text: str = "optional"  # "none": the network takes no alt text; "optional"; "expected": missing → warning
    alt_text_max: int | None = None  # None: no limit known
    media_required: bool = False  # stories, reels, pins, TikTok, Shorts


@dataclass(frozen=True)
class FeedCrop:
    """How the feed shows media before it is opened: images are cropped to an aspect between these."""

    min_aspect: float | None = None
    max_aspect: float | None = None
    fixed_aspect: float | None = None  # e.g. 9:16 full screen
    focal: bool = False  # the crop keeps the media's focal point in view (Mastodon), else it is centred


@dataclass(frozen=True)
class Capabilities:
    network: str  # "x", "mastodon", ...
    placement: str  # "post", "feed", "story", "reel", ...
    name: str  # shown to users: "Instagram story"
    text_limit: int | None  # None: no text (e.g. a story's image only)
    counting: str  # "twitter" | "graphemes+bytes" | "mastodon" | "graphemes" | "characters" | "utf16" | "bytes"
    text_bytes_limit: int | None = None  # Bluesky: 3000 UTF-8 bytes
    caption_limit: int | None = None  # the text limit when the post has media, if lower (Telegram: 1024)
    title_limit: int | None = None  # a separate title field (Pinterest, YouTube): Post.title
    title_required: bool = False
    link_limit: int | None = None  # a separate link field (Pinterest): Post.link
    url_length: int | None = None  # every URL counts as this many (X, Mastodon: 23)
    fold_chars: int | None = None  # the feed shows this many characters, then "…more"
    fold_lines: int | None = None  # or this many lines
    max_hashtags: int | None = None
    hashtags_over: str = "error"  # more than max_hashtags: "error" (refused) or "warning" (extra ones ignored)
    max_mentions: int | None = None
    links_clickable: bool = True
    link_card: bool = False  # the network draws a card for a link in a post without media
    link_card_with_media: bool = False  # ... and also when the post has media (Discord unfurls either way)
    threads: bool = False  # a post can be a chain of replies
    first_comment: bool = False
    options: tuple[str, ...] = ()  # the publishing options (studio.core.post.OPTIONS) its publisher honours
    media: MediaRules = field(default_factory=MediaRules)
    feed_crop: FeedCrop = field(default_factory=FeedCrop)
    safe_zone: tuple[float, float] | None = None  # share of height covered by the network's UI: top, bottom
    # Field names ("text_limit", "media.max_image_bytes", "feed_crop") whose values the reference marks
    # unverified, secondary or conflicting. Limits are still enforced (change the value when it is confirmed);
    # only an uncertain feed_crop is drawn by the preview without being reported as a problem.
    uncertain: tuple[str, ...] = ()

    @property
    def target_id(self) -> str:
        return f"{self.network}:{self.placement}"

    @property
    def short_id(self) -> str:
        """The target id as documented and shown: "x" for a network's "post" placement, else "instagram:feed"."""
        return self.network if self.placement == "post" else self.target_id


class Network:
    """One network: its placements' capabilities, how it counts text, and its validator."""

    id: str = ""
    name: str = ""
    placements: dict[str, Capabilities] = {}
    default_placement: str = "post"

    def capabilities(self, placement: str | None = None) -> Capabilities:
        return self.placements[placement or self.default_placement]

    def count(self, text: str, placement: str | None = None) -> int:
        """Length of `text` by this network's rule (what the counter shows against text_limit). The default
        counts code points; networks with their own rule (X, Bluesky, Mastodon, ...) override it."""
        return len(text)

    def count_with(self, text: str, caps: Capabilities) -> int:
        """Length of `text` under `caps`, which may carry a server's own limits (`capabilities_with`). Only a
        network whose counting rule reads its capabilities (Mastodon's URL weight) needs to override this."""
        return self.count(text, caps.placement)

    def capabilities_with(self, limits: dict | None, placement: str | None = None) -> Capabilities:
        """The placement's capabilities on one account's server, from that account's `Account.limits`. Networks
        with a single set of limits ignore them; Mastodon applies its /api/v2/instance values."""
        return self.capabilities(placement)

    def validate(self, post: Post, placement: str | None = None, *, media_info=None) -> list[Problem]:
        """Problems of `post` on this placement. The shared checks (studio.networks.validate.check_placement)
        read only the capabilities; a network overrides this only to add checks of its own.

        media_info(media) -> MediaFacts | None gives the size, bytes and duration of a media item."""
        from studio.networks.validate import check_placement  # validate imports this module

        return check_placement(self, self.capabilities(placement), post, media_info)
