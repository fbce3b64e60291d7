"""YouTube Shorts (Data API v3): a vertical or square video of at most 3 minutes, with a title."""

from __future__ import annotations

from studio.core.post import Post
from studio.core.problem import ERROR, Problem
from studio.networks.base import Capabilities, FeedCrop, MediaRules, Network
from studio.networks.validate import MediaInfo, check_placement, effective_text

# YouTube has no "Short" flag: a video is a Short when it is at most 3 minutes and not landscape. The post's
# text is the description, Post.title the title; with more than 15 hashtags YouTube ignores all of them.
# The API documents the description as at most 5000 bytes, the title as 100 characters, neither with < or >.
SHORT = Capabilities(
    network="youtube", placement="short", name="YouTube Short", text_limit=5000, counting="characters",
    text_bytes_limit=5000,
    title_limit=100, title_required=True, max_hashtags=15, hashtags_over="warning",
    media=MediaRules(
        max_images=0, max_videos=1, media_required=True, recommended_size=(1080, 1920), video_formats=(),
        max_video_bytes=256 * (1 << 30), max_duration_s=180, video_max_aspect=1.0, alt_text="none",
    ),
    feed_crop=FeedCrop(fixed_aspect=9 / 16), safe_zone=(0.14, 0.20),
    uncertain=("text_limit", "text_bytes_limit", "counting", "title_limit", "max_hashtags", "feed_crop", "safe_zone",
               "media.max_duration_s", "media.video_max_aspect"),
)


class YouTube(Network):
    id = "youtube"
    name = "YouTube"
    placements = {"short": SHORT}
    default_placement = "short"

    def validate(self, post: Post, placement: str | None = None, *, media_info: MediaInfo | None = None
                 ) -> list[Problem]:
        caps = self.capabilities(placement)
        problems = check_placement(self, caps, post, media_info)
        for field, text in (("title", post.title), ("description", effective_text(post, "youtube:short"))):
            if "<" in text or ">" in text:
                problems.append(Problem(ERROR, "text.invalid_character", f"{caps.name}: the {field} contains < or >, "
                                        "which YouTube does not accept. Remove them.", "youtube:short"))
        return problems
