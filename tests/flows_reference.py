"""Daily flows and stocks computed from scratch in Python, to check db/flows/ against.

Nothing here is shared with the code it checks: the current records are found from the raw
rows (nothing supersedes them, nothing voids them), each row is put on its local day with
``zoneinfo``, and the sums and latest readings are plain Python.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from db.flows.totals import DayFlows, DayStock
from db.vocab import FLOW_CATEGORIES, STOCK_CATEGORIES


def current_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every count that no other count supersedes and no void withdraws, with its rowid."""
    cursor = conn.execute("SELECT rowid AS rowid_, * FROM observations")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    superseded = {r["supersedes"] for r in rows if r["supersedes"]}
    voided = {v for (v,) in conn.execute("SELECT record_id FROM voids")}
    return [r for r in rows if r["id"] not in superseded and r["id"] not in voided]


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _local_day(text: str, tz: str) -> date:
    return _instant(text).astimezone(ZoneInfo(tz)).date()


def _closing_day(text: str, tz: str) -> date:
    """The local day a period ending at ``text`` closes: an end at midnight closes the day
    before (docs/architecture.md §4)."""
    local = _instant(text).astimezone(ZoneInfo(tz))
    return local.date() - timedelta(days=1) if local.time() == time(0) else local.date()


def daily_flows(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    by: str,
    tz: str,
    site_ids: list[str] | None = None,
    ended_by: datetime | None = None,
) -> DayFlows:
    """Per key (category or direction) and local day its period ends, the people of every flow
    count; with ``ended_by``, only counts whose period had ended by then."""
    out = DayFlows()
    for r in current_rows(conn):
        if r["category"] not in FLOW_CATEGORIES:
            continue
        if site_ids is not None and r["site_id"] not in site_ids:
            continue
        if ended_by is not None and _instant(r["period_end"]) > ended_by:
            continue
        day = _closing_day(r["period_end"], tz)
        if not first <= day <= last:
            continue
        days = out.by_key.setdefault(r[by], {})
        days[day] = days.get(day, 0) + r["count"]
        if r["illustrative"]:
            out.illustrative_days.add(day)
    return out


def daily_stock(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    tz: str,
    site_ids: list[str] | None = None,
    taken_by: datetime | None = None,
) -> DayStock:
    """Per local day, each (site, category)'s latest stock reading that day (ties: the row
    stored last); with ``taken_by``, only readings taken by then."""
    out = DayStock()
    latest: dict[tuple[date, str, str], tuple[str, int, int]] = {}
    for r in current_rows(conn):
        if r["category"] not in STOCK_CATEGORIES:
            continue
        if site_ids is not None and r["site_id"] not in site_ids:
            continue
        if taken_by is not None and _instant(r["period_start"]) > taken_by:
            continue
        day = _local_day(r["period_start"], tz)
        if not first <= day <= last:
            continue
        key = (day, r["site_id"], r["category"])
        seen = (r["period_start"], r["rowid_"], r["count"])
        latest[key] = max(latest.get(key, seen), seen)
        if r["illustrative"]:
            out.illustrative_days.add(day)
    for (day, site, category), (_at, _rowid, count) in latest.items():
        out.readings.setdefault(day, {})[(site, category)] = count
    return out
