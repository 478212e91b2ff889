"""Checks on a record's values before anything is written.

Each ``clean_*`` takes the values an operator or a file gave (column names as keys), returns
the row to store (normalised: UTC ISO times, plain dates, ints) or raises ``InvalidRecord`` with
every problem found, not just the first, so a form can mark all bad fields at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from db.clock import MAX_YEAR, MIN_YEAR, InstantError, parse_instant, to_iso, zone
from db.decrees.countdown import chain_of
from db.errors import InvalidRecord, Problem
from db.names import name_problem, normalise_name
from db.problems import Param
from db.store.records import Decree
from db.vocab import (
    CATEGORIES,
    COUNTRIES,
    DIRECTIONS,
    EVENT_KINDS,
    MILESTONE_KINDS,
    SEVERITIES,
    SITE_KINDS,
    Term,
)

MAX_TEXT = 2000
MAX_COUNT = 10_000_000
MAX_DECREE_DAYS = 365
YES_WORDS = frozenset({"1", "true", "t", "yes", "y", "sí", "si", "s", "x"})
NO_WORDS = frozenset({"", "0", "false", "f", "no", "n"})


def _shown(raw: Any) -> str:
    """A value as a message may quote it: its repr, cut short."""
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_text(value: str) -> bool:
    # A lone surrogate (say, from a file decoded with surrogateescape) cannot be stored.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Checker:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.problems: list[Problem] = []
        self.row: dict[str, Any] = {}

    def fail(self, field: str, code: str, **params: Param) -> None:
        self.problems.append(Problem(field, code, params))

    def text(
        self, field: str, *, required: bool = False, default: str = "", empty: Any = ""
    ) -> None:
        raw = self.values.get(field, default)
        value = "" if raw is None else str(raw).strip()
        if not _is_text(value):
            self.fail(field, "bad_text")
            return
        if required and not value:
            self.fail(field, "required")
        elif len(value) > MAX_TEXT:
            self.fail(field, "too_long", limit=MAX_TEXT)
        self.row[field] = value or empty

    def name(self, field: str) -> None:
        """A name people compare and sync (``db.names``): normalised, then the one name rule
        (within ``MAX_TEXT``, the length a record's name has always been allowed)."""
        raw = self.values.get(field)
        value = "" if raw is None else str(raw)
        problem = name_problem(value, field, max_len=MAX_TEXT)
        if problem is not None:
            self.problems.append(problem)
            return
        self.row[field] = normalise_name(value)

    def term(self, field: str, vocab: dict[str, Term], default: str | None = None) -> None:
        raw = self.values.get(field, default)
        if isinstance(raw, str) and raw in vocab:
            self.row[field] = raw
        else:
            self.fail(field, "unknown_code", value=_shown(raw), allowed=", ".join(vocab))

    def integer(
        self, field: str, *, required: bool = False, low: int = 0, high: int = MAX_COUNT
    ) -> None:
        raw = self.values.get(field)
        if raw is None or raw == "":
            if required:
                self.fail(field, "required")
            self.row[field] = None
            return
        try:
            value = int(raw) if not isinstance(raw, bool) else None
        except (TypeError, ValueError, OverflowError):
            value = None
        # int() truncates 2.5, Fraction(1, 3) and Decimal("7.9"): only whole values pass.
        if value is None or (not isinstance(raw, int | str) and value != raw):
            self.fail(field, "not_integer", value=_shown(raw))
            return
        if value < low:
            code = "negative" if low == 0 else "too_small"
            self.fail(field, code, low=low, value=value)
        elif value > high:
            self.fail(field, "too_large", high=high, value=value)
        self.row[field] = value

    def coordinate(self, field: str, limit: float, *, required: bool) -> None:
        raw = self.values.get(field)
        if raw is None or raw == "":
            if required:
                self.fail(field, "required")
            self.row[field] = None
            return
        try:
            value = float(raw) if not isinstance(raw, bool | bytes) else None
        except (TypeError, ValueError, OverflowError):
            value = None
        if value is None:
            self.fail(field, "not_number", value=_shown(raw))
            return
        if not math.isfinite(value) or abs(value) > limit:
            self.fail(field, "out_of_range", low=-limit, high=limit)
            return
        self.row[field] = round(value, 7)

    def instant(self, field: str, *, required: bool = True) -> datetime | None:
        raw = self.values.get(field)
        if raw is None or raw == "":
            if required:
                self.fail(field, "required")
            self.row[field] = None
            return None
        try:
            dt = parse_instant(raw, field)
        except InstantError as exc:
            self.problems.append(exc.problem)
            return None
        if not MIN_YEAR <= dt.year <= MAX_YEAR:
            self.fail(field, "out_of_range", low=MIN_YEAR, high=MAX_YEAR)
            return None
        self.row[field] = to_iso(dt)
        return dt

    def day(self, field: str, *, required: bool) -> date | None:
        raw = self.values.get(field)
        if raw is None or raw == "":
            if required:
                self.fail(field, "required")
            self.row[field] = None
            return None
        if isinstance(raw, datetime):
            self.fail(field, "date_not_time")
            return None
        try:
            value = raw if isinstance(raw, date) else date.fromisoformat(str(raw).strip())
        except ValueError:
            self.fail(field, "not_date", value=_shown(raw))
            return None
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            self.fail(field, "out_of_range", low=MIN_YEAR, high=MAX_YEAR)
            return None
        self.row[field] = value.isoformat()
        return value

    def flag(self, field: str) -> None:
        raw = self.values.get(field)
        if isinstance(raw, str):
            word = raw.strip().lower()
            value = 1 if word in YES_WORDS else 0 if word in NO_WORDS else None
        elif raw is None or isinstance(raw, bool) or (isinstance(raw, int) and raw in (0, 1)):
            value = 1 if raw else 0
        else:
            value = None
        if value is None:
            # "no" and "false" are truthy strings: guessing would flag what the file denies.
            self.fail(field, "not_flag", value=_shown(raw))
            return
        self.row[field] = value

    def timezone(self, field: str, default: str) -> None:
        name = self.values.get(field) or default
        if not isinstance(name, str):
            self.fail(field, "unknown_zone", value=_shown(name))
            return
        try:
            zone(name)
        except ValueError:
            self.fail(field, "unknown_zone", value=_shown(name))
            return
        self.row[field] = name

    def done(self, where: str = "") -> dict[str, Any]:
        # A field refused above is known, just wrong: don't call it unknown as well.
        unknown = set(self.values) - set(self.row) - {p.field for p in self.problems}
        for name in sorted(unknown):
            self.fail(name, "unknown_field")
        if self.problems:
            raise InvalidRecord(self.problems, where)
        return self.row


def clean_site(values: dict[str, Any]) -> dict[str, Any]:
    c = _Checker(values)
    c.name("name")
    c.term("kind", SITE_KINDS, "other")
    country = str(values.get("country") or "PE").upper()
    if country not in COUNTRIES:
        c.fail("country", "unknown_code", value=_shown(country), allowed=", ".join(COUNTRIES))
    c.row["country"] = country
    c.coordinate("lat", 90, required=True)
    c.coordinate("lon", 180, required=True)
    c.flag("approximate")
    c.text("source")
    c.text("note")
    return c.done()


def clean_observation(values: dict[str, Any]) -> dict[str, Any]:
    c = _Checker(values)
    c.text("site_id", required=True)
    c.term("category", CATEGORIES)
    c.term("direction", DIRECTIONS, "none")
    start = c.instant("period_start")
    stock = "category" in c.row and CATEGORIES[c.row["category"]].stock
    if stock and not values.get("period_end"):
        values = {**values, "period_end": values.get("period_start")}
        c.values = values
    end = c.instant("period_end")
    if start and end:
        if end < start:
            c.fail("period_end", "end_before_start")
        elif stock and end != start:
            c.fail("period_end", "stock_period")
        elif not stock and end == start:
            c.fail("period_end", "empty_period")
    c.integer("count", required=True)
    for part in ("adults", "children", "unaccompanied"):
        c.integer(part)
    total = c.row.get("count")
    # Breakdowns are compared with a valid count only: a negative count is one problem, not three.
    if isinstance(total, int) and not any(p.field == "count" for p in c.problems):
        adults, children = c.row.get("adults") or 0, c.row.get("children") or 0
        if adults + children > total:
            c.fail("children", "breakdown_exceeds", parts=adults + children, total=total)
        unacc = c.row.get("unaccompanied") or 0
        stated_children = c.row.get("children")
        if unacc > (stated_children if stated_children is not None else total):
            c.fail("unaccompanied", "unaccompanied_exceeds")
    c.text("nationality")
    c.text("source")
    c.text("note")
    c.flag("illustrative")
    return c.done()


def clean_event(values: dict[str, Any]) -> dict[str, Any]:
    c = _Checker(values)
    c.term("kind", EVENT_KINDS, "other")
    c.text("title", required=True)
    c.instant("occurred_at")
    c.coordinate("lat", 90, required=False)
    c.coordinate("lon", 180, required=False)
    if (c.row.get("lat") is None) != (c.row.get("lon") is None) and not c.problems:
        c.fail("lon" if c.row.get("lon") is None else "lat", "half_position")
    c.integer("people")
    c.term("severity", SEVERITIES, "info")
    c.flag("closed")
    c.text("source")
    c.text("note")
    c.flag("illustrative")
    return c.done()


def clean_decree(values: dict[str, Any]) -> dict[str, Any]:
    c = _Checker(values)
    c.text("number", required=True)
    c.text("title")
    c.text("authority")
    c.text("zone")
    published = c.day("published_on", required=False)
    starts = c.day("starts_on", required=True)
    c.integer("days", required=True, low=1, high=MAX_DECREE_DAYS)
    c.text("extends", empty=None)
    c.timezone("tz", "America/Lima")
    c.text("source")
    if published and starts and starts < published:
        c.fail("starts_on", "before_publication")
    return c.done()


def clean_milestone(values: dict[str, Any]) -> dict[str, Any]:
    c = _Checker(values)
    c.text("title", required=True)
    c.term("kind", MILESTONE_KINDS, "other")
    c.instant("at")
    c.timezone("tz", "America/Lima")
    c.flag("all_day")
    c.text("source")
    c.text("note")
    c.text("outcome")
    c.text("outcome_source")
    return c.done()


# Declared, not inferred: a dict of these functions would not pass as the cleaners a store takes.
CLEANERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "sites": clean_site,
    "observations": clean_observation,
    "events": clean_event,
    "decrees": clean_decree,
    "milestones": clean_milestone,
}


NEW_DECREE_ID = "(new decree)"


def decree_chain_problems(
    current: list[Decree], row: dict[str, Any], *, replaces: str | None = None
) -> list[Problem]:
    """Rules a decree must keep with the chain it joins (after ``clean_decree`` passed).

    ``current`` are the current decrees (``extends`` resolved to current ids); ``replaces`` is
    the id a correction supersedes. Checked: a decree cannot extend itself or one of its own
    extensions, its number is unique within its chain, and an extension starts after the decree
    it extends (and before any extension of its own).
    """
    problems: list[Problem] = []
    me = replaces or NEW_DECREE_ID
    extends = row.get("extends")
    candidate = Decree(
        id=me,
        entered_at=datetime.min.replace(tzinfo=UTC),
        entered_by="",
        station="",
        supersedes=replaces,
        number=row["number"],
        starts_on=date.fromisoformat(row["starts_on"]),
        days=row["days"],
        extends=extends,
        tz=row.get("tz") or "America/Lima",
    )
    others = [d for d in current if d.id != me]
    by_id = {d.id: d for d in others}
    if extends == me:
        problems.append(Problem("extends", "self_extension"))
        return problems
    descendants, frontier = set(), [me]
    while frontier:
        ancestor = frontier.pop()
        for d in others:
            if d.extends == ancestor and d.id not in descendants:
                descendants.add(d.id)
                frontier.append(d.id)
    if extends in descendants:
        problems.append(
            Problem("extends", "extends_own_extension", {"number": by_id[extends].number})
        )
        return problems
    chain = chain_of([*others, candidate], me)
    if any(d.number == candidate.number for d in chain if d.id != me):
        problems.append(Problem("number", "duplicate_number", {"number": candidate.number}))
    parent = by_id.get(extends) if extends else None
    assert candidate.starts_on is not None
    if parent and parent.starts_on and candidate.starts_on <= parent.starts_on:
        problems.append(
            Problem(
                "starts_on",
                "extension_before_original",
                {"number": parent.number, "day": parent.starts_on},
            )
        )
    for child in others:
        if child.extends == me and child.starts_on and child.starts_on <= candidate.starts_on:
            problems.append(
                Problem(
                    "starts_on",
                    "after_extension",
                    {"number": child.number, "day": child.starts_on},
                )
            )
            break
    return problems
