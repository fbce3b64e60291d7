"""How the queue reads to the user: state names and colours, times in the creator's zone and the item's own, and
what to do about a target in each state. Shared by the queue list, its details, the calendar and the notifications.

Times: instants are UTC (DESIGN.md §9); the creator sees them on their computer's wall clock, and the item's zone
beside it when that zone's wall clock differs. Day and month names follow the language of the interface (the
locale name is itself a translated string, so the German interface writes German dates on any system).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from studio.publish.accounts import NETWORK_NAMES
from studio.publish.schedule import local_zone_name, zone
from studio.store.queue_store import ItemRow, TargetRow

# pill colours: white text on each is readable, and each stands out on a light and a dark window
STATE_COLORS = {
    "scheduled": "#2f6fd6", "sending": "#7b4fd0", "posted": "#23884a", "failed": "#c93c3c",
    "needs_reauth": "#b85f0e", "outcome_unknown": "#8f6d00", "held": "#0f7f86", "cancelled": "#6f747c",
}
CHANGED_COLOR = "#c76a12"  # "the design changed since queueing"
STATE_ORDER = ("scheduled", "sending", "posted", "failed", "needs_reauth", "outcome_unknown", "held", "cancelled")
SETTLED = ("posted", "failed", "needs_reauth", "outcome_unknown", "cancelled", "held")  # the runner is done with it


translate = QCoreApplication.translate  # translate("Queue", "...") with literal text, so the tools find it


def state_label(state: str) -> str:
    names = {
        "scheduled": translate("Queue", "Scheduled"),
        "sending": translate("Queue", "Sending"),
        "posted": translate("Queue", "Posted"),
        "failed": translate("Queue", "Failed"),
        "needs_reauth": translate("Queue", "Needs re-authorisation"),
        "outcome_unknown": translate("Queue", "Outcome unknown"),
        "held": translate("Queue", "Waiting for confirmation"),
        "cancelled": translate("Queue", "Cancelled"),
    }
    return names.get(state, state)


def network_name(network: str) -> str:
    return NETWORK_NAMES.get(network, network.title())


def account_short(account_id: str) -> str:
    """ "bluesky-band.test" -> "band.test" (the id is the network and the handle)."""
    network, _, rest = account_id.partition("-")
    return rest if network in NETWORK_NAMES and rest else account_id


@lru_cache(maxsize=1)
def local_zone() -> str:
    return local_zone_name()


def ui_locale() -> QLocale:
    return QLocale(translate("Queue", "en_GB"))  # the German translation is "de_DE": dates in the interface's language


def wall(instant: float, zone_name: str) -> datetime:
    return datetime.fromtimestamp(instant, zone(zone_name))


def qdatetime(local: datetime) -> QDateTime:
    """A wall-clock time as a QDateTime without a zone (only for formatting)."""
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))


def format_time(instant: float, zone_name: str, *, with_year: bool = False, with_zone: bool = False) -> str:
    local = wall(instant, zone_name)
    pattern = translate("Queue", "ddd d MMM yyyy, HH:mm") if with_year else translate("Queue", "ddd d MMM, HH:mm")
    text = ui_locale().toString(qdatetime(local), pattern)
    if with_zone:
        text += f" {local.tzname()}"
    return text


def other_zone_text(instant: float, zone_name: str, local_name: str | None = None) -> str:
    """The item's own wall clock when it differs from the creator's ("15:00 America/New_York"), else ""."""
    local_name = local_name or local_zone()
    if not zone_name or zone_name == local_name:
        return ""
    here, there = wall(instant, local_name), wall(instant, zone_name)
    if here.replace(tzinfo=None) == there.replace(tzinfo=None):
        return ""
    day = "" if here.date() == there.date() else ui_locale().toString(qdatetime(there), "ddd ")
    return f"{day}{there:%H:%M} {zone_name}"


def next_time(t: TargetRow) -> float:
    return t.when


def target_line(t: TargetRow) -> str:
    """One line for a list cell and the plain-text views: "band.test · Posted"."""
    return f"{account_short(t.account_id)} · {state_label(t.state)}"


def advice(t: TargetRow, item: ItemRow) -> str:
    """What the user should know or do about this target, in plain words (the network's own text is in
    `t.message`, shown beside this)."""
    net = network_name(t.network)
    if t.state == "scheduled":
        if t.attempts and t.message:
            return translate("Queue", "It will be tried again %s.") % format_time(t.when, local_zone())
        return translate("Queue", "It goes out %s.") % format_time(t.when, local_zone(), with_year=True)
    if t.state == "sending":
        return translate("Queue", "It is being sent right now.")
    if t.state == "posted":
        return translate("Queue", "It is on %s.") % net
    if t.state == "failed":
        return translate("Queue", "%s refused it or could not be reached. Fix what it says (open the post, change "
                                  "it and queue it again), or retry it if the problem has passed.") % net
    if t.state == "needs_reauth":
        return translate("Queue", "%s no longer accepts the sign-in. Reconnect the account in Accounts…; the post "
                                  "goes out once it is connected again.") % net
    if t.state == "outcome_unknown":
        return translate("Queue", "The post may have reached %s, but no answer came and the network cannot be "
                                  "asked. Look at the account: if the post is there, cancel this one; if it is not, "
                                  "send it again.") % net
    if t.state == "held":
        return translate("Queue", "It was due while Content Studio was not publishing. Confirm to post it now, or "
                                  "reschedule or cancel it.")
    if t.state == "cancelled":
        return translate("Queue", "It will not be sent. Retry to queue it again.")
    return ""


def item_state(item: ItemRow) -> str:
    """The state that best sums the item up (the most urgent of its targets)."""
    urgency = ("needs_reauth", "failed", "outcome_unknown", "held", "sending", "scheduled", "posted", "cancelled")
    states = {t.state for t in item.targets}
    return next((s for s in urgency if s in states), "scheduled")
