"""Helpers for the sync tests: stations, what a station shows, and bundles rewritten by hand."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.store.schema import RECORD_TABLES
from db.store.store import Store, new_id
from db.sync.bundle import MANIFEST_NAME, RECORDS_NAME, sign
from tests.conftest import lima

ATTRIBUTION = ("entered_at", "entered_by", "station")


def copy_db(src: Path, dst: Path) -> Path:
    """A copy of a database through SQLite's backup API (never a file copy of a live db)."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    b.close()
    return dst


def station_from(template: Path, path: Path, name: str, operator: str) -> Store:
    """A new station holding the template's records, with its own station id and name."""
    copy_db(template, path)
    store = Store.open(path, operator=operator)
    store.set_meta(station_id=new_id(), station_name=name)
    return store


def picture(store: Store) -> dict[str, Any]:
    """What every station must agree on after a full exchange.

    Every row id per table, the current rows with their values, and the voidings. Rows of the
    shipped scenario carry each station's own attribution (each station loaded it itself), so
    values are compared without who/where/when; rows typed by operators must match whole.
    """
    out: dict[str, Any] = {}
    for table in RECORD_TABLES:
        cur = store.conn.execute(f"SELECT * FROM current_{table}").fetchall()
        out[f"current_{table}"] = {
            tuple((k, v) for k, v in dict(r).items() if k not in ATTRIBUTION) for r in cur
        }
        out[f"ids_{table}"] = {
            r[0] for r in store.conn.execute(f"SELECT id FROM {table}").fetchall()
        }
        out[f"typed_{table}"] = {
            tuple(r)
            for r in store.conn.execute(
                f"SELECT * FROM {table} WHERE entered_by != 'escenario'"
            ).fetchall()
        }
    out["voids"] = {tuple(r) for r in store.conn.execute("SELECT * FROM voids").fetchall()}
    return out


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table (records, voids, meta, sync_log): for "nothing was written"."""
    tables = store.conn.execute(
        "SELECT name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' "
        "ORDER BY name"
    ).fetchall()
    return {
        # A table without rowid comes back in its primary key's order.
        t: [
            tuple(r)
            for r in store.conn.execute(f"SELECT * FROM {t} {'' if keyed else 'ORDER BY rowid'}")
        ]
        for t, keyed in tables
    }


def add_field_work(store: Store, tag: str, *, demo_site: str | None = None) -> dict[str, str]:
    """What a station's operators type in one shift: a site, counts, an event, a milestone."""
    site = store.add_site(
        name=f"Puesto {tag}", kind="checkpoint", country="PE", lat=-18.1, lon=-70.2
    )
    ids = {"site": site.id}
    for i, site_id in enumerate([site.id, site.id, demo_site or site.id]):
        obs = store.add_observation(
            site_id=site_id,
            period_start=lima(2025, 12, 2, 7 + i),
            period_end=lima(2025, 12, 2, 8 + i),
            direction="into_peru",
            category="crossed_regular",
            count=10 + i,
            source=f"equipo {tag}",
        )
        ids[f"obs{i}"] = obs.id
    ids["event"] = store.add_event(
        kind="patrol",
        title=f"Patrulla {tag}",
        occurred_at=lima(2025, 12, 2, 9),
        lat=-18.2,
        lon=-70.3,
    ).id
    ids["milestone"] = store.add_milestone(
        title=f"Reunión {tag}", kind="meeting", at=lima(2025, 12, 5, 10)
    ).id
    return ids


def read_parts(path: Path) -> tuple[dict[str, Any], bytes]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(MANIFEST_NAME)), zf.read(RECORDS_NAME)


def write_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on duplicate names, which some tests want
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return path


def rebuild(
    src: Path,
    dst: Path,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    records: Callable[[bytes], bytes] | None = None,
    rehash: bool = True,
    key: bytes | None = None,
) -> Path:
    """``src`` rewritten: edit its manifest or records, then recompute the checksum (unless
    ``rehash`` is False) and re-sign with ``key`` (else keep the old signature)."""
    m, data = read_parts(src)
    if records:
        data = records(data)
    if rehash:
        m["records"] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    if manifest:
        manifest(m)
    if key is not None:
        m["signature"] = sign(m, key)
    return write_zip(dst, [(MANIFEST_NAME, json.dumps(m).encode()), (RECORDS_NAME, data)])
