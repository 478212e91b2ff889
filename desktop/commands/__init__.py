"""Subcommands of ``situation-room``: one module each, each with ``configure(parser)``.

A command's module is imported only when the command line names it (or asks for its help):
opening the window, the common case, loads none of them (docs/architecture.md §12).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime
from importlib import import_module

from db.clock import check_years, parse_instant


def common_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--db PATH | --demo`` and ``--at``; on subcommands they may also follow the command."""
    default = None if top_level else argparse.SUPPRESS
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file (default: the operational database in the user data folder)",
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="a fresh copy of the built-in exercise (Tacna, Nov 2025)",
    )
    parser.add_argument(
        "--at",
        metavar="ISO-TIME",
        type=parse_at,
        default=default,
        help="run as of this instant, e.g. 2025-12-03T12:00-05:00 (an exercise clock)",
    )


def parse_at(text: str) -> datetime:
    try:
        at = parse_instant(text, "--at")
        check_years(at, "--at")
        return at
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# name -> (module in desktop.commands, one-line help shown by ``situation-room --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init_cmd", "create a new database (empty, or with the demo exercise)"),
    "status": ("status_cmd", "print the current picture (decrees, milestones, figures)"),
    "import": (
        "import_cmd",
        "import a file into the database (observations, sites: CSV; "
        "overlay: KML, KMZ or GeoJSON map layer)",
    ),
    "export": (
        "export_cmd",
        "write records to a file (observations: .csv; events, sites: .geojson or .kml "
        "by extension)",
    ),
    "bundle": ("bundle_cmd", "exchange records with other stations by file (sync)"),
    "station": ("station_cmd", "show or set the station name and the shared sync key"),
    "backup": (
        "backup_cmd",
        "back up the database now (into backups/ beside it, or --to FILE), or --list them",
    ),
    "check": ("check_cmd", "check the database (integrity, schema version, references, counts)"),
    "restore": (
        "restore_cmd",
        "restore a backup into the database (its current state is saved first)",
    ),
    "brief": ("brief_cmd", "write the daily briefing as a PDF (no window needed)"),
    "search": (
        "search_cmd",
        "find the current records whose words match (events, sites, counts, decrees, milestones)",
    ),
    "mapkit": (
        "mapkit_cmd",
        "build an offline map kit (GeoPackage) from OpenStreetMap extracts, or describe one",
    ),
}


def _asks_help(argv: Sequence[str]) -> bool:
    # -h, --help, or any abbreviation of it argparse accepts (--he, --hel).
    return any(a == "-h" or (len(a) > 2 and "--help".startswith(a)) for a in argv)


def _only_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> bool:
    """Whether ``argv`` is all options the top level knows (and their values). A mistake in
    them says False, so the parser that reports it shows the commands in its usage."""
    parser.exit_on_error = False
    try:
        return not parser.parse_known_args(argv)[1]
    except argparse.ArgumentError:
        return False
    finally:
        parser.exit_on_error = True


def add_commands(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """Every subcommand, with its options for those ``argv`` names (a name anywhere in it
    counts, so a command is never parsed without its options; loading one too many is
    harmless). A command line that opens the window (no command, no help, nothing the
    options do not take) sets up no subcommand at all; anything else gets them all, so a
    mistyped command is refused with the list of commands."""
    named = set(argv)
    if not named & set(COMMANDS) and not _asks_help(argv) and _only_options(parser, argv):
        parser.set_defaults(command=None)
        return
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        if name in named:
            import_module(f"desktop.commands.{module}").configure(p)
