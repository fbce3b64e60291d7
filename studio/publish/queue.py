"""The publish queue as the user works with it (the CLI now, the queue window later): add, list, reschedule,
retry, cancel, confirm, history, time slots. The runner (runner.py) is what sends.

Adding freezes each target: the Outgoing that studio.publishing made (validated, rendered, fitted), and the
client's Prepared requests, made once here, so Bluesky's record keys and Mastodon's idempotency keys stay the same
for the item's whole life, whatever happens to the .studio file afterwards. Media bytes go to content-addressed
files in the data folder; the database holds their hashes.

Every method is safe to call while a runner works on the same library (another thread or process): state changes
are guarded, so a target being sent cannot be cancelled or rescheduled under the runner's feet.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from studio.core.document import Document
from studio.core.post import post_to_data
from studio.networks.publishing import Prepared
from studio.publish.accounts import Accounts
from studio.publish.frozen import outgoing_to_data, prepared_from_data, prepared_to_data
from studio.publish.now import Job
from studio.publish.policy import WAITS_SETTING, BudgetUse, budgets_for
from studio.publish.schedule import Recurrence, Slot, describe, next_free_slot, recurrences
from studio.store.library import Library
from studio.store.media_files import FOLDER, MediaFiles
from studio.store.queue_store import Event, HistoryRow, ItemRow, NewItem, NewTarget, QueueStore, TargetRow

LOCK_NAME = "queue-runner.lock"
RETRYABLE = ("failed", "needs_reauth", "cancelled", "held", "outcome_unknown")
CANCELLABLE = ("scheduled", "held", "failed", "needs_reauth", "outcome_unknown")


class QueueError(Exception):
    """An operation the queue cannot do. `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Schedule:
    """When a new item goes out: at an instant (None: now), or in the next free slot of each target's account."""

    at: float | None = None
    zone: str = "UTC"
    slot: bool = False
    recur: Recurrence | None = None


def design_hash(doc: Document) -> str:
    """A fingerprint of the post as it was queued (text, variants, designs, media by content hash)."""
    data = json.dumps(post_to_data(doc.post), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


class Queue:
    def __init__(self, library: Library, accounts: Accounts, *, clock: Callable[[], float] = time.time):
        self.library, self.accounts, self.clock = library, accounts, clock
        self.store = QueueStore(library)
        self.media = MediaFiles(library.path.parent / FOLDER)
        self.lock_path = library.path.parent / LOCK_NAME

    def revision(self) -> int:
        """Changes whenever the queue may have changed, in this process or another: poll it to refresh a view."""
        return self.store.revision()

    # --- adding ---

    def add(self, jobs: list[Job], *, schedule: Schedule, source: Path, design: str, title: str = "",
            summary: str = "") -> list[int]:
        """Queue one post (its validated jobs, see studio.publishing.build_jobs) as one item, or a series of items
        for a recurring post. Returns the item ids."""
        if not jobs:
            raise QueueError("There is nothing to queue: the post has no targets.")
        now = self.clock()
        firsts = self._first_times(jobs, schedule, now)
        series = [recurrences(first, schedule.zone, schedule.recur) if schedule.recur else [first]
                  for first in firsts]
        count = min(len(s) for s in series)
        memo: dict[int, str] = {}

        def put(data: bytes) -> str:
            if id(data) not in memo:
                memo[id(data)] = self.media.put(data)
            return memo[id(data)]

        items: list[NewItem] = []
        for n in range(count):
            targets = []
            for job, times in zip(jobs, series, strict=True):
                out = job.outgoing if n == 0 else dataclasses.replace(job.outgoing, key=f"{job.outgoing.key}-{n}")
                client = self.accounts.client(job.account)
                prepared = job.prepared if n == 0 and job.prepared is not None else client.prepare(out, job.account)
                targets.append(NewTarget(job.account.id, out.target, job.account.network, times[n],
                                         outgoing_to_data(out, put), prepared_to_data(prepared, put)))
            recur = schedule.recur.to_data() if schedule.recur and n == 0 else None
            text = summary or jobs[0].outgoing.text
            items.append(NewItem(title, text[:200], str(Path(source).resolve()), design, schedule.zone, targets,
                                 recur))
        return self.store.insert_items(items, series=schedule.recur is not None, now=now)

    def _first_times(self, jobs: list[Job], schedule: Schedule, now: float) -> list[float]:
        if not schedule.slot:
            return [schedule.at if schedule.at is not None else now] * len(jobs)
        chosen: dict[str, list[float]] = {}
        out = []
        for job in jobs:
            account = job.account.id
            slots = self.slots(account)
            if not slots:
                raise QueueError(f"{account} has no time slots yet. Set some with `studio queue slots {account} "
                                 "--add \"mon-fri 09:00\"`, or give a time with --at.")
            taken = self.store.due_times(account, now) + chosen.setdefault(account, [])
            found = next_free_slot(slots, taken, max(now, schedule.at or now))
            if found is None:
                raise QueueError(f"{account} has no free time slot in the coming year.")
            chosen[account].append(found)
            out.append(found)
        return out

    # --- looking ---

    def list(self, *, account: str | None = None, states: Iterable[str] | None = None, since: float | None = None,
             until: float | None = None, limit: int | None = None, offset: int = 0) -> list[ItemRow]:
        return self.store.items(account=account, states=states, since=since, until=until, limit=limit,
                                offset=offset)

    def count(self, **filters) -> int:
        return self.store.count(**filters)

    def item(self, item_id: int) -> ItemRow:
        found = self.store.item(item_id)
        if found is None:
            raise QueueError(f"There is no queue item {item_id}. See `studio queue list`.")
        return found

    def history(self, *, item_id: int | None = None, since: float | None = None,
                until: float | None = None) -> list[HistoryRow]:
        return self.store.history(item_id=item_id, since=since, until=until)

    def prepared(self, target: TargetRow) -> tuple[Prepared, dict]:
        """A target's frozen requests, media read back from their files (checked), and the frozen JSON."""
        full = self.store.target(target.id)
        if full is None or full.prepared is None:
            raise QueueError(f"Queue target {target.id} no longer exists.")
        return prepared_from_data(full.prepared, self.media.get), full.prepared

    # --- changing ---

    def reschedule(self, item_id: int, at: float, zone: str | None = None) -> int:
        """Move the targets that have not gone out yet (scheduled or held) so the first goes out at `at`; the others
        keep their distance from it (a post queued into each account's own slot stays spread the same way).
        Returns how many moved."""
        item = self.item(item_id)
        waiting = [t for t in item.targets if t.state in ("scheduled", "held")]
        first = min((t.due_at for t in waiting), default=at)
        moved = 0
        for t in waiting:
            due = at + (t.due_at - first)
            moved += self.store.update(t.id, expect=("scheduled", "held"), state="scheduled", due_at=due,
                                       next_attempt_at=None, message="", now=self.clock(),
                                       event=Event("rescheduled", answer=describe(due, zone or item.zone)))
        self.store.set_item_time(item_id, zone)
        return moved

    def retry(self, item_id: int, *, account: str | None = None, force: bool = False) -> list[TargetRow]:
        """Send again the targets that failed, wait for re-authorisation, were cancelled or held. An outcome-unknown
        target is only resent with `force` (the user has checked that the post is not on the network)."""
        item = self.item(item_id)
        chosen = [t for t in self._targets(item, account) if t.state in RETRYABLE]
        unknown = [t for t in chosen if t.state == "outcome_unknown"]
        if unknown and not force:
            raise QueueError(f"Item {item_id} may already be posted on {', '.join(t.account_id for t in unknown)} "
                             "(outcome unknown). Check the account; if the post is not there, retry with --force.")
        if not chosen:
            states = ", ".join(sorted({t.state.replace("_", " ") for t in self._targets(item, account)}))
            raise QueueError(f"Item {item_id} has nothing to retry: it is {states}.")
        now = self.clock()
        done = []
        for t in chosen:
            extra = {"inflight": None, "first_write_at": None} if t.state == "outcome_unknown" else {}
            what = "retried after the user checked the network" if extra else "retried"
            if self.store.update(t.id, expect=(t.state,), state="scheduled", next_attempt_at=now, attempts=0,
                                 message="", now=now, event=Event(what), **extra):
                done.append(t)
        return done

    def confirm(self, item_id: int) -> list[TargetRow]:
        """Publish held targets (due while nothing ran, longer ago than the hold setting) now."""
        item = self.item(item_id)
        held = [t for t in item.targets if t.state == "held"]
        if not held:
            raise QueueError(f"Item {item_id} is not waiting for confirmation.")
        now = self.clock()
        return [t for t in held if self.store.update(t.id, expect=("held",), state="scheduled", next_attempt_at=now,
                                                     message="", now=now, event=Event("confirmed"))]

    def publish_now(self, item_ids: Iterable[int]) -> int:
        """Make the scheduled or held targets of these items due now (a batch "publish now"); returns how many."""
        now = self.clock()
        n = 0
        for item_id in item_ids:
            for t in self.item(item_id).targets:
                n += self.store.update(t.id, expect=("scheduled", "held"), state="scheduled", next_attempt_at=now,
                                       now=now, event=Event("publish now"))
        return n

    def undo_publish_now(self, before: dict[int, str]) -> int:
        """Stop a batch "publish now": targets the runner has not picked up yet go back to their state before it
        (`before`: target id -> "scheduled" or "held"), due at their own time again. Returns how many."""
        now = self.clock()
        return sum(self.store.update(target_id, expect=("scheduled",), state=state, next_attempt_at=None, now=now,
                                     event=Event("publish now stopped", answer="Back to its scheduled time."))
                   for target_id, state in before.items())

    def cancel(self, item_id: int, *, account: str | None = None, series: bool = False) -> list[TargetRow]:
        """Cancel what has not gone out; with `series`, also the later items of its recurring series."""
        item = self.item(item_id)
        items = [item]
        if series and item.series_id is not None:
            items = [self.item(i) for i in self.store.series(item.series_id) if i >= item_id]
        now = self.clock()
        done: list[TargetRow] = []
        for it in items:
            for t in self._targets(it, account):
                if t.state == "sending":
                    raise QueueError(f"Item {it.id} is being sent to {t.account_id} right now and cannot be "
                                     "cancelled.")
                if t.state in CANCELLABLE and self.store.update(t.id, expect=CANCELLABLE, state="cancelled",
                                                                message="", now=now, event=Event("cancelled")):
                    done.append(t)
        if not done:
            raise QueueError(f"Item {item_id} has nothing left to cancel (it is posted or cancelled already).")
        return done

    @staticmethod
    def _targets(item: ItemRow, account: str | None) -> list[TargetRow]:
        if account is None:
            return item.targets
        chosen = [t for t in item.targets if account in (t.account_id, f"{t.account_id}:{t.target}")]
        if not chosen:
            raise QueueError(f"Item {item.id} is not queued to {account}; it goes to "
                             f"{', '.join(t.account_id for t in item.targets)}.")
        return chosen

    # --- time slots ---

    def limits(self, account_id: str, network: str) -> tuple[list[BudgetUse], float | None]:
        """The account's rate budgets as used so far, and until when the runner holds its posts back (a 429 or a
        spent budget), None when it does not."""
        now = self.clock()
        uses = []
        for b in budgets_for(network):
            used, oldest = self.store.usage(account_id, b.name, now - b.window)
            uses.append(BudgetUse(b, used, oldest + b.window if oldest is not None else None))
        waits = self.library.get_setting(WAITS_SETTING, {})
        until = waits.get(account_id) if isinstance(waits, dict) else None
        return uses, until if isinstance(until, int | float) and until > now else None

    def slots(self, account_id: str) -> list[Slot]:
        return [Slot(weekday, hhmm, zone) for _, weekday, hhmm, zone in self.store.slots(account_id)]

    def set_slots(self, account_id: str, slots: Iterable[Slot]) -> None:
        self.store.set_slots(account_id, [(s.weekday, s.time, s.zone) for s in slots])

    def next_free_slot(self, account_id: str, after: float | None = None) -> float | None:
        after = self.clock() if after is None else after
        return next_free_slot(self.slots(account_id), self.store.due_times(account_id, after), after)
