"""Small dialogs of the queue window: reschedule one item, and an account's weekly time slots."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.publish.queue import Queue
from studio.publish.schedule import WEEKDAYS, ScheduleError, Slot, describe, parse_slots
from studio.store.queue_store import ItemRow
from studio.ui.queue_text import local_zone
from studio.ui.queue_when import AT, WhenEditor, zone_names
from studio.ui.theme import ERROR_COLOR


class RescheduleDialog(QDialog):
    def __init__(self, item: ItemRow, parent: QWidget | None = None, *, clock=None):
        super().__init__(parent)
        self.setObjectName("rescheduleDialog")
        self.setWindowTitle(self.tr("Reschedule"))
        layout = QVBoxLayout(self)
        title = item.title or " ".join(item.summary.split())[:60]
        layout.addWidget(QLabel(self.tr("When should “%s” go out?") % html.escape(title)))
        self.when = WhenEditor(self, modes=(AT,), repeat=False, start=item.scheduled_at, start_zone=item.zone,
                               clock=clock)
        layout.addWidget(self.when)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reschedule"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.when.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        problem = self.when.problem()
        self.problem.setText(f'<span style="color:{ERROR_COLOR}">{html.escape(problem)}</span>' if problem else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def value(self) -> tuple[float, str]:
        return self.when.at(), self.when.zone_name()


def slots_text(slots: list[Slot]) -> str:
    """Slots as the lines the dialog edits: one line per set of days, "mon,tue,wed,thu,fri 09:00,17:30"."""
    times_of_day: dict[int, list[str]] = {}
    for s in slots:
        times_of_day.setdefault(s.weekday, []).append(s.time)
    by_times: dict[tuple[str, ...], list[int]] = {}
    for day, times in sorted(times_of_day.items()):
        by_times.setdefault(tuple(sorted(times)), []).append(day)
    lines = [f"{','.join(WEEKDAYS[d] for d in days)} {','.join(times)}" for times, days in by_times.items()]
    return "\n".join(lines)


class SlotsDialog(QDialog):
    """An account's weekly time slots ("Next free slot" puts a post in the first one not taken)."""

    def __init__(self, queue: Queue, parent: QWidget | None = None, account_id: str | None = None):
        super().__init__(parent)
        self.queue = queue
        self.setObjectName("slotsDialog")
        self.setWindowTitle(self.tr("Time slots"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.account = QComboBox()
        self.account.setObjectName("slotsAccount")
        for a in queue.accounts.list():
            self.account.addItem(a.label, a.id)
        if account_id is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(account_id)))
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(zone_names())
        self.zone.setCurrentText(local_zone())
        self.text = QPlainTextEdit()
        self.text.setObjectName("slotsText")
        self.text.setPlaceholderText("mon-fri 09:00,17:30\nsat 10:00")
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Time zone"), self.zone)
        layout.addLayout(form)
        help_text = QLabel(self.tr("One line per set of days and times, such as “mon-fri 09:00,17:30”, “sat 10:00”, "
                                   "“daily 12:00” or “weekends 11:00”. Slots keep their time of day when the clocks "
                                   "change."))
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        layout.addWidget(self.text, 1)
        self.result_label = QLabel()
        self.result_label.setObjectName("slotsResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.account.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def load(self) -> None:
        account_id = self.account.currentData()
        slots = self.queue.slots(account_id) if account_id else []
        if slots:
            self.zone.setCurrentText(slots[0].zone)
        self.text.setPlainText(slots_text(slots))
        self._show_next(account_id)

    def _show_next(self, account_id: str | None) -> None:
        free = self.queue.next_free_slot(account_id) if account_id else None
        self.result_label.setText(self.tr("Next free slot: %s") % describe(free, self.zone.currentText())
                                  if free is not None else "")

    def save(self) -> bool:
        account_id = self.account.currentData()
        if not account_id:
            return False
        zone_name = self.zone.currentText().strip()
        try:
            slots = [s for line in self.text.toPlainText().splitlines() if line.strip()
                     for s in parse_slots(line, zone_name)]
        except ScheduleError as e:
            self.result_label.setText(f'<span style="color:{ERROR_COLOR}">{html.escape(e.message)}</span>')
            return False
        self.queue.set_slots(account_id, slots)
        self._show_next(account_id)
        if not slots:
            self.result_label.setText(self.tr("No time slots: “Next free slot” cannot be used for this account."))
        return True
