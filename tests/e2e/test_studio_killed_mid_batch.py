"""Issue 5's "done when", as a user does it: a week of posts queued into time slots to a Bluesky account (the
reference PDS) and a Mastodon account (the fake), all selected in the studio's queue window and published now as
one batch; the studio is killed with SIGKILL in the middle of the batch, started again, and its runner finishes.
Every post is then on the servers exactly once, and the queue says so with each one's link."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from fake_mastodon import FakeMastodon
from pds_server import create_account
from studio_cli import posted_on_the_pds, store_secret, studio, user_session

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "studio-kill-horse-battery"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# the studio as a user opens it, with the queue window: select every item, Publish now (the runner starts as it
# does 1.5 s after the studio opens)
BATCH = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from studio.app import build_window
    win = build_window(app)
    win.show()
    qw = win.show_queue()
    def go():
        if qw.loads == 0 or qw.model.rowCount() < 7:
            QTimer.singleShot(50, go)
            return
        qw.table.selectAll()
        qw.buttons["publish"].click()
        print("batch", qw.batch.total, flush=True)
        win.start_queue_runner(retry_every=0.2)
    QTimer.singleShot(100, go)
    app.exec()
""")


def states(home: Path) -> Counter:
    conn = sqlite3.connect(f"file:{home / 'library.db'}?mode=ro", uri=True, timeout=5)
    try:
        return Counter(dict(conn.execute("SELECT state, count(*) FROM queue_targets GROUP BY state").fetchall()))
    finally:
        conn.close()


def wait_for(proc: subprocess.Popen, home: Path, done, timeout: float) -> Counter:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        now = states(home)
        if done(now):
            return now
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        time.sleep(0.01)
    raise AssertionError(f"still {dict(states(home))} after {timeout} s")


@pytest.fixture
def user(tmp_path):
    with user_session(tmp_path / "home", TZ="Europe/Berlin", PYTHONPATH=str(ROOT)) as env:
        yield env


def test_the_studio_killed_in_the_middle_of_a_batch_posts_each_post_once_after_a_restart(pds, user, tmp_path):
    home = Path(user["CONTENT_STUDIO_HOME"])
    create_account(pds, "killedstudio.test", PASSWORD)
    added = studio(user, "accounts", "add", "bluesky", "--server", pds.url, "--handle", "killedstudio.test",
                   stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    bluesky = "bluesky-killedstudio.test"
    with FakeMastodon() as fake:
        from studio.core.account import Account
        from studio.store.library import Library

        masto = Account(id="mastodon-band@example.social", network="mastodon", handle="@band@example.social",
                        server=fake.url, checked_at=time.time())
        with Library.open(home) as library:
            library.save_account(masto)
        store_secret(user, masto.id, {"client_id": "c", "client_secret": "s", "access_token": fake.issue_token()})
        for account in (bluesky, masto.id):
            slots = studio(user, "queue", "slots", account, "--add", "mon-sun 09:00", "--zone", "Europe/Berlin")
            assert slots.returncode == 0, slots.stderr
        texts = []
        for day in DAYS:  # a week of posts, each to the next free slot of both accounts
            text = f"{day}: new dates on the tour page #tour"
            made = studio(user, "new", "--template", "quote", "--title", day, "--text", text, "-o",
                          tmp_path / f"{day}.studio")
            assert made.returncode == 0, made.stderr
            queued = studio(user, "queue", "add", tmp_path / f"{day}.studio", "--target", bluesky, "--target",
                            masto.id, "--slot")
            assert queued.returncode == 0, queued.stderr
            texts += [text, text]
        assert states(home) == Counter(scheduled=14)

        first = subprocess.Popen([sys.executable, "-c", BATCH], cwd=ROOT, env=user, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        seen = wait_for(first, home, lambda s: s["posted"] >= 3, timeout=90)
        first.send_signal(signal.SIGKILL)
        out, _err = first.communicate(timeout=30)
        assert "batch 14" in out
        assert seen["posted"] < 14, "the batch was over before the kill"
        print(f"killed the studio with {dict(states(home))}")

        again = subprocess.Popen([sys.executable, "-m", "studio"], cwd=ROOT, env=user, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        try:
            wait_for(again, home, lambda s: s["posted"] == 14, timeout=120)
        finally:
            again.terminate()
            again.wait(30)
        on_servers = posted_on_the_pds(pds, "killedstudio.test") + Counter(s["text"] for s in fake.statuses)
    assert on_servers == Counter(texts)  # each post once on each network
    listed = json.loads(studio(user, "queue", "list", "--json").stdout)
    targets = [t for item in listed for t in item["targets"]]
    assert len(targets) == 14 and {t["state"] for t in targets} == {"posted"}
    assert all(t["url"] for t in targets)
    history = studio(user, "queue", "history").stdout
    assert history.count(" posted ") + history.count(" found on the network") == 14
