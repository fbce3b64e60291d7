"""`studio queue …`: the headless face of the publish queue (add, list, run, retry, cancel, confirm, history, slots)."""

from __future__ import annotations

import argparse
import csv
import json
import signal
import sys
from pathlib import Path

STATE_NAMES = ("scheduled", "sending", "posted", "failed", "needs_reauth", "outcome_unknown", "cancelled", "held")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("queue", help="schedule posts and publish them on time")
    qs = q.add_subparsers(dest="queue_command", required=True)
    add = qs.add_parser("add", help="freeze a post and queue it to its targets (checked by the validator first)")
    add.add_argument("file", type=Path)
    add.add_argument("--target", action="append", required=True, metavar="ACCOUNT[:PLACEMENT]",
                     help="an account id or handle (see 'studio accounts list'), repeatable")
    when = add.add_mutually_exclusive_group()
    when.add_argument("--at", metavar="ISO-8601", help="2026-03-30T09:00 (in --zone), 2026-03-30T09:00+02:00 or "
                                                       "2026-03-30T09:00[Europe/Berlin]; default: now")
    when.add_argument("--slot", action="store_true", help="the next free time slot of each account")
    add.add_argument("--zone", help="the IANA time zone, such as Europe/Berlin (default: this computer's)")
    add.add_argument("--every", metavar="N{d|w}", help="repeat every N days (3d) or weeks (2w)")
    add.add_argument("--until", metavar="DATE", help="repeat until this date (inclusive)")
    add.add_argument("--count", type=int, help="repeat for this many posts in all")

    ls = qs.add_parser("list", help="the queue, one line per item and target")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--account", help="only items to this account")
    ls.add_argument("--state", action="append", choices=STATE_NAMES, help="only items with a target in this state")
    ls.add_argument("--from", dest="since", metavar="DATE", help="scheduled on or after (in --zone)")
    ls.add_argument("--to", dest="until", metavar="DATE", help="scheduled before (in --zone)")
    ls.add_argument("--zone", help="the zone of --from/--to (default: this computer's)")

    run = qs.add_parser("run", help="publish due items; keeps running until stopped, unless --once")
    run.add_argument("--once", action="store_true", help="publish what is due now, then exit")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another runner to finish instead of exiting at once")
    run.add_argument("--hold-after", type=float, metavar="HOURS",
                     help="hold posts overdue by more than this for confirmation (default: the library's "
                          "setting, 2 hours)")

    for name, text in (("retry", "send failed, cancelled, held or re-authorised targets again"),
                       ("cancel", "cancel what has not gone out yet"),
                       ("confirm", "publish an item held because it was overdue")):
        c = qs.add_parser(name, help=text)
        c.add_argument("id", type=int)
        if name != "confirm":
            c.add_argument("--target", metavar="ACCOUNT", help="only this account's target")
    qs.choices["retry"].add_argument("--force", action="store_true",
                                     help="also resend an outcome-unknown target (after checking it is not posted)")
    qs.choices["cancel"].add_argument("--series", action="store_true", help="also the later posts of its series")

    h = qs.add_parser("history", help="every attempt: time, target, request summary and the network's answer")
    h.add_argument("--item", type=int)
    h.add_argument("--csv", type=Path, metavar="FILE", help="write it as CSV")

    lim = qs.add_parser("limits", help="each account's rate budgets as used now, and whether its posts wait")
    lim.add_argument("account", nargs="*", help="account ids or handles (default: all)")
    lim.add_argument("--zone", help="show times in this zone (default: this computer's)")
    s = qs.add_parser("slots", help="list or set an account's weekly time slots")
    s.add_argument("account")
    s.add_argument("--add", action="append", default=[], metavar="DAYS TIMES",
                   help='such as "mon-fri 09:00,17:30", "sat 10:00", "daily 12:00" (repeatable)')
    s.add_argument("--remove", action="append", default=[], metavar="DAYS TIMES")
    s.add_argument("--clear", action="store_true", help="remove all slots first")
    s.add_argument("--zone", help="the slots' IANA zone (default: this computer's)")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def open_queue():
    from studio.credentials.store import KeyringCredentialStore
    from studio.publish.accounts import Accounts
    from studio.publish.queue import Queue
    from studio.store.library import Library
    from studio.store.paths import data_dir

    library = Library.open(data_dir())
    return Queue(library, Accounts(library, KeyringCredentialStore()))


def cmd_queue(args: argparse.Namespace) -> int:
    from studio.credentials.store import CredentialError
    from studio.networks.publishing import PublishError
    from studio.publish.accounts import AccountError
    from studio.publish.queue import QueueError
    from studio.publish.schedule import ScheduleError
    from studio.store.library import LibraryError
    from studio.store.lock import Locked
    from studio.store.project_file import ProjectError

    try:
        return COMMANDS[args.queue_command](args, open_queue())
    except (AccountError, CredentialError, LibraryError, Locked, ProjectError, PublishError, QueueError,
            ScheduleError) as e:
        return _fail(e.message)


def _zone(args: argparse.Namespace) -> str:
    from studio.publish.schedule import local_zone_name, zone

    name = args.zone or local_zone_name()
    zone(name)
    return name


def _add(args: argparse.Namespace, queue) -> int:
    from studio.publish.queue import Schedule, design_hash
    from studio.publish.schedule import ScheduleError, describe, parse_at, parse_every
    from studio.publishing import build_jobs, parse_targets
    from studio.render.qt import ensure_gui_app
    from studio.store.project_file import load

    zone = _zone(args)
    now = queue.clock()
    at = None
    if args.at:
        at, zone = parse_at(args.at, zone)  # "…[America/New_York]" names the zone it is scheduled in
    if at is not None and at < now - 60:
        raise ScheduleError(f"{describe(at, zone)} is in the past. Give a later time, or leave --at out to "
                            "publish at once.")
    recur = parse_every(args.every, args.until, args.count, zone)
    doc = load(args.file)
    targets = parse_targets(args.target, queue.accounts)
    ensure_gui_app()
    jobs, blocked = build_jobs(doc, targets, queue.accounts)
    if blocked:
        for r in blocked:
            print(f"error: {r.job.account.id} ({r.job.outgoing.target}): {r.message}", file=sys.stderr)
        print("error: nothing was queued; fix the post and queue it again.", file=sys.stderr)
        return 1
    ids = queue.add(jobs, schedule=Schedule(at, zone, args.slot, recur), source=args.file,
                    design=design_hash(doc), title=doc.post.title, summary=doc.post.text)
    for t in queue.item(ids[0]).targets:
        print(f"queued item {ids[0]} to {t.account_id} ({t.target}) for {describe(t.due_at, zone)}")
    if len(ids) > 1:
        last = queue.item(ids[-1])
        print(f"repeating: {len(ids)} posts, items {ids[0]} to {ids[-1]}, the last {describe(last.scheduled_at, zone)}")
    for job in jobs:
        if job.account.state == "needs_reauth":
            print(f"warning: {job.account.id} needs re-authorisation; connect it again before the post is due.",
                  file=sys.stderr)
    return 0


def _list(args: argparse.Namespace, queue) -> int:
    from studio.publish.schedule import describe, iso_utc, parse_at

    zone = _zone(args)
    since = parse_at(args.since, zone)[0] if args.since else None
    until = parse_at(args.until, zone)[0] if args.until else None
    account = queue.accounts.find(args.account).id if args.account else None
    items = queue.list(account=account, states=args.state, since=since, until=until)
    if args.json:
        print(json.dumps([{
            "id": i.id, "title": i.title, "summary": i.summary, "source": i.source_path, "design_hash": i.design_hash,
            "scheduled_at": iso_utc(i.scheduled_at), "zone": i.zone, "series": i.series_id,
            "targets": [{"id": t.id, "account": t.account_id, "target": t.target, "state": t.state,
                         "due_at": iso_utc(t.due_at),
                         "next_attempt_at": iso_utc(t.next_attempt_at) if t.next_attempt_at else None,
                         "attempts": t.attempts, "url": t.url, "ids": t.ids, "message": t.message}
                        for t in i.targets]} for i in items], indent=2, ensure_ascii=False))
        return 0
    if not items:
        print("The queue is empty." if since is None and until is None and not account and not args.state
              else "No queued item matches.")
    for i in items:
        text = " ".join(i.summary.split())
        print(f"{i.id:>5}  {describe(i.scheduled_at, i.zone)}  {text[:50]}")
        for t in i.targets:
            detail = t.url or t.message
            state = t.state.replace("_", " ")
            if t.state == "scheduled" and t.next_attempt_at and t.next_attempt_at > t.due_at:
                state += f" (next try {describe(t.next_attempt_at, i.zone)})"
            late = f" at {describe(t.due_at, i.zone)}" if t.due_at != i.scheduled_at else ""
            print(f"       {t.account_id} ({t.target}){late}: {state}" + (f": {detail}" if detail else ""))
    return 0


def _run(args: argparse.Namespace, queue) -> int:
    from studio.core.progress import Progress
    from studio.publish.runner import Runner
    from studio.publish.schedule import describe

    progress = Progress()
    zones = {}

    def show(o) -> None:
        zone = zones.setdefault(o.item_id, queue.item(o.item_id).zone)
        where = f"item {o.item_id} → {o.account_id} ({o.target})"
        if o.state == "posted":
            print(f"{where}: posted {o.url}", flush=True)
        elif o.state == "scheduled":
            print(f"{where}: will try again {describe(o.next_attempt_at, zone)}: {o.message}", flush=True)
        else:
            hint = f" (studio queue retry {o.item_id} --force)" if o.state == "outcome_unknown" else ""
            print(f"{where}: {o.state.replace('_', ' ')}: {o.message}{hint}", flush=True)

    def warn(text: str) -> None:
        print(f"warning: {text}", file=sys.stderr, flush=True)

    def stop(signum, frame) -> None:
        progress.cancel()

    hold = args.hold_after * 3600 if args.hold_after is not None else None
    runner = Runner(queue, progress=progress, on_outcome=show, on_warning=warn, hold_after=hold)
    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        outcomes = runner.run(once=args.once, wait_for_lock=args.wait)
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    if args.once and not outcomes:
        print("Nothing is due.")
    return 1 if any(o.state in ("failed", "needs_reauth", "outcome_unknown") for o in outcomes) else 0


def _retry(args: argparse.Namespace, queue) -> int:
    done = queue.retry(args.id, account=args.target, force=args.force)
    print(f"item {args.id}: {', '.join(t.account_id for t in done)} will be sent at the next run")
    return 0


def _cancel(args: argparse.Namespace, queue) -> int:
    done = queue.cancel(args.id, account=args.target, series=args.series)
    items = sorted({t.item_id for t in done})
    print(f"cancelled {len(done)} target{'s' if len(done) != 1 else ''} of item"
          f"{'s' if len(items) > 1 else ''} {', '.join(map(str, items))}")
    return 0


def _confirm(args: argparse.Namespace, queue) -> int:
    done = queue.confirm(args.id)
    print(f"item {args.id}: {', '.join(t.account_id for t in done)} will be sent at the next run")
    return 0


def _history(args: argparse.Namespace, queue) -> int:
    from studio.publish.schedule import iso_utc

    rows = queue.history(item_id=args.item)
    table = [(iso_utc(r.at), r.item_id, r.account_id, r.target, r.event, r.request, r.answer) for r in rows]
    if args.csv is None:
        for row in table:
            print("  ".join(str(c) for c in row[:5]) + (f"  [{row[5]}]" if row[5] else "")
                  + (f"  {row[6]}" if row[6] else ""))
        return 0
    tmp = args.csv.with_name(args.csv.name + ".part")
    try:
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["time_utc", "item", "account", "target", "event", "request", "answer"])
            writer.writerows(table)
        tmp.replace(args.csv)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        return _fail(f"could not write {args.csv}: {e.strerror or e}")
    print(f"{args.csv}: {len(table)} events")
    return 0


def _limits(args: argparse.Namespace, queue) -> int:
    from studio.publish.schedule import describe

    zone = _zone(args)
    accounts = [queue.accounts.find(a) for a in args.account] or queue.accounts.list()
    for account in accounts:
        uses, until = queue.limits(account.id, account.network)
        parts = [u.describe() for u in uses] or ["no rate budget kept for this network"]
        print(f"{account.id}: {'; '.join(parts)}")
        if until is not None:
            print(f"  waiting until {describe(until, zone)} (the network asked to slow down)")
    return 0


def _slots(args: argparse.Namespace, queue) -> int:
    from studio.publish.schedule import describe, parse_slots

    account = queue.accounts.find(args.account)
    changing = args.add or args.remove or args.clear
    if changing:
        zone = _zone(args)
        slots = [] if args.clear else queue.slots(account.id)
        gone = {(s.weekday, s.time) for spec in args.remove for s in parse_slots(spec, zone)}
        slots = [s for s in slots if (s.weekday, s.time) not in gone]
        slots += [s for spec in args.add for s in parse_slots(spec, zone)]
        queue.set_slots(account.id, slots)
    slots = queue.slots(account.id)
    if not slots:
        print(f"{account.id} has no time slots. Add some: studio queue slots {account.id} --add \"mon-fri 09:00\"")
        return 0
    for s in slots:
        print(f"{account.id}: {s.describe()}")
    free = queue.next_free_slot(account.id)
    if free is not None:
        print(f"next free slot: {describe(free, slots[0].zone)}")
    return 0


COMMANDS = {"add": _add, "list": _list, "run": _run, "retry": _retry, "cancel": _cancel, "confirm": _confirm,
            "history": _history, "slots": _slots, "limits": _limits}
