"""Checking a bundle's rows before any of them is stored.

Every row is checked as if it were typed in: its fields through ``db.store.validation.CLEANERS`` (the
same rules as the entry forms and the CSV importer), plus what an imported row carries that a
typed one does not: its id, its attribution (who entered it, where, when) and its place in a
history (``supersedes``). References to other records are checked by ``db.sync.exchange``, which knows
the database (an observation may name a site in the same bundle).

Problems are collected for every row, each as ``FILE:records.jsonl:LINE: field: problem``, and
the bundle is refused with all of them.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

from db.clock import MAX_YEAR, MIN_YEAR
from db.errors import InvalidRecord
from db.names import MAX_NAME, name_problem
from db.store.records import KIND_TO_TABLE
from db.store.validation import CLEANERS, MAX_TEXT
from db.sync.bundle import RECORDS_NAME, Bundle, BundleRefused

ATTRIBUTION = ("id", "entered_at", "entered_by", "station", "supersedes")
VOID_COLUMNS = ("id", "record_id", "record_kind", "reason", "entered_at", "entered_by", "station")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_SCALARS = (str, int, float, bool, type(None))

CleanRows = dict[str, list[dict[str, Any]]]


def is_uuid(value: Any) -> bool:
    """True for a UUID in its canonical text form (the only form ids are stored in)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def clean_rows(bundle: Bundle) -> tuple[CleanRows, dict[str, int]]:
    """The bundle's rows, checked and normalised, per table; and each id's line number.

    Raises BundleRefused listing every bad row.
    """
    label = f"{bundle.path}:{RECORDS_NAME}"
    rows: CleanRows = {}
    line_of: dict[str, int] = {}
    problems: list[str] = []
    for number, table, raw in bundle.lines:
        found: list[str] = []
        row = _clean(table, raw, found)
        record_id = raw.get("id")
        if isinstance(record_id, str) and record_id in line_of:
            found.append(f"id: {record_id} appears twice (line {line_of[record_id]})")
        problems.extend(f"{label}:{number}: {p}" for p in found)
        if not found and row is not None:
            line_of[row["id"]] = number
            rows.setdefault(table, []).append(row)
    if problems:
        raise BundleRefused(problems)
    return rows, line_of


def _clean(table: str, raw: dict[str, Any], found: list[str]) -> dict[str, Any] | None:
    for field, value in raw.items():
        if not isinstance(value, _SCALARS):
            found.append(f"{field}: must be text, a number or null")
    if found:
        return None
    if table == "voids":
        return _clean_void(raw, found)
    attribution = {k: raw.get(k) for k in ATTRIBUTION}
    _check_attribution(attribution, found)
    values = {k: v for k, v in raw.items() if k not in ATTRIBUTION}
    try:
        cleaned = CLEANERS[table](values)
    except InvalidRecord as exc:
        found.extend(f"{p.field}: {p.message}" for p in exc.problems)
        return None
    return None if found else {**attribution, **cleaned}


def _check_attribution(row: dict[str, Any], found: list[str]) -> None:
    if not is_uuid(row["id"]):
        found.append(f"id: {str(row['id'])[:40]!r} is not a record id (UUID)")
    _check_common(row, found)
    supersedes = row["supersedes"]
    if supersedes is not None and not is_uuid(supersedes):
        found.append("supersedes: is not a record id (UUID)")
    elif supersedes is not None and supersedes == row["id"]:
        found.append("supersedes: a record cannot correct itself")


def _real_instant(text: str) -> bool:
    """Whether the shape-checked ``text`` names a real instant in the years a form accepts
    (a bundle row is checked as strictly as the same value typed: no 2025-13-45T99:99:99Z)."""
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return MIN_YEAR <= at.year <= MAX_YEAR


def _check_common(row: dict[str, Any], found: list[str]) -> None:
    at = row.get("entered_at")
    if not isinstance(at, str) or not _INSTANT.fullmatch(at) or not _real_instant(at):
        found.append("entered_at: must be a UTC time like 2025-12-01T13:02:11.532001Z")
    for field in ("entered_by", "station"):
        # The rule every station applies where a name enters (db/names.py): a name refused
        # here could not have been typed there.
        problem = name_problem(row.get(field), field)
        if problem is not None:
            found.append(f"{field}: {problem.message} (a name of at most {MAX_NAME} characters)")


def _clean_void(raw: dict[str, Any], found: list[str]) -> dict[str, Any] | None:
    unknown = sorted(set(raw) - set(VOID_COLUMNS))
    found.extend(f"{name}: is not a field of a voiding" for name in unknown)
    row = {k: raw.get(k) for k in VOID_COLUMNS}
    if not is_uuid(row["id"]):
        found.append("id: is not a record id (UUID)")
    if not is_uuid(row["record_id"]):
        found.append("record_id: is not a record id (UUID)")
    if row["record_kind"] not in KIND_TO_TABLE:
        found.append(f"record_kind: must be one of {', '.join(KIND_TO_TABLE)}")
    reason = row["reason"]
    if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_TEXT:
        found.append(f"reason: is required (at most {MAX_TEXT} characters)")
    _check_common(row, found)
    return None if found else row
