"""Files the app reads: a file argument must be a regular file (docs/architecture.md §10).

Below both db.store and db.safety (each reads files the user names), so neither imports the
other for it; ``db.safety.output`` names what a refused output target is the same way.

Every file a command or the window is given to read (a database, a backup to restore, a bundle,
a shared key, briefing notes, a basemap, a file to import) passes ``check_input_path`` before it
is opened. A folder or a device is named for what it is rather than reported missing, and a named
pipe (FIFO) is refused before it is opened: opening one to read waits for a writer, for ever.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from db.errors import SituationRoomError


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, for a message (``is a folder``...)."""
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"


class InputRefused(SituationRoomError):
    """A file given to read is missing or is not a regular file; nothing was read."""


def input_problem(path: str | Path, what: str = "file") -> str | None:
    """None if ``path`` is a regular file (a symlink to one counts); else what it is instead,
    such as ``no such bundle file`` or ``is a named pipe (FIFO), not a bundle file``."""
    try:
        info = os.stat(path)  # follows a symlink: what it points at is what would be read
    except FileNotFoundError:
        return f"no such {what}"
    except NotADirectoryError:
        return f"no such {what} (a folder on its path is a file)"
    except OSError as exc:
        return f"cannot be checked ({exc.strerror or exc})"
    except ValueError:  # a NUL in the name
        return f"no such {what} (the name is not valid)"
    if stat.S_ISREG(info.st_mode):
        return None
    return f"{kind_of(info.st_mode)}, not a {what}"


def path_exists(path: str | Path, refuse: Callable[[str], Exception] = InputRefused) -> bool:
    """Whether anything is at ``path``; a name the system cannot look up at all (too long, a
    NUL in it) is refused with ``refuse`` rather than passing as "not there" or as a traceback."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise refuse(f"{path}: cannot be used as a file name ({reason})") from None
    return True


def check_input_path(
    path: str | Path,
    what: str = "file",
    *,
    refuse: Callable[[str], Exception] = InputRefused,
) -> Path:
    """``path`` if it is a regular file to read; else raises ``refuse("PATH: problem")``."""
    problem = input_problem(path, what)
    if problem is not None:
        raise refuse(f"{path}: {problem}")
    return Path(path)


SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_input(
    path: str | Path, what: str, *, refuse: Callable[[str], Exception], not_it: str
) -> Path:
    """``path`` if it is a regular, readable file that starts as an SQLite file does (a
    basemap, a map kit); else raises ``refuse("PATH: problem")``, ``not_it`` saying what a
    file of another kind is not. Checked before SQLite opens it, so junk never reaches it."""
    path = check_input_path(path, what, refuse=refuse)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise refuse(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise refuse(f"{path}: the file is empty")
    if head != SQLITE_HEADER:
        raise refuse(f"{path}: {not_it}")
    return path
