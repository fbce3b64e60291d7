"""Issue 4's "done when", as a user does it in the studio window: connect a Bluesky account on the local PDS and a
Mastodon account on the local fake (OAuth in a scripted browser) from the Accounts window, build a post of two
images (a design and a photo, each with alt text) and a link in the media strip and caption, publish it to both
with Publish now, see a link per target, and find every secret only in the OS keyring (a real gnome-keyring on a
private D-Bus session): never in the data folder, the logs, the settings or the saved post."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
import requests
from PIL import Image
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from fake_mastodon import FakeMastodon
from pds_server import create_account
from studio_cli import user_session

from studio import logs
from studio.credentials.store import KeyringCredentialStore
from studio.logic import new_document
from studio.store.library import Library
from studio.store.paths import data_dir
from studio.store.project_file import save
from studio.store.recovery import RecoveryStore

PASSWORD = "window-horse-battery-staple"
TEXT = "Six nights, six cities 🎸 Tickets: https://example.com/tour #tour2026"


@pytest.fixture
def keyring_env(monkeypatch):
    with user_session() as env:
        for name in ("DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            monkeypatch.setenv(name, env[name])
        yield env


@pytest.fixture
def studio_window(qtbot, keyring_env, tmp_path):
    from keyring.backends import SecretService

    from studio.ui.main_window import MainWindow
    from studio.ui.services import Services

    folder = data_dir()
    log_file = logs.setup(folder, debug=True)
    services = Services(Library.open(folder), RecoveryStore(folder / "recovery"), tmp_path / "docs",
                        KeyringCredentialStore(SecretService.Keyring()))
    win = MainWindow(services)
    win.resize(1400, 900)
    win.set_document(new_document("quote", "square", "Six nights"), None)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: getattr(win, "media_strip", None) is not None, timeout=5000)
    yield win, folder, log_file
    win.session.stack.set_clean()
    win.close()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None)]:
        root.removeHandler(handler)
        handler.close()


def scripted_browser(url: str) -> None:
    """The user's browser: the fake server approves at once and redirects to the studio's loopback address."""
    threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10}, daemon=True).start()


def connect(qtbot, window, network: str, **fields: str) -> None:
    dialog = window.connect_account(network)
    for name, value in fields.items():
        dialog.edits[name].setText(value)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.task is None, timeout=30000)


def files_under(folder: Path) -> list[Path]:
    return [f for f in folder.rglob("*") if f.is_file()]


def test_connect_two_networks_in_the_window_publish_two_images_and_a_link_and_keep_secrets_in_the_keyring(
        qtbot, pds, studio_window, tmp_path, keyring_env):
    from studio.ui.accounts_window import AccountsWindow
    from studio.ui.publish_dialog import PublishDialog

    win, folder, log_file = studio_window
    create_account(pds, "windowtour.test", PASSWORD)
    with FakeMastodon(domain="example.social", max_characters=1000) as mastodon:
        # 1. the Accounts window
        accounts = win.services.accounts()
        aw = AccountsWindow(accounts, win.tasks, win, open_browser=scripted_browser, check_on_open=False)
        connect(qtbot, aw, "bluesky", server=pds.url, handle="windowtour.test", password=PASSWORD)
        connect(qtbot, aw, "mastodon", server=mastodon.url)
        rows = [aw.list.item(i).text() for i in range(aw.list.count())]
        assert len(rows) == 2 and all("Connected" in r for r in rows), (rows, aw.status.text())
        assert any("windowtour.test" in r for r in rows) and any("@alice@example.social" in r for r in rows)
        aw.done(0)
        by_network = {a.network: a for a in accounts.list()}
        assert by_network["mastodon"].limits["max_characters"] == 1000  # the server's own limits

        # 2. the post: caption with a link, a design and a photo, both with alt text
        photo = tmp_path / "crowd.jpg"
        Image.new("RGB", (1600, 1000), (20, 30, 90)).save(photo, quality=90)
        win.post_panel.caption.setPlainText(TEXT)
        for target in ("bluesky", "mastodon"):
            win.post_panel.target_boxes[target].setChecked(True)
        strip = win.media_strip
        strip.add_files([photo])
        qtbot.keyClicks(strip.alt, "The crowd at night")
        strip.list.setCurrentRow(0)
        strip.alt.selectAll()
        qtbot.keyClicks(strip.alt, "Six nights, six cities")
        post = win.session.doc.post
        assert [m.alt for m in post.media] == ["Six nights, six cities", "The crowd at night"]
        save(win.session.doc, tmp_path / "tour.studio")

        # 3. Publish now, to both
        dialog = PublishDialog(win.session.doc, accounts, win.tasks, win)
        assert [r.check.isChecked() for r in dialog.rows] == [True, True]
        dialog.publish_button.click()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
        results = {r.job.account.network: r for r in dialog.results}
        assert all(r.ok for r in results.values()), [(r.state, r.message) for r in results.values()]
        assert all('href="http' in row.result.text() for row in dialog.rows)
        assert "2 of 2" in dialog.summary.text()
        dialog.done(0)

        # on the Bluesky server: two images with their alt text and a link facet
        did = by_network["bluesky"].info["did"]
        rkey = results["bluesky"].url.rsplit("/", 1)[1]
        record = requests.get(f"{pds.url}/xrpc/com.atproto.repo.getRecord", timeout=30, params={
            "repo": did, "collection": "app.bsky.feed.post", "rkey": rkey}).json()["value"]
        assert record["text"] == TEXT
        assert [i["alt"] for i in record["embed"]["images"]] == ["Six nights, six cities", "The crowd at night"]
        links = [f["features"][0] for f in record["facets"] if f["features"][0]["$type"].endswith("#link")]
        assert links == [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/tour"}]
        # on the Mastodon server: one status with both images described
        (status,) = mastodon.statuses
        assert status["text"] == TEXT and results["mastodon"].url == status["url"]
        assert [m["description"] for m in status["media_attachments"]] == ["Six nights, six cities",
                                                                           "The crowd at night"]

        # 4. the secrets are in the keyring and nowhere else
        secrets = []
        for account in accounts.list():
            stored = win.services.credentials.get(account.id)
            assert stored, account.id
            secrets += [v for v in stored.values() if isinstance(v, str) and len(v) >= 8]
        assert PASSWORD in secrets and len(secrets) >= 5  # app password, two JWTs, client secret, token
        assert log_file is not None and log_file.exists() and "publish" in log_file.read_text("utf-8")
        leaks = [(f.name, s[:6]) for f in files_under(folder) + files_under(tmp_path / "docs") +
                 [tmp_path / "tour.studio"] for s in secrets if s.encode() in f.read_bytes()]
        assert leaks == []
