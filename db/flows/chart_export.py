"""The chart's numbers as a CSV file: one row per day of the range on screen.

Columns: ``date`` (post-local), one column per stacked series (the crossings, by category or
direction code, as the observation files use), ``crossed_total`` (their sum: people who
crossed), ``mean_7d`` (of that sum), one column per other flow on screen (turned back, detained,
assisted: never part of the crossing total), ``stranded``, then ``site`` (name, or "all"),
``timezone`` and ``illustrative``, so a spreadsheet shows exactly what the chart showed and what
it may be used for. UTF-8 with a BOM: Excel in a Spanish locale then reads the accents right.
"""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path
from typing import Any

from db.flows.chart_data import OTHER_KEYS, ChartData
from db.safety.complete import csv_rows
from db.safety.output import atomic_output

ALL_SITES = "all"


def chart_rows(
    data: ChartData,
    first: date,
    last: date,
    *,
    keys: tuple[str, ...] | list[str] | None = None,
    others: tuple[str, ...] | list[str] | None = None,
    site_name: str = ALL_SITES,
) -> list[dict[str, Any]]:
    """One dict per day from ``first`` to ``last`` inclusive that the data holds.

    ``keys`` are the stacked crossings shown (all of the grouping by default); the crossing
    total and the mean cover them. ``others``: the other flows shown (all by default).
    """
    keys = tuple(data.keys if keys is None else keys)
    others = tuple(data.other_keys if others is None else others)
    total = data.total(keys)
    mean = data.mean(keys)
    rows = []
    for i, day in enumerate(data.days):
        if not first <= day <= last:
            continue
        row: dict[str, Any] = {"date": day.isoformat()}
        for key in keys:
            row[key] = int(data.flows[key][i])
        row["crossed_total"] = int(total[i])
        row["mean_7d"] = "" if math.isnan(mean[i]) else round(float(mean[i]), 1)
        for key in others:
            row[key] = int(data.flows[key][i])
        row["stranded"] = "" if math.isnan(data.stranded[i]) else int(data.stranded[i])
        row["complete"] = "yes" if data.complete[i] else "no"
        row["site"] = site_name
        row["timezone"] = data.tz
        row["illustrative"] = "yes" if data.illustrative else "no"
        rows.append(row)
    return rows


def write_chart_csv(
    path: str | Path,
    rows: list[dict[str, Any]],
    keys: list[str],
    *,
    others: list[str] | tuple[str, ...] = OTHER_KEYS,
    database: str | Path | None = None,
) -> int:
    """Write ``rows`` (from ``chart_rows``) to ``path``; returns how many days were written.

    Whole or not at all, never over ``database`` or what ``check_output_path`` refuses.
    """
    fields = [
        "date",
        *keys,
        "crossed_total",
        "mean_7d",
        *others,
        "stranded",
        "complete",
        "site",
        "timezone",
        "illustrative",
    ]
    with (
        atomic_output(path, verify=csv_rows(len(rows)), database=database) as tmp,
        open(tmp, "w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
