"""``situation-room init PATH [--demo]``: a new empty or demo database."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.errors import StoreUnavailable
from db.safety.output import check_output_path
from db.scenario import init_database
from desktop.commands.words import record_counts
from desktop.i18n import translate
from desktop.opening import operator_name


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="the new database file")
    p.add_argument("--demo", action="store_true", help="load the built-in Tacna exercise")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreUnavailable(
            translate("CLI", "{path}: already exists; choose a new file name").format(path=path)
        )
    if not path.parent.exists():
        raise StoreUnavailable(
            translate("CLI", "{folder}: folder does not exist").format(folder=path.parent)
        )
    check_output_path(path)  # an empty file may become the database; a device or FIFO never
    store = init_database(str(path), demo=args.demo, operator=operator_name())
    counts = store.counts()
    store.close()
    done = (
        translate("CLI", "{path}: demo exercise created ({counts})")
        if args.demo
        else translate("CLI", "{path}: empty database created ({counts})")
    )
    print(done.format(path=path, counts=record_counts(counts)))
    return 0
