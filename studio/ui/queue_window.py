"""The queue window (View → Queue): every queued post as a list (filter by account, state and dates) or on a week
or month calendar, the selected post in full beside it, and what can be done: retry, cancel, confirm, reschedule,
publish now (a batch with one progress bar and Stop), open the post, export the history as CSV, time slots.

The window reads the queue off the UI thread, on its own connection to the library (`reader`), and reloads when
`Queue.revision()` changes (a cheap poll while the window is shown): the studio's runner, a `studio queue run`
elsewhere and the window's own actions all show up the same way. Actions write through the studio's Queue on the
task runner. Whether the studio's runner publishes, or another runner holds the library, is said at the top.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.publish.queue import Queue, QueueError, design_hash
from studio.publish.schedule import iso_utc, zone
from studio.store.library import Library
from studio.store.queue_store import ItemRow
from studio.ui import queue_batch
from studio.ui.queue_batch import Batch
from studio.ui.queue_calendar import CalendarView
from studio.ui.queue_delegate import ROW_HEIGHT, QueueDelegate
from studio.ui.queue_details import ItemDetails
from studio.ui.queue_model import QueueModel, ThumbCache, row_keys
from studio.ui.queue_runner import FAILED, LOCKED, RUNNING, GuiRunner
from studio.ui.queue_text import STATE_ORDER, local_zone, state_label
from studio.ui.tasks import TaskRunner

POLL_MS = 500
LIST, WEEK, MONTH = range(3)


class QueueWindow(QWidget):
    open_post = Signal(Path)
    open_accounts = Signal()

    def __init__(self, queue: Queue, tasks: TaskRunner, parent: QWidget | None = None, *,
                 runner: GuiRunner | None = None, clock=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("queueWindow")
        self.setWindowTitle(self.tr("Queue"))
        self.resize(1280, 780)
        self.queue, self.tasks, self.runner = queue, tasks, runner
        self.clock = clock or queue.clock
        self._reader: Queue | None = None
        self._revision: int | None = None
        self._loading = self._again = self._checking = False
        self._designs: dict[str, tuple[tuple[int, int] | None, str | None]] = {}  # path -> (stat, hash)
        self._selected: list[int] = []
        self._keep: tuple[list[int], int | None] | None = None
        self._sending: dict[int, tuple[float, str]] = {}  # target id -> progress, from the studio's own runner
        self.closed = False  # results of work still running when the window goes are dropped
        self.batch: Batch | None = None
        self.loads = 0  # finished loads (for tests)
        self.thumbs = ThumbCache(tasks, self.reader, self)
        self.model = QueueModel(self.thumbs, self)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.runner = None
        if runner is not None:
            self.set_runner(runner)
        self._fill_accounts()
        self._show_runner()
        self._update_actions()

    def set_runner(self, runner: GuiRunner) -> None:
        self.runner = runner
        runner.status.connect(lambda _s, _m: self._show_runner())
        runner.target_progress.connect(self._target_progress)
        runner.outcome.connect(self._outcome)
        self._show_runner()

    def _outcome(self, _outcome) -> None:
        self.reload()

    # --- building ---

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.views = QButtonGroup(self)
        for n, text in ((LIST, self.tr("List")), (WEEK, self.tr("Week")), (MONTH, self.tr("Month"))):
            b = QToolButton()
            b.setText(text)
            b.setCheckable(True)
            b.setObjectName(f"view_{n}")
            b.setMinimumWidth(64)
            self.views.addButton(b, n)
            top.addWidget(b)
        self.views.button(LIST).setChecked(True)
        self.views.idClicked.connect(self.show_view)
        top.addSpacing(16)
        self.prev_button, self.today_button, self.next_button = (QToolButton(), QPushButton(self.tr("Today")),
                                                                 QToolButton())
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.range_label = QLabel()
        self.range_label.setObjectName("calendarTitle")
        self.range_label.setStyleSheet("QLabel { font-size: 15px; font-weight: bold; }")
        for w in (self.prev_button, self.today_button, self.next_button, self.range_label):
            top.addWidget(w)
        top.addStretch(1)
        self.slots_button = QPushButton(self.tr("Time slots…"))
        self.slots_button.clicked.connect(self.edit_slots)
        self.export_button = QPushButton(self.tr("Export history…"))
        self.export_button.clicked.connect(lambda: self.export_history())
        top.addWidget(self.slots_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.account_filter = QComboBox()
        self.account_filter.setObjectName("accountFilter")
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.addItem(self.tr("All states"), None)
        for s in STATE_ORDER:
            self.state_filter.addItem(state_label(s), s)
        self.date_filter = QComboBox()
        self.date_filter.setObjectName("dateFilter")
        for key, text in (("all", self.tr("All dates")), ("upcoming", self.tr("Upcoming")), ("past", self.tr("Past")),
                          ("today", self.tr("Today")), ("week", self.tr("Next 7 days")),
                          ("month", self.tr("This month")), ("custom", self.tr("Between…"))):
            self.date_filter.addItem(text, key)
        today = QDate.currentDate()
        self.date_from, self.date_to = QDateEdit(today), QDateEdit(today.addDays(30))
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.dateChanged.connect(lambda _d: self.reload())
        self.date_from.hide()
        self.date_to.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("queueCount")
        for label, w in ((self.tr("Account"), self.account_filter), (self.tr("State"), self.state_filter),
                         (self.tr("Dates"), self.date_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
            filters.addSpacing(8)
        filters.addWidget(self.date_from)
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        for combo in (self.account_filter, self.state_filter, self.date_filter):
            combo.currentIndexChanged.connect(lambda _i: self._filters_changed())

        self.banner = QLabel()
        self.banner.setObjectName("runnerBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.banner)

        batch = QHBoxLayout()
        self.batch_label = QLabel()
        self.batch_label.setObjectName("batchLabel")
        self.batch_bar = QProgressBar()
        self.batch_bar.setObjectName("batchBar")
        self.batch_bar.setRange(0, 1000)
        self.batch_stop = QPushButton(self.tr("Stop"))
        self.batch_stop.setObjectName("batchStop")
        self.batch_stop.clicked.connect(self.stop_batch)
        batch.addWidget(self.batch_label)
        batch.addWidget(self.batch_bar, 1)
        batch.addWidget(self.batch_stop)
        self.batch_row = QWidget()
        self.batch_row.setLayout(batch)
        self.batch_row.hide()
        layout.addWidget(self.batch_row)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("retry", self.tr("Retry"), self.retry_selected),
                                 ("cancel", self.tr("Cancel posts…"), self.cancel_selected),
                                 ("confirm", self.tr("Confirm"), self.confirm_selected),
                                 ("reschedule", self.tr("Reschedule…"), self.reschedule_selected),
                                 ("publish", self.tr("Publish now"), self.publish_selected),
                                 ("open", self.tr("Open the post"), self.open_selected)):
            b = QPushButton(text)
            b.setObjectName(f"queue_{name}")
            b.clicked.connect(slot)
            self.buttons[name] = b
            actions.addWidget(b)
        actions.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("queueStatus")
        self.status.setWordWrap(True)
        actions.addWidget(self.status, 2)
        layout.addLayout(actions)

        self.table = QTableView()
        self.table.setObjectName("queueList")
        self.table.setModel(self.model)
        self.delegate = QueueDelegate(self.table)
        self.delegate.link_clicked.connect(self.open_link)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMouseTracking(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        hh.resizeSection(1, 190)
        hh.resizeSection(2, 420)
        hh.setHighlightSections(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)

        self.calendar = CalendarView(self.thumbs, clock=self.clock)
        self.calendar.range_changed.connect(lambda _a, _b: (self._show_range(), self.reload()))
        self.calendar.item_clicked.connect(lambda i: self._select_ids([i]))
        self.calendar.item_activated.connect(lambda i: (self._select_ids([i]), self.open_selected()))
        self.calendar.reschedule_requested.connect(self.reschedule)
        self.calendar.refused.connect(self.say)
        self.prev_button.clicked.connect(lambda: self.calendar.go(-1))
        self.next_button.clicked.connect(lambda: self.calendar.go(1))
        self.today_button.clicked.connect(self.calendar.go_today)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.calendar)
        self.details = ItemDetails()
        self.details.retry_target.connect(self.retry_target)
        self.details.cancel_target.connect(self.cancel_target)
        self.details.confirm.connect(lambda item_id: self._act(lambda q: q.confirm(item_id),
                                                               self.tr("It goes out now.")))
        self.details.open_accounts.connect(self.open_accounts.emit)
        self.details.open_post.connect(lambda item_id: self._open_item(item_id))
        self.details.link_clicked.connect(self.open_link)
        split = QSplitter()
        split.addWidget(self.stack)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 360])
        layout.addWidget(split, 1)
        self.show_view(LIST)

    # --- reading the queue ---

    def reader(self) -> Queue:
        """The window's own read connection (worker threads only read through it)."""
        if self._reader is None:
            lib = Library.open(self.queue.library.path.parent)
            self._reader = Queue(lib, self.queue.accounts, clock=self.queue.clock)
        return self._reader

    def filters(self) -> dict:
        account = self.account_filter.currentData()
        state = self.state_filter.currentData()
        since, until = self._date_range()
        return {"account": account, "states": [state] if state else None, "since": since, "until": until}

    def _date_range(self) -> tuple[float | None, float | None]:
        key = self.date_filter.currentData()
        tz = zone(local_zone())
        now = datetime.fromtimestamp(self.clock(), tz)
        midnight = datetime.combine(now.date(), clock_time(0, 0), tzinfo=tz)
        if key == "upcoming":
            return self.clock(), None
        if key == "past":
            return None, self.clock()
        if key == "today":
            return midnight.timestamp(), (midnight + timedelta(days=1)).timestamp()
        if key == "week":
            return self.clock(), (midnight + timedelta(days=8)).timestamp()
        if key == "month":
            first = midnight.replace(day=1)
            nxt = (first + timedelta(days=32)).replace(day=1)
            return first.timestamp(), nxt.timestamp()
        if key == "custom":
            a, b = self.date_from.date(), self.date_to.date()
            start = datetime(a.year(), a.month(), a.day(), tzinfo=tz)
            end = datetime(b.year(), b.month(), b.day(), tzinfo=tz) + timedelta(days=1)
            return start.timestamp(), end.timestamp()
        return None, None

    def _filters_changed(self) -> None:
        custom = self.date_filter.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.reload()

    def _fill_accounts(self) -> None:
        current = self.account_filter.currentData()
        self.account_filter.blockSignals(True)
        self.account_filter.clear()
        self.account_filter.addItem(self.tr("All accounts"), None)
        try:
            accounts = self.queue.accounts.list()
        except Exception:  # LibraryError: the list still works without the names
            accounts = []
        for a in accounts:
            self.account_filter.addItem(a.label, a.id)
        self.account_filter.setCurrentIndex(max(0, self.account_filter.findData(current)))
        self.account_filter.blockSignals(False)

    def poll(self) -> None:
        try:
            revision = self.queue.revision()
        except Exception:  # a locked or closed database: try again at the next tick
            return
        if revision != self._revision:
            self._revision = revision
            self.reload()

    def reload(self) -> None:
        """Read the list (and the calendar's range) again, off the UI thread; several calls while a read runs make
        one more read."""
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        filters = self.filters()
        calendar = self.stack.currentIndex() == 1
        since, until = self.calendar.visible_range()
        cal_filters = {**filters, "since": since, "until": until}
        reader, batch = self.reader(), self.batch

        def work(progress):
            items = reader.list(**filters)
            keys = row_keys(items)
            progress.check()
            on_calendar = reader.list(**cal_filters) if calendar else None
            in_batch = queue_batch.items_of(reader, batch) if batch is not None else None
            slots = {a: reader.slots(a) for a in {s[0] for s in reader.store.slots()}} if calendar else None
            return items, keys, on_calendar, in_batch, slots

        self.tasks.run(work, self._loaded, self._load_failed)

    def _loaded(self, result) -> None:
        if self.closed:
            return
        items, keys, on_calendar, in_batch, slots = result
        self._loading = False
        self.model.set_items(items, keys)
        if on_calendar is not None:
            self.calendar.set_items(on_calendar)
        if slots is not None:
            self.calendar.set_slots(slots)
        self.count_label.setText(self.tr("Posts: %s") % f"{len(items):,}")
        if in_batch is not None and self.batch is not None:
            self._batch_progress(in_batch)
        self._refresh_details()
        self.model.set_sending(self._sending_of(items))
        self.loads += 1
        if self._again:
            self.reload()
        else:
            self._check_designs(items)

    def _load_failed(self, error: Exception) -> None:
        if self.closed:
            return
        self._loading = False
        self.say(getattr(error, "message", None) or str(error))
        if self._again:
            self.reload()

    def _check_designs(self, items: list[ItemRow]) -> None:
        """Whether each .studio file still holds the post that was queued (read and hashed off the UI thread, once
        per file version)."""
        if self._checking:
            return
        paths = sorted({i.source_path for i in items})
        known = dict(self._designs)
        self._checking = True

        def work(progress) -> dict[str, tuple[tuple[int, int] | None, str | None]]:
            from studio.store.project_file import ProjectError, load

            out = {}
            for path in paths:
                progress.check()
                try:
                    st = Path(path).stat()
                    stamp = (st.st_mtime_ns, st.st_size)
                except OSError:
                    out[path] = (None, None)
                    continue
                if path in known and known[path][0] == stamp:
                    out[path] = known[path]
                    continue
                try:
                    out[path] = (stamp, design_hash(load(Path(path))))
                except (ProjectError, OSError):
                    out[path] = (stamp, None)
            return out

        def done(found) -> None:
            if self.closed:
                return
            self._checking = False
            self._designs.update(found)
            self.model.set_changed_designs({p: h for p, (_s, h) in self._designs.items()})
            self._refresh_details()

        def failed(_e) -> None:
            self._checking = False

        self.tasks.run(work, done, failed, on_cancelled=failed)

    # --- showing ---

    def show_view(self, n: int) -> None:
        self.views.button(n).setChecked(True)
        self.stack.setCurrentIndex(0 if n == LIST else 1)
        if n != LIST:
            self.calendar.set_mode("week" if n == WEEK else "month")
        for w in (self.prev_button, self.today_button, self.next_button, self.range_label):
            w.setVisible(n != LIST)
        self._show_range()
        self.reload()

    def _show_range(self) -> None:
        self.range_label.setText(self.calendar.title())

    def _show_runner(self) -> None:
        r = self.runner
        if r is None or r.state not in (RUNNING, LOCKED, FAILED):
            text, color = self.tr("Nothing is publishing from the studio right now: due posts wait until the studio "
                                  "or “studio queue run” runs."), "#6f747c"
        elif r.state == RUNNING:
            text, color = self.tr("Publishing in the background: due posts go out while the studio is open, and "
                                  "each result is shown as a notification."), "#23884a"
        elif r.state == LOCKED:
            who = self.tr("process %s") % r.holder if r.holder else self.tr("another program")
            text, color = self.tr("Another queue runner (%s, such as “studio queue run”) is publishing from this "
                                  "library. The studio shows what it does and takes over when it stops.") % who, \
                "#b85f0e"
        else:
            text, color = self.tr("The background publisher stopped: %s It tries again in a while.") % r.message, \
                "#c93c3c"
        self.banner.setText(html.escape(text))
        self.banner.setStyleSheet(f"QLabel#runnerBanner {{ border-left: 4px solid {color}; padding: 4px 8px; }}")

    def _target_progress(self, target_id: int, fraction: float, text: str) -> None:
        self._sending[target_id] = (fraction, text)
        self.model.set_sending(self._sending)
        self.details.set_progress(self._sending)

    def _sending_of(self, items: list[ItemRow]) -> dict[int, tuple[float, str]]:
        """The progress of the targets still sending (what has finished drops out)."""
        sending = {t.id for i in items for t in i.targets if t.state == "sending"}
        self._sending = {tid: p for tid, p in self._sending.items() if tid in sending}
        return self._sending

    def say(self, text: str) -> None:
        self.status.setText(html.escape(text))

    # --- selection ---

    def _remember_view(self) -> None:
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        top_id = self.model.item_at(top.row()).id if top.isValid() else None
        self._keep = (list(self._selected), top_id)

    def _restore_view(self) -> None:
        if self._keep is None:
            return
        selected, top_id = self._keep
        self._keep = None
        self._select_ids(selected, scroll=False)
        row = self.model.row_of(top_id) if top_id is not None else None
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _select_ids(self, ids: list[int], scroll: bool = True) -> None:
        selection = QItemSelection()
        for item_id in ids:
            row = self.model.row_of(item_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, 2))
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        sm.blockSignals(False)
        self.table.viewport().update()
        if scroll and not selection.isEmpty():
            self.table.scrollTo(selection.indexes()[0])
        self._selected = list(ids)
        self.calendar.select(ids[0] if len(ids) == 1 else None)
        self._refresh_details()

    def _selection_changed(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self._selected = [self.model.item_at(r).id for r in rows]
        self.calendar.select(self._selected[0] if len(self._selected) == 1 else None)
        self._refresh_details()

    def selected_items(self) -> list[ItemRow]:
        found = []
        calendar = {i.id: i for i in self.calendar.items}
        for item_id in self._selected:
            row = self.model.row_of(item_id)
            if row is not None:
                found.append(self.model.item_at(row))
            elif item_id in calendar:
                found.append(calendar[item_id])
        return found

    def _refresh_details(self) -> None:
        items = self.selected_items()
        shown = self.details.item
        if (len(items) == 1 and shown is not None and items[0] == shown
                and self.details.property("changed") == self.model.design_changed(shown.id)):
            self._update_actions()
            return
        changed = len(items) == 1 and self.model.design_changed(items[0].id)
        self.details.setProperty("changed", changed)
        self.details.show_items(items, changed)
        self.details.set_progress(self._sending)
        self._update_actions()

    def _update_actions(self) -> None:
        items = self.selected_items()
        states = {t.state for i in items for t in i.targets}
        b = self.buttons
        b["retry"].setEnabled(bool(states & {"failed", "needs_reauth", "cancelled", "held"}))
        b["cancel"].setEnabled(bool(states & {"scheduled", "held", "failed", "needs_reauth", "outcome_unknown"}))
        b["confirm"].setEnabled("held" in states)
        b["reschedule"].setEnabled(len(items) == 1 and bool(states & {"scheduled", "held"})
                                   and "sending" not in states)
        b["publish"].setEnabled(bool(states & {"scheduled", "held"}) and self.batch is None)
        b["open"].setEnabled(len(items) == 1)

    # --- actions ---

    def _act(self, fn: Callable[[Queue], object], success: str, *, after: Callable[[object], None] | None = None
             ) -> None:
        """Run a queue change on the task runner; say how it went; reload."""
        queue = self.queue

        def done(result) -> None:
            if self.closed:
                return
            self.say(success)
            if after is not None:
                after(result)
            self.reload()

        def failed(e: Exception) -> None:
            if self.closed:
                return
            self.say(getattr(e, "message", None) or str(e))
            self.reload()

        self.tasks.run(lambda _p: fn(queue), done, failed)

    def _each(self, fn: Callable[[Queue, int], object]) -> Callable[[Queue], list[str]]:
        """Apply to every selected item; the items the queue refuses are reported, the others done."""
        ids = [i.id for i in self.selected_items()]

        def run(queue: Queue) -> list[str]:
            problems = []
            for item_id in ids:
                try:
                    fn(queue, item_id)
                except QueueError as e:
                    problems.append(e.message)
            if problems and len(problems) == len(ids):
                raise QueueError(" ".join(problems[:3]))
            return problems

        return run

    def retry_selected(self) -> None:
        def retry(q: Queue, item_id: int) -> None:
            item = q.item(item_id)
            for t in item.targets:
                if t.state in ("failed", "needs_reauth", "cancelled", "held"):
                    q.retry(item_id, account=f"{t.account_id}:{t.target}")

        self._act(self._each(retry), self.tr("They will be sent again shortly."))

    def retry_target(self, item_id: int, ref: str, force: bool) -> None:
        if force:
            answer = QMessageBox.question(
                self, self.tr("Send it again?"),
                self.tr("Only send it again if you have looked at the account and the post is not there; otherwise "
                        "it appears twice."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._act(lambda q: q.retry(item_id, account=ref, force=force),
                  self.tr("%s will be sent again shortly.") % ref.partition(":")[0])

    def cancel_target(self, item_id: int, ref: str) -> None:
        self._act(lambda q: q.cancel(item_id, account=ref), self.tr("Cancelled for %s.") % ref.partition(":")[0])

    def cancel_selected(self) -> None:
        items = self.selected_items()
        if not items:
            return
        answer = QMessageBox.question(
            self, self.tr("Cancel posts"),
            self.tr("Cancel %s post(s)? What was posted stays posted; the rest is not sent.") % len(items),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._act(self._each(lambda q, i: q.cancel(i)), self.tr("Cancelled."))

    def confirm_selected(self) -> None:
        held = [i.id for i in self.selected_items() if any(t.state == "held" for t in i.targets)]
        self._act(lambda q: [q.confirm(i) for i in held], self.tr("They go out now."))

    def reschedule_selected(self) -> None:
        from studio.ui.queue_dialogs import RescheduleDialog

        items = self.selected_items()
        if len(items) != 1:
            return
        dialog = RescheduleDialog(items[0], self, clock=self.clock)
        if dialog.exec() == RescheduleDialog.DialogCode.Accepted:
            at, zone_name = dialog.value()
            self.reschedule(items[0].id, at, zone_name)

    def reschedule(self, item_id: int, at: float, zone_name: str | None = None) -> None:
        def done(moved) -> None:
            if not moved:
                self.say(self.tr("Nothing was moved: it is being sent or has gone out already."))

        from studio.ui.queue_text import format_time

        self._act(lambda q: q.reschedule(item_id, at, zone_name), self.tr("Moved to %s.")
                  % format_time(at, local_zone(), with_year=True), after=done)

    def publish_selected(self) -> None:
        items = self.selected_items()
        batch = Batch.of(items)
        if not batch.total or self.batch is not None:
            return
        self.batch = batch
        self.batch_row.show()
        self.batch_stop.setEnabled(True)
        self._batch_show()
        self._act(lambda q: queue_batch.start(q, batch), self.tr("Publishing now…"))
        self._update_actions()

    def _batch_progress(self, items: list[ItemRow]) -> None:
        assert self.batch is not None
        finished = self.batch.update(items)
        self._batch_show()
        if finished or (self.batch.stopping and not any(t.state == "sending" for i in items for t in i.targets
                                                         if t.id in self.batch.before)):
            self.say(self.tr("Publish now: %s of %s done.") % (self.batch.done, self.batch.total))
            self.batch = None
            self.batch_row.hide()
            self._update_actions()

    def _batch_show(self) -> None:
        b = self.batch
        if b is None:
            return
        self.batch_bar.setValue(round(b.fraction * 1000))
        waiting = "" if self.runner is not None and self.runner.state in (RUNNING, LOCKED) else \
            " " + self.tr("(nothing is publishing: they go out when a runner starts)")
        self.batch_label.setText(self.tr("Publishing now: %s of %s") % (b.done, b.total) + waiting)

    def stop_batch(self) -> None:
        batch = self.batch
        if batch is None:
            return
        batch.stopping = True
        self.batch_stop.setEnabled(False)
        self._act(lambda q: queue_batch.stop(q, batch),
                  self.tr("Stopped: what was posted stays posted, the rest waits for its time."))

    def open_selected(self) -> None:
        items = self.selected_items()
        if len(items) == 1:
            self._open_item(items[0].id)

    def _open_item(self, item_id: int) -> None:
        item = next((i for i in self.selected_items() if i.id == item_id), None)
        if item is not None:
            self.open_post.emit(Path(item.source_path))

    def open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def edit_slots(self) -> None:
        from studio.ui.queue_dialogs import SlotsDialog

        items = self.selected_items()
        account = items[0].targets[0].account_id if len(items) == 1 and items[0].targets else None
        SlotsDialog(self.queue, self, account).exec()
        self.reload()

    def export_history(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the queue's history"), "queue-history.csv",
                                                  self.tr("CSV files (*.csv)"))
            if not name:
                return
            path = Path(name)
        reader = self.reader()

        def work(_progress) -> int:
            rows = reader.history()
            tmp = path.with_name(path.name + ".part")
            try:
                with open(tmp, "w", newline="", encoding="utf-8") as f:
                    writer = csv.writer(f)
                    writer.writerow(["time_utc", "item", "account", "target", "event", "request", "answer"])
                    writer.writerows((iso_utc(r.at), r.item_id, r.account_id, r.target, r.event, r.request, r.answer)
                                     for r in rows)
                tmp.replace(path)
            except OSError as e:
                tmp.unlink(missing_ok=True)
                raise QueueError(self.tr("Could not write %s: %s") % (path, e.strerror or e)) from e
            return len(rows)

        self.tasks.run(work, lambda n: self.closed or self.say(self.tr("Wrote %s events to %s.") % (n, path)),
                       lambda e: self.closed or self.say(getattr(e, "message", None) or str(e)))

    # --- window ---

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fill_accounts()
        self.timer.start()
        self.poll()

    def hideEvent(self, event) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def close_reader(self) -> None:
        self.closed = self.thumbs.closed = True
        self.timer.stop()
        if self._reader is not None:
            self.tasks.wait(5000)
            self._reader.library.close()
            self._reader = None

