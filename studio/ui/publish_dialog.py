"""Publish now: choose accounts, see what the validator says for each, publish with per-target progress and
cancel, and get a link (or the network's own error) per target.

Rendering, uploading and posting run on the task runner; per-target progress comes back through a signal.
The dialog is modal, so the post cannot change while it is being sent.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.core.document import Document
from studio.networks.registry import canonical
from studio.publish.accounts import Accounts
from studio.publish.now import Result, publish_jobs
from studio.publishing import Target, build_jobs
from studio.ui.account_rows import AccountRow, TaskButtons, clear, keep_at_top
from studio.ui.tasks import Task, TaskRunner
from studio.ui.theme import ERROR_COLOR, OK_COLOR


class _Reports(QObject):
    target = Signal(int, float, str)  # index among the jobs, fraction, text


class _Row(AccountRow):
    def __init__(self, target: Target):
        super().__init__(target, f"publish_{target.account.id}")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(140)
        self.bar.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setOpenExternalLinks(True)


class PublishDialog(QDialog):
    def __init__(self, doc: Document, accounts: Accounts, tasks: TaskRunner, parent: QWidget | None = None, *,
                 open_accounts: Callable[[], None] | None = None):
        super().__init__(parent)
        self.doc, self.accounts, self.tasks = doc, accounts, tasks
        self.task: Task | None = None
        self.results: list[Result] = []
        self._reports = _Reports(self)
        self._reports.target.connect(self._target_progress)
        self._job_rows: list[_Row] = []
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish now"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("publishSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        area = QScrollArea()
        area.setWidgetResizable(True)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(3, 3)
        self.grid.setVerticalSpacing(10)
        area.setWidget(holder)
        layout.addWidget(area, 1)
        self.accounts_button = QPushButton(self.tr("Accounts…"))
        self.accounts_button.setEnabled(open_accounts is not None)
        if open_accounts is not None:
            self.accounts_button.clicked.connect(lambda: (open_accounts(), self.reload()))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setObjectName("publishButton")
        self.publish_button.clicked.connect(self.publish)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.buttons = TaskButtons(self, self.accounts_button, self.publish_button, self.cancel_button,
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
            row.describe(self.doc, self.tr("Needs re-authorisation: open Accounts… to reconnect it."),
                         self.tr("Ready"))
            usable = not row.blocked and account.state != "needs_reauth"
            row.check.setChecked(usable and (account.network in wanted or not wanted))
            self.grid.addWidget(row.check, i, 0)
            self.grid.addWidget(row.note, i, 1)
            self.grid.addWidget(row.bar, i, 2)
            self.grid.addWidget(row.result, i, 3)
            self.rows.append(row)
        keep_at_top(self.grid, len(self.rows))
        self._update()

    def chosen(self) -> list[_Row]:
        return [r for r in self.rows if r.chosen]

    def _update(self) -> None:
        idle = self.task is None
        n = len(self.chosen())
        self.buttons.set_running(not idle, n > 0)
        self.accounts_button.setEnabled(idle)
        if not self.rows:
            self.summary.setText(self.tr("No accounts are connected yet. Connect one in Accounts…, then publish."))
        elif idle and not self.results:
            self.summary.setText(self.tr("Publish this post now to %n account(s).", "", n))

    # --- publishing ---

    def publish(self) -> None:
        rows = self.chosen()
        if not rows or self.task is not None:
            return
        self.results = []
        self._job_rows = rows
        for r in self.rows:
            r.check.setEnabled(False)
            r.result.clear()
        for r in rows:
            r.bar.setValue(0)
            r.bar.show()
        targets = [r.target for r in rows]
        reports = self._reports

        def work(progress):
            jobs, blocked = build_jobs(self.doc, targets, self.accounts)
            results = publish_jobs(jobs, self.accounts, progress,
                                   on_target=lambda i, f, t: reports.target.emit(i, f, t))
            return blocked + results

        self.summary.setText(self.tr("Publishing…"))
        self.task = self.tasks.run(work, self._finished, self._failed, None, lambda: self._finished([]))
        self._update()

    def _target_progress(self, index: int, fraction: float, text: str) -> None:
        if 0 <= index < len(self._job_rows):
            row = self._job_rows[index]
            row.bar.setValue(round(fraction * 1000))
            row.result.setText(html.escape(text))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.summary.setText(self.tr("Cancelling… what was already posted stays posted."))

    def _failed(self, error: Exception) -> None:
        self.task = None
        self.summary.setText(f'<span style="color:{ERROR_COLOR}">'
                             f'{html.escape(getattr(error, "message", None) or str(error))}</span>')
        self._restore()

    def _finished(self, results: list[Result]) -> None:
        self.task = None
        self.results = results
        by_account = {r.job.account.id: r for r in results}
        for row in self._job_rows:
            result = by_account.get(row.target.account.id)
            row.bar.hide()
            if result is None:
                row.result.setText(self.tr("Cancelled before it was sent."))
            elif result.ok:
                row.result.setText(f'<span style="color:{OK_COLOR}">✓</span> '
                                   f'<a href="{html.escape(result.url, quote=True)}">{self.tr("Open the post")}</a>')
            else:
                row.result.setText(f'<span style="color:{ERROR_COLOR}">{self._state(result.state)}: '
                                   f"{html.escape(result.message)}</span>")
        posted = sum(r.ok for r in results)
        self.summary.setText(self.tr("Posted to %1 of %2 account(s).").replace("%1", str(posted))
                             .replace("%2", str(len(self._job_rows))))
        self._restore()

    def _state(self, state: str) -> str:
        return {"failed": self.tr("Failed"), "needs_reauth": self.tr("Needs re-authorisation"),
                "outcome_unknown": self.tr("Outcome unknown"), "cancelled": self.tr("Cancelled")}.get(state, state)

    def _restore(self) -> None:
        for r in self.rows:
            r.check.setEnabled(not r.blocked)
        self._update()

    def done(self, result: int) -> None:
        if self.task is not None:  # closing while publishing cancels; what was posted stays posted
            self.task.cancel()
        super().done(result)
