"""Keyboard: every menu action has its own shortcut, listed in Help → Keyboard shortcuts, and
Tab walks every form in reading order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QMenu,
    QWidget,
)

from db.clock import Clock
from desktop.app import build_window
from tests.chart_fixtures import make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def menu_actions(window) -> list[QAction]:
    """Every action an operator can choose from the menu bar (submenus included)."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu())
            else:
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def test_every_menu_action_has_a_shortcut(window):
    actions = menu_actions(window)
    assert len(actions) > 30
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []


def test_no_two_actions_share_a_shortcut(window):
    keys: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            if text in keys and keys[text] != action.text():
                clashes.append((text, keys[text], action.text()))
            keys[text] = action.text()
    assert clashes == []


def test_the_shortcut_list_shows_every_menu_action(window):
    from desktop.dialogs.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    native = QKeySequence.SequenceFormat.NativeText
    for action in menu_actions(window):
        name = action.text().replace("&", "").rstrip(".…")
        assert rows.get(name) == action.shortcut().toString(native), name
    assert rows["Wall display"] == "F11" and rows["Preferences"] == "Ctrl+,"


def test_f1_opens_the_shortcut_list(qtbot, window):
    from desktop.dialogs.shortcuts_dialog import ShortcutsDialog

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShortcutsDialog)
        dialog.reject()

    qtbot.waitUntil(window.isActiveWindow)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, close_it)
    qtbot.keyClick(window, Qt.Key.Key_F1)


# -- tab order ----------------------------------------------------------------------------


def tab_chain(dialog: QWidget, first: QWidget) -> list[QWidget]:
    """The input widgets Tab visits from ``first`` until it comes back (buttons left out)."""
    chain, widget = [], first
    for _ in range(200):
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, QAbstractButton | QDialogButtonBox)
            and widget.window() is dialog
        ):
            field = _field_of(widget)
            if chain and field is chain[0] and len(chain) > 1:
                break
            if field not in chain:
                chain.append(field)
        widget = widget.nextInFocusChain()
    return chain


def _field_of(widget: QWidget) -> QWidget:
    """A spin box's or an editable combo's inner line edit stands for the box itself."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, QAbstractSpinBox | QComboBox) else widget


def reading_order(dialog: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """Top to bottom, then left to right, as the widgets sit in the dialog."""

    def place(w: QWidget) -> tuple[int, int]:
        pos = w.mapTo(dialog, w.rect().topLeft())
        return (pos.y() // 8, pos.x())  # a few pixels of baseline jitter is one line

    return sorted(widgets, key=place)


def check_tab_order(qtbot, dialog: QWidget, first: QWidget) -> list[QWidget]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    chain = tab_chain(dialog, first)
    assert len(chain) >= 3
    names = [w.objectName() or type(w).__name__ for w in chain]
    expected = [w.objectName() or type(w).__name__ for w in reading_order(dialog, chain)]
    assert names == expected
    return chain


def test_tab_walks_the_observation_form_in_reading_order(qtbot, demo):
    from desktop.dialogs.observation_dialog import ObservationDialog

    dialog = ObservationDialog(make_ctx(demo))
    check_tab_order(qtbot, dialog, dialog.fields[next(iter(dialog.fields))])
    dialog.reject()


def test_tab_walks_the_event_form_in_reading_order(qtbot, demo):
    from desktop.dialogs.event_dialog import EventDialog

    dialog = EventDialog(make_ctx(demo), lon=-70.3, lat=-18.0)
    check_tab_order(qtbot, dialog, dialog.field("kind"))
    dialog.reject()


def test_tab_walks_the_decree_form_in_reading_order(qtbot, demo):
    from desktop.dialogs.decree_dialog import DecreeDialog

    dialog = DecreeDialog(make_ctx(demo))
    check_tab_order(qtbot, dialog, dialog.fields[next(iter(dialog.fields))])
    dialog.reject()


def test_tab_walks_the_preferences_in_reading_order(qtbot, demo):
    from desktop.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(make_ctx(demo))
    chain = check_tab_order(qtbot, dialog, dialog.language)
    assert chain[0] is dialog.language and chain[-1] is dialog.cutoff
    dialog.reject()


def test_tab_walks_the_operator_dialog_in_reading_order(qtbot):
    from desktop.dialogs.operator_dialog import OperatorDialog

    dialog = OperatorDialog("Ana", "Puesto Santa Rosa")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    chain = tab_chain(dialog, dialog.operator_edit)
    assert chain == [dialog.operator_edit, dialog.station_edit]
    dialog.reject()
