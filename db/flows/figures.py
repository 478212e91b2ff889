"""Aggregates of the counts: daily series for the chart, key figures for the strip and briefing.

Flows and stocks differ (docs/architecture.md §3): a flow ("crossed") is people per period, summed over a
day; a stock ("stranded") is people present at an instant, so a day shows its latest reading and
readings are never summed over time, only across sites.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from db.clock import local_midnight, to_iso, zone
from db.store.asof import current_source
from db.store.store import Store
from db.vocab import FLOW_CATEGORIES, STOCK_CATEGORIES


@dataclass(frozen=True)
class DailySeries:
    """One value per local day for each key (a category or a direction)."""

    days: list[date]
    flows: dict[str, list[int]]
    stranded: list[int | None]
    illustrative: bool
    tz: str = "America/Lima"


def _filters(site_id: str | None) -> tuple[str, list[Any]]:
    return ("AND site_id = ?", [site_id]) if site_id else ("", [])


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
    ``as_of_entry`` reads the counts as the store held them then (see ``db.store.asof``).
    """
    if by not in ("category", "direction"):
        raise ValueError("by must be 'category' or 'direction'")
    tz = tz or store.timezone
    days = [start_day + timedelta(days=i) for i in range((end_day - start_day).days + 1)]
    index = {d: i for i, d in enumerate(days)}
    from db.flows import days as observation_days  # not needed at start-up

    if as_of_entry is None and observation_days.serves(store.conn, tz):
        return _series_from_daily_totals(store, days, index, site_id, by, tz)
    lo, hi = local_midnight(start_day, tz), local_midnight(end_day + timedelta(days=1), tz)
    extra, params = _filters(site_id)
    flow_marks = ",".join("?" * len(FLOW_CATEGORIES))
    source, source_params = current_source("observations", as_of_entry)
    # Group by UTC hour in SQL (few rows back), then place each hour on its local day here:
    # exact in any zone, DST included, without a per-row Python function.
    rows = store.conn.execute(
        f"""SELECT substr(period_start, 1, 13) AS hour, {by} AS key, sum(count), max(illustrative)
            FROM {source} AS o
            WHERE period_start >= ? AND period_start < ? AND category IN ({flow_marks}) {extra}
            GROUP BY hour, key""",
        [*source_params, to_iso(lo), to_iso(hi), *FLOW_CATEGORIES, *params],
    ).fetchall()
    tzinfo = zone(tz)
    flows: dict[str, list[int]] = {}
    illustrative = False
    for hour, key, total, illus in rows:
        day = datetime.fromisoformat(hour + ":00:00+00:00").astimezone(tzinfo).date()
        if day in index:
            flows.setdefault(key, [0] * len(days))[index[day]] += total
            illustrative = illustrative or bool(illus)
    stranded, stock_illus = _daily_stock(store, lo, hi, days, tz, extra, params, as_of_entry)
    return DailySeries(days, flows, stranded, illustrative or stock_illus, tz)


def _series_from_daily_totals(
    store: Store,
    days: list[date],
    index: dict[date, int],
    site_id: str | None,
    by: str,
    tz: str,
) -> DailySeries:
    """``daily_series`` of the current picture, from the daily totals the store keeps
    (db/flows/days.py): whole local days, so years read in milliseconds."""
    from db.flows.totals import daily_flows, daily_stock

    site_ids = [site_id] if site_id else None
    found = daily_flows(store.conn, days[0], days[-1], by=by, tz=tz, site_ids=site_ids)
    flows: dict[str, list[int]] = {}
    for key, by_day in found.by_key.items():
        series = flows.setdefault(key, [0] * len(days))
        for day, total in by_day.items():
            series[index[day]] = total
    stock = daily_stock(store.conn, days[0], days[-1], tz=tz, site_ids=site_ids)
    stranded = [sum(stock.readings[d].values()) if d in stock.readings else None for d in days]
    illustrative = bool(found.illustrative_days or stock.illustrative_days)
    return DailySeries(days, flows, stranded, illustrative, tz)


def _daily_stock(
    store: Store,
    lo: datetime,
    hi: datetime,
    days: list[date],
    tz: str,
    extra: str,
    params: list[Any],
    as_of_entry: datetime | None = None,
) -> tuple[list[int | None], bool]:
    marks = ",".join("?" * len(STOCK_CATEGORIES))
    source, source_params = current_source("observations", as_of_entry)
    rows = store.conn.execute(
        f"""SELECT site_id, period_start, count, illustrative FROM {source} AS o
            WHERE period_start >= ? AND period_start < ? AND category IN ({marks}) {extra}
            ORDER BY period_start""",
        [*source_params, to_iso(lo), to_iso(hi), *STOCK_CATEGORIES, *params],
    ).fetchall()
    tzinfo = zone(tz)
    latest: dict[date, dict[str, int]] = defaultdict(dict)
    illustrative = False
    for site, at, count, illus in rows:
        day = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(tzinfo).date()
        latest[day][site] = count  # rows come in time order: the last one wins
        illustrative = illustrative or bool(illus)
    return [sum(latest[d].values()) if d in latest else None for d in days], illustrative


@dataclass(frozen=True)
class KeyFigures:
    """The figures of one period, as the strip, the status and the briefing show them."""

    period_start: datetime
    period_end: datetime
    by_category: dict[str, int]
    by_direction: dict[str, int]
    stranded_latest: int
    stranded_at: datetime | None
    illustrative: bool
    by_site: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "period_start": to_iso(self.period_start),
            "period_end": to_iso(self.period_end),
            "by_category": dict(self.by_category),
            "by_direction": dict(self.by_direction),
            "stranded_latest": self.stranded_latest,
            "stranded_at": to_iso(self.stranded_at) if self.stranded_at else None,
            "illustrative": self.illustrative,
        }


def key_figures(
    store: Store, start: datetime, end: datetime, *, as_of_entry: datetime | None = None
) -> KeyFigures:
    """Flows that started in ``[start, end)`` and the people stranded as last counted by ``end``.

    ``as_of_entry`` reads the counts as the store held them then (see ``db.store.asof``).
    """
    flow_marks = ",".join("?" * len(FLOW_CATEGORIES))
    source, source_params = current_source("observations", as_of_entry)
    rows = store.conn.execute(
        f"""SELECT site_id, category, direction, sum(count), max(illustrative)
            FROM {source} AS o
            WHERE period_start >= ? AND period_start < ? AND category IN ({flow_marks})
            GROUP BY site_id, category, direction""",
        [*source_params, to_iso(start), to_iso(end), *FLOW_CATEGORIES],
    ).fetchall()
    by_category: dict[str, int] = {c: 0 for c in FLOW_CATEGORIES}
    by_direction: dict[str, int] = defaultdict(int)
    by_site: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    illustrative = False
    for site, category, direction, total, illus in rows:
        by_category[category] += total
        by_direction[direction] += total
        by_site[site][category] += total
        illustrative = illustrative or bool(illus)
    latest = latest_stock(store, end, as_of_entry=as_of_entry)
    stranded = sum(r[1] for r in latest)
    stranded_at = max(
        (datetime.fromisoformat(r[2].replace("Z", "+00:00")) for r in latest), default=None
    )
    for site, count, _at, illus in latest:
        by_site[site]["stranded"] = by_site[site].get("stranded", 0) + count
        illustrative = illustrative or bool(illus)
    return KeyFigures(
        start.astimezone(UTC),
        end.astimezone(UTC),
        by_category,
        dict(by_direction),
        stranded,
        stranded_at,
        illustrative,
        {k: dict(v) for k, v in by_site.items()},
    )


def latest_stock(
    store: Store, at: datetime, *, as_of_entry: datetime | None = None
) -> list[tuple[str, int, str, int]]:
    """Each site's latest current stock reading at or before ``at``: (site, count, time, illus).

    One indexed look-up per site and category (walking back from ``at`` past superseded or
    voided rows) instead of a scan: stays instant with years of counts.
    """
    source, source_params = current_source("observations", as_of_entry)
    out = []
    sites = [r[0] for r in store.conn.execute("SELECT DISTINCT site_id FROM observations")]
    for site in sites:
        for category in STOCK_CATEGORIES:
            row = store.conn.execute(
                f"""SELECT site_id, count, period_start, illustrative FROM {source} AS o
                   WHERE site_id = ? AND category = ? AND period_start <= ?
                   ORDER BY period_start DESC LIMIT 1""",
                (*source_params, site, category, to_iso(at)),
            ).fetchone()
            if row is not None:
                out.append(tuple(row))
    return out
