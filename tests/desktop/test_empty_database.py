"""An empty (0-byte) database file is a post that lost its bytes, never a new empty post."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.errors import StoreUnavailable
from db.store.store import Store
from desktop.cli import main


def test_an_empty_file_is_refused_as_damaged_and_left_as_it_was(tmp_path: Path, capsys):
    path = tmp_path / "post.db"
    path.write_bytes(b"")
    assert main(["status", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "damaged" in err and "empty (0 bytes)" in err and "situation-room init" in err
    with pytest.raises(StoreUnavailable, match="empty"):
        Store.open(path)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.db"]


def test_check_reports_an_empty_file_as_damaged(tmp_path: Path, capsys):
    path = tmp_path / "post.db"
    path.write_bytes(b"")
    assert main(["check", "--db", str(path)]) == 1
    assert "empty (0 bytes)" in capsys.readouterr().out + capsys.readouterr().err


def test_init_may_start_a_database_in_an_empty_file(tmp_path: Path, capsys):
    path = tmp_path / "post.db"
    path.write_bytes(b"")
    assert main(["init", str(path)]) == 0
    assert "empty database created" in capsys.readouterr().out
    assert main(["status", "--db", str(path)]) == 0
