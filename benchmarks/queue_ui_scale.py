"""The queue window with 10,000 queued and posted items (the library of queue_scale.py): loading the list model,
updating it when states change, scrolling it, and drawing a calendar month, each beside a plain Qt baseline measured
in the same run:

- load: our QueueModel.set_items vs filling a QStandardItemModel with the same rows' text (3 columns), both on the
  UI thread (the rows' change keys are made on the worker thread that read them, as in the window: printed apart);
- update (a target of 20 items changed state): our in-place row update vs refilling that standard model;
- scroll: a page of our list drawn (thumbnail, title, time, state pills) vs a QTableView of the standard model,
  over 40 pages from top to bottom;
- month: our calendar's month (about 700 items in the month, a few shown per day with "+N more") vs Qt's
  QCalendarWidget at the same size.

Reading the rows (`Queue.list`, on a worker thread in the window) is measured by queue_scale.py.

    python benchmarks/queue_ui_scale.py [--items 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QCalendarWidget, QHeaderView, QTableView  # noqa: E402
from queue_scale import START, fill  # noqa: E402

from studio.credentials.store import MemoryCredentialStore  # noqa: E402
from studio.publish.accounts import Accounts  # noqa: E402
from studio.publish.queue import Queue  # noqa: E402
from studio.store.library import Library  # noqa: E402
from studio.ui.queue_calendar import CalendarView  # noqa: E402
from studio.ui.queue_delegate import ROW_HEIGHT, QueueDelegate  # noqa: E402
from studio.ui.queue_model import QueueModel, row_keys  # noqa: E402
from studio.ui.queue_text import format_time, target_line  # noqa: E402

PAGES = 40


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def standard_fill(model: QStandardItemModel, items) -> None:
    model.clear()
    model.setColumnCount(3)
    for i in items:
        model.appendRow([QStandardItem(i.title), QStandardItem(format_time(i.scheduled_at, i.zone)),
                         QStandardItem("; ".join(target_line(t) for t in i.targets))])


def table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    vh = view.verticalHeader()
    vh.hide()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(ROW_HEIGHT)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.resize(1000, 700)
    view.show()
    return view


def scroll(view: QTableView) -> None:
    bar = view.verticalScrollBar()
    for n in range(PAGES):
        bar.setValue(bar.maximum() * n // (PAGES - 1))
        view.viewport().repaint()


def changed_states(items, n: int = 20):
    """The same items with one target of `n` of them posted a moment later (what a runner pass writes)."""
    out = list(items)
    step = max(1, len(items) // n)
    for k in range(0, len(items), step):
        item = out[k]
        t = dataclasses.replace(item.targets[0], state="posted", updated_at=item.targets[0].updated_at + 1,
                                url="https://bsky.app/profile/band.test/post/x")
        out[k] = dataclasses.replace(item, targets=[t, *item.targets[1:]])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="studio-queue-ui-scale-"))
    fill(folder, args.items)
    lib = Library.open(folder)
    queue = Queue(lib, Accounts(lib, MemoryCredentialStore()))
    items = queue.list()
    updated = changed_states(items)
    print(f"{len(items)} items ({sum(1 for i in items if i.targets[0].state == 'posted')} posted), "
          f"{sum(len(i.targets) for i in items)} targets")

    ours, plain = QueueModel(), QStandardItemModel()
    t_keys = timed(lambda: (row_keys(items), row_keys(updated)), args.repeat) / 2
    keys, updated_keys = row_keys(items), row_keys(updated)  # on the worker that read the rows, in the window

    def load_ours() -> None:
        ours.set_items([], [])
        ours.set_items(items, keys)

    t_load = timed(load_ours, args.repeat)
    t_load_plain = timed(lambda: standard_fill(plain, items), args.repeat)

    def update_ours() -> None:
        ours.set_items(updated, updated_keys)
        ours.set_items(items, keys)

    def update_plain() -> None:
        standard_fill(plain, updated)
        standard_fill(plain, items)

    t_update = timed(update_ours, args.repeat) / 2
    t_update_plain = timed(update_plain, args.repeat) / 2

    ours_view, plain_view = table(ours), table(plain)
    ours_view.setItemDelegate(QueueDelegate(ours_view))
    ours_view.horizontalHeader().resizeSection(2, 420)
    app.processEvents()
    scroll(ours_view)  # warm the fonts and the style alike
    scroll(plain_view)
    t_scroll = timed(lambda: scroll(ours_view), args.repeat) / PAGES
    t_scroll_plain = timed(lambda: scroll(plain_view), args.repeat) / PAGES

    calendar = CalendarView(clock=lambda: START + 45 * 86400)
    calendar.resize(1000, 700)
    calendar.go_today()
    since, until = calendar.visible_range()
    month = queue.list(since=since, until=until)
    calendar.set_items(month)
    qt_calendar = QCalendarWidget()
    qt_calendar.resize(1000, 700)
    calendar.grab()
    qt_calendar.grab()

    def month_ours() -> None:
        calendar.set_items(month)  # the layout too, as after a reload
        calendar.grab()

    t_month = timed(month_ours, args.repeat)
    t_month_plain = timed(qt_calendar.grab, args.repeat)

    print(f"(the rows' change keys, computed on the worker thread with the read: {t_keys * 1000:.1f} ms)")
    print(f"{'':44} {'queue window':>13} {'plain Qt':>10} {'ratio':>7}")
    for name, a, b in (
            (f"load the list model ({len(items)} rows)", t_load, t_load_plain),
            ("update it (20 items changed state)", t_update, t_update_plain),
            ("scroll: draw one page of the list", t_scroll, t_scroll_plain),
            (f"draw a calendar month ({len(month)} items)", t_month, t_month_plain)):
        print(f"{name:44} {a * 1000:10.1f} ms {b * 1000:7.1f} ms {a / b:6.2f}x")
    lib.close()


if __name__ == "__main__":
    main()
