"""Daily series of the counts for the briefing's chart and the CSV round trip: the one daily
model of ``db.flows.totals`` (the window's chart reads the same), as a list per day.

Flows and stocks differ (docs/architecture.md §3): a flow ("crossed") is people per period,
summed over the day its period ends (§4); a stock ("stranded") is people present at an instant,
so a day shows its latest reading and readings are never summed over time, only across sites.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.store.store import Store


@dataclass(frozen=True)
class DailySeries:
    """One value per local day for each key (a category or a direction)."""

    days: list[date]
    flows: dict[str, list[int]]
    stranded: list[int | None]
    illustrative: bool
    tz: str = "America/Lima"


def daily_series(
    store: Store,
    start_day: date,
    end_day: date,
    *,
    site_id: str | None = None,
    by: str = "category",
    tz: str | None = None,
    as_of_entry: datetime | None = None,
) -> DailySeries:
    """Daily flow totals by ``by`` ("category" or "direction") and daily latest stranded.

    Days are local days in ``tz`` (the post's zone) from ``start_day`` to ``end_day`` inclusive.
    ``as_of_entry``: what the post knew then (flows ended, readings taken and records entered
    by then; see ``db.store.asof``); None: the store as it stands.
    """
    if by not in ("category", "direction"):
        raise ValueError("by must be 'category' or 'direction'")
    from db.flows.totals import daily_flows, daily_stock  # not needed at start-up

    tz = tz or store.timezone
    days = [start_day + timedelta(days=i) for i in range((end_day - start_day).days + 1)]
    index = {d: i for i, d in enumerate(days)}
    site_ids = [site_id] if site_id else None
    found = daily_flows(
        store.conn,
        start_day,
        end_day,
        by=by,
        tz=tz,
        site_ids=site_ids,
        ended_by=as_of_entry,
        known_at=as_of_entry,
    )
    flows: dict[str, list[int]] = {}
    for key, by_day in found.by_key.items():
        series = flows.setdefault(key, [0] * len(days))
        for day, total in by_day.items():
            series[index[day]] = total
    stock = daily_stock(
        store.conn,
        start_day,
        end_day,
        tz=tz,
        site_ids=site_ids,
        taken_by=as_of_entry,
        known_at=as_of_entry,
    )
    stranded = [sum(stock.readings[d].values()) if d in stock.readings else None for d in days]
    illustrative = bool(found.illustrative_days or stock.illustrative_days)
    return DailySeries(days, flows, stranded, illustrative, tz)
