"""The composition root (docs/architecture.md §2): open the store, build the panels, wire them, show.

The window is handed its start-up scheduler here (desktop/startup/scheduler.py): the window
arranges, the scheduler decides what is built after the first paint.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.clock import Clock
from db.errors import InvalidRecord, SituationRoomError
from db.names import name_problem, normalise_name
from db.store.store import Store
from desktop import i18n, settings
from desktop.context import AppContext
from desktop.opening import clock_for, open_store, operator_name
from desktop.panels.countdown.panel import CountdownPanel
from desktop.problem_text import problems_text
from desktop.startup.scheduler import StartScheduler
from desktop.theme import DAY, Theme, apply_theme, new_application, theme_named
from desktop.watcher import StoreWatcher
from desktop.window import unexpected_error
from desktop.window.main_window import MainWindow, PanelEntry

SCREENSHOT_SIZE = (1600, 1000)
SCREENSHOT_TIMEOUT_MS = 30_000
OPENING_CHECKS = "openingChecks"  # the object name of the file check and backup on opening


def build_panels(ctx: AppContext) -> dict[str, tuple[str, PanelEntry]]:
    """The panels, keyed as the main window lays them out.

    The countdown is built at once: it is what the first paint must show. The others are
    handed over as functions, built right after the first paint (their modules, pyqtgraph
    among them, load then too).
    """

    def map_panel() -> QWidget:
        from desktop.panels.map.panel import MapPanel

        return MapPanel(ctx)

    def chart_panel() -> QWidget:
        from desktop.panels.chart.panel import ChartPanel

        return ChartPanel(ctx)

    def records_panel() -> QWidget:
        from desktop.panels.records.panel import RecordsPanel

        return RecordsPanel(ctx)

    translate = QCoreApplication.translate
    return {
        "map": (translate("Panels", "Map"), map_panel),
        "countdown": (translate("Panels", "Decree countdown"), CountdownPanel(ctx)),
        "chart": (translate("Panels", "Flows"), chart_panel),
        "records": (translate("Panels", "Records"), records_panel),
    }


def build_window(
    store: Store,
    clock: Clock,
    lang: str = "es",
    *,
    theme: Theme = DAY,
    restore_layout: bool = True,
    start: StartScheduler | None = None,
) -> MainWindow:
    """The main window on ``store``, its panels built after its first paint by ``start`` (a
    new scheduler unless one is given)."""
    watcher = StoreWatcher(store)
    ctx = AppContext(store=store, clock=clock, watcher=watcher, lang=lang, theme=theme)
    window = MainWindow(
        ctx, build_panels, start=start or StartScheduler(), restore_layout=restore_layout
    )
    watcher.setParent(window)
    return window


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = new_application(argv or sys.argv[:1])
        app.setApplicationName("Situation Room")
        app.setOrganizationName("SituationRoom")
    return app  # type: ignore[return-value]


def run_gui(args: argparse.Namespace, *, when_started: Callable[[], None] | None = None) -> int:
    """Open the window the arguments ask for and run it; ``when_started`` is called once its
    start is over (see ``open_window``)."""
    if args.screenshot:
        from db.safety.output import check_output_path  # a screenshot's only: not every start

        check_output_path(args.screenshot)  # refused before the window is built
    application()
    with unexpected_error.reported():
        window = open_window(args, interactive=not args.screenshot, when_started=when_started)
        if isinstance(window, int):
            return window
        if args.screenshot:
            code = screenshot(window, Path(args.screenshot), wall=args.wall)
        else:
            window.show()
            if args.wall:
                window.open_wall()
            code = application().exec()
        shutdown(window)
    return code


def open_window(
    args: argparse.Namespace,
    *,
    interactive: bool = True,
    when_started: Callable[[], None] | None = None,
) -> MainWindow | int:
    """The main window the arguments ask for, built but not shown, or an exit code.

    ``interactive`` False (a screenshot, a benchmark) asks no questions and raises what it
    cannot open; the window opens on the default layout, whatever this user arranged. The
    backup taken on opening runs unless it is a screenshot. ``when_started`` is called once
    the window's start is over: every part built after its first paint, or the start broken
    off by an error (the entry point resumes the garbage collector then).
    """
    app = application()
    lang = i18n.install(i18n.choose_language(args.lang, settings.get("ui/language")))
    theme = theme_named(getattr(args, "theme", None) or settings.get("ui/theme"))
    apply_theme(theme, app)
    if not args.demo and not args.db:
        args.db = last_database()
    store = _open_or_recover(args, interactive)
    if store is None:
        return 1
    if not args.demo:
        settings.put("session/last_database", str(store.path))
    if interactive and not ensure_operator(store):
        return 0
    start = StartScheduler(when_over=when_started)
    window = build_window(
        store, clock_for(store, args), lang, theme=theme, restore_layout=interactive, start=start
    )
    if not args.screenshot:
        start.after_start(lambda: _check_and_back_up(window))
    if args.basemap:
        window.with_panel("map", lambda panel: panel.open_basemap(args.basemap))
    if getattr(args, "mapkit", None):
        # A demo's database is a fresh copy each time: nothing to remember the kit for.
        window.with_panel("map", lambda panel: panel.open_kit(args.mapkit, remember=not args.demo))
    return window


def shutdown(window: MainWindow) -> None:
    """Take the window down in order while Qt still runs: timers stop, the watcher closes,
    widgets and scene items go before the store, so nothing is left for interpreter exit to
    destroy in a random order (which can crash PySide)."""
    store = window.ctx.store
    checks = window.findChild(QObject, OPENING_CHECKS)
    if checks is not None:
        checks.wait()  # never leave a half-written backup behind
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    store.close()
    gc.collect()


def last_database() -> str | None:
    """The database opened last, if it is still there (started with neither --db nor --demo)."""
    last = settings.get("session/last_database")
    return str(last) if last and Path(str(last)).is_file() else None


def _open_or_recover(args: argparse.Namespace, interactive: bool) -> Store | None:
    """Open the database; if it will not open, offer another file or a backup (never retry blindly)."""
    while True:
        try:
            # The window checks the file in a thread once it is up (_check_and_back_up); a
            # screenshot has no operator to tell, so it checks first.
            # A name from the environment that cannot be used is asked for (ensure_operator).
            return open_store(
                args,
                must_exist=True,
                check=bool(args.screenshot),
                operator=operator_name(strict=False),
            )
        except SituationRoomError as exc:
            if not interactive or not getattr(args, "db", None):
                raise
            from desktop.dialogs.backup_dialogs import recover_from_open_error

            chosen = recover_from_open_error(Path(args.db), str(exc))
            if chosen is None:
                return None
            args.db = str(chosen)


def _check_and_back_up(window: MainWindow) -> None:
    """The file's ``quick_check`` and the backup taken on opening (docs/architecture.md §10), in a thread
    once the panels are built (desktop/window/opening_checks.py): for years of records they take
    seconds, and neither the first paint nor the operator need wait for them. A damaged file is
    reported with the way out; a failed backup only warns. ``shutdown`` waits for the thread."""
    from desktop.window.opening_checks import OpeningChecks  # after the panels, as it runs

    checks = OpeningChecks(window.ctx.store, back_up=True, parent=window)
    checks.setObjectName(OPENING_CHECKS)
    checks.damaged.connect(lambda message: QMessageBox.critical(window, "Situation Room", message))
    checks.failed.connect(lambda message: QMessageBox.warning(window, "Situation Room", message))
    checks.start()


def ensure_operator(store: Store, parent: QWidget | None = None, *, ask: bool = False) -> bool:
    """Make sure records will carry a name: the saved one, or ask (first start, ``ask``, or a
    saved name that other stations would refuse: db/names.py)."""
    saved = os.environ.get("SITUATION_ROOM_OPERATOR") or settings.get("session/operator")
    problem = name_problem(saved, "operator") if saved else None
    usable = normalise_name(saved) if saved and problem is None else ""
    station_unnamed = store.meta("station_named") is None
    if usable:
        store.operator = usable
        if not station_unnamed and not ask:
            return True
    # A dialog, loaded when shown (with what only it needs: db.sync.station brings hashlib).
    from db.sync.station import set_station_name
    from desktop.dialogs.operator_dialog import OperatorDialog

    dialog = OperatorDialog(
        normalise_name(saved or ""), store.station_name if station_unnamed or ask else None, parent
    )
    if problem is not None:
        dialog.show_error(
            QCoreApplication.translate(
                "OperatorDialog", "The saved name cannot be used: {problem}"
            ).format(problem=problems_text(InvalidRecord([problem])))
        )
    if dialog.exec() != OperatorDialog.DialogCode.Accepted:
        return bool(usable)
    store.operator = dialog.operator
    settings.put("session/operator", dialog.operator)
    if dialog.station is not None:
        set_station_name(store, dialog.station)
        store.set_meta(station_named="1")
    return True


def screenshot(window: MainWindow, path: Path, *, wall: bool = False) -> int:
    """Show ``window`` at 1600×1000 (or its wall display, ``wall``), wait until every panel
    has drawn its data, save a PNG."""
    app = application()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    shown = window
    if wall:
        window.open_wall()
        shown = window.wall
        shown.showNormal()  # the PNG has a fixed size, whatever this machine's screens
        from desktop.window.wall_display import DESIGN_WIDTH_PX, wall_stylesheet  # as it opens

        shown.setStyleSheet(wall_stylesheet(shown.theme, SCREENSHOT_SIZE[0] / DESIGN_WIDTH_PX))
        shown.resize(*SCREENSHOT_SIZE)
    result = {"code": 1}

    def attempt() -> None:
        if not (window.ready and shown.ready):
            return
        app.processEvents()
        from desktop.png_file import write_png  # with db.safety's file writing: a screenshot's

        try:
            write_png(shown.grab().toImage(), path, database=window.ctx.store.path)
            result["code"] = 0
        except SituationRoomError as exc:
            print(f"situation-room: {exc}", file=sys.stderr)
        app.quit()

    def give_up() -> None:
        print("situation-room: the panels did not finish drawing in time", file=sys.stderr)
        app.quit()

    poll = QTimer(window)
    poll.setInterval(100)
    poll.timeout.connect(attempt)
    poll.start()
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    app.exec()
    return result["code"]
