"""THE fault test: `studio queue run` as a real process publishing 50 due items (40 to the reference PDS, 10 to the
Mastodon fake running in this process), killed with SIGKILL at random moments and started again, with several
seeds. Afterwards every post is on the servers exactly once (listRecords on the PDS; the fake's statuses) and the
queue says so, with each one's link."""

from __future__ import annotations

import io
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from fake_mastodon import FakeMastodon
from pds_server import create_account
from studio_cli import posted_on_the_pds, store_secret, studio, user_session

from studio.core.account import Account
from studio.credentials.store import MemoryCredentialStore
from studio.networks.publishing import Outgoing, OutMedia
from studio.publish.accounts import Accounts
from studio.publish.now import Job
from studio.publish.queue import Queue, Schedule
from studio.store.library import Library

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kill-horse-battery-staple"
SEEDS = (11, 23, 42, 77, 101)
KILLS = 6  # per seed, at random moments; then one run to the end


@pytest.fixture(scope="module")
def keyring_env():
    with user_session() as env:
        yield env


def jpeg(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (48, 32), (n * 40 % 256, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def queue_fifty(home: Path, bluesky_id: str, masto: Account, seed: int) -> list[str]:
    """40 Bluesky posts (every fifth with an image, every seventh a thread) and 10 Mastodon posts, all due."""
    with Library.open(home) as library:
        library.save_account(masto)
        queue = Queue(library, Accounts(library, MemoryCredentialStore()))
        bluesky = library.account(bluesky_id)
        texts = []
        for i in range(50):
            account = bluesky if i < 40 else masto
            text = f"Seed {seed} post {i}"
            media = (OutMedia(jpeg(i), "image/jpeg", 48, 32, alt=f"Picture {i}"),) if i % 5 == 0 else ()
            thread = (f"Seed {seed} reply {i}",) if i % 7 == 0 else ()
            texts += [text, *thread]
            out = Outgoing(account.network, text, key=f"s{seed}-{i}", thread=thread, media=media)
            queue.add([Job(account, out)], schedule=Schedule(time.time() - 60, "Europe/Berlin"),
                      source=home / "week.studio", design="d")
        return texts


def posted_count(home: Path) -> int:
    """How many targets the queue has recorded as posted (read beside the running runner: WAL allows it)."""
    conn = sqlite3.connect(f"file:{home / 'library.db'}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM queue_targets WHERE state = 'posted'").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_sigkill_at_random_points_posts_every_item_exactly_once(pds, keyring_env, tmp_path, seed):
    rng = random.Random(seed)
    home = tmp_path / "home"
    env = dict(keyring_env, CONTENT_STUDIO_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    handle = f"kill{seed}.test"
    create_account(pds, handle, PASSWORD)
    added = subprocess.run([sys.executable, "-m", "studio", "accounts", "add", "bluesky", "--server", pds.url,
                            "--handle", handle], cwd=ROOT, env=env, input=PASSWORD + "\n", capture_output=True,
                           text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    with FakeMastodon() as fake:
        masto = Account(id=f"mastodon-kill{seed}@example.social", network="mastodon",
                        handle=f"@kill{seed}@example.social", server=fake.url, checked_at=time.time())
        store_secret(env, masto.id, {"client_id": "c", "client_secret": "s", "access_token": fake.issue_token()})
        texts = queue_fifty(home, f"bluesky-{handle}", masto, seed)
        killed_mid_batch = 0
        for _ in range(KILLS):
            done = posted_count(home)
            if done >= 49:
                break
            kill_after = rng.randint(done + 1, 49)  # a random point of what is left: after that many are posted,
            proc = subprocess.Popen([sys.executable, "-m", "studio", "queue", "run", "--once"], cwd=ROOT, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            while proc.poll() is None and posted_count(home) < kill_after:
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.05))  # ... and somewhere inside the next one's requests
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed_mid_batch += 1
            proc.wait(30)
        final = studio(env, "queue", "run", "--once", timeout=300)
        assert final.returncode == 0, final.stdout + final.stderr
        on_servers = posted_on_the_pds(pds, handle) + Counter(s["text"] for s in fake.statuses)
    assert on_servers == Counter(texts)  # every post and reply exactly once
    assert killed_mid_batch >= 2  # the kills really hit the batch
    listed = json.loads(studio(env, "queue", "list", "--json").stdout)
    targets = [t for item in listed for t in item["targets"]]
    assert len(targets) == 50 and {t["state"] for t in targets} == {"posted"}
    assert all(t["url"] and t["ids"] for t in targets)
    history = studio(env, "queue", "history").stdout
    assert history.count(" posted ") + history.count(" found on the network") == 50
    print(f"seed {seed}: {killed_mid_batch} kills mid-batch; {history.count(' interrupted ')} targets interrupted, "
          f"{history.count('It was being sent')} of them with a post on the wire")
