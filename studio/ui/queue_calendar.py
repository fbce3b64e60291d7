"""The queue's calendar: a week (days side by side, hours down) or a month (six weeks of days), painted by hand.

Items sit at their time on the creator's clock, with their thumbnail and the colour of their most urgent state;
today is marked, and in the week view the accounts' time slots are ticks in each day. Drag an item to another
time (week) or day (month, keeping its time of day) to reschedule it: the calendar asks the window
(`reschedule_requested`), which calls Queue.reschedule; what cannot move (being sent, already out, a time that has
passed) is refused with the reason (`refused`).

`CalendarGeometry` is the pure mapping between points and times, so it is tested without painting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from studio.publish.schedule import Slot, slot_instants, wall_clock, zone
from studio.store.queue_store import ItemRow
from studio.ui.queue_delegate import small_font
from studio.ui.queue_model import ThumbCache
from studio.ui.queue_text import STATE_COLORS, account_short, item_state, local_zone, qdatetime, ui_locale

HEADER = 26.0  # weekday names
GUTTER = 52.0  # hour labels of the week view
STEP_MINUTES = 15  # a drop in the week view snaps to this
CHIP = 20.0  # an item's height in a month cell
MIN_BLOCK = 22.0  # an item's least height in the week view


@dataclass(frozen=True)
class CalendarGeometry:
    """Where days and times are on a calendar of `width` x `height` pixels starting on `first_day` (a Monday)."""

    mode: str  # "week" | "month"
    first_day: date
    width: float
    height: float

    @property
    def days(self) -> int:
        return 7 if self.mode == "week" else 42

    @property
    def left(self) -> float:
        return GUTTER if self.mode == "week" else 0.0

    @property
    def column_width(self) -> float:
        return (self.width - self.left) / 7

    @property
    def row_height(self) -> float:
        return (self.height - HEADER) / (1 if self.mode == "week" else 6)

    @property
    def hour_height(self) -> float:
        return (self.height - HEADER) / 24

    def day_rect(self, n: int) -> tuple[float, float, float, float]:
        """(x, y, w, h) of the n-th day shown."""
        column, row = n % 7, n // 7
        return (self.left + column * self.column_width, HEADER + row * self.row_height, self.column_width,
                self.row_height)

    def day_at(self, x: float, y: float) -> date | None:
        if x < self.left or y < HEADER or x >= self.width or y >= self.height:
            return None
        column = min(6, int((x - self.left) // self.column_width))
        row = min(self.days // 7 - 1, int((y - HEADER) // self.row_height))
        return self.first_day + timedelta(days=row * 7 + column)

    def time_at(self, x: float, y: float, keep: clock_time | None = None) -> datetime | None:
        """The wall-clock time at a point: in the week view the day's column and the height (snapped to
        STEP_MINUTES); in the month view the day, at `keep` (the item's own time of day)."""
        day = self.day_at(x, y)
        if day is None:
            return None
        if self.mode == "month":
            return datetime.combine(day, keep or clock_time(9, 0))
        minutes = round((y - HEADER) / self.hour_height * 60 / STEP_MINUTES) * STEP_MINUTES
        minutes = max(0, min(24 * 60 - STEP_MINUTES, minutes))
        return datetime.combine(day, clock_time(minutes // 60, minutes % 60))

    def y_of(self, moment: datetime) -> float:
        """The height of a wall-clock time in the week view."""
        return HEADER + (moment.hour + moment.minute / 60 + moment.second / 3600) * self.hour_height

    def index_of(self, day: date) -> int | None:
        n = (day - self.first_day).days
        return n if 0 <= n < self.days else None


def first_day_of(mode: str, anchor: date) -> date:
    """The Monday the view starts on: of the anchor's week, or on or before the 1st of its month."""
    start = anchor if mode == "week" else anchor.replace(day=1)
    return start - timedelta(days=start.weekday())


class CalendarView(QWidget):
    range_changed = Signal(float, float)  # since, until (UTC instants)
    item_clicked = Signal(int)
    item_activated = Signal(int)
    reschedule_requested = Signal(int, float)  # item id, new instant
    refused = Signal(str)

    def __init__(self, thumbs: ThumbCache | None = None, parent: QWidget | None = None, *, clock=None):
        super().__init__(parent)
        import time

        self.setObjectName("queueCalendar")
        self.thumbs = thumbs
        self.clock = clock or time.time
        self.zone = local_zone()
        self.mode = "month"
        self.anchor = datetime.fromtimestamp(self.clock(), zone(self.zone)).date()
        self.items: list[ItemRow] = []
        self.slots: dict[str, list[Slot]] = {}
        self.selected: int | None = None
        self._chips: list[tuple[QRectF, int]] = []
        self._laid_out = False
        self._press: tuple[int, QPointF] | None = None
        self._drag: QPointF | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(560, 380)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if thumbs is not None:
            thumbs.ready.connect(lambda _ids: self.update())

    # --- what is shown ---

    def geometry_now(self) -> CalendarGeometry:
        return CalendarGeometry(self.mode, first_day_of(self.mode, self.anchor), float(self.width()),
                                float(self.height()))

    def visible_range(self) -> tuple[float, float]:
        g = self.geometry_now()
        tz = zone(self.zone)
        start = datetime.combine(g.first_day, clock_time(0, 0), tzinfo=tz)
        end = datetime.combine(g.first_day + timedelta(days=g.days), clock_time(0, 0), tzinfo=tz)
        return start.timestamp(), end.timestamp()

    def title(self) -> str:
        g = self.geometry_now()
        loc = ui_locale()
        if self.mode == "month":
            return loc.toString(qdatetime(datetime.combine(self.anchor.replace(day=1), clock_time())), "MMMM yyyy")
        last = g.first_day + timedelta(days=6)
        first_text = loc.toString(qdatetime(datetime.combine(g.first_day, clock_time())), "d MMM")
        last_text = loc.toString(qdatetime(datetime.combine(last, clock_time())), "d MMM yyyy")
        return f"{first_text} – {last_text}"

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self._moved()

    def go(self, step: int) -> None:
        """One week or month forward (1) or back (-1)."""
        if self.mode == "week":
            self.anchor += timedelta(days=7 * step)
        else:
            month = self.anchor.month - 1 + step
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self._moved()

    def go_today(self) -> None:
        self.anchor = datetime.fromtimestamp(self.clock(), zone(self.zone)).date()
        self._moved()

    def _moved(self) -> None:
        self._laid_out = False
        self.update()
        self.range_changed.emit(*self.visible_range())

    def set_items(self, items: list[ItemRow]) -> None:
        self.items = items
        self._laid_out = False
        self.update()

    def set_slots(self, slots: dict[str, list[Slot]]) -> None:
        self.slots = slots
        self.update()

    def select(self, item_id: int | None) -> None:
        self.selected = item_id
        self.update()

    # --- layout ---

    def _local(self, instant: float) -> datetime:
        return datetime.fromtimestamp(instant, zone(self.zone)).replace(tzinfo=None)

    def layout_chips(self) -> list[tuple[QRectF, int]]:
        """Each shown item's rectangle (an item beyond a month cell's room is counted in its "+N more")."""
        if self._laid_out:
            return self._chips
        g = self.geometry_now()
        chips: list[tuple[QRectF, int]] = []
        by_day: dict[int, list[ItemRow]] = {}
        for item in self.items:
            n = g.index_of(self._local(item.scheduled_at).date())
            if n is not None:
                by_day.setdefault(n, []).append(item)
        self._more: dict[int, int] = {}
        for n, items in by_day.items():
            x, y, w, h = g.day_rect(n)
            if self.mode == "month":
                room = max(0, int((h - 22) // (CHIP + 2)))
                shown = items if len(items) <= room else items[:max(0, room - 1)]
                for i, item in enumerate(shown):
                    chips.append((QRectF(x + 3, y + 20 + i * (CHIP + 2), w - 6, CHIP), item.id))
                if len(shown) < len(items):
                    self._more[n] = len(items) - len(shown)
            else:
                block_h = max(MIN_BLOCK, g.hour_height * 0.9)
                groups: list[list[tuple[float, ItemRow]]] = []  # items whose blocks overlap share the width
                for item in items:
                    top = g.y_of(self._local(item.scheduled_at))
                    if groups and top < groups[-1][-1][0] + block_h:
                        groups[-1].append((top, item))
                    else:
                        groups.append([(top, item)])
                for group in groups:
                    width = (w - 6) / len(group)
                    for i, (top, item) in enumerate(group):
                        top = min(top, g.height - block_h)
                        chips.append((QRectF(x + 3 + i * width, top, width - 2, block_h), item.id))
        self._chips, self._laid_out = chips, True
        return chips

    def point_for(self, moment: datetime) -> QPointF:
        """Where a wall-clock time is (the middle of its day in the month view): for drops made by code."""
        g = self.geometry_now()
        n = g.index_of(moment.date())
        if n is None:
            raise ValueError(f"{moment} is not shown")
        x, y, w, h = g.day_rect(n)
        if self.mode == "week":
            return QPointF(x + w / 2, g.y_of(moment) + 1)
        return QPointF(x + w / 2, y + h / 2)

    def chip_rect(self, item_id: int) -> QRectF | None:
        return next((r for r, i in self.layout_chips() if i == item_id), None)

    def item_at(self, pos: QPointF) -> int | None:
        for rect, item_id in reversed(self.layout_chips()):
            if rect.contains(pos):
                return item_id
        return None

    def resizeEvent(self, event) -> None:
        self._laid_out = False
        super().resizeEvent(event)

    # --- rescheduling by dragging ---

    def drop_item(self, item_id: int, pos: QPointF) -> bool:
        """Reschedule an item to the time under `pos` (the end of a drag); False with `refused` when it cannot."""
        item = next((i for i in self.items if i.id == item_id), None)
        if item is None:
            return False
        if any(t.state == "sending" for t in item.targets):
            self.refused.emit(self.tr("It is being sent right now; it cannot be moved."))
            return False
        if not any(t.state in ("scheduled", "held") for t in item.targets):
            self.refused.emit(self.tr("Nothing of this post is waiting to be sent, so there is nothing to move."))
            return False
        g = self.geometry_now()
        current = self._local(item.scheduled_at)
        moment = g.time_at(pos.x(), pos.y(), keep=current.time().replace(second=0, microsecond=0))
        if moment is None:
            return False
        instant = wall_clock(moment.date(), f"{moment.hour:02d}:{moment.minute:02d}", zone(self.zone)).timestamp()
        if abs(instant - item.scheduled_at) < 30:
            return False
        if instant < self.clock():
            self.refused.emit(self.tr("That time has passed. Drop it on a later time, or use Publish now."))
            return False
        self.reschedule_requested.emit(item_id, instant)
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.item_at(event.position())
            if found is not None:
                self._press = (found, event.position())
                self.select(found)
                self.item_clicked.emit(found)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            if self._drag is None and (event.position() - self._press[1]).manhattanLength() \
                    < QApplication.startDragDistance():
                return
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.update()
            return
        self.setCursor(Qt.CursorShape.OpenHandCursor if self.item_at(event.position()) is not None
                       else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, drag = self._press, self._drag
        self._press = self._drag = None
        self.unsetCursor()
        if press is not None and drag is not None:
            self.update()
            self.drop_item(press[0], event.position())
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.item_at(event.position())
        if found is not None:
            self.item_activated.emit(found)

    # --- painting ---

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        g = self.geometry_now()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(150)
        line = QColor(text)
        line.setAlpha(40)
        accent = pal.color(QPalette.ColorRole.Highlight)
        p.fillRect(self.rect(), base)
        today = datetime.fromtimestamp(self.clock(), zone(self.zone)).date()
        loc = ui_locale()
        font = self.font()
        p.setFont(small_font(font, -1, bold=True))
        for c in range(7):
            x, _y, w, _h = g.day_rect(c)
            day = g.first_day + timedelta(days=c)
            label = loc.toString(qdatetime(datetime.combine(day, clock_time())), "ddd" if self.mode == "month"
                                 else "ddd d")
            p.setPen(accent if self.mode == "week" and day == today else muted)
            p.drawText(QRectF(x, 0, w, HEADER), Qt.AlignmentFlag.AlignCenter, label)
        if self.mode == "week":
            self._paint_hours(p, g, line, muted, font)
        month = self.anchor.month
        for n in range(g.days):
            x, y, w, h = g.day_rect(n)
            day = g.first_day + timedelta(days=n)
            cell = QRectF(x, y, w, h)
            if day == today:
                tint = QColor(accent)
                tint.setAlpha(28)
                p.fillRect(cell, tint)
            p.setPen(QPen(line, 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(cell)
            if self.mode == "month":
                number = QRectF(x + 4, y + 2, 22, 16)
                if day == today:
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(accent)
                    p.drawRoundedRect(number, 8, 8)
                    p.setPen(pal.color(QPalette.ColorRole.HighlightedText))
                else:
                    p.setPen(text if day.month == month else muted)
                p.setFont(small_font(font, -1, bold=day == today))
                p.drawText(number, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if self.mode == "week":
            self._paint_slots(p, g, accent)
            self._paint_now(p, g, today)
        by_id = {i.id: i for i in self.items}
        for rect, item_id in self.layout_chips():
            self._paint_item(p, rect, by_id[item_id], text, base)
        p.setFont(small_font(font, -2))
        p.setPen(muted)
        for n, more in getattr(self, "_more", {}).items():
            x, y, w, h = g.day_rect(n)
            p.drawText(QRectF(x + 6, y + h - 18, w - 12, 16), Qt.AlignmentFlag.AlignVCenter,
                       self.tr("+%s more") % more)
        if self._press is not None and self._drag is not None:
            self._paint_drop(p, g, accent)
        p.end()

    def _paint_hours(self, p: QPainter, g: CalendarGeometry, line: QColor, muted: QColor, font: QFont) -> None:
        p.setFont(small_font(font, -2))
        step = 1 if g.hour_height >= 18 else 2 if g.hour_height >= 9 else 3
        for hour in range(0, 24):
            y = HEADER + hour * g.hour_height
            p.setPen(QPen(line, 1))
            p.drawLine(QPointF(g.left, y), QPointF(g.width, y))
            if hour % step == 0 and hour:
                p.setPen(muted)
                p.drawText(QRectF(0, y - 8, g.left - 6, 16), Qt.AlignmentFlag.AlignRight
                           | Qt.AlignmentFlag.AlignVCenter, f"{hour:02d}:00")

    def _paint_slots(self, p: QPainter, g: CalendarGeometry, accent: QColor) -> None:
        """The accounts' time slots: a short tick at each slot's time, in each day."""
        since, until = self.visible_range()
        color = QColor(accent)
        color.setAlpha(170)
        p.setPen(QPen(color, 2, Qt.PenStyle.DotLine))
        for slots in self.slots.values():
            for instant in slot_instants(slots, since, until):
                local = self._local(instant)
                n = g.index_of(local.date())
                if n is None:
                    continue
                x, _y, w, _h = g.day_rect(n)
                y = g.y_of(local)
                p.drawLine(QPointF(x + 2, y), QPointF(x + w - 2, y))

    def _paint_now(self, p: QPainter, g: CalendarGeometry, today: date) -> None:
        n = g.index_of(today)
        if n is None:
            return
        x, _y, w, _h = g.day_rect(n)
        y = g.y_of(self._local(self.clock()))
        p.setPen(QPen(QColor("#e0453a"), 2))
        p.drawLine(QPointF(x, y), QPointF(x + w, y))
        p.setBrush(QColor("#e0453a"))
        p.drawEllipse(QPointF(x + 3, y), 3.5, 3.5)

    def _paint_item(self, p: QPainter, rect: QRectF, item: ItemRow, text: QColor, base: QColor) -> None:
        color = QColor(STATE_COLORS.get(item_state(item), "#6f747c"))
        fill = QColor(color)
        fill.setAlpha(48)
        path = QPainterPath()
        path.addRoundedRect(rect, 4, 4)
        p.fillPath(path, base)
        p.fillPath(path, fill)
        if item.id == self.selected:
            p.setPen(QPen(color, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        p.fillRect(QRectF(rect.left(), rect.top() + 2, 3, rect.height() - 4), color)
        x = rect.left() + 6
        pixmap = self.thumbs.get(item) if self.thumbs is not None else None
        side = min(rect.height() - 4, 28.0)
        if pixmap is not None and not pixmap.isNull() and rect.width() > side + 30:
            target = QRectF(x, rect.top() + (rect.height() - side) / 2, side, side)
            p.save()
            clip = QPainterPath()
            clip.addRoundedRect(target, 3, 3)
            p.setClipPath(clip, Qt.ClipOperation.IntersectClip)
            p.drawPixmap(target, pixmap, _square(pixmap.width(), pixmap.height()))
            p.restore()
            x += side + 5
        when = self._local(item.scheduled_at)
        font = small_font(self.font(), -2)
        fm = QFontMetrics(font)
        p.setFont(font)
        p.setPen(text)
        label = f"{when:%H:%M} {item.title or ' '.join(item.summary.split())}"
        room = rect.right() - x - 3
        if self.mode == "week" and rect.height() >= 2 * fm.height() + 4:
            top = QRectF(x, rect.top() + 2, room, fm.height())
            p.drawText(top, Qt.AlignmentFlag.AlignVCenter, fm.elidedText(label, Qt.TextElideMode.ElideRight,
                                                                          int(room)))
            who = ", ".join(account_short(t.account_id) for t in item.targets)
            p.setPen(QColor(text.red(), text.green(), text.blue(), 160))
            p.drawText(QRectF(x, top.bottom(), room, fm.height()), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(who, Qt.TextElideMode.ElideRight, int(room)))
        else:
            p.drawText(QRectF(x, rect.top(), room, rect.height()), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, int(room)))

    def _paint_drop(self, p: QPainter, g: CalendarGeometry, accent: QColor) -> None:
        assert self._press is not None and self._drag is not None
        item = next((i for i in self.items if i.id == self._press[0]), None)
        if item is None:
            return
        keep = self._local(item.scheduled_at).time()
        moment = g.time_at(self._drag.x(), self._drag.y(), keep=keep)
        if moment is None:
            return
        n = g.index_of(moment.date())
        if n is None:
            return
        x, y, w, h = g.day_rect(n)
        if self.mode == "week":
            y, h = g.y_of(moment), max(MIN_BLOCK, g.hour_height * 0.9)
        target = QRectF(x + 2, y + 2, w - 4, h - 4)
        color = QColor(accent)
        color.setAlpha(60)
        p.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
        p.setBrush(color)
        p.drawRoundedRect(target, 4, 4)
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        p.setFont(small_font(self.font(), -1, bold=True))
        p.drawText(target.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft,
                   f"{moment:%H:%M}")


def _square(w: int, h: int) -> QRectF:
    side = min(w, h)
    return QRectF((w - side) / 2, (h - side) / 2, side, side)
