"""Mastodon: 500 characters by default, every URL counts 23, a remote mention only its username.

These are mastodon.social's defaults; a server reports its own in /api/v2/instance. Once an account exists its
`Account.limits` holds them (see `limits_from_instance` for the shape) and `capabilities_for` applies them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from studio.networks.base import Capabilities, FeedCrop, MediaRules, Network
from studio.networks.text import mastodon as counter

MB = 1 << 20

POST = Capabilities(
    options=("visibility", "spoiler_text", "sensitive", "language"),
    network="mastodon", placement="post", name="Mastodon", text_limit=500, counting="mastodon", url_length=23,
    link_card=True,
    media=MediaRules(
        max_images=4, max_videos=1, image_formats=("jpeg", "png", "gif", "heic", "heif", "webp", "avif"),
        max_image_bytes=16 * MB, max_image_pixels=33_177_600,
        video_formats=("mp4", "m4v", "mov", "webm"), max_video_bytes=103_809_024,
        alt_text="expected", alt_text_max=1500,
    ),
    # The docs say previews are 16:9 unless a focal point is set; recent web versions show a single image
    # uncropped, so the preview may draw it but the validator does not warn.
    feed_crop=FeedCrop(fixed_aspect=16 / 9, focal=True),  # the thumbnail is cut around the focal point
    # whether a "character" is a code point or a grapheme is not documented
    uncertain=("counting", "feed_crop"),
)


class Mastodon(Network):
    id = "mastodon"
    name = "Mastodon"
    placements = {"post": POST}

    def count(self, text: str, placement: str | None = None) -> int:
        return counter.count(text, url_length=self.capabilities(placement).url_length or 23)

    def count_with(self, text: str, caps: Capabilities) -> int:
        return counter.count(text, url_length=caps.url_length or 23)

    def capabilities_with(self, limits: dict | None, placement: str | None = None) -> Capabilities:
        caps = self.capabilities(placement)
        return capabilities_for(limits, caps) if limits else caps


# --------------------------------------------------------------------------------------- a server's own limits

# The limits dict (Account.limits of a Mastodon account) uses the Instance entity's own names, flat:
LIMIT_KEYS = ("max_characters", "characters_reserved_per_url", "max_media_attachments",  # configuration.statuses
              "supported_mime_types", "image_size_limit", "image_matrix_limit", "video_size_limit",
              "description_limit")  # configuration.media_attachments

# MIME types as the validator names formats (MediaFacts.format); an unknown type keeps its subtype ("x-" dropped)
_FORMATS = {"image/jpeg": "jpeg", "image/png": "png", "image/gif": "gif", "image/heic": "heic",
            "image/heif": "heif", "image/webp": "webp", "image/avif": "avif", "video/mp4": "mp4",
            "video/x-m4v": "m4v", "video/quicktime": "mov", "video/webm": "webm", "video/ogg": "ogg"}


def limits_from_instance(instance: Any) -> dict:
    """The limits dict from a GET /api/v2/instance answer: only the LIMIT_KEYS the server reports with a usable
    value (a positive whole number; a list of strings for supported_mime_types). description_limit is reported
    since Mastodon 4.4; older servers keep the 1500 default. An empty dict means "the defaults"."""
    config = instance.get("configuration") if isinstance(instance, dict) else None
    if not isinstance(config, dict):
        return {}
    found: dict = {}
    for section in ("statuses", "media_attachments"):
        values = config.get(section)
        if isinstance(values, dict):
            found.update({k: v for k, v in values.items() if k in LIMIT_KEYS})
    return {k: v for k, v in found.items() if _usable(k, v)}


def _usable(key: str, value: Any) -> bool:
    if key == "supported_mime_types":
        return isinstance(value, list) and all(isinstance(t, str) for t in value)
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def capabilities_for(limits: dict | None, caps: Capabilities = POST) -> Capabilities:
    """`caps` with a server's limits applied (the shape of `limits_from_instance`; missing or unusable values keep
    the defaults). Media formats follow supported_mime_types when the server lists any of its kind."""
    limits = {k: v for k, v in (limits or {}).items() if k in LIMIT_KEYS and _usable(k, v)}
    if not limits:
        return caps
    m = caps.media
    media = dataclasses.replace(
        m, max_images=limits.get("max_media_attachments", m.max_images),
        max_image_bytes=limits.get("image_size_limit", m.max_image_bytes),
        max_image_pixels=limits.get("image_matrix_limit", m.max_image_pixels),
        max_video_bytes=limits.get("video_size_limit", m.max_video_bytes),
        alt_text_max=limits.get("description_limit", m.alt_text_max),
        image_formats=_formats(limits.get("supported_mime_types"), "image/", m.image_formats),
        video_formats=_formats(limits.get("supported_mime_types"), "video/", m.video_formats),
    )
    return dataclasses.replace(caps, text_limit=limits.get("max_characters", caps.text_limit),
                               url_length=limits.get("characters_reserved_per_url", caps.url_length), media=media)


def _formats(types: list[str] | None, kind: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """The formats of one kind the server takes, in the default's order first (its first is what the validator
    suggests converting to); m4v goes with mp4, which it is."""
    names = [_FORMATS.get(t.lower(), t.lower()[len(kind):].removeprefix("x-")) for t in types or ()
             if t.lower().startswith(kind)]
    if not names:
        return default
    if "mp4" in names and "m4v" not in names:
        names.append("m4v")
    ordered = [f for f in default if f in names] + sorted(set(names) - set(default))
    return tuple(ordered)
