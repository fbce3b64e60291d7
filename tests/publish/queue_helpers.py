"""Shared set-up for the queue tests: a library with accounts on the local fakes (real clients, real HTTP on
127.0.0.1), a controllable clock, and jobs that need no rendering."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))

from studio.core.account import Account
from studio.credentials.store import MemoryCredentialStore
from studio.networks.clients.discord import DiscordClient
from studio.networks.clients.telegram import TelegramClient
from studio.networks.publishing import Outgoing, OutMedia
from studio.publish.accounts import Accounts
from studio.publish.now import Job
from studio.publish.queue import Queue, Schedule
from studio.publish.runner import Runner
from studio.store.library import Library

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
T0 = 1_780_000_000.0  # 2026-05-28, a Thursday


class Clock:
    """Time that moves only when told to, or when the runner sleeps."""

    def __init__(self, now: float = T0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class FastAccounts(Accounts):
    """Accounts whose connections give up waiting for an answer after half a second (a hung server)."""

    def connection(self, account, progress=None, http=None):
        conn = super().connection(account, progress, http)
        conn.timeout = (2.0, 0.5)
        return conn


@dataclass
class Setup:
    folder: Path
    library: Library
    credentials: MemoryCredentialStore
    accounts: Accounts
    clock: Clock
    queue: Queue
    runners: list[Runner] = field(default_factory=list)

    def add_account(self, account: Account, secret: dict) -> Account:
        account.checked_at = account.checked_at or time.time()
        self.library.save_account(account)
        self.credentials.set(account.id, secret)
        return account

    def runner(self, **kwargs) -> Runner:
        kwargs.setdefault("clock", self.clock)
        kwargs.setdefault("sleep", self.clock.sleep)
        runner = Runner(self.queue, **kwargs)
        self.runners.append(runner)
        return runner

    def reopen(self, timeout: float = 5.0) -> Setup:
        """A fresh process's view: a new connection to the same database files (after a simulated crash).
        `timeout`: how long SQLite waits for another process's lock."""
        library = Library.open(self.folder, timeout=timeout)
        accounts = FastAccounts(library, self.credentials)
        return Setup(self.folder, library, self.credentials, accounts, self.clock,
                     Queue(library, accounts, clock=self.clock))


def setup(folder: Path, clock: Clock | None = None) -> Setup:
    clock = clock or Clock()
    library = Library.open(folder)
    credentials = MemoryCredentialStore()
    accounts = FastAccounts(library, credentials)
    return Setup(folder, library, credentials, accounts, clock, Queue(library, accounts, clock=clock))


def mastodon_account(s: Setup, fake) -> Account:
    account = Account(id="mastodon-alice@example.social", network="mastodon", handle="@alice@example.social",
                      server=fake.url)
    return s.add_account(account, {"client_id": "client-id-1", "client_secret": "client-secret-1",
                                   "access_token": fake.issue_token()})


def telegram_account(s: Setup, fake) -> Account:
    from fake_telegram import TOKEN

    connected = TelegramClient(base_url=fake.url).connect({"bot_token": TOKEN, "channel": "@studio_news"},
                                                          requests.Session())
    return s.add_account(connected.account, connected.secret)


def discord_account(s: Setup, fake) -> Account:
    connected = DiscordClient().connect({"webhook_url": fake.webhook_url()}, requests.Session())
    return s.add_account(connected.account, connected.secret)


def job(account: Account, text: str, *, key: str | None = None, thread: tuple[str, ...] = (),
        image: bool | bytes = False) -> Job:
    """A post's job; `image`: True for a tiny PNG, or the bytes of a JPEG."""
    if isinstance(image, bytes):
        media: tuple[OutMedia, ...] = (OutMedia(image, "image/jpeg", 64, 48, alt="Teal", filename="teal.jpg"),)
    else:
        media = (OutMedia(PNG, "image/png", 8, 8, alt="A dot", filename="dot.png"),) if image else ()
    return Job(account, Outgoing(account.network, text, key=key or f"job-{abs(hash(text)) % 10**8}",
                                 thread=thread, media=media))


def queue_post(s: Setup, *jobs: Job, at: float | None = None, zone: str = "Europe/Berlin") -> int:
    return s.queue.add(list(jobs), schedule=Schedule(at, zone), source=s.folder / "post.studio", design="d0",
                       title="A post")[0]


def states(s: Setup, item_id: int) -> list[str]:
    return [t.state for t in s.queue.item(item_id).targets]
