"""A full disk during a write: the entry is refused in words, nothing half-written, work goes on.

Two ways to fill it, both making SQLite itself fail with SQLITE_FULL: a size limit on the
database (``PRAGMA max_page_count``, works anywhere) and, when the tests run as root, a real
tiny file system (a 2 MB tmpfs, the ``tiny_disk`` fixture of tests/conftest.py) filled to the
brim.
"""

from __future__ import annotations

import shutil

import pytest

from db.errors import StoreFull
from db.store.connection import quick_check
from db.store.store import Store

LONG_NOTE = "Conteo manual en la garita; " * 60  # ~1.7 kB: every few rows need a new page


def _count(store: Store, site_id: str, n: int) -> dict:
    return {
        "site_id": site_id,
        "category": "crossed_regular",
        "count": n,
        "period_start": "2025-12-01T12:00:00Z",
        "period_end": "2025-12-01T13:00:00Z",
        "note": LONG_NOTE,
    }


def _assert_refused_cleanly(full: pytest.ExceptionInfo, store: Store) -> None:
    message = str(full.value)
    assert "the disk is full: the entry was not saved" in message
    assert str(store.path) in message and "\n" not in message
    assert quick_check(store.conn) == "ok"
    assert not store.conn.in_transaction


def test_size_limit_refuses_an_import_whole(demo):
    site_id = demo.sites()[0].id
    before = demo.counts()
    pages = demo.conn.execute("PRAGMA page_count").fetchone()[0]
    demo.conn.execute(f"PRAGMA max_page_count = {pages}")
    rows = [demo.prepare("observations", _count(demo, site_id, i)) for i in range(300)]

    with pytest.raises(StoreFull) as full:
        demo.insert_rows("observations", rows)
    _assert_refused_cleanly(full, demo)
    assert demo.counts() == before  # not one of the 300 rows was kept

    demo.conn.execute(f"PRAGMA max_page_count = {pages * 4}")  # space was freed
    assert demo.insert_rows("observations", rows) == 300
    assert demo.counts()["observations"] == before["observations"] + 300


def test_size_limit_refuses_one_form_entry_and_keeps_the_rest(store):
    site = store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    saved = 0
    with pytest.raises(StoreFull) as full:
        for n in range(200):
            store.add_observation(**_count(store, site.id, n))
            saved += 1
    _assert_refused_cleanly(full, store)
    assert saved > 0 and len(store.observations()) == saved  # every entry before it is there
    assert store.sites() == [site]  # and the store still answers


def test_real_full_disk_refuses_the_batch_then_recovers(tiny_disk):
    store = Store.open(tiny_disk / "post.db", operator="Ana")
    site = store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    filler = tiny_disk / "other-program.bin"
    free = shutil.disk_usage(tiny_disk).free
    filler.write_bytes(b"\0" * (free - 96 * 1024))  # another program took nearly all the disk

    saved = 0
    with pytest.raises(StoreFull) as full:
        for _ in range(100):
            rows = [store.prepare("observations", _count(store, site.id, i)) for i in range(20)]
            store.insert_rows("observations", rows)
            saved += 20
    _assert_refused_cleanly(full, store)
    assert len(store.observations()) == saved  # whole batches only

    filler.unlink()  # the operator frees space: the same store saves again, no restart
    rows = [store.prepare("observations", _count(store, site.id, i)) for i in range(20)]
    assert store.insert_rows("observations", rows) == 20
    assert len(store.observations()) == saved + 20
    store.close()
    assert Store.open(tiny_disk / "post.db").counts()["observations"] == saved + 20
