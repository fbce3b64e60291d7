"""What Publish now, Add to queue and Import share: a row per connected account with the validator's verdict
(an error blocks that account), the grid they sit in, and the dialog's button row
([Accounts… or Choose file…] … [Cancel] [action] [Close], Cancel shown while the task runs)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton

from studio.core.document import Document
from studio.publish.accounts import NETWORK_NAMES
from studio.publishing import Target, problems_for
from studio.ui.theme import ERROR_COLOR


class AccountRow:
    """One account in a dialog's grid: its check box and what the validator says of the post there."""

    def __init__(self, target: Target, object_name: str):
        self.target = target
        account = target.account
        self.check = QCheckBox(f"{account.label}  ·  {NETWORK_NAMES.get(account.network, account.network)}")
        self.check.setObjectName(object_name)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.blocked = False

    def describe(self, doc: Document, needs_reauth: str, ready: str) -> None:
        """The first error (the account cannot be chosen), else `needs_reauth` for an account that must be
        reconnected, else the first warning, else `ready`."""
        problems = problems_for(doc, self.target)
        errors = [p for p in problems if p.is_error]
        warnings = [p for p in problems if not p.is_error]
        self.blocked = bool(errors)
        self.check.setEnabled(not errors)
        if errors:
            self.note.setText(f'<span style="color:{ERROR_COLOR}">{html.escape(errors[0].message)}</span>')
        elif self.target.account.state == "needs_reauth":
            self.note.setText(needs_reauth)
        elif warnings:
            self.note.setText(html.escape(warnings[0].message))
        else:
            self.note.setText(ready)

    @property
    def chosen(self) -> bool:
        return self.check.isChecked() and self.check.isEnabled()


def clear(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


def keep_at_top(grid: QGridLayout, rows: int) -> None:
    """The filled rows stay at the top: the row under them takes the spare height."""
    for r in range(grid.rowCount()):
        grid.setRowStretch(r, 0)
    grid.setRowStretch(rows, 1)


class TaskButtons:
    """[left] … [Cancel] [action] [Close]: `action` is the default button, Cancel is shown while a task runs
    (`set_running`), Close rejects the dialog."""

    def __init__(self, dialog: QDialog, left: QPushButton, action: QPushButton, cancel: QPushButton,
                 close: QPushButton):
        self.left, self.action, self.cancel, self.close = left, action, cancel, close
        action.setDefault(True)
        cancel.hide()
        close.clicked.connect(dialog.reject)
        self.layout = QHBoxLayout()
        self.layout.addWidget(left)
        self.layout.addStretch(1)
        for b in (cancel, action, close):
            self.layout.addWidget(b)

    def set_running(self, running: bool, can_act: bool) -> None:
        self.action.setEnabled(not running and can_act)
        self.cancel.setVisible(running)
        self.close.setEnabled(not running)
