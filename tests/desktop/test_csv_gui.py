"""File → Import/Export observations (CSV) in the main window, as an operator uses them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

import desktop.dialogs.csv_dialogs as csv_dialogs
from db.clock import Clock
from desktop.app import build_window
from desktop.dialogs.csv_dialogs import RefusedDialog
from tests import gui_helpers
from tests.conftest import lima
from tests.csv_helpers import stored, write


@pytest.fixture
def window(qtbot, demo):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def file_action(window, name: str):
    (action,) = [a for a in window.menus["file"].actions() if a.objectName() == name]
    return action


def choose(monkeypatch, path) -> None:
    """The operator picks ``path`` in the file dialog."""
    fake = SimpleNamespace(
        getOpenFileName=lambda *a, **k: (str(path), ""),
        getSaveFileName=lambda *a, **k: (str(path), ""),
    )
    monkeypatch.setattr(csv_dialogs, "QFileDialog", fake)


def open_dialog(window, cls):
    found = [d for d in window.findChildren(cls) if d.isVisible()]
    return found[0] if found else None


def test_a_refused_file_lists_every_bad_row_and_writes_nothing(
    qtbot, window, demo, tmp_path, monkeypatch
):
    rows = "".join(f"Tacna;0{d}/12/2025;Asistidos;{d},5\n" for d in range(1, 8))
    path = write(tmp_path, f"Sitio;Inicio;Categoría;Cantidad\n{rows}Lima;08/12/2025;Asistidos;3\n")
    before = stored(demo)
    choose(monkeypatch, path)
    action = file_action(window, "importObservationsCsv")
    assert action.text() == "Import observations (CSV)…"
    action.trigger()
    qtbot.waitUntil(lambda: open_dialog(window, RefusedDialog) is not None, timeout=10_000)
    dialog = open_dialog(window, RefusedDialog)
    lines = dialog.text.toPlainText().splitlines()
    assert len(lines) == 8  # every bad row, not the first few
    assert lines[0] == (
        f"{path}:2: Cantidad: '1,5' is not a whole number (people are counted without fractions)"
    )
    assert lines[-1].startswith(f"{path}:9: Sitio: no site named 'Lima'")
    assert "nothing was imported" in dialog.info.text() and "8 problems" in dialog.info.text()
    assert stored(demo) == before
    dialog.close()


def test_an_accepted_file_is_summarised_and_reaches_the_figures(
    qtbot, window, demo, tmp_path, monkeypatch
):
    filler = "".join(f"Tacna;{1 + i % 28:02d}/11/2025;Asistidos;{i}\n" for i in range(3000))
    path = write(
        tmp_path,
        "Sitio;Inicio;Categoría;Cantidad\n"
        f"{filler}linea de la concordia;01/12/2025 07:30;Varados;4.321\n",
    )
    choose(monkeypatch, path)
    tile = window.strip.tiles["stranded"]
    file_action(window, "importObservationsCsv").trigger()
    qtbot.waitUntil(lambda: open_dialog(window, QMessageBox) is not None, timeout=20_000)
    box = open_dialog(window, QMessageBox)
    assert box.text() == "partes.csv: 3001 rows read, 3001 records added, 0 already present."
    box.accept()
    # The window's watcher sees the worker's commit: the stranded tile shows the new count.
    qtbot.waitUntil(lambda: tile.value.text().replace(",", "") == "4321", timeout=2000)


def test_export_writes_the_current_counts(qtbot, window, demo, tmp_path, monkeypatch):
    target = tmp_path / "salida"
    choose(monkeypatch, target)
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(QMessageBox.StandardButton.Ok)
    file_action(window, "exportObservationsCsv").trigger()
    written = tmp_path / "salida.csv"  # the extension is added when the name has none
    assert written.exists()
    assert written.read_bytes().count(b"\r\n") == len(demo.observations()) + 1
    assert [f"{len(demo.observations())} observations written to {written}."] == gui_helpers.SEEN


def test_cancelling_a_long_import_writes_nothing(qtbot, window, demo, tmp_path):
    rows = "".join(f"Tacna;{1 + i % 28:02d}/11/2025;Asistidos;{i}\n" for i in range(50_000))
    path = write(tmp_path, f"Sitio;Inicio;Categoría;Cantidad\n{rows}")
    before = stored(demo)
    job = csv_dialogs.import_observations_dialog(window.ctx, window, str(path))
    # The operator presses Cancel while rows are being checked.
    job.progress.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: open_dialog(window, QMessageBox) is not None, timeout=30_000)
    assert open_dialog(window, QMessageBox).text() == "Import cancelled; nothing was written."
    assert stored(demo) == before
