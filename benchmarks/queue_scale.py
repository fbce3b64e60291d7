"""A library with 10,000 queue items (half posted, with links, ids and history; half scheduled; a third of them to two
accounts): how long opening it and listing take through the queue, beside a bare sqlite3 query of the same rows in
the same run. Goal: open (the library, the count and the first page of the list) <= 0.3 s.

    python benchmarks/queue_scale.py [--items 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio.credentials.store import MemoryCredentialStore  # noqa: E402
from studio.publish.accounts import Accounts  # noqa: E402
from studio.publish.queue import Queue  # noqa: E402
from studio.store.library import Library  # noqa: E402
from studio.store.queue_store import Event, NewItem, NewTarget, QueueStore  # noqa: E402

START = 1_780_000_000.0
PAGE = 100


def fill(folder: Path, n: int) -> None:
    with Library.open(folder) as lib:
        store = QueueStore(lib)
        steps = [{"rkey": "3lzy2ji4nuc2k", "text": "Tour dates are out! " * 6, "createdAt": "2026-05-28T10:00:00Z",
                  "langs": ["en"], "facets": [{"kind": "link", "value": "https://example.com", "byteStart": 0,
                                               "byteEnd": 19}], "embed": {"kind": "images", "media": [0]}}]
        media = [{"sha256": "ab" * 32, "size": 412_345, "mime": "image/jpeg", "width": 1080, "height": 1350,
                  "alt": "The band on stage", "focus": None, "filename": "card.jpg"}]
        for start in range(0, n, 1000):
            items = []
            for i in range(start, min(n, start + 1000)):
                accounts = ["bluesky-band.test", "mastodon-band@example.social"] if i % 3 == 0 else \
                    ["bluesky-band.test"]
                targets = [NewTarget(a, a.split("-")[0], a.split("-")[0], START + i * 3600,
                                     {"text": f"Post {i}", "media": media}, {"steps": steps, "media": media})
                           for a in accounts]
                items.append(NewItem(f"Post {i}", f"Post {i}: tour dates are out", "/posts/week.studio", "0" * 64,
                                     "Europe/Berlin", targets))
            store.insert_items(items, now=START)
        for item in store.items(until=START + n // 2 * 3600):
            for t in item.targets:
                store.update(t.id, state="posted", url=f"https://bsky.app/profile/band.test/post/{t.id}",
                             ids=[f"at://did:plc:x/app.bsky.feed.post/{t.id}"], posted_at=t.due_at,
                             event=Event("posted", "uploadBlob, putRecord", "https://bsky.app/..."), now=t.due_at)


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ours_open(folder: Path) -> None:
    lib = Library.open(folder)
    queue = Queue(lib, Accounts(lib, MemoryCredentialStore()))
    queue.count()
    queue.list(limit=PAGE)
    lib.close()


def bare_open(folder: Path) -> None:
    conn = sqlite3.connect(folder / "library.db")
    conn.execute("SELECT count(*) FROM queue_items").fetchone()
    conn.execute("SELECT i.*, t.id, t.state, t.url, t.ids, t.message FROM (SELECT * FROM queue_items ORDER BY "
                 "scheduled_at, id LIMIT ?) i JOIN queue_targets t ON t.item_id = i.id", (PAGE,)).fetchall()
    conn.close()


COLD = ("import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path;"
        "from studio.credentials.store import MemoryCredentialStore; from studio.publish.accounts import Accounts;"
        "from studio.publish.queue import Queue; from studio.store.library import Library;"
        "lib = Library.open(Path(sys.argv[1])); q = Queue(lib, Accounts(lib, MemoryCredentialStore()));"
        f"q.count(); q.list(limit={PAGE})")
COLD_BARE = ("import sqlite3, sys; conn = sqlite3.connect(sys.argv[1] + '/library.db');"
             "conn.execute('SELECT count(*) FROM queue_items').fetchone();"
             "conn.execute('SELECT i.*, t.id, t.state, t.url, t.ids, t.message FROM (SELECT * FROM queue_items "
             f"ORDER BY scheduled_at, id LIMIT {PAGE}) i JOIN queue_targets t ON t.item_id = i.id').fetchall()")


def cold(code: str, folder: Path) -> None:
    subprocess.run([sys.executable, "-c", code, str(folder), str(ROOT)], check=True)


def bare_rows(conn: sqlite3.Connection, where: str = "", args: tuple = ()) -> int:
    rows = conn.execute("SELECT i.id, i.title, i.summary, i.scheduled_at, i.zone, t.account_id, t.state, t.due_at, "
                        f"t.url, t.ids, t.message FROM queue_items i JOIN queue_targets t ON t.item_id = i.id {where} "
                        "ORDER BY i.scheduled_at, i.id, t.position", args).fetchall()
    return len([json.loads(r[9]) for r in rows])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="studio-queue-scale-"))
    start = time.perf_counter()
    fill(folder, args.items)
    size = (folder / "library.db").stat().st_size
    print(f"library: {args.items} items ({args.items // 2} posted), {size / 1e6:.1f} MB, made in "
          f"{time.perf_counter() - start:.1f} s")
    lib = Library.open(folder)
    queue = Queue(lib, Accounts(lib, MemoryCredentialStore()))
    conn = sqlite3.connect(folder / "library.db")
    month = (START + 30 * 86400, START + 60 * 86400)
    cases = [
        ("open: library, count, first page", lambda: ours_open(folder), lambda: bare_open(folder)),
        ("list all items with their targets", lambda: queue.list(), lambda: bare_rows(conn)),
        ("one account, scheduled only", lambda: queue.list(account="mastodon-band@example.social",
                                                           states=["scheduled"]),
         lambda: bare_rows(conn, "WHERE i.id IN (SELECT item_id FROM queue_targets WHERE account_id = ? AND "
                                 "state = 'scheduled')", ("mastodon-band@example.social",))),
        ("a calendar month", lambda: queue.list(since=month[0], until=month[1]),
         lambda: bare_rows(conn, "WHERE i.scheduled_at >= ? AND i.scheduled_at < ?", month)),
        ("what is due (the runner's query)",
         lambda: queue.store.targets_in(["scheduled"], due_before=START + args.items * 3600),
         lambda: conn.execute("SELECT * FROM queue_targets WHERE state = 'scheduled' AND coalesce(next_attempt_at, "
                              "due_at) <= ? ORDER BY due_at", (START + args.items * 3600,)).fetchall()),
    ]
    print(f"{'':36} {'queue':>9} {'bare sqlite3':>13} {'ratio':>7}")
    for name, ours, bare in cases:
        ours()  # warm the page cache alike for both
        bare()
        t_ours, t_bare = timed(ours, args.repeat), timed(bare, args.repeat)
        print(f"{name:36} {t_ours * 1000:7.1f} ms {t_bare * 1000:10.1f} ms {t_ours / t_bare:6.1f}x")
    t_cold, t_cold_bare = (timed(lambda code=code: cold(code, folder), args.repeat) for code in (COLD, COLD_BARE))
    print(f"{'open in a new process (imports too)':36} {t_cold * 1000:7.1f} ms {t_cold_bare * 1000:10.1f} ms "
          f"{t_cold / t_cold_bare:6.1f}x")
    t_open = timed(lambda: ours_open(folder), args.repeat)
    print(f"goal: open <= 300 ms: {'met' if max(t_open, t_cold) <= 0.3 else 'NOT met'} ({t_open * 1000:.1f} ms "
          f"with the code loaded, {t_cold * 1000:.0f} ms from a new process)")
    lib.close()
    conn.close()


if __name__ == "__main__":
    main()
