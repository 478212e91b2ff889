"""Faster checks for imports of many rows, with exactly the rules of ``db.store.validation``.

A spreadsheet of 100,000 counts must be checked in a second or two. The general cleaners accept
any input (text typed in a form, numbers as strings) and pay for that on every row. An importer
hands over values it already parsed (ints, aware datetimes, codes), so the fast path here only
has to confirm a row is valid. It never decides a row is invalid: whenever anything is unusual
or wrong it hands the row to the general cleaner, which returns the row or raises the problems
an operator sees. So the two cannot disagree on what is refused; tests check they return the
same rows (tests/db/test_bulk_validation.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from db.store.validation import CLEANERS, MAX_COUNT, MAX_TEXT, clean_observation
from db.vocab import CATEGORIES, DIRECTIONS

_OBSERVATION_FIELDS = frozenset(
    (
        "site_id",
        "category",
        "direction",
        "period_start",
        "period_end",
        "count",
        "adults",
        "children",
        "unaccompanied",
        "nationality",
        "source",
        "note",
        "illustrative",
    )
)


def _utc(dt: datetime) -> tuple[datetime, str]:
    """The instant in UTC and what ``to_iso`` writes for it."""
    utc = dt if dt.tzinfo is UTC else dt.astimezone(UTC)
    return utc, _iso(utc)


@lru_cache(maxsize=8192)
def _iso(utc: datetime) -> str:
    # Keyed by the UTC datetime, never the local one: two local times of a DST fold compare
    # equal within their zone yet are different instants. A sheet repeats its few times.
    return utc.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value: Any) -> str | None:
    if value is None:
        return ""
    if type(value) is not str:
        return None
    value = value.strip()
    return value if len(value) <= MAX_TEXT else None


def clean_observation_fast(values: dict[str, Any]) -> dict[str, Any]:
    """``clean_observation(values)``, faster for already-typed values of a valid count."""
    slow = clean_observation
    if not values.keys() <= _OBSERVATION_FIELDS:
        return slow(values)
    get = values.get
    site_id, category, direction = get("site_id"), get("category"), get("direction", "none")
    term = CATEGORIES.get(category) if type(category) is str else None
    if term is None or type(direction) is not str or direction not in DIRECTIONS:
        return slow(values)
    site_id = _text(site_id)
    if not site_id:
        return slow(values)
    start, end = get("period_start"), get("period_end")
    if term.stock and not end:
        end = start
    if type(start) is not datetime or type(end) is not datetime:
        return slow(values)
    if (start.tzinfo is not UTC and start.utcoffset() is None) or (
        end.tzinfo is not UTC and end.utcoffset() is None
    ):
        return slow(values)
    (start_utc, start_iso), (end_utc, end_iso) = _utc(start), _utc(end)
    if end_utc < start_utc or (end_utc != start_utc if term.stock else end_utc == start_utc):
        return slow(values)
    count, adults = get("count"), get("adults")
    children, unaccompanied = get("children"), get("unaccompanied")
    if type(count) is not int or not 0 <= count <= MAX_COUNT:
        return slow(values)
    if adults is not None or children is not None or unaccompanied is not None:
        for part in (adults, children, unaccompanied):
            if part is not None and (type(part) is not int or not 0 <= part <= MAX_COUNT):
                return slow(values)
    if (adults or 0) + (children or 0) > count or (unaccompanied or 0) > (
        children if children is not None else count
    ):
        return slow(values)
    nationality, source, note = get("nationality", ""), get("source", ""), get("note", "")
    # None is an empty text to the general cleaner too; anything not a str goes the slow way.
    nationality = "" if nationality is None else nationality
    source = "" if source is None else source
    note = "" if note is None else note
    if type(nationality) is not str or type(source) is not str or type(note) is not str:
        return slow(values)
    nationality, source, note = nationality.strip(), source.strip(), note.strip()
    if len(nationality) > MAX_TEXT or len(source) > MAX_TEXT or len(note) > MAX_TEXT:
        return slow(values)
    return {
        "site_id": site_id,
        "category": category,
        "direction": direction,
        "period_start": start_iso,
        "period_end": end_iso,
        "count": count,
        "adults": adults,
        "children": children,
        "unaccompanied": unaccompanied,
        "nationality": nationality,
        "source": source,
        "note": note,
        "illustrative": 1 if get("illustrative") else 0,
    }


FAST_CLEANERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    **CLEANERS,
    "observations": clean_observation_fast,
}
