"""Building posts and media facts for the validator tests."""

from __future__ import annotations

from studio.core.design import Design, ShapeLayer
from studio.core.post import Media, Post, Variant
from studio.networks.validate import MediaFacts, validate

MB = 1 << 20


def design(width: int = 1080, height: int = 1350, alt: str = "") -> Media:
    """A designed image (a design with something on it: an empty one is not posted)."""
    return Media(kind="design", design=Design(width=width, height=height, layers=[ShapeLayer()]), alt=alt)


def file(facts: MediaFacts, alt: str = "") -> Media:
    """A plain-file media item whose probed facts are `facts` (see `info`)."""
    media = Media(kind="file", asset=f"asset-{id(facts)}", alt=alt)
    FACTS[media.id] = facts
    return media


FACTS: dict[str, MediaFacts] = {}


def info(media: Media) -> MediaFacts | None:
    """media_info for the validator: the facts registered by `file`, a design's size."""
    if media.id in FACTS:
        return FACTS[media.id]
    if media.design is not None:
        return MediaFacts(media.design.width, media.design.height)
    return None


def image(width: int = 1080, height: int = 1350, size: int = 500_000, fmt: str = "jpeg", alt: str = "",
          animated: bool = False) -> Media:
    return file(MediaFacts(width, height, size, "image", format=fmt, animated=animated), alt)


def video(width: int = 1080, height: int = 1920, seconds: float = 30, size: int = 20 * MB, fmt: str = "mp4") -> Media:
    return file(MediaFacts(width, height, size, "video", seconds, fmt))


def post(text: str = "", *media: Media, title: str = "", link: str = "", targets: list[str] | None = None,
         variants: dict[str, Variant] | None = None) -> Post:
    return Post(text=text, title=title, link=link, media=list(media), targets=targets or [],
                variants=variants or {})


def problems(p: Post, target: str):
    return validate(p, target, media_info=info)


def codes(p: Post, target: str) -> list[str]:
    return [pr.code for pr in problems(p, target)]


def only(p: Post, target: str, code: str):
    """The one problem with this code (fails if there is none or several)."""
    found = [pr for pr in problems(p, target) if pr.code == code]
    assert len(found) == 1, (code, problems(p, target))
    return found[0]


def valid_media(target: str) -> tuple[list[Media], str]:
    """Media and title that make a post valid on `target` apart from its text."""
    if target in ("instagram:reel", "tiktok"):
        return [video()], ""
    if target == "youtube:short":
        return [video()], "A title"
    if target in ("instagram:feed", "pinterest", "instagram:story"):
        return [design(alt="A photo")], ""
    return [], ""
