"""Subcommands of ``situation-room``: one module each, each with ``register(subparsers)``."""

from __future__ import annotations

import argparse
from datetime import datetime

from desktop.commands import (
    backup_cmd,
    brief_cmd,
    bundle_cmd,
    check_cmd,
    export_cmd,
    import_cmd,
    init_cmd,
    restore_cmd,
    station_cmd,
    status_cmd,
)


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
    from db.clock import parse_instant

    try:
        return parse_instant(text, "--at")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


COMMANDS = [
    init_cmd,
    status_cmd,
    import_cmd,
    export_cmd,
    bundle_cmd,
    station_cmd,
    backup_cmd,
    check_cmd,
    restore_cmd,
    brief_cmd,
]
