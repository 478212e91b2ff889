"""Files the app writes: where it may write, and how (docs/architecture.md §10).

Every writer (briefing PDF, map and CSV exports, chart PNG and CSV, bundles, backups, the
window's screenshot) goes through these two, so one rule decides and one way writes:

``check_output_path(path, database=...)``
    Refuses a target whose loss would be real: the open database, its ``-wal``/``-shm``/
    ``-journal`` files and the files of its backups folder; any existing SQLite database (by
    its 16-byte header: a mistyped ``--out`` must not destroy a post's records); anything that
    exists and is not a regular file (a folder, a device such as ``/dev/null``, a FIFO, a symlink
    to one: writing beside it and renaming would replace it); and a path whose folder does not
    exist. Raises ``OutputRefused`` with one line saying what and where.

``atomic_output(path, verify=..., database=...)``
    Gives the writer a temporary file in the target's folder; when the writer is done the file
    is flushed to disk, checked by ``verify`` (``db.safety.complete``), renamed over the target
    and the folder synced. On any failure the temporary file is removed and whatever was at the
    target is left byte for byte as it was: a file is complete or absent, never cut short.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from db.errors import SituationRoomError
from db.input_path import SQLITE_HEADER, kind_of
from db.safety.database_files import SIDE_FILES, backup_folder

TEMP_SUFFIX = ".part"
# Before this, no temporary file of this process existed: one older is left by a writer that
# was killed (a backup cut short leaves a full-size one), unless another process still writes
# it, which keeps its modification time fresh (STALE_AFTER_S).
PROCESS_STARTED = time.time()
STALE_AFTER_S = 120.0

# A verifier reads the finished temporary file: None if it is whole, else what is wrong.
Verify = Callable[[Path], str | None]


class OutputRefused(SituationRoomError):
    """A file was not written because its target must not be replaced; nothing changed."""


class OutputNotWritten(SituationRoomError):
    """A file could not be written whole; the target is as it was and nothing was left behind."""


def check_output_path(path: str | Path, *, database: str | Path | None = None) -> Path:
    """``path`` if the app may write a file there; else raises ``OutputRefused`` (one line).

    ``database`` is the database the command or window has open: it, its side files and its
    backups folder are refused even when they do not exist yet (a ``-wal`` comes and goes).
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefused(f"{target}: cannot be written: its folder does not exist ({folder})")
    if database is not None:
        _refuse_database_files(target, Path(database))
    try:
        info = os.stat(target)  # follows a symlink: what it points at is what would be lost
    except FileNotFoundError:
        return target  # nothing there (or a dangling link, which the rename replaces)
    except OSError as exc:
        raise OutputRefused(f"{target}: cannot be checked ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(f"{target}: {kind_of(info.st_mode)}; choose a file name")
    if _is_sqlite(target):
        raise OutputRefused(f"{target}: is a SQLite database; choose another file name")
    for suffix in SIDE_FILES:
        base = target.name.removesuffix(suffix)
        if base != target.name and _is_sqlite(target.with_name(base)):
            raise OutputRefused(
                f"{target}: belongs to the database {target.with_name(base)}; "
                "choose another file name"
            )
    return target


@contextlib.contextmanager
def atomic_output(
    path: str | Path, *, verify: Verify | None = None, database: str | Path | None = None
) -> Iterator[Path]:
    """Write a file at ``path`` whole or not at all: the ``with`` body writes to the temporary
    path it is given (and closes it); then it is synced, verified, and renamed over ``path``.

    Raises ``OutputRefused`` for a target ``check_output_path`` refuses and ``OutputNotWritten``
    when writing, syncing, verifying or renaming fails; any other error from the body passes
    through. In every failure the temporary file is gone and the target untouched.
    """
    target = check_output_path(path, database=database)
    tmp = _create_temporary(target)
    try:
        yield tmp
        _sync_file(tmp)
        problem = verify(tmp) if verify is not None else None
        if problem:
            raise OutputNotWritten(
                f"{target}: the file written failed its check ({problem}); nothing was replaced"
            )
        check_output_path(target, database=database)  # nothing appeared there meanwhile
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise OutputNotWritten(f"{target}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        _remove(tmp)
        raise
    sync_folder(target.parent)


def write_output(
    path: str | Path,
    data: bytes,
    *,
    verify: Verify | None = None,
    database: str | Path | None = None,
) -> Path:
    """Write ``data`` at ``path`` through ``atomic_output``; returns the path written."""
    with atomic_output(path, verify=verify, database=database) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files (and SQLite journals beside them) that killed writers left in
    ``folder``: older than this process, and untouched for ``STALE_AFTER_S``. Returns them."""
    cutoff = min(PROCESS_STARTED, time.time() - STALE_AFTER_S)
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        name = path.name
        if not (name.startswith(".") and name.endswith((TEMP_SUFFIX, TEMP_SUFFIX + "-journal"))):
            continue
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX; Windows cannot open folders)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- helpers ---------------------------------------------------------------------------------
def _refuse_database_files(target: Path, database: Path) -> None:
    where = target.resolve()
    db = database.resolve()
    protected = {db: "is this database"}
    for suffix in SIDE_FILES:
        protected[db.with_name(db.name + suffix)] = f"is a file of this database ({suffix})"
    for guarded, what in protected.items():
        if where == guarded or _same_file(where, guarded):
            raise OutputRefused(f"{target}: {what}; choose another file name")
    backups = backup_folder(db).resolve()
    if where.parent == backups or _same_file(where.parent, backups):
        raise OutputRefused(f"{target}: is in this database's backups folder; choose another place")


def _same_file(a: Path, b: Path) -> bool:
    # Hard links and bind mounts: two names, one file.
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # never open a FIFO to read it: that would wait for a writer
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputRefused(
            f"{path}: cannot be read to check what it is ({exc.strerror or exc}); "
            "choose another file name"
        ) from None


def _create_temporary(target: Path) -> Path:
    """A new empty file beside ``target``, hidden, made with the user's usual permissions (the
    umask applies: an export is meant to be shared, unlike mkstemp's private 0600)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputNotWritten(
                f"{target}: cannot write in {target.parent} ({exc.strerror or exc})"
            ) from None
        os.close(fd)
        return tmp


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows syncs only a file opened for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
