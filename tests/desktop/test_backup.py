"""Backups through the online API, rotation, listing, and restore end to end (db/ and CLI)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from db.errors import BackupFailed, StoreReadOnly
from db.safety import backup as backups
from db.safety.backup import (
    BACKUPS_KEPT,
    backup_if_due,
    backup_now,
    list_backups,
    restore_backup,
)
from db.store.store import Store
from desktop.cli import main

T0 = datetime(2025, 12, 1, 13, 0, tzinfo=UTC)


def _site(store: Store, name: str):
    return store.add_site(name=name, kind="crossing", country="PE", lat=-18.3, lon=-70.3)


def _names(store: Store) -> list[str]:
    return sorted(s.name for s in store.sites())


def _open_copy(path):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    names = sorted(r[0] for r in conn.execute("SELECT name FROM current_sites"))
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    conn.close()
    return names, mode, check


def test_backup_holds_entries_still_in_the_wal(store):
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")  # entries stay in the -wal only
    _site(store, "Santa Rosa")
    path = backup_now(store, now=T0)
    assert path == store.path.parent / "backups" / "post-20251201T130000.000Z.db"
    assert _open_copy(path) == (["Santa Rosa"], "delete", "ok")  # one self-contained file
    assert not path.with_name(path.name + ".partial").exists()
    assert store.meta("last_backup_at") == "2025-12-01T13:00:00Z"


def test_rotation_keeps_the_newest_and_nothing_else_is_touched(store):
    folder = store.path.parent / "backups"
    folder.mkdir()
    keep_me = folder / "notes.txt"
    keep_me.write_text("lista de turnos")
    for hour in range(BACKUPS_KEPT + 3):
        backup_now(store, now=T0 + timedelta(hours=hour))
    kept = list_backups(store.path)
    assert len(kept) == BACKUPS_KEPT
    assert kept[0].taken_at == T0 + timedelta(hours=BACKUPS_KEPT + 2)  # newest first
    assert kept[-1].taken_at == T0 + timedelta(hours=3)
    assert all(b.size_bytes > 0 and not b.label for b in kept)
    assert keep_me.read_text() == "lista de turnos"


def test_two_backups_in_one_instant_get_two_files(store):
    first, second = backup_now(store, now=T0), backup_now(store, now=T0)
    assert first != second and first.exists() and second.exists()


def test_backup_to_a_chosen_file_never_overwrites(store, tmp_path):
    _site(store, "Santa Rosa")
    target = tmp_path / "usb" / "copia.db"
    with pytest.raises(BackupFailed, match="its folder does not exist"):
        backup_now(store, to=target)  # a mistyped folder is said, never made
    target.parent.mkdir()
    assert backup_now(store, to=target) == target
    assert _open_copy(target)[0] == ["Santa Rosa"]
    with pytest.raises(BackupFailed, match="already exists"):
        backup_now(store, to=target)
    assert list_backups(store.path) == []  # a chosen file is not rotated with the others


def test_a_backup_failing_its_check_is_deleted(store, monkeypatch):
    monkeypatch.setattr(backups, "quick_check", lambda conn: "Page 7: btreeInitPage() error")
    with pytest.raises(BackupFailed, match="failed its check"):
        backup_now(store, now=T0)
    assert os.listdir(store.path.parent / "backups") == []


def test_backup_once_a_day_while_running(store):
    assert backup_if_due(store, now=T0) is not None
    assert backup_if_due(store, now=T0 + timedelta(hours=23)) is None
    assert backup_if_due(store, now=T0 + timedelta(hours=24, seconds=1)) is not None
    assert len(list_backups(store.path)) == 2


def test_restore_end_to_end(store):
    _site(store, "Santa Rosa")
    good = backup_now(store, now=T0)
    _site(store, "Chacalluta")  # entered after the backup

    other_window = Store.open(store.path, operator="Luis")  # another GUI on the same file
    assert _names(other_window) == ["Chacalluta", "Santa Rosa"]
    seen = []
    store.subscribe(lambda: seen.append("changed"))

    saved = restore_backup(store, good, now=T0 + timedelta(hours=1))

    assert _names(store) == ["Santa Rosa"]  # the later entry is gone...
    assert _names(other_window) == ["Santa Rosa"]  # ...for every window with the file open
    assert seen  # this window's panels are told to redraw
    assert saved.name.endswith("-before-restore.db")
    assert _open_copy(saved)[0] == ["Chacalluta", "Santa Rosa"]  # ...and kept in this backup
    assert store.meta("restored_from") == good.name
    labels = {b.path.name: b.label for b in list_backups(store.path)}
    assert labels == {good.name: "", saved.name: "before-restore"}
    _site(other_window, "Tacna")  # both windows keep working on the restored file
    assert _names(store) == ["Santa Rosa", "Tacna"]
    other_window.close()


def test_restore_into_a_damaged_file_keeps_the_damaged_bytes(store, tmp_path):
    _site(store, "Santa Rosa")
    good = backup_now(store, now=T0)
    path = store.path
    store.close()
    junk = os.urandom(8192)
    path.write_bytes(junk)

    saved = restore_backup(path, good, now=T0 + timedelta(hours=1))

    assert saved.read_bytes() == junk and "-damaged" in saved.name  # set aside whole
    reopened = Store.open(path)
    assert _names(reopened) == ["Santa Rosa"]
    reopened.close()
    assert [b.path for b in list_backups(path)] == [good]  # the damaged file is no backup


def test_restore_refuses_a_bad_backup_and_changes_nothing(store, tmp_path):
    _site(store, "Santa Rosa")
    bad = tmp_path / "backups-from-usb" / "post-20251201T130000.000Z.db"
    bad.parent.mkdir()
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(BackupFailed, match="choose another backup"):
        restore_backup(store, bad)
    assert _names(store) == ["Santa Rosa"]
    assert list_backups(store.path) == []  # nothing was saved because nothing was changed


def test_restore_refused_on_a_read_only_store(demo_path):
    good = backup_now(demo_path)
    store = Store.open(demo_path, read_only=True)
    with pytest.raises(StoreReadOnly):
        restore_backup(store, good)
    store.close()


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_backup_list_restore_and_check(store, tmp_path, capsys):
    _site(store, "Santa Rosa")
    path = store.path
    store.close()

    assert main(["backup", "--db", str(path)]) == 0
    made = capsys.readouterr().out.strip()
    assert made.endswith("bytes, checked)") and "/backups/post-" in made
    first = list_backups(path)[0].path

    later = Store.open(path)
    _site(later, "Chacalluta")
    later.close()
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "copia.db")]) == 0
    capsys.readouterr()
    assert main(["backup", "--db", str(path), "--list"]) == 0
    assert str(first) in capsys.readouterr().out

    assert main(["restore", str(first), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "before-restore" in out
    reopened = Store.open(path)
    assert _names(reopened) == ["Santa Rosa"]
    reopened.close()

    assert main(["check", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "integrity",
        "schema",
        "references",
        "counts",
        "backups",
    ]
    assert all(line.startswith(f"{path}: ") for line in lines)


def test_cli_restore_of_a_bad_backup_is_one_line(store, tmp_path, capsys):
    bad = tmp_path / "not-a-backup.db"
    bad.write_text("fecha;sitio\n")
    store.close()
    before = _sha(store.path)
    assert main(["restore", str(bad), "--db", str(store.path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "choose another backup" in err
    assert _sha(store.path) == before
