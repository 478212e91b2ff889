"""The main window on the demo exercise, as an operator sees it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.clock import Clock
from db.store.store import Store
from desktop.app import build_window
from tests.conftest import lima


@pytest.fixture
def window(qtbot, demo):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()  # before the store closes: its timers must not outlive it


def test_exercise_banner_shows_the_clock(window):
    assert window.banner_bar.isVisible()
    assert "EXERCISE" in window.banner.text()
    assert "01/12/2025 08:00" in window.banner.text() or "2025-12-01 08:00" in window.banner.text()


def test_live_clock_has_no_banner(qtbot, demo):
    w = build_window(demo, Clock(None), "en")
    qtbot.addWidget(w)
    w.show()
    assert not w.banner_bar.isVisible()
    w.close()


def test_external_commit_reaches_the_strip_within_a_second(qtbot, window, demo_path):
    tile = window.strip.tiles["stranded"]
    other = Store.open(demo_path, operator="Otra estación")  # another process would do the same
    other.report_clock = Clock(lima(2025, 12, 1, 8), frozen=True)  # as the CLI opens it
    site = other.site_by_name("Línea de la Concordia")
    other.add_observation(
        site_id=site.id, period_start=lima(2025, 12, 1, 7, 30), category="stranded", count=4321
    )
    qtbot.waitUntil(lambda: tile.value.text().replace(",", "") == "4321", timeout=1000)
    other.close()


def test_layout_is_remembered(qtbot, demo):
    clock = Clock(lima(2025, 12, 1, 8), frozen=True)
    first = build_window(demo, clock, "en")
    qtbot.addWidget(first)
    first.show()
    first.docks["countdown"].close()  # the operator closes a panel
    first.close()
    again = build_window(demo, clock, "en")
    qtbot.addWidget(again)
    again.show()
    assert not again.docks["countdown"].isVisible() and again.docks["map"].isVisible()
    again.close()


def test_shortcut_list_matches_the_actions(window):
    from PySide6.QtGui import QAction

    from desktop.dialogs.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    expected = {
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    }
    assert listed == expected and "F1" in listed


def test_about_names_the_sources(window):
    from desktop.dialogs.about_dialog import AboutDialog

    text = AboutDialog(window).findChild(type(window.banner), "aboutText").text()
    assert "Natural Earth" in text and "GeoNames" in text and "CC BY 4.0" in text


def test_file_menu_offers_briefing_sync_and_backups(window):
    texts = [a.text() for a in window.menus["file"].actions()]
    for wanted in ("Print briefing…", "Export bundle…", "Import bundle…", "Restore a backup…"):
        assert wanted in texts, texts
    printing = next(a for a in window.menus["file"].actions() if a.text() == "Print briefing…")
    assert printing.shortcut().toString() == "Ctrl+P"


def test_restore_backup_from_the_menu(qtbot, window, demo):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db.safety.backup import backup_now
    from desktop.dialogs.backup_dialogs import BackupPicker

    backup_now(demo)
    site = demo.site_by_name("Tacna")
    demo.void(site.id, reason="typed by mistake")
    assert demo.site_by_name("Tacna") is None

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, BackupPicker):
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            dialog.button(QMessageBox.StandardButton.Ok).click()
            return
        QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    restore = next(a for a in window.menus["file"].actions() if a.text() == "Restore a backup…")
    restore.trigger()
    assert demo.site_by_name("Tacna") is not None


def test_a_panel_in_a_tab_behind_another_comes_last_or_when_its_tab_is_shown(qtbot, demo):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en", restore_layout=False)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    # Records sits in a tab behind the countdown: what is in sight is drawn without it.
    qtbot.waitUntil(lambda: w.panels_drawn, timeout=10_000)
    assert w.docks["records"].visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    assert w.panels["records"].ready
    w.close()

    early = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en", restore_layout=False)
    qtbot.addWidget(early)
    early.resize(1600, 1000)
    early.show()
    qtbot.waitUntil(lambda: early.strip.ready, timeout=10_000)  # the first paint is done
    early.docks["records"].raise_()  # the operator opens the tab before its turn
    qtbot.waitUntil(lambda: not early.docks["records"].visibleRegion().isEmpty(), timeout=5_000)
    assert "records" in early.panels
    early.close()


def test_the_strip_counts_a_shift_once_it_has_ended(qtbot, window, demo):
    # docs/architecture.md §4: at 08:00 the 07:00-19:00 shift of 1 Dec is still running;
    # stepping the clock past 19:00 and its report brings it in, as the post learnt it then.
    tile = window.strip.tiles["into_peru"]

    def crossed_into_peru(at):
        return sum(
            o.count
            for o in demo.observations()
            if o.category in ("crossed_regular", "crossed_irregular")
            and o.direction == "into_peru"
            and at - timedelta(hours=24) < o.period_end <= at
            and o.entered_at <= at  # reported by the clock
        )

    shown = int(tile.value.text().replace(",", ""))
    assert shown == crossed_into_peru(lima(2025, 12, 1, 8))
    day_shift = sum(
        o.count
        for o in demo.observations()
        if o.period_start == lima(2025, 12, 1, 7) and o.category == "crossed_regular"
        and o.direction == "into_peru"
    )  # fmt: skip
    assert day_shift > 0
    window.clock_bar.set_clock(lima(2025, 12, 1, 20, 30))
    qtbot.waitUntil(
        lambda: (
            int(tile.value.text().replace(",", "")) == crossed_into_peru(lima(2025, 12, 1, 20, 30))
        ),
        timeout=2000,
    )
    assert int(tile.value.text().replace(",", "")) >= day_shift
