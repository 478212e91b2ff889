"""``situation-room restore BACKUP [--db PATH]``: put a backup back, saving the current state."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.safety.backup import restore_backup
from desktop.i18n import translate
from desktop.opening import default_db_path


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", help="the backup file to restore (see 'backup --list')")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.db) if getattr(args, "db", None) else default_db_path()
    saved = restore_backup(path, args.backup)
    done = (
        translate("CLI", "{path}: restored from {backup}; the state before was saved as {saved}")
        if saved
        else translate("CLI", "{path}: restored from {backup}")
    )
    print(done.format(path=path, backup=args.backup, saved=saved))
    return 0
