"""The main window's menu bar: File, Edit, View, the panels' own menus, Help.

Panels hand in their actions (``panel.actions()``, each naming its menu with the property
``menu``); the window adds its own. Every action gets a keyboard shortcut, and Help → Keyboard
shortcuts lists them as they are (a test checks that none is missing). The window loads this
module when it makes its menus, after its first paint (desktop/startup/scheduler.py); the
dialogs a menu opens load when first opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar

from desktop import i18n, settings
from desktop.briefing.actions import briefing_actions
from desktop.context import AppContext
from desktop.dialogs.csv_dialogs import csv_actions
from desktop.panels.search_box import focus_search
from desktop.theme import DAY, NIGHT, Theme, theme_named

if TYPE_CHECKING:
    from desktop.dialogs.preferences_dialog import Choices  # the dialog loads when first opened
    from desktop.panel import Panel
    from desktop.window.wall_display import WallDisplay

# The panels' dock toggles, in the order of the View menu.
DOCK_SHORTCUTS = {"map": "Ctrl+1", "countdown": "Ctrl+2", "chart": "Ctrl+3", "records": "Ctrl+4"}


class MenuWindow(Protocol):
    """What the menus need of their window (desktop/window/main_window.py)."""

    ctx: AppContext
    docks: dict[str, QDockWidget]
    panels: dict[str, Panel]
    wall: WallDisplay | None

    def menuBar(self) -> QMenuBar: ...

    def close(self) -> bool: ...

    def restore_backup(self) -> None: ...

    def reset_layout(self) -> None: ...

    def toggle_wall(self) -> None: ...

    def open_wall(self) -> None: ...

    def close_wall(self) -> None: ...

    def set_language(self, lang: str) -> None: ...

    def set_theme(self, theme: Theme) -> None: ...

    def show_identity(self) -> None: ...


@dataclass
class WindowMenus:
    """The menus by key (file, edit, view, one per panel, help), the window's own actions by
    key, and where the panels' actions end in the File, Edit and View menus."""

    menus: dict[str, QMenu]
    actions: dict[str, QAction]
    panel_actions_end: dict[str, QAction]

    def add_panel_actions(self, key: str, panel: Panel) -> None:
        """Put the actions of panel ``key`` in the menus they name (``menu``), else its own. In
        the window's File, Edit and View menus they go in the panels' section at the top, so
        the order is the same whether a panel was built before the menus or after them."""
        for act in panel.actions():
            name = act.property("menu") or key
            menu = self.menus.get(name) or self.menus[key]
            end = self.panel_actions_end.get(name)
            if end is not None:
                menu.insertAction(end, act)
            else:
                menu.addAction(act)
            menu.menuAction().setVisible(True)


def build_menus(window: MenuWindow) -> WindowMenus:
    """Fill ``window``'s (new, empty) menu bar."""
    bar = window.menuBar()
    translate = QCoreApplication.translate
    menus: dict[str, QMenu] = {
        "file": bar.addMenu(translate("MainWindow", "&File")),
        "edit": bar.addMenu(translate("MainWindow", "&Edit")),
        "view": bar.addMenu(translate("MainWindow", "&View")),
    }
    own: dict[str, QAction] = {}

    def action(key: str, text: str, shortcut, slot, menu: str) -> QAction:
        # Parented to the menu bar: a rebuild replaces the bar and these go with it.
        act = QAction(text, bar)
        act.setObjectName(f"action_{key}")
        act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menus[menu].addAction(act)
        own[key] = act
        return act

    # A menu per panel, in the panels' order, shown once it holds an action; panels built
    # after the first paint hand theirs in then, through ``add_panel_actions``.
    for key, dock in window.docks.items():
        menus[key] = bar.addMenu(dock.windowTitle())
        menus[key].menuAction().setVisible(False)
    # Where the panels' actions end in the window's own menus (see add_panel_actions).
    built = WindowMenus(
        menus, own, {name: menus[name].addSeparator() for name in ("file", "edit", "view")}
    )
    for key, panel in window.panels.items():
        built.add_panel_actions(key, panel)

    # -- File --------------------------------------------------------------------------------
    def sync_dialogs():  # loads when first used
        from desktop.dialogs import sync_dialogs

        return sync_dialogs

    for act in csv_actions(window.ctx, window):
        menus["file"].addAction(act)
    menus["file"].addSeparator()
    for act in briefing_actions(window.ctx, window):
        menus["file"].addAction(act)
    store = window.ctx.store
    menus["file"].addSeparator()
    action(
        "export_bundle",
        translate("MainWindow", "Export bundle…"),
        "Ctrl+E",
        lambda: sync_dialogs().export_bundle_dialog(store, window),
        "file",
    )
    action(
        "import_bundle",
        translate("MainWindow", "Import bundle…"),
        "Ctrl+I",
        lambda: sync_dialogs().import_bundle_dialog(store, window),
        "file",
    )
    action(
        "conflicts",
        translate("MainWindow", "Sync conflicts…"),
        "Ctrl+Shift+C",
        lambda: sync_dialogs().ConflictsDialog(store, window).exec(),
        "file",
    )
    action(
        "restore_backup",
        translate("MainWindow", "Restore a backup…"),
        "Ctrl+Shift+R",
        window.restore_backup,
        "file",
    )
    menus["file"].addSeparator()
    action(
        "operator",
        translate("MainWindow", "Change operator…"),
        "Ctrl+Shift+O",
        lambda: change_operator(window),
        "file",
    )
    menus["file"].addSeparator()
    action(
        "quit",
        translate("MainWindow", "&Quit"),
        QKeySequence.StandardKey.Quit,
        window.close,
        "file",
    )
    if own["quit"].shortcut().isEmpty():  # some platforms have no standard Quit key
        own["quit"].setShortcut(QKeySequence("Ctrl+Q"))

    # -- Edit --------------------------------------------------------------------------------
    action(
        "find",
        translate("MainWindow", "Find…"),
        QKeySequence.StandardKey.Find,
        lambda: _find(window),
        "edit",
    )
    action(
        "preferences",
        translate("MainWindow", "Preferences…"),
        "Ctrl+,",
        lambda: open_preferences(window),
        "edit",
    )

    # -- View --------------------------------------------------------------------------------
    view = menus["view"]
    for key, dock in window.docks.items():
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"action_show_{key}")
        if key in DOCK_SHORTCUTS:
            toggle.setShortcut(QKeySequence(DOCK_SHORTCUTS[key]))
        view.addAction(toggle)
    action(
        "reset_layout",
        translate("MainWindow", "Reset panel layout"),
        "Ctrl+0",
        window.reset_layout,
        "view",
    )
    view.addSeparator()
    wall = action(
        "wall",
        translate("MainWindow", "Wall display"),
        Qt.Key.Key_F11,
        window.toggle_wall,
        "view",
    )
    wall.setCheckable(True)
    wall.setChecked(window.wall is not None)
    wall.setToolTip(
        translate("MainWindow", "Full-screen, read-only display for the wall screen (F11, Esc)")
    )
    language_menu = view.addMenu(translate("MainWindow", "&Language"))
    language_menu.setObjectName("menuLanguage")
    languages = QActionGroup(bar)
    for key, text, shortcut in (
        ("es", "Español", "Ctrl+Alt+S"),  # each language in its own name, as pickers do
        ("en", "English", "Ctrl+Alt+I"),  # I: inglés (Ctrl+Alt+E types € on some keyboards)
    ):
        act = QAction(text, bar)
        act.setObjectName(f"action_language_{key}")
        act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(True)
        act.setChecked(window.ctx.lang == key)
        act.triggered.connect(lambda _on=False, lang=key: window.set_language(lang))
        languages.addAction(act)
        language_menu.addAction(act)
        own[f"language_{key}"] = act
    theme_menu = view.addMenu(translate("MainWindow", "&Theme"))
    theme_menu.setObjectName("menuTheme")
    themes = QActionGroup(bar)
    for theme, text, shortcut in (
        (DAY, translate("MainWindow", "Day (light)"), "Ctrl+Alt+L"),
        (NIGHT, translate("MainWindow", "Night (dark)"), "Ctrl+Alt+N"),
    ):
        act = QAction(text, bar)
        act.setObjectName(f"action_theme_{theme.name}")
        act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(True)
        act.setChecked(window.ctx.theme.name == theme.name)
        act.triggered.connect(lambda _on=False, t=theme: window.set_theme(t))
        themes.addAction(act)
        theme_menu.addAction(act)
        own[f"theme_{theme.name}"] = act

    # -- Help --------------------------------------------------------------------------------
    menus["help"] = bar.addMenu(translate("MainWindow", "&Help"))
    action(
        "shortcuts",
        translate("MainWindow", "Keyboard shortcuts"),
        Qt.Key.Key_F1,
        lambda: _shortcuts(window),
        "help",
    )
    action(
        "about",
        translate("MainWindow", "About Situation Room"),
        "Ctrl+F1",
        lambda: _about(window),
        "help",
    )
    return built


def _find(window: MenuWindow) -> None:
    focus_search(window)  # the box of the panel in use


def _shortcuts(window: MenuWindow) -> None:
    from desktop.dialogs.shortcuts_dialog import ShortcutsDialog

    ShortcutsDialog(window).exec()


def _about(window: MenuWindow) -> None:
    from desktop.dialogs.about_dialog import AboutDialog

    AboutDialog(window, window.ctx).exec()


def change_operator(window: MenuWindow) -> bool:
    """File → Change operator…: a new name for the records from now on (and the station's)."""
    from desktop.dialogs.operator_dialog import change_identity

    changed = change_identity(window.ctx.store, window)
    if changed:
        window.show_identity()
    return changed


def open_preferences(window: MenuWindow) -> None:
    """Edit → Preferences…; a new language or theme applies at once."""
    from desktop.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.ctx, window)
    if dialog.exec() == PreferencesDialog.DialogCode.Accepted and dialog.choices is not None:
        apply_choices(window, dialog.choices)


def apply_choices(window: MenuWindow, choices: Choices) -> None:
    """Carry out what the Preferences dialog saved: language, theme, the wall's theme."""
    window.set_language(choices.language or i18n.system_language())
    settings.put("ui/language", choices.language)  # "" stays "follow the system"
    window.set_theme(theme_named(choices.theme))
    if window.wall is not None and window.wall.ctx.theme.name != choices.wall_theme:
        window.close_wall()
        window.open_wall()
