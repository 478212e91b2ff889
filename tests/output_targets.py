"""Places no file may be written: each made for a test, and what it looked like before.

``make(kind, folder, database, ext)`` creates the target of that kind (``ext`` is the extension
the writer under test expects, so a refusal comes from the rule and not from the name) and
returns its path; ``state(path)`` is a picture of it to compare afterwards: the bytes of a file,
the entries of a folder, the kind of a device or FIFO, where a link points, or absence.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

# The open database, its write-ahead log, another SQLite file (named like an export), a folder,
# a FIFO, a character device (a null device), a symlink to a folder, a file in a folder that does
# not exist.
KINDS = ("database", "wal", "sqlite", "folder", "fifo", "device", "folder_link", "no_folder")


def make(kind: str, folder: Path, database: Path, ext: str) -> Path:
    if kind == "database":
        return database
    if kind == "wal":
        wal = database.with_name(database.name + "-wal")
        assert wal.stat().st_size > 0, "the database must be open with entries in its -wal"
        return wal
    if kind == "sqlite":
        other = folder / f"another-post{ext}"
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE t(x)")
        conn.execute("INSERT INTO t VALUES ('registro')")
        conn.commit()
        conn.close()
        return other
    if kind == "folder":
        made = folder / f"a-folder{ext}"
        made.mkdir()
        (made / "inside.txt").write_text("keep me")
        return made
    if kind == "fifo":
        fifo = folder / f"pipe{ext}"
        os.mkfifo(fifo)
        return fifo
    if kind == "device":
        # A null device of our own: should a writer wrongly replace it, the machine's
        # /dev/null is not what it breaks. Only root may make one, and nobody else could
        # replace /dev/null anyway.
        node = folder / f"null{ext}"
        try:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except OSError:
            return Path(os.devnull)
        return node
    if kind == "folder_link":
        real = folder / "real-folder"
        real.mkdir()
        link = folder / f"link{ext}"
        link.symlink_to(real, target_is_directory=True)
        return link
    if kind == "no_folder":
        return folder / "no-such-folder" / f"out{ext}"
    raise ValueError(kind)


def state(path: Path) -> tuple:
    """What is at ``path`` now, in a form two calls can compare."""
    if path.is_symlink():
        return ("link", os.readlink(path), state(path.resolve()))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return ("absent", path.parent.exists())
    if stat.S_ISREG(mode):
        return ("file", path.read_bytes())
    if stat.S_ISDIR(mode):
        return ("folder", sorted(p.name for p in path.iterdir()))
    return ("special", stat.S_IFMT(mode))


def leftovers(folder: Path) -> list[str]:
    """Temporary files a writer left behind in ``folder`` (hidden ``.part`` files)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))
