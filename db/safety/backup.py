"""Backups through SQLite's online backup API, and restoring one (docs/architecture.md §10).

A live database is never copied as a file: its latest entries may still sit in the ``-wal``
beside it, and a copy taken mid-write is torn. ``Connection.backup`` reads one consistent
snapshot, WAL included, while other windows keep writing. Each backup is written under a
temporary name, verified with ``quick_check`` and only then given its final name, so a file
named like a backup is always a good one.

The desktop calls ``entries_lost(store)`` then ``backup_now(store)`` when it opens a database,
``backup_if_due(store)`` from a timer while it runs, ``list_backups(store.path)`` and
``restore_backup(store, chosen)`` for File → Restore backup, and ``restore_backup(path, chosen)``
from the "cannot open" dialog (offering ``list_backups(path)``).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.clock import parse_instant, to_iso, to_iso_precise, utc_now
from db.errors import BackupFailed, StoreBusy, StoreReadOnly, StoreUnavailable
from db.input_path import check_input_path
from db.safety.database_files import backup_folder
from db.safety.output import (
    OutputNotWritten,
    OutputRefused,
    atomic_output,
    remove_stale_temporaries,
    sync_folder,
)
from db.store.connection import check_file, connect, opens_read_only, quick_check, wal_path
from db.store.failures import READ_FAILURES, RESTORE_HINT, busy_message, write_failure
from db.store.schema import RECORD_TABLES, check_identity, migrate
from db.store.store import Store
from db.store.writelock import WRITE_WAIT_S

BACKUPS_KEPT = 14
BACKUP_EVERY = timedelta(days=1)
BEFORE_RESTORE = "before-restore"  # label of the copy restore_backup makes first
DAMAGED = "damaged"  # label of a file that could not be read, set aside whole by a restore
_STAMP_FORMAT = "%Y%m%dT%H%M%S"
_NAME = re.compile(r"-(\d{8}T\d{6})\.(\d{3})Z(?:-([a-z-]+))?$")


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken (UTC), its size, and its label ("" if automatic)."""

    path: Path
    taken_at: datetime
    size_bytes: int
    label: str = ""


def backup_name(db_path: Path, at: datetime, label: str = "") -> str:
    """``post-20251201T130000.123Z.db``: sortable, UTC, no characters Windows refuses."""
    at = at.astimezone(UTC)
    stamp = f"{at.strftime(_STAMP_FORMAT)}.{at.microsecond // 1000:03d}Z"
    return f"{db_path.stem}-{stamp}{'-' + label if label else ''}{_suffix(db_path)}"


def _suffix(db_path: Path) -> str:
    return db_path.suffix or ".db"


def backup_now(
    source: Store | str | Path,
    folder: str | Path | None = None,
    *,
    to: str | Path | None = None,
    label: str = "",
    now: datetime | None = None,
    keep: int = BACKUPS_KEPT,
) -> Path:
    """Back up ``source`` (an open store, or a database path) and return the new file.

    By default into ``backups/`` beside the database, named by the UTC time, keeping the
    ``keep`` newest automatic backups; ``to`` writes exactly that file (never overwriting one,
    in a folder that exists, and nowhere ``db.safety.output.check_output_path`` refuses).
    Raises ``BackupFailed`` (the partial file removed) if the copy cannot be made or verified.
    """
    db_path = source.path if isinstance(source, Store) else Path(source)
    now = now or utc_now()
    # A chosen file is held to the rule for every file the app writes (db/safety/output.py);
    # the backups folder is ours, made here, and the name in it a new one.
    database = None
    if to is not None:
        target = Path(to)
        if os.path.lexists(target):
            raise BackupFailed(f"{target}: already exists; choose a new file name")
        database = db_path
    else:
        target = _free_name(Path(folder) if folder else backup_folder(db_path), db_path, now, label)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupFailed(f"{target.parent}: cannot create the backup folder ({exc})") from exc
        # A backup killed mid-copy left a full-size temporary file: the next backup (and the
        # one taken on opening) removes it, or they would fill the disk one by one.
        remove_stale_temporaries(target.parent)
    if isinstance(source, Store):
        _copy_verified(source.conn, target, database)
    else:
        conn = connect(db_path, readonly=True)
        try:
            _copy_verified(conn, target, database)
        finally:
            conn.close()
    if to is None and not label:
        _rotate(db_path, target.parent, keep)
        if isinstance(source, Store) and not source.read_only:
            source.set_meta(last_backup_at=to_iso(now))
    return target


def backup_if_due(
    store: Store, now: datetime | None = None, every: timedelta = BACKUP_EVERY
) -> Path | None:
    """Back up if the last automatic backup is older than ``every`` (a day); else None."""
    if store.read_only:
        return None  # nothing we could have written since it was opened
    now = now or utc_now()
    last = _instant_or_none(store.meta("last_backup_at"))
    if last and now - last < every:
        return None
    return backup_now(store, now=now)


def list_backups(db_path: str | Path, folder: str | Path | None = None) -> list[Backup]:
    """The backups of ``db_path`` in ``folder`` (default ``backups/`` beside it), newest first."""
    db_path = Path(db_path)
    folder = Path(folder) if folder else backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not (path.name.startswith(db_path.stem + "-") and path.suffix == _suffix(db_path)):
            continue
        match = _NAME.fullmatch(path.stem[len(db_path.stem) :])
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match[1], _STAMP_FORMAT).replace(
            tzinfo=UTC, microsecond=int(match[2]) * 1000
        )
        if match[3] != DAMAGED:  # a file set aside is kept, but is no backup to restore
            found.append(Backup(path, taken, path.stat().st_size, match[3] or ""))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_problem(path: str | Path) -> str | None:
    """None if the backup at ``path`` could be restored; else why not, in a few words.

    Its name says nothing: a file copied or cut short under a backup's name must not pass for
    one (``backup --list``, ``check``, the loss check on opening). Read-only: identity, then
    ``quick_check`` (seconds for years of records: a listing pays it once per backup).
    """
    try:
        _open_backup(Path(path)).close()
    except BackupFailed as exc:
        return (
            str(exc)
            .removeprefix(f"{path}: ")
            .removesuffix("; choose another backup")
            .removeprefix("cannot be restored (")
            .removeprefix("the backup is damaged (")
            .removesuffix(")")
        )
    return None


def restore_backup(
    target: Store | str | Path, backup_path: str | Path, *, now: datetime | None = None
) -> Path | None:
    """Make the database ``target`` hold what ``backup_path`` holds; return the saved prior state.

    The backup is verified first; then the current state is saved beside the backups (a
    ``before-restore`` backup, or, for a file SQLite cannot read, the file itself set aside
    whole), and only then is the backup written into the live file through the backup API, so
    other windows with the file open see the restored records. Returns None if there was no
    prior state (no file, or an empty one).
    """
    store = target if isinstance(target, Store) else None
    db_path = target.path if isinstance(target, Store) else Path(target)
    backup_path = Path(backup_path)
    now = now or utc_now()
    if (store and store.read_only) or opens_read_only(db_path):
        raise StoreReadOnly(f"{db_path}: is read-only: cannot restore a backup into it")
    source = _open_backup(backup_path)
    try:
        saved, dest = _save_current(db_path, store, now)
        try:
            if dest is not None:
                _restore_into(source, dest, db_path)
                migrate(dest)  # a backup from an older version gets today's schema
        finally:
            if dest is not None and store is None:
                dest.close()
        if dest is None:
            _restore_as_new_file(source, db_path)
    finally:
        source.close()
    restored = store or Store.open(db_path)
    try:
        restored.set_meta(restored_from=backup_path.name, restored_at=to_iso_precise(now))
    finally:
        if store is None:
            restored.close()
    return saved


def newest_comparable_backup(conn: sqlite3.Connection, db_path: str | Path) -> Backup | None:
    """The newest good automatic backup taken since the database was last restored, if any.

    A damaged one is passed over (``backup_problem``): what it lacks says nothing of the
    database, and reading it would only fail."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'restored_at'").fetchone()
    restored_at = _instant_or_none(row[0] if row else None)
    for backup in list_backups(db_path):
        if backup.label or (restored_at is not None and backup.taken_at <= restored_at):
            continue
        if backup_problem(backup.path) is None:
            return backup
    return None


def entries_lost(store: Store) -> tuple[Backup, int] | None:
    """The newest backup and how many of its records this database lacks, if any do.

    Records are never deleted, so any is a loss (typically a ``-wal`` file that went missing
    with the last entries). Call it on opening, before ``backup_now`` adds a newer backup.
    """
    newest = newest_comparable_backup(store.conn, store.path)
    if newest is None:
        return None
    missing = records_missing(store.conn, newest.path)
    return (newest, missing) if missing else None


def records_missing(conn: sqlite3.Connection, backup_path: Path) -> int:
    """How many records (and voids) ``backup_path`` holds that the database of ``conn`` lacks."""
    other = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        missing = 0
        for table in (*RECORD_TABLES, "voids"):  # fixed names, never values
            ours = {r[0] for r in conn.execute(f"SELECT id FROM {table}")}
            missing += sum(1 for r in other.execute(f"SELECT id FROM {table}") if r[0] not in ours)
        return missing
    finally:
        other.close()


def _instant_or_none(text: str | None) -> datetime | None:
    try:
        return parse_instant(text) if text else None
    except ValueError:  # a damaged meta value must not stop backups: treat it as never
        return None


# -- helpers ---------------------------------------------------------------------------------
def _free_name(folder: Path, db_path: Path, now: datetime, label: str) -> Path:
    target = folder / backup_name(db_path, now, label)
    while target.exists():  # two backups in one millisecond: take the next one
        now += timedelta(milliseconds=1)
        target = folder / backup_name(db_path, now, label)
    return target


def _copy_verified(conn: sqlite3.Connection, target: Path, database: Path | None) -> None:
    """Copy through the backup API into a temporary file, check it, then give it its name."""

    def check(partial: Path) -> str | None:
        reader = sqlite3.connect(f"{partial.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problem = quick_check(reader)
        finally:
            reader.close()
        return None if problem == "ok" else problem

    try:
        with atomic_output(target, verify=check, database=database) as partial:
            try:
                dest = sqlite3.connect(partial, isolation_level=None)
                try:
                    conn.backup(dest)
                    dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                finally:
                    dest.close()
            finally:
                with contextlib.suppress(OSError):
                    partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    except OutputNotWritten as exc:
        reason = str(exc).removeprefix(f"{target}: ")
        raise BackupFailed(f"{target}: the backup {reason}") from exc
    except OutputRefused as exc:
        raise BackupFailed(str(exc)) from exc
    except sqlite3.Error as exc:
        raise BackupFailed(f"{target}: the backup could not be written ({exc})") from exc


def _rotate(db_path: Path, folder: Path, keep: int) -> None:
    automatic = [b for b in list_backups(db_path, folder) if not b.label]
    for old in automatic[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def _open_backup(path: Path) -> sqlite3.Connection:
    """A read-only connection to a backup that is whole and ours, or a clear refusal."""
    check_input_path(path, "backup file", refuse=BackupFailed)
    try:
        check_file(path)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            check_identity(conn)
            problem = quick_check(conn)
        except BaseException:
            conn.close()
            raise
    except (StoreUnavailable, *READ_FAILURES) as exc:
        reason = str(exc).removeprefix(f"{path}: ").removesuffix(f"; {RESTORE_HINT}")
        raise BackupFailed(f"{path}: cannot be restored ({reason}); choose another backup") from exc
    if problem != "ok":
        conn.close()
        raise BackupFailed(f"{path}: the backup is damaged ({problem}); choose another backup")
    return conn


def _save_current(
    db_path: Path, store: Store | None, now: datetime
) -> tuple[Path | None, sqlite3.Connection | None]:
    """Save what ``db_path`` holds now; return that copy and a connection to restore into.

    A file that does not open as our database is moved aside whole (with its -wal and -shm,
    which must never meet the restored file) and the connection is None: restore writes anew.
    """
    if store is not None:
        return backup_now(store, label=BEFORE_RESTORE, now=now), store.conn
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, None
    try:
        conn = connect(db_path)
    except StoreUnavailable:
        return _set_aside(db_path, now), None
    try:
        return backup_now(db_path, label=BEFORE_RESTORE, now=now), conn
    except BaseException:
        conn.close()
        raise


def _set_aside(db_path: Path, now: datetime) -> Path:
    target = _free_name(backup_folder(db_path), db_path, now, DAMAGED)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(db_path, target)
        for suffix in ("-wal", "-shm"):
            beside = db_path.with_name(db_path.name + suffix)
            if beside.exists():
                os.replace(beside, target.with_name(target.name + suffix))
    except OSError as exc:
        raise BackupFailed(
            f"{db_path}: could not be set aside before restoring ({exc}); nothing was restored"
        ) from exc
    return target


def _restore_into(source: sqlite3.Connection, dest: sqlite3.Connection, db_path: Path) -> None:
    deadline = time.monotonic() + WRITE_WAIT_S

    def give_up_when_late(status: int, remaining: int, total: int) -> None:
        # Python retries a busy backup step forever; another writer must not hang us.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise StoreBusy(busy_message(db_path, WRITE_WAIT_S))

    try:
        source.backup(dest, progress=give_up_when_late, sleep=0.05)
    except sqlite3.Error as exc:
        failure = write_failure(db_path, exc, WRITE_WAIT_S)
        raise (failure or BackupFailed(f"{db_path}: restore failed ({exc})")) from exc


def _restore_as_new_file(source: sqlite3.Connection, db_path: Path) -> None:
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = WAL")
        finally:
            dest.close()
        os.replace(partial, db_path)
        sync_folder(db_path.parent)
    except (sqlite3.Error, OSError) as exc:
        raise BackupFailed(f"{db_path}: the backup could not be written back ({exc})") from exc
    finally:
        for leftover in (partial, wal_path(partial), partial.with_name(partial.name + "-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
