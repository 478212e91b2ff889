"""The words and colours of the countdown: what ``db/`` computed, put into translated text.

Nothing here decides a date or a state; it only says what ``db.decrees.countdown`` returned, through
Qt's translation system (context "Countdown", written out in each call so that lupdate finds
it), and picks the colour that goes with each state. State is never shown by colour alone:
every colour comes with its words.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from db.clock import CHILE_TZ, WallTime, wall_time
from db.decrees.countdown import ChainStatus, Duration, MilestoneStatus, display_zones
from desktop.formatting import locale_for

# Background and text colour of each state's badge (text contrast ≥ 4.5:1 on its background).
STATE_COLOURS: dict[str, tuple[str, str]] = {
    "in_force": ("#1b7a3a", "#ffffff"),
    "warning": ("#f2b01e", "#1a1a1a"),
    "critical": ("#c62828", "#ffffff"),
    "expired": ("#5f6368", "#ffffff"),
    "upcoming": ("#1f5fae", "#ffffff"),
    "lapsed": ("#8e1b1b", "#ffffff"),
}


def state_key(status: ChainStatus) -> str:
    """``lapsed`` when between two links of a chain, else the state from ``db``."""
    return "lapsed" if status.lapsed else status.state


def state_words(status: ChainStatus) -> str:
    """The state in capitals, with the days left where they matter."""
    key = state_key(status)
    if key == "lapsed":
        return QCoreApplication.translate("Countdown", "LAPSED")
    if key == "upcoming":
        return QCoreApplication.translate("Countdown", "UPCOMING")
    if key == "expired":
        return QCoreApplication.translate("Countdown", "EXPIRED")
    if key == "in_force":
        return QCoreApplication.translate("Countdown", "IN FORCE")
    word = (
        QCoreApplication.translate("Countdown", "WARNING")
        if key == "warning"
        else QCoreApplication.translate("Countdown", "CRITICAL")
    )
    # The days until the emergency lapses, by db's one rounding rule (the "d" of "3 d 14 h").
    return QCoreApplication.translate("Countdown", "{state} — {left}").format(
        state=word, left=days_left_text(status.chain_days_left)
    )


def days_left_text(days: int) -> str:
    """Whole days left (``db.decrees.countdown.whole_days_left``): 0 is the last day."""
    if days <= 0:
        return QCoreApplication.translate("Countdown", "last day")
    if days == 1:
        return QCoreApplication.translate("Countdown", "1 day left")
    return QCoreApplication.translate("Countdown", "{days} days left").format(days=days)


def day_text(status: ChainStatus) -> str:
    """``Day 5 of 60``; short words while upcoming or expired (the big line stays one line)."""
    if status.state == "upcoming":
        return QCoreApplication.translate("Countdown", "Starts in")
    if status.state == "expired":
        return QCoreApplication.translate("Countdown", "Ended")
    return QCoreApplication.translate("Countdown", "Day {day} of {days}").format(
        day=status.day, days=status.days
    )


def chain_day_text(status: ChainStatus) -> str:
    """``day 61 of the state of emergency``: the emergency's running day across its links,
    beside the link's own day; empty while one decree is the whole chain or none is in force."""
    if not status.in_force or len(status.chain) < 2:
        return ""
    return QCoreApplication.translate("Countdown", "day {day} of the state of emergency").format(
        day=status.chain_day
    )


def milestone_outcome(m: MilestoneStatus) -> str:
    """``Outcome: Kast 58.17 %…``, once reported (the panel reads milestones as known then)."""
    if not m.milestone.outcome:
        return ""
    return QCoreApplication.translate("Countdown", "Outcome: {outcome}").format(
        outcome=m.milestone.outcome
    )


def duration_text(left: Duration) -> str:
    """``52 d 07 h 12 m 09 s``: fixed width, so the ticking digits do not jump."""
    return QCoreApplication.translate(
        "Countdown", "{days} d {hours} h {minutes} m {seconds} s"
    ).format(
        days=left.days,
        hours=f"{left.hours:02d}",
        minutes=f"{left.minutes:02d}",
        seconds=f"{left.seconds:02d}",
    )


def left_caption(status: ChainStatus) -> str:
    if status.state == "upcoming":
        return QCoreApplication.translate("Countdown", "until it comes into force")
    if status.state == "expired":
        return QCoreApplication.translate("Countdown", "the chain has ended")
    return QCoreApplication.translate("Countdown", "left")


def zone_label(tz: str) -> str:
    if tz == "America/Lima":
        return QCoreApplication.translate("Countdown", "Lima")
    if tz == CHILE_TZ:
        return QCoreApplication.translate("Countdown", "Chile")
    if tz == "UTC":
        return "UTC"
    return tz.rsplit("/", 1)[-1].replace("_", " ")


def date_text(day: date, lang: str) -> str:
    """A day as ``28 Jan 2026`` in the interface language."""
    return locale(lang).toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def wall_text(wall: WallTime, lang: str, *, with_date: bool = True) -> str:
    """``28 Jan 2026 02:00 Chile (UTC−3)``."""
    when = f"{date_text(wall.local.date(), lang)} {wall.time_text}" if with_date else wall.time_text
    return QCoreApplication.translate("Countdown", "{when} {zone} ({offset})").format(
        when=when, zone=zone_label(wall.tz), offset=wall.offset
    )


def moments_text(instant: datetime, tz: str, lang: str) -> str:
    """One instant on the post's clock and on Chile's: ``28 Jan 2026 00:00 Lima (UTC−5) ·
    02:00 Chile (UTC−3)`` (Chile's date repeated only when it differs)."""
    walls = [wall_time(instant, zone) for zone in display_zones(tz)]
    parts = [wall_text(walls[0], lang)]
    parts += [
        wall_text(w, lang, with_date=w.local.date() != walls[0].local.date()) for w in walls[1:]
    ]
    return " · ".join(parts)


def ends_text(status: ChainStatus, lang: str) -> str:
    """When the current link lapses (or starts, while upcoming), in Lima and in Chile time."""
    if status.state == "upcoming":
        verb, instant = QCoreApplication.translate("Countdown", "Starts"), status.starts_at
    elif status.state == "expired":
        verb, instant = QCoreApplication.translate("Countdown", "Ended"), status.ends_at
    else:
        verb, instant = QCoreApplication.translate("Countdown", "Ends"), status.ends_at
    return f"{verb} {moments_text(instant, status.decree.tz, lang)}"


def last_day_text(status: ChainStatus, lang: str) -> str:
    return QCoreApplication.translate("Countdown", "last day in force {day}").format(
        day=date_text(status.ends_on, lang)
    )


def milestone_badge(m: MilestoneStatus) -> str:
    """``D-11``, or TODAY on the day of an all-day milestone."""
    if m.today or (m.days_left == 0 and m.remaining_seconds == 0):
        return QCoreApplication.translate("Countdown", "TODAY")
    return QCoreApplication.translate("Countdown", "D-{days}").format(days=m.days_left)


def milestone_when(m: MilestoneStatus, lang: str) -> str:
    """Its day (all-day) or instant, in the zone it was announced in."""
    wall = wall_time(m.milestone.at, m.milestone.tz)  # type: ignore[arg-type]
    if m.milestone.all_day:
        return QCoreApplication.translate("Countdown", "{day} ({zone})").format(
            day=date_text(m.date, lang), zone=zone_label(m.milestone.tz)
        )
    return wall_text(wall, lang)


def locale(lang: str) -> QLocale:
    return locale_for(lang)
