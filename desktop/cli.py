"""The ``situation-room`` command (docs/architecture.md §8).

Without a subcommand it opens the window; each subcommand lives in ``desktop/commands/`` and
imports no Qt widgets unless it draws (the briefing). Exit codes: 0 ok, 1 bad input (one line on
stderr), 2 usage. An unexpected error (a bug) is one line on stderr and exit 1 too, never a
traceback: the line names the log file that holds it (desktop/error_log.py); with
``SITUATION_ROOM_DEBUG=1`` it is printed as well.

``main`` is the entry point, and where the start-up machinery of ``desktop/startup/`` is applied:
first of all, so this module imports nothing of the application at its top, and the rest of
it loads after (spared the source scan that ``pyside_import_scan`` turns off).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence

# In this order: the last one loads PySide6, which installs the hook it adjusts.
from desktop.startup import gc_pause, pyqtgraph_loader, pyside_import_scan

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
DEBUG_ENV = "SITUATION_ROOM_DEBUG"  # set to 1: an unexpected error prints its traceback too


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (default ``sys.argv[1:]``): only the commands it names load."""
    from desktop.commands import add_commands, common_options  # after main's start-up machinery

    parser = argparse.ArgumentParser(
        prog="situation-room",
        description="Command-post display for the Tacna border emergency: map, decree countdown, "
        "flows and the daily briefing. Works offline.",
    )
    common_options(parser, top_level=True)
    parser.add_argument("--lang", choices=("es", "en"), help="interface language (default: system)")
    parser.add_argument(
        "--theme", choices=("day", "night"), help="day (light) or night (dark) theme of the window"
    )
    parser.add_argument(
        "--wall",
        action="store_true",
        help="open the wall display too (full screen, read-only; on a second screen if any)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="open the window (or with --wall the wall display) at 1600×1000, save a PNG once "
        "every panel has drawn, exit",
    )
    parser.add_argument(
        "--basemap", metavar="MBTILES", help="raster basemap (MBTiles) under the map"
    )
    parser.add_argument(
        "--mapkit",
        metavar="GPKG",
        help="map kit (GeoPackage from 'situation-room mapkit build') drawn under the "
        "operational layers; remembered for the database",
    )
    add_commands(parser, sys.argv[1:] if argv is None else argv)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    pyside_import_scan.skip_source_scan()
    pyqtgraph_loader.install()
    from db.errors import SituationRoomError  # the application, from here on
    from desktop import error_log, i18n
    from desktop.problem_text import error_text

    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            with gc_pause.CollectorPause() as paused:
                from desktop.app import run_gui  # Qt widgets only when a window is wanted

                return run_gui(args, when_started=paused.end)
        i18n.install_standalone(i18n.cli_language(args.lang))
        return args.func(args)
    except SituationRoomError as exc:
        print(f"situation-room: {error_text(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as exc:
        # Damage inside a value passes the quick_check made on opening and shows only here.
        error_log.log_exception(exc, "database error")
        print(
            f"situation-room: the database could not be read ({exc}): it may be damaged; "
            "run 'situation-room check', and restore a backup if it reports problems",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line for the operator, the traceback in the log
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        logged = error_log.log_exception(exc)
        where = f"the details are in {logged}" if logged else f"set {DEBUG_ENV}=1 to see where"
        print(
            f"situation-room: unexpected error: {type(exc).__name__}: {exc} ({where})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    finally:
        i18n.clear_standalone()


if __name__ == "__main__":
    sys.exit(main())
