"""How the queue retries and paces itself, as data: backoff, rate budgets, and when a late post waits for the user.

Rate budgets are the networks' published limits (shared/reference/networks.md) kept a little under, per account.
A budget counts requests the runner makes for the account: `matches` is "all" (every request), "writes" (the
requests that create a post, see exactly_once.py) or an endpoint's name. A request that would exceed a budget is
not sent: the target waits (RateLimited) until the oldest counted use leaves the window.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

HOLD_SETTING = "queue.hold_after_hours"  # a post due longer ago than this waits for confirmation
HOLD_DEFAULT_HOURS = 2.0
WAITS_SETTING = "queue.account_waits"  # account id -> until when it waits for a rate limit or the keyring
FIRST_WAIT_SETTING = "queue.first_retry_seconds"
FIRST_WAIT = 30.0  # the first retry after a transient failure; doubling from there
MAX_WAIT = 3600.0
MAX_ATTEMPTS = 6  # transient failures in a row before the target is marked failed (retryable by the user)
RATE_JITTER = 1.0  # seconds added at random to a server's Retry-After, so many items do not return at once


def backoff(attempt: int, rng: random.Random, first: float = FIRST_WAIT) -> float:
    """The wait before retry number `attempt` (1, 2, ...): exponential, capped, with "equal jitter" (half fixed,
    half random) so retries of many items spread out."""
    delay = min(MAX_WAIT, first * 2 ** max(0, attempt - 1))
    return delay / 2 + rng.uniform(0, delay / 2)


def rate_wait(retry_after: float | None, attempt: int, rng: random.Random, first: float = FIRST_WAIT) -> float:
    """The wait after a 429: what the server asked for (plus a little jitter), else the backoff."""
    if retry_after is None:
        return backoff(attempt, rng, first)
    return min(24 * 3600.0, retry_after) + rng.uniform(0, RATE_JITTER)


@dataclass(frozen=True)
class Budget:
    network: str
    name: str  # stored with each use: "bluesky.sessions"
    what: str  # for the user: "sign-ins"
    limit: int
    window: float  # seconds
    matches: str  # "all", "writes" or an endpoint name ("createSession")

    def describe(self) -> str:
        return f"{self.limit} {self.what} per {_span(self.window)}"


BUDGETS: tuple[Budget, ...] = (
    Budget("bluesky", "bluesky.sessions", "sign-ins", 30, 300, "createSession"),
    Budget("bluesky", "bluesky.sessions.day", "sign-ins", 300, 86400, "createSession"),
    Budget("bluesky", "bluesky.writes", "posts", 1600, 3600, "writes"),  # 5,000 points/h, a post costs 3
    Budget("mastodon", "mastodon.requests", "requests", 290, 300, "all"),  # 300 per 5 minutes per account
    Budget("telegram", "telegram.messages", "messages", 20, 60, "writes"),  # 20 per minute in one channel
    Budget("discord", "discord.messages", "messages", 5, 2, "writes"),  # a webhook's 5 per 2 seconds
    Budget("x", "x.posts", "posts", 100, 900, "writes"),  # POST /2/tweets: 100 per 15 minutes per user
    Budget("instagram", "instagram.posts", "posts", 50, 86400, "writes"),  # content publishing: 50 per 24 h
    Budget("threads", "threads.posts", "posts", 250, 86400, "writes"),
)
LONGEST_WINDOW = max(b.window for b in BUDGETS)


@dataclass(frozen=True)
class BudgetUse:
    """How much of one budget an account has used: `used` of `budget.limit` in the window, and when the oldest
    counted use leaves it (None: nothing counted)."""

    budget: Budget
    used: int
    frees_at: float | None

    def describe(self) -> str:
        return f"{self.used} of {self.budget.limit} {self.budget.what} per {_span(self.budget.window)}"


def budgets_for(network: str) -> tuple[Budget, ...]:
    return tuple(b for b in BUDGETS if b.network == network)


def _span(seconds: float) -> str:
    if seconds % 86400 == 0:
        n = int(seconds // 86400)
        return "day" if n == 1 else f"{n} days"
    if seconds % 3600 == 0:
        n = int(seconds // 3600)
        return "hour" if n == 1 else f"{n} hours"
    if seconds % 60 == 0:
        n = int(seconds // 60)
        return "minute" if n == 1 else f"{n} minutes"
    return f"{seconds:g} seconds"
