"""Settings: each one survives a restart, the README lists them all, Edit → Preferences edits
them (and the post's own, kept in the database), the last database reopens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from db.clock import Clock
from db.decrees.countdown import load_thresholds
from desktop import settings
from desktop.settings import SETTINGS
from tests.chart_fixtures import make_ctx
from tests.conftest import lima

ROOT = Path(__file__).resolve().parents[2]


def changed_value(setting: settings.Setting):
    """A value other than the default, of the setting's type."""
    if setting.default is None:
        return QByteArray(b"\x01\x02saved state")
    if isinstance(setting.default, bool):
        return not setting.default
    if isinstance(setting.default, int):
        return setting.default + 3
    return f"{setting.default}-changed" if setting.default else "changed"


READ_BACK = """
import json, sys
from PySide6.QtCore import QByteArray
from desktop import settings
out = {}
for s in settings.SETTINGS:
    v = settings.get(s.key)
    out[s.key] = v.data().hex() if isinstance(v, QByteArray) else v
print(json.dumps(out))
"""


def test_every_setting_survives_a_restart():
    written = {s.key: changed_value(s) for s in SETTINGS}
    for key, value in written.items():
        settings.put(key, value)
    # A new process reads them back, as the app does on its next start.
    result = subprocess.run(
        [sys.executable, "-c", READ_BACK],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    read = json.loads(result.stdout)
    expected = {k: v.data().hex() if isinstance(v, QByteArray) else v for k, v in written.items()}
    assert read == expected


def test_the_readme_lists_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings.markdown_table() in readme
    for s in SETTINGS:
        assert f"`{s.key}`" in readme


def test_an_undeclared_setting_is_refused():
    with pytest.raises(KeyError):
        settings.put("ui/colour", "red")


# -- preferences ----------------------------------------------------------------------------


@pytest.fixture
def prefs(qtbot, demo):
    from desktop.dialogs.preferences_dialog import PreferencesDialog

    def make():
        dialog = PreferencesDialog(make_ctx(demo))
        qtbot.addWidget(dialog)
        return dialog

    return make


def test_preferences_save_this_workstation_and_the_post(prefs, demo):
    dialog = prefs()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("night"))
    dialog.timezone.setCurrentText("America/Santiago")
    dialog.warn_days.setValue(10)
    dialog.critical_days.setValue(3)
    dialog.classification.setText("  RESERVADO   — puesto   Tacna ")
    dialog.cutoff.setValue(6)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.get("ui/language") == "es" and settings.get("ui/theme") == "night"
    assert settings.get("briefing/classification") == "RESERVADO — puesto Tacna"
    assert settings.get("briefing/cutoff_hour") == 6
    assert demo.timezone == "America/Santiago"
    thresholds = load_thresholds(demo.meta)
    assert (thresholds.warn_days, thresholds.critical_days) == (10, 3)
    again = prefs()  # opens with what was saved
    assert again.timezone.currentText() == "America/Santiago"
    assert (again.warn_days.value(), again.critical_days.value(), again.cutoff.value()) == (
        10,
        3,
        6,
    )
    assert again.theme.currentData() == "night" and again.language.currentData() == "es"


def test_preferences_refuse_a_red_threshold_beyond_the_amber_one(prefs, demo):
    dialog = prefs()
    dialog.theme.setCurrentIndex(dialog.theme.findData("night"))
    dialog.warn_days.setValue(2)
    dialog.critical_days.setValue(5)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "must not exceed" in dialog.error("critical_days").text()
    assert not dialog.error("critical_days").isHidden()
    assert settings.get("ui/theme") == "day"  # nothing saved
    assert load_thresholds(demo.meta).warn_days == 7


def test_preferences_refuse_an_unknown_time_zone(prefs, demo):
    dialog = prefs()
    dialog.timezone.setCurrentText("America/Atlantis")
    dialog.accept()
    assert "not a known time zone" in dialog.error("timezone").text()
    assert demo.timezone == "America/Lima"


def test_a_new_post_time_zone_reaches_the_panels(qtbot, demo, prefs):
    from desktop.app import build_window

    window = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=10_000)
    assert "UTC-5" in window.clock_label.text()
    dialog = prefs()
    dialog.timezone.setCurrentText("America/Santiago")
    dialog.accept()
    qtbot.waitUntil(lambda: "UTC-3" in window.clock_label.text(), timeout=2000)
    window.close()


# -- the last database ------------------------------------------------------------------------


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--screenshot", str(tmp_path / "shot.png")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


@pytest.mark.slow
def test_the_last_database_reopens_when_none_is_named(tmp_path, demo_path):
    from db.store.locate import default_db_path

    first = run_app("--db", str(demo_path), tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert settings.get("session/last_database") == str(demo_path)
    again = run_app(tmp_path=tmp_path)
    assert again.returncode == 0, again.stderr
    assert not default_db_path().exists()  # it opened the last one, not the default


def test_a_vanished_last_database_is_not_reopened(tmp_path):
    from desktop.app import last_database

    settings.put("session/last_database", str(tmp_path / "gone.db"))
    assert last_database() is None
