"""What the end-to-end tests share: a user's session with a private keyring, `studio …` run as a user runs it, a
secret put into the test keyring the way the studio stores one, and the posts a PDS account holds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import keyring_daemon
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def user_session(home: Path | None = None, **extra: str):
    """The environment of a user's session: a private Secret Service (a missing daemon fails the test: the set-up
    installs them, so it is never a skip) and, with `home`, that empty data folder and headless Qt, plus `extra`."""
    missing = keyring_daemon.available()
    if missing:
        pytest.fail(missing)
    with keyring_daemon.secret_service() as env:
        yield env if home is None else dict(env, CONTENT_STUDIO_HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)


def studio(env, *args, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio", *map(str, args)], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def store_secret(env, account_id: str, secret: dict) -> None:
    subprocess.run(["secret-tool", "store", "--label", f"content-studio {account_id}", "service", "content-studio",
                    "username", account_id], input=json.dumps(secret), text=True, env=env, check=True, timeout=10)


def posted_on_the_pds(pds, handle: str) -> Counter:
    """The texts of the account's posts on the PDS, each with how often it is there."""
    did = requests.get(f"{pds.url}/xrpc/com.atproto.identity.resolveHandle", params={"handle": handle},
                       timeout=30).json()["did"]
    texts: Counter = Counter()
    cursor = None
    while True:
        params = {"repo": did, "collection": "app.bsky.feed.post", "limit": 100, **({"cursor": cursor} if cursor
                                                                                    else {})}
        page = requests.get(f"{pds.url}/xrpc/com.atproto.repo.listRecords", params=params, timeout=30).json()
        texts.update(r["value"]["text"] for r in page["records"])
        cursor = page.get("cursor")
        if not page["records"] or not cursor:
            return texts
