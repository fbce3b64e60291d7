"""`studio queue …` as a user runs it: a real keyring, the real PDS, a .studio file made by `studio new`, time
slots, scheduling, the validator refusing a post, publishing with --once, history as CSV, one runner at a time,
and no secret in anything the queue wrote."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from pds_server import create_account
from studio_cli import studio, user_session

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "queue-cli-horse-battery"


@pytest.fixture(scope="module")
def user(tmp_path_factory):
    with user_session(tmp_path_factory.mktemp("queue-cli") / "home", TZ="Europe/Berlin") as env:
        yield env


@pytest.fixture(scope="module")
def band(pds, user):
    create_account(pds, "queuecli.test", PASSWORD)
    added = studio(user, "accounts", "add", "bluesky", "--server", pds.url, "--handle", "queuecli.test",
                   stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    return "bluesky-queuecli.test"


def new_post(env, path: Path, text: str) -> Path:
    made = studio(env, "new", "--template", "quote", "--title", "Tour", "--text", text, "-o", path)
    assert made.returncode == 0, made.stderr
    return path


def test_slots_schedule_and_list(user, band, tmp_path):
    slots = studio(user, "queue", "slots", band, "--add", "mon-fri 09:00,17:30", "--zone", "Europe/Berlin")
    assert slots.returncode == 0, slots.stderr
    assert "bluesky-queuecli.test: Mon 09:00 Europe/Berlin" in slots.stdout and "next free slot:" in slots.stdout
    post = new_post(user, tmp_path / "week.studio", "Monday news")
    first = studio(user, "queue", "add", post, "--target", band, "--slot")
    second = studio(user, "queue", "add", post, "--target", band, "--slot")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout != second.stdout and (" 09:00 " in first.stdout or " 17:30 " in first.stdout)
    at = (datetime.now(ZoneInfo("America/New_York")) + timedelta(days=2)).replace(hour=8, minute=15)
    third = studio(user, "queue", "add", post, "--target", band, "--at", f"{at:%Y-%m-%dT%H:%M}[America/New_York]")
    assert third.returncode == 0, third.stderr
    assert "08:15" in third.stdout and "(America/New_York)" in third.stdout
    listed = json.loads(studio(user, "queue", "list", "--json", "--account", band).stdout)
    assert len(listed) >= 3 and {t["state"] for i in listed for t in i["targets"]} == {"scheduled"}
    assert listed[0]["source"] == str(post.resolve()) and len(listed[0]["design_hash"]) == 64
    text = studio(user, "queue", "list", "--state", "scheduled").stdout
    assert "Monday news" in text and "bluesky-queuecli.test (bluesky): scheduled" in text


def test_the_validator_refuses_a_post_and_nothing_is_queued(user, band, tmp_path):
    before = json.loads(studio(user, "queue", "list", "--json").stdout)
    post = new_post(user, tmp_path / "long.studio", "word " * 100)
    refused = studio(user, "queue", "add", post, "--target", band)
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: bluesky-queuecli.test (bluesky): ") and "300" in refused.stderr
    assert json.loads(studio(user, "queue", "list", "--json").stdout) == before
    for args, message in ((("--at", "2020-01-01T09:00"), "is in the past"),
                          (("--at", "2026-03-29T02:30", "--zone", "Europe/Berlin"), "does not exist"),
                          (("--at", "soon"), "is not a date and time"),
                          (("--every", "3x"), "not a repeat interval")):
        out = studio(user, "queue", "add", post, "--target", band, *args)
        assert out.returncode == 1 and out.stderr.startswith("error: ") and message in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1


def test_publish_what_is_due_with_once_and_export_the_history(pds, user, band, tmp_path):
    post = new_post(user, tmp_path / "now.studio", "Out now #queue")
    added = studio(user, "queue", "add", post, "--target", band)
    item = added.stdout.split()[2]
    ran = studio(user, "queue", "run", "--once")
    assert ran.returncode == 0, ran.stderr
    assert f"item {item} → bluesky-queuecli.test (bluesky): posted https://bsky.app/profile/queuecli.test/post/" \
        in ran.stdout
    again = studio(user, "queue", "run", "--once")
    assert again.stdout.strip() == "Nothing is due."
    out = tmp_path / "history.csv"
    exported = studio(user, "queue", "history", "--csv", out)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    mine = [r for r in rows if r["item"] == item]
    assert [r["event"] for r in mine] == ["queued", "sending", "posted"]
    assert mine[1]["request"].startswith("bluesky: 1 part, 1 media file") and "putRecord" in mine[2]["request"]
    assert mine[2]["answer"].startswith("https://bsky.app/profile/queuecli.test/post/")
    cancel = studio(user, "queue", "cancel", item)
    assert cancel.returncode == 1 and "nothing left to cancel" in cancel.stderr
    retry = studio(user, "queue", "retry", item)
    assert retry.returncode == 1 and "nothing to retry: it is posted" in retry.stderr
    home = Path(user["CONTENT_STUDIO_HOME"])
    stored = subprocess.run(["secret-tool", "lookup", "service", "content-studio", "username", band],
                            capture_output=True, text=True, env=user, timeout=10)
    secret = json.loads(stored.stdout)
    leaked = [f.name for f in home.rglob("*") if f.is_file()
              for value in (PASSWORD, secret["access_jwt"], secret["refresh_jwt"]) if value.encode() in f.read_bytes()]
    assert leaked == []


def test_a_second_runner_says_so_and_exits(user, band):
    home = Path(user["CONTENT_STUDIO_HOME"])
    code = ("import sys, time; sys.path.insert(0, sys.argv[1]); from pathlib import Path;"
            "from studio.store.lock import FileLock; FileLock(Path(sys.argv[2])).acquire(); print('held', flush=True);"
            "time.sleep(30)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(ROOT), str(home / "queue-runner.lock")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        second = studio(user, "queue", "run", "--once")
        assert second.returncode == 1 and time.monotonic() - start < 30
        assert second.stderr.strip() == (f"error: Another queue runner (process {holder.pid}) is already publishing "
                                         f"from the library in \"{home}\". Only one may run at a time: stop it, or "
                                         "wait for it to finish.")
    finally:
        holder.kill()
        holder.wait()
    waited = studio(user, "queue", "run", "--once", "--wait", "10")
    assert waited.returncode == 0, waited.stderr


def test_the_runner_keeps_running_picks_up_new_items_and_stops_on_sigterm(pds, user, band, tmp_path):
    runner = subprocess.Popen([sys.executable, "-m", "studio", "queue", "run"], cwd=ROOT, env=user,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.0)  # started, nothing due, sleeping
        post = new_post(user, tmp_path / "live.studio", "Sent by the running runner")
        added = studio(user, "queue", "add", post, "--target", band)
        assert added.returncode == 0, added.stderr
        line = runner.stdout.readline()  # the new item is noticed without waiting for the next poll
        assert "posted https://bsky.app/profile/queuecli.test/post/" in line
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(15) == 0
    finally:
        if runner.poll() is None:
            runner.kill()
            runner.wait()
