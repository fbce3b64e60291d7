"""Dying at every point of a batch, then starting again: nothing is posted twice and every state is true.

A "kill" is a BaseException nothing in the studio catches, raised (a) just before a request leaves (the runner's
own marks are written), (b) just after its answer arrived (before the client or the runner used it), or (c) just
after a database write committed. The next run opens the library afresh, as a new process would. The real
SIGKILL test against the PDS is tests/e2e/test_queue_kill.py; the locked database and the full disk are here.
"""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import requests
from fake_discord import FakeDiscord
from fake_mastodon import FakeMastodon
from fake_telegram import CHANNEL_ID, FakeTelegram
from queue_helpers import T0, discord_account, job, mastodon_account, queue_post, setup, states, telegram_account

from studio.store.library import LibraryError
from studio.store.queue_store import QueueStore


class Killed(BaseException):
    """The process died here."""


def kill_at(monkeypatch, point: str, n: int) -> None:
    seen = {"requests": 0, "writes": 0}
    send, write = requests.Session.request, QueueStore.update

    def request(self, *args, **kwargs):
        seen["requests"] += 1
        if point == "before request" and seen["requests"] == n:
            raise Killed
        response = send(self, *args, **kwargs)
        if point == "after answer" and seen["requests"] == n:
            raise Killed
        return response

    def update(self, *args, **kwargs):
        done = write(self, *args, **kwargs)
        seen["writes"] += 1
        if point == "after write" and seen["writes"] == n:
            raise Killed
        return done

    monkeypatch.setattr(requests.Session, "request", request)
    monkeypatch.setattr(QueueStore, "update", update)


def run_to_the_end(s) -> None:
    """Start again until nothing is due, moving the clock to each retry (never past Mastodon's key window)."""
    for _ in range(12):
        s.runner().run(once=True)
        waiting = [t.next_attempt_at for t in s.queue.store.targets_in(["scheduled"]) if t.next_attempt_at]
        if not waiting:
            return
        s.clock.now = max(s.clock.now, min(waiting)) + 1


SCENARIOS = {  # network: (server, account maker, requests and database writes of one clean run of two items)
    "mastodon": (FakeMastodon, mastodon_account, 6, 8),  # per item: media upload, two statuses
    "telegram": (FakeTelegram, telegram_account, 4, 8),  # per item: a photo with caption, the reply
    "discord": (FakeDiscord, discord_account, 4, 8),  # per item: two messages
}  # writes per item: claimed, before each of the two posts, the outcome


def posted_texts(network: str, server) -> list[str]:
    if network == "mastodon":
        return [st["text"] for st in server.statuses]
    if network == "telegram":
        return [m.text or m.caption for m in server.messages[CHANNEL_ID]]
    return [m.content for m in server.messages]


def texts_of(network: str, n: int) -> list[str]:
    if network == "discord":
        return [f"Post {n} " + "x" * 1990, "second part " + str(n)]
    return [f"Post {n}", f"Reply {n}"]


@pytest.mark.parametrize("network", list(SCENARIOS))
@pytest.mark.parametrize("point", ["before request", "after answer", "after write"])
def test_a_kill_at_any_point_never_posts_twice(tmp_path, monkeypatch, network, point):
    server_type, make_account, requests_per_run, writes_per_run = SCENARIOS[network]
    kills = requests_per_run if point != "after write" else writes_per_run
    with server_type() as server:
        for n in range(1, kills + 1):
            if hasattr(server, "reset"):
                server.reset()
            else:  # the Mastodon fake: forget what was posted and the idempotency keys it remembers
                server.statuses.clear()
                server.idempotency.clear()
            s = setup(tmp_path / f"{point.replace(' ', '-')}-{n}")
            account = make_account(s, server)
            items = []
            for i in range(2):
                first, second = texts_of(network, i)
                if network == "discord":  # one long text that Discord splits into two messages
                    items.append(queue_post(s, job(account, first[:-1] + " " + second), at=T0))
                else:
                    items.append(queue_post(s, job(account, first, thread=(second,), image=True), at=T0))
            with monkeypatch.context() as m:
                kill_at(m, point, n)
                with pytest.raises(Killed):
                    s.runner().run(once=True)
            s.library.close()
            again = s.reopen()
            run_to_the_end(again)
            sent = Counter(posted_texts(network, server))
            assert all(count == 1 for count in sent.values()), (n, sent)  # nothing twice, whatever happened
            for item in items:
                (state,) = states(again, item)
                if network == "mastodon":
                    assert state == "posted", (n, state)  # its idempotency keys make a resend safe
                else:
                    assert state in ("posted", "outcome_unknown"), (n, state)
                if state == "posted":
                    target = again.queue.item(item).targets[0]
                    assert len(target.ids) == 2 and target.url
            assert sum(states(again, i) == ["outcome_unknown"] for i in items) <= 1  # only the one on the wire
            if network == "mastodon":
                assert len(sent) == 4


def test_a_database_locked_by_another_process_is_waited_for(tmp_path):
    with FakeMastodon() as masto:
        s = setup(tmp_path)
        item = queue_post(s, job(mastodon_account(s, masto), "After the lock"), at=T0)
        code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
                "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(float(sys.argv[2]));"
                "c.execute('COMMIT')")
        holder = subprocess.Popen([sys.executable, "-c", code, str(s.library.path), "1.0"],
                                  stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "locked"
        s.runner().run(once=True)  # SQLite waits up to 5 s for the other process
        holder.wait(10)
        assert states(s, item) == ["posted"] and len(masto.statuses) == 1


def test_a_database_locked_for_too_long_stops_the_runner_before_anything_is_sent(tmp_path):
    with FakeMastodon() as masto:
        s = setup(tmp_path)
        item = queue_post(s, job(mastodon_account(s, masto), "Locked out"), at=T0)
        impatient = s.reopen(timeout=0.2)
        code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
                "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(2)")
        holder = subprocess.Popen([sys.executable, "-c", code, str(s.library.path)], stdout=subprocess.PIPE,
                                  text=True)
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LibraryError, match="locked by another program"):
            impatient.runner().run(once=True)
        holder.wait(10)
        assert masto.requests == []
        run_to_the_end(s.reopen())
        assert states(s.reopen(), item) == ["posted"] and len(masto.statuses) == 1


def test_a_full_disk_while_writing_the_history_loses_and_doubles_nothing(tmp_path, monkeypatch):
    with FakeMastodon() as masto:
        s = setup(tmp_path)
        account = mastodon_account(s, masto)
        items = [queue_post(s, job(account, f"Disk {i}"), at=T0) for i in range(3)]
        real = QueueStore._history

        def history(self, at, item_id, target_id, account_id, target, event):
            if event.event == "posted" and item_id == items[1]:
                raise sqlite3.OperationalError("database or disk is full")
            return real(self, at, item_id, target_id, account_id, target, event)

        monkeypatch.setattr(QueueStore, "_history", history)
        with pytest.raises(LibraryError, match="the disk is full"):
            s.runner().run(once=True)
        assert [states(s, i)[0] for i in items] == ["posted", "sending", "scheduled"]
        assert len(masto.statuses) == 2  # the second was posted; writing that down failed
        monkeypatch.undo()  # space was freed
        again = s.reopen()
        run_to_the_end(again)
        assert [states(again, i)[0] for i in items] == ["posted"] * 3
        assert [st["text"] for st in masto.statuses] == ["Disk 0", "Disk 1", "Disk 2"]
        assert "interrupted" in [h.event for h in again.queue.history(item_id=items[1])]


@pytest.fixture
def tiny_disk(tmp_path):
    """A 16 MB file system of its own (tmpfs), so it can really be filled; skipped where mounting is not allowed."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as e:
            assert e.errno == errno.ENOSPC
    return filler


def test_a_really_full_disk_when_the_post_went_out_is_reconciled_after_space_is_freed(tiny_disk):
    class FillsTheDisk(FakeMastodon):
        filled = False

        def _post_status(self, request):
            reply = super()._post_status(request)
            if request.params().get("status") == "Disk 1" and not self.filled:
                self.filled = True
                fill(tiny_disk)  # the disk fills up while the post is on its way back
            return reply

    with FillsTheDisk() as masto:
        s = setup(tiny_disk / "library")
        account = mastodon_account(s, masto)
        items = [queue_post(s, job(account, f"Disk {i}"), at=T0) for i in range(3)]
        with pytest.raises(LibraryError, match="the disk is full"):
            s.runner().run(once=True)
        assert [st["text"] for st in masto.statuses] == ["Disk 0", "Disk 1"]
        s.library.close()
        (tiny_disk / "filler").unlink()
        again = s.reopen()
        run_to_the_end(again)
        assert [states(again, i)[0] for i in items] == ["posted"] * 3
        assert [st["text"] for st in masto.statuses] == ["Disk 0", "Disk 1", "Disk 2"]
