"""The queue runner's state machine against the local Mastodon, Telegram and Discord fakes (real clients, real HTTP):
retries with backoff, 429 storms, lost answers, expiring sign-ins, rate budgets, late posts and the clock."""

from __future__ import annotations

import itertools
import random

import pytest
from fake_discord import FakeDiscord
from fake_mastodon import FakeMastodon
from fake_telegram import CHANNEL_ID, FakeTelegram
from queue_helpers import (
    T0,
    discord_account,
    job,
    mastodon_account,
    queue_post,
    setup,
    states,
    telegram_account,
)

from studio.core.progress import Progress
from studio.publish.policy import MAX_ATTEMPTS, backoff
from studio.publish.queue import QueueError


@pytest.fixture
def masto():
    with FakeMastodon() as server:
        yield server


def statuses_posts(fake) -> int:
    return sum(1 for r in fake.requests if r.method == "POST" and r.path == "/api/v1/statuses")


def events(s, item_id) -> list[str]:
    return [h.event for h in s.queue.history(item_id=item_id)]


def test_due_items_go_out_in_order_and_later_ones_wait(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    later = queue_post(s, job(account, "Later"), at=T0 + 3600)
    second = queue_post(s, job(account, "Second"), at=T0 - 60)
    first = queue_post(s, job(account, "First"), at=T0 - 120)
    outcomes = s.runner().run(once=True)
    assert [o.item_id for o in outcomes] == [first, second]
    assert [st["text"] for st in masto.statuses] == ["First", "Second"]
    assert states(s, later) == ["scheduled"]
    target = s.queue.item(first).targets[0]
    assert target.url == masto.statuses[0]["url"] and target.ids == [masto.statuses[0]["id"]]
    assert events(s, first) == ["queued", "sending", "posted"]
    s.clock.now = T0 + 3601
    s.runner().run(once=True)
    assert states(s, later) == ["posted"] and len(masto.statuses) == 3


def test_a_500_then_success_retries_after_a_backoff_with_the_same_key(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    item = queue_post(s, job(account, "Flaky server"), at=T0)
    masto.fail("POST", "/api/v1/statuses", status=500)
    s.runner().run(once=True)
    target = s.queue.item(item).targets[0]
    assert target.state == "scheduled" and "500" in target.message and target.attempts == 1
    assert T0 + 15 <= target.next_attempt_at <= T0 + 30  # half fixed, half jitter of the first 30 s
    s.runner().run(once=True)
    assert statuses_posts(masto) == 1  # not due yet: nothing sent
    s.clock.now = target.next_attempt_at
    s.runner().run(once=True)
    assert states(s, item) == ["posted"] and len(masto.statuses) == 1
    keys = [r.headers["idempotency-key"] for r in masto.requests if r.path == "/api/v1/statuses"]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert events(s, item) == ["queued", "sending", "retry later", "sending", "posted"]


def test_backoff_is_exponential_with_jitter_and_capped():
    rng = random.Random(5)
    waits = [backoff(n, rng, 30.0) for n in range(1, 10)]
    for n, wait in enumerate(waits, 1):
        full = min(3600.0, 30.0 * 2 ** (n - 1))
        assert full / 2 <= wait <= full
    assert waits[-1] <= 3600 and len({round(w) for w in waits}) == len(waits)


def test_a_server_that_keeps_failing_ends_failed_and_can_be_retried(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    item = queue_post(s, job(account, "Never works"), at=T0)
    masto.fail("POST", "/api/v1/statuses", status=503, times=MAX_ATTEMPTS)
    for _ in range(MAX_ATTEMPTS):
        s.runner().run(once=True)
        s.clock.now += 3600
    target = s.queue.item(item).targets[0]
    assert target.state == "failed" and f"tried {MAX_ATTEMPTS} times" in target.message
    s.queue.retry(item)
    s.runner().run(once=True)
    assert states(s, item) == ["posted"] and len(masto.statuses) == 1


def test_a_429_storm_waits_for_retry_after_and_does_not_hammer(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    items = [queue_post(s, job(account, f"Storm {i}"), at=T0) for i in range(8)]
    masto.fail("POST", "/api/v1/statuses", status=429, headers={"Retry-After": "120"}, times=4)
    sent_at = []
    for _ in range(40):
        before = statuses_posts(masto)
        s.runner(rng=random.Random(1)).run(once=True)
        sent_at += [s.clock.now] * (statuses_posts(masto) - before)
        if all(states(s, i) == ["posted"] for i in items):
            break
        s.clock.now += 30
    assert [st["text"] for st in masto.statuses] == [f"Storm {i}" for i in range(8)]
    assert statuses_posts(masto) == 4 + 8  # each 429 cost one request, never a burst
    assert all(b - a >= 120 for a, b in itertools.pairwise(sent_at[:5]))
    first = s.queue.history(item_id=items[0])
    assert [h.event for h in first].count("rate limited") == 4 and "Try again in 120 seconds" in first[2].answer
    assert all(h.event != "rate limited" for i in items[1:] for h in s.queue.history(item_id=i))


def test_a_lost_answer_from_mastodon_is_resent_with_its_key_and_posted_once(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    item = queue_post(s, job(account, "Answer lost", thread=("and a reply",)), at=T0)
    masto.fail("POST", "/api/v1/statuses", action="hang_after")
    s.runner().run(once=True)
    target = s.queue.item(item).targets[0]
    assert target.state == "scheduled" and len(masto.statuses) == 1 and target.first_write_at is not None
    s.clock.now = target.next_attempt_at
    s.runner().run(once=True)
    assert states(s, item) == ["posted"]
    assert [st["text"] for st in masto.statuses] == ["Answer lost", "and a reply"]


def test_after_mastodons_key_window_a_possible_post_waits_for_the_user(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    item = queue_post(s, job(account, "Too late to tell"), at=T0)
    masto.fail("POST", "/api/v1/statuses", action="hang_after")
    s.runner().run(once=True)
    s.clock.now += 2 * 3600  # the runner was not running for two hours
    s.runner(hold_after=24 * 3600).run(once=True)
    target = s.queue.item(item).targets[0]
    assert target.state == "outcome_unknown" and "more than an hour ago" in target.message
    assert statuses_posts(masto) == 1
    with pytest.raises(QueueError, match="--force"):
        s.queue.retry(item)
    s.queue.retry(item, force=True)  # the user looked: it is there, and the fake still knows its key
    s.runner().run(once=True)
    assert states(s, item) == ["posted"] and len(masto.statuses) == 1


def test_a_timeout_after_telegram_received_a_message_is_outcome_unknown_not_resent(tmp_path):
    with FakeTelegram() as tg:
        s = setup(tmp_path)
        account = telegram_account(s, tg)
        item = queue_post(s, job(account, "Part one", thread=("Part two",)), at=T0)
        tg.fail("POST", "/bot", action="hang_after")  # the first message is stored, its answer never comes
        s.runner().run(once=True)
        target = s.queue.item(item).targets[0]
        assert target.state == "outcome_unknown" and "may or may not" in target.message
        assert [m.text for m in tg.messages[CHANNEL_ID]] == ["Part one"]
        s.runner().run(once=True)
        assert len(tg.messages[CHANNEL_ID]) == 1  # never resent blindly
        s.queue.retry(item, force=True)  # the user says: part one is missing (it is not; the user decides)
        s.runner().run(once=True)
        assert states(s, item) == ["posted"]
        assert [m.text for m in tg.messages[CHANNEL_ID]] == ["Part one", "Part one", "Part two"]


def test_telegram_resumes_a_half_sent_thread_after_a_flood_wait(tmp_path):
    with FakeTelegram() as tg:
        s = setup(tmp_path)
        account = telegram_account(s, tg)
        item = queue_post(s, job(account, "First part", thread=("Second part",)), at=T0)
        tg.flood_after, tg.flood_wait = 1, 7
        s.runner().run(once=True)
        target = s.queue.item(item).targets[0]
        assert target.state == "scheduled" and target.next_attempt_at >= T0 + 7
        tg.flood_after = None
        s.clock.now = target.next_attempt_at
        s.runner().run(once=True)
        messages = tg.messages[CHANNEL_ID]
        assert states(s, item) == ["posted"] and [m.text for m in messages] == ["First part", "Second part"]
        assert messages[1].reply_to == messages[0].message_id
        assert s.queue.item(item).targets[0].ids == [str(m.message_id) for m in messages]


def test_a_sign_in_that_expires_mid_batch_stops_that_account_and_resumes_after_reconnecting(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    items = [queue_post(s, job(account, f"Batch {i}"), at=T0) for i in range(4)]

    def expire_after_first(outcome):
        if outcome.item_id == items[0]:
            masto.revoke(s.credentials.get(account.id)["access_token"])

    s.runner(on_outcome=expire_after_first).run(once=True)
    assert [states(s, i)[0] for i in items] == ["posted", "needs_reauth", "needs_reauth", "needs_reauth"]
    assert statuses_posts(masto) == 2  # the one that found out, then no more requests
    assert s.library.account(account.id).state == "needs_reauth"
    s.credentials.set(account.id, {**s.credentials.get(account.id), "access_token": masto.issue_token()})
    fresh = s.library.account(account.id)
    fresh.state, fresh.state_message = "connected", ""
    s.library.save_account(fresh)  # what `studio accounts add` does when it is connected again
    s.runner().run(once=True)
    assert [states(s, i)[0] for i in items] == ["posted"] * 4 and len(masto.statuses) == 4


def test_the_clock_jumping_forward_holds_what_is_too_late_and_sends_the_rest(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    early = queue_post(s, job(account, "Due in a minute"), at=T0 + 60)
    later = queue_post(s, job(account, "Due in three hours"), at=T0 + 3 * 3600)
    progress = Progress()
    jumped = []

    def sleep(seconds):
        if not jumped:
            jumped.append(True)
            s.clock.now += 4 * 3600  # the machine slept, or its clock was corrected
        s.clock.now += seconds

    runner = s.runner(sleep=sleep, progress=progress,
                      on_outcome=lambda o: progress.cancel() if o.state == "posted" else None)
    runner.run(poll=30)
    assert states(s, early) == ["held"] and states(s, later) == ["posted"]
    held = s.queue.item(early).targets[0]
    assert "Confirm it" in held.message and "Thu 28 May 2026 22:27 CEST (Europe/Berlin)" in held.message
    s.queue.confirm(early)
    s.runner().run(once=True)
    assert states(s, early) == ["posted"] and [st["text"] for st in masto.statuses] == \
        ["Due in three hours", "Due in a minute"]


def test_items_due_while_nothing_ran_go_out_at_start_unless_older_than_the_hold_setting(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    recent = queue_post(s, job(account, "An hour late"), at=T0 - 3600)
    old = queue_post(s, job(account, "A day late"), at=T0 - 86400)
    s.runner().run(once=True)
    assert states(s, recent) == ["posted"] and states(s, old) == ["held"]
    s.library.set_setting("queue.hold_after_hours", 48)
    s.queue.retry(old)
    s.runner().run(once=True)
    assert states(s, old) == ["posted"]


def test_a_rate_budget_keeps_requests_back_before_the_server_has_to(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    s.queue.store.add_usage(account.id, ["mastodon.requests"] * 290, T0 - 100)
    item = queue_post(s, job(account, "Over budget"), at=T0)
    (use,), until = s.queue.limits(account.id, "mastodon")
    assert use.describe() == "290 of 290 requests per 5 minutes" and use.frees_at == T0 + 200 and until is None
    s.runner().run(once=True)
    target = s.queue.item(item).targets[0]
    assert s.queue.limits(account.id, "mastodon")[1] == pytest.approx(T0 + 200, abs=2)  # its posts wait
    assert masto.requests == [] and target.state == "scheduled"
    assert "within Mastodon's limit of 290 requests per 5 minutes" in target.message
    assert target.next_attempt_at == pytest.approx(T0 + 200, abs=2)
    s.clock.now = target.next_attempt_at
    s.runner().run(once=True)
    assert states(s, item) == ["posted"]


def test_discord_posts_each_message_once_and_reports_the_link(tmp_path):
    with FakeDiscord() as dc:
        s = setup(tmp_path)
        account = discord_account(s, dc)
        item = queue_post(s, job(account, "x" * 2500), at=T0)  # split into two messages
        s.runner().run(once=True)
        target = s.queue.item(item).targets[0]
        assert target.state == "posted" and len(dc.messages) == 2 and target.url.endswith(dc.messages[0].id)


def test_cancel_stops_the_runner_and_leaves_the_rest_scheduled(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    items = [queue_post(s, job(account, f"Cancel {i}"), at=T0) for i in range(3)]
    progress = Progress()
    s.runner(progress=progress, on_outcome=lambda o: progress.cancel()).run(once=True)
    assert [states(s, i)[0] for i in items] == ["posted", "scheduled", "scheduled"]


def test_a_removed_account_fails_its_targets_with_a_clear_message(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    item = queue_post(s, job(account, "Orphan"), at=T0)
    s.library.delete_account(account.id)
    s.runner().run(once=True)
    target = s.queue.item(item).targets[0]
    assert target.state == "failed" and "was removed from Content Studio" in target.message


def test_an_account_is_checked_before_its_next_post_so_an_expired_sign_in_shows_early(tmp_path, masto):
    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    account.checked_at = T0 - 86400
    s.library.save_account(account)
    queue_post(s, job(account, "Soon"), at=T0 + 1800)
    masto.revoke(s.credentials.get(account.id)["access_token"])
    warnings = []
    s.runner(on_warning=warnings.append).run(once=True)
    assert s.library.account(account.id).state == "needs_reauth"
    assert warnings and "needs re-authorisation before its next post" in warnings[0]


def test_no_bot_token_or_webhook_token_reaches_the_library(tmp_path):
    from fake_discord import WEBHOOK_TOKEN
    from fake_telegram import TOKEN

    with FakeTelegram() as tg, FakeDiscord() as dc:
        s = setup(tmp_path)
        tg_account, dc_account = telegram_account(s, tg), discord_account(s, dc)
        tg.fail("POST", "/bot", status=500)  # an error answer, with its message, goes to the history too
        queue_post(s, job(tg_account, "To the channel"), job(dc_account, "To the webhook"), at=T0)
        s.runner().run(once=True)
        s.clock.now += 3600
        s.runner().run(once=True)
        s.library.close()
        written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
        assert TOKEN.encode() not in written and WEBHOOK_TOKEN.encode() not in written
        assert len(tg.messages[CHANNEL_ID]) == 1 and len(dc.messages) == 1


def test_a_locked_keyring_makes_posts_wait_without_calling_the_sign_in_expired(tmp_path, masto):
    from studio.credentials.store import CredentialError

    s = setup(tmp_path)
    account = mastodon_account(s, masto)
    items = [queue_post(s, job(account, f"Keyring {i}"), at=T0) for i in range(2)]
    real_get = s.credentials.get

    def locked(account_id):
        raise CredentialError("The keyring is locked, so Content Studio cannot read the account's sign-in.",
                              "locked")

    s.credentials.get = locked
    s.runner().run(once=True)
    first = s.queue.item(items[0]).targets[0]
    assert [states(s, i)[0] for i in items] == ["scheduled", "scheduled"] and "keyring is locked" in first.message
    assert s.library.account(account.id).state == "connected" and masto.requests == []
    s.credentials.get = real_get  # unlocked
    s.clock.now = first.next_attempt_at + 1
    s.runner().run(once=True)
    assert [states(s, i)[0] for i in items] == ["posted", "posted"]
