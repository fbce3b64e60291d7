"""A Post: the caption, per-target variants, media (designs or plain files) and its targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.core.design import Design, from_data, new_id, to_data


@dataclass(kw_only=True)
class Variant:
    """What one target sends instead of the base text. None means: follow the base text."""

    text: str | None = None
    hashtags: str = ""
    first_comment: str = ""
    thread: list[str] = field(default_factory=list)
    options: dict = field(default_factory=dict)  # how this target publishes: see OPTIONS


# Per-target publishing options (Variant.options): name -> (type, allowed values or None). Networks read the ones
# they know (Mastodon: visibility, spoiler_text, sensitive, language; Bluesky: language; Telegram and Discord:
# silent, link_preview); an option a network does not know is ignored there.
OPTIONS: dict[str, tuple[type, tuple[str, ...] | None]] = {
    "visibility": (str, ("public", "unlisted", "private", "direct")),
    "spoiler_text": (str, None),  # a content warning: the post is folded behind it
    "sensitive": (bool, None),  # media marked sensitive (blurred until clicked)
    "language": (str, None),  # ISO 639-1 code, such as "de"
    "silent": (bool, None),  # no notification sound
    "link_preview": (bool, None),  # False: no preview of the post's link
}


def check_options(options: object, where: str) -> dict:
    """Variant.options from a file: known names with values of the right type (ValueError names the field)."""
    if not isinstance(options, dict):
        raise ValueError(f"{where}: expected an object")
    for name, value in options.items():
        if name not in OPTIONS:
            continue  # an option of a newer version: kept, and ignored
        kind, allowed = OPTIONS[name]
        if not isinstance(value, kind) or (kind is str and allowed is not None and value not in allowed):
            choices = f"one of {', '.join(allowed)}" if allowed else ("true/false" if kind is bool else "text")
            raise ValueError(f"{where}.{name}: expected {choices}, got {value!r}")
    return dict(options)


@dataclass(kw_only=True)
class Media:
    id: str = field(default_factory=new_id)
    kind: str = "design"  # design | file
    design: Design | None = None
    asset: str = ""  # for kind == "file": content hash of the file in the document's assets
    alt: str = ""
    focus_x: float = 0.5  # the focal point (0..1 from the left, 0..1 from the top): kept in view when a network
    focus_y: float = 0.5  # crops the thumbnail (Mastodon); 0.5, 0.5 is the centre

    @property
    def has_focus(self) -> bool:
        return (self.focus_x, self.focus_y) != (0.5, 0.5)


@dataclass(kw_only=True)
class Post:
    title: str = ""
    text: str = ""
    link: str = ""
    targets: list[str] = field(default_factory=list)
    variants: dict[str, Variant] = field(default_factory=dict)
    media: list[Media] = field(default_factory=list)

    def posted_media(self) -> list[Media]:
        """The items that go out, in order: every file, and every design with something visible on it. An empty
        design (a blank canvas: what a text-only post has in the editor) is not posted."""
        return [m for m in self.media if m.kind == "file" or (m.design is not None and m.design.has_content)]

    def designs(self) -> list[Design]:
        return [m.design for m in self.media if m.kind == "design" and m.design is not None]

    def assets(self) -> set[str]:
        used: set[str] = set()
        for m in self.media:
            if m.design is not None:
                used |= m.design.assets()
            if m.asset:
                used.add(m.asset)
        return used


def post_to_data(post: Post) -> dict:
    return to_data(post)


def post_from_data(data: dict) -> Post:
    if not isinstance(data, dict):
        raise ValueError("post: expected an object")
    base = from_data(Post, {k: v for k, v in data.items() if k not in ("media", "variants", "targets")}, "post")
    targets = data.get("targets", [])
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise ValueError("post.targets: expected a list of target ids")
    base.targets = list(targets)
    variants = data.get("variants", {})
    if not isinstance(variants, dict):
        raise ValueError("post.variants: expected an object")
    for key, v in variants.items():
        var = from_data(Variant, {k: x for k, x in v.items() if k not in ("text", "options")}
                        if isinstance(v, dict) else v, f"post.variants.{key}")
        var.options = check_options(v.get("options", {}), f"post.variants.{key}.options")
        text = v.get("text")
        if text is not None and not isinstance(text, str):
            raise ValueError(f"post.variants.{key}.text: expected text or null")
        var.text = text
        base.variants[key] = var
    media = data.get("media", [])
    if not isinstance(media, list):
        raise ValueError("post.media: expected a list")
    for i, m in enumerate(media):
        where = f"post.media[{i}]"
        if not isinstance(m, dict):
            raise ValueError(f"{where}: expected an object")
        item = from_data(Media, {k: v for k, v in m.items() if k != "design"}, where)
        if m.get("design") is not None:
            item.design = from_data(Design, m["design"], f"{where}.design")
        if item.kind not in ("design", "file"):
            raise ValueError(f"{where}.kind: unknown media kind {item.kind!r}")
        if item.kind == "design" and item.design is None:
            raise ValueError(f"{where}: a design media item has no design")
        base.media.append(item)
    return base
