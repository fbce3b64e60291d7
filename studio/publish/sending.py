"""One attempt at one queued target, written down before and after every network call (DESIGN.md §7).

1. Judge the target by its network's rule (exactly_once.py): send, ask the network first, or outcome unknown.
2. Hold it if it is late by more than the hold setting (it waits for the user's confirmation).
3. Claim it: state `sending` in the database, with the attempt's time (and Bluesky's createdAt set once).
4. Send. Before each request the watch saves the steps with the client's resume markers and, for a request
   that creates a post, marks it in flight; a rate budget that would be exceeded stops the request unsent.
5. Record the outcome: posted (URL, ids), a retry later (backoff, Retry-After), failed with the network's words,
   needs re-authorisation (the account is marked), or outcome unknown. The in-flight mark is cleared only when
   the outcome is known, so a kill at any point leaves what the next run needs to decide without guessing.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from studio.core.account import Account
from studio.core.progress import Cancelled, Progress
from studio.credentials.store import CredentialError
from studio.networks.http import seconds
from studio.networks.publishing import (
    AuthExpired,
    Client,
    Connection,
    OutcomeUnknown,
    Prepared,
    PublishError,
    RateLimited,
    Receipt,
    Transient,
)
from studio.publish.accounts import NETWORK_NAMES
from studio.publish.exactly_once import ASK, SEND, UNKNOWN, Rule, first_unsent, rule_for
from studio.publish.frozen import steps_only
from studio.publish.policy import MAX_ATTEMPTS, WAITS_SETTING, backoff, budgets_for, rate_wait
from studio.publish.queue import Queue, QueueError
from studio.publish.schedule import describe
from studio.publish.wire import WatchedSession
from studio.store.library import LibraryError
from studio.store.queue_store import Event, TargetRow

KEYRING_WAIT = 300.0  # a locked or unreachable keyring is tried again after this long


@dataclass
class Outcome:
    """What an attempt ended in, for the CLI's lines and the GUI's notifications."""

    item_id: int
    target_id: int
    account_id: str
    target: str
    state: str  # the target's state now
    url: str = ""
    message: str = ""
    next_attempt_at: float | None = None


@dataclass
class _Watch:
    """What the watch learnt during one attempt. `first_write_at`: when a request that may have created a post
    first left; a write the network answered with a refusal (4xx, or a 5xx other than a gateway's) created
    nothing and does not count."""

    first_write_at: float | None
    labels: list[str] = field(default_factory=list)
    inflight: dict | None = None
    writing: bool = False  # a write has left and its answer has not come yet
    unsaved_usage: list[str] = field(default_factory=list)  # budget uses to write with the outcome
    before_write: float | None = None  # first_write_at before that write


class Sender:
    def __init__(self, queue: Queue, *, clock: Callable[[], float], rng: random.Random, hold_after: float,
                 first_wait: float, report: Callable[[Outcome], None]):
        self.queue, self.store, self.clock, self.rng = queue, queue.store, clock, rng
        self.hold_after, self.first_wait, self.report = hold_after, first_wait, report
        waits = queue.library.get_setting(WAITS_SETTING, {})
        now = clock()
        # account -> until: a 429 or a spent budget; kept in the library so the next run waits too
        self.blocked: dict[str, float] = {k: float(v) for k, v in (waits if isinstance(waits, dict) else {}).items()
                                          if isinstance(v, int | float) and v > now}

    def attempt(self, t: TargetRow, conn_for: Callable[[Account], tuple[Connection, WatchedSession]],
                progress: Progress) -> None:
        now = self.clock()
        account = self.queue.library.account(t.account_id)
        if account is None:
            self._end(t, "failed", f"The account {t.account_id} was removed from Content Studio. Connect it again, "
                                   "then retry.")
            return
        if account.state == "needs_reauth":
            self._end(t, "needs_reauth", f"Not sent: {account.label} needs re-authorisation. "
                                         f"{account.state_message}".strip())
            return
        try:
            client = self.queue.accounts.client(account)
        except KeyError:
            self._end(t, "failed", f"Content Studio cannot publish to {account.network}.")
            return
        rule = rule_for(t.network)
        verdict = rule.verdict(t, now, client.can_find_published)
        if verdict.action == UNKNOWN:
            self._end(t, "outcome_unknown", verdict.message)
            return
        if verdict.action == SEND and self._held(t, now):
            return
        try:
            prepared, frozen = self.queue.prepared(t)
        except (LibraryError, QueueError) as e:
            self._end(t, "failed", e.message)
            return
        watch = _Watch(t.first_write_at)
        try:
            conn, session = conn_for(account)
        except CredentialError as e:
            if e.kind != "damaged":  # locked or missing keyring: the sign-in itself is fine, wait for it
                self._keyring_wait(t, account, e.message)
                return
            self.queue.accounts.mark(account, "needs_reauth", e.message)
            self._end(t, "needs_reauth", e.message)
            return
        except AuthExpired as e:
            self.queue.accounts.mark(account, "needs_reauth", e.message)
            self._end(t, "needs_reauth", e.message)
            return
        conn.account, conn.progress = account, progress
        session.before, session.after = self._watcher(t, account, rule, prepared, frozen, watch)
        if t.attempts == 0 and t.first_write_at is None and t.inflight is None:
            rule.freshen(prepared, now)
        if not self.store.update(t.id, expect=("scheduled",), state="sending", attempts=t.attempts + 1,
                                 durable=rule.durable,
                                 next_attempt_at=now, prepared=steps_only(prepared, frozen), now=now,
                                 event=Event("sending", request=_summary(frozen))):
            return  # cancelled or rescheduled meanwhile
        before, t = t.attempts, dataclasses.replace(t, attempts=t.attempts + 1, state="sending")
        try:
            if verdict.action == ASK:
                found = client.find_published(prepared, conn)
                if found is not None:
                    self._posted(t, found, prepared, frozen, watch, "found on the network")
                    return
                if self._held(t, now):
                    return
            receipt = client.publish(prepared, conn)
        except Cancelled:
            unresolved = watch.inflight is not None and first_unsent(prepared) == watch.inflight["step"]
            self._retry(t, prepared, frozen, watch, self.clock(), "Stopped before it was finished.",
                        event="interrupted", attempts=before, keep=unresolved)
            raise
        except RateLimited as e:
            wait = rate_wait(e.retry_after, t.attempts, self.rng, self.first_wait)
            self._block(account.id, self.clock() + wait)
            self._retry(t, prepared, frozen, watch, self.clock() + wait, e.message, event="rate limited",
                        attempts=before)
        except Transient as e:
            self._transient(t, prepared, frozen, watch, e.message)
        except OutcomeUnknown as e:
            self._unknown(t, client, conn, rule, prepared, frozen, watch, e.message)
        except CredentialError as e:  # saving a renewed sign-in failed
            if e.kind == "damaged":
                self.queue.accounts.mark(account, "needs_reauth", e.message)
                self._end(t, "needs_reauth", e.message, prepared, frozen, watch)
            else:
                self._block(account.id, self.clock() + KEYRING_WAIT)
                self._retry(t, prepared, frozen, watch, self.clock() + KEYRING_WAIT, e.message, attempts=before)
        except AuthExpired as e:
            self.queue.accounts.mark(account, "needs_reauth", e.message)
            self._end(t, "needs_reauth", e.message, prepared, frozen, watch)
        except PublishError as e:
            self._end(t, "failed", e.message, prepared, frozen, watch)
        else:
            self._posted(t, receipt, prepared, frozen, watch, "posted")

    # --- the watch: before every request ---

    def _watcher(self, t: TargetRow, account: Account, rule: Rule, prepared: Prepared, frozen: dict,
                 watch: _Watch) -> tuple[Callable[[str, str], None], Callable[[requests.Response], None]]:
        budgets = budgets_for(t.network)

        def before(method: str, url: str) -> None:
            now = self.clock()
            label, write = rule.label(method, url), rule.is_write(method, url)
            watch.labels.append(label)
            used = []
            for b in budgets:
                if b.matches == "all" or (b.matches == "writes" and write) or b.matches == label:
                    count, oldest = self.store.usage(account.id, b.name, now - b.window)
                    if count >= b.limit:
                        wait = max(1.0, (oldest or now) + b.window - now)
                        name = NETWORK_NAMES.get(t.network, t.network)
                        raise RateLimited(f"Content Studio keeps {account.label} within {name}'s limit of "
                                          f"{b.describe()}; it goes on in {seconds(wait)}.", wait)
                    used.append(b.name)
            if write and not rule.marks_writes:
                watch.unsaved_usage += used
            elif write:
                inflight = {"request": label, "step": first_unsent(prepared), "steps": len(prepared.steps),
                            "at": now}
                first = watch.first_write_at or now
                self.store.update(t.id, expect=("sending",), usage=used, prepared=steps_only(prepared, frozen),
                                  inflight=inflight, first_write_at=first, now=now)
                watch.before_write, watch.first_write_at = watch.first_write_at, first
                watch.inflight, watch.writing = inflight, True
            elif used:
                self.store.add_usage(account.id, used, now)

        def after(response: requests.Response) -> None:
            if watch.writing:
                watch.writing = False
                refused = not 200 <= response.status_code < 300 and response.status_code not in (502, 504)
                if refused:
                    watch.first_write_at = watch.before_write

        return before, after

    # --- outcomes ---

    def _posted(self, t: TargetRow, receipt: Receipt, prepared: Prepared, frozen: dict, watch: _Watch,
                event: str) -> None:
        now = self.clock()
        self.store.update(t.id, durable=rule_for(t.network).durable,
                          expect=("scheduled", "sending"), state="posted", url=receipt.url,
                          usage=watch.unsaved_usage, ids=list(receipt.ids), posted_at=receipt.posted_at, message="",
                          inflight=None, prepared=steps_only(prepared, frozen), now=now,
                          event=Event(event, request=_requests(watch), answer=receipt.url or ", ".join(receipt.ids)))
        self.report(Outcome(t.item_id, t.id, t.account_id, t.target, "posted", url=receipt.url))

    def _transient(self, t: TargetRow, prepared: Prepared, frozen: dict, watch: _Watch, message: str,
                   keep: bool = False) -> None:
        if t.attempts >= MAX_ATTEMPTS:
            self._end(t, "failed", f"{message} (Content Studio tried {t.attempts} times; retry it later.)", prepared,
                      frozen, watch, keep=keep)
            return
        when = self.clock() + backoff(t.attempts, self.rng, self.first_wait)
        self._retry(t, prepared, frozen, watch, when, message, keep=keep)

    def _unknown(self, t: TargetRow, client: Client, conn: Connection, rule: Rule, prepared: Prepared, frozen: dict,
                 watch: _Watch, message: str) -> None:
        now = self.clock()
        inflight = watch.inflight or {"request": watch.labels[-1] if watch.labels else "", "steps": len(prepared.steps),
                                      "step": first_unsent(prepared), "at": now}
        first = watch.first_write_at or now
        watch.inflight, watch.first_write_at = inflight, first
        seen = dataclasses.replace(t, inflight=inflight, first_write_at=first)
        verdict = rule.verdict(seen, now, client.can_find_published)
        if verdict.action == ASK:
            try:
                found = client.find_published(prepared, conn)
            except (PublishError, Cancelled):
                found = None
            if found is not None:
                self._posted(seen, found, prepared, frozen, watch, "found on the network")
                return
        if verdict.action in (ASK, SEND):  # sending again cannot post twice (record keys, idempotency key)
            self._transient(seen, prepared, frozen, watch, message, keep=True)
            return
        self._end(seen, "outcome_unknown", f"{message} {verdict.message}", prepared, frozen, watch, keep=True)

    def _held(self, t: TargetRow, now: float) -> bool:
        if now - t.when <= self.hold_after:
            return False
        item = self.store.item(t.item_id)
        zone = item.zone if item is not None else "UTC"
        hours = self.hold_after / 3600
        message = (f"It was due {describe(t.when, zone)}, more than {hours:g} hour{'s' if hours != 1 else ''} ago, "
                   "while nothing was publishing. Confirm it to publish it now, or cancel it.")
        self._end(t, "held", message)
        return True

    def _retry(self, t: TargetRow, prepared: Prepared, frozen: dict, watch: _Watch, when: float, message: str, *,
               event: str = "retry later", attempts: int | None = None, keep: bool = False) -> None:
        """Back to scheduled for `when`; `attempts` given when this attempt does not count (a rate limit, a stop)."""
        fields = self._resolved(t, prepared, frozen, watch, keep)
        self.store.update(t.id, durable=rule_for(t.network).durable,
                          expect=("scheduled", "sending"), state="scheduled", next_attempt_at=when,
                          usage=watch.unsaved_usage,
                          attempts=t.attempts if attempts is None else attempts, message=message,
                          now=self.clock(), event=Event(event, request=_requests(watch), answer=message), **fields)
        self.report(Outcome(t.item_id, t.id, t.account_id, t.target, "scheduled", message=message,
                            next_attempt_at=when))

    def _end(self, t: TargetRow, state: str, message: str, prepared: Prepared | None = None,
             frozen: dict | None = None, watch: _Watch | None = None, *, keep: bool = False) -> None:
        fields = self._resolved(t, prepared, frozen, watch, keep) if prepared is not None else {}
        self.store.update(t.id, durable=rule_for(t.network).durable,
                          expect=("scheduled", "sending"), state=state, message=message, now=self.clock(),
                          usage=watch.unsaved_usage if watch is not None else (),
                          event=Event(state.replace("_", " "), request=_requests(watch), answer=message), **fields)
        self.report(Outcome(t.item_id, t.id, t.account_id, t.target, state, message=message))

    def _keyring_wait(self, t: TargetRow, account: Account, message: str) -> None:
        """The keyring is locked or cannot be reached: nothing was sent; try this account again in a while."""
        until = self.clock() + KEYRING_WAIT
        self._block(account.id, until)
        self.store.update(t.id, expect=("scheduled",), next_attempt_at=until, message=message, now=self.clock(),
                          event=Event("waiting for the keyring", answer=message))
        self.report(Outcome(t.item_id, t.id, t.account_id, t.target, "scheduled", message=message,
                            next_attempt_at=until))

    def _block(self, account_id: str, until: float) -> None:
        self.blocked[account_id] = until
        self.queue.library.set_setting(WAITS_SETTING, self.blocked)

    @staticmethod
    def _resolved(t: TargetRow, prepared: Prepared, frozen: dict | None, watch: _Watch | None, keep: bool) -> dict:
        """The steps as they are now, the first write that may have created something, and the in-flight mark:
        kept while the outcome is unknown, else cleared."""
        fields: dict = {"prepared": steps_only(prepared, frozen or {})}
        if watch is not None:
            fields["first_write_at"] = watch.first_write_at
        if keep:
            fields["inflight"] = watch.inflight if watch is not None and watch.inflight else t.inflight
        else:
            fields["inflight"] = None
        return fields


def _summary(frozen: dict) -> str:
    """What an attempt sends, without a secret: the parts, the media and the job key."""
    steps, media = frozen.get("steps", []), frozen.get("media", [])
    size = sum(int(m.get("size") or 0) for m in media)
    parts = f"{len(steps)} part{'s' if len(steps) != 1 else ''}"
    files = f", {len(media)} media file{'s' if len(media) != 1 else ''} ({size / 1000:,.0f} kB)" if media else ""
    return f"{frozen.get('network', '')}: {parts}{files}, key {frozen.get('key', '')}"


def _requests(watch: _Watch | None) -> str:
    """The requests of the attempt, counted: "uploadBlob ×2, putRecord"."""
    if watch is None or not watch.labels:
        return ""
    counts: dict[str, int] = {}
    for label in watch.labels:
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in counts.items())
