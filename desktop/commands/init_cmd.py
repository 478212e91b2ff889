"""``situation-room init PATH [--demo]``: a new empty or demo database."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.errors import StoreUnavailable
from desktop.commands.opening import operator_name


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new database (empty, or with the demo exercise)")
    p.add_argument("path", help="the new database file")
    p.add_argument("--demo", action="store_true", help="load the built-in Tacna exercise")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from db.scenario import init_database

    path = Path(args.path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreUnavailable(f"{path}: already exists; choose a new file name")
    if not path.parent.exists():
        raise StoreUnavailable(f"{path.parent}: folder does not exist")
    store = init_database(str(path), demo=args.demo, operator=operator_name())
    counts = store.counts()
    store.close()
    kind = "demo exercise" if args.demo else "empty database"
    print(f"{path}: {kind} created ({', '.join(f'{v} {k}' for k, v in counts.items())})")
    return 0
