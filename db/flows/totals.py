"""Questions answered from the daily totals (db/flows/days.py): flows per day, each day's
latest stock readings, how many current counts; each with its ``*_scan`` twin that reads the
records themselves, used where the totals are kept in another zone and as the reference the
totals are tested against.

Days are post-local and inclusive; a flow is on the day its period ends, a stock reading on
the day it was taken (docs/architecture.md §4). A flow counts only once its period has ended by
the clock (an exercise does not know its future): a day whose latest period end is after
``ended_by`` is answered from the records; the clock's own day of stock readings too. With
``known_at``, what the post knew then: when anything was entered after it, the records as of it
(``db.store.asof``) answer instead of the totals.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from db.clock import local_date, local_midnight, to_iso, zone
from db.flows.days import longest_period, serves
from db.store.asof import current_condition, current_source, reading_as_of
from db.store.connection import plain_rows
from db.vocab import FLOW_CATEGORIES, STOCK_CATEGORIES


@dataclass(frozen=True)
class DayFlows:
    """Flow totals per key (a category or a direction) and local day; days with no count are
    absent. ``illustrative_days``: days any counted flow of which is illustrative."""

    by_key: dict[str, dict[date, int]] = field(default_factory=dict)
    illustrative_days: set[date] = field(default_factory=set)


@dataclass(frozen=True)
class DayStock:
    """Per local day, each (site, category)'s latest reading that day (the count);
    ``illustrative_days``: days any reading of which is illustrative."""

    readings: dict[date, dict[tuple[str, str], int]] = field(default_factory=dict)
    illustrative_days: set[date] = field(default_factory=set)


def _in(column: str, values: list[str] | tuple[str, ...] | None) -> tuple[str, list[str]]:
    if values is None:
        return "", []
    return f"AND {column} IN ({','.join('?' * len(values))})", list(values)


def daily_flows(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    by: str,
    tz: str,
    site_ids: list[str] | None = None,
    ended_by: datetime | None = None,
    known_at: datetime | None = None,
) -> DayFlows:
    """Flows per key and day, ``first`` to ``last`` (post-local, inclusive), counted on the day
    their period ends; with ``ended_by``, only periods ended by then; with ``known_at``, as the
    post knew them then."""
    as_of = reading_as_of(conn, "observations", known_at)
    if as_of is not None or not serves(conn, tz):
        return daily_flows_scan(
            conn, first, last, by=by, tz=tz, site_ids=site_ids, ended_by=ended_by, as_of=as_of
        )
    if ended_by is not None:
        last = min(last, local_date(ended_by, tz))  # a later day has no period ended by then
    if last < first:
        return DayFlows()
    site_sql, site_params = _in("site_id", site_ids)
    table = "observation_days" if site_ids is not None else "observation_days_all"
    marks = ",".join("?" * len(FLOW_CATEGORIES))
    rows = plain_rows(  # thousands of them
        conn,
        f"""SELECT day, {by}, sum(total), max(illustrative), max(last_end) > ? FROM {table}
            WHERE category IN ({marks}) AND day >= ? AND day <= ? {site_sql}
            GROUP BY day, {by}""",
        [
            to_iso(ended_by) if ended_by is not None else "~",  # "~" sorts after any time
            *FLOW_CATEGORIES,
            first.isoformat(),
            last.isoformat(),
            *site_params,
        ],
    )
    out = DayFlows()
    open_days: set[date] = set()  # days with a period still running at ended_by: scanned
    day_text, day = None, first
    for text, key, total, illus, still_running in rows:
        if text != day_text:
            day_text, day = text, date.fromisoformat(text)
        if still_running:
            open_days.add(day)
            continue
        out.by_key.setdefault(key, {})[day] = total
        if illus:
            out.illustrative_days.add(day)
    for lo, hi in _runs(sorted(open_days)):
        scanned = daily_flows_scan(conn, lo, hi, by=by, tz=tz, site_ids=site_ids, ended_by=ended_by)
        for key, days in scanned.by_key.items():
            target = out.by_key.setdefault(key, {})
            for day, total in days.items():
                if day in open_days:
                    target[day] = total
        out.illustrative_days.update(d for d in scanned.illustrative_days if d in open_days)
    for key in [k for k, v in out.by_key.items() if not v]:
        del out.by_key[key]
    return out


def daily_flows_scan(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    by: str,
    tz: str,
    site_ids: list[str] | None = None,
    ended_by: datetime | None = None,
    as_of: datetime | None = None,
) -> DayFlows:
    """``daily_flows`` read from the records themselves (no summary), as of ``as_of``."""
    site_sql, site_params = _in("site_id", site_ids)
    end_sql, end_params = ("AND period_end <= ?", [to_iso(ended_by)]) if ended_by else ("", [])
    marks = ",".join("?" * len(FLOW_CATEGORIES))
    lo = local_midnight(first, tz)
    source, source_params = current_source("observations", as_of)
    # Group by the UTC minute a second before each period's end in SQL (few rows back), then
    # put each minute on its local day: exact in any zone (offsets are whole minutes), without
    # a Python function per row. The bound on period_start keeps the period_start index.
    rows = conn.execute(
        f"""SELECT substr(strftime('%Y-%m-%dT%H:%M', period_end, '-1 second'), 1, 16), {by},
                sum(count), max(illustrative)
            FROM {source} AS o
            WHERE period_start >= ? AND period_start < ? AND period_end > ? AND period_end <= ?
              AND category IN ({marks}) {site_sql} {end_sql}
            GROUP BY 1, 2""",
        [
            *source_params,
            to_iso(lo - longest_period(conn)),
            to_iso(local_midnight(last + timedelta(days=1), tz)),
            to_iso(lo),
            to_iso(local_midnight(last + timedelta(days=1), tz)),
            *FLOW_CATEGORIES,
            *site_params,
            *end_params,
        ],
    ).fetchall()
    out = DayFlows()
    days = _local_days(tz)
    for minute, key, total, illus in rows:
        day = days(minute)
        if first <= day <= last:
            target = out.by_key.setdefault(key, {})
            target[day] = target.get(day, 0) + total
            if illus:
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
    known_at: datetime | None = None,
) -> DayStock:
    """Each day's latest stock reading per site and category, ``first`` to ``last``; with
    ``taken_by``, only readings taken by then; with ``known_at``, as the post knew them then.

    Years of days are tens of thousands of rows: the query asks for the narrowest columns,
    and only a day where one site has readings in several directions asks again.
    """
    as_of = reading_as_of(conn, "observations", known_at)
    if as_of is not None or not serves(conn, tz):
        return daily_stock_scan(
            conn, first, last, tz=tz, site_ids=site_ids, taken_by=taken_by, as_of=as_of
        )
    scan_from: date | None = None  # the clock's own day: its later readings are not yet
    if taken_by is not None:
        today = local_date(taken_by, tz)
        if last >= today:
            last = today
            scan_from = today if first <= today else None
    summary_last = last if scan_from is None else scan_from - timedelta(days=1)
    out = DayStock()
    if first <= summary_last:
        site_sql, site_params = _in("site_id", site_ids)
        marks = ",".join("?" * len(STOCK_CATEGORIES))
        rows = plain_rows(  # tens of thousands of them
            conn,
            f"""SELECT day, site_id, category, latest_count, illustrative FROM observation_days
                WHERE category IN ({marks}) AND day >= ? AND day <= ? {site_sql}""",
            [*STOCK_CATEGORIES, first.isoformat(), summary_last.isoformat(), *site_params],
        )
        twice: set[tuple[str, str, str]] = set()
        day_text, day, readings = None, first, {}
        for text, site, category, count, illus in rows:
            if text != day_text:
                day_text, day = text, date.fromisoformat(text)
                readings = out.readings.setdefault(day, {})
            if (site, category) in readings:
                twice.add((text, site, category))
            readings[(site, category)] = count
            if illus:
                out.illustrative_days.add(day)
        for text, site, category in twice:  # several directions: the latest reading counts
            out.readings[date.fromisoformat(text)][(site, category)] = conn.execute(
                """SELECT latest_count FROM observation_days
                   WHERE category = ? AND day = ? AND site_id = ?
                   ORDER BY latest_start DESC, latest_rowid DESC LIMIT 1""",
                (category, text, site),
            ).fetchone()[0]
    if scan_from is not None and scan_from <= last:
        scanned = daily_stock_scan(
            conn, scan_from, last, tz=tz, site_ids=site_ids, taken_by=taken_by
        )
        out.readings.update(scanned.readings)
        out.illustrative_days.update(scanned.illustrative_days)
    return out


def daily_stock_scan(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    tz: str,
    site_ids: list[str] | None = None,
    taken_by: datetime | None = None,
    as_of: datetime | None = None,
) -> DayStock:
    """``daily_stock`` read from the records themselves (no summary), as of ``as_of``."""
    current, current_params = current_condition("observations", "o", as_of)
    site_sql, site_params = _in("o.site_id", site_ids)
    taken_sql, taken_params = (
        ("AND o.period_start <= ?", [to_iso(taken_by)]) if taken_by else ("", [])
    )
    marks = ",".join("?" * len(STOCK_CATEGORIES))
    rows = conn.execute(
        f"""SELECT o.site_id, o.category, o.period_start, o.rowid, o.count, o.illustrative
            FROM observations o
            WHERE o.period_start >= ? AND o.period_start < ? AND o.category IN ({marks})
              {site_sql} {taken_sql} AND {current}""",
        [
            to_iso(local_midnight(first, tz)),
            to_iso(local_midnight(last + timedelta(days=1), tz)),
            *STOCK_CATEGORIES,
            *site_params,
            *taken_params,
            *current_params,
        ],
    ).fetchall()
    out = DayStock()
    days = _local_days(tz)
    for site, category, at, _rowid, count, illus in sorted(rows, key=lambda r: (r[2], r[3])):
        day = days(at[:16])
        if first <= day <= last:
            out.readings.setdefault(day, {})[(site, category)] = count  # in time order: last wins
            if illus:
                out.illustrative_days.add(day)
    return out


def current_count(
    conn: sqlite3.Connection,
    *,
    tz: str,
    site_ids: list[str] | None = None,
    category: str | None = None,
    first: date | None = None,
    last: date | None = None,
) -> int | None:
    """How many current counts match (days post-local, inclusive); None if the summary is not
    kept in ``tz`` (ask the records then)."""
    if not serves(conn, tz):
        return None
    clauses, params = ["1"], []
    if site_ids is not None:
        clauses.append(f"site_id IN ({','.join('?' * len(site_ids))})")
        params.extend(site_ids)
    if category:
        clauses.append("category = ?")
        params.append(category)
    if first:
        clauses.append("day >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append("day <= ?")
        params.append(last.isoformat())
    table = "observation_days" if site_ids is not None else "observation_days_all"
    sql = f"SELECT coalesce(sum(records), 0) FROM {table} WHERE {' AND '.join(clauses)}"
    count: int = conn.execute(sql, params).fetchone()[0]
    return count


def _local_days(tz: str) -> Callable[[str], date]:
    """A function from a UTC minute ``YYYY-MM-DDTHH:MM`` to its post-local date (memoised)."""
    info = zone(tz)
    cache: dict[str, date] = {}

    def day(minute: str) -> date:
        found = cache.get(minute)
        if found is None:
            utc = datetime.fromisoformat(minute + ":00+00:00")
            found = cache[minute] = utc.astimezone(info).date()
        return found

    return day


def _runs(days: list[date]) -> Iterable[tuple[date, date]]:
    """Consecutive days grouped into (first, last) runs."""
    if not days:
        return
    start = prev = days[0]
    for d in days[1:]:
        if (d - prev).days == 1:
            prev = d
        else:
            yield start, prev
            start = prev = d
    yield start, prev
