"""A file named like a backup is no proof of one: each is read before it is trusted, listed as
good, or compared with the database, and its damage is told apart from the database's."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from db.clock import utc_now
from db.safety.backup import backup_name, backup_now, list_backups
from db.safety.database_files import backup_folder
from db.scenario import init_database
from desktop.cli import main


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.db"
    init_database(str(path), demo=True).close()
    backup_now(path)
    return path


def _junk_newest(post: Path) -> Path:
    junk = backup_folder(post) / backup_name(post, utc_now() + timedelta(hours=1))
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"junk" * 1000)
    return junk


def test_check_tells_a_damaged_backup_from_a_damaged_database(post, capsys):
    junk = _junk_newest(post)
    assert main(["check", "--db", str(post)]) == 1
    out = capsys.readouterr().out
    assert f"backups: the backup {junk.name} is damaged" in out
    assert "the database itself is sound; only backups have problems" in out
    assert "integrity: ok" in out
    assert "reading records failed" not in out
    # the good backup still serves the loss check
    assert "1 kept; the newest" in out


def test_backup_list_says_which_backups_are_good(post, capsys):
    junk = _junk_newest(post)
    assert main(["backup", "--db", str(post), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 == len(list_backups(post))
    shown = {re.search(r"(\S+\.db)", line)[1]: line for line in lines}  # type: ignore[index]
    assert "DAMAGED" in shown[str(junk)]
    good = next(path for path in shown if path != str(junk))
    assert shown[good].endswith("  good") and "DAMAGED" not in shown[good]


def test_a_backup_killed_mid_copy_leaves_nothing_for_long(post, capsys):
    import os
    import time

    folder = backup_folder(post)
    killed = folder / ".post-20251201T120000.000Z.db.0badc0de.part"
    killed.write_bytes(post.read_bytes())  # full size, as a killed copy leaves it
    journal = killed.with_name(killed.name + "-journal")
    journal.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    for path in (killed, journal):
        os.utime(path, (an_hour_ago, an_hour_ago))
    running = folder / ".post-20251201T130000.000Z.db.0ddba11.part"  # another backup, writing
    running.write_bytes(b"SQLite format 3\x00")
    assert main(["backup", "--db", str(post)]) == 0
    left = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert left == [running.name]
