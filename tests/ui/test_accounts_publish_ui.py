"""The Accounts window and the Publish now dialog, driven as a user would, with a scripted network client."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from scripted_client import Scripted

from studio.core.post import Post
from studio.networks.publishing import Rejected
from studio.publish.accounts import Accounts
from studio.ui.accounts_window import AccountsWindow, ConnectDialog
from studio.ui.publish_dialog import PublishDialog


@pytest.fixture
def client():
    return Scripted()


@pytest.fixture
def accounts(window, client):
    service = Accounts(window.services.library, window.services.credentials, clients=lambda n, s="": client)
    window.services._accounts = service
    return service


def wait_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)


def test_connecting_an_account_from_the_window(qtbot, window, accounts):
    w = AccountsWindow(accounts, window.tasks, window, check_on_open=False)
    assert "No accounts yet" in w.status.text()
    dialog = w.connect_account("bluesky")
    assert isinstance(dialog, ConnectDialog)
    password = dialog.edits["password"]
    assert password.echoMode() == password.EchoMode.Password  # never shown
    dialog.edits["handle"].setText("band.test")
    password.setText("app-pw-1234")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, w)
    assert w.list.count() == 1, w.status.text()
    assert "band.test" in w.list.item(0).text() and "Connected" in w.list.item(0).text()
    assert window.services.credentials.get("bluesky-band.test") == {"password": "app-pw-1234"}
    w.done(0)


def test_states_are_shown_and_a_refused_sign_in_is_explained(qtbot, window, accounts, client):
    accounts.add("bluesky", {"handle": "band.test", "password": "pw"})
    from studio.networks.publishing import AuthExpired

    client.outcomes = [AuthExpired("Bluesky no longer accepts this account's sign-in. Connect the account again.")]
    w = AccountsWindow(accounts, window.tasks, window)  # checks on open
    wait_idle(qtbot, w)
    assert "Needs re-authorisation" in w.list.item(0).text()
    w.list.setCurrentRow(0)
    assert w.reconnect_button.isEnabled()
    w.start_connect("bluesky", {"handle": "band.test", "password": "wrong"})
    wait_idle(qtbot, w)
    assert "did not accept" in w.status.text()
    w.remove_selected()
    assert w.list.count() == 0 and accounts.list() == []
    w.done(0)


def post_window(window, text="Tour dates: https://example.com", targets=("bluesky",)):
    window.session.doc.post.text = text
    window.session.doc.post.targets = list(targets)


def test_publish_now_shows_a_link_per_target_and_the_networks_error(qtbot, window, accounts, client):
    accounts.add("bluesky", {"handle": "band.test", "password": "pw"})
    accounts.add("bluesky", {"handle": "label.test", "password": "pw"})
    post_window(window)
    client.outcomes = ["https://bsky.app/profile/band.test/post/3abc",
                       Rejected("Bluesky refused it: the image is not supported")]
    d = PublishDialog(window.session.doc, accounts, window.tasks, window)
    assert [r.check.isChecked() for r in d.rows] == [True, True]
    d.publish_button.click()
    wait_idle(qtbot, d)
    first, second = d.rows
    assert 'href="https://bsky.app/profile/band.test/post/3abc"' in first.result.text()
    assert "Failed" in second.result.text() and "the image is not supported" in second.result.text()
    assert "1 of 2" in d.summary.text()
    d.done(0)


def test_an_error_of_the_validator_blocks_that_target(qtbot, window, accounts):
    accounts.add("bluesky", {"handle": "band.test", "password": "pw"})
    post_window(window, text="x" * 301)
    d = PublishDialog(window.session.doc, accounts, window.tasks, window)
    (row,) = d.rows
    assert not row.check.isEnabled() and not row.check.isChecked()
    assert "300" in row.note.text() and not d.publish_button.isEnabled()
    d.done(0)


def test_cancel_stops_the_upload_and_says_so(qtbot, window, accounts, client):
    accounts.add("bluesky", {"handle": "band.test", "password": "pw"})
    post_window(window)
    client.hold = threading.Event()
    client.outcomes = ["https://bsky.app/never"]
    d = PublishDialog(window.session.doc, accounts, window.tasks, window)
    d.publish_button.click()
    qtbot.waitUntil(lambda: "Uploading" in d.rows[0].result.text(), timeout=10000)
    assert not d.cancel_button.isHidden() and not d.close_button.isEnabled()
    d.cancel_button.click()
    wait_idle(qtbot, d)
    assert "Cancelled" in d.rows[0].result.text() and client.sent == []
    d.done(0)


def test_no_accounts_says_how_to_connect_one(qtbot, window, accounts):
    window.session.doc.post = Post(text="hi")
    d = PublishDialog(window.session.doc, accounts, window.tasks, window)
    assert "No accounts are connected" in d.summary.text() and not d.publish_button.isEnabled()
    d.done(0)


def test_each_account_shows_its_rate_limits_and_a_wait(qtbot, window, accounts):
    from studio.publish.policy import WAITS_SETTING
    from studio.publish.queue import Queue

    a = accounts.add("bluesky", {"handle": "band.test", "password": "pw"})
    queue = Queue(window.services.library, accounts)
    queue.store.add_usage(a.id, ["bluesky.sessions"] * 2, queue.clock() - 5)
    window.services.library.set_setting(WAITS_SETTING, {a.id: queue.clock() + 900})
    w = AccountsWindow(accounts, window.tasks, window, check_on_open=False,
                       limits=lambda acc: queue.limits(acc.id, acc.network))
    text = w.list.item(0).text()
    assert "Rate limits: 2 of 30 sign-ins per 5 minutes · 0 of 300 sign-ins per day · 0 of 1,600 posts per hour" in text
    assert "Its queued posts wait until" in text
    w.done(0)
