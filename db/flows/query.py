"""The records table's questions: which counts match a filter, a page at a time.

The counts are those current at ``as_of``, the clock's time: what the post knew then (the as-of
rule, docs/architecture.md §4). A count entered after it does not show, and one corrected
after it shows its earlier version.

Newest period first. Days in a filter are post-local and inclusive ("1 to 3 Dec" is every count
whose period starts between 1 Dec 00:00 and 4 Dec 00:00 post time). Pages keep a table of years
of counts as quick to open as one of a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from db.clock import local_midnight, to_iso
from db.flows.days import operators
from db.flows.totals import current_count
from db.store.asof import current_condition, reading_as_of
from db.store.records import Observation
from db.store.site_lineage import site_names, site_versions
from db.store.store import Store

PAGE_ROWS = 100  # a screenful and more; the table fetches further pages as it scrolls
# The table itself rather than the current_observations view: the same rows and the same plan,
# with the rowids the search (and the newest-first order among counts of one period) need.
CURRENT = current_condition("observations", "o", None)[0]


@dataclass(frozen=True)
class ObservationFilter:
    site_id: str | None = None
    category: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    operator: str | None = None
    as_of: datetime | None = None  # the clock's time: the counts the post knew then; None: now
    text: str = ""  # words typed in the search box: a count's note or source, or its site

    @property
    def searching(self) -> bool:
        return bool(self.text.strip())

    def reading(self, store: Store) -> datetime | None:
        """The instant the counts are read as of: None when that is the current picture."""
        return reading_as_of(store.conn, "observations", self.as_of)

    def where(self, store: Store) -> tuple[str, list[Any]]:
        """SQL for ``o``, a row of the table ``observations`` (not a view: the search needs
        its rowid), current as of ``as_of``; and its parameters."""
        tz = store.timezone
        at = self.reading(store)
        current, params = (
            (CURRENT, []) if at is None else current_condition("observations", "o", at)
        )
        clauses: list[str] = [current]
        if self.site_id:
            versions = site_versions(store, self.site_id)
            clauses.append(f"o.site_id IN ({','.join('?' * len(versions))})")
            params.extend(versions)
        for column, value in (
            ("o.category", self.category),
            ("o.entered_by", self.operator),
        ):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.first_day:
            clauses.append("o.period_start >= ?")
            params.append(to_iso(local_midnight(self.first_day, tz)))
        if self.last_day:
            clauses.append("o.period_start < ?")
            params.append(to_iso(local_midnight(self.last_day + timedelta(days=1), tz)))
        if self.searching:
            from db.store.search import count_words_match

            clause, values = count_words_match(store, "o", self.text, at=at)
            clauses.append(clause)
            params.extend(values)
        return " AND ".join(clauses), params


@dataclass(frozen=True)
class ObservationRow:
    """A count as the table lists it, with its site's name and whether it was corrected."""

    observation: Observation
    site_name: str
    corrected: bool


def count_observations(store: Store, flt: ObservationFilter) -> int:
    whole = flt.first_day is None and flt.last_day is None
    if whole and not flt.operator and not flt.searching and flt.reading(store) is None:
        # Sites, a category over the current picture: the daily totals know. Not days: the
        # table lists a count by the day its period starts, the totals keep a flow on the day
        # it ends (docs/architecture.md §4).
        n = current_count(
            store.conn,
            tz=store.timezone,
            site_ids=site_versions(store, flt.site_id) if flt.site_id else None,
            category=flt.category,
            first=flt.first_day,
            last=flt.last_day,
        )
        if n is not None:
            return n
    return _count(store, flt)


def _count(store: Store, flt: ObservationFilter) -> int:
    where, params = flt.where(store)
    sql = f"SELECT count(*) FROM observations o WHERE {where}"
    count: int = store.conn.execute(sql, params).fetchone()[0]
    return count


def observation_page(
    store: Store, flt: ObservationFilter, offset: int = 0, limit: int = PAGE_ROWS
) -> list[ObservationRow]:
    """Rows ``offset`` to ``offset + limit`` of the filtered table, newest period first."""
    where, params = flt.where(store)
    rows = store.conn.execute(
        f"""SELECT o.* FROM observations o WHERE {where} ORDER BY o.period_start DESC, o.rowid DESC LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    names = site_names(store, flt.as_of) if rows else {}  # the sites' names then
    return [
        ObservationRow(
            Observation.from_row(row), names.get(row["site_id"], ""), row["supersedes"] is not None
        )
        for row in rows
    ]


def observation_operators(store: Store) -> list[str]:
    """Everyone who entered a count, for the operator filter."""
    return operators(store.conn)
