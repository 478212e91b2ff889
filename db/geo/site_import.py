"""Sites from a spreadsheet: ``import_sites(store, path)``, all or nothing.

Columns (English or Spanish, any case, accents optional): ``name, kind, country, lat, lon``
and optionally ``approximate, source, note, id``. Coordinates are decimal degrees with a point
or a comma (``-18,0146`` in a ``;`` file). Kind and country are codes or labels (``Puesto de
control``, ``Chile``). Rows are compared by content with the post's current sites, matched
by ``id`` or else by name (accents and case ignored): a row that says exactly what the site
says is unchanged (importing the same list twice writes nothing the second time); one that
says something else is stored as one correction of that site (its history keeps the old
version); any other is a new site. An id of an earlier version or a voided site is left as it
is. Same file rules as the observations import (db/csv_dialect.py), same all-or-nothing.
"""

from __future__ import annotations

import math
import re
import uuid
from pathlib import Path
from typing import Any

from db.csv_dialect import CellError, Columns, parse_flag, read_table, unescape_text
from db.errors import ImportRefused, InvalidRecord
from db.flows.csv_import import ImportResult
from db.store.records import Site
from db.store.store import Store, new_id
from db.vocab import COUNTRIES, SITE_KINDS, fold, match_term

SITE_COLUMNS = Columns(
    {
        "name": ("name", "nombre", "sitio", "site"),
        "kind": ("kind", "tipo"),
        "country": ("country", "pais"),
        "lat": ("lat", "latitud", "latitude"),
        "lon": ("lon", "longitud", "longitude", "lng"),
        "approximate": ("approximate", "aproximada", "aproximado"),
        "source": ("source", "fuente"),
        "note": ("note", "nota", "notas", "observaciones"),
        "id": ("id",),
    },
    (("name",), ("lat",), ("lon",)),
)
_DECIMAL = re.compile(r"[+-]?\d{1,3}(?:[.,]\d+)?")


def parse_degrees(text: str) -> float | None:
    """Decimal degrees, with a decimal point or comma; None for an empty cell."""
    s = text.strip()
    if not s:
        return None
    if not _DECIMAL.fullmatch(s):
        raise CellError(f"{s!r} is not a coordinate in decimal degrees (e.g. -18,0146)")
    value = float(s.replace(",", "."))
    if not math.isfinite(value):
        raise CellError(f"{s!r} is not a coordinate")
    return value


def _country(text: str) -> str:
    s = text.strip()
    if not s:
        return "PE"
    for code, name in COUNTRIES.items():
        if fold(s) in (fold(code), fold(name)):
            return code
    raise CellError(f"{s!r} is not one of: {', '.join(COUNTRIES.values())}")


def import_sites(store: Store, path: str | Path, label: str = "") -> ImportResult:
    """Store every new site of the CSV at ``path`` in one transaction, or refuse the file."""
    table = read_table(path, SITE_COLUMNS, label or str(path))
    at = SITE_COLUMNS.locate(table)
    header = {name: table.header[i] for name, i in at.items()}
    current = store.sites()
    by_name = {fold(s.name): s for s in current}
    by_id = {s.id: s for s in current}
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    present = changed = 0
    seen_names: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    for line, cells in table.rows:
        bad: list[tuple[str, str]] = []

        def cell(name: str, cells: list[str] = cells) -> str:
            i = at.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        values: dict[str, Any] = {"name": unescape_text(cell("name"))}
        kind_text = cell("kind").strip()
        kind = match_term(SITE_KINDS, kind_text) if kind_text else "other"
        if kind is None:
            labels = ", ".join(t.es for t in SITE_KINDS.values())
            bad.append(("kind", f"{kind_text!r} is not one of: {labels}"))
        values["kind"] = kind or "other"
        for name, read in (("country", _country), ("lat", parse_degrees), ("lon", parse_degrees)):
            try:
                values[name] = read(cell(name))
            except CellError as exc:
                bad.append((name, str(exc)))
        try:
            values["approximate"] = parse_flag(cell("approximate"))
        except CellError as exc:
            bad.append(("approximate", str(exc)))
        values["source"], values["note"] = (
            unescape_text(cell("source")),
            unescape_text(cell("note")),
        )
        record_id = None
        if id_text := cell("id").strip():
            try:
                record_id = str(uuid.UUID(id_text))
            except ValueError:
                bad.append(("id", f"{id_text!r} is not a record id (a UUID)"))
            else:
                first = seen_ids.setdefault(record_id, line)
                if first != line:
                    bad.append(("id", f"repeats the id of line {first}"))
                for other in ("observations", "events", "decrees", "milestones", "voids"):
                    sql = f"SELECT 1 FROM {other} WHERE id = ?"
                    if store.conn.execute(sql, (record_id,)).fetchone():
                        bad.append(("id", f"already the id of a {other} record"))
        key = fold(values["name"])
        if key and seen_names.setdefault(key, line) != line:
            bad.append(("name", f"repeats the site of line {seen_names[key]}"))
        if not bad:
            try:
                row = store.prepare("sites", values, record_id=record_id)
            except InvalidRecord as exc:
                bad = [(p.field, p.message) for p in exc.problems]
            else:
                stored = (
                    record_id
                    and record_id not in by_id
                    and store.conn.execute(
                        "SELECT 1 FROM sites WHERE id = ?", (record_id,)
                    ).fetchone()
                )
                match = by_id.get(record_id or "") or by_name.get(key)
                if stored:
                    present += 1  # an earlier version, or a voided site: never brought back
                elif match is None:
                    rows.append(row)
                elif _same(row, match):
                    present += 1
                else:
                    # The file says something else about a site the post has: one correction
                    # (its history keeps what it said before), never a second site.
                    rows.append({**row, "id": new_id(), "supersedes": match.id})
                    changed += 1
        problems.extend(f"{table.label}:{line}: {header.get(f, f)}: {m}" for f, m in bad)
    if problems:
        raise ImportRefused(problems)
    stored_rows = store.insert_rows("sites", rows) if rows else 0
    return ImportResult(
        added=stored_rows - changed, already_present=present, lines=len(table.rows), changed=changed
    )


_COMPARED = ("name", "kind", "country", "lat", "lon", "approximate", "source", "note")


def _same(row: dict[str, Any], site: Site) -> bool:
    """Whether a prepared row says exactly what the current version of ``site`` says."""
    stored = (
        site.name,
        site.site_kind,
        site.country,
        site.lat,
        site.lon,
        int(site.approximate),
        site.source,
        site.note,
    )
    return tuple(row[k] for k in _COMPARED) == stored
