"""The post's own settings, kept in the database (meta) so every station on it agrees.

The post's time zone decides what "today" is and how every time is shown; the countdown's
thresholds decide when a decree turns amber and red (on screen and in the briefing). They live
in the store, not in one user's settings, and are changed only through ``set_post_settings``,
which checks them all before writing any.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.clock import zone
from db.decrees.countdown import Thresholds, load_thresholds, threshold_settings
from db.errors import InvalidRecord, Problem
from db.store.store import Store

MAX_THRESHOLD_DAYS = 365


@dataclass(frozen=True)
class PostSettings:
    timezone: str
    warn_days: float
    critical_days: float


def post_settings(store: Store) -> PostSettings:
    thresholds = load_thresholds(store.meta)
    return PostSettings(store.timezone, thresholds.warn_days, thresholds.critical_days)


def set_post_settings(
    store: Store,
    *,
    timezone: str | None = None,
    warn_days: float | None = None,
    critical_days: float | None = None,
) -> PostSettings:
    """Change any of the post's settings; every value is checked first, nothing half-written.

    Raises ``InvalidRecord`` (fields ``timezone``, ``warn_days``, ``critical_days``).
    """
    current = post_settings(store)
    tz = current.timezone if timezone is None else str(timezone).strip()
    warn = current.warn_days if warn_days is None else warn_days
    critical = current.critical_days if critical_days is None else critical_days
    problems: list[Problem] = []
    try:
        zone(tz)
    except ValueError:
        problems.append(Problem("timezone", "unknown_zone", {"value": repr(tz)}))
    for field, value in (("warn_days", warn), ("critical_days", critical)):
        if not 0 <= value <= MAX_THRESHOLD_DAYS:
            problems.append(
                Problem(
                    field,
                    "days_out_of_range",
                    {"low": 0, "high": MAX_THRESHOLD_DAYS, "value": value},
                )
            )
    if not problems and critical > warn:
        problems.append(
            Problem("critical_days", "critical_after_warning", {"critical": critical, "warn": warn})
        )
    if problems:
        raise InvalidRecord(problems)
    values = threshold_settings(Thresholds(warn, critical))
    store.set_meta(timezone=tz, **values)
    return post_settings(store)
