"""Counts from a spreadsheet: ``import_observations(store, path)``, all or nothing.

Columns (header in English or Spanish, any case, accents optional): ``site, start, end,
direction, category, count, source, note`` and optionally ``nationality, adults, children,
unaccompanied, illustrative, id``. The file's own export columns (``site_id, start_utc,
end_utc``; ``start_local, end_local, timezone, entered_by, station, entered_at`` are read back
as information only) are accepted too, so an export imports again unchanged.

Rules an operator can rely on:

- A time without an offset is post time (``store.timezone``). A date alone is the whole day:
  as a start it is that day's 00:00; as an end it is the next day's 00:00 (the end day is
  included); a flow whose start is a date alone and whose end is empty covers that one day.
  A stock (people present: stranded) is counted at an instant, so a date alone is refused there.
- Sites are named (accents and case ignored) or given by id; directions and categories are
  codes or the Spanish or English labels the app shows.
- An ``id`` already stored with the same content makes the row "already present"; under other
  content it is a conflict that refuses the file. Such rows are still checked, so
  a damaged file is refused whole either way. A row without an id gets one drawn from its
  content (``content_id``): the same sheet imported twice counts people once.
- Every row is checked before anything is written; any bad row refuses the file and every bad
  row is reported as ``FILE:LINE: column: problem`` (LINE is the physical line, header = 1).
"""

from __future__ import annotations

import gc
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from db.csv_dialect import (
    CellError,
    Columns,
    Table,
    next_midnight,
    parse_count,
    parse_flag,
    parse_when,
    read_table,
    unescape_text,
)
from db.errors import ImportRefused, InvalidRecord
from db.store.store import Store
from db.vocab import CATEGORIES, DIRECTIONS, STOCK_CATEGORIES, Term, fold, match_term

Progress = Callable[[int, int], None]
PROGRESS_EVERY_ROWS = 2000

# field -> accepted header names (folded: lower case, no accents, "_" read as a space)
COLUMNS: dict[str, tuple[str, ...]] = {
    "site": ("site", "sitio", "lugar", "puesto", "paso", "site name"),
    "site_id": ("site id", "id sitio", "sitio id"),
    "start": ("start", "inicio", "start utc", "inicio utc", "fecha", "fecha inicio", "desde"),
    "end": ("end", "fin", "end utc", "fin utc", "fecha fin", "hasta"),
    "direction": ("direction", "direccion", "sentido"),
    "category": ("category", "categoria"),
    "count": ("count", "cantidad", "total", "personas"),
    "source": ("source", "fuente"),
    "note": ("note", "nota", "notes", "notas", "observaciones", "comentario", "comentarios"),
    "nationality": ("nationality", "nacionalidad"),
    "adults": ("adults", "adultos"),
    "children": ("children", "ninos"),
    "unaccompanied": ("unaccompanied", "no acompanados", "unaccompanied children"),
    "illustrative": ("illustrative", "ilustrativo"),
    "id": ("id",),
}
# What our own export adds for people reading it; read back as information only.
INFORMATIVE = ("start local", "end local", "timezone", "entered by", "station", "entered at")
OBSERVATION_COLUMNS = Columns(
    COLUMNS, (("site", "site_id"), ("start",), ("category",), ("count",)), INFORMATIVE
)
# What a count says, for the id of a row given without one (attribution is not content).
_CONTENT = (
    "site_id", "period_start", "period_end", "direction", "category", "count", "nationality",
    "adults", "children", "unaccompanied", "source", "note", "illustrative",
)  # fmt: skip
_content_of = itemgetter(*_CONTENT)
_PENDING = "pending"
_CONTENT_NAMESPACE = uuid.UUID("5f0c2a8e-1d3b-4c55-9a77-0b6e2f4d8c31").bytes
_CONTENT_HASH = hashlib.sha1(_CONTENT_NAMESPACE)
_VARIANT = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}
# The store's field each column feeds, for naming a problem the validation found.
_FIELD_OF = {"site_id": "site", "period_start": "start", "period_end": "end"}


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_present: int  # for sites: rows that say exactly what the site already says
    lines: int  # data rows read (blank lines not counted)
    changed: int = 0  # sites only: rows stored as a correction of a site the post has


def import_observations(
    store: Store, path: str | Path, progress: Progress | None = None, label: str = ""
) -> ImportResult:
    """Store every row of the CSV at ``path`` in one transaction, or refuse the file whole.

    ``progress(rows_done, rows_total)`` is called while rows are checked; it may raise to
    abandon the import (nothing is written then).
    """
    # A sheet is hundreds of thousands of small lists and dicts, none of them in a cycle: the
    # cyclic garbage collector would walk them all again and again as they pile up (a sixth
    # of an import's time) and find nothing. It runs again as soon as the import is over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(store, path, progress, label)
    finally:
        if collecting:
            gc.enable()


def _import(store: Store, path: str | Path, progress: Progress | None, label: str) -> ImportResult:
    table = read_table(path, OBSERVATION_COLUMNS, label or str(path))
    columns = OBSERVATION_COLUMNS.locate(table)
    reader = _RowReader(store, table, columns)
    rows: list[dict[str, Any]] = []
    problems: list[tuple[int, str]] = []
    total = len(table.rows)
    read, keep = reader.read, rows.append
    for done, (line, cells) in enumerate(table.rows, 1):
        row, bad = read(line, cells)
        if bad:
            problems.extend((line, f"{table.label}:{line}: {col}: {msg}") for col, msg in bad)
        elif row is not None:
            keep(row)
        if progress and (done % PROGRESS_EVERY_ROWS == 0 or done == total):
            progress(done, total)
    problems.extend(reader.id_problems())
    problems.extend(reader.conflicts(rows))
    if problems:
        problems.sort(key=lambda p: p[0])  # stable: a row's problems stay in column order
        raise ImportRefused([text for _, text in problems])
    # Rows whose id is stored already are skipped by the insert: those are already present.
    added = store.insert_rows("observations", rows) if rows else 0
    return ImportResult(added=added, already_present=len(rows) - added, lines=total)


def content_id(row: dict[str, Any]) -> str:
    """The id of a row given without one: drawn from what it says (a version-5 style UUID).

    The same sheet imported twice, or the same ministry sheet at two stations, then gives the
    same records, which are stored once (and merge in a sync) instead of counting people twice.
    """
    digest = _CONTENT_HASH.copy()
    digest.update("\x1f".join(map(str, _content_of(row))).encode())
    h = digest.hexdigest()
    # The first 16 bytes with the version nibble set to 5 and the variant bits to 10.
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def _latest_site_versions(store: Store) -> dict[str, str]:
    """Every site id -> the id of its latest version (the same place, renamed or moved)."""
    successor = dict(
        store.conn.execute("SELECT supersedes, id FROM sites WHERE supersedes IS NOT NULL")
    )
    latest: dict[str, str] = {}
    for (record_id,) in store.conn.execute("SELECT id FROM sites"):
        end, seen = record_id, {record_id}
        while end in successor and successor[end] not in seen:
            end = successor[end]
            seen.add(end)
        latest[record_id] = end
    return latest


@lru_cache(maxsize=256)
def _direction(text: str) -> str | None:
    return match_term(DIRECTIONS, text)


@lru_cache(maxsize=256)
def _category(text: str) -> str | None:
    return match_term(CATEGORIES, text)


class _RowReader:
    """Turns one row's cells into a prepared observation, or the list of its problems."""

    def __init__(self, store: Store, table: Table, columns: dict[str, int]) -> None:
        self.store = store
        self.prepare = store.preparer("observations")
        self.tz = store.timezone
        self.width = width = len(table.header)
        # A column the file lacks reads the empty cell every row gets appended at ``width``.
        self.at = at = {name: columns.get(name, width) for name in COLUMNS}
        self.site_id_at, self.site_at = at["site_id"], at["site"]
        self.what_cells = itemgetter(at["category"], at["direction"], at["start"], at["end"])
        self.count_cells = [(n, at[n]) for n in ("count", "adults", "children", "unaccompanied")]
        self.text_cells = [(n, at[n]) for n in ("source", "note", "nationality")]
        self.header = {name: table.header[i] for name, i in columns.items()}
        self.order = {text: i for i, text in enumerate(table.header)}  # report in column order
        self.label = table.label
        self.sites: dict[str, list[str]] = {}
        self.site_ids: set[str] = set()
        self.names: list[str] = []
        for site in store.sites():
            self.names.append(site.name)
            self.sites.setdefault(fold(site.name), []).append(site.id)
            self.site_ids.add(site.id)
        self.site_cache: dict[tuple[str, str], tuple[str | None, tuple[str, str] | None]] = {}
        self.what_cache: dict[tuple[str, ...], tuple[dict[str, Any], list[tuple[str, str]]]] = {}
        self.ids: dict[str, int] = {}  # id given in the file -> its line
        self.same: dict[str, int] = {}  # id drawn from a row's content -> its line

    def _rank(self, problem: tuple[str, str]) -> int:
        # Problems in the order of the file's columns; "row" first, fields it lacks last.
        return -1 if problem[0] == "row" else self.order.get(problem[0], self.width)

    def col(self, name: str) -> str:
        return self.header.get(name, name)

    def cell(self, cells: list[str], name: str) -> str:
        return cells[self.at[name]]

    def read(
        self, line: int, cells: list[str]
    ) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
        bad: list[tuple[str, str]] = []
        width = self.width
        if len(cells) == width:
            cells.append("")
        else:
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                bad.append(("row", f"has {len(cells)} cells but the header has {width}"))
            cells[:] = (cells + [""] * width)[:width] + [""]
        at = self.at
        key = (cells[self.site_id_at].strip(), cells[self.site_at].strip())
        found = self.site_cache.get(key)
        if found is None:
            found = self.site_cache[key] = self._site(*key)
        site, problem = found
        if problem:
            bad.append(problem)
        # What and when: a sheet repeats the same few periods and categories on every row.
        when = self.what_cells(cells)
        what = self.what_cache.get(when)
        if what is None:
            what = self.what_cache[when] = self._what(cells)
        values: dict[str, Any] = {"site_id": site or "", **what[0]}
        if what[1]:
            bad.extend(what[1])
        for name, i in self.count_cells:
            text = cells[i]
            try:
                values[name] = parse_count(text) if text else None
            except CellError as exc:
                bad.append((self.col(name), str(exc)))
        if values.get("count", 0) is None:
            bad.append((self.col("count"), "is required"))
        for name, i in self.text_cells:
            text = cells[i].strip()
            # Only a cell starting with "'" holds an escape to undo (most hold none).
            values[name] = unescape_text(text) if text[:1] == "'" else text
        if flag := cells[at["illustrative"]]:
            try:
                values["illustrative"] = parse_flag(flag)
            except CellError as exc:
                bad.append((self.col("illustrative"), str(exc)))
        record_id = self._id(line, cells[at["id"]], bad) if cells[at["id"]] else None
        if bad:
            return None, sorted(bad, key=self._rank)
        try:
            # Without an id, the row's id is drawn from its checked content just below.
            row = self.prepare(values, record_id=record_id or _PENDING)
        except InvalidRecord as exc:
            bad = [(self.col(_FIELD_OF.get(p.field, p.field)), p.message) for p in exc.problems]
            return None, sorted(bad, key=self._rank)
        if record_id is None:
            row["id"] = content_id(row)  # replaces _PENDING
            first = self.same.setdefault(row["id"], line)
            if first != line:
                return None, [("row", f"is the same count as line {first}")]
        return row, []

    def _what(self, cells: list[str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        """Category, direction and period of a row, and their problems."""
        bad: list[tuple[str, str]] = []
        category = self._term(cells, "category", _category, CATEGORIES, bad)
        direction = self._term(cells, "direction", _direction, DIRECTIONS, bad, "none")
        values = {"category": category or "", "direction": direction or ""}
        self._period(cells, category, values, bad)
        return values, bad

    def _site(self, given_id: str, text: str) -> tuple[str | None, tuple[str, str] | None]:
        """(site id, None) or (None, (column, problem)) for the site cells of a row."""
        if given_id in self.site_ids:
            return given_id, None
        if not text:
            if given_id:
                return None, (self.col("site_id"), f"no current site {given_id!r}")
            return None, (self.col("site"), "is required")
        if text in self.site_ids:
            return text, None
        matches = self.sites.get(fold(text), [])
        if len(matches) == 1:
            return matches[0], None
        if matches:
            return None, (self.col("site"), f"{text!r} names {len(matches)} sites; give its id")
        names = sorted(self.names) if len(self.names) <= 10 else []
        known = f" (sites: {', '.join(names)})" if names else ""
        return None, (self.col("site"), f"no site named {text!r}{known}")

    def _term(
        self,
        cells: list[str],
        name: str,
        lookup: Callable[[str], str | None],
        vocab: dict[str, Term],
        bad: list[tuple[str, str]],
        default: str | None = None,
    ) -> str | None:
        text = self.cell(cells, name).strip()
        if not text:
            if default is None:
                bad.append((self.col(name), "is required"))
            return default
        code = lookup(text)
        if code is None:
            labels = ", ".join(t.es for t in vocab.values())
            bad.append((self.col(name), f"{text!r} is not one of: {labels}"))
        return code

    def _period(
        self,
        cells: list[str],
        category: str | None,
        values: dict[str, Any],
        bad: list[tuple[str, str]],
    ) -> None:
        stock = category in STOCK_CATEGORIES
        start = end = None
        for name in ("start", "end"):
            text = self.cell(cells, name)
            if name == "end" and not text.strip():
                continue
            try:
                when = parse_when(text, self.tz)
            except CellError as exc:
                bad.append((self.col(name), str(exc)))
                continue
            if stock and when.date_only:
                bad.append(
                    (
                        self.col(name),
                        f"{text.strip()!r} is a date alone, but people present (stranded) are "
                        "counted at an instant: give the time too, e.g. 20/11/2025 18:00",
                    )
                )
            elif name == "start":
                start = when
            else:
                end = next_midnight(when, self.tz) if when.date_only else when.instant
        if start is None:
            return
        if end is None and not self.cell(cells, "end").strip() and not stock:
            if not start.date_only:
                bad.append(
                    (self.col("end"), "is required for a flow (or give dates alone: whole days)")
                )
                return
            end = next_midnight(start, self.tz)
        values["period_start"] = start.instant.astimezone(UTC)
        values["period_end"] = end.astimezone(UTC) if end is not None else None

    def _id(self, line: int, text: str, bad: list[tuple[str, str]]) -> str | None:
        text = text.strip()
        if not text:
            return None
        try:
            record_id = str(uuid.UUID(text))
        except ValueError:
            bad.append((self.col("id"), f"{text!r} is not a record id (a UUID)"))
            return None
        first = self.ids.setdefault(record_id, line)
        if first != line:
            bad.append((self.col("id"), f"repeats the id of line {first}"))
        return record_id

    def _existing(self, table: str) -> set[str]:
        ids = list(self.ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id FROM {table} WHERE id IN ({marks})"
            found.update(r[0] for r in self.store.conn.execute(sql, chunk))
        return found

    def conflicts(self, rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
        """Rows whose given id is stored with other content: an edited export, never dropped.

        Identical rows are already present; a row that says something else under a stored id
        (a count edited in the spreadsheet) would otherwise be skipped without a word. Rows
        without an id need no check: their id is drawn from their content.
        """
        given = {row["id"]: row for row in rows if row["id"] in self.ids}
        if not given:
            return []
        latest = _latest_site_versions(self.store)
        problems: list[tuple[int, str]] = []
        ids = list(given)
        columns = ", ".join(_CONTENT)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            sql = (
                f"SELECT id, {columns} FROM observations WHERE id IN ({','.join('?' * len(chunk))})"
            )
            for record_id, *stored in self.store.conn.execute(sql, chunk):
                row = given[record_id]
                differ = []
                for name, old in zip(_CONTENT, stored, strict=True):
                    new = row[name]
                    if name == "site_id":  # a renamed site is the same place
                        same = latest.get(new, new) == latest.get(old, old)
                    else:
                        same = new == old
                    if not same:
                        differ.append(
                            f"{self.col(_FIELD_OF.get(name, name))} {new!r} here, {old!r} stored"
                        )
                if differ:
                    line = self.ids[record_id]
                    problems.append(
                        (
                            line,
                            f"{self.label}:{line}: {self.col('id')}: {record_id} is already stored "
                            f"with other content ({'; '.join(differ)}); correct the stored "
                            "record in the app instead of importing an edited export",
                        )
                    )
        return problems

    def id_problems(self) -> list[tuple[int, str]]:
        """An id of the file that another kind of record already uses cannot be imported."""
        problems: list[tuple[int, str]] = []
        if not self.ids:
            return problems
        for table in ("sites", "events", "decrees", "milestones", "voids"):
            for record_id in sorted(self._existing(table)):
                line = self.ids[record_id]
                text = f"{self.label}:{line}: {self.col('id')}: already the id of a {table} record"
                problems.append((line, text))
        return problems
