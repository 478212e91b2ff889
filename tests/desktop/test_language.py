"""Spanish and English: switching updates what is on screen, forms and the command line speak
the operator's language, dates and numbers follow it, and the choice is kept."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from db.clock import Clock
from db.errors import Problem
from desktop import i18n, settings
from desktop.app import build_window
from desktop.formatting import fmt_date_long, fmt_int, fmt_number
from desktop.problem_text import known_codes, problem_text
from tests.conftest import lima
from tests.i18n_helpers import CATALOGUES, read_ts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, demo, restore_appearance):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def day_label(window) -> str:
    return window.panels["countdown"].findChild(QLabel, "countdownDay").text()


def switch(qtbot, window, lang: str) -> None:
    window.window_actions[f"language_{lang}"].trigger()
    qtbot.waitUntil(lambda: window._pending is None and window.ready, timeout=10_000)


def test_view_language_espanol_turns_the_window_spanish_and_back(qtbot, window):
    assert day_label(window) == "Day 3 of 60"
    switch(qtbot, window, "es")
    assert day_label(window) == "Día 3 de 60"
    assert [m.title() for m in window.menus.values()][:3] == ["&Archivo", "&Editar", "&Ver"]
    assert window.docks["countdown"].windowTitle() == "Cuenta regresiva del decreto"
    assert window.strip.tiles["stranded"].caption.text() == "Varados ahora"
    assert "EJERCICIO" in window.banner.text()
    assert window.operator_label.text().startswith("Operador: ")
    assert window.window_actions["language_es"].isChecked()
    switch(qtbot, window, "en")
    assert day_label(window) == "Day 3 of 60"
    assert window.strip.tiles["stranded"].caption.text() == "Stranded now"


def test_the_language_is_kept_for_the_next_start(qtbot, window):
    switch(qtbot, window, "es")
    assert settings.get("ui/language") == "es"
    assert i18n.choose_language(None, settings.get("ui/language")) == "es"
    assert i18n.choose_language("en", settings.get("ui/language")) == "en"  # --lang wins


def test_an_open_wall_display_changes_language_too(qtbot, window):
    window.open_wall()
    qtbot.waitUntil(lambda: window.wall.ready, timeout=10_000)
    switch(qtbot, window, "es")
    wall = window.wall
    qtbot.waitUntil(lambda: wall.ready, timeout=10_000)
    assert wall.findChild(QLabel, "countdownDay").text() == "Día 3 de 60"
    assert "lunes, 1 de diciembre de 2025" in wall.clock.text()
    wall.close()


def test_every_string_looked_up_on_screen_is_in_the_catalogue(qtbot, window):
    """Qt looks strings up by (context, text) at run time: a context the catalogue does not
    know (a class renamed, a helper) would leave English on a Spanish screen."""
    catalogue = read_ts(CATALOGUES / "situation_room_es.ts")
    ours = {source for _context, source in catalogue}
    looked_up: set[tuple[str, str]] = set()

    class Recorder(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            looked_up.add((context, source))
            return None  # not found here: the next translator answers

    switch(qtbot, window, "es")
    recorder = Recorder()
    QApplication.instance().installTranslator(recorder)
    try:
        window.rebuild()
        qtbot.waitUntil(lambda: window.ready, timeout=10_000)
        from desktop.dialogs.preferences_dialog import PreferencesDialog

        PreferencesDialog(window.ctx, window).deleteLater()
    finally:
        QApplication.instance().removeTranslator(recorder)
    lost = {
        (c, s)
        for c, s in looked_up
        if s in ours and (c, s) not in catalogue and not c.startswith("Q")
    }
    assert len(looked_up) > 200 and lost == set()


# -- forms ----------------------------------------------------------------------------------


def test_a_refused_form_says_why_in_spanish(qtbot, demo, restore_appearance):
    from desktop.dialogs.event_dialog import EventDialog
    from tests.chart_fixtures import make_ctx

    i18n.install("es")
    dialog = EventDialog(make_ctx(demo), lon=-70.3, lat=-18.0)
    qtbot.addWidget(dialog)
    dialog.field("title").setText("   ")
    dialog.accept()
    assert dialog.error("title").text() == "es obligatorio"
    assert not dialog.error("title").isHidden()


def test_problem_messages_keep_their_values(restore_appearance):
    i18n.install("es")
    assert problem_text(Problem("count", "not_integer", {"value": "'doce'"})) == (
        "'doce' no es un número entero"
    )
    assert problem_text(
        Problem("count", "too_large", {"high": 10_000_000, "value": 20_000_000})
    ) == ("debe ser como máximo 10,000,000 (se indicó 20,000,000)")
    future = Problem("x", "a_code_from_the_future", {"thing": "new"})
    assert problem_text(future) == future.message == "a code from the future (thing new)"
    i18n.install("en")
    assert problem_text(Problem("name", "station_name_required")) == (
        "a station name is required"  # English keeps db's own, more specific, message
    )


def test_every_problem_code_of_db_has_a_translation():
    used = set()
    for path in (ROOT / "db").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("Problem", "fail") and len(node.args) >= 2:
                code = node.args[1]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    used.add(code.value)
    assert len(used) > 20
    assert used - known_codes() == set()


# -- dates and numbers --------------------------------------------------------------------------


def test_dates_and_numbers_follow_the_language():
    day = date(2025, 12, 1)
    assert fmt_date_long(day, "es") == "lunes, 1 de diciembre de 2025"
    assert fmt_date_long(day, "en") == "Monday, December 1, 2025"
    assert fmt_int(1234567, "es") == "1,234,567"  # Peru groups with commas, as CLDR es-PE
    assert fmt_number(1234.5, "es") == "1,234.5"


# -- the command line -------------------------------------------------------------------------


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        timeout=120,
    )


def test_the_command_line_speaks_spanish_with_lang_es(tmp_path):
    path = tmp_path / "post.db"
    made = cli("--lang", "es", "init", str(path), "--demo")
    assert made.returncode == 0, made.stderr
    assert f"{path}: ejercicio de demostración creado (" in made.stdout and "puntos" in made.stdout
    status = cli("--lang", "es", "status", "--db", str(path), "--at", "2025-12-01T08:00-05:00")
    assert "DS N° 135-2025-PCM: día 3 de 60, vigente, vence 2026-01-27" in status.stdout
    lines = status.stdout.splitlines()
    assert any(line.startswith("Personas que ingresaron al Perú · 24 h: ") for line in lines)
    assert any(line.startswith("Personas que ingresaron a Chile · 24 h: ") for line in lines)
    apart = lines.index("No son cruces (cada uno por separado; los grupos se superponen):")
    assert lines[apart + 1].startswith("  Rechazados (no ingresaron) · 24 h: ")
    assert lines[-1].startswith("Varados ahora: ")
    refused = cli("--lang", "es", "station", "--db", str(path), "--name", " ")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "situation-room: nombre: es obligatorio"
    missing = cli("--lang", "es", "status", "--db", str(tmp_path / "nada.db"))
    assert "no existe esa base de datos" in missing.stderr


def test_the_command_line_follows_a_spanish_system(tmp_path):
    spanish = {"LC_ALL": "es_PE.UTF-8", "LANG": "es_PE.UTF-8"}
    made = cli("init", str(tmp_path / "a.db"), **spanish)
    assert "base de datos vacía creada" in made.stdout, made.stderr
    english = cli("--lang", "en", "init", str(tmp_path / "b.db"), **spanish)
    assert "empty database created" in english.stdout


def test_about_names_version_sources_and_licences_in_spanish(qtbot, restore_appearance):
    from desktop.dialogs.about_dialog import AboutDialog, app_version

    i18n.install("es")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "aboutText").text()
    for name in ("Natural Earth", "GeoNames", "CC BY 4.0", "DejaVu Sans", app_version()):
        assert name in text
    assert "Fuentes de datos y licencias" in text
