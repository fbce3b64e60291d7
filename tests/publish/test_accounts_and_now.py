"""The account service (library + keyring) and "publish now" (retries, truthful states), with a scripted client."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from scripted_client import Scripted

from studio.core.progress import Progress
from studio.credentials.store import CredentialError, MemoryCredentialStore
from studio.networks.publishing import (
    AuthExpired,
    NotConnectable,
    OutcomeUnknown,
    Outgoing,
    RateLimited,
    Receipt,
    Rejected,
    Transient,
)
from studio.publish.accounts import AccountError, Accounts
from studio.publish.now import Job, publish_jobs
from studio.store.library import Library


class FailingKeyring(MemoryCredentialStore):
    def set(self, account_id, secret):
        raise CredentialError("No keyring is available to save the account's sign-in.", "no_keyring")


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        yield lib


def service(library, client, store=None):
    return Accounts(library, store or MemoryCredentialStore(), clients=lambda network, server="": client)


def test_adding_keeps_the_secret_in_the_keyring_and_the_rest_in_the_library(library):
    store = MemoryCredentialStore()
    accounts = service(library, Scripted(), store)
    account = accounts.add("bluesky", {"handle": "alice.test", "password": "s3cret-app-pw"})
    assert store.get(account.id) == {"password": "s3cret-app-pw"}
    assert [a.handle for a in library.accounts()] == ["alice.test"]
    assert "s3cret-app-pw" not in repr(library.accounts())
    assert accounts.find("alice.test").id == accounts.find("@alice.test").id == account.id
    again = accounts.add("bluesky", {"handle": "alice.test", "password": "new-pw"})  # reconnecting updates
    assert again.id == account.id and len(library.accounts()) == 1 and store.get(account.id)["password"] == "new-pw"


def test_without_a_keyring_nothing_is_saved_anywhere(library):
    with pytest.raises(CredentialError):
        service(library, Scripted(), FailingKeyring()).add("bluesky", {"handle": "a.test", "password": "pw"})
    assert library.accounts() == []


def test_a_refused_sign_in_saves_nothing(library):
    with pytest.raises(NotConnectable):
        service(library, Scripted()).add("bluesky", {"handle": "a.test", "password": "wrong"})
    assert library.accounts() == []


def test_removing_deletes_the_secret_too(library):
    store = MemoryCredentialStore()
    accounts = service(library, Scripted(), store)
    account = accounts.add("bluesky", {"handle": "a.test", "password": "pw"})
    accounts.remove("a.test")
    assert store.get(account.id) is None and library.accounts() == []
    with pytest.raises(AccountError, match="no account"):
        accounts.find("a.test")


@pytest.mark.parametrize(("outcome", "state"), [
    (None, "connected"),
    (AuthExpired("Bluesky no longer accepts this account's sign-in."), "needs_reauth"),
    (Transient("Could not connect to Bluesky."), "unreachable"),
])
def test_checking_records_the_state(library, outcome, state):
    client = Scripted()
    accounts = service(library, client)
    account = accounts.add("bluesky", {"handle": "a.test", "password": "pw"})
    client.outcomes = [outcome]
    checked = accounts.check(account.id)
    assert checked.state == state and library.account(account.id).state == state
    assert (checked.state_message == "") == (outcome is None)


def test_a_missing_keyring_entry_means_connect_again(library):
    store = MemoryCredentialStore()
    accounts = service(library, Scripted(), store)
    account = accounts.add("bluesky", {"handle": "a.test", "password": "pw"})
    store.delete(account.id)
    assert accounts.check(account.id).state == "needs_reauth"


def run(library, outcomes, found=None, progress=None):
    client = Scripted(outcomes, found)
    accounts = service(library, client)
    account = accounts.add("bluesky", {"handle": "a.test", "password": "pw"})
    waits: list[float] = []
    results = publish_jobs([Job(account, Outgoing("bluesky", "hello", key="k1"))], accounts, progress,
                           sleep=waits.append)
    return results[0], client, waits, accounts


def test_transient_failures_are_retried_with_the_same_prepared_post(library):
    result, client, waits, _ = run(library, [Transient("500"), Transient("503"), "https://bsky.app/p/1"])
    assert result.state == "posted" and result.url == "https://bsky.app/p/1"
    assert len(client.sent) == 3 and client.sent[0] is client.sent[2]  # same record keys every time
    assert sum(waits) == pytest.approx(4.0)


def test_a_short_rate_limit_is_waited_out_and_a_long_one_fails(library):
    result, _, waits, _ = run(library, [RateLimited("slow down", 2.0), "https://bsky.app/p/2"])
    assert result.ok and sum(waits) == pytest.approx(2.0)
    result, _, _, _ = run(library, [RateLimited("Bluesky is limiting … Try again in 3600 seconds.", 3600)])
    assert result.state == "failed" and "3600" in result.message


def test_outcome_unknown_asks_the_network_before_anything_else(library):
    found = Receipt("https://bsky.app/p/found", ["at://x"])
    result, client, _, _ = run(library, [OutcomeUnknown("no answer")], found=found)
    assert result.state == "posted" and result.url == found.url and len(client.sent) == 1
    result, client, _, _ = run(library, [OutcomeUnknown("no answer after sending")], found=None)
    assert result.state == "outcome_unknown" and len(client.sent) == 1  # never resent blindly


def test_an_expired_sign_in_marks_the_account(library):
    result, _, _, accounts = run(library, [AuthExpired("Connect the account again.")])
    assert result.state == "needs_reauth" and accounts.find("a.test").state == "needs_reauth"


def test_a_rejection_is_shown_with_the_networks_words_and_not_retried(library):
    result, client, _, _ = run(library, [Rejected("Bluesky refused it: Record/text must not be longer than 300")])
    assert result.state == "failed" and "longer than 300" in result.message and len(client.sent) == 1


def test_cancel_marks_the_rest_cancelled(library):
    client = Scripted(["https://bsky.app/p/1", "https://bsky.app/p/2"])
    accounts = service(library, client)
    account = accounts.add("bluesky", {"handle": "a.test", "password": "pw"})
    progress = Progress()
    jobs = [Job(account, Outgoing("bluesky", "one", key="a")), Job(account, Outgoing("bluesky", "two", key="b"))]
    results = publish_jobs(jobs, accounts, progress, on_target=lambda i, f, t: progress.cancel() if i == 0 else None,
                           sleep=lambda s: None)
    assert results[0].state in ("posted", "cancelled") and results[1].state == "cancelled"
    assert len(client.sent) <= 1
