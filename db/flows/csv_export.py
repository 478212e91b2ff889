"""The current counts (or those known at an instant) as a CSV file a spreadsheet opens as is, and ``import_observations`` reads.

UTF-8 with a BOM (so Excel shows accents) and ``,`` separators. Times are written twice: in UTC
(``start_utc``, what an import reads back) and in post time with the zone's name, for people.
Codes, not labels, for direction and category: they never change with the language. Text that
a spreadsheet could run as a formula, whatever separator it splits on, is escaped with quotes
(``escape_text``; docs/csv-format.md, Formulas), which the import undoes exactly. The file is replaced whole or not at all, and never where
``db.safety.output.check_output_path`` refuses to write.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from db.clock import parse_instant, zone
from db.csv_dialect import escape_text, write_rows
from db.safety.complete import csv_rows
from db.safety.output import atomic_output
from db.store.asof import current_condition, reading_as_of
from db.store.store import Store

EXPORT_COLUMNS = (
    "id",
    "site",
    "site_id",
    "start_utc",
    "end_utc",
    "start_local",
    "end_local",
    "timezone",
    "direction",
    "category",
    "count",
    "nationality",
    "adults",
    "children",
    "unaccompanied",
    "source",
    "note",
    "illustrative",
    "entered_by",
    "station",
    "entered_at",
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    written: int


def site_names(store: Store) -> dict[str, str]:
    """Every site id ever stored -> the name of its current version (its latest, if voided).

    A count keeps the id of the site version it was entered against; a renamed site must
    still export under the name an import will find.
    """
    rows = store.conn.execute("SELECT id, supersedes, name FROM sites ORDER BY entered_at, rowid")
    name: dict[str, str] = {}
    successor: dict[str, str] = {}
    for record_id, supersedes, site_name in rows:
        name[record_id] = site_name
        if supersedes:
            successor[supersedes] = record_id
    out: dict[str, str] = {}
    for record_id in name:
        latest, seen = record_id, {record_id}
        while latest in successor and successor[latest] not in seen:
            latest = successor[latest]
            seen.add(latest)
        out[record_id] = name[latest]
    return out


def export_observations(
    store: Store, path: str | Path, *, at: datetime | None = None
) -> ExportResult:
    """Write every current observation to ``path`` (replaced whole, read back first); ``at``:
    those the post knew then, each as it read then (docs/architecture.md §4)."""
    path = Path(path)
    tz_name = store.timezone
    tz = zone(tz_name)
    names = site_names(store)

    def local(iso: str) -> str:
        return parse_instant(iso).astimezone(tz).isoformat()

    def rows() -> Iterator[list[Any]]:
        as_of = reading_as_of(store.conn, "observations", at)
        where, params = (
            ("1", []) if as_of is None else current_condition("observations", "o", as_of)
        )
        source = "current_observations" if as_of is None else "observations"
        sql = f"SELECT o.* FROM {source} AS o WHERE {where} ORDER BY period_start, site_id, o.rowid"
        for r in store.conn.execute(sql, params):
            counter[0] += 1
            yield [
                r["id"],
                escape_text(names.get(r["site_id"], "")),
                r["site_id"],
                r["period_start"],
                r["period_end"],
                local(r["period_start"]),
                local(r["period_end"]),
                tz_name,
                r["direction"],
                r["category"],
                r["count"],
                escape_text(r["nationality"]),
                r["adults"],
                r["children"],
                r["unaccompanied"],
                escape_text(r["source"]),
                escape_text(r["note"]),
                r["illustrative"],
                escape_text(r["entered_by"]),
                r["station"],
                r["entered_at"],
            ]

    counter = [0]
    with (
        atomic_output(path, verify=csv_rows(lambda: counter[0]), database=store.path) as tmp,
        open(tmp, "w", encoding="utf-8-sig", newline="") as handle,
    ):
        write_rows(handle, list(EXPORT_COLUMNS), rows())
    return ExportResult(path=path, written=counter[0])
