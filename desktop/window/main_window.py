"""The main window: the panels as movable docks, the key-figures strip, menus, status bar.

It arranges and wires; every figure it shows comes from a panel, and every panel from ``db/``.

A change of language or theme rebuilds what the window holds (panels, toolbars, menus, status
bar) inside the same window, keeping its place on screen, the arrangement of the docks and the
map's view: every text is then made afresh through Qt's translation, which is simpler and
surer than teaching dozens of widgets to re-translate themselves.

A panel may come as a function that builds it, and the key figures and the menus may wait
too: when the window is given a start-up scheduler (desktop/startup/scheduler.py), those wait for
its first paint and the scheduler says when each is built (docs/architecture.md §12); without
one, everything is built at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QSizePolicy,
    QStatusBar,
    QToolBar,
    QWidget,
)

from db.errors import SituationRoomError
from desktop import i18n, settings
from desktop.context import AppContext
from desktop.countdown_text import STATE_COLOURS
from desktop.formatting import fmt_datetime
from desktop.problem_text import problem_text
from desktop.theme import Theme, apply_theme, chrome_stylesheet
from desktop.window.clock_bar import ClockBar
from desktop.window.figures_strip import FiguresStrip

if TYPE_CHECKING:
    from desktop.panel import Panel
    from desktop.window.menus import WindowMenus
    from desktop.window.wall_display import WallDisplay

# A panel (a QWidget keeping the ``Panel`` contract), or a function that builds it.
PanelEntry = QWidget | Callable[[], QWidget]
PanelFactory = Callable[[AppContext], dict[str, tuple[str, PanelEntry]]]
CLOCK_TICK_MS = 1000
BACKUP_CHECK_MS = 60 * 60 * 1000


class StartSchedule(Protocol):
    """What the window tells the start-up scheduler it is given (desktop/startup/scheduler.py):
    that it exists, that it painted, that the dock of a panel still waiting came into view."""

    def attach(self, window: MainWindow) -> None: ...

    def painted(self) -> None: ...

    def shown(self, key: str) -> None: ...


class MainWindow(QMainWindow):
    """``panel_factory(ctx)`` makes the panels (again on a rebuild); a dict of ready-made
    panels also does, for a window that will not change language or theme. ``start``: the
    scheduler of what waits for the first paint (none: everything is built at once)."""

    def __init__(
        self,
        ctx: AppContext,
        panel_factory: PanelFactory | dict[str, tuple[str, PanelEntry]],
        *,
        start: StartSchedule | None = None,
        restore_layout: bool = True,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        if isinstance(panel_factory, dict):  # panels made by the caller: built once only
            given = panel_factory
            panel_factory = lambda _ctx: given  # noqa: E731
        self._panel_factory = panel_factory
        self.wall: WallDisplay | None = None  # while it is open
        self.panels: dict[str, Panel] = {}
        self.docks: dict[str, QDockWidget] = {}
        # Panels still to build (after the first paint), and calls waiting for them.
        self._unbuilt: dict[str, Callable[[], QWidget]] = {}
        self._when_built: dict[str, list[Callable[[Panel], None]]] = {}
        self._start = start
        self._pending: tuple[str | None, Theme | None] | None = None
        ctx.clock_signals.moved.connect(self._show_clock)
        ctx.watcher.changed.connect(self.show_identity)
        # The clock text ticks each second; it reads the clock, never the store.
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_TICK_MS)
        self._tick.timeout.connect(self._show_clock)
        self._tick.start()
        # Once a day while it runs (checked hourly; the rule is in db/safety/backup.py).
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self._backup_if_due)
        self._backups.start()
        if start is not None:
            start.attach(self)
        self._build(defer=start is not None)
        if restore_layout:
            self._restore_layout()
        self._show_clock()  # after restoreState, which would bring back a saved banner

    # -- building ------------------------------------------------------------------------
    def _build(self, *, defer: bool) -> None:
        """Everything the window holds; ``defer``: what can wait for the first paint waits
        (the scheduler builds it), else it is built now."""
        panels = self._panel_factory(self.ctx)
        self.panels = {k: w for k, (_title, w) in panels.items() if isinstance(w, QWidget)}
        self._unbuilt = {k: w for k, (_t, w) in panels.items() if not isinstance(w, QWidget)}
        self.docks = {}
        self._build_banner()
        self.clock_bar = ClockBar(self.ctx)
        clock_bar = QToolBar(self.tr("Exercise clock"), self)
        clock_bar.setObjectName("clockToolbar")
        clock_bar.addWidget(self.clock_bar.widget())
        # On these widgets only (see desktop/theme.py); the clock's row needs none.
        chrome = chrome_stylesheet(self.ctx.theme)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, clock_bar)
        # A rebuild reads at once: filled in after its restoreState, the strip brought back
        # a dock the operator had closed (tests/desktop/test_theme_switch.py).
        self.strip = FiguresStrip(self.ctx, self, first_read_later=defer)
        strip_bar = QToolBar(self.tr("Key figures"), self)
        strip_bar.setObjectName("figuresToolbar")
        strip_bar.setMovable(False)
        strip_bar.addWidget(self.strip)
        strip_bar.setStyleSheet(chrome)
        self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, strip_bar)

        # No central widget: every panel is a dock, so the operator can arrange all of them.
        self.setCentralWidget(None)
        for key, (title, widget) in panels.items():
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            # A panel still to be built leaves its place blank for a moment.
            dock.setWidget(widget if isinstance(widget, QWidget) else QWidget())
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            self.docks[key] = dock
            if defer and self._start is not None and not isinstance(widget, QWidget):
                # A panel in a tab behind another waits, unless the operator shows it.
                dock.visibilityChanged.connect(
                    lambda visible, key=key, start=self._start: (
                        start.shown(key) if visible else None
                    )
                )
        self._default_layout()
        self.setMenuBar(QMenuBar(self))
        self._menus: WindowMenus | None = None  # made after the first paint, or now
        self.setStatusBar(QStatusBar(self))
        self.statusBar().setStyleSheet(chrome)
        self._build_status_bar()
        self.show_identity()
        if not defer:
            self.build_menus()
            for key in list(self._unbuilt):
                self.panel(key)
            self.finish_start()

    def _teardown(self) -> None:
        """Take out everything ``_build`` put in (the window itself and its timer stay)."""
        for bar in self.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self.removeToolBar(bar)
            bar.setParent(None)
            bar.deleteLater()
        for dock in self.docks.values():
            self.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        # Actions made for the menus with the window as their parent (CSV, briefing).
        for action in self.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly):
            action.setParent(None)
            action.deleteLater()
        self.docks, self.panels, self._unbuilt = {}, {}, {}

    def rebuild(self, between: Callable[[], object] | None = None) -> None:
        """Build the window's contents again (new language or theme), keeping the arrangement
        of the docks and the map's view; ``between`` runs once the old contents are gone."""
        state = self.saveState()
        map_view = self._map_view()
        self.setUpdatesEnabled(False)
        try:
            self._teardown()
            if between is not None:
                between()
            self._build(defer=False)
            self.restoreState(state)
            if map_view is not None:
                self.panels["map"].view.set_view(*map_view)  # type: ignore[attr-defined]
        finally:
            self.setUpdatesEnabled(True)
        self._show_clock()

    def _map_view(self) -> tuple[float, float, float] | None:
        view = getattr(self.panels.get("map"), "view", None)
        if view is None or view.follows_home:
            return None
        return (*view.center_lonlat(), view.zoom)

    # -- language and theme --------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Show the interface in ``lang`` ("es" or "en") from now on (and on the next start)."""
        if lang not in i18n.LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        settings.put("ui/language", lang)
        if lang != self.ctx.lang:
            self._schedule(lang=lang)

    def set_theme(self, theme: Theme) -> None:
        """Dress the window in ``theme`` from now on (and on the next start)."""
        settings.put("ui/theme", theme.name)
        if theme != self.ctx.theme:
            self._schedule(theme=theme)

    def _schedule(self, lang: str | None = None, theme: Theme | None = None) -> None:
        # Called from a menu action, which must not be deleted while it is being triggered:
        # the rebuild runs once the event loop is back.
        old_lang, old_theme = self._pending or (None, None)
        self._pending = (lang or old_lang, theme or old_theme)
        QTimer.singleShot(0, self.apply_pending)

    def apply_pending(self) -> None:
        """Carry out a language or theme change asked for (tests call it to skip the wait)."""
        if self._pending is None:
            return
        lang, theme = self._pending
        self._pending = None
        if lang:
            self.ctx.lang = i18n.install(lang)
        if theme:
            self.ctx.theme = theme
        wall_open = self.wall is not None
        if wall_open and lang:
            self.close_wall()
        # A new style sheet re-polishes every widget there is: apply it between the old
        # contents and the new, so only the window's frame and the new panels pay for it.
        self.rebuild(between=(lambda: apply_theme(theme)) if theme else None)
        if wall_open and lang:
            self.open_wall()

    # -- wall display --------------------------------------------------------------------
    def toggle_wall(self) -> None:
        if self.wall is None:
            self.open_wall()
        else:
            self.close_wall()

    def open_wall(self) -> None:
        from desktop.window.wall_display import WallDisplay  # loads when first opened

        if self.wall is None:
            self.wall = WallDisplay(self.ctx, beside=self)
            self.wall.closed.connect(self._wall_closed)
            self.wall.show_on_screen()
        self._check_wall_action()

    def close_wall(self) -> None:
        if self.wall is not None:
            self.wall.close()

    def _wall_closed(self) -> None:
        self.wall = None
        self._check_wall_action()

    def _check_wall_action(self) -> None:
        action = self.window_actions.get("wall") if self._menus is not None else None
        if action is not None:
            action.setChecked(self.wall is not None)

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
        self.close_wall()
        self._tick.stop()
        self.ctx.watcher.close()
        super().closeEvent(event)

    # -- backups -------------------------------------------------------------------------
    def restore_backup(self) -> None:
        from desktop.dialogs.backup_dialogs import restore_backup_dialog

        restore_backup_dialog(self.ctx.store, self.ctx.tz, self.ctx.lang, self)

    def _backup_if_due(self) -> None:
        from db.safety.backup import backup_if_due  # hourly: not on the way to the first paint

        try:
            backup_if_due(self.ctx.store)
        except SituationRoomError as exc:
            self.statusBar().showMessage(str(exc), 30_000)

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

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.station_label = QLabel()
        self.station_label.setObjectName("statusStation")
        self.operator_label = QLabel()
        self.operator_label.setObjectName("statusOperator")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("statusClock")
        self.cursor_label = QLabel()
        self.cursor_label.setObjectName("statusCursor")
        sb.addWidget(self.cursor_label, 1)
        # A damaged post setting: the window opened with the default, and says so where it
        # stays in sight (on stderr alone no operator would ever see it).
        self.settings_warning = QLabel()
        self.settings_warning.setObjectName("settingsWarning")
        self.settings_warning.setWordWrap(False)
        background, foreground = STATE_COLOURS["warning"]
        self.settings_warning.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; padding: 1px 6px; }}"
        )
        issues = self.ctx.store.setting_issues()
        self.settings_warning.setText(
            self.tr("Damaged setting: {problems}").format(
                problems="; ".join(problem_text(p) for p in issues)
            )
        )
        sb.addPermanentWidget(self.settings_warning)
        self.settings_warning.setVisible(bool(issues))
        for w in (self.clock_label, self.operator_label, self.station_label):
            sb.addPermanentWidget(w)
        for widget in self.panels.values():
            self._connect_status(widget)
        self._show_clock()

    def _connect_status(self, widget: Panel) -> None:
        # The map's pointer position, shown in the status bar (no other panel has one).
        signal = getattr(widget, "cursorMoved", None)
        if signal is not None:
            signal.connect(self.cursor_label.setText)

    def show_identity(self) -> None:
        """Who and where: the status bar and the title follow a change of either."""
        store = self.ctx.store
        station = store.station_name
        self.setWindowTitle(self.tr("Situation Room — {station}").format(station=station))
        self.station_label.setText(self.tr("Station: {name}").format(name=station))
        self.operator_label.setText(self.tr("Operator: {name}").format(name=store.operator))

    def _show_clock(self) -> None:
        if not self.panels:
            return  # between a teardown and the next build
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

    # -- what may wait for the first paint ---------------------------------------------
    @property
    def menus(self) -> dict[str, QMenu]:
        """The menus by key (file, edit, view, one per panel, help): made after the first paint
        (no one can open a menu before it), or now if asked for sooner."""
        return self._ensure_menus().menus

    @property
    def window_actions(self) -> dict[str, QAction]:
        """The window's own menu actions by key (see ``desktop.window.menus``)."""
        return self._ensure_menus().actions

    @property
    def menus_built(self) -> bool:
        return self._menus is not None

    def build_menus(self) -> None:
        """The menu bar's menus, with the actions of every panel built so far."""
        self._ensure_menus()

    def _ensure_menus(self) -> WindowMenus:
        if self._menus is None:
            from desktop.window.menus import build_menus  # after the first paint (module doc)

            self._menus = build_menus(self)
        return self._menus

    @property
    def waiting_panels(self) -> list[str]:
        """The panels still to build, in the window's order."""
        return list(self._unbuilt)

    def in_sight(self, key: str) -> bool:
        """Whether any of panel ``key``'s dock is on screen."""
        # A dock in a tab behind another is "visible" to Qt, with nothing of it on screen.
        dock = self.docks[key]
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def panel(self, key: str) -> Panel:
        """The panel ``key``, built now if it was still waiting for its turn."""
        factory = self._unbuilt.pop(key, None)
        if factory is not None:
            widget = factory()
            self.panels[key] = widget
            self.docks[key].setWidget(widget)
            if self._menus is not None:  # else the menus take its actions when they are made
                self._menus.add_panel_actions(key, widget)
            self._connect_status(widget)
            for call in self._when_built.pop(key, []):
                call(widget)
        return self.panels[key]

    def with_panel(self, key: str, call: Callable[[Panel], None]) -> None:
        """``call(panel)`` as soon as the panel ``key`` is built (now, if it is)."""
        if key in self.panels:
            call(self.panels[key])
        else:
            self._when_built.setdefault(key, []).append(call)

    def finish_start(self) -> None:
        """What each panel put off until the window is whole (``Panel.after_start``)."""
        for panel in list(self.panels.values()):
            panel.after_start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._start is not None:
            self._start.painted()

    @property
    def panels_drawn(self) -> bool:
        """Every panel in sight, and the key figures, built and showing what the store holds
        (a panel in a tab behind another may still be waiting for its turn)."""
        return (
            not any(self.in_sight(key) for key in self._unbuilt)
            and self.strip.ready
            and all(p.ready for p in self.panels.values())
        )

    @property
    def ready(self) -> bool:
        """The whole window is up: every panel built and drawn, and the menus (what
        ``--screenshot`` waits for)."""
        return self.panels_drawn and not self._unbuilt and self._menus is not None
