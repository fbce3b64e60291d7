"""The queue's tables in the library: migration, guarded state changes written with their history, listing,
change detection across processes, content-addressed media files and the runner's file lock."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.store import library as library_module
from studio.store.library import Library, LibraryError
from studio.store.lock import FileLock, Locked
from studio.store.media_files import MediaFiles
from studio.store.queue_store import Event, NewItem, NewTarget, QueueStore

ROOT = Path(__file__).resolve().parents[2]


def new_item(n: int, at: float, accounts=("bluesky-a",), state_text: str = "") -> NewItem:
    targets = [NewTarget(a, a.split("-")[0], a.split("-")[0], at, {"text": f"post {n}"}, {"steps": [{"n": n}]})
               for a in accounts]
    return NewItem(f"Post {n}", f"post {n} {state_text}", "/posts/p.studio", "hash", "Europe/Berlin", targets)


@pytest.fixture
def store(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        yield QueueStore(lib)


def test_a_version_2_library_gains_the_queue_and_keeps_its_accounts(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    conn = sqlite3.connect(folder / "library.db")
    conn.executescript("".join(library_module._MIGRATIONS[:2]))
    conn.execute("INSERT INTO accounts VALUES ('bluesky-a', 'bluesky', '{\"handle\": \"a.test\"}', 0)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Library.open(folder) as lib:
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == library_module.SCHEMA_VERSION == 3
        assert [a.handle for a in lib.accounts()] == ["a.test"]
        assert QueueStore(lib).items() == []


def test_items_list_in_time_order_with_filters_and_pages(store):
    ids = store.insert_items([new_item(1, 300.0), new_item(2, 100.0, ("bluesky-a", "mastodon-b")),
                              new_item(3, 200.0, ("mastodon-b",))], now=50.0)
    assert [i.id for i in store.items()] == [ids[1], ids[2], ids[0]]
    assert [t.account_id for t in store.items()[0].targets] == ["bluesky-a", "mastodon-b"]
    assert [i.id for i in store.items(account="mastodon-b")] == [ids[1], ids[2]]
    assert [i.id for i in store.items(since=150.0, until=300.0)] == [ids[2]]
    assert [i.id for i in store.items(limit=1, offset=1)] == [ids[2]]
    assert store.count() == 3 and store.count(account="bluesky-a", states=["scheduled"]) == 2
    store.update(store.items()[0].targets[0].id, state="posted", url="https://x/1", ids=["at://1"])
    assert [i.id for i in store.items(states=["posted"])] == [ids[1]]
    assert store.items(states=["posted"])[0].targets[0].ids == ["at://1"]
    with pytest.raises(ValueError, match="unknown state"):
        store.items(states=["done"])


def test_a_state_change_is_guarded_and_written_with_its_history(store, monkeypatch):
    (item_id,) = store.insert_items([new_item(1, 100.0)], now=10.0)
    target = store.item(item_id).targets[0]
    assert store.update(target.id, expect=("scheduled",), state="sending", event=Event("sending", "req"), now=20.0)
    assert not store.update(target.id, expect=("scheduled",), state="cancelled", event=Event("cancelled"))
    assert [h.event for h in store.history(item_id=item_id)] == ["queued", "sending"]

    def full(*args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "_history", full)
    with pytest.raises(LibraryError, match="the disk is full"):
        store.update(target.id, expect=("sending",), state="posted", event=Event("posted"))
    assert store.item(item_id).targets[0].state == "sending"  # the state did not move without its history


def test_the_frozen_requests_are_kept_and_only_read_when_asked(store):
    (item_id,) = store.insert_items([new_item(7, 100.0)])
    light = store.item(item_id).targets[0]
    assert light.prepared is None
    full = store.target(light.id)
    assert full.prepared == {"steps": [{"n": 7}]} and full.outgoing == {"text": "post 7"}
    store.update(light.id, prepared={"steps": [{"n": 7, "sent": ["42"]}]}, inflight={"step": 0})
    again = store.target(light.id)
    assert again.prepared["steps"][0]["sent"] == ["42"] and again.inflight == {"step": 0}


def test_revision_changes_when_another_process_writes(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        store = QueueStore(lib)
        before = store.revision()
        code = ("import sys; sys.path.insert(0, sys.argv[1]);"
                "from studio.store.library import Library; from studio.store.queue_store import QueueStore;"
                "lib = Library.open(sys.argv[2]); QueueStore(lib).set_slots('a', [(0, '09:00', 'UTC')])")
        subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path / "lib")], check=True, timeout=60)
        assert store.revision() != before and store.slots("a") == [("a", 0, "09:00", "UTC")]


def test_the_due_query_and_the_list_use_indexes(store):
    plan = " ".join(str(r) for r in store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM queue_targets WHERE state IN ('scheduled') "
        "AND coalesce(next_attempt_at, due_at) <= 5 ORDER BY due_at"))
    assert "queue_targets_due" in plan
    plan = " ".join(str(r) for r in store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM queue_items ORDER BY scheduled_at, id LIMIT 50"))
    assert "queue_items_by_time" in plan


def test_media_files_are_content_addressed_and_checked(tmp_path):
    files = MediaFiles(tmp_path / "media")
    sha = files.put(b"frozen image")
    assert files.put(b"frozen image") == sha and files.get(sha) == b"frozen image"
    assert files.path(sha).parent.name == sha[:2]
    files.path(sha).write_bytes(b"changed on disk")
    with pytest.raises(LibraryError, match="damaged"):
        files.get(sha)
    with pytest.raises(LibraryError, match="missing"):
        files.get("0" * 64)


def test_a_full_disk_leaves_no_half_written_media_file(tmp_path, monkeypatch):
    files = MediaFiles(tmp_path / "media")

    def no_space(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(LibraryError, match="the disk is full"):
        files.put(b"x" * 1000)
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []


def test_one_lock_holder_at_a_time_across_processes(tmp_path):
    path = tmp_path / "queue-runner.lock"
    code = ("import sys, time; sys.path.insert(0, sys.argv[1]); from studio.store.lock import FileLock;"
            "lock = FileLock(__import__('pathlib').Path(sys.argv[2])); lock.acquire(); print('held', flush=True);"
            "time.sleep(float(sys.argv[3]))")
    holder = subprocess.Popen([sys.executable, "-c", code, str(ROOT), str(path), "1.5"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(Locked) as raised:
            FileLock(path, "this library").acquire()
        assert f"process {holder.pid}" in raised.value.message and "Only one may run" in raised.value.message
        start = time.monotonic()
        lock = FileLock(path)
        lock.acquire(wait=10)  # waits for the holder to end
        assert time.monotonic() - start < 5
        lock.release()
    finally:
        holder.kill()
        holder.wait()
