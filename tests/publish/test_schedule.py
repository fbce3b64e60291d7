"""Time for the queue: slots keep their wall-clock time across daylight-saving changes, the skipped and the
repeated hour, ISO 8601 input, recurrences and the next free slot."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from studio.publish.schedule import (
    Recurrence,
    ScheduleError,
    Slot,
    describe,
    next_free_slot,
    parse_at,
    parse_slots,
    recurrences,
    slot_instants,
)

BERLIN, NEW_YORK = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")


def ts(zone: ZoneInfo, *args) -> float:
    return datetime(*args, tzinfo=zone).timestamp()


def local(instant: float, zone: ZoneInfo) -> str:
    return datetime.fromtimestamp(instant, zone).strftime("%a %Y-%m-%d %H:%M %Z")


@pytest.mark.parametrize(("zone", "monday", "friday"), [  # the working weeks before and after a change
    ("Europe/Berlin", (2026, 3, 23), (2026, 4, 3)),  # clocks go forward on Sunday 29 March 2026
    ("America/New_York", (2026, 3, 2), (2026, 3, 13)),  # ... on Sunday 8 March 2026
    ("Europe/Berlin", (2026, 10, 19), (2026, 10, 30)),  # back on Sunday 25 October 2026
    ("America/New_York", (2026, 10, 26), (2026, 11, 6)),  # back on Sunday 1 November 2026
])
def test_a_nine_oclock_slot_stays_nine_oclock_across_the_change(zone, monday, friday):
    tz = ZoneInfo(zone)
    slots = parse_slots("mon-fri 09:00", zone)
    instants = list(slot_instants(slots, ts(tz, *monday), ts(tz, *friday, 23)))
    assert len(instants) == 10
    assert {datetime.fromtimestamp(i, tz).strftime("%H:%M") for i in instants} == {"09:00"}
    offsets = {datetime.fromtimestamp(i, tz).utcoffset() for i in instants}
    assert len(offsets) == 2  # the same wall clock is a different UTC instant after the change


def test_a_slot_in_the_skipped_hour_happens_when_the_clocks_jump():
    for tz, day in ((BERLIN, (2026, 3, 29)), (NEW_YORK, (2026, 3, 8))):
        slots = [Slot(6, "02:30", tz.key)]  # Sunday 02:30 does not exist that day
        found = list(slot_instants(slots, ts(tz, *day), ts(tz, *day, 23)))
        assert [local(i, tz).split(" ", 2)[2] for i in found] == [f"03:30 {'CEST' if tz is BERLIN else 'EDT'}"]


def test_a_slot_in_the_repeated_hour_happens_once_the_first_time():
    for tz, day, zone_name in ((BERLIN, (2026, 10, 25), "CEST"), (NEW_YORK, (2026, 11, 1), "EDT")):
        found = list(slot_instants([Slot(6, "01:30" if tz is NEW_YORK else "02:30", tz.key)], ts(tz, *day),
                                   ts(tz, *day, 23)))
        assert len(found) == 1 and local(found[0], tz).endswith(zone_name)  # before the clocks go back


def test_schedule_at_iso_8601_in_a_zone():
    assert parse_at("2026-03-30T09:00", "Europe/Berlin") == (ts(BERLIN, 2026, 3, 30, 9), "Europe/Berlin")
    assert parse_at("2026-03-30T09:00+02:00", "UTC")[0] == ts(BERLIN, 2026, 3, 30, 9)
    assert parse_at("2026-03-30T07:00Z", "Europe/Berlin")[0] == ts(BERLIN, 2026, 3, 30, 9)
    assert parse_at("2026-03-30T09:00[America/New_York]", "Europe/Berlin") == \
        (ts(NEW_YORK, 2026, 3, 30, 9), "America/New_York")
    # the same wall clock before and after the change is 23 hours apart across the spring-forward night
    saturday, sunday = (parse_at(f"2026-03-{d}T09:00", "Europe/Berlin")[0] for d in (28, 29))
    assert sunday - saturday == 23 * 3600


def test_a_time_that_does_not_exist_or_a_bad_zone_is_refused_with_the_reason():
    with pytest.raises(ScheduleError, match="does not exist in Europe/Berlin"):
        parse_at("2026-03-29T02:30", "Europe/Berlin")
    with pytest.raises(ScheduleError, match="not a time zone"):
        parse_at("2026-03-29T09:00", "Mars/Olympus")
    with pytest.raises(ScheduleError, match="not a date and time"):
        parse_at("next tuesday", "UTC")
    # the repeated hour is not refused: the first of the two
    first = parse_at("2026-10-25T02:30", "Europe/Berlin")[0]
    assert local(first, BERLIN).endswith("CEST")


def test_slot_specifications():
    assert [(s.weekday, s.time) for s in parse_slots("mon-fri 09:00,17:30", "UTC")][:3] == \
        [(0, "09:00"), (0, "17:30"), (1, "09:00")]
    assert [s.weekday for s in parse_slots("fri-mon 9:05", "UTC")] == [0, 4, 5, 6]
    assert len(parse_slots("daily 12:00", "UTC")) == 7 and len(parse_slots("weekends 10:00", "UTC")) == 2
    for bad in ("funday 09:00", "mon 25:00", "mon", "mon 09:00 extra"):
        with pytest.raises(ScheduleError):
            parse_slots(bad, "UTC")


def test_the_next_free_slot_skips_taken_ones_in_the_slots_zone():
    slots = parse_slots("mon,wed 09:00", "Europe/Berlin")
    monday = ts(BERLIN, 2026, 3, 23, 9)
    after = ts(BERLIN, 2026, 3, 22, 12)
    assert next_free_slot(slots, [], after) == monday
    wednesday = ts(BERLIN, 2026, 3, 25, 9)
    assert next_free_slot(slots, [monday + 20], after) == wednesday  # within a minute counts as taken
    assert next_free_slot(slots, [monday, wednesday], after) == ts(BERLIN, 2026, 3, 30, 9)  # after the change
    assert next_free_slot([], [], after) is None


def test_recurrences_keep_the_wall_clock_and_stop_when_told():
    first = ts(BERLIN, 2026, 3, 22, 9)
    weekly = recurrences(first, "Europe/Berlin", Recurrence(1, "weeks", count=3))
    assert [local(i, BERLIN) for i in weekly] == ["Sun 2026-03-22 09:00 CET", "Sun 2026-03-29 09:00 CEST",
                                                  "Sun 2026-04-05 09:00 CEST"]
    until = recurrences(first, "Europe/Berlin", Recurrence(3, "days", until=ts(BERLIN, 2026, 3, 31, 9)))
    assert len(until) == 4
    with pytest.raises(ScheduleError, match="stops"):
        recurrences(first, "Europe/Berlin", Recurrence(1, "days"))
    with pytest.raises(ScheduleError, match="more than 500"):
        recurrences(first, "Europe/Berlin", Recurrence(1, "days", until=first + 3 * 365 * 86400))


def test_describe_names_the_zone_and_its_abbreviation():
    assert describe(ts(BERLIN, 2026, 3, 30, 9), "Europe/Berlin") == "Mon 30 Mar 2026 09:00 CEST (Europe/Berlin)"
