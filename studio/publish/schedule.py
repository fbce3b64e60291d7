"""Time for the queue (DESIGN.md §9), pure: instants are UTC Unix seconds, wall-clock times live in an IANA zone.

A slot ("Mon-Fri 09:00 Europe/Berlin") expands in its own zone, so 09:00 stays 09:00 when the clocks change. On
the day the clocks go forward a slot inside the missing hour happens when the hour is skipped to (02:30 becomes
03:30); on the day they go back a slot in the repeated hour happens once, the first time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_DAYS = re.compile(r"^(?:daily|weekdays|weekends|[a-z]{3}(?:-[a-z]{3})?(?:,[a-z]{3}(?:-[a-z]{3})?)*)$")
TAKEN_WITHIN = 60.0  # a slot is taken when one of the account's posts is due within a minute of it
MAX_RECURRENCES = 500


class ScheduleError(ValueError):
    """A time, zone, slot or rule the user typed cannot be used. `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Slot:
    weekday: int  # Monday = 0
    time: str  # "HH:MM" on the wall clock of `zone`
    zone: str

    def describe(self) -> str:
        return f"{WEEKDAYS[self.weekday].title()} {self.time} {self.zone}"


@dataclass(frozen=True)
class Recurrence:
    """Repeat every `every` days or weeks, until an instant or for `count` posts in all (the first included)."""

    every: int
    unit: str  # "days" | "weeks"
    until: float | None = None
    count: int | None = None

    def to_data(self) -> dict:
        return {"every": self.every, "unit": self.unit, "until": self.until, "count": self.count}


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"“{name}” is not a time zone. Use an IANA name such as Europe/Berlin, "
                            "America/New_York or UTC.") from None


def local_zone_name() -> str:
    """This computer's IANA zone: $TZ, else what /etc/localtime points to, else UTC."""
    name = os.environ.get("TZ", "").lstrip(":")
    candidates = [name] if name else []
    try:
        _, found, rest = str(Path("/etc/localtime").resolve()).partition("zoneinfo/")
        if found and rest:
            candidates.append(rest)
    except OSError:
        pass
    for candidate in candidates:
        try:
            ZoneInfo(candidate)
            return candidate
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


def wall_clock(day: date, hhmm: str, tz: ZoneInfo) -> datetime:
    """`hhmm` on `day` in `tz`: in a skipped hour, the moment the clocks jump to; in a repeated hour, the first."""
    hour, minute = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, clock_time(hour, minute), tzinfo=tz)  # fold=0 gives exactly that (PEP 495)


def slot_instants(slots: Iterable[Slot], after: float, until: float) -> Iterator[float]:
    """Every slot's instants in [after, until), in order, each once."""
    found: set[float] = set()
    for slot in slots:
        tz = zone(slot.zone)
        day = datetime.fromtimestamp(after, tz).date() - timedelta(days=1)
        end = datetime.fromtimestamp(until, tz).date() + timedelta(days=1)
        while day <= end:
            if day.weekday() == slot.weekday:
                instant = wall_clock(day, slot.time, tz).timestamp()
                if after <= instant < until:
                    found.add(instant)
            day += timedelta(days=1)
    yield from sorted(found)


def next_free_slot(slots: Iterable[Slot], taken: Iterable[float], after: float, horizon_days: int = 366
                   ) -> float | None:
    """The first slot instant at or after `after` that no post of the account already has (within a minute)."""
    taken_sorted = sorted(taken)
    slots = list(slots)
    start = after
    for _ in range(horizon_days // 28 + 1):  # four weeks at a time
        end = start + 28 * 86400
        for instant in slot_instants(slots, start, end):
            if not any(abs(instant - t) < TAKEN_WITHIN for t in taken_sorted):
                return instant
        start = end
    return None


def parse_at(text: str, zone_name: str) -> tuple[float, str]:
    """An ISO 8601 date-time as (UTC instant, zone name). "2026-03-29T09:00" is read in `zone_name`;
    "…+02:00" or "…Z" is that instant (shown in `zone_name`); "…[Europe/Berlin]" names its zone. A wall-clock time
    that does not exist (the hour skipped when clocks go forward) is refused."""
    raw = text.strip()
    match = re.fullmatch(r"(.+?)\[([^\]]+)\]", raw)
    if match:
        raw, zone_name = match.group(1), match.group(2)
    tz = zone(zone_name)
    try:
        parsed = datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw)
    except ValueError:
        raise ScheduleError(f"“{text}” is not a date and time. Write it as 2026-03-30T09:00 (in the zone), "
                            "2026-03-30T09:00+02:00 or 2026-03-30T09:00[Europe/Berlin].") from None
    if parsed.tzinfo is not None:
        return parsed.timestamp(), zone_name
    local = parsed.replace(tzinfo=tz)
    if datetime.fromtimestamp(local.timestamp(), tz).replace(tzinfo=None) != parsed:
        raise ScheduleError(f"{parsed:%H:%M} on {parsed:%d %b %Y} does not exist in {zone_name}: the clocks go "
                            "forward then. Choose a time before or after the change.")
    return local.timestamp(), zone_name


def parse_every(every: str | None, until: str | None, count: int | None, zone_name: str) -> Recurrence | None:
    """A repeat from what a user writes: every "3d" or "2w", until a date ("2026-06-30", the whole day counts) or a
    date-time, or for `count` posts in all. None when nothing repeats."""
    if not every:
        if until or count:
            raise ScheduleError("A repeat needs its interval (such as every 1w) as well as an end.")
        return None
    m = re.fullmatch(r"(\d+)\s*([dw])", every.strip().lower())
    if not m or int(m.group(1)) < 1:
        raise ScheduleError(f"“{every}” is not a repeat interval; write 3d (every 3 days) or 2w (every 2 weeks).")
    end = None
    if until:
        end = parse_at(until, zone_name)[0] + (86400 - 1 if len(until.strip()) == 10 else 0)
    if count is not None and count < 1:
        raise ScheduleError("The number of posts in a repeat must be at least 1.")
    return Recurrence(int(m.group(1)), "days" if m.group(2) == "d" else "weeks", end, count)


def parse_slots(text: str, zone_name: str) -> list[Slot]:
    """"mon-fri 09:00,17:30", "sat 10:00", "daily 12:00", "weekdays 08:15" -> slots in `zone_name`."""
    zone(zone_name)
    parts = text.strip().lower().split()
    if len(parts) != 2 or not _DAYS.match(parts[0]):
        raise ScheduleError(f"“{text}” is not a time slot. Write days and times, such as “mon-fri 09:00,17:30”, "
                            "“sat 10:00” or “daily 12:00”.")
    days = _weekdays(parts[0], text)
    times = []
    for t in parts[1].split(","):
        m = _TIME.match(t)
        if not m:
            raise ScheduleError(f"“{t}” in “{text}” is not a time of day; write it as 09:00 or 17:30.")
        times.append(f"{int(m.group(1)):02d}:{m.group(2)}")
    return [Slot(d, t, zone_name) for d in days for t in times]


def _weekdays(spec: str, text: str) -> list[int]:
    if spec == "daily":
        return list(range(7))
    if spec == "weekdays":
        return list(range(5))
    if spec == "weekends":
        return [5, 6]
    days: list[int] = []
    for part in spec.split(","):
        ends = part.split("-")
        if any(e not in WEEKDAYS for e in ends):
            raise ScheduleError(f"“{part}” in “{text}” is not a day; use mon, tue, wed, thu, fri, sat, sun.")
        first, last = WEEKDAYS.index(ends[0]), WEEKDAYS.index(ends[-1])
        days += [d % 7 for d in range(first, last + 1 + (7 if last < first else 0))]
    return sorted(set(days))


def recurrences(first: float, zone_name: str, rule: Recurrence) -> list[float]:
    """The instants of a recurring post, the first included: the same wall-clock time every N days/weeks."""
    if rule.every < 1 or rule.unit not in ("days", "weeks"):
        raise ScheduleError("Repeat every 1 or more days or weeks.")
    if rule.until is None and rule.count is None:
        raise ScheduleError("Say when the repeating stops: until a date, or a number of posts.")
    if rule.count is not None and not 1 <= rule.count <= MAX_RECURRENCES:
        raise ScheduleError(f"A repeating post is posted 1 to {MAX_RECURRENCES} times.")
    tz = zone(zone_name)
    start = datetime.fromtimestamp(first, tz)
    step = timedelta(days=rule.every * (7 if rule.unit == "weeks" else 1))
    out: list[float] = []
    while len(out) < (rule.count or MAX_RECURRENCES + 1):
        day = start.date() + step * len(out)
        instant = wall_clock(day, f"{start.hour:02d}:{start.minute:02d}", tz).timestamp() + start.second
        if rule.until is not None and instant > rule.until:
            break
        out.append(instant)
    if len(out) > MAX_RECURRENCES:
        raise ScheduleError(f"That repeats more than {MAX_RECURRENCES} times; choose an earlier end or a count.")
    return out


def describe(instant: float, zone_name: str) -> str:
    """"Mon 30 Mar 2026 09:00 CEST (Europe/Berlin)"."""
    local = datetime.fromtimestamp(instant, zone(zone_name))
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()} ({zone_name})"


def iso_utc(instant: float) -> str:
    return datetime.fromtimestamp(instant, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
