"""Per-network look as data: colours (light and dark), what the text highlights, the fold label, the avatar shape
and the action row. Neutral look-alikes: no logos, no brand marks, only the layout and colours a reader expects.

Layout modules read only this and the network's Capabilities, so a new network is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.networks.base import Capabilities


@dataclass(frozen=True)
class Palette:
    bg: str  # the post's background
    text: str
    secondary: str  # handle, time, counters, the fold label
    link: str  # highlighted entities
    divider: str
    card: str  # link card / embed / placeholder fill
    accent: str = "#1d9bf0"  # buttons, active carousel dot
    page: str = ""  # around the post (chat wallpaper, the feed's grey); "" = bg


@dataclass(frozen=True)
class Style:
    key: str  # "x", "instagram:feed", ... (the target's short id)
    family: str  # "feed" | "instagram" | "fullscreen" | "pin" | "chat"
    light: Palette
    dark: Palette
    highlight: frozenset[str] = frozenset({"link", "mention", "tag"})  # entity kinds drawn highlighted
    highlight_bold: bool = False  # highlighted entities bold instead of (or as well as) coloured
    fold_label: str = "… more"  # appended to the folded text
    fold_newline: bool = False  # the label sits on its own line (X: "Show more")
    fold_bold: bool = False
    fold_link: bool = False  # the label in the link colour rather than the secondary one
    avatar: str = "round"  # "round" | "rounded" (rounded square)
    avatar_size: int = 40
    text_size: float = 15.0
    name_size: float = 15.0
    handle_at: bool = True  # the handle shown as "@handle"
    handle_suffix: str = ""  # e.g. Mastodon's "@server" or Bluesky's ".bsky.social"
    meta: str = "now"  # time shown next to the handle
    header: str = "inline"  # "inline": name handle · now on one line; "stacked": name over "handle · now"
    actions: tuple[str, ...] = ("reply", "repost", "like", "share")
    action_labels: tuple[str, ...] = ()  # words under/next to glyphs (Facebook, LinkedIn)
    media_radius: float = 12.0
    media_border: bool = True
    text_indent: bool = True  # text aligned with the name (right of the avatar) rather than under it
    thread_line: bool = True  # replies joined by a line between avatars
    card: str = "large"  # link card: "large" (image over title), "overlay" (X), "telegram", "discord"
    font: str = "Inter"
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def palette(self, theme: str) -> Palette:
        return self.dark if theme == "dark" else self.light


_FEED_DIVIDER_L, _FEED_DIVIDER_D = "#e6e8eb", "#2f3336"

STYLES: dict[str, Style] = {s.key: s for s in (
    Style("x", "feed",
          Palette("#ffffff", "#0f1419", "#536471", "#1d9bf0", "#eff3f4", "#f7f9f9", "#1d9bf0"),
          Palette("#000000", "#e7e9ea", "#71767b", "#1d9bf0", _FEED_DIVIDER_D, "#16181c", "#1d9bf0"),
          fold_label="Show more", fold_newline=True, fold_link=True,
          actions=("reply", "repost", "like", "views", "share"), media_radius=16, card="overlay",
          extra={"shorten_links": 26}),
    Style("mastodon", "feed",
          Palette("#ffffff", "#000000", "#606984", "#563acc", "#dfe2ec", "#f2f3f7", "#6364ff"),
          Palette("#191b22", "#ffffff", "#9baec8", "#8c8dff", "#393f4f", "#282c37", "#6364ff"),
          avatar="rounded", avatar_size=46, handle_suffix="@example.social", header="stacked", meta="1m",
          actions=("reply", "repost", "like", "bookmark", "more"), media_radius=8, thread_line=False,
          text_indent=False, extra={"meta_right": True, "shorten_links": 30}),
    Style("bluesky", "feed",
          Palette("#ffffff", "#0b0f14", "#6f869f", "#1083fe", "#e4e9ee", "#f1f3f5", "#1083fe"),
          Palette("#161e27", "#f1f3f5", "#8c9fb5", "#208bfe", "#2e4052", "#1e2936", "#208bfe"),
          handle_suffix=".bsky.social", meta="now", actions=("reply", "repost", "like", "more"), media_radius=12,
          extra={"shorten_links": 28}),
    Style("threads", "feed",
          Palette("#ffffff", "#000000", "#999999", "#0095f6", "#e5e5e5", "#f5f5f5", "#000000"),
          Palette("#101010", "#f3f5f7", "#777777", "#59a5f5", "#2a2a2a", "#1e1e1e", "#f3f5f7"),
          handle_at=False, meta="now", name_size=15, avatar_size=36, actions=("like", "reply", "repost", "share"),
          media_radius=8, media_border=False, extra={"name_is_handle": True}),
    Style("facebook", "feed",
          Palette("#ffffff", "#050505", "#65676b", "#385898", "#ced0d4", "#f0f2f5", "#0866ff", page="#f0f2f5"),
          Palette("#242526", "#e4e6eb", "#b0b3b8", "#4599ff", "#3e4042", "#3a3b3c", "#0866ff", page="#18191a"),
          fold_label="... See more", fold_bold=True, header="stacked", handle_at=False, meta="Just now ·",
          actions=("thumb", "reply", "share"), action_labels=("Like", "Comment", "Share"), media_radius=0,
          media_border=False, text_indent=False, thread_line=False, extra={"globe": True, "bleed": True}),
    Style("linkedin", "feed",
          Palette("#ffffff", "#191919", "#666666", "#0a66c2", "#e8e8e8", "#eef3f8", "#0a66c2", page="#f4f2ee"),
          Palette("#1b1f23", "#e9e9e9", "#a8a8a8", "#71b7fb", "#38434f", "#293138", "#71b7fb", page="#000000"),
          fold_label=" …more", header="stacked", handle_at=False, meta="now ·", avatar_size=48,
          actions=("thumb", "reply", "repost", "send"), action_labels=("Like", "Comment", "Repost", "Send"),
          media_radius=0, media_border=False, text_indent=False, thread_line=False, text_size=14,
          extra={"globe": True, "bleed": True, "follow": "+ Follow"}),
    Style("instagram:feed", "instagram",
          Palette("#ffffff", "#000000", "#737373", "#00376b", "#dbdbdb", "#efefef", "#0095f6"),
          Palette("#000000", "#f5f5f5", "#a8a8a8", "#e0f1ff", "#262626", "#262626", "#0095f6"),
          highlight=frozenset({"mention", "tag"}), avatar_size=32, text_size=14, name_size=14, handle_at=False,
          actions=("like", "reply", "send", "bookmark")),
    Style("instagram:story", "fullscreen",
          Palette("#000000", "#ffffff", "#d8d8d8", "#ffffff", "#ffffff", "#262626", "#ffffff"),
          Palette("#000000", "#ffffff", "#d8d8d8", "#ffffff", "#ffffff", "#262626", "#ffffff"),
          highlight=frozenset({"mention", "tag"}), avatar_size=32, handle_at=False,
          extra={"overlay": "story"}),
    Style("instagram:reel", "fullscreen",
          Palette("#ffffff", "#ffffff", "#e0e0e0", "#ffffff", "#dbdbdb", "#262626", "#ffffff"),
          Palette("#000000", "#ffffff", "#e0e0e0", "#ffffff", "#262626", "#262626", "#ffffff"),
          highlight=frozenset({"mention", "tag"}), highlight_bold=True, avatar_size=32, handle_at=False,
          actions=("like", "reply", "send", "more"), extra={"overlay": "reel", "nav": 5, "button": "Follow"}),
    Style("tiktok", "fullscreen",
          Palette("#ffffff", "#ffffff", "#e0e0e0", "#ffffff", "#e3e3e4", "#262626", "#fe2c55"),
          Palette("#000000", "#ffffff", "#e0e0e0", "#ffffff", "#2f2f2f", "#262626", "#fe2c55"),
          highlight=frozenset({"mention", "tag"}), highlight_bold=True, fold_label="… more", avatar_size=44,
          actions=("like", "reply", "bookmark", "share"), extra={"overlay": "tiktok", "nav": 5}),
    Style("youtube:short", "fullscreen",
          Palette("#ffffff", "#ffffff", "#e0e0e0", "#ffffff", "#e5e5e5", "#262626", "#ffffff"),
          Palette("#0f0f0f", "#ffffff", "#e0e0e0", "#ffffff", "#303030", "#262626", "#ffffff"),
          highlight=frozenset({"link", "tag"}), highlight_bold=True, avatar_size=32,
          actions=("thumb", "dislike", "reply", "share", "remix"),
          extra={"overlay": "short", "nav": 5, "button": "Subscribe"}),
    Style("pinterest", "pin",
          Palette("#ffffff", "#111111", "#767676", "#111111", "#efefef", "#e9e9e9", "#e60023"),
          Palette("#111111", "#f5f5f5", "#a5a5a5", "#f5f5f5", "#333333", "#2b2b2b", "#e60023"),
          highlight=frozenset(), avatar_size=32, text_size=14, handle_at=False, media_radius=16,
          actions=("like", "reply", "share", "more")),
    Style("telegram", "chat",
          Palette("#ffffff", "#000000", "#8e9aa5", "#168acd", "#e6e6e6", "#f3f6f9", "#3390ec", page="#c8d8b0"),
          Palette("#182533", "#f5f5f5", "#6d7f8f", "#71baf4", "#101921", "#1f2f3f", "#5eb5f7", page="#0e1621"),
          avatar_size=36, text_size=15, media_radius=12, card="telegram", handle_at=False),
    Style("discord", "chat",
          Palette("#ffffff", "#313338", "#5c5e66", "#006ce7", "#e1e2e4", "#f2f3f5", "#5865f2"),
          Palette("#313338", "#dbdee1", "#949ba4", "#00a8fc", "#3f4147", "#2b2d31", "#5865f2"),
          highlight=frozenset({"link"}), avatar_size=40, text_size=15, media_radius=8, card="discord",
          handle_at=False, meta="Today at 12:00"),
)}


def style_for(caps: Capabilities) -> Style:
    """The style of a placement: by its short id ("x", "instagram:story"), else by its network."""
    return STYLES.get(caps.short_id) or STYLES.get(caps.network) or STYLES["x"]


def fold_label(network: str) -> str:
    """The label a network appends to folded text ("… more", "Show more", "... See more")."""
    s = STYLES.get(network) or next((v for k, v in STYLES.items() if k.partition(":")[0] == network), None)
    return s.fold_label if s else "… more"
