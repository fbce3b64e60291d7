"""Every network, listed by hand (no import magic), and the target ids the user can name.

A target id is "network:placement"; a network's default placement may be named by the network alone
("x" == "x:post", "instagram" == "instagram:feed", "youtube" == "youtube:short").
"""

from __future__ import annotations

from studio.networks.base import Capabilities, Network
from studio.networks.bluesky import Bluesky
from studio.networks.discord import Discord
from studio.networks.facebook import Facebook
from studio.networks.instagram import Instagram
from studio.networks.linkedin import LinkedIn
from studio.networks.mastodon import Mastodon
from studio.networks.pinterest import Pinterest
from studio.networks.telegram import Telegram
from studio.networks.threads import Threads
from studio.networks.tiktok import TikTok
from studio.networks.x import X
from studio.networks.youtube import YouTube

NETWORKS: dict[str, Network] = {n.id: n for n in (
    X(), Mastodon(), Bluesky(), Threads(), Instagram(), Facebook(), LinkedIn(), Pinterest(), TikTok(), YouTube(),
    Telegram(), Discord(),
)}

# The documented target ids, in the order the user sees them.
ALL_TARGETS: list[str] = [
    "x", "mastodon", "bluesky", "threads", "instagram:feed", "instagram:story", "instagram:reel", "facebook",
    "linkedin", "pinterest", "tiktok", "youtube:short", "telegram", "discord",
]


def resolve(target_id: str) -> tuple[Network, Capabilities]:
    """"x", "x:post", "instagram:story", "youtube" ... -> (network, capabilities). ValueError for anything else."""
    hit = _RESOLVED.get(target_id) if isinstance(target_id, str) else None
    if hit is not None:
        return hit  # the editor asks a few hundred times per keystroke
    found = _resolve(target_id)
    if len(_RESOLVED) < 256:
        _RESOLVED[target_id] = found
    return found


_RESOLVED: dict[str, tuple[Network, Capabilities]] = {}


def _resolve(target_id: str) -> tuple[Network, Capabilities]:
    key = target_id.strip().lower() if isinstance(target_id, str) else ""
    name, colon, placement = key.partition(":")
    network = NETWORKS.get(name)
    if network is not None and (placement or not colon) and (placement or network.default_placement) in \
            network.placements:
        return network, network.capabilities(placement or None)
    raise ValueError(f"Unknown target {target_id!r}. Valid targets: {', '.join(ALL_TARGETS)}.")


def canonical(target_id: str) -> str:
    """The documented form of a target id: "x:post" -> "x", "instagram" -> "instagram:feed"."""
    return resolve(target_id)[1].short_id
