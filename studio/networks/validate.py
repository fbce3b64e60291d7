"""The one validator: what a post breaks on one target, read only from that placement's Capabilities.

The editor, the CSV import and the publisher all call `validate(post, target_id)`; network modules only supply
data and their counter (`Network.count`), and their `validate` methods call `check_placement` here.
The validator is pure: media facts (size, bytes, duration) come from a `media_info(media)` callable that the
caller supplies (the CLI probes files); without one, designs give their size and files are not inspected.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from studio.core.post import Media, Post, Variant
from studio.core.problem import ERROR, WARNING, Problem
from studio.networks.base import Capabilities, Network
from studio.networks.text.common import hashtags, mentions, sanitize

CROP_TOLERANCE = 0.01  # a crop that loses less than 1 % is not worth a warning


@dataclass(frozen=True)
class MediaFacts:
    """What is known about one media item; None: unknown (the check is skipped)."""

    width: int | None = None
    height: int | None = None
    bytes: int | None = None
    kind: str = "image"  # "image" | "video"
    duration_s: float | None = None
    format: str | None = None  # lower-case: "jpeg", "png", "webp", "gif", "mp4", "mov", ...; None: unknown
    animated: bool = False  # an animated GIF
    problem: str = ""  # why the item could not be read: reported as an error


MediaInfo = Callable[[Media], "MediaFacts | None"]


@dataclass(frozen=True)
class Measure:
    """The counter of one target: `count` of `limit` (None: this placement shows no text)."""

    count: int
    limit: int | None
    bytes: int | None = None  # only where the network also limits UTF-8 bytes (Bluesky)
    bytes_limit: int | None = None


# --------------------------------------------------------------------------------------- text for a target

def variant_for(post: Post, target_id: str) -> Variant | None:
    """The variant a target uses: its own ("instagram:feed"; "x" or "x:post"), else its network's ("instagram")."""
    caps = _resolve(target_id)[1]
    if not post.variants:
        return None
    for key in (caps.short_id, caps.target_id, caps.network):
        if key in post.variants:
            return post.variants[key]
    return None


def effective_text(post: Post, target_id: str) -> str:
    """The text sent to a target. The rule (previews and publishers use it too):

    1. the variant is the target's own (post.variants["instagram:feed"]; for "x" either "x" or "x:post"), else
       the network-wide one (post.variants["instagram"] serves every Instagram placement), else none;
    2. the text is the variant's text when it sets one (Variant.text is not None, "" included), else the base text;
    3. the variant's hashtags, if any, follow after a blank line (trailing whitespace of the text is dropped).
    post.link is not added: where a link goes depends on the network and is the publisher's decision.
    """
    variant = variant_for(post, target_id)
    text = post.text if variant is None or variant.text is None else variant.text
    tags = variant.hashtags.strip() if variant is not None else ""
    if tags:
        text = f"{text.rstrip()}\n\n{tags}" if text.strip() else tags
    return text


def _clean(text: str) -> tuple[str, int]:
    """The text as it can be sent (surrogate pairs joined, lone surrogates replaced by U+FFFD) and how many lone
    surrogates there were."""
    clean = sanitize(text)
    return clean, (clean.count("\ufffd") - text.count("\ufffd")) if clean is not text else 0


def text_limit(caps: Capabilities, post: Post) -> int | None:
    if post.posted_media() and caps.caption_limit is not None:
        return caps.caption_limit
    return caps.text_limit


_COUNTS: OrderedDict[tuple[str, str, int | None, str], int] = OrderedDict()


def _count(network: Network, caps: Capabilities, text: str) -> int:
    """network.count, remembered for the last few texts: the editor asks for the counter and the validator
    for the same text on every keystroke, and exact counting (twitter-text) is the costly part."""
    key = (network.id, caps.placement, caps.url_length, text)
    if key in _COUNTS:
        _COUNTS.move_to_end(key)
        return _COUNTS[key]
    count = network.count_with(text, caps)
    _COUNTS[key] = count
    while len(_COUNTS) > 64:
        _COUNTS.popitem(last=False)
    return count


def measure(network: Network, caps: Capabilities, post: Post) -> Measure:
    """The counter for one placement: what the editor shows and what `studio check` prints."""
    raw = effective_text(post, caps.target_id)
    with_media = caps.caption_limit is not None and bool(post.posted_media())
    last = _MEASURED.get(id(caps))  # the editor's counter and the validator ask for the same, keystroke by keystroke
    if last is not None and last[0] is caps and last[1] is network and last[2] == raw and last[3] == with_media:
        return last[4]
    text, _ = _clean(raw)
    count = _count(network, caps, text) if caps.text_limit is not None else len(text)
    if caps.text_bytes_limit is None:
        m = Measure(count, text_limit(caps, post))
    else:
        m = Measure(count, text_limit(caps, post), len(text.encode("utf-8")), caps.text_bytes_limit)
    if len(_MEASURED) > 256:
        _MEASURED.clear()
    _MEASURED[id(caps)] = (caps, network, raw, with_media, m)  # (holding caps: its id is not reused meanwhile)
    return m


_MEASURED: dict[int, tuple] = {}  # id(capabilities) -> (capabilities, network, text, with media, its Measure)


# --------------------------------------------------------------------------------------- entry points

def validate(post: Post, target_id: str, *, media_info: MediaInfo | None = None,
             limits: dict | None = None) -> list[Problem]:
    """Problems of `post` on `target_id` ("x", "instagram:feed", ...). Raises ValueError for an unknown target.

    `limits` are the account's server limits (Account.limits, e.g. a Mastodon server's /api/v2/instance values):
    when given, the shared checks run against `Network.capabilities_with(limits)`."""
    network, caps = _resolve(target_id)
    adjusted = network.capabilities_with(limits, caps.placement) if limits else caps
    if adjusted is not caps:  # a network's own extra checks (YouTube's) run only with its plain capabilities
        return check_placement(network, adjusted, post, media_info)
    return network.validate(post, caps.placement, media_info=media_info)


def _resolve(target_id: str) -> tuple[Network, Capabilities]:
    global _registry_resolve
    if _registry_resolve is None:
        from studio.networks.registry import resolve  # the registry imports the network modules, which import us

        _registry_resolve = resolve
    return _registry_resolve(target_id)


_registry_resolve = None


def check_placement(network: Network, caps: Capabilities, post: Post,
                    media_info: MediaInfo | None = None) -> list[Problem]:
    """The shared checks of one placement, from its Capabilities only."""
    posted = post.posted_media()
    facts = [_facts(m, media_info) for m in posted]
    out = _Out(caps.short_id)
    _check_text(out, network, caps, post)
    _check_title_and_link(out, caps, post)
    _check_media_counts(out, caps, post, facts)
    for i, (media, fact) in enumerate(zip(posted, facts, strict=True)):
        _check_item(out, caps, media, fact, i, len(facts))
    return out.problems


class _Out:
    def __init__(self, target: str) -> None:
        self.target = target
        self.problems: list[Problem] = []

    def add(self, severity: str, code: str, message: str, index: int | None = None) -> None:
        self.problems.append(Problem(severity, code, message, self.target, index))


# --------------------------------------------------------------------------------------- text

def _check_text(out: _Out, network: Network, caps: Capabilities, post: Post) -> None:
    text, bad = _clean(effective_text(post, caps.target_id))
    name = caps.name
    if caps.text_limit is None:
        if text.strip():
            out.add(WARNING, "text.not_shown", f"{name} shows no text: the post's text is not posted there. "
                    f"Put it in the image, or write an empty variant for {name}.")
        return
    if bad:
        out.add(ERROR, "text.invalid_character", f"{name}: the text contains {_n(bad, 'broken character')} "
                "(an unpaired surrogate, often left by a faulty copy and paste) that cannot be sent. Retype that part.")
    if not text.strip() and not post.posted_media() and not caps.media.media_required:
        out.add(ERROR, "text.empty", f"{name}: the post is empty. Write some text or add an image.")
        return
    m = measure(network, caps, post)
    limit = m.limit
    if limit is not None and m.count > limit:
        what = "caption" if limit == caps.caption_limit and post.posted_media() else "text"
        extra = (f" With media {name} allows {caps.caption_limit:,} characters ({caps.text_limit:,} without)."
                 if what == "caption" else "")
        out.add(ERROR, "text.too_long", f"{name}: the {what} is {_n(m.count - limit, 'character')} too long "
                f"({m.count:,} of {limit:,}).{extra} Shorten it or write a variant for {name}.")
    if m.bytes is not None and m.bytes_limit is not None and m.bytes > m.bytes_limit:
        out.add(ERROR, "text.too_many_bytes", f"{name}: the text takes {m.bytes:,} bytes, {m.bytes - m.bytes_limit:,} "
                f"more than the {m.bytes_limit:,} allowed (emoji and non-Latin letters take 2 to 4 bytes each). "
                f"Shorten it or write a variant for {name}.")
    _check_tags(out, caps, text)


def _check_tags(out: _Out, caps: Capabilities, text: str) -> None:
    name = caps.name
    if caps.max_hashtags is not None:
        n = len(hashtags(text))
        if n > caps.max_hashtags:
            if caps.hashtags_over == "warning":
                out.add(WARNING, "hashtags.too_many", f"{name} uses at most {_n(caps.max_hashtags, 'hashtag')}; "
                        f"this text has {n}, so some or all of them are ignored. Keep the {caps.max_hashtags} "
                        "that matter.")
            else:
                out.add(ERROR, "hashtags.too_many", f"{name} allows at most {_n(caps.max_hashtags, 'hashtag')}; "
                        f"this text has {n}. Remove {n - caps.max_hashtags}.")
    if caps.max_mentions is not None:
        n = len(mentions(text))
        if n > caps.max_mentions:
            out.add(ERROR, "mentions.too_many", f"{name} allows at most {_n(caps.max_mentions, 'mention')}; "
                    f"this text has {n}. Remove {n - caps.max_mentions}.")


def _check_title_and_link(out: _Out, caps: Capabilities, post: Post) -> None:
    name = caps.name
    title, _ = _clean(post.title)
    if caps.title_required and not title.strip():
        out.add(ERROR, "title.empty", f"{name} needs a title. Add one in the post's title field.")
    if caps.title_limit is not None and len(title) > caps.title_limit:
        out.add(ERROR, "title.too_long", f"{name}: the title is {_n(len(title) - caps.title_limit, 'character')} "
                f"too long ({len(title):,} of {caps.title_limit:,}). Shorten it.")
    if not post.link.strip():
        return
    if caps.link_limit is not None and len(post.link) > caps.link_limit:
        out.add(ERROR, "link.too_long", f"{name}: the link is {len(post.link):,} characters long; {name} takes "
                f"at most {caps.link_limit:,}. Use a shorter address.")
    if not caps.links_clickable:
        out.add(WARNING, "link.not_clickable", f"{name} does not make links in the text clickable. "
                "Point people to the link in your profile instead.")
    elif caps.link_card and post.posted_media() and not caps.link_card_with_media:
        out.add(WARNING, "link.no_card", f"{name} shows a link preview only on posts without media; "
                "with media attached the link shows as plain text. Remove the media to get the preview.")


# --------------------------------------------------------------------------------------- media

def _facts(media: Media, media_info: MediaInfo | None) -> MediaFacts | None:
    if media_info is not None:
        return media_info(media)
    if media.kind == "design" and media.design is not None:
        return MediaFacts(width=media.design.width, height=media.design.height)
    return None


def _is_video(fact: MediaFacts | None) -> bool:
    return fact is not None and fact.kind == "video"


def _check_media_counts(out: _Out, caps: Capabilities, post: Post, facts: list[MediaFacts | None]) -> None:
    rules, name = caps.media, caps.name
    videos = sum(1 for f in facts if _is_video(f))
    images = len(facts) - videos
    if not facts:
        if rules.media_required:
            wanted = "a video" if rules.max_images == 0 else "an image" if rules.max_videos == 0 else \
                "an image or a video"
            out.add(ERROR, "media.required", f"{name} needs {wanted}. Add one to the post.")
        return
    if images and rules.max_images == 0:
        out.add(ERROR, "media.not_allowed", f"{name} takes no images; this post has {_n(images, 'image')}. "
                "Use a video instead.")
    elif images > rules.max_images:
        out.add(ERROR, "media.too_many", f"{name} takes at most {_n(rules.max_images, 'image')}; this post has "
                f"{images}. Remove {images - rules.max_images}.")
    if videos and rules.max_videos == 0:
        out.add(ERROR, "media.not_allowed", f"{name} takes no videos; this post has {_n(videos, 'video')}. "
                "Use images instead.")
    elif videos > rules.max_videos:
        out.add(ERROR, "media.too_many", f"{name} takes at most {_n(rules.max_videos, 'video')}; this post has "
                f"{videos}. Remove {videos - rules.max_videos}.")
    if rules.max_items is not None and len(facts) > rules.max_items:
        out.add(ERROR, "media.too_many", f"{name} takes at most {_n(rules.max_items, 'media item')}; this post "
                f"has {len(facts)}. Remove {len(facts) - rules.max_items}.")
    if images and videos and not rules.mix_images_and_video and rules.max_images and rules.max_videos:
        out.add(ERROR, "media.mix", f"{name} cannot mix images and videos in one post. Keep only the images "
                "or only the video.")
    if rules.gif_alone and len(facts) > 1 and any(f is not None and f.animated for f in facts):
        out.add(ERROR, "media.mix", f"{name} posts an animated GIF only on its own. Remove the other media "
                "or post the GIF separately.")


def _check_item(out: _Out, caps: Capabilities, media: Media, fact: MediaFacts | None, i: int, n: int) -> None:
    rules, name = caps.media, caps.name
    video = _is_video(fact)
    label = _label(i, n, "video" if video else "image")
    alt, _ = _clean(media.alt)
    if rules.alt_text != "none":
        if rules.alt_text_max is not None and len(alt) > rules.alt_text_max:
            out.add(ERROR, "alt.too_long", f"{name}: the alt text of {label} is {len(alt):,} characters; {name} "
                    f"allows {rules.alt_text_max:,}. Shorten it.", i)
        if rules.alt_text == "expected" and not alt.strip() and not video:
            out.add(WARNING, "alt.missing", f"{name}: {label} has no alt text. {name} expects a description "
                    "for people who cannot see it; add one.", i)
    if fact is None:
        return
    if fact.problem:
        out.add(ERROR, "media.unreadable", f"{name}: {label} cannot be used: {fact.problem}", i)
        return
    formats = rules.video_formats if video else rules.image_formats
    fmt = "heif" if fact.format == "heic" else fact.format
    if fmt and formats and fmt not in {"heif" if f == "heic" else f for f in formats}:
        out.add(ERROR, "media.format", f"{name} takes {_list(formats)} {'videos' if video else 'images'}; "
                f"{label} is {fact.format.upper()}. Convert it to {formats[0].upper()}.", i)
    limit = rules.max_video_bytes if video else rules.max_image_bytes
    if fact.animated and rules.max_gif_bytes is not None:
        limit = rules.max_gif_bytes
    if fact.bytes is not None and limit is not None and fact.bytes > limit:
        size, most = _sizes(fact.bytes, limit)
        out.add(ERROR, "media.too_large", f"{name}: {label} is {size}; {name} takes at most {most}. "
                "Export it smaller.", i)
    if video:
        _check_video(out, caps, fact, label, i)
    else:
        _check_image(out, caps, fact, label, i)


def _check_video(out: _Out, caps: Capabilities, fact: MediaFacts, label: str, i: int) -> None:
    rules, name, d = caps.media, caps.name, fact.duration_s
    if d is not None and rules.max_duration_s is not None and d > rules.max_duration_s:
        out.add(ERROR, "video.too_long", f"{name}: {label} is {_time(d)} long; {name} takes at most "
                f"{_time(rules.max_duration_s)}. Trim it.", i)
    if d is not None and rules.min_duration_s is not None and d < rules.min_duration_s:
        out.add(ERROR, "video.too_short", f"{name}: {label} is {_time(d)} long; {name} needs at least "
                f"{_time(rules.min_duration_s)}. Use a longer clip.", i)
    if fact.width and fact.height:
        aspect = fact.width / fact.height
        lo, hi = rules.video_min_aspect, rules.video_max_aspect
        if (lo is not None and aspect < lo * (1 - CROP_TOLERANCE)) or \
                (hi is not None and aspect > hi * (1 + CROP_TOLERANCE)):
            out.add(ERROR, "media.aspect_rejected", f"{name} does not take {_this(label, aspect)}: videos must "
                    f"be {_range(lo, hi)}. Reframe it.", i)


def _check_image(out: _Out, caps: Capabilities, fact: MediaFacts, label: str, i: int) -> None:
    rules, name = caps.media, caps.name
    if not (fact.width and fact.height):
        return
    if rules.max_image_pixels is not None and fact.width * fact.height > rules.max_image_pixels:
        out.add(ERROR, "media.too_large", f"{name}: {label} has {fact.width * fact.height / 1e6:.1f} megapixels; "
                f"{name} takes at most {rules.max_image_pixels / 1e6:.1f}. Export it smaller.", i)
    aspect = fact.width / fact.height
    target = _clamp(aspect, rules.min_aspect, rules.max_aspect)
    if target is not None and _lost(aspect, target) >= CROP_TOLERANCE:
        if rules.aspect_outside == "reject":
            out.add(ERROR, "media.aspect_rejected", f"{name} does not take {_this(label, aspect)}: images must "
                    f"be {_range(rules.min_aspect, rules.max_aspect)}. Crop it or choose another format.", i)
        else:
            out.add(WARNING, "media.aspect_cropped", f"{name} crops {_this(label, aspect)} to {ratio(target)}; "
                    f"{_lost_text(aspect, target)}. Use a format {_range(rules.min_aspect, rules.max_aspect)} "
                    "to keep all of it.", i)
        return
    crop = caps.feed_crop
    if "feed_crop" in caps.uncertain:
        return
    shown = crop.fixed_aspect if crop.fixed_aspect is not None else _clamp(aspect, crop.min_aspect, crop.max_aspect)
    if shown is not None and _lost(aspect, shown) >= CROP_TOLERANCE:
        out.add(WARNING, "media.feed_cropped", f"{name} shows {_this(label, aspect)} as {ratio(shown)} in the feed "
                f"until it is opened; {_lost_text(aspect, shown)}. Keep what matters in the middle.", i)


# --------------------------------------------------------------------------------------- wording

def _clamp(aspect: float, lo: float | None, hi: float | None) -> float | None:
    """The aspect the network makes of `aspect`, or None if it stays as it is."""
    if lo is not None and aspect < lo:
        return lo
    if hi is not None and aspect > hi:
        return hi
    return None


def _lost(aspect: float, target: float) -> float:
    """Share of the width (too wide) or height (too tall) cut off when cropping `aspect` to `target`."""
    return 1 - target / aspect if aspect > target else 1 - aspect / target


def _lost_text(aspect: float, target: float) -> str:
    side = "width" if aspect > target else "height"
    return f"{round(_lost(aspect, target) * 100)} % of the {side} is lost"


COMMON_RATIOS = ((1, 1), (4, 5), (5, 4), (2, 3), (3, 2), (3, 4), (4, 3), (9, 16), (16, 9), (1, 2), (2, 1),
                 (1, 3), (3, 1), (21, 9), (9, 21), (10, 1), (1, 10))


def _range(lo: float | None, hi: float | None) -> str:
    if lo is not None and hi is not None:
        return f"between {ratio(lo)} and {ratio(hi)}"
    return f"no wider than {ratio(hi)}" if hi is not None else f"no taller than {ratio(lo or 0)}"


def ratio(aspect: float) -> str:
    """3.0 -> "3:1", 0.8 -> "4:5", 1.91 -> "1.91:1", 1080/1920 -> "9:16", 1/2.4 -> "1:2.4"."""
    if not aspect > 0 or math.isinf(aspect):
        return "any"
    for w, h in COMMON_RATIOS:
        if abs(aspect / (w / h) - 1) < 0.005:
            return f"{w}:{h}"
    if aspect >= 1:
        return f"{aspect:.2f}".rstrip("0").rstrip(".") + ":1"
    return "1:" + f"{1 / aspect:.2f}".rstrip("0").rstrip(".")


def _this(label: str, aspect: float) -> str:
    return f"this {ratio(aspect)} {label[5:]}" if label.startswith("this ") else f"{label} ({ratio(aspect)})"


def _label(i: int, n: int, noun: str) -> str:
    return f"this {noun}" if n == 1 else f"{noun} {i + 1}"


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _list(items: tuple[str, ...]) -> str:
    names = [s.upper() for s in items]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _sizes(size: int, limit: int) -> tuple[str, str]:
    """Both in the limit's unit: binary when the limit is a round number of MiB ("5 MB" = 5,242,880 bytes)."""
    base = 1024 if limit % (1 << 20) == 0 else 1000
    unit, scale = ("GB", base**3) if limit >= base**3 else ("MB", base**2) if limit >= base**2 else ("KB", base)

    def fmt(n: int) -> str:
        return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"

    small, big = fmt(size), fmt(limit)
    return (f"{size:,} bytes", f"{limit:,} bytes") if small == big else (small, big)


def _time(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:g} seconds"
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d} minutes"
