"""The queue runner: the one loop that publishes due items, for `studio queue run` and (later) the GUI's worker thread.

Only one runner per library: it holds an OS file lock next to the database for as long as it runs. Starting, it
takes back what a crashed runner left `sending` (its in-flight marks decide what may be sent again, see
exactly_once.py). Each pass then:
- resumes targets whose account was connected again after needing re-authorisation,
- checks accounts whose posts are due within the hour and that were not checked for a while, so an expired sign-in
  is seen before the slot,
- sends the due targets in order (sending.py), skipping accounts that wait for a rate limit; a target due longer
  ago than the hold setting waits for the user's confirmation instead.
Between passes it sleeps until the next due instant, in short slices that notice a clock change, new items from
another process and a cancel. Progress and cancel go through studio.core.progress.Progress.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from studio.core.account import Account
from studio.core.progress import Cancelled, Progress
from studio.networks.publishing import Connection
from studio.publish.accounts import AccountError
from studio.publish.exactly_once import rule_for
from studio.publish.policy import (
    FIRST_WAIT,
    FIRST_WAIT_SETTING,
    HOLD_DEFAULT_HOURS,
    HOLD_SETTING,
    LONGEST_WINDOW,
)
from studio.publish.queue import Queue
from studio.publish.sending import Outcome, Sender
from studio.publish.wire import WatchedSession
from studio.store.lock import FileLock
from studio.store.queue_store import Event

PRECHECK_AHEAD = 3600.0  # check an account when one of its posts is due within this
CHECK_MAX_AGE = 6 * 3600.0  # ... and it was last checked longer ago than this
IDLE_SLICE = 0.5


class Runner:
    def __init__(self, queue: Queue, *, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None,
                 progress: Progress | None = None, on_outcome: Callable[[Outcome], None] | None = None,
                 on_warning: Callable[[str], None] | None = None, hold_after: float | None = None,
                 on_target: Callable[[int, float, str], None] | None = None):
        """`on_target(target id, fraction, text)`: the progress of the target being sent (upload, posting)."""
        lib = queue.library
        self.queue, self.store, self.clock, self.sleep = queue, queue.store, clock, sleep
        self.progress = progress if progress is not None else Progress()
        self.outcomes: list[Outcome] = []
        self._on_outcome, self._on_warning, self._on_target = on_outcome, on_warning, on_target
        hold = hold_after if hold_after is not None else 3600.0 * float(lib.get_setting(HOLD_SETTING,
                                                                                        HOLD_DEFAULT_HOURS))
        self.sender = Sender(queue, clock=clock, rng=rng or random.Random(), hold_after=hold,
                             first_wait=float(lib.get_setting(FIRST_WAIT_SETTING, FIRST_WAIT)), report=self._report)
        self._conns: dict[str, tuple[Connection, WatchedSession]] = {}
        self._checked: set[str] = set()

    # --- running ---

    def run(self, *, once: bool = False, wait_for_lock: float = 0.0, poll: float = 60.0) -> list[Outcome]:
        """Publish due items: with `once` until none is due, else until cancelled. Raises Locked when another
        runner has the library, LibraryError when the database cannot be written (what was sent is recorded)."""
        folder = self.queue.library.path.parent
        lock = FileLock(self.queue.lock_path, f'the library in "{folder}"')
        lock.acquire(wait=wait_for_lock)
        try:
            self.store.forget_usage(self.clock() - LONGEST_WINDOW)
            self.recover()
            while not self.progress.cancelled:
                sent = self.run_due()
                if once and not sent:
                    break
                if not once:
                    self._idle(poll)
        finally:
            lock.release()
            for _, session in self._conns.values():
                session.close()
            self._conns.clear()
        return self.outcomes

    def recover(self) -> int:
        """Targets a crashed runner left `sending` go back to scheduled, keeping their in-flight marks: the next
        attempt decides from those whether to send, ask the network, or leave it to the user."""
        now = self.clock()
        left = self.store.targets_in(["sending"])
        for t in left:
            marked = t.inflight is not None or not rule_for(t.network).marks_writes
            answer = ("It was being sent when Content Studio stopped; what reached the network is checked before "
                      "anything is sent again." if marked else
                      "Content Studio stopped before any of it was posted; it will be sent again.")
            self.store.update(t.id, expect=("sending",), state="scheduled", now=now,
                              event=Event("interrupted", answer=answer))
        return len(left)

    def run_due(self) -> int:
        """One pass over what is due now; returns how many targets were tried."""
        now = self.clock()
        self._resume_reconnected()
        self._precheck(now)
        due = [t for t in self.store.targets_in(["scheduled"], due_before=now) if not self._waiting(t.account_id)]
        for n, t in enumerate(due):
            if self.progress.cancelled:
                break
            if self._waiting(t.account_id):
                continue

            def report(fraction: float, text: str, n: int = n, t=t) -> None:
                if self._on_target is not None:
                    self._on_target(t.id, fraction, text)
                self.progress.report((n + fraction) / len(due), f"{n + 1} of {len(due)}: {t.account_id}: {text}")

            try:
                self.sender.attempt(t, self._connection, self.progress.child(report))
            except Cancelled:
                break
        return len(due)

    def _idle(self, poll: float) -> None:
        """Sleep until something is due, the queue changes, or `poll` seconds pass (to check accounts again)."""
        end, seen = self.clock() + poll, self.store.revision()
        while not self.progress.cancelled:
            now = self.clock()
            if now >= end or self.store.revision() != seen or self._has_due(now):
                return
            self.sleep(IDLE_SLICE)

    def _has_due(self, now: float) -> bool:
        return any(not self._waiting(t.account_id) for t in self.store.targets_in(["scheduled"], due_before=now))

    def _waiting(self, account_id: str) -> bool:
        return self.sender.blocked.get(account_id, 0.0) > self.clock()

    # --- accounts ---

    def _connection(self, account: Account) -> tuple[Connection, WatchedSession]:
        """One connection and HTTP session per account for the whole run (kept-alive connections, one session
        token); dropped when the account needed re-authorisation, so a reconnected account's new secret is read."""
        cached = self._conns.get(account.id)
        if cached is None or account.state != "connected":
            session = WatchedSession()
            cached = (self.queue.accounts.connection(account, http=session), session)
            self._conns[account.id] = cached
        return cached

    def _resume_reconnected(self) -> None:
        for t in self.store.targets_in(["needs_reauth"]):
            account = self.queue.library.account(t.account_id)
            if account is not None and account.state == "connected":  # the user connected it again
                self._conns.pop(account.id, None)
                self.store.update(t.id, expect=("needs_reauth",), state="scheduled", message="", now=self.clock(),
                                  event=Event("resumed", answer="The account was connected again."))

    def _precheck(self, now: float) -> None:
        soon = {t.account_id for t in self.store.targets_in(["scheduled"], due_before=now + PRECHECK_AHEAD)}
        for account_id in sorted(soon - self._checked):
            account = self.queue.library.account(account_id)
            if account is None or account.state != "connected" or now - account.checked_at < CHECK_MAX_AGE:
                continue
            self._checked.add(account_id)
            try:
                checked = self.queue.accounts.check(account_id)
            except AccountError:
                continue
            if checked.state == "needs_reauth" and self._on_warning is not None:
                self._on_warning(f"{checked.label} needs re-authorisation before its next post: "
                                 f"{checked.state_message}")

    # --- plumbing ---

    def _report(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if self._on_outcome is not None:
            self._on_outcome(outcome)
