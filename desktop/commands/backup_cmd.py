"""``situation-room backup [--db PATH] [--to FILE] [--list]``: a verified backup, now."""

from __future__ import annotations

import argparse

from db.clock import to_iso
from db.safety.backup import backup_now, backup_problem, list_backups
from desktop.i18n import translate
from desktop.opening import open_store


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--to", metavar="FILE", help="write the backup to this new file")
    target.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.list:
            good = translate("CLI", "good")
            for backup in list_backups(store.path):
                label = f"  ({backup.label})" if backup.label else ""
                problem = backup_problem(backup.path)  # a name is no proof: each is read
                state = (
                    good
                    if problem is None
                    else translate("CLI", "DAMAGED ({problem})").format(problem=problem)
                )
                print(
                    f"{to_iso(backup.taken_at)}  {backup.size_bytes:>12,}  {backup.path}{label}"
                    f"  {state}"
                )
            return 0
        path = backup_now(store, to=args.to)
    finally:
        store.close()
    print(
        translate("CLI", "{path}: backup of {db} ({size} bytes, checked)").format(
            path=path, db=store.path, size=f"{path.stat().st_size:,}"
        )
    )
    return 0
