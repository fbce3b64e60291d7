"""Publish now: send prepared posts to their accounts, one after another, and tell the truth about each.

Each target ends in one state: posted (with the link), failed (the network's own message), needs_reauth,
outcome_unknown (the request may have arrived; it is not resent blindly: the network is asked first when it can
answer), or cancelled. A failure that cannot have posted anything (Transient, a short RateLimited wait) is
retried a few times; the same `Prepared` is resent, so record keys and idempotency keys stay the same.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from studio.core.account import Account
from studio.core.progress import Cancelled, Progress
from studio.credentials.store import CredentialError
from studio.networks.publishing import (
    AuthExpired,
    OutcomeUnknown,
    Outgoing,
    Prepared,
    PublishError,
    RateLimited,
    Rejected,
    Transient,
)
from studio.publish.accounts import Accounts

RETRY_WAITS = (1.0, 3.0)  # seconds before the 2nd and 3rd try of a transient failure
MAX_RATE_WAIT = 15.0  # a rate limit asking for longer than this fails the target (the queue waits longer)
log = logging.getLogger(__name__)
STATES = ("posted", "failed", "needs_reauth", "outcome_unknown", "cancelled")


@dataclass
class Job:
    account: Account
    outgoing: Outgoing
    prepared: Prepared | None = None

    @property
    def label(self) -> str:
        return f"{self.account.label} · {self.outgoing.target}"


@dataclass
class Result:
    job: Job
    state: str  # one of STATES
    url: str = ""
    message: str = ""
    ids: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.state == "posted"


def publish_jobs(jobs: list[Job], accounts: Accounts, progress: Progress | None = None,
                 on_target: Callable[[int, float, str], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> list[Result]:
    """Publish each job; `on_target(index, fraction, text)` reports per-target progress. Cancelling stops the
    current upload and marks the remaining targets cancelled; what was posted stays posted."""
    results: list[Result] = []
    for index, job in enumerate(jobs):
        if progress is not None and progress.cancelled:
            results.append(Result(job, "cancelled", message="Cancelled before it was sent."))
            continue

        def report(fraction: float, text: str, index: int = index) -> None:
            if on_target is not None:
                on_target(index, fraction, text)
            if progress is not None:
                progress.report((index + fraction) / len(jobs), text)

        target_progress = progress.child(report) if progress is not None else Progress(report)
        result = publish_one(job, accounts, target_progress, sleep)
        log.info("publish %s: %s %s", job.label, result.state, result.url or result.message)
        results.append(result)
    return results


def publish_one(job: Job, accounts: Accounts, progress: Progress, sleep: Callable[[float], None]) -> Result:
    account = job.account
    client = accounts.client(account)
    try:
        progress.report(0.0, "Preparing")
        conn = accounts.connection(account, progress)
        if job.prepared is None:
            job.prepared = client.prepare(job.outgoing, account)
        for attempt in range(len(RETRY_WAITS) + 1):
            try:
                receipt = client.publish(job.prepared, conn)
                return Result(job, "posted", receipt.url, ids=tuple(receipt.ids))
            except (Transient, RateLimited) as e:
                wait = _wait_for(e, attempt)
                if wait is None:
                    raise
                progress.report(progress.fraction, f"Waiting {wait:.0f} s: {e.message}")
                _sleep(wait, progress, sleep)
            except OutcomeUnknown as e:
                found = client.find_published(job.prepared, conn) if client.can_find_published else None
                if found is not None:
                    return Result(job, "posted", found.url, ids=tuple(found.ids))
                return Result(job, "outcome_unknown", message=e.message)
        raise AssertionError("unreachable")
    except Cancelled:
        return Result(job, "cancelled", message="Cancelled. Nothing more was sent to this account.")
    except (AuthExpired, CredentialError) as e:
        accounts.mark(account, "needs_reauth", e.message)
        return Result(job, "needs_reauth", message=e.message)
    except (Rejected, Transient, RateLimited, PublishError) as e:
        return Result(job, "failed", message=e.message)


def _wait_for(error: PublishError, attempt: int) -> float | None:
    if attempt >= len(RETRY_WAITS):
        return None
    if isinstance(error, RateLimited):
        if error.retry_after is None or error.retry_after > MAX_RATE_WAIT:
            return None
        return error.retry_after
    return RETRY_WAITS[attempt]


def _sleep(seconds: float, progress: Progress, sleep: Callable[[float], None]) -> None:
    left = seconds
    while left > 0:  # in small steps, so cancel is felt at once
        progress.check()
        step = min(0.1, left)
        sleep(step)
        left -= step
    progress.check()
