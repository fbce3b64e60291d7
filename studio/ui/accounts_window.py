"""The Accounts window: connect Bluesky, Mastodon, Telegram and Discord accounts, see each one's state
(connected, needs re-authorisation, unreachable), check, reconnect and remove them.

Connecting and checking talk to the network, so they run on the task runner; the window stays responsive and a
connection in progress (a Mastodon authorisation waiting for the browser) can be cancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.account import Account
from studio.networks.clients.registry import PUBLISHABLE, client_for
from studio.publish.accounts import NETWORK_NAMES, Accounts
from studio.ui.tasks import Task, TaskRunner

STATE_COLORS = {"connected": "#2e9d57", "needs_reauth": "#d9822b", "unreachable": "#8a8f98"}


class _Browser(QObject):
    """Opens the system browser from a worker thread (the signal hops to the UI thread)."""

    open = Signal(str)


class ConnectDialog(QDialog):
    """The form of one network (its client's fields); Mastodon has only the server and opens the browser."""

    def __init__(self, network: str, parent: QWidget | None = None, values: dict[str, str] | None = None):
        super().__init__(parent)
        self.network = network
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect a %s account") % NETWORK_NAMES[network])
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for f in client_for(network).fields:
            edit = QLineEdit((values or {}).get(f.name, f.default))
            edit.setObjectName(f"field_{f.name}")
            if f.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            if f.help:
                edit.setToolTip(f.help)
                edit.setPlaceholderText(f.help if len(f.help) < 60 else "")
            self.edits[f.name] = edit
            form.addRow(self._label(f.name, f.label), edit)
        layout.addLayout(form)
        note = {"bluesky": self.tr("Use an app password, not your main password. Content Studio keeps it only in "
                                   "your system's keyring."),
                "mastodon": self.tr("Your browser opens so you can allow Content Studio to post. Come back here "
                                    "afterwards."),
                "telegram": self.tr("Make the bot an administrator of the channel with the right to post "
                                    "messages."),
                "discord": self.tr("In Discord: channel settings → Integrations → Webhooks → Copy webhook URL. "
                                   "The URL is kept only in your system's keyring.")}[network]
        hint = QLabel(note)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _label(self, name: str, default: str) -> str:
        labels = {"server": self.tr("Server"), "handle": self.tr("Handle"), "password": self.tr("App password"),
                  "channel": self.tr("Channel"), "bot_token": self.tr("Bot token"),
                  "webhook_url": self.tr("Webhook URL")}
        return labels.get(name, default)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}


class AccountsWindow(QDialog):
    def __init__(self, accounts: Accounts, tasks: TaskRunner, parent: QWidget | None = None, *,
                 open_browser: Callable[[str], None] | None = None, check_on_open: bool = True,
                 limits: Callable[[Account], tuple[list, float | None]] | None = None):
        """`limits(account)`: its rate budgets as used and until when its queued posts wait (Queue.limits)."""
        super().__init__(parent)
        self.accounts, self.tasks, self.limits = accounts, tasks, limits
        self.task: Task | None = None
        self._browser = _Browser(self)
        self._browser.open.connect(open_browser or (lambda url: QDesktopServices.openUrl(QUrl(url))))
        self.setObjectName("accountsWindow")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("accountList")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)  # a long state message wraps instead of running out of the window
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list, 1)
        self.status = QLabel()
        self.status.setObjectName("accountStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        layout.addWidget(self.busy)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add account"))
        self.add_button.setObjectName("addAccount")
        menu = QMenu(self.add_button)
        for network in PUBLISHABLE:
            menu.addAction(NETWORK_NAMES[network], lambda n=network: self.connect_account(n))
        self.add_button.setMenu(menu)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check_selected)
        self.reconnect_button = QPushButton(self.tr("Reconnect…"))
        self.reconnect_button.setObjectName("reconnect")
        self.reconnect_button.clicked.connect(self.reconnect_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for b in (self.add_button, self.check_button, self.reconnect_button, self.remove_button, self.cancel_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()
        if check_on_open and self.accounts.list():
            self.check_all()

    # --- list ---

    def refresh(self, select: str | None = None) -> None:
        current = select or self.selected_id()
        self.list.clear()
        try:
            found = self.accounts.list()
        except Exception as e:  # LibraryError
            self.status.setText(getattr(e, "message", str(e)))
            found = []
        for a in found:
            text = f"{a.label}   ·   {NETWORK_NAMES.get(a.network, a.network)}\n{self._state(a)}"
            pace = self._limits(a)
            item = QListWidgetItem(f"{text}\n{pace}" if pace else text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            if a.state != "connected":
                item.setForeground(QColor(STATE_COLORS.get(a.state, "#8a8f98")))
            item.setToolTip(a.state_message or a.server)
            self.list.addItem(item)
            if a.id == current:
                self.list.setCurrentItem(item)
        if not found:
            self.status.setText(self.tr("No accounts yet. Use “Add account” to connect Bluesky, Mastodon, Telegram "
                                        "or Discord."))
        self._update_buttons()

    def _state(self, a: Account) -> str:
        text = {"connected": self.tr("Connected"), "needs_reauth": self.tr("Needs re-authorisation"),
                "unreachable": self.tr("Unreachable")}.get(a.state, a.state)
        return f"{text}: {a.state_message}" if a.state_message else text

    def _limits(self, a: Account) -> str:
        """"Rate limits: 3 of 30 sign-ins per 5 minutes · …", and the wait a 429 imposed, in the UI's language."""
        if self.limits is None:
            return ""
        try:
            uses, until = self.limits(a)
        except Exception:  # LibraryError: the list still shows the accounts
            return ""
        words = {"sign-ins": self.tr("sign-ins"), "posts": self.tr("posts"), "requests": self.tr("requests"),
                 "messages": self.tr("messages")}
        parts = [self.tr("%1 of %2 %3 per %4").replace("%1", str(u.used)).replace("%2", f"{u.budget.limit:,}")
                 .replace("%3", words.get(u.budget.what, u.budget.what)).replace("%4", self._span(u.budget.window))
                 for u in uses]
        text = self.tr("Rate limits: %s") % " · ".join(parts) if parts else ""
        if until is not None:
            from studio.ui.queue_text import format_time, local_zone

            text += "\n" + self.tr("Its queued posts wait until %s: the network asked to slow down.") % \
                format_time(until, local_zone())
        return text

    def _span(self, seconds: float) -> str:
        units = ((86400, self.tr("day"), self.tr("%s days")), (3600, self.tr("hour"), self.tr("%s hours")),
                 (60, self.tr("minute"), self.tr("%s minutes")))
        for size, one, many in units:
            if seconds % size == 0:
                n = int(seconds // size)
                return one if n == 1 else many % n
        return self.tr("%s seconds") % f"{seconds:g}"

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        idle = self.task is None
        chosen = self.selected_id() is not None
        self.add_button.setEnabled(idle)
        for b in (self.check_button, self.reconnect_button, self.remove_button):
            b.setEnabled(idle and chosen)
        self.cancel_button.setVisible(not idle)
        self.busy.setVisible(not idle)

    # --- work in the background ---

    def _run(self, text: str, fn, on_done) -> None:
        self.status.setText(text)

        def done(result) -> None:
            self.task = None
            on_done(result)
            self._update_buttons()

        def failed(e: Exception) -> None:
            self.task = None
            self.refresh()
            self.status.setText(getattr(e, "message", None) or str(e) or type(e).__name__)

        def cancelled() -> None:
            self.task = None
            self.refresh()
            self.status.setText(self.tr("Cancelled."))

        self.task = self.tasks.run(fn, done, failed, lambda f, t: self.status.setText(t or text), cancelled)
        self._update_buttons()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def connect_account(self, network: str, values: dict[str, str] | None = None) -> ConnectDialog | None:
        dialog = ConnectDialog(network, self, values)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self.start_connect(network, dialog.values()))
        dialog.open()
        return dialog

    def start_connect(self, network: str, values: dict[str, str]) -> None:
        waiting = self.tr("Waiting for you to allow Content Studio in the browser…") if network == "mastodon" \
            else self.tr("Connecting to %s…") % NETWORK_NAMES[network]

        def work(progress):
            return self.accounts.add(network, values, progress=progress, open_browser=self._browser.open.emit)

        self._run(waiting, work, lambda a: (self.refresh(a.id), self.status.setText(self.tr("Connected %s.")
                                                                                   % a.label)))

    def check_all(self) -> None:
        ids = [a.id for a in self.accounts.list()]
        self._run(self.tr("Checking the accounts…"), lambda p: [self.accounts.check(i, p) for i in ids],
                  lambda _r: (self.refresh(), self.status.setText(self.tr("Checked."))))

    def check_selected(self) -> None:
        ref = self.selected_id()
        if ref is not None:
            self._run(self.tr("Checking…"), lambda p: self.accounts.check(ref, p),
                      lambda a: (self.refresh(a.id), self.status.setText(self._state(a))))

    def reconnect_selected(self) -> None:
        ref = self.selected_id()
        if ref is None:
            return
        a = self.accounts.find(ref)
        values = {"server": a.server, "handle": a.handle, "channel": a.handle}
        self.connect_account(a.network, values)

    def remove_selected(self) -> None:
        ref = self.selected_id()
        if ref is None:
            return
        try:
            removed = self.accounts.remove(ref)
        except Exception as e:  # CredentialError, LibraryError
            self.status.setText(getattr(e, "message", str(e)))
            return
        self.refresh()
        self.status.setText(self.tr("Removed %s and deleted its sign-in from the keyring.") % removed.label)

    def done(self, result: int) -> None:
        self.cancel()
        super().done(result)
