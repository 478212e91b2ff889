"""The one place for time: UTC storage, post-zone display and the exercise clock.

Every datetime handled here is timezone-aware; a naive one is refused, because a count typed
at the post and one imported from Chile must never be an hour apart by accident.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from db.errors import Problem

POST_TZ_DEFAULT = "America/Lima"
CHILE_TZ = "America/Santiago"
MIN_YEAR, MAX_YEAR = 1900, 2199  # a time outside these is a typing or file error, not a record


def utc_now() -> datetime:
    return datetime.now(UTC)


def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; a clear error if it does not exist."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: "America", a folder
        raise ValueError(f"unknown time zone {name!r}") from exc


def to_iso(dt: datetime) -> str:
    """UTC ISO-8601 with a ``Z``, to the second: the only form times are stored in."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("naive datetime: a time zone is required")
    # isoformat, not strftime: strftime imports a module on every call, which costs a lot
    # once PySide6 has wrapped the import machinery (every write and import formats times).
    return dt.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def to_iso_precise(dt: datetime) -> str:
    """UTC ISO-8601 to the microsecond: for ``entered_at``, where order within a second matters."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("naive datetime: a time zone is required")
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_instant(text: str | datetime, field_name: str = "time") -> datetime:
    """An aware UTC datetime from a stored or typed ISO instant; refuses naive input."""
    if isinstance(text, datetime):
        if text.tzinfo is None or text.utcoffset() is None:
            raise InstantError(Problem(field_name, "naive_time", {"value": repr(text.isoformat())}))
        return _as_utc(text, field_name)
    s = str(text).strip()
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InstantError(Problem(field_name, "bad_time", {"value": repr(s[:40])})) from None
    if dt.tzinfo is None:
        raise InstantError(Problem(field_name, "naive_time", {"value": repr(s)}))
    return _as_utc(dt, field_name)


def check_years(value: date, field_name: str = "time") -> None:
    """Refuse a day or instant outside MIN_YEAR..MAX_YEAR: arithmetic near year 1 or 9999 (a
    period's start, a zone's offset) would fall off the calendar, and no record is dated there."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InstantError(Problem(field_name, "out_of_range", {"low": MIN_YEAR, "high": MAX_YEAR}))


def _as_utc(dt: datetime, field_name: str) -> datetime:
    try:
        return dt.astimezone(UTC)
    except OverflowError:  # e.g. 0001-01-01T00:00+05:00 falls before year 1 in UTC
        # Beyond the calendar is far outside the years a record may have: say which those are.
        raise InstantError(
            Problem(field_name, "out_of_range", {"low": MIN_YEAR, "high": MAX_YEAR})
        ) from None


def parse_local(text: str, tz: str, field_name: str = "time") -> datetime:
    """An ISO time that may lack an offset; without one it is read in zone ``tz`` by the
    wall-time rule (``local_instant``): a time the zone skips or repeats is refused."""
    dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if dt.tzinfo is None:
        return local_instant(dt, tz, field_name)
    return dt.astimezone(UTC)


def ambiguous_offsets(wall: datetime, tz: str) -> tuple[timedelta, timedelta] | None:
    """The two UTC offsets of a wall time the clocks of ``tz`` show twice (the hour repeated
    when daylight saving ends), earlier first; None when the wall time happens once (or never).
    """
    z = zone(tz)
    first = wall.replace(tzinfo=z, fold=0)
    second = wall.replace(tzinfo=z, fold=1)
    a, b = first.utcoffset(), second.utcoffset()
    if a is None or b is None or a == b or not _exists(first):
        return None
    return a, b


def _exists(local: datetime) -> bool:
    """Whether the clocks ever show ``local``'s wall time: one in the hour skipped when daylight
    saving starts comes back as another time after a trip through UTC."""
    back = local.astimezone(UTC).astimezone(local.tzinfo)
    return back.replace(tzinfo=None, fold=0) == local.replace(tzinfo=None, fold=0)


def local_instant(
    wall: datetime, tz: str, field_name: str = "time", *, offset: timedelta | None = None
) -> datetime:
    """The UTC instant of a wall-clock time typed in zone ``tz``: the one rule for every time
    typed or read without an offset (forms, CSV cells, the exercise clock).

    A wall time the clocks skip (daylight saving starts: America/Santiago goes from 23:59:59
    to 01:00) is refused. One they show twice (it ends: 23:00–23:59 happens at −3 and again at
    −4) is refused too unless ``offset`` says which of the two was meant: guessing would put a
    record an hour off without a word.
    """
    if wall.tzinfo is not None:
        raise ValueError("local_instant takes a wall time (no tzinfo)")
    check_years(wall, field_name)
    z = zone(tz)
    local = wall.replace(tzinfo=z, fold=0)
    value = repr(wall.isoformat(sep=" ", timespec="minutes" if not wall.second else "seconds"))
    if not _exists(local):
        raise InstantError(Problem(field_name, "nonexistent_time", {"value": value, "zone": tz}))
    pair = ambiguous_offsets(wall, tz)
    if pair is None:
        return _as_utc(local, field_name)
    if offset not in pair:
        raise InstantError(
            Problem(
                field_name,
                "ambiguous_time",
                {
                    "value": value,
                    "zone": tz,
                    "first": utc_offset_text(pair[0]),
                    "second": utc_offset_text(pair[1]),
                },
            )
        )
    return _as_utc(wall.replace(tzinfo=z, fold=pair.index(offset)), field_name)


def local_midnight(day: date, tz: str) -> datetime:
    """The UTC instant at which ``day`` begins in zone ``tz``."""
    return datetime(day.year, day.month, day.day, tzinfo=zone(tz)).astimezone(UTC)


def local_date(instant: datetime, tz: str) -> date:
    return instant.astimezone(zone(tz)).date()


def utc_offset_text(offset: timedelta) -> str:
    """``UTC−3``, ``UTC+5:30``: the offset as a person reads it (true minus sign)."""
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


class WallTime(NamedTuple):
    """An instant as the clocks of one zone show it (what "the end in Chile time" means).

    ``text`` is language-neutral (ISO date, 24-hour time, UTC offset) so the desktop and the
    briefing can put it after a translated word such as "Ends".
    """

    tz: str
    local: datetime  # aware, in ``tz``
    offset: str  # "UTC−3"

    @property
    def date_text(self) -> str:
        return self.local.strftime("%Y-%m-%d")

    @property
    def time_text(self) -> str:
        return self.local.strftime("%H:%M")

    @property
    def text(self) -> str:
        return f"{self.date_text} {self.time_text} ({self.offset})"

    def iso(self) -> str:
        """ISO-8601 with the zone's offset at that instant, e.g. ``2026-01-28T02:00:00-03:00``."""
        return self.local.replace(microsecond=0).isoformat()


def wall_time(instant: datetime, tz: str) -> WallTime:
    """``instant`` on the wall clocks of zone ``tz`` (DST included, via zoneinfo)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("naive datetime: a time zone is required")
    local = instant.astimezone(zone(tz))
    offset = local.utcoffset()
    assert offset is not None
    return WallTime(tz, local, utc_offset_text(offset))


class InstantError(ValueError):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(f"{problem.field}: {problem.message}")


@dataclass
class Clock:
    """What time it is for the app: live, or an exercise clock.

    An exercise clock starts at ``anchor`` and runs on in real time unless ``frozen``; it is
    stored in the exercise database so the exercise reopens where it was set.
    """

    anchor: datetime | None = None
    frozen: bool = False
    _started: float = field(default_factory=time.monotonic)

    @property
    def live(self) -> bool:
        return self.anchor is None

    def now(self) -> datetime:
        if self.anchor is None:
            return utc_now()
        if self.frozen:
            return self.anchor
        return self.anchor + timedelta(seconds=time.monotonic() - self._started)

    def set(self, instant: datetime | None) -> None:
        """Move the clock to ``instant`` (None returns to live time)."""
        if instant is not None and (instant.tzinfo is None or instant.utcoffset() is None):
            raise ValueError("naive datetime: a time zone is required")
        self.anchor = None if instant is None else instant.astimezone(UTC)
        self._started = time.monotonic()

    def step(self, delta: timedelta) -> None:
        self.set(self.now() + delta)
