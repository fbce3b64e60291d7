"""The queue runner publishing to the real reference PDS, in-process: what lands in the repository, createdAt set
when it goes out, reconciling by record key after dying at every request, and a revoked app password mid-batch."""

from __future__ import annotations

import io
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import requests
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "publish"))
from pds_server import create_account
from queue_helpers import Clock, job, queue_post, setup, states

from studio.networks.clients.bluesky import BlueskyClient
from studio.store.queue_store import QueueStore

PASSWORD = "queue-horse-battery"


class Killed(BaseException):
    """The process died here."""


def records(pds, did: str) -> list[dict]:
    r = requests.get(f"{pds.url}/xrpc/com.atproto.repo.listRecords", timeout=30,
                     params={"repo": did, "collection": "app.bsky.feed.post", "limit": 100})
    return r.json()["records"]


def connect(pds, s, handle: str):
    create_account(pds, handle, PASSWORD)
    connected = BlueskyClient().connect({"server": pds.url, "handle": handle, "password": PASSWORD},
                                        requests.Session())
    return s.add_account(connected.account, connected.secret)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(out, "JPEG")
    return out.getvalue()


def test_due_posts_land_on_the_pds_with_their_frozen_keys_and_a_fresh_created_at(pds, tmp_path):
    s = setup(tmp_path, Clock(time.time()))
    account = connect(pds, s, "queuerun.test")
    item = queue_post(s, job(account, "Queued with a picture #queue", thread=("and a reply",), image=jpeg()),
                      at=s.clock.now)
    frozen = s.queue.store.target(s.queue.item(item).targets[0].id).prepared
    rkeys = [step["rkey"] for step in frozen["steps"]]
    s.clock.now += 600  # ten minutes after it was queued
    s.runner().run(once=True)
    target = s.queue.item(item).targets[0]
    assert target.state == "posted" and target.url.endswith(f"/post/{rkeys[0]}")
    found = {r["uri"].rsplit("/", 1)[1]: r["value"] for r in records(pds, account.info["did"])}
    assert set(found) == set(rkeys) and target.ids == [f"at://{account.info['did']}/app.bsky.feed.post/{k}"
                                                      for k in rkeys]
    first = found[rkeys[0]]
    assert first["embed"]["images"][0]["alt"] == "Teal"
    assert first["createdAt"].startswith(time.strftime("%Y-%m-%dT%H:%M", time.gmtime(s.clock.now)))
    assert found[rkeys[1]]["reply"]["parent"]["uri"] == target.ids[0]


@pytest.mark.parametrize("point", ["before request", "after answer"])
def test_dying_at_any_request_posts_every_record_once(pds, tmp_path, monkeypatch, point):
    for n in range(1, 4):  # uploadBlob, putRecord, putRecord
        s = setup(tmp_path / f"{n}", Clock(time.time()))
        account = connect(pds, s, f"qk{n}{point[0]}.test")
        item = queue_post(s, job(account, f"Kill {n} text", thread=(f"Kill {n} reply",), image=jpeg()),
                          at=s.clock.now)
        seen = {"n": 0}
        send = requests.Session.request

        def request(self, *args, _send=send, _n=n, _seen=seen, **kwargs):
            _seen["n"] += 1
            if point == "before request" and _seen["n"] == _n:
                raise Killed
            response = _send(self, *args, **kwargs)
            if point == "after answer" and _seen["n"] == _n:
                raise Killed
            return response

        with monkeypatch.context() as m:
            m.setattr(requests.Session, "request", request)
            with pytest.raises(Killed):
                s.runner().run(once=True)
        s.library.close()
        again = s.reopen()
        again.runner().run(once=True)
        texts = Counter(r["value"]["text"] for r in records(pds, account.info["did"]))
        assert texts == Counter({f"Kill {n} text": 1, f"Kill {n} reply": 1}), (n, texts)
        assert states(again, item) == ["posted"]
        history = [h.event for h in again.queue.history(item_id=item)]
        assert "interrupted" in history and history[-1] in ("posted", "found on the network")


def test_a_crash_after_the_records_were_written_is_found_on_the_pds_without_writing_again(pds, tmp_path,
                                                                                            monkeypatch):
    s = setup(tmp_path, Clock(time.time()))
    account = connect(pds, s, "queuefound.test")
    item = queue_post(s, job(account, "Written, then the process died"), at=s.clock.now)
    real = QueueStore.update

    def die_before_recording_the_post(self, target_id, **fields):
        if fields.get("state") == "posted":
            raise Killed
        return real(self, target_id, **fields)

    with monkeypatch.context() as m:
        m.setattr(QueueStore, "update", die_before_recording_the_post)
        with pytest.raises(Killed):
            s.runner().run(once=True)
    assert states(s, item) == ["sending"]
    again = s.reopen()
    puts = []
    send = requests.Session.request

    def count(self, method, url, *args, **kwargs):
        puts.append(url.rsplit("/", 1)[1])
        return send(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", count)
    again.runner().run(once=True)
    assert states(again, item) == ["posted"] and "com.atproto.repo.putRecord" not in puts
    assert [h.event for h in again.queue.history(item_id=item)][-1] == "found on the network"
    assert len(records(pds, account.info["did"])) == 1


def test_a_revoked_app_password_marks_the_account_and_its_posts_wait(pds, tmp_path):
    s = setup(tmp_path, Clock(time.time()))
    account = connect(pds, s, "queuerevoked.test")
    items = [queue_post(s, job(account, f"Revoked {i}"), at=s.clock.now) for i in range(3)]
    s.credentials.set(account.id, {"password": "revoked", "access_jwt": "bad.token.x", "refresh_jwt": "bad.token.y"})
    s.runner().run(once=True)
    assert [states(s, i)[0] for i in items] == ["needs_reauth"] * 3
    assert s.library.account(account.id).state == "needs_reauth"
    assert records(pds, account.info["did"]) == []
