"""Benchmark: the store's questions at 1,000,000 counts, with the daily totals and without.

    python tests/perf/bench_db.py BIG_DB      (or $SITUATION_ROOM_BIG_DB; run.py sets it)

Prints one JSON line per figure. ``baseline`` is the same answer read from the records
themselves (the scan the daily totals replace, db/flows/days.py ``*_scan``), timed in
the same run. The insert figures write 100,000 prepared counts into an empty store in one
transaction, with the triggers that keep the totals and (baseline) with them dropped: what the
totals cost an import. Medians of several runs; nothing is written to BIG_DB.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.flows import chart_data, figures, headline
from db.flows import totals as dt
from db.flows.query import ObservationFilter, count_observations
from db.geo import layers as map_layers
from db.store.store import Store

QUICK = os.environ.get("SITUATION_ROOM_PERF_QUICK") == "1"
RUNS = 3 if QUICK else 7
INSERT_ROWS = 100_000


def emit(metric: str, value: float, unit: str = "ms", **extra) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 2), "unit": unit, **extra}))


def median_ms(fn, runs: int = RUNS) -> float:
    fn()  # warm the page cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def reads(store: Store) -> None:
    now = store.exercise_clock or datetime.now(UTC)
    tz = store.timezone
    conn = store.conn
    first, last = chart_data.data_extent(store, now, tz)

    def scan_chart() -> None:
        dt.daily_flows_scan(conn, first, last, by="category", tz=tz, ended_by=now)
        dt.daily_stock_scan(conn, first, last, tz=tz, taken_by=now)

    days = (last - first).days + 1
    emit(
        "db_chart_data_1m_ms",
        median_ms(lambda: chart_data.chart_data(store, now)),
        baseline=round(median_ms(scan_chart, 1), 2),
        days=days,
    )
    start, end = date(2021, 4, 1), date(2026, 3, 31)

    def scan_series() -> None:
        dt.daily_flows_scan(conn, start, end, by="category", tz=tz)
        dt.daily_stock_scan(conn, start, end, tz=tz)

    emit(
        "db_daily_series_5y_1m_ms",
        median_ms(lambda: figures.daily_series(store, start, end)),
        baseline=round(median_ms(scan_series, 1), 2),
    )
    emit(
        "db_counts_1m_ms",
        median_ms(store.counts),
        baseline=round(
            median_ms(
                lambda: conn.execute("SELECT count(*) FROM current_observations").fetchone(), 1
            ),
            2,
        ),
    )
    emit(
        "db_records_table_count_1m_ms",
        median_ms(lambda: count_observations(store, ObservationFilter())),
    )
    emit("db_headline_figures_1m_ms", median_ms(lambda: headline.headline_figures(store, now)))
    points = map_layers.event_points(store, now)
    emit(
        "db_map_event_points_ms",
        median_ms(lambda: map_layers.event_points(store, now)),
        events=len(points),
    )


def inserts() -> None:
    """100,000 counts in one transaction: rows per second with the totals kept, and without."""
    rates = {}
    for keep in (True, False):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp) / "insert.db", operator="bench")
            site = store.add_site(name="Paso", kind="crossing", country="PE", lat=-18, lon=-70)
            if not keep:
                triggers = store.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                    "AND tbl_name IN ('observations', 'voids')"
                ).fetchall()
                for (name,) in triggers:
                    store.conn.execute(f"DROP TRIGGER {name}")
            at = datetime(2025, 1, 1, tzinfo=UTC)
            prepare = store.prepare
            rows = [
                prepare(
                    "observations",
                    {
                        "site_id": site.id,
                        "period_start": at + timedelta(minutes=30 * i),
                        "period_end": at + timedelta(minutes=30 * i + 30),
                        "direction": "into_peru",
                        "category": ("crossed_regular", "turned_back", "assisted")[i % 3],
                        "count": i % 400,
                    },
                )
                for i in range(INSERT_ROWS)
            ]
            t = time.perf_counter()
            store.insert_rows("observations", rows)
            rates[keep] = INSERT_ROWS / (time.perf_counter() - t)
            store.close()
    emit(
        "db_insert_100k_counts_rows_per_s",
        rates[True],
        "rows/s",
        baseline=round(rates[False], 1),
        note="one transaction of prepared rows; baseline: without the daily-total triggers",
    )


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SITUATION_ROOM_BIG_DB")
    if not path:
        print("usage: bench_db.py BIG_DB (see tests/perf/make_big_db.py)", file=sys.stderr)
        return 2
    store = Store.open(path, operator="bench", create=False)
    try:
        reads(store)
    finally:
        store.close()
    inserts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
