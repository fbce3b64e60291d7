"""File → Import posts…: every row checked in a table before anything is queued, then the good ones queued."""

from __future__ import annotations

from studio.core.account import Account
from studio.publish.accounts import Accounts
from studio.publish.queue import Queue
from studio.ui.import_dialog import ImportDialog


def test_rows_are_checked_in_a_table_and_only_the_good_ones_are_queued(qtbot, window, tmp_path):
    library = window.services.library
    library.save_account(Account(id="bluesky-band.test", network="bluesky", handle="band.test",
                                 server="http://127.0.0.1:9", info={"did": "did:plc:band"}))
    queue = Queue(library, Accounts(library, window.services.credentials))
    path = tmp_path / "week.csv"
    path.write_text("text,targets,at\n"
                    "Monday,band.test,2031-03-03T09:00\n"
                    f"{'x' * 301},band.test,\n"
                    "Wednesday,nobody,\n", encoding="utf-8")
    dialog = ImportDialog(queue, window.tasks, window, zone="Europe/Berlin")
    dialog.choose(path)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    table = dialog.table
    assert table.rowCount() == 3
    assert [table.item(r, 0).text() for r in range(3)] == ["2", "3", "4"]
    assert table.item(0, 1).text() == "✓" and table.item(1, 1).text() == "⛔"
    assert "300" in table.item(1, 5).text() and "nobody" in table.item(2, 5).text()
    assert table.item(0, 4).text() == "Mon 03 Mar 2031 09:00 CET (Europe/Berlin)"
    assert "1 of 3 rows can be queued" in dialog.summary.text() and queue.count() == 0
    assert dialog.queue_button.isEnabled() and dialog.queue_button.text() == "Queue 1 post"
    dialog.queue_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert queue.count() == 1 and "Queued 1 post." in dialog.summary.text()
    assert table.item(0, 1).text().startswith("✓ queued") and not dialog.queue_button.isEnabled()
    assert (tmp_path / "week" / "week-line-2.studio").exists()
    dialog.done(0)


def test_a_file_that_cannot_be_read_says_why(qtbot, window, tmp_path):
    queue = Queue(window.services.library, Accounts(window.services.library, window.services.credentials))
    bad = tmp_path / "latin.csv"
    bad.write_bytes("text,targets\nGrüße,x\n".encode("latin-1"))
    dialog = ImportDialog(queue, window.tasks, window)
    dialog.choose(bad)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "not UTF-8" in dialog.summary.text() and dialog.table.rowCount() == 0
    assert not dialog.queue_button.isEnabled()
    dialog.done(0)


def test_file_import_posts_opens_the_dialog_on_the_windows_queue(qtbot, window, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("text,targets\nHello,nobody\n", encoding="utf-8")
    window.actions_by_name["import_posts"].setEnabled(True)
    dialog = window.import_posts(path)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.queue is window.queueing.queue() and dialog.table.rowCount() == 1
    dialog.done(0)
