"""No traceback reaches the operator: an unexpected error is one line and exit 1, and the
inputs known to have caused one are refused (or worked around) with a message of their own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.scenario import init_database
from desktop.cli import main


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.db"
    init_database(str(path), demo=False).close()
    return path


def _boom(args):
    raise RuntimeError("a bug somewhere")


def test_an_unexpected_error_is_one_line_and_exit_1(post, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("desktop.commands.status_cmd.run", _boom)
    monkeypatch.delenv("SITUATION_ROOM_DEBUG", raising=False)
    monkeypatch.setenv("SITUATION_ROOM_LOG_DIR", str(tmp_path / "logs"))
    assert main(["status", "--db", str(post)]) == 1
    err = capsys.readouterr().err
    assert err == (
        "situation-room: unexpected error: RuntimeError: a bug somewhere "
        f"(the details are in {tmp_path / 'logs' / 'situation-room.log'})\n"
    )
    monkeypatch.setenv("SITUATION_ROOM_DEBUG", "1")
    assert main(["status", "--db", str(post)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "_boom" in err


@pytest.mark.parametrize("at", ["0001-01-01T00:00Z", "0001-01-01T00:00-05:00", "9999-12-31T23:59Z"])
def test_at_far_outside_the_calendar_is_refused(post, at, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["status", "--at", at, "--db", str(post)])
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert "--at: must be between 1900 and 2199" in err and "Traceback" not in err


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_briefing_date_far_outside_the_calendar_is_refused(post, day, tmp_path, capsys):
    out = tmp_path / "b.pdf"
    assert main(["brief", "--date", day, "--out", str(out), "--db", str(post)]) == 1
    assert capsys.readouterr().err == "situation-room: --date: must be between 1900 and 2199\n"
    assert not out.exists()


def test_unusable_post_settings_open_with_the_default_and_a_warning(post, capsys):
    with sqlite3.connect(post) as conn:
        conn.execute("UPDATE meta SET value = 'Mars/Olympus' WHERE key = 'timezone'")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('exercise_clock', 'x')")
    conn.close()
    assert main(["status", "--db", str(post), "--json"]) == 0
    out = capsys.readouterr()
    assert "'Mars/Olympus') is not a time zone: using America/Lima" in out.err
    assert "exercise clock in this database ('x') is not a usable time" in out.err
    assert "America/Lima" in out.out


def test_a_database_name_too_long_for_the_system(tmp_path, capsys):
    path = tmp_path / ("a" * 300 + ".db")
    assert main(["status", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be used as a file name" in err
