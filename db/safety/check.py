"""``situation-room check``: is this database whole, ours, current and consistent?

Everything is read through a read-only connection: checking a file never changes it. Each
finding is one line an operator can read; any problem makes the check fail (exit 1).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.clock import to_iso
from db.errors import StoreUnavailable
from db.input_path import input_problem
from db.safety.backup import backup_problem, list_backups, newest_comparable_backup, records_missing
from db.store.connection import check_file, check_folder, decode_text, problem_lines
from db.store.failures import READ_FAILURES
from db.store.schema import RECORD_TABLES, SCHEMA_VERSION, check_identity, schema_version

INTEGRITY_LINES_SHOWN = 20


@dataclass(frozen=True)
class Finding:
    """One result of a check: what was looked at, whether it is fine, and what was seen."""

    aspect: str
    ok: bool
    message: str

    def line(self, path: Path) -> str:
        return f"{path}: {self.aspect}: {self.message}"


def check_database(path: str | Path) -> list[Finding]:
    """Integrity, identity and schema version, references between records, counts, backups."""
    path = Path(path)
    problem = input_problem(path, "database file")
    if problem is not None:
        return [Finding("file", False, problem)]
    try:
        check_file(path)
        check_folder(path)
    except StoreUnavailable as exc:
        return [Finding("file", False, _without_path(exc, path))]
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except READ_FAILURES as exc:
        return [Finding("file", False, f"cannot be opened ({exc})")]
    conn.text_factory = decode_text
    try:
        return _check_open(conn, path)
    finally:
        conn.close()


def only_backups_fail(findings: list[Finding]) -> bool:
    """True when the database itself passed and only some of its backups did not."""
    failed = {f.aspect for f in findings if not f.ok}
    return failed == {"backups"}


def _check_open(conn: sqlite3.Connection, path: Path) -> list[Finding]:
    try:
        check_identity(conn)
    except StoreUnavailable as exc:
        return [Finding("identity", False, str(exc))]
    except READ_FAILURES as exc:
        return [Finding("integrity", False, f"the database is damaged ({exc})")]
    findings = _integrity(conn)
    if not all(f.ok for f in findings):
        return findings  # reading records from a damaged file would only add noise
    try:
        findings += [_schema(conn), *_references(conn), _counts(conn), *_backups(conn, path)]
    except READ_FAILURES as exc:
        findings.append(Finding("integrity", False, f"reading records failed ({exc})"))
    return findings


def _integrity(conn: sqlite3.Connection) -> list[Finding]:
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except READ_FAILURES as exc:
        return [Finding("integrity", False, f"the database is damaged ({exc}); restore a backup")]
    if rows == ["ok"]:
        return [Finding("integrity", True, "ok")]
    problems = problem_lines(rows)
    shown = [Finding("integrity", False, p) for p in problems[:INTEGRITY_LINES_SHOWN]]
    hidden = len(problems) - len(shown)
    more = f"{hidden} more problems; " if hidden > 0 else ""
    return [*shown, Finding("integrity", False, f"{more}the database is damaged: restore a backup")]


def _schema(conn: sqlite3.Connection) -> Finding:
    version = schema_version(conn)
    if version == SCHEMA_VERSION:
        return Finding("schema", True, f"version {version} (current)")
    return Finding(
        "schema", True, f"version {version}, upgraded to {SCHEMA_VERSION} when next opened"
    )


def _references(conn: sqlite3.Connection) -> list[Finding]:
    """Links between records the schema cannot enforce (records are linked by uuid text)."""
    problems = [
        f"foreign key: {table} row {rowid} -> {parent}"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]
    # Table names come from the fixed RECORD_TABLES; no value is formatted into this SQL.
    checks = {
        "observations name a site that does not exist": (
            "SELECT count(*) FROM observations o WHERE NOT EXISTS "
            "(SELECT 1 FROM sites s WHERE s.id = o.site_id)"
        ),
        "decrees extend a decree that does not exist": (
            "SELECT count(*) FROM decrees d WHERE d.extends IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM decrees e WHERE e.id = d.extends)"
        ),
        "voids name a record that does not exist": (
            "SELECT count(*) FROM voids v WHERE v.record_id NOT IN ("
            + " UNION ALL ".join(f"SELECT id FROM {t}" for t in RECORD_TABLES)
            + ")"
        ),
    }
    for table in RECORD_TABLES:
        checks[f"{table} correct a version that does not exist"] = (
            f"SELECT count(*) FROM {table} x WHERE x.supersedes IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {table} y WHERE y.id = x.supersedes)"
        )
    for what, sql in checks.items():
        count = conn.execute(sql).fetchone()[0]
        if count:
            problems.append(f"{count} {what}")
    if problems:
        return [Finding("references", False, p) for p in problems]
    return [Finding("references", True, "ok")]


def _counts(conn: sqlite3.Connection) -> Finding:
    parts = [
        f"{conn.execute(f'SELECT count(*) FROM current_{t}').fetchone()[0]:,} {t}"
        for t in RECORD_TABLES
    ]
    voids = conn.execute("SELECT count(*) FROM voids").fetchone()[0]
    return Finding("counts", True, f"{', '.join(parts)} (current); {voids:,} voided")


def _backups(conn: sqlite3.Connection, path: Path) -> list[Finding]:
    """Each damaged backup, said to be a backup's problem (the database's own aspects come
    before); then the loss check against the newest good one."""
    backups = list_backups(path)
    damaged = [(b, backup_problem(b.path)) for b in backups]
    findings = [
        Finding(
            "backups", False, f"the backup {b.path.name} is damaged ({p}): it cannot be restored"
        )
        for b, p in damaged
        if p is not None
    ]
    if not backups:
        return [Finding("backups", True, "none yet ('situation-room backup' makes one)")]
    return [*findings, _loss(conn, path, len(backups) - len(findings))]


def _loss(conn: sqlite3.Connection, path: Path, good: int) -> Finding:
    """Records are never deleted, so a backup holding records this file lacks means a loss."""
    if not good:
        return Finding("backups", True, "no good backup yet ('situation-room backup' makes one)")
    newest = newest_comparable_backup(conn, path)
    if newest is None:
        return Finding("backups", True, f"{good} kept; none taken since the last restore")
    missing = records_missing(conn, newest.path)
    taken = to_iso(newest.taken_at)
    if missing:
        return Finding(
            "backups",
            False,
            f"the backup of {taken} ({newest.path.name}) holds {missing:,} records this database "
            "lacks: entries were lost (was its -wal file lost?); compare, and restore that "
            "backup if they matter",
        )
    return Finding("backups", True, f"{good} kept; the newest ({taken}) holds nothing lost")


def _without_path(exc: Exception, path: Path) -> str:
    return str(exc).removeprefix(f"{path}: ")
