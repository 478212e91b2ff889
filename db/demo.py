"""``--demo``: a fresh copy of the built-in exercise, in milliseconds.

Building the exercise validates and writes two thousand records, which takes longer than the
rest of the window's start. So it is built once into a template (a file in a cache folder whose
name carries a fingerprint of the scenario and of the code that builds it), and each ``--demo``
copies that with SQLite's backup API and gives the copy its own station identity. A template
that cannot be written (read-only cache, full disk) only costs speed: the copy is built
directly then.
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import uuid
from pathlib import Path

from db.clock import to_iso, utc_now
from db.resources import resource
from db.scenario import SCENARIO_FILE, init_database
from db.schema import SCHEMA_VERSION
from db.store import Store

# What the template's content depends on: the scenario, and the code that turns it into rows,
# tables and triggers.
BUILT_BY = (
    "scenario.py",
    "store.py",
    "schema.py",
    "observation_days.py",
    "validation.py",
    "vocab.py",
    "clock.py",
)


def fingerprint() -> str:
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    digest.update(resource(*SCENARIO_FILE).read_bytes())
    here = Path(__file__).parent
    for name in BUILT_BY:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def demo_copy(path: str | Path, template_dir: Path, *, operator: str = "") -> Store:
    """A new database at ``path`` holding the exercise, copied from the template in
    ``template_dir`` (built there first if it is missing or out of date)."""
    try:
        template = _template(template_dir)
    except OSError:
        return init_database(str(path), demo=True, operator=operator)
    src, dst = sqlite3.connect(template), sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    store = Store.open(path, operator=operator)
    # The scenario's records are the same records in every copy (stable ids); the station that
    # now holds them is new.
    store.set_meta(
        station_id=str(uuid.uuid4()),
        station_name=socket.gethostname() or "estación",
        created_at=to_iso(utc_now()),
    )
    return store


def _template(folder: Path) -> Path:
    path = folder / f"demo-{fingerprint()}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    try:
        store = init_database(str(partial), demo=True)
        store.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        store.close()
        os.replace(partial, path)  # whole or not at all, even with two starts racing
    finally:
        for leftover in folder.glob(f"{partial.name}*"):
            leftover.unlink(missing_ok=True)
    for old in folder.glob("demo-*.db"):
        if old != path:
            old.unlink(missing_ok=True)
    return path
