"""``--demo``: a fresh copy of the built-in exercise, in milliseconds.

Building the exercise validates and writes two thousand records, which takes longer than the
rest of the window's start. So it is built once into a template (a file in a cache folder whose
name carries a fingerprint of the scenario and of the code that builds it), and each ``--demo``
copies that file and gives the copy its own station identity. A template
that cannot be written (read-only cache, full disk) only costs speed: the copy is built
directly then.
"""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path

from db.clock import to_iso, utc_now
from db.resources import SCENARIO_FILE, resource
from db.store.schema import SCHEMA_VERSION
from db.store.store import Store, host_name, new_id

# What the template's content depends on: the scenario, and the code that turns it into rows,
# tables and triggers (and into a file: this module); paths under db/.
BUILT_BY = (
    "demo.py",
    "scenario.py",
    "store/store.py",
    "store/schema.py",
    "store/search_index.py",
    "flows/days.py",
    "store/validation.py",
    "vocab.py",
    "clock.py",
)


def fingerprint() -> str:
    """A name for the template that changes with what it is built from. A cache key, not a
    signature: CRC-32 over the bytes and their lengths is enough to notice an edit, and zlib is
    loaded already where hashlib (OpenSSL) would add milliseconds to every start."""
    crc, size = zlib.crc32(str(SCHEMA_VERSION).encode()), 0
    here = Path(__file__).parent
    for data in (
        resource(*SCENARIO_FILE).read_bytes(),
        *((here / n).read_bytes() for n in BUILT_BY),
    ):
        crc, size = zlib.crc32(data, crc), size + len(data)
    return f"{crc:08x}{size:08x}"


def demo_copy(
    path: str | Path, template_dir: Path, *, operator: str = "", check: bool = True
) -> Store:
    """A new database at ``path`` holding the exercise, copied from the template in
    ``template_dir`` (built there first if it is missing or out of date). ``check=False``:
    the caller runs the copy's ``quick_check`` itself (see ``Store.open``)."""
    try:
        template = _template(template_dir)
    except OSError:
        from db.scenario import init_database  # only when there is no template to copy

        return init_database(str(path), demo=True, operator=operator)
    # A plain copy is safe: the template is one self-contained file (no journal beside it) that
    # is only ever replaced whole (os.replace), never written in place.
    shutil.copyfile(template, path)
    store = Store.open(path, operator=operator, check=check)
    # The scenario's records are the same records in every copy (stable ids); the station that
    # now holds them is new.
    store.set_meta(
        station_id=new_id(),
        station_name=host_name(),
        created_at=to_iso(utc_now()),
    )
    return store


def _template(folder: Path) -> Path:
    path = folder / f"demo-{fingerprint()}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}"
    from db.scenario import init_database

    try:
        store = init_database(str(partial), demo=True)
        # Left in WAL mode, as every copy is opened (switching a copy to it writes and syncs
        # the file: milliseconds of every start), and checkpointed into one self-contained
        # file: the WAL is emptied here and removed as the connection closes.
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        os.replace(partial, path)  # whole or not at all, even with two starts racing
    finally:
        for leftover in folder.glob(f"{partial.name}*"):
            leftover.unlink(missing_ok=True)
    for old in folder.glob("demo-*.db"):
        if old != path:
            old.unlink(missing_ok=True)
    return path
