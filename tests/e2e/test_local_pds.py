"""The real Bluesky server (reference PDS) starts on 127.0.0.1 and behaves as the publisher will rely on:
sessions, blobs, and putRecord with a client-chosen TID key as an exactly-once write (platform.md)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from pds_server import create_account


def tid() -> str:
    """A TID record key: microseconds since the epoch and a clock id, base32-sortable, 13 characters."""
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    value = (int(time.time() * 1_000_000) << 10) | 7
    return "".join(alphabet[(value >> (5 * i)) & 31] for i in reversed(range(13)))


def test_account_session_blob_and_exactly_once_record(pds):
    account = create_account(pds, "band.test")
    did = account["did"]
    session = requests.post(f"{pds.url}/xrpc/com.atproto.server.createSession", timeout=30,
                            json={"identifier": "band.test", "password": "correct-horse-battery"}).json()
    auth = {"Authorization": f"Bearer {session['accessJwt']}"}
    png = (Path(__file__).resolve().parents[2] / "resources" / "templates" / "logo.png").read_bytes()
    blob = requests.post(f"{pds.url}/xrpc/com.atproto.repo.uploadBlob", data=png, timeout=30,
                         headers={**auth, "Content-Type": "image/png"}).json()["blob"]
    key = tid()
    record = {"$type": "app.bsky.feed.post", "text": "Tour news 🎸", "createdAt": "2026-11-27T10:00:00.000Z",
              "embed": {"$type": "app.bsky.embed.images",
                        "images": [{"image": blob, "alt": "logo", "aspectRatio": {"width": 400, "height": 400}}]}}
    body = {"repo": did, "collection": "app.bsky.feed.post", "rkey": key, "record": record, "swapRecord": None}
    first = requests.post(f"{pds.url}/xrpc/com.atproto.repo.putRecord", json=body, headers=auth, timeout=30)
    again = requests.post(f"{pds.url}/xrpc/com.atproto.repo.putRecord", json=body, headers=auth, timeout=30)
    assert first.status_code == 200 and again.status_code == 200
    assert first.json()["cid"] == again.json()["cid"]  # the identical retry is a no-op
    changed = dict(body, record=dict(record, text="something else"))
    clash = requests.post(f"{pds.url}/xrpc/com.atproto.repo.putRecord", json=changed, headers=auth, timeout=30)
    assert clash.status_code == 400 and clash.json()["error"] == "InvalidSwap"
    listed = requests.get(f"{pds.url}/xrpc/com.atproto.repo.listRecords", timeout=30,
                          params={"repo": did, "collection": "app.bsky.feed.post"}).json()["records"]
    assert len(listed) == 1 and listed[0]["value"]["text"] == "Tour news 🎸"
    got = requests.get(f"{pds.url}/xrpc/com.atproto.sync.getBlob", timeout=30,
                       params={"did": did, "cid": blob["ref"]["$link"]})
    assert got.content == png


def test_an_invalid_token_is_a_400_invalid_token(pds):
    r = requests.post(f"{pds.url}/xrpc/com.atproto.repo.createRecord", timeout=30,
                      headers={"Authorization": "Bearer not-a-token"},
                      json={"repo": "did:plc:x", "collection": "app.bsky.feed.post", "record": {}})
    assert r.status_code in (400, 401) and r.json()["error"] in ("InvalidToken", "AuthenticationRequired")
