"""Queue operations without sending: freezing, slots, recurring series, and the rules of retry, cancel, confirm
and reschedule."""

from __future__ import annotations

import itertools

import pytest
from queue_helpers import T0, Clock, job, queue_post, setup, states

from studio.core.account import Account
from studio.logic import new_document
from studio.publish.queue import QueueError, Schedule, design_hash
from studio.publish.schedule import Recurrence, describe, parse_slots


def bluesky(s, handle="band.test") -> Account:
    return s.add_account(Account(id=f"bluesky-{handle}", network="bluesky", handle=handle,
                                 server="http://127.0.0.1:9", info={"did": "did:plc:abc"}), {"password": "pw"})


def mastodon(s) -> Account:
    return s.add_account(Account(id="mastodon-a", network="mastodon", handle="@a@example.social",
                                 server="http://127.0.0.1:9"), {"access_token": "t"})


def test_queueing_freezes_the_requests_once_with_their_keys_and_media_in_files(tmp_path):
    s = setup(tmp_path)
    b, m = bluesky(s), mastodon(s)
    item_id = queue_post(s, job(b, "Frozen", image=True, thread=("reply",)), job(m, "Frozen too", key="mkey"),
                         at=T0 + 600)
    item = s.queue.item(item_id)
    assert [t.state for t in item.targets] == ["scheduled", "scheduled"] and item.scheduled_at == T0 + 600
    bsky = s.queue.store.target(item.targets[0].id).prepared
    rkeys = [step["rkey"] for step in bsky["steps"]]
    assert len(rkeys) == 2 and all(len(k) == 13 for k in rkeys) and rkeys[0] < rkeys[1]
    sha = bsky["media"][0]["sha256"]
    assert (tmp_path / "queue-media" / sha[:2] / sha).read_bytes().startswith(b"\x89PNG")
    prepared, _ = s.queue.prepared(item.targets[0])
    assert prepared.media[0].data.startswith(b"\x89PNG") and prepared.media[0].alt == "A dot"
    masto = s.queue.store.target(item.targets[1].id).prepared
    assert [st["idempotency_key"] for st in masto["steps"]] == ["mkey-0"]
    assert s.queue.store.target(item.targets[1].id).outgoing["text"] == "Frozen too"


def test_slots_give_each_account_its_next_free_time(tmp_path):
    s = setup(tmp_path)  # T0 is Thursday 28 May 2026, 20:26 in Berlin
    b, m = bluesky(s), mastodon(s)
    s.queue.set_slots(b.id, parse_slots("mon-fri 09:00", "Europe/Berlin"))
    s.queue.set_slots(m.id, parse_slots("sat 10:00", "America/New_York"))
    slot = Schedule(zone="Europe/Berlin", slot=True)
    first = s.queue.add([job(b, "one"), job(m, "one")], schedule=slot, source=tmp_path / "p", design="d")[0]
    second = s.queue.add([job(b, "two")], schedule=slot, source=tmp_path / "p", design="d")[0]
    times = [describe(t.due_at, "America/New_York" if t.account_id == m.id else "Europe/Berlin")
             for i in (first, second) for t in s.queue.item(i).targets]
    assert times == ["Fri 29 May 2026 09:00 CEST (Europe/Berlin)", "Sat 30 May 2026 10:00 EDT (America/New_York)",
                     "Mon 01 Jun 2026 09:00 CEST (Europe/Berlin)"]
    # moving the post by a week keeps each account's own slot time
    before = {t.account_id: t.due_at for t in s.queue.item(first).targets}
    assert s.queue.reschedule(first, before[b.id] + 7 * 86400) == 2
    assert {t.account_id: t.due_at for t in s.queue.item(first).targets} == {
        a: due + 7 * 86400 for a, due in before.items()}
    with pytest.raises(QueueError, match="no time slots"):
        s.queue.add([job(bluesky(s, "other.test"), "x")], schedule=slot, source=tmp_path / "p", design="d")


def test_a_recurring_post_is_a_series_of_items_each_with_its_own_keys(tmp_path):
    s = setup(tmp_path)
    m = mastodon(s)
    ids = s.queue.add([job(m, "Weekly", key="w")], schedule=Schedule(T0 + 60, "Europe/Berlin",
                                                                     recur=Recurrence(1, "weeks", count=4)),
                      source=tmp_path / "p", design="d")
    assert len(ids) == 4
    items = [s.queue.item(i) for i in ids]
    assert {i.series_id for i in items} == {ids[0]} and items[0].recur["count"] == 4
    keys = [s.queue.store.target(i.targets[0].id).prepared["steps"][0]["idempotency_key"] for i in items]
    assert keys == ["w-0", "w-1-0", "w-2-0", "w-3-0"]
    assert [round((b.scheduled_at - a.scheduled_at) / 86400) for a, b in itertools.pairwise(items)] == [7, 7, 7]
    cancelled = s.queue.cancel(ids[1], series=True)
    assert sorted({t.item_id for t in cancelled}) == ids[1:] and states(s, ids[0]) == ["scheduled"]


def test_retry_cancel_confirm_and_reschedule_follow_the_state_rules(tmp_path):
    s = setup(tmp_path, Clock())
    m = mastodon(s)
    item = queue_post(s, job(m, "Rules"), at=T0 + 60)
    with pytest.raises(QueueError, match="nothing to retry"):
        s.queue.retry(item)
    with pytest.raises(QueueError, match="not waiting for confirmation"):
        s.queue.confirm(item)
    assert s.queue.reschedule(item, T0 + 7200, "America/New_York") == 1
    assert s.queue.item(item).scheduled_at == T0 + 7200 and s.queue.item(item).zone == "America/New_York"
    target = s.queue.item(item).targets[0]
    s.queue.store.update(target.id, state="sending")
    with pytest.raises(QueueError, match=r"being sent .* right now"):
        s.queue.cancel(item)
    assert s.queue.reschedule(item, T0) == 0  # not while it is being sent
    s.queue.store.update(target.id, state="outcome_unknown", inflight={"step": 0})
    with pytest.raises(QueueError, match="--force"):
        s.queue.retry(item)
    assert [t.state for t in s.queue.retry(item, force=True)] == ["outcome_unknown"]
    after = s.queue.store.target(target.id)
    assert after.state == "scheduled" and after.inflight is None and after.next_attempt_at == T0
    s.queue.cancel(item)
    assert states(s, item) == ["cancelled"]
    with pytest.raises(QueueError, match="nothing left to cancel"):
        s.queue.cancel(item)
    s.queue.retry(item)
    s.queue.store.update(target.id, state="posted")
    with pytest.raises(QueueError, match="nothing left to cancel"):
        s.queue.cancel(item)
    with pytest.raises(QueueError, match="no queue item 999"):
        s.queue.item(999)
    events = [h.event for h in s.queue.history(item_id=item)]
    assert events == ["queued", "rescheduled", "retried after the user checked the network", "cancelled",
                      "retried"]


def test_publish_now_makes_chosen_items_due_at_once(tmp_path):
    s = setup(tmp_path)
    m = mastodon(s)
    items = [queue_post(s, job(m, f"Later {i}"), at=T0 + 86400) for i in range(3)]
    assert s.queue.publish_now(items[:2]) == 2
    due = s.queue.store.targets_in(["scheduled"], due_before=T0)
    assert [t.item_id for t in due] == items[:2]
    # stopping the batch before the runner picked them up: back to their own time
    before = {t.id: "scheduled" for t in due}
    assert s.queue.undo_publish_now(before) == 2
    assert s.queue.store.targets_in(["scheduled"], due_before=T0) == []
    assert [h.event for h in s.queue.history(item_id=items[0])][-1] == "publish now stopped"


def test_the_design_hash_changes_with_the_post():
    doc = new_document("quote", "square", "Tour", "Text", None)
    before = design_hash(doc)
    assert design_hash(doc) == before
    doc.post.text = "Changed"
    assert design_hash(doc) != before
