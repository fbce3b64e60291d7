"""The queue in the studio window: Add to queue, the queue list (thousands of items, filters, per-target actions),
the calendar (geometry, rescheduling by dragging), batch publish now, and the background runner, with a scripted
network client and the memory credential store."""

from __future__ import annotations

import csv
import sys
import threading
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from queue_fixtures import ALICE, BAND, add_accounts, insert, jpeg, set_state
from scripted_client import Scripted

from studio.publish.accounts import Accounts
from studio.publish.queue import design_hash
from studio.publish.schedule import wall_clock, zone
from studio.store.lock import FileLock
from studio.store.project_file import load, save
from studio.ui.queue_add_dialog import AddToQueueDialog
from studio.ui.queue_calendar import CalendarGeometry, first_day_of
from studio.ui.queue_model import CHANGED_ROLE, ITEM_ROLE, PROGRESS_ROLE, TARGETS
from studio.ui.queue_runner import LOCKED, RUNNING
from studio.ui.queue_text import local_zone
from studio.ui.queue_when import AT


@pytest.fixture
def client():
    return Scripted()


@pytest.fixture
def queue(window, client):
    window.services._accounts = Accounts(window.services.library, window.services.credentials,
                                         clients=lambda n, s="": client)
    q = window.queueing.queue()
    add_accounts(q)
    return q


def soon(days: int, hour: int, minute: int = 0) -> float:
    """A wall-clock time on the creator's clock, `days` from today."""
    day = datetime.now(zone(local_zone())).date() + timedelta(days=days)
    return wall_clock(day, f"{hour:02d}:{minute:02d}", zone(local_zone())).timestamp()


def opened(qtbot, window):
    qw = window.show_queue()
    qtbot.waitUntil(lambda: qw.loads > 0, timeout=10000)
    return qw


def reloaded(qtbot, qw):
    n = qw.loads
    qw.reload()
    qtbot.waitUntil(lambda: qw.loads > n and not qw._loading, timeout=10000)


def test_add_to_queue_freezes_the_saved_post_and_the_list_sees_a_later_edit(qtbot, window, queue, tmp_path):
    doc = window.session.doc
    doc.post.text, doc.post.targets = "Tour dates: https://example.com", ["bluesky"]
    path = tmp_path / "tour.studio"
    assert window._save_to(path)
    d = AddToQueueDialog(doc, path, queue, window.tasks, window)
    rows = {r.target.account.id: r for r in d.rows}
    assert rows[BAND].check.isChecked() and not rows[ALICE].check.isChecked()  # the post's own networks
    at = soon(3, 9)
    d.when.set_mode(AT)
    d.when.set_at(at, "America/New_York")
    assert "this computer's clock" in d.when.hint.text() or local_zone() == "America/New_York"
    d.queue_button.click()
    qtbot.waitUntil(lambda: d.task is None, timeout=20000)
    assert "Queued for" in d.summary.text(), d.summary.text()
    (item,) = queue.list()
    assert item.source_path == str(path.resolve()) and item.zone == "America/New_York"
    assert [(t.account_id, t.state, t.due_at) for t in item.targets] == [(BAND, "scheduled", at)]
    assert item.design_hash == design_hash(load(path))
    frozen = queue.store.target(item.targets[0].id).outgoing
    assert frozen["text"] == "Tour dates: https://example.com" and frozen["media"][0]["mime"] == "image/jpeg"
    d.done(0)

    qw = opened(qtbot, window)
    assert qw.model.rowCount() == 1
    qtbot.waitUntil(lambda: qw.model.data(qw.model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None,
                    timeout=10000)  # the thumbnail, from the frozen JPEG
    assert not qw.model.data(qw.model.index(0, 0), CHANGED_ROLE)
    edited = load(path)
    edited.post.text = "Tour dates, now with Paris"
    save(edited, path)
    reloaded(qtbot, qw)
    qtbot.waitUntil(lambda: qw.model.data(qw.model.index(0, 0), CHANGED_ROLE) is True, timeout=10000)


def test_an_unsaved_post_is_saved_first_or_not_queued(qtbot, window, queue, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.
                        Cancel)
    window.add_to_queue()
    assert "Save the post now?" in asked[0] and queue.list() == []


def test_the_list_model_holds_thousands_of_items_filters_and_updates_rows_in_place(qtbot, window, queue):
    start = soon(1, 8)
    band = insert(queue, 3000, start=start, step=600)
    alice = insert(queue, 400, start=start + 300, step=600, accounts=(ALICE,))
    for item_id in band[:7]:
        set_state(queue, item_id, BAND, "failed", message="Bluesky said no")
    qw = opened(qtbot, window)
    assert qw.model.rowCount() == 3400 and qw.model.columnCount() == 3
    assert "Posts: 3,400" in qw.count_label.text()
    resets = []
    qw.model.modelReset.connect(lambda: resets.append(1))
    qw._select_ids([band[10]])
    set_state(queue, band[10], BAND, "posted", url="https://bsky.app/profile/band.test/post/3k1")
    reloaded(qtbot, qw)
    row = qw.model.row_of(band[10])
    assert resets == [] and "https://bsky.app/profile/band.test/post/3k1" in qw.model.index(row, TARGETS).data()
    assert qw.selected_items()[0].id == band[10]  # the selection stayed

    qw.account_filter.setCurrentIndex(qw.account_filter.findData(ALICE))
    qtbot.waitUntil(lambda: qw.model.rowCount() == 400, timeout=10000)
    assert {qw.model.item_at(r).id for r in range(400)} == set(alice)
    qw.account_filter.setCurrentIndex(0)
    qw.state_filter.setCurrentIndex(qw.state_filter.findData("failed"))
    qtbot.waitUntil(lambda: qw.model.rowCount() == 7, timeout=10000)
    qw.state_filter.setCurrentIndex(0)
    first_day = datetime.fromtimestamp(start, zone(local_zone())).date()
    qw.date_from.setDate(first_day)
    qw.date_to.setDate(first_day)
    qw.date_filter.setCurrentIndex(qw.date_filter.findData("custom"))
    expected = queue.count(since=wall_clock(first_day, "00:00", zone(local_zone())).timestamp(),
                           until=wall_clock(first_day + timedelta(days=1), "00:00", zone(local_zone())).timestamp())
    qtbot.waitUntil(lambda: qw.model.rowCount() == expected, timeout=10000)
    assert 0 < expected < 3400


def test_a_failed_target_is_retried_alone_and_a_held_one_is_confirmed(qtbot, window, queue):
    (item_id,) = insert(queue, 1, start=soon(1, 10), accounts=(BAND, ALICE))
    set_state(queue, item_id, BAND, "posted", url="https://bsky.app/profile/band.test/post/3k9")
    set_state(queue, item_id, ALICE, "failed", message="Validation failed: Text character limit of 500 exceeded")
    (held_id,) = insert(queue, 1, start=soon(2, 10))
    set_state(queue, held_id, BAND, "held", message="It was due long ago.")
    qw = opened(qtbot, window)
    qw._select_ids([item_id])
    band_t, alice_t = queue.item(item_id).targets
    card = qw.details.card(alice_t.id)
    assert "character limit of 500" in card.findChild(type(qw.count_label), "networkMessage").text()
    assert "retry" not in qw.details.card(band_t.id).buttons  # posted: nothing to retry
    card.buttons["retry"].click()
    qtbot.waitUntil(lambda: [t.state for t in queue.item(item_id).targets] == ["posted", "scheduled"],
                    timeout=10000)
    retried = [h for h in queue.history(item_id=item_id) if h.event == "retried"]
    assert [h.account_id for h in retried] == [ALICE]

    qw._select_ids([held_id])
    assert qw.buttons["confirm"].isEnabled()
    (held_t,) = queue.item(held_id).targets
    qw.details.card(held_t.id).buttons["confirm"].click()
    qtbot.waitUntil(lambda: queue.item(held_id).targets[0].state == "scheduled", timeout=10000)
    assert queue.history(item_id=held_id)[-1].event == "confirmed"


def test_calendar_geometry_maps_points_to_times():
    monday = date(2026, 3, 23)
    g = CalendarGeometry("week", monday, 52 + 7 * 100, 26 + 24 * 30)
    x_wednesday = 52 + 2 * 100 + 50
    assert g.time_at(x_wednesday, 26 + 9.5 * 30) == datetime(2026, 3, 25, 9, 30)
    assert g.time_at(x_wednesday, 26 + 9.62 * 30) == datetime(2026, 3, 25, 9, 30)  # snapped to a quarter hour
    assert g.time_at(x_wednesday, 26 + 9.9 * 30) == datetime(2026, 3, 25, 10, 0)
    assert g.y_of(datetime(2026, 3, 25, 9, 30)) == pytest.approx(26 + 9.5 * 30)
    assert g.time_at(10, 300) is None and g.time_at(x_wednesday, 5) is None  # the hours gutter, the header
    assert first_day_of("month", date(2026, 3, 15)) == date(2026, 2, 23)  # the Monday before the 1st
    m = CalendarGeometry("month", date(2026, 2, 23), 700, 26 + 6 * 100)
    assert m.time_at(3 * 100 + 50, 26 + 2 * 100 + 50, keep=clock_time(14, 5)) == datetime(2026, 3, 12, 14, 5)
    assert m.day_rect(9) == (200.0, 126.0, 100.0, 100.0)
    assert m.index_of(date(2026, 3, 12)) == 17 and m.index_of(date(2026, 4, 6)) is None


def _mouse(widget, kind, pos: QPointF, buttons) -> None:
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_dragging_an_item_in_the_calendar_reschedules_it_and_what_is_sending_stays(qtbot, window, queue):
    at = soon(7, 10)
    (item_id,) = insert(queue, 1, start=at)
    qw = opened(qtbot, window)
    cal = qw.calendar
    qw.show_view(1)  # the week
    cal.anchor = datetime.fromtimestamp(at, zone(local_zone())).date()
    cal._moved()
    qtbot.waitUntil(lambda: cal.chip_rect(item_id) is not None, timeout=10000)
    start = cal.chip_rect(item_id).center()
    day = datetime.fromtimestamp(at, zone(local_zone())).date()
    target_day = day + timedelta(days=1) if day.weekday() < 6 else day - timedelta(days=1)
    goal = cal.point_for(datetime.combine(target_day, clock_time(15, 30)))
    _mouse(cal, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    _mouse(cal, QEvent.Type.MouseMove, QPointF(start.x() + 20, start.y() + 20), Qt.MouseButton.LeftButton)
    _mouse(cal, QEvent.Type.MouseMove, goal, Qt.MouseButton.LeftButton)
    _mouse(cal, QEvent.Type.MouseButtonRelease, goal, Qt.MouseButton.NoButton)
    moved = wall_clock(target_day, "15:30", zone(local_zone())).timestamp()
    qtbot.waitUntil(lambda: queue.item(item_id).scheduled_at == moved, timeout=10000)
    assert queue.item(item_id).targets[0].due_at == moved

    set_state(queue, item_id, BAND, "sending")
    reloaded(qtbot, qw)
    assert not cal.drop_item(item_id, cal.point_for(datetime.combine(target_day, clock_time(18, 0))))
    assert "being sent" in qw.status.text() and queue.item(item_id).scheduled_at == moved


def test_the_studios_runner_publishes_a_due_item_and_the_list_shows_the_link(qtbot, window, queue, client):
    client.outcomes = ["https://bsky.app/profile/band.test/post/3kdue"]
    client.hold = threading.Event()
    (item_id,) = insert(queue, 1, start=time.time() - 30)
    qw = opened(qtbot, window)
    runner = window.start_queue_runner(retry_every=0.2)
    # being sent, with its progress
    qtbot.waitUntil(lambda: bool(qw.model.index(0, TARGETS).data(PROGRESS_ROLE)), timeout=15000)
    ((fraction, text),) = qw.model.index(0, TARGETS).data(PROGRESS_ROLE).values()
    assert fraction == pytest.approx(0.5) and "Uploading" in text
    client.hold.set()
    qtbot.waitUntil(lambda: queue.item(item_id).targets[0].state == "posted", timeout=15000)
    assert queue.item(item_id).targets[0].url == "https://bsky.app/profile/band.test/post/3kdue"
    qtbot.waitUntil(lambda: "3kdue" in (qw.model.index(0, TARGETS).data() or ""), timeout=10000)
    assert "Posted" in qw.model.index(0, TARGETS).data()
    assert qw.model.index(0, TARGETS).data(ITEM_ROLE).targets[0].state == "posted"
    qtbot.waitUntil(lambda: "Posted to band.test" in window.statusBar().currentMessage(), timeout=5000)
    assert runner.state == RUNNING and "Publishing in the background" in qw.banner.text()
    qw._select_ids([item_id])
    link = qw.details.findChild(type(qw.count_label), "postLink")
    assert 'href="https://bsky.app/profile/band.test/post/3kdue"' in link.text()
    assert runner.stop() and not runner.running


def test_batch_publish_now_sends_the_selected_items_with_one_progress_bar(qtbot, window, queue, client):
    client.outcomes = ["https://bsky.app/p/1", "https://bsky.app/p/2"]
    ids = insert(queue, 3, start=soon(5, 9), step=86400)
    qw = opened(qtbot, window)
    qw._select_ids(ids[:2])
    window.start_queue_runner(retry_every=0.2)
    qw.buttons["publish"].click()
    assert qw.batch is not None and qw.batch.total == 2 and not qw.batch_row.isHidden()
    qtbot.waitUntil(lambda: qw.batch is None, timeout=15000)
    assert "2 of 2 done" in qw.status.text() and qw.batch_row.isHidden()
    assert [queue.item(i).targets[0].state for i in ids] == ["posted", "posted", "scheduled"]


def test_stopping_a_batch_puts_back_what_was_not_sent(qtbot, window, queue):
    ids = insert(queue, 2, start=soon(5, 9), step=86400)
    qw = opened(qtbot, window)
    qw._select_ids(ids)
    qw.publish_selected()  # no runner: nothing is sent meanwhile
    qtbot.waitUntil(lambda: all(queue.item(i).targets[0].next_attempt_at for i in ids), timeout=10000)
    qw.stop_batch()
    qtbot.waitUntil(lambda: qw.batch is None, timeout=10000)
    assert [queue.item(i).targets[0].next_attempt_at for i in ids] == [None, None]
    assert queue.history(item_id=ids[0])[-1].event == "publish now stopped"


def test_a_second_runner_holding_the_lock_is_reported_and_the_studio_takes_over(qtbot, window, queue, tmp_path):
    lock = FileLock(queue.lock_path)
    lock.acquire()
    qw = opened(qtbot, window)
    runner = window.start_queue_runner(retry_every=0.2)
    try:
        qtbot.waitUntil(lambda: runner.state == LOCKED, timeout=10000)
        assert "Another queue runner" in qw.banner.text() and "takes over" in qw.banner.text()
    finally:
        lock.release()
    qtbot.waitUntil(lambda: runner.state == RUNNING, timeout=10000)
    assert "Publishing in the background" in qw.banner.text()
    out = tmp_path / "history.csv"
    insert(queue, 1, start=soon(1, 9))
    qw.export_history(out)
    qtbot.waitUntil(lambda: "Wrote" in qw.status.text(), timeout=10000)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:5] == ["time_utc", "item", "account", "target", "event"] and rows[1][4] == "queued"


def test_thumbnails_come_from_the_frozen_media(qtbot, window, queue):
    sha = queue.media.put(jpeg((200, 40, 40)))
    insert(queue, 3, start=soon(1, 9), sha=sha)
    qw = opened(qtbot, window)
    qtbot.waitUntil(lambda: all(qw.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) is not None
                                for r in range(3)), timeout=10000)
    pixmap = qw.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert max(pixmap.width(), pixmap.height()) <= 96
    assert pixmap.toImage().pixelColor(pixmap.width() // 2, 5).red() > 150
