"""Add to queue: choose the accounts (each with the validator's verdict; an error blocks that account), then when:
the next free time slot of each account, a date and time in a time zone, or now; optionally repeating.

Queueing freezes the post as it is in its saved .studio file (the queue records the file and the post's hash, so
the queue window can say when the design changed since): the file is read again, each target's media are rendered
and fitted, and Queue.add writes the frozen requests. That runs on the task runner with progress; the dialog is
modal, so the post cannot change meanwhile.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.core.document import Document
from studio.networks.registry import canonical
from studio.publish.queue import Queue, QueueError, Schedule, design_hash
from studio.publishing import Target, build_jobs
from studio.ui.account_rows import AccountRow, TaskButtons, clear, keep_at_top
from studio.ui.queue_text import format_time, local_zone
from studio.ui.queue_when import AT, NOW, SLOT, WhenEditor
from studio.ui.tasks import Task, TaskRunner
from studio.ui.theme import ERROR_COLOR, OK_COLOR


class _Row(AccountRow):
    def __init__(self, target: Target):
        super().__init__(target, f"queue_{target.account.id}")
        self.slot = QLabel()


class AddToQueueDialog(QDialog):
    def __init__(self, doc: Document, path: Path, queue: Queue, tasks: TaskRunner, parent: QWidget | None = None, *,
                 open_accounts: Callable[[], None] | None = None, clock=None):
        super().__init__(parent)
        self.doc, self.path, self.queue, self.tasks = doc, Path(path), queue, tasks
        self.accounts = queue.accounts
        self.task: Task | None = None
        self.queued: list[int] = []
        self.setObjectName("addToQueueDialog")
        self.setWindowTitle(self.tr("Add to queue"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("queueSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        accounts_box = QGroupBox(self.tr("Accounts"))
        box = QVBoxLayout(accounts_box)
        area = QScrollArea()
        area.setWidgetResizable(True)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)
        self.grid.setVerticalSpacing(8)
        area.setWidget(holder)
        box.addWidget(area)
        layout.addWidget(accounts_box, 1)
        when_box = QGroupBox(self.tr("When"))
        when_layout = QVBoxLayout(when_box)
        self.when = WhenEditor(self, clock=clock)
        self.when.changed.connect(self._update)
        when_layout.addWidget(self.when)
        layout.addWidget(when_box)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.accounts_button = QPushButton(self.tr("Accounts…"))
        self.accounts_button.setEnabled(open_accounts is not None)
        if open_accounts is not None:
            self.accounts_button.clicked.connect(lambda: (open_accounts(), self.reload()))
        self.queue_button = QPushButton(self.tr("Queue"))
        self.queue_button.setObjectName("queueButton")
        self.queue_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.buttons = TaskButtons(self, self.accounts_button, self.queue_button, self.cancel_button,
                                   self.close_button)
        layout.addLayout(self.buttons.layout)
        self.rows: list[_Row] = []
        self.reload()

    # --- choosing ---

    def reload(self) -> None:
        clear(self.grid)
        wanted = {canonical(t).partition(":")[0] for t in self.doc.post.targets}
        self.rows = []
        for i, account in enumerate(self.accounts.list()):
            row = _Row(Target(account, account.network))
            row.check.toggled.connect(lambda _on: self._update())
            self._describe(row)
            row.check.setChecked(not row.blocked and (account.network in wanted or not wanted))
            self.grid.addWidget(row.check, i, 0)
            self.grid.addWidget(row.note, i, 1)
            self.grid.addWidget(row.slot, i, 2)
            self.rows.append(row)
        keep_at_top(self.grid, len(self.rows))
        self._update()

    def _describe(self, row: _Row) -> None:
        account = row.target.account
        row.describe(self.doc, self.tr("Needs re-authorisation: reconnect it in Accounts… before the post is due."),
                     f'<span style="color:{OK_COLOR}">✓</span> ' + self.tr("Ready"))
        free = self.queue.next_free_slot(account.id)
        row.slot.setText(self.tr("Next free slot: %s") % format_time(free, local_zone()) if free is not None
                         else self.tr("No time slots yet"))
        row.slot.setToolTip(self.tr("Set an account's weekly time slots in the queue window (Time slots…)."))

    def chosen(self) -> list[_Row]:
        return [r for r in self.rows if r.chosen]

    def _update(self) -> None:
        idle = self.task is None
        rows = self.chosen()
        problem = self.when.problem()
        if not problem and self.when.mode() == SLOT:
            missing = [r.target.account.label for r in rows if self.queue.next_free_slot(r.target.account.id) is None]
            if missing:
                problem = self.tr("%s has no free time slot. Set its slots (queue window → Time slots…), or choose "
                                  "a time.") % ", ".join(missing)
        self.buttons.set_running(not idle, bool(rows) and not problem)
        self.accounts_button.setEnabled(idle)
        self.when.setEnabled(idle)
        if not idle:
            return
        if not self.rows:
            self.summary.setText(self.tr("No accounts are connected yet. Connect one in Accounts…, then queue the "
                                         "post."))
        elif problem:
            self.summary.setText(f'<span style="color:{ERROR_COLOR}">{html.escape(problem)}</span>')
        elif not self.queued:
            self.summary.setText(self.tr("Queue “%s” to %s account(s). What is sent is frozen now: later edits "
                                         "change nothing unless you queue the post again.")
                                 % (html.escape(self.path.name), len(rows)))

    def schedule(self) -> Schedule:
        mode, zone_name = self.when.mode(), self.when.zone_name()
        at = self.when.at() if mode == AT else None
        return Schedule(at, zone_name if mode == AT else local_zone(), mode == SLOT, self.when.recurrence())

    # --- queueing ---

    def start(self) -> None:
        rows = self.chosen()
        if not rows or self.task is not None or self.when.problem():
            return
        schedule = self.schedule()
        targets = [r.target for r in rows]
        path, queue = self.path, self.queue

        def work(progress) -> list[int]:
            from studio.store.project_file import load

            doc = load(path)  # exactly what the file holds: the hash the queue window compares with
            jobs = []
            for n, target in enumerate(targets):
                progress.report(n / (len(targets) + 1), self.tr("Rendering for %s…") % target.account.label)
                found, blocked = build_jobs(doc, [target], queue.accounts)
                if blocked:
                    raise QueueError(f"{target.account.label}: {blocked[0].message}")
                jobs += found
            progress.report(len(targets) / (len(targets) + 1), self.tr("Saving to the queue…"))
            return queue.add(jobs, schedule=schedule, source=path, design=design_hash(doc), title=doc.post.title,
                             summary=doc.post.text)

        for r in self.rows:
            r.check.setEnabled(False)
        self.bar.setValue(0)
        self.bar.show()
        self.summary.setText(self.tr("Rendering and freezing the post…"))
        self.task = self.tasks.run(work, self._done, self._failed, self._progress, self._cancelled)
        self._update()

    def _progress(self, fraction: float, text: str) -> None:
        self.bar.setValue(round(fraction * 1000))
        if text:
            self.summary.setText(html.escape(text))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _restore(self) -> None:
        self.task = None
        self.bar.hide()
        for r in self.rows:
            r.check.setEnabled(not r.blocked)
        self._update()

    def _cancelled(self) -> None:
        self._restore()
        self.summary.setText(self.tr("Cancelled. Nothing was queued."))

    def _failed(self, error: Exception) -> None:
        self._restore()
        message = getattr(error, "message", None) or str(error) or type(error).__name__
        self.summary.setText(f'<span style="color:{ERROR_COLOR}">{html.escape(message)} '
                             f"{html.escape(self.tr('Nothing was queued.'))}</span>")

    def _done(self, ids: list[int]) -> None:
        self.queued = ids
        self._restore()
        first = self.queue.item(ids[0])
        when = ", ".join(sorted({format_time(t.due_at, local_zone(), with_year=True) for t in first.targets}))
        if len(ids) > 1:
            text = self.tr("Queued %s posts, the first %s.") % (len(ids), when)
        elif self.when.mode() == NOW:
            text = self.tr("Queued to go out now. The queue window shows how it goes.")
        else:
            text = self.tr("Queued for %s.") % when
        self.summary.setText(f'<span style="color:{OK_COLOR}">✓</span> {html.escape(text)}')
        self.queue_button.setEnabled(False)

    def done(self, result: int) -> None:
        if self.task is not None:
            self.task.cancel()
        super().done(result)
