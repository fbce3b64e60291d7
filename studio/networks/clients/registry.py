"""Which networks can publish, and their clients (imported when first needed: requests-heavy modules stay out
of the studio's start-up)."""

from __future__ import annotations

import importlib

from studio.networks.publishing import Client

_CLIENTS = {"bluesky": "BlueskyClient", "mastodon": "MastodonClient", "telegram": "TelegramClient",
            "discord": "DiscordClient"}
PUBLISHABLE = tuple(_CLIENTS)  # the order the Accounts window offers them


def client_for(network: str, server: str = "") -> Client:
    """The client of `network`. `server` overrides a fixed API address (Telegram's Bot API server)."""
    if network not in _CLIENTS:
        raise KeyError(network)
    module = importlib.import_module(f"studio.networks.clients.{network}")
    cls = getattr(module, _CLIENTS[network])
    if network == "telegram" and server:
        return cls(base_url=server)
    return cls()
