"""Damaged, foreign, locked and read-only files: a clear refusal, and the file left as it was.

Each refused file gets a message saying what is wrong and what to do; its bytes and name are
unchanged (hash and folder listing before and after), and ``situation-room status`` prints one
line and exits 1. Read-only files and folders are made so with permission bits, or, when the
tests run as root (whom permission bits do not stop), with the immutable attribute.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import StoreBusy, StoreReadOnly, StoreUnavailable
from db.safety.backup import backup_now, entries_lost
from db.safety.check import check_database
from db.store import writelock
from db.store.schema import SCHEMA_VERSION
from db.store.store import Store
from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(os.listdir(path.parent))


def _status(path: Path):
    """``python -m desktop status --db PATH --json``, as an operator would type it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "status", "--db", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _half_of_demo(src: Path, dst: Path) -> None:
    data = src.read_bytes()
    dst.write_bytes(data[: len(data) // 2])


def _random_bytes(src: Path, dst: Path) -> None:
    dst.write_bytes(os.urandom(64 * 1024))


def _header_then_noise(src: Path, dst: Path) -> None:
    dst.write_bytes(b"SQLite format 3\x00" + os.urandom(64 * 1024))


def _pages_scribbled(src: Path, dst: Path) -> None:
    data = bytearray(src.read_bytes())
    for page in range(2, len(data) // 4096, 3):
        data[page * 4096 + 200 : page * 4096 + 400] = os.urandom(200)
    dst.write_bytes(bytes(data))


def _spreadsheet(src: Path, dst: Path) -> None:
    dst.write_text("fecha;sitio;personas\n01/12/2025;Santa Rosa;120\n", encoding="utf-8")


def _other_programs_database(src: Path, dst: Path) -> None:
    conn = sqlite3.connect(dst)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ana', '952 000 000')")
    conn.commit()
    conn.close()


def _from_a_newer_app(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
    conn = sqlite3.connect(dst)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


DAMAGED = {
    "truncated": (_half_of_demo, "truncated", "restore a backup"),
    "random bytes": (_random_bytes, "not an SQLite file", "restore a backup"),
    "sqlite header then noise": (_header_then_noise, "damaged", "restore a backup"),
    "scribbled pages": (_pages_scribbled, "damaged", "restore a backup"),
    "spreadsheet": (_spreadsheet, "not a Situation Room database", "open another file"),
    "another program's database": (_other_programs_database, "another program", "open another"),
    "newer app version": (_from_a_newer_app, "newer version", "update the app"),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_bad_file_is_refused_clearly_and_left_alone(case, demo_path, tmp_path):
    make, what, todo = DAMAGED[case]
    folder = tmp_path / "stick"
    folder.mkdir()
    path = folder / "post.db"
    make(demo_path, path)
    before = _fingerprint(path)

    with pytest.raises(StoreUnavailable) as refused:
        Store.open(path)
    message = str(refused.value)
    assert str(path) in message and what in message and todo in message
    assert "\n" not in message

    result = _status(path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("situation-room: ")
    assert what in result.stderr and todo in result.stderr
    assert _fingerprint(path) == before  # same bytes, same name, nothing new beside it


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreUnavailable, match="is a folder"):
        Store.open(tmp_path)


def test_empty_file_locked_by_another_program(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("db.store.connection.BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(writelock, "WRITE_WAIT_S", 0.3)
    path = tmp_path / "new.db"
    path.touch()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program, in the middle of creating it
    try:
        with pytest.raises(StoreBusy) as refused:
            Store.open(path)
        assert "another program keeps this database locked" in str(refused.value)
        assert main(["status", "--db", str(path), "--json"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "locked" in err and "open the file again" in err
        assert path.stat().st_size == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # The other program gave up and left the file empty: that is no database, only init may
    # start one there.
    with pytest.raises(StoreUnavailable, match="empty"):
        Store.open(path)
    Store.open(path, new=True).close()


def test_database_kept_locked_refuses_writes_then_recovers(store, monkeypatch):
    monkeypatch.setattr(writelock, "WRITE_WAIT_S", 0.2)
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusy, match="not saved"):
            store.set_meta(station_name="Puesto Tacna")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.set_meta(station_name="Puesto Tacna")
    assert store.station_name == "Puesto Tacna"


def test_read_only_store_shows_records_and_refuses_writes(demo_path):
    before = _fingerprint(demo_path)
    store = Store.open(demo_path, read_only=True)
    try:
        assert store.read_only and len(store.sites()) == 5
        with pytest.raises(StoreReadOnly) as refused:
            store.add_event(kind="other", title="Corte de ruta", occurred_at="2025-12-01T13:00Z")
        assert "read-only" in str(refused.value) and "not saved" in str(refused.value)
        with pytest.raises(StoreReadOnly):
            store.set_meta(station_name="x")
    finally:
        store.close()
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before[0]


@pytest.fixture
def write_protect():
    """Make a file or folder unwritable for this process, and undo it afterwards.

    For an ordinary user, permission bits do it. Root ignores those, so for root the immutable
    attribute (``chattr +i``) stands in: it binds root too, as a read-only medium would.
    """
    undo = []

    def protect(path: Path) -> None:
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            mode = path.stat().st_mode
            path.chmod(0o555 if path.is_dir() else 0o444)
            undo.append(lambda: path.chmod(mode))
            return
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", path]).returncode != 0:
            pytest.skip("cannot make a file read-only for root on this file system")
        undo.append(lambda: subprocess.run([chattr, "-i", path], check=True))

    yield protect
    for step in reversed(undo):
        step()


def test_read_only_file_opens_for_viewing(tmp_path, demo_path, write_protect):
    path = tmp_path / "post.db"
    shutil.copyfile(demo_path, path)
    write_protect(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    store = Store.open(path)  # nobody asked for read-only: the file's permissions say so
    try:
        assert store.read_only and len(store.sites()) == 5
        with pytest.raises(StoreReadOnly):
            store.add_event(kind="other", title="Corte de ruta", occurred_at="2025-12-01T13:00Z")
    finally:
        store.close()

    result = _status(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr
    assert "opened for viewing" in result.stderr
    assert '"sites": 5' in result.stdout  # the picture is there to see
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.name in os.listdir(tmp_path)


def test_read_only_folder_is_refused_clearly(tmp_path, demo_path, write_protect):
    folder = tmp_path / "cdrom"
    folder.mkdir()
    path = folder / "post.db"
    shutil.copyfile(demo_path, path)
    write_protect(folder)  # the file itself is writable; its folder is not
    before = _fingerprint(path)

    with pytest.raises(StoreUnavailable) as refused:
        Store.open(path)
    assert "copy the file to a writable folder" in str(refused.value)
    result = _status(path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "read-only" in result.stderr and "copy the file to a writable folder" in result.stderr
    assert _fingerprint(path) == before


def test_lost_wal_opens_and_check_reports_the_loss(tmp_path):
    path = tmp_path / "post.db"
    store = Store.open(path, operator="Ana")
    site = store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")  # later entries live in the -wal only
    for hour in (7, 8, 9):
        store.add_observation(
            site_id=site.id,
            category="crossed_regular",
            count=hour,
            period_start=f"2025-12-01T{hour + 5:02d}:00:00Z",
            period_end=f"2025-12-01T{hour + 6:02d}:00:00Z",
        )
    backup = backup_now(store)  # the online backup reads the -wal too

    # The main file alone is carried away (copied while the app runs): its -wal is lost.
    stick = tmp_path / "stick"
    (stick / "backups").mkdir(parents=True)
    shutil.copyfile(path, stick / "post.db")
    shutil.copyfile(backup, stick / "backups" / backup.name)
    store.close()

    lost = Store.open(stick / "post.db")  # opens fine: quick_check passes, the site is there
    assert [s.name for s in lost.sites()] == ["Santa Rosa"] and lost.observations() == []
    newest, missing = entries_lost(lost)  # what the window asks on opening
    assert newest.path.name == backup.name and missing == 3
    lost.close()
    findings = {f.aspect: f for f in check_database(stick / "post.db")}
    assert findings["integrity"].ok
    assert not findings["backups"].ok and "3 records" in findings["backups"].message
    assert main(["check", "--db", str(stick / "post.db")]) == 1


def test_damage_found_only_while_reading_is_one_line(demo_path, monkeypatch, capsys):
    # Damage inside a value passes quick_check; SQLite reports it when the row is read.
    def read_damaged_page(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr("desktop.commands.status_cmd.status", read_damaged_page)
    assert main(["status", "--db", str(demo_path), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "malformed" in err and "situation-room check" in err
