"""Choosing when a post goes out: the next free slot of each account, at a date and time in a time zone (the
computer's zone by default; the creator's own clock is shown beside a time in another zone), or now; and
optionally repeating every N days or weeks until a date or for a number of posts. Used by "Add to queue" and by
"Reschedule" (which offers only a date and time)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studio.publish.schedule import Recurrence, ScheduleError, parse_at, zone
from studio.ui.queue_text import format_time, local_zone

SLOT, AT, NOW = "slot", "at", "now"


@lru_cache(maxsize=1)
def zone_names() -> list[str]:
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/")))
    return ["UTC", *names]


class WhenEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, modes: tuple[str, ...] = (SLOT, AT, NOW),
                 repeat: bool = True, start: float | None = None, start_zone: str | None = None, clock=None):
        super().__init__(parent)
        import time

        self.clock = clock or time.time
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        labels = {SLOT: self.tr("Next free time slot of each account"), AT: self.tr("At"),
                  NOW: self.tr("Now")}
        for mode in modes:
            radio = QRadioButton(labels[mode])
            radio.setObjectName(f"when_{mode}")
            self.group.addButton(radio)
            self.radios[mode] = radio
            radio.toggled.connect(lambda _on: self._update())
            if mode != AT:
                rows.addWidget(radio)
                continue
            line = self._at_row(start, start_zone)
            line.insertWidget(0, radio)
            rows.addLayout(line)
            self.hint = QLabel()
            self.hint.setObjectName("whenHint")
            self.hint.setWordWrap(True)
            self.hint.setContentsMargins(24, 0, 0, 0)
            rows.addWidget(self.hint)
        self.repeat = None
        if repeat:
            rows.addLayout(self._repeat_row())
        (self.radios.get(AT) or next(iter(self.radios.values()))).setChecked(True)
        self._update()

    def _at_row(self, start: float | None, start_zone: str | None) -> QHBoxLayout:
        zone_name = start_zone or local_zone()
        start = start if start is not None else (self.clock() // 3600 + 2) * 3600  # a round hour, soon
        local = datetime.fromtimestamp(start, zone(zone_name))
        self.date = QDateEdit(QDate(local.year, local.month, local.day))
        self.date.setObjectName("whenDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setObjectName("whenTime")
        self.time.setDisplayFormat("HH:mm")
        self.zone = QComboBox()
        self.zone.setObjectName("whenZone")
        self.zone.setEditable(True)
        self.zone.addItems(zone_names())
        completer = QCompleter(zone_names(), self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setCurrentText(zone_name)
        self.zone.setMinimumContentsLength(18)
        for w in (self.date, self.time):
            w.dateTimeChanged.connect(lambda _v: self._update())
        self.zone.currentTextChanged.connect(lambda _t: self._update())
        row = QHBoxLayout()
        for w in (self.date, self.time, self.zone):
            row.addWidget(w)
        row.addStretch(1)
        return row

    def _repeat_row(self) -> QHBoxLayout:
        self.repeat = QCheckBox(self.tr("Repeat every"))
        self.repeat.setObjectName("whenRepeat")
        self.every = QSpinBox()
        self.every.setRange(1, 52)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("days"), "days")
        self.unit.addItem(self.tr("weeks"), "weeks")
        self.unit.setCurrentIndex(1)
        self.end_kind = QComboBox()
        self.end_kind.setObjectName("whenRepeatEnd")
        self.end_kind.addItem(self.tr("until"), "until")
        self.end_kind.addItem(self.tr("posts in all:"), "count")
        self.until = QDateEdit(QDate.currentDate().addMonths(1))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.count = QSpinBox()
        self.count.setObjectName("whenRepeatCount")
        self.count.setRange(2, 500)
        self.count.setValue(4)
        for w in (self.every, self.count):
            w.valueChanged.connect(lambda _v: self._update())
        for c in (self.unit, self.end_kind):
            c.currentIndexChanged.connect(lambda _i: self._update())
        self.repeat.toggled.connect(lambda _on: self._update())
        self.until.dateChanged.connect(lambda _d: self._update())
        row = QHBoxLayout()
        for w in (self.repeat, self.every, self.unit, self.end_kind, self.until, self.count):
            row.addWidget(w)
        row.addStretch(1)
        return row

    # --- values ---

    def mode(self) -> str:
        return next((m for m, r in self.radios.items() if r.isChecked()), AT)

    def set_mode(self, mode: str) -> None:
        self.radios[mode].setChecked(True)

    def zone_name(self) -> str:
        return self.zone.currentText().strip() if hasattr(self, "zone") else local_zone()

    def at(self) -> float:
        """The chosen instant. Raises ScheduleError for a zone that does not exist or a wall-clock time the clocks
        skip."""
        d, t = self.date.date(), self.time.time()
        text = f"{d.year():04d}-{d.month():02d}-{d.day():02d}T{t.hour():02d}:{t.minute():02d}"
        return parse_at(text, self.zone_name())[0]

    def set_at(self, instant: float, zone_name: str) -> None:
        local = datetime.fromtimestamp(instant, zone(zone_name))
        self.zone.setCurrentText(zone_name)
        self.date.setDate(QDate(local.year, local.month, local.day))
        self.time.setTime(QTime(local.hour, local.minute))

    def recurrence(self) -> Recurrence | None:
        if self.repeat is None or not self.repeat.isChecked():
            return None
        unit = self.unit.currentData()
        if self.end_kind.currentData() == "count":
            return Recurrence(self.every.value(), unit, count=self.count.value())
        d = self.until.date()
        end = parse_at(f"{d.year():04d}-{d.month():02d}-{d.day():02d}T00:00", self.zone_name())[0]
        return Recurrence(self.every.value(), unit, until=end + 86400 - 1)

    def problem(self) -> str:
        """Why the choice cannot be used, or ""."""
        try:
            if self.mode() == AT:
                at = self.at()
                if at < self.clock() - 60:
                    return self.tr("That time has passed. Choose a later one, or Now.")
            self.recurrence()
        except ScheduleError as e:
            return e.message
        return ""

    def _update(self) -> None:
        at_mode = self.mode() == AT
        for name in ("date", "time", "zone"):
            if hasattr(self, name):
                getattr(self, name).setEnabled(at_mode)
        if self.repeat is not None:
            on = self.repeat.isChecked()
            for w in (self.every, self.unit, self.end_kind):
                w.setEnabled(on)
            self.until.setVisible(self.end_kind.currentData() == "until")
            self.count.setVisible(self.end_kind.currentData() == "count")
            self.until.setEnabled(on)
            self.count.setEnabled(on)
        if hasattr(self, "hint"):
            self.hint.setText(self._hint() if at_mode else "")
            self.hint.setVisible(at_mode and bool(self.hint.text()))
        self.changed.emit()

    def _hint(self) -> str:
        try:
            at = self.at()
        except ScheduleError as e:
            return e.message
        here = local_zone()
        if self.zone_name() == here:
            return ""
        if datetime.fromtimestamp(at, zone(here)).utcoffset() == datetime.fromtimestamp(
                at, zone(self.zone_name())).utcoffset():
            return ""
        return self.tr("That is %s on this computer's clock (%s).") % (format_time(at, here), here)
