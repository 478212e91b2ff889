"""Benchmark: full-text search on the 1M-row database (db/store/search.py).

    python tests/perf/bench_search.py BIG_DB      (or $SITUATION_ROOM_BIG_DB; run.py sets it)

Prints one JSON line per figure, medians of several runs. ``search`` is the command line's
question (best 50 current records of every kind): for a word in a few records ("tacna"), in a
few thousand ("ilustrativo") and in every count ("bench", the source of the generated rows),
each typed as the box sends it (the last word a prefix). ``search_counts_*`` asks the counts
alone, against the same question put to sqlite-utils' ``Table.search`` (same current-records
filter, no snippets) as ``baseline``. The filter figures are what the records table and the
events log ask while the operator types. Opening a database of schema 4 builds the index;
nothing else is written.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.flows.query import ObservationFilter, count_observations, observation_page
from db.store.asof import current_condition
from db.store.search import match_query, matching_ids, search
from db.store.store import Store

QUICK = os.environ.get("SITUATION_ROOM_PERF_QUICK") == "1"
RUNS = 3 if QUICK else 7
TARGET_MS = 100  # a search box must keep up with typing (the worst case has its own line)


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


def sqlite_utils_search(store: Store, text: str) -> list[dict]:
    """The same question through sqlite-utils' own search: the counts alone, current ones."""
    condition, _ = current_condition("observations", "observations", None)
    return list(
        store.db["observations"].search(
            match_query(text) or "", where=condition, limit=50, include_rank=True
        )
    )


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SITUATION_ROOM_BIG_DB")
    if not path:
        print("usage: bench_search.py BIG_DB (see tests/perf/make_big_db.py)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    store = Store.open(path, operator="bench", create=False, check=False)
    emit("search_open_ms", (time.perf_counter() - started) * 1000, note="with any upgrade")
    try:
        for text in ("tacna", "ilustrativo", "bench"):
            emit(
                f"search_{text}_ms",
                median_ms(lambda t=text: search(store, t)),
                hits=len(search(store, text)),
                **({} if text == "bench" else {"target": TARGET_MS}),
            )
            # The counts alone, ours (with snippets) against sqlite-utils' (without).
            emit(
                f"search_counts_{text}_ms",
                median_ms(lambda t=text: search(store, t, kinds=["observation"])),
                baseline=round(median_ms(lambda t=text: sqlite_utils_search(store, t)), 2),
                note="baseline: sqlite-utils Table.search, same filter, no snippets",
            )
        for text in ("parte", "bench"):
            flt = ObservationFilter(text=text)
            emit(
                f"records_filter_{text}_ms",
                median_ms(lambda f=flt: (count_observations(store, f), observation_page(store, f))),
                rows=count_observations(store, flt),
            )
        emit(
            "events_filter_patrulla_ms",
            median_ms(lambda: matching_ids(store, "events", "patrulla")),
            events=len(matching_ids(store, "events", "patrulla")),
            target=TARGET_MS,
        )
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
