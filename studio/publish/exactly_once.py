"""What each network lets the runner do when a post-creating request may have reached it (DESIGN.md §7).

The runner sees every request a client makes (wire.py). Before a *write* (a request that creates a post) leaves,
it saves the Prepared steps (with the client's resume markers) and marks the write as `inflight`; the mark is
cleared only when the outcome is known. A target found `sending` after a crash, or ending in OutcomeUnknown, is
then judged by its network's rule:

- Bluesky: every record has a fixed TID key and is written with putRecord + swapRecord null, so writing it
  again is a no-op if it exists. Before any retry the runner asks the PDS (find_published) and otherwise resends;
  no mark is needed, so none is written (`marks_writes`), and a state lost in a power cut costs nothing but a
  question to the PDS, so its states are written without waiting for the disk (`durable`).
- Mastodon: every status carries a fixed Idempotency-Key, which the server remembers for an hour. A resend is
  safe until an hour after the first write left (less a margin); after that the truth cannot be known.
- Telegram, Discord: no key and no way to ask; the clients mark each sent message in its step (`step["sent"]`).
  Steps with a mark are never sent again; a step that was on the wire without a mark is outcome unknown.
- Any other network: asked through find_published when its client can, otherwise outcome unknown.

Labels name requests for the history without a secret: Telegram's bot token and Discord's webhook token are part
of their URLs, so a label never contains a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from studio.networks.publishing import Prepared
from studio.store.queue_store import TargetRow

SEND, ASK, UNKNOWN = "send", "ask", "unknown"


@dataclass(frozen=True)
class Verdict:
    action: str  # SEND, ASK (find_published, then send if not found) or UNKNOWN
    message: str = ""


def first_unsent(prepared: Prepared | dict) -> int:
    steps = prepared.steps if isinstance(prepared, Prepared) else prepared.get("steps", [])
    return next((i for i, s in enumerate(steps) if not s.get("sent")), len(steps))


class Rule:
    """The default: a write is any POST; a possible write is asked about if the client can, else left to the user."""

    network = ""
    marks_writes = True  # save the steps and the in-flight mark before each write
    durable = True  # wait for the disk on every state change (a power cut must not lose a mark)

    def label(self, method: str, url: str) -> str:
        return f"{method} request"

    def is_write(self, method: str, url: str) -> bool:
        return method.upper() == "POST"

    def freshen(self, prepared: Prepared, now: float) -> None:
        """Adjust what is sent, once, just before the first attempt (nothing by default)."""

    def verdict(self, target: TargetRow, now: float, can_find: bool) -> Verdict:
        if target.inflight is None:
            return Verdict(SEND)
        if can_find:
            return Verdict(ASK)
        return Verdict(UNKNOWN, _unknown_message(target, "the network"))


class BlueskyRule(Rule):
    network = "bluesky"
    marks_writes = False
    durable = False  # a state lost in a power cut is found again on the PDS: its records have fixed keys
    _WRITES = ("com.atproto.repo.putRecord", "com.atproto.repo.createRecord", "com.atproto.repo.applyWrites")

    def label(self, method: str, url: str) -> str:
        nsid = urlsplit(url).path.rsplit("/", 1)[-1]
        return nsid.rsplit(".", 1)[-1] or f"{method} request"

    def is_write(self, method: str, url: str) -> bool:
        return urlsplit(url).path.rsplit("/", 1)[-1] in self._WRITES

    def freshen(self, prepared: Prepared, now: float) -> None:
        """The record's createdAt is when it goes out, not when it was queued: Bluesky shows and sorts posts by it.
        Set once, before the first attempt, and saved; every retry then writes the identical record."""
        start = datetime.fromtimestamp(now, UTC)
        for i, step in enumerate(prepared.steps):
            when = start + timedelta(milliseconds=i)
            step["createdAt"] = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def verdict(self, target: TargetRow, now: float, can_find: bool) -> Verdict:
        tried = target.attempts > 0 or target.inflight is not None
        return Verdict(ASK if tried else SEND)  # any earlier attempt may have written some of the records


class MastodonRule(Rule):
    network = "mastodon"
    KEY_WINDOW = 3600.0  # how long Mastodon remembers an Idempotency-Key
    MARGIN = 300.0  # resend only well inside it (clock differences, slow servers)

    def label(self, method: str, url: str) -> str:
        path = re.sub(r"/\d+", "/:id", urlsplit(url).path)
        return f"{method} {path}"

    def is_write(self, method: str, url: str) -> bool:
        return method.upper() == "POST" and urlsplit(url).path.rstrip("/") == "/api/v1/statuses"

    def verdict(self, target: TargetRow, now: float, can_find: bool) -> Verdict:
        if target.first_write_at is None or now < target.first_write_at + self.KEY_WINDOW - self.MARGIN:
            return Verdict(SEND)
        return Verdict(UNKNOWN, "Mastodon may have received this post more than an hour ago and no longer remembers "
                                "its idempotency key, so sending it again could post it twice. Check the account: "
                                "retry it if it is not there, or cancel it.")


class TelegramRule(Rule):
    network = "telegram"

    def label(self, method: str, url: str) -> str:
        return urlsplit(url).path.rsplit("/", 1)[-1] or f"{method} request"  # the method name, never the token

    def is_write(self, method: str, url: str) -> bool:
        return urlsplit(url).path.rsplit("/", 1)[-1].lower().startswith(("send", "copymessage", "forwardmessage"))

    def verdict(self, target: TargetRow, now: float, can_find: bool) -> Verdict:
        if target.inflight is None:
            return Verdict(SEND)
        return Verdict(UNKNOWN, _unknown_message(target, "the channel"))


class DiscordRule(TelegramRule):
    network = "discord"

    def label(self, method: str, url: str) -> str:
        path = urlsplit(url).path
        if "/messages/" in path:
            return f"{method} webhook message"
        return "execute webhook" if method.upper() == "POST" else f"{method} webhook"

    def is_write(self, method: str, url: str) -> bool:
        return method.upper() == "POST" and "/messages/" not in urlsplit(url).path


_RULES = {r.network: r for r in (BlueskyRule(), MastodonRule(), TelegramRule(), DiscordRule())}


def rule_for(network: str) -> Rule:
    return _RULES.get(network, Rule())


def _unknown_message(target: TargetRow, where: str) -> str:
    step = (target.inflight or {}).get("step")
    total = (target.inflight or {}).get("steps")
    part = f"Part {step + 1} of {total}" if isinstance(step, int) and isinstance(total, int) and total > 1 \
        else "The post"
    done = f" Parts 1 to {step} were posted." if isinstance(step, int) and step > 0 else ""
    return (f"{part} was being sent when the connection or Content Studio stopped, so it may or may not have been "
            f"posted, and the network cannot be asked.{done} Check {where}: retry it if it is not there (only what "
            "is missing is sent), or cancel it.")
