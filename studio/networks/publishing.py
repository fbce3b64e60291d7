"""The publishing side of a network (DESIGN.md §6): what goes out, what comes back, and the typed errors.

A client (studio/networks/clients/<network>.py) turns an `Outgoing` post into a `Prepared` one (pure: the exact
records and requests, JSON-serialisable so the queue can freeze it), sends it with `publish` and answers
`find_published`. It never touches the keyring, the database or Qt: it gets a `Connection` holding the account,
its secret and a way to save a renewed secret.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from studio.core.account import Account
from studio.core.progress import Progress

# --- errors ----------------------------------------------------------------------------------------------------------

class PublishError(Exception):
    """Base of the typed errors. `message` is for the user and never contains a secret."""

    retryable = False

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AuthExpired(PublishError):
    """The sign-in is no longer valid (revoked, expired, wrong password): the account needs re-authorisation."""


class RateLimited(PublishError):
    """The network asks us to wait. `retry_after` in seconds, None if it did not say."""

    retryable = True

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class Transient(PublishError):
    """A failure that did not post anything and may pass (5xx, connection refused, DNS): retry later."""

    retryable = True


class Rejected(PublishError):
    """The network refused the post (its own message in `message`); retrying the same thing will not help."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()):
        super().__init__(message)
        self.problems = problems


class OutcomeUnknown(PublishError):
    """The request may have reached the network but no answer came: it must not be blindly resent."""


class NotConnectable(PublishError):
    """Connecting an account failed for a reason the user must fix (wrong server, wrong password, no rights)."""


# --- what goes out -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutMedia:
    """One rendered media file, already within the network's limits (studio/publishing.py made it so)."""

    data: bytes
    mime: str  # "image/jpeg", "image/png", "video/mp4"
    width: int = 0
    height: int = 0
    alt: str = ""
    focus: tuple[float, float] | None = None  # -1..1 each (Mastodon's focal point); None: centre
    filename: str = "media"

    @property
    def is_video(self) -> bool:
        return self.mime.startswith("video/")


@dataclass(frozen=True)
class OutCard:
    """A link card to attach (Bluesky's app.bsky.embed.external); thumb already within the size limit."""

    url: str
    title: str
    description: str
    thumb: OutMedia | None = None


@dataclass(frozen=True)
class Outgoing:
    """What one target sends: the final text (variant applied), thread parts, media and options."""

    target: str  # the placement's target id: "bluesky", "mastodon", "telegram", "discord"
    text: str
    key: str  # unique per (post, target) publish job and stable across its retries: idempotency, record keys
    thread: tuple[str, ...] = ()  # further posts, each a reply to the one before
    media: tuple[OutMedia, ...] = ()
    link: str = ""
    title: str = ""
    card: OutCard | None = None
    options: dict = field(default_factory=dict)  # visibility, spoiler_text, language, sensitive, silent, ...


@dataclass
class Prepared:
    """The exact requests a client will make, JSON-serialisable apart from media bytes (kept by index)."""

    network: str
    key: str
    steps: list[dict[str, Any]]  # one per post of a thread: what is sent; clients document their shape
    media: tuple[OutMedia, ...] = ()
    card: OutCard | None = None


@dataclass
class Receipt:
    """What a successful publish returns. `url` opens the (first) post; `ids` are the network's ids, in order."""

    url: str
    ids: list[str]
    posted_at: float = field(default_factory=time.time)
    details: dict = field(default_factory=dict)


# --- what a client works with --------------------------------------------------------------------------------------

@dataclass
class Connection:
    """An account with its secret, for one piece of work. `save_secret` writes a renewed secret back to the
    keyring (a refreshed session or token); clients call it, never the keyring itself."""

    account: Account
    secret: dict
    http: requests.Session = field(default_factory=requests.Session)
    save_secret: Callable[[dict], None] = lambda secret: None
    progress: Progress | None = None
    timeout: tuple[float, float] = (5.0, 30.0)  # connect, read (seconds)

    def check(self) -> None:
        if self.progress is not None:
            self.progress.check()

    def report(self, fraction: float, text: str = "") -> None:
        if self.progress is not None:
            self.progress.report(fraction, text)

    def renew(self, **changes: Any) -> None:
        self.secret = {**self.secret, **changes}
        self.save_secret(self.secret)


@dataclass(frozen=True)
class Field:
    """One input of the "connect an account" form (the Accounts window and `studio accounts add`)."""

    name: str
    label: str
    secret: bool = False
    default: str = ""
    help: str = ""
    required: bool = True


@dataclass
class Connected:
    """The result of connecting: the account (non-secret) and its secret (for the keyring)."""

    account: Account
    secret: dict


class Client:
    """Base of the per-network clients."""

    network: str = ""
    fields: tuple[Field, ...] = ()
    max_image_bytes: int | None = None  # the publisher re-encodes images above this (Bluesky: 1,000,000)

    def connect(self, values: dict[str, str], http: requests.Session, *, progress: Progress | None = None,
                open_browser: Callable[[str], None] | None = None) -> Connected:
        """Sign in with the form's values (or OAuth in the browser) and return the account and its secret.
        Raises NotConnectable with a message for the user, or a PublishError."""
        raise NotImplementedError

    def check(self, conn: Connection) -> Account:
        """Confirm the account still works; returns it with fresh state, name and limits. Raises AuthExpired when
        it needs re-authorisation, Transient when the server cannot be reached."""
        raise NotImplementedError

    def prepare(self, out: Outgoing, account: Account) -> Prepared:
        raise NotImplementedError

    def publish(self, prepared: Prepared, conn: Connection) -> Receipt:
        raise NotImplementedError

    def find_published(self, prepared: Prepared, conn: Connection) -> Receipt | None:
        """Whether this job already posted (after OutcomeUnknown). None: not found or not knowable, see
        `can_find_published`."""
        return None

    can_find_published = False
