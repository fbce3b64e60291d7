"""The queue's rows in the library database (schema in queue_schema.py): plain SQL, no policy.

Every change of a target's state is one guarded update (`WHERE state IN expected`), written in the same
transaction as its history row, so two writers (the GUI and a runner) can never both move a target and the
history never disagrees with the state. `revision()` changes whenever the queue may have changed, also when
another process wrote it: a list or calendar polls it to know when to reload.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from studio.store.library import Library
from studio.store.queue_schema import STATES

_LIGHT = ("id, item_id, position, account_id, target, network, state, due_at, next_attempt_at, attempts, url, ids, "
          "message, posted_at, updated_at, inflight, first_write_at")
_ITEM = "id, title, summary, source_path, design_hash, scheduled_at, zone, recur, series_id, series_index, created_at"
_FIELDS = {"state", "due_at", "next_attempt_at", "attempts", "url", "ids", "message", "posted_at", "inflight",
           "first_write_at", "prepared"}
_JSON = {"ids", "inflight", "prepared"}


@dataclass
class TargetRow:
    id: int
    item_id: int
    position: int
    account_id: str
    target: str
    network: str
    state: str
    due_at: float
    next_attempt_at: float | None
    attempts: int
    url: str
    ids: list[str]
    message: str
    posted_at: float | None
    updated_at: float
    inflight: dict | None
    first_write_at: float | None
    outgoing: dict | None = None  # only from QueueStore.target()
    prepared: dict | None = None

    @property
    def when(self) -> float:
        """When it is (or was) next to be sent."""
        return self.next_attempt_at if self.next_attempt_at is not None else self.due_at


@dataclass
class ItemRow:
    id: int
    title: str
    summary: str
    source_path: str
    design_hash: str
    scheduled_at: float
    zone: str
    recur: dict | None
    series_id: int | None
    series_index: int
    created_at: float
    targets: list[TargetRow] = field(default_factory=list)


@dataclass
class NewTarget:
    account_id: str
    target: str
    network: str
    due_at: float
    outgoing: dict
    prepared: dict


@dataclass
class NewItem:
    title: str
    summary: str
    source_path: str
    design_hash: str
    zone: str
    targets: list[NewTarget]
    recur: dict | None = None


@dataclass
class Event:
    """A history row to write with a change: what happened, what was asked (no secret), what the network said."""

    event: str
    request: str = ""
    answer: str = ""


@dataclass
class HistoryRow:
    id: int
    at: float
    item_id: int
    target_id: int | None
    account_id: str
    target: str
    event: str
    request: str
    answer: str


class QueueStore:
    def __init__(self, library: Library) -> None:
        self.lib = library
        self._conn = library._conn
        self._writes = 0
        with library._guard():
            self._durable_level = int(self._conn.execute("PRAGMA synchronous").fetchone()[0])

    def revision(self) -> int:
        """Changes when the queue may have changed (here or in another process)."""
        with self.lib._guard():
            other = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return other * 1_000_000 + self._writes

    # --- items ---

    def insert_items(self, items: Sequence[NewItem], *, series: bool = False, now: float | None = None) -> list[int]:
        """Insert items with their targets and a "queued" history row each, in one transaction. With `series`,
        the items after the first belong to the first one's series."""
        now = time.time() if now is None else now
        ids: list[int] = []
        with self.lib._guard(), self.lib._transaction():
            for index, item in enumerate(items):
                first = min(t.due_at for t in item.targets)
                cur = self._conn.execute(
                    "INSERT INTO queue_items (title, summary, source_path, design_hash, scheduled_at, zone, recur, "
                    "series_id, series_index, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.title, item.summary, item.source_path, item.design_hash, first, item.zone,
                     json.dumps(item.recur) if item.recur else None, ids[0] if series and ids else None,
                     index if series else 0, now))
                item_id = int(cur.lastrowid)
                ids.append(item_id)
                for position, t in enumerate(item.targets):
                    cur = self._conn.execute(
                        "INSERT INTO queue_targets (item_id, position, account_id, target, network, state, due_at, "
                        "outgoing, prepared, updated_at) VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)",
                        (item_id, position, t.account_id, t.target, t.network, t.due_at,
                         json.dumps(t.outgoing, ensure_ascii=False), json.dumps(t.prepared, ensure_ascii=False), now))
                    self._history(now, item_id, int(cur.lastrowid), t.account_id, t.target,
                                  Event("queued", answer=f"due {_iso(t.due_at)}"))
            if series and ids:
                self._conn.execute("UPDATE queue_items SET series_id = ? WHERE id = ?", (ids[0], ids[0]))
        self._writes += 1
        return ids

    def items(self, *, account: str | None = None, states: Iterable[str] | None = None, since: float | None = None,
              until: float | None = None, limit: int | None = None, offset: int = 0) -> list[ItemRow]:
        """Items in time order with their targets (without the frozen requests). `account`/`states` keep the
        items with at least one such target; `since`/`until` bound `scheduled_at` (until exclusive)."""
        where, args = self._filters(account, states, since, until)
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        cols = ", ".join(f"t.{c.strip()}" for c in _LIGHT.split(","))
        sql = (f"WITH page AS (SELECT {_ITEM} FROM queue_items i{where} ORDER BY scheduled_at, id{page}) "
               f"SELECT page.*, {cols} FROM page JOIN queue_targets t ON t.item_id = page.id "
               "ORDER BY page.scheduled_at, page.id, t.position")
        with self.lib._guard():
            rows = self._conn.execute(sql, args).fetchall()
        out: list[ItemRow] = []
        n = len(_ITEM.split(","))
        for row in rows:
            if not out or out[-1].id != row[0]:
                out.append(_item(row[:n]))
            out[-1].targets.append(_target(row[n:]))
        return out

    def count(self, *, account: str | None = None, states: Iterable[str] | None = None, since: float | None = None,
              until: float | None = None) -> int:
        where, args = self._filters(account, states, since, until)
        with self.lib._guard():
            return int(self._conn.execute(f"SELECT count(*) FROM queue_items i{where}", args).fetchone()[0])

    def item(self, item_id: int) -> ItemRow | None:
        with self.lib._guard():
            row = self._conn.execute(f"SELECT {_ITEM} FROM queue_items WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                return None
            targets = self._conn.execute(f"SELECT {_LIGHT} FROM queue_targets WHERE item_id = ? ORDER BY position",
                                         (item_id,)).fetchall()
        found = _item(row)
        found.targets = [_target(t) for t in targets]
        return found

    def series(self, series_id: int) -> list[int]:
        with self.lib._guard():
            rows = self._conn.execute("SELECT id FROM queue_items WHERE series_id = ? ORDER BY series_index",
                                      (series_id,)).fetchall()
        return [r[0] for r in rows]

    def set_item_time(self, item_id: int, zone: str | None = None) -> None:
        """Recompute an item's `scheduled_at` from its targets (after a reschedule), and set its zone."""
        with self.lib._guard():
            self._conn.execute("UPDATE queue_items SET scheduled_at = (SELECT min(due_at) FROM queue_targets "
                               "WHERE item_id = ?), zone = coalesce(?, zone) WHERE id = ?", (item_id, zone, item_id))
        self._writes += 1

    # --- targets ---

    def target(self, target_id: int) -> TargetRow | None:
        """One target with its frozen Outgoing and Prepared."""
        with self.lib._guard():
            row = self._conn.execute(f"SELECT {_LIGHT}, outgoing, prepared FROM queue_targets WHERE id = ?",
                                     (target_id,)).fetchone()
        if row is None:
            return None
        found = _target(row[:-2])
        found.outgoing, found.prepared = json.loads(row[-2]), json.loads(row[-1])
        return found

    def targets_in(self, states: Iterable[str], *, due_before: float | None = None,
                   account: str | None = None) -> list[TargetRow]:
        """Targets in these states in queue order (their scheduled instants); `due_before`: only those due by
        then (a retry is due at its next attempt)."""
        states = _states(states)
        sql = f"SELECT {_LIGHT} FROM queue_targets WHERE state IN ({','.join('?' * len(states))})"
        args: list = list(states)
        if due_before is not None:
            sql += " AND coalesce(next_attempt_at, due_at) <= ?"
            args.append(due_before)
        if account is not None:
            sql += " AND account_id = ?"
            args.append(account)
        sql += " ORDER BY due_at, item_id, position"  # a retry keeps its place in the queue
        with self.lib._guard():
            return [_target(r) for r in self._conn.execute(sql, args).fetchall()]

    def next_due(self) -> float | None:
        """The earliest instant a scheduled target is to be sent."""
        with self.lib._guard():
            row = self._conn.execute("SELECT min(coalesce(next_attempt_at, due_at)) FROM queue_targets "
                                     "WHERE state = 'scheduled'").fetchone()
        return row[0]

    def due_times(self, account_id: str, since: float) -> list[float]:
        """The instants already taken by this account's targets from `since` on (not the cancelled ones)."""
        with self.lib._guard():
            rows = self._conn.execute("SELECT due_at FROM queue_targets WHERE account_id = ? AND due_at >= ? "
                                      "AND state != 'cancelled'", (account_id, since)).fetchall()
        return [r[0] for r in rows]

    def update(self, target_id: int, *, expect: Iterable[str] | None = None, event: Event | None = None,
               usage: Iterable[str] = (), now: float | None = None, durable: bool = True, **fields: object) -> bool:
        """Change a target, only if its state is one of `expect`; with the history row and rate-budget usage (budget
        names) in the same transaction. Returns False (and writes nothing) when the state did not match.
        `durable=False` does not wait for the disk (it survives a killed process, not a power cut): for changes
        that can safely be made again, such as a Bluesky record written under a fixed key."""
        unknown = set(fields) - _FIELDS
        if unknown:
            raise ValueError(f"unknown target fields: {sorted(unknown)}")
        if "state" in fields and fields["state"] not in STATES:
            raise ValueError(f"unknown state {fields['state']!r}")
        now = time.time() if now is None else now
        sets = [f"{k} = ?" for k in fields] + ["updated_at = ?"]
        args = [_column(k, v) for k, v in fields.items()] + [now, target_id]
        sql = f"UPDATE queue_targets SET {', '.join(sets)} WHERE id = ?"
        if expect is not None:
            expected = _states(expect)
            sql += f" AND state IN ({','.join('?' * len(expected))})"
            args += expected
        with self.lib._guard(), self._synchronous(durable), self.lib._transaction():
            row = self._conn.execute(sql + " RETURNING item_id, account_id, target", args).fetchone()
            if row is None:
                return False
            if event is not None:
                self._history(now, row[0], target_id, row[1], row[2], event)
            used = [(row[1], name, now) for name in usage]
            if used:
                self._conn.executemany("INSERT INTO rate_usage (account_id, budget, at) VALUES (?, ?, ?)", used)
        self._writes += 1
        return True

    # --- history ---

    def history(self, *, item_id: int | None = None, since: float | None = None,
                until: float | None = None) -> list[HistoryRow]:
        where, args = [], []
        for sql, value in (("item_id = ?", item_id), ("at >= ?", since), ("at < ?", until)):
            if value is not None:
                where.append(sql)
                args.append(value)
        text = f" WHERE {' AND '.join(where)}" if where else ""
        with self.lib._guard():
            rows = self._conn.execute("SELECT id, at, item_id, target_id, account_id, target, event, request, answer "
                                      f"FROM queue_history{text} ORDER BY id", args).fetchall()
        return [HistoryRow(*r) for r in rows]

    def _history(self, at: float, item_id: int, target_id: int | None, account_id: str, target: str,
                 event: Event) -> None:
        self._conn.execute("INSERT INTO queue_history (at, item_id, target_id, account_id, target, event, request, "
                           "answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (at, item_id, target_id, account_id, target, event.event, event.request, event.answer))

    # --- time slots ---

    def slots(self, account_id: str | None = None) -> list[tuple[str, int, str, str]]:
        """(account id, weekday, "HH:MM", zone), ordered."""
        sql = "SELECT account_id, weekday, time, zone FROM queue_slots"
        args: tuple = ()
        if account_id is not None:
            sql, args = sql + " WHERE account_id = ?", (account_id,)
        with self.lib._guard():
            return [tuple(r) for r in self._conn.execute(sql + " ORDER BY account_id, weekday, time", args)]

    def set_slots(self, account_id: str, slots: Iterable[tuple[int, str, str]]) -> None:
        """Replace the account's slots with (weekday, "HH:MM", zone)."""
        with self.lib._guard(), self.lib._transaction():
            self._conn.execute("DELETE FROM queue_slots WHERE account_id = ?", (account_id,))
            self._conn.executemany("INSERT OR REPLACE INTO queue_slots (account_id, weekday, time, zone) "
                                   "VALUES (?, ?, ?, ?)", [(account_id, *s) for s in slots])
        self._writes += 1

    # --- rate budgets ---

    def usage(self, account_id: str, budget: str, since: float) -> tuple[int, float | None]:
        """How many uses of a budget the account made since then, and the oldest of them."""
        with self.lib._guard():
            row = self._conn.execute("SELECT count(*), min(at) FROM rate_usage WHERE account_id = ? AND budget = ? "
                                     "AND at > ?", (account_id, budget, since)).fetchone()
        return int(row[0]), row[1]

    def add_usage(self, account_id: str, budgets: Iterable[str], now: float) -> None:
        with self.lib._guard():
            self._conn.executemany("INSERT INTO rate_usage (account_id, budget, at) VALUES (?, ?, ?)",
                                   [(account_id, b, now) for b in budgets])

    def forget_usage(self, before: float) -> None:
        with self.lib._guard():
            self._conn.execute("DELETE FROM rate_usage WHERE at < ?", (before,))

    # --- internals ---

    @contextmanager
    def _synchronous(self, durable: bool) -> Iterator[None]:
        if durable:
            yield
            return
        self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL: commit without fsync
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA synchronous = {self._durable_level}")

    @staticmethod
    def _filters(account: str | None, states: Iterable[str] | None, since: float | None,
                 until: float | None) -> tuple[str, list]:
        where, args = [], []
        if since is not None:
            where.append("i.scheduled_at >= ?")
            args.append(since)
        if until is not None:
            where.append("i.scheduled_at < ?")
            args.append(until)
        if account is not None or states is not None:
            conditions = []
            if account is not None:
                conditions.append("account_id = ?")
                args.append(account)
            if states is not None:
                chosen = _states(states)
                conditions.append(f"state IN ({','.join('?' * len(chosen))})")
                args += chosen
            # one pass over the matching targets (an index), not a lookup per item
            where.append(f"i.id IN (SELECT item_id FROM queue_targets WHERE {' AND '.join(conditions)})")
        return (f" WHERE {' AND '.join(where)}" if where else ""), args


def _states(states: Iterable[str]) -> list[str]:
    chosen = list(states)
    bad = [s for s in chosen if s not in STATES]
    if bad:
        raise ValueError(f"unknown state {bad[0]!r}; the states are: {', '.join(STATES)}")
    return chosen


def _column(name: str, value: object) -> object:
    if name in _JSON and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value


def _item(row: Sequence) -> ItemRow:
    return ItemRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]) if row[7] else None,
                   row[8], row[9], row[10])


def _target(row: Sequence) -> TargetRow:
    return TargetRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10],
                     json.loads(row[11]), row[12], row[13], row[14], json.loads(row[15]) if row[15] else None, row[16])


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))
