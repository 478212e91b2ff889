"""Several programs writing one database at once: no lost write, no "database is locked"."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from db.errors import StoreBusy
from db.store import writelock
from db.store.store import Store
from tests.safety_workers import Child

WRITERS = 3
RECORDS_PER_WRITER = 2000
BATCH_WRITER, BATCH_ROWS = "1", 20  # one writer imports batches; the reader checks they are whole


def _site(store: Store) -> None:
    store.add_site(name="Complejo Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)


def _writers_and_a_reader(tmp_path, writers: int, records: int) -> int:
    """``writers`` processes write ``records`` each while one reads; returns the reads made."""
    path = tmp_path / "post.db"
    with_site = Store.open(path, operator="setup")
    _site(with_site)
    with_site.close()
    writing = [
        Child(
            "writer",
            str(path),
            str(w),
            str(records),
            str(BATCH_ROWS if str(w) == BATCH_WRITER else 1),
            stderr_path=tmp_path / f"writer{w}.err",
        )
        for w in range(writers)
    ]
    reader = Child("reader", str(path), BATCH_WRITER, str(BATCH_ROWS), stderr_path=tmp_path / "r")
    children = [*writing, reader]
    for child in children:
        assert child.wait_for(lambda lines: "ready" in lines, 60), child.errors
    for child in children:
        child.send("go")  # all at once

    codes = [w.finish(timeout_s=600) for w in writing]
    reader.send("stop")
    codes.append(reader.finish())

    for child, code in zip(children, codes, strict=True):
        assert code == 0, child.errors
        assert "locked" not in child.errors + "\n".join(child.lines)
    assert all(f"done {records}" in w.lines for w in writing)

    conn = sqlite3.connect(path)
    notes = conn.execute("SELECT note, count(*) FROM observations GROUP BY note").fetchall()
    assert len(notes) == writers * records
    assert {count for _, count in notes} == {1}  # each exactly once
    expected = {f"w{w}-{i}" for w in range(writers) for i in range(records)}
    assert {note for note, _ in notes} == expected
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    return int(reader.lines[-1].split()[1])


@pytest.mark.slow
def test_three_writers_and_a_reader_lose_nothing(tmp_path):
    reads = _writers_and_a_reader(tmp_path, WRITERS, RECORDS_PER_WRITER)
    print(f"\n{WRITERS} x {RECORDS_PER_WRITER} writes alongside {reads} reads")
    assert reads > 10  # the reader really ran alongside the writers


@pytest.mark.soak
def test_six_writers_soak(tmp_path):
    reads = _writers_and_a_reader(tmp_path, 6, 10_000)
    print(f"\n6 x 10000 writes alongside {reads} reads")


def test_programs_creating_one_new_file_together_agree(tmp_path):
    path = tmp_path / "new.db"
    openers = [Child("opener", str(path), stderr_path=tmp_path / f"o{i}") for i in range(4)]
    for child in openers:
        assert child.wait_for(lambda lines: "ready" in lines, 30), child.errors
    for child in openers:
        child.send("go")
    for child in openers:
        assert child.finish() == 0, child.errors
    stations = {line for child in openers for line in child.lines if line.startswith("station")}
    assert len(stations) == 1  # one station id, written once, seen by every program
    assert Store.open(path).sites() == []


def _hold_write_lock(path):
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO meta(key, value) VALUES('holder', 'x')")
    return other


def test_a_writer_waits_for_the_lock_and_then_saves(store):
    store.conn.execute("PRAGMA busy_timeout = 20")  # SQLite's own wait gives up early
    _site(store)
    other = _hold_write_lock(store.path)
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.3, lon=-70.3)
    finally:
        release.join()
        other.close()
    # Saved after the retries outlasted several busy waits of 20 ms; nothing reached the user.
    assert sorted(s.name for s in store.sites()) == ["Chacalluta", "Complejo Santa Rosa"]


def test_a_writer_gives_up_with_a_clear_message(store, monkeypatch):
    monkeypatch.setattr(writelock, "WRITE_WAIT_S", 0.4)
    _site(store)
    other = _hold_write_lock(store.path)
    started = time.monotonic()
    try:
        with pytest.raises(StoreBusy) as caught:
            store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.3, lon=-70.3)
    finally:
        other.execute("ROLLBACK")
        other.close()
    waited = time.monotonic() - started
    message = str(caught.value)
    assert str(store.path) in message and "another program is holding the database" in message
    assert "not saved" in message and "locked" not in message
    assert 0.4 <= waited < 5.0  # it kept trying for the whole wait, and then stopped
    assert [s.name for s in store.sites()] == ["Complejo Santa Rosa"]
    # The lock is gone: the same entry now saves, the store is fine.
    store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.3, lon=-70.3)
    assert len(store.sites()) == 2
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
