"""No error lost: an unexpected one is logged with its traceback and the operator is told
where (one line on the command line, a dialog in the window); a damaged setting shows in the
window, not on a console no one reads."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from db.clock import Clock
from db.scenario import init_database
from db.store.store import Store
from desktop.app import build_window
from desktop.cli import main
from desktop.window import unexpected_error


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv("SITUATION_ROOM_LOG_DIR", str(folder))
    monkeypatch.delenv("SITUATION_ROOM_DEBUG", raising=False)
    return folder


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.db"
    init_database(str(path), demo=False).close()
    return path


def _boom(args):
    raise RuntimeError("a bug somewhere")


def test_the_cli_line_names_the_log_that_holds_the_traceback(post, log_dir, monkeypatch, capsys):
    monkeypatch.setattr("desktop.commands.status_cmd.run", _boom)
    assert main(["status", "--db", str(post)]) == 1
    err = capsys.readouterr().err
    log = log_dir / "situation-room.log"
    assert err == (
        f"situation-room: unexpected error: RuntimeError: a bug somewhere "
        f"(the details are in {log})\n"
    )
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "in _boom" in text and "RuntimeError: a bug somewhere" in text


def test_a_second_error_is_added_to_the_same_log(post, log_dir, monkeypatch, capsys):
    monkeypatch.setattr("desktop.commands.status_cmd.run", _boom)
    main(["status", "--db", str(post)])
    main(["status", "--db", str(post)])
    capsys.readouterr()
    assert (log_dir / "situation-room.log").read_text(encoding="utf-8").count("in _boom") == 2


def test_an_error_in_the_window_shows_a_dialog_naming_the_log(qtbot, log_dir):
    with unexpected_error.reported():
        try:
            raise ValueError("slot failed")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        qWarning("a warning from Qt")
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "unexpectedErrorDialog"
    )
    qtbot.waitExposed(dialog)
    log = log_dir / "situation-room.log"
    assert "ValueError: slot failed" in dialog.text()
    assert str(log) in dialog.text()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and 'raise ValueError("slot failed")' in text
    assert "Qt: a warning from Qt" in text
    dialog.close()
    # Outside the window's run the hook is the one it replaced.
    assert sys.excepthook is not unexpected_error.report


def test_a_damaged_setting_shows_in_the_window(qtbot, post):
    with sqlite3.connect(post) as conn:
        conn.execute("UPDATE meta SET value = 'Mars/Olympus' WHERE key = 'timezone'")
    conn.close()
    store = Store.open(post, operator="Tester")
    window = build_window(store, Clock(None), "en")
    qtbot.addWidget(window)
    window.show()
    warning = window.findChild(QLabel, "settingsWarning")
    assert warning.isVisible()
    assert warning.text() == (
        "Damaged setting: the post's time zone in this database ('Mars/Olympus') is not a time "
        "zone: using America/Lima"
    )
    window.close()
    store.close()


def test_a_sound_post_shows_no_settings_warning(qtbot, post):
    store = Store.open(post, operator="Tester")
    window = build_window(store, Clock(None), "en")
    qtbot.addWidget(window)
    window.show()
    assert not window.findChild(QLabel, "settingsWarning").isVisible()
    window.close()
    store.close()
