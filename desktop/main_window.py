"""The main window: the panels as movable docks, the key-figures strip, menus, status bar.

It arranges and wires; every figure it shows comes from a panel, and every panel from ``db/``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from db.errors import SituationRoomError
from desktop import settings
from desktop.briefing.dialog import briefing_actions
from desktop.clock_bar import ClockBar
from desktop.context import AppContext
from desktop.dialogs.about_dialog import AboutDialog
from desktop.dialogs.csv_dialogs import csv_actions
from desktop.dialogs.shortcuts_dialog import ShortcutsDialog
from desktop.formatting import fmt_datetime
from desktop.panels.figures_strip import FiguresStrip

BACKUP_CHECK_MS = 60 * 60 * 1000
# Where a panel's action goes when it names no menu of its own.
DEFAULT_MENU = "panel"


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        panels: dict[str, tuple[str, QWidget]],
        *,
        restore_layout: bool = True,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            self.tr("Situation Room — {station}").format(station=ctx.store.station_name)
        )
        self.setDockNestingEnabled(True)
        self.panels = {key: widget for key, (_title, widget) in panels.items()}
        self.docks: dict[str, QDockWidget] = {}

        self._build_banner()
        self.clock_bar = ClockBar(ctx)
        clock_bar = QToolBar(self.tr("Exercise clock"), self)
        clock_bar.setObjectName("clockToolbar")
        clock_bar.addWidget(self.clock_bar.widget())
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, clock_bar)
        self.strip = FiguresStrip(ctx, self)
        strip_bar = QToolBar(self.tr("Key figures"), self)
        strip_bar.setObjectName("figuresToolbar")
        strip_bar.setMovable(False)
        strip_bar.addWidget(self.strip)
        self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, strip_bar)

        # No central widget: every panel is a dock, so the operator can arrange all of them.
        self.setCentralWidget(None)
        for key, (title, widget) in panels.items():
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            dock.setWidget(widget)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            self.docks[key] = dock
        self._default_layout()
        self._build_menus()
        self._build_status_bar()
        ctx.clock_signals.moved.connect(self._show_clock)
        # The clock text ticks each second; it reads the clock, never the store.
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_clock)
        self._tick.start()
        # Once a day while it runs (checked hourly; the rule is in db/backup.py).
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self._backup_if_due)
        self._backups.start()
        if restore_layout:
            self._restore_layout()
        self._show_clock()  # after restoreState, which would bring back a saved banner

    # -- layout --------------------------------------------------------------------------
    def _default_layout(self) -> None:
        area = Qt.DockWidgetArea
        order = list(self.docks)
        if "map" in self.docks:
            self.addDockWidget(area.LeftDockWidgetArea, self.docks["map"])
        if "countdown" in self.docks:
            self.addDockWidget(area.RightDockWidgetArea, self.docks["countdown"])
        if "chart" in self.docks:
            self.addDockWidget(area.RightDockWidgetArea, self.docks["chart"])
        for key in order:
            if key not in ("map", "countdown", "chart"):
                self.addDockWidget(area.RightDockWidgetArea, self.docks[key])
                if "countdown" in self.docks:
                    self.tabifyDockWidget(self.docks["countdown"], self.docks[key])
        if "map" in self.docks and "countdown" in self.docks:
            self.resizeDocks(
                [self.docks["map"], self.docks["countdown"]], [1020, 580], Qt.Orientation.Horizontal
            )
        if "countdown" in self.docks and "chart" in self.docks:
            self.resizeDocks(
                [self.docks["countdown"], self.docks["chart"]], [430, 430], Qt.Orientation.Vertical
            )
        if "countdown" in self.docks:
            self.docks["countdown"].raise_()
        self._default_state = self.saveState()

    def _restore_layout(self) -> None:
        geometry, state = settings.get("window/geometry"), settings.get("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.put("window/geometry", self.saveGeometry())
        settings.put("window/state", self.saveState())
        self._tick.stop()
        self.ctx.watcher.close()
        super().closeEvent(event)

    # -- chrome --------------------------------------------------------------------------
    def _build_banner(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("exerciseBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.banner.setStyleSheet(
            "QLabel#exerciseBanner { background: #b45309; color: white; font-weight: bold;"
            " padding: 4px; letter-spacing: 1px; }"
        )
        bar = QToolBar(self.tr("Exercise"), self)
        bar.setObjectName("bannerToolbar")
        bar.setMovable(False)
        bar.addWidget(self.banner)
        self.banner_bar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "view": bar.addMenu(self.tr("&View")),
        }
        for key, widget in self.panels.items():
            for action in widget.actions():
                menu_key = action.property("menu") or key
                if menu_key not in self.menus:
                    self.menus[menu_key] = bar.addMenu(self.docks[key].windowTitle())
                self.menus[menu_key].addAction(action)
        for action in csv_actions(self.ctx, self):
            self.menus["file"].addAction(action)
        self.menus["file"].addSeparator()
        for action in briefing_actions(self.ctx, self):
            self.menus["file"].addAction(action)
        self.menus["file"].addSeparator()
        self._add_sync_actions(self.menus["file"])
        self.menus["file"].addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menus["file"].addAction(quit_action)
        for dock in self.docks.values():
            self.menus["view"].addAction(dock.toggleViewAction())
        self.menus["view"].addSeparator()
        reset = QAction(self.tr("Reset panel layout"), self)
        reset.triggered.connect(self.reset_layout)
        self.menus["view"].addAction(reset)
        help_menu = bar.addMenu(self.tr("&Help"))
        keys = QAction(self.tr("Keyboard shortcuts"), self)
        keys.setShortcut(QKeySequence(Qt.Key.Key_F1))
        keys.triggered.connect(lambda: ShortcutsDialog(self).exec())
        help_menu.addAction(keys)
        about = QAction(self.tr("About Situation Room"), self)
        about.triggered.connect(lambda: AboutDialog(self).exec())
        help_menu.addAction(about)
        self.menus["help"] = help_menu

    def _add_sync_actions(self, menu: QMenu) -> None:
        from desktop.dialogs import sync_dialogs

        store = self.ctx.store
        for text, slot in (
            (self.tr("Export bundle…"), lambda: sync_dialogs.export_bundle_dialog(store, self)),
            (self.tr("Import bundle…"), lambda: sync_dialogs.import_bundle_dialog(store, self)),
            (self.tr("Sync conflicts…"), lambda: sync_dialogs.ConflictsDialog(store, self).exec()),
            (self.tr("Restore a backup…"), self._restore_backup),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            menu.addAction(action)

    def _restore_backup(self) -> None:
        from desktop.dialogs.backup_dialogs import restore_backup_dialog

        restore_backup_dialog(self.ctx.store, self.ctx.tz, self.ctx.lang, self)

    def _backup_if_due(self) -> None:
        from db.backup import backup_if_due

        try:
            backup_if_due(self.ctx.store)
        except SituationRoomError as exc:
            self.statusBar().showMessage(str(exc), 30_000)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.station_label = QLabel(
            self.tr("Station: {name}").format(name=self.ctx.store.station_name)
        )
        self.operator_label = QLabel(
            self.tr("Operator: {name}").format(name=self.ctx.store.operator)
        )
        self.clock_label = QLabel()
        self.clock_label.setObjectName("statusClock")
        self.cursor_label = QLabel()
        self.cursor_label.setObjectName("statusCursor")
        sb.addWidget(self.cursor_label, 1)
        for w in (self.clock_label, self.operator_label, self.station_label):
            sb.addPermanentWidget(w)
        map_panel = self.panels.get("map")
        signal = getattr(map_panel, "cursorMoved", None)
        if signal is not None:
            signal.connect(self.cursor_label.setText)
        self._show_clock()

    def _show_clock(self) -> None:
        now = self.ctx.clock.now()
        when = fmt_datetime(now, self.ctx.tz, self.ctx.lang)
        if self.ctx.exercise:
            self.banner.setText(
                self.tr("EXERCISE — exercise clock {when} — not live").format(when=when)
            )
            self.clock_label.setText(self.tr("Exercise clock: {when}").format(when=when))
        else:
            self.clock_label.setText(self.tr("Live: {when}").format(when=when))
        self.banner_bar.setVisible(self.ctx.exercise)

    @property
    def ready(self) -> bool:
        """Every panel has drawn its data (what ``--screenshot`` waits for)."""
        return self.strip.ready and all(getattr(p, "ready", True) for p in self.panels.values())
