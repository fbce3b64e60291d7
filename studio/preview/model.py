"""What a preview is drawn from: the account, the link card and the post as one target sends it."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QImage

LINK_CARD_STATES = ("ok", "loading", "failed", "offline")


@dataclass
class Account:
    name: str = "Your Name"
    handle: str = "yourhandle"
    avatar: QImage | None = None  # None: initials on a colour


@dataclass
class LinkCard:
    """A link's preview card, fetched elsewhere. Any state but "ok" draws a clear placeholder."""

    url: str
    title: str = ""
    description: str = ""
    image: QImage | None = None
    state: str = "ok"  # "ok" | "loading" | "failed" | "offline"


@dataclass
class PreviewInput:
    target: str  # "x", "instagram:feed", ... (any id networks.registry.resolve accepts)
    text: str  # the effective text for this target (the caller uses networks.validate.effective_text)
    media: list[QImage]  # rendered media (designs at their full size; the painter crops and scales)
    thread: list[str] | tuple[str, ...] = ()  # further parts of a thread: replies where the network has threads
    link_card: LinkCard | None = None
    account: Account = field(default_factory=Account)
    theme: str = "light"  # "light" | "dark"
    expanded: bool = False  # text past the fold shown in full
    count: int | None = None  # the counter drawn small under the preview ("212 / 280"), red when over
    limit: int | None = None
    title: str = ""  # Post.title: a pin's title, a Short's title (YouTube shows the text's first line without it)
    focus: list[tuple[float, float]] | tuple = ()  # per media: its focal point (0..1 from left, top); none: centre

    def focus_of(self, i: int) -> tuple[float, float] | None:
        return tuple(self.focus[i]) if i < len(self.focus) else None  # type: ignore[return-value]

    def key(self) -> tuple:
        """Everything the preview is drawn from, images by their cache keys: equal keys, equal previews."""
        card = self.link_card
        return (self.target, self.text, tuple(m.cacheKey() for m in self.media), tuple(self.thread),
                None if card is None else (card.url, card.title, card.description, _image_key(card.image), card.state),
                (self.account.name, self.account.handle, _image_key(self.account.avatar)), self.theme, self.expanded,
                self.count, self.limit, self.title, tuple(tuple(f) for f in self.focus))


def _image_key(image: QImage | None) -> int | None:
    return None if image is None else image.cacheKey()
