"""A connected account: the non-secret part (the secret lives only in the keyring, DESIGN.md §8)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STATES = ("connected", "needs_reauth", "unreachable")
_SLUG = re.compile(r"[^a-z0-9._@-]+")


@dataclass(kw_only=True)
class Account:
    id: str  # "bluesky-alice.test": unique in the library, no ':' (a target is ACCOUNT[:PLACEMENT])
    network: str  # "bluesky", "mastodon", "telegram", "discord"
    handle: str  # what the user recognises: "alice.test", "@alice@example.social", "@mychannel"
    server: str = ""  # the server's base URL, when the network has more than one
    name: str = ""  # display name
    state: str = "connected"  # one of STATES
    state_message: str = ""  # why it is not connected, for the user
    checked_at: float = 0.0  # when the state was last confirmed (Unix time)
    info: dict = field(default_factory=dict)  # non-secret facts: did, user id, chat id, avatar url, ...
    limits: dict = field(default_factory=dict)  # server limits (Mastodon /api/v2/instance), see networks

    @property
    def label(self) -> str:
        return f"{self.name} ({self.handle})" if self.name and self.name != self.handle else self.handle


def account_id(network: str, handle: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A readable, unique id: "bluesky-alice.test", "mastodon-alice@example.social", "telegram-mychannel"."""
    slug = _SLUG.sub("-", handle.lower().lstrip("@")).strip("-.") or "account"
    base = f"{network}-{slug}"[:80]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
