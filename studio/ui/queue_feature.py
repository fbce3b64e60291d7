"""The queue in the studio window: File → Add to queue…, View → Queue, the background runner while the studio is
open, and a notification per result (the system tray's when there is one, else the status bar).

Nothing here touches the library before it is used: the queue, its window and the runner are made when first
needed (the runner by studio.app once the window is up; tests start it themselves).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from studio import APP_NAME
from studio.publish.queue import Queue
from studio.store.library import Library
from studio.ui.queue_runner import GuiRunner
from studio.ui.queue_text import account_short, format_time, local_zone

if TYPE_CHECKING:
    from studio.publish.sending import Outcome
    from studio.ui.main_window import MainWindow
    from studio.ui.queue_window import QueueWindow


class QueueFeature(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        self._queue: Queue | None = None
        self.window: QueueWindow | None = None
        self.runner: GuiRunner | None = None
        self.tray: QSystemTrayIcon | None = None
        self.notifications: list[str] = []

    def queue(self) -> Queue:
        if self._queue is None:
            self._queue = Queue(self.w.services.library, self.w.services.accounts())
        return self._queue

    # --- adding ---

    def add_to_queue(self) -> None:
        from studio.ui.queue_add_dialog import AddToQueueDialog

        w = self.w
        if w.session is None:
            return
        if w.session.path is None or w.session.dirty:
            answer = QMessageBox.question(
                w, self.tr("Add to queue"),
                self.tr("The queue sends the post as it is saved in its file. Save the post now?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Save or not w.save():
                return
        assert w.session.path is not None
        dialog = AddToQueueDialog(w.session.doc, w.session.path, self.queue(), w.tasks, w,
                                  open_accounts=w.show_accounts)
        dialog.exec()
        if self.window is not None:
            self.window.reload()

    # --- the queue window ---

    def show_queue(self) -> QueueWindow:
        from studio.ui.queue_window import QueueWindow

        if self.window is None:
            self.window = QueueWindow(self.queue(), self.w.tasks, self.w, runner=self.runner)
            self.window.open_post.connect(self._open_post)
            self.window.open_accounts.connect(self.w.show_accounts)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def _open_post(self, path: Path) -> None:
        self.w.open_file(path)
        self.w.raise_()
        self.w.activateWindow()

    # --- the runner ---

    def start_runner(self, **options) -> GuiRunner:
        if self.runner is None:
            folder, base = self.w.services.library.path.parent, self.w.services.accounts()

            def open_queue() -> Queue:
                """The runner's own connection to the library (made on its thread), with the studio's accounts
                service (the same keyring and network clients) reading from it."""
                library = Library.open(folder)
                accounts = copy.copy(base)
                accounts.library = library
                return Queue(library, accounts)

            self.runner = GuiRunner(open_queue, self, **options)
            self.runner.outcome.connect(self.notify)
            self.runner.warning.connect(lambda text: self._say(self.tr("Queue"), text))
            if self.window is not None:
                self.window.set_runner(self.runner)
        self.runner.start()
        return self.runner

    def notify(self, o: Outcome) -> None:
        who = account_short(o.account_id)
        if o.state == "posted":
            title, text = self.tr("Posted"), self.tr("Posted to %s: %s") % (who, o.url)
        elif o.state == "failed":
            title, text = self.tr("Could not post"), f"{who}: {o.message}"
        elif o.state == "needs_reauth":
            title, text = self.tr("Needs re-authorisation"), \
                self.tr("%s needs re-authorisation: reconnect it in File → Accounts….") % who
        elif o.state == "outcome_unknown":
            title, text = self.tr("Outcome unknown"), \
                self.tr("%s: the post may or may not have arrived. Check the account, then decide in the queue "
                        "window.") % who
        elif o.state == "held":
            title, text = self.tr("Waiting for confirmation"), \
                self.tr("A post to %s was due while nothing was publishing. Confirm it in the queue window.") % who
        else:  # scheduled again: a retry later
            when = format_time(o.next_attempt_at, local_zone()) if o.next_attempt_at else ""
            self.w.statusBar().showMessage(self.tr("%s: will try again %s. %s") % (who, when, o.message), 10000)
            return
        self._say(title, text)

    def _say(self, title: str, text: str) -> None:
        self.notifications.append(text)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                icon = self.w.windowIcon()
                self.tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon.fromTheme("mail-send"), self)
                self.tray.setToolTip(APP_NAME)
                self.tray.messageClicked.connect(self.show_queue)
                self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.w.statusBar().showMessage(text, 15000)

    # --- closing ---

    def close(self) -> None:
        if self.runner is not None:
            self.runner.stop()
        if self.window is not None:
            self.window.close_reader()
            self.window.close()
        if self.tray is not None:
            self.tray.hide()
