"""Operator and station names that other stations would refuse are refused where they are
given: the environment, the settings, the operator dialog and ``situation-room station``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db.names import MAX_NAME
from db.sync.station import MAX_STATION_NAME
from desktop import settings
from desktop.app import ensure_operator
from desktop.cli import main
from desktop.dialogs.operator_dialog import OperatorDialog

BAD_NAMES = {
    "over_long": "Ana " + "x" * 200,
    "spaces_only": "   ",
    "zero_width_only": "\u200b\u200b",
    "control_character": "Ana\x07",
}


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("bad", BAD_NAMES)
def test_the_command_line_refuses_a_bad_operator_from_the_environment(
    demo_path, tmp_path, capsys, monkeypatch, bad
):
    monkeypatch.setenv("SITUATION_ROOM_OPERATOR", BAD_NAMES[bad])
    out = tmp_path / "santa-rosa.zip"
    assert main(["bundle", "export", str(out), "--db", str(demo_path)]) == 1
    assert "SITUATION_ROOM_OPERATOR" in _one_line(capsys.readouterr().err)
    assert not out.exists()


def test_a_good_operator_from_the_environment_is_stored_normalised(demo, capsys, monkeypatch):
    monkeypatch.setenv("SITUATION_ROOM_OPERATOR", " Rosa\u200b  Quispe ")
    assert (
        main(["bundle", "export", str(demo.path.with_name("b.zip")), "--db", str(demo.path)]) == 0
    )
    (operator,) = demo.conn.execute("SELECT operator FROM sync_log").fetchone()
    assert operator == "Rosa Quispe"


@pytest.mark.parametrize("bad", BAD_NAMES)
def test_station_refuses_a_bad_name(demo, capsys, bad):
    before = demo.station_name
    assert main(["station", "--db", str(demo.path), "--name", BAD_NAMES[bad]]) == 1
    assert _one_line(capsys.readouterr().err).startswith("situation-room: name: ")
    assert demo.station_name == before


# -- the window asks again ------------------------------------------------------------------
def _answer(operator: str, station: str | None = None) -> list[str]:
    """Read the error the operator dialog opens with, then type ``operator`` and accept."""
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OperatorDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        dialog.operator_edit.setText(operator)
        if station is not None and dialog.station_edit is not None:
            dialog.station_edit.setText(station)
        dialog.accept()
        if dialog.isVisible():  # refused: say why, then give up
            seen.append(dialog.error.text())
            dialog.reject()

    QTimer.singleShot(20, fill)
    return seen


@pytest.mark.gui
@pytest.mark.parametrize("source", ["environment", "settings"])
@pytest.mark.parametrize("bad", BAD_NAMES)
def test_the_window_asks_again_for_a_bad_saved_operator(qtbot, demo, monkeypatch, bad, source):
    if source == "environment":
        monkeypatch.setenv("SITUATION_ROOM_OPERATOR", BAD_NAMES[bad])
    else:
        monkeypatch.delenv("SITUATION_ROOM_OPERATOR")
        settings.put("session/operator", BAD_NAMES[bad])
    demo.set_meta(station_named="1")
    seen = _answer("Rosa Quispe")
    assert ensure_operator(demo)
    assert seen and seen[0].startswith("The saved name cannot be used")
    assert demo.operator == "Rosa Quispe"
    assert settings.get("session/operator") == "Rosa Quispe"


@pytest.mark.gui
@pytest.mark.parametrize("bad", [b for b in BAD_NAMES if b != "over_long"])
def test_the_operator_dialog_refuses_bad_names(qtbot, demo, bad):
    before = (demo.operator, demo.station_name)
    seen = _answer(BAD_NAMES[bad])
    ensure_operator(demo, ask=True)  # refused, then cancelled
    assert seen[-1].startswith(("Enter your name", "Your name cannot be used"))
    seen = _answer("Rosa Quispe", BAD_NAMES[bad])
    ensure_operator(demo, ask=True)
    assert seen[-1].startswith(("Enter a name for this station", "The station's name cannot"))
    assert (demo.operator, demo.station_name) == before


@pytest.mark.gui
def test_the_operator_dialog_takes_no_more_than_a_name_can_hold(qtbot):
    dialog = OperatorDialog("", "Puesto")
    qtbot.addWidget(dialog)
    dialog.operator_edit.setText(BAD_NAMES["over_long"])
    dialog.station_edit.setText(BAD_NAMES["over_long"])
    assert len(dialog.operator_edit.text()) == MAX_NAME
    assert len(dialog.station_edit.text()) == MAX_STATION_NAME


@pytest.mark.gui
def test_the_window_opens_and_asks_when_the_environment_names_no_usable_operator(
    qtbot, restore_appearance, demo_path, monkeypatch
):
    from desktop.app import open_window, shutdown
    from desktop.cli import build_parser

    monkeypatch.setenv("SITUATION_ROOM_OPERATOR", "Ana\x07")
    argv = ["--db", str(demo_path), "--lang", "en"]
    seen = _answer("Rosa Quispe", "Puesto Santa Rosa")
    window = open_window(build_parser(argv).parse_args(argv))
    try:
        assert seen[0].startswith("The saved name cannot be used")
        assert window.operator_label.text() == "Operator: Rosa Quispe"
        assert window.station_label.text() == "Station: Puesto Santa Rosa"
    finally:
        shutdown(window)
