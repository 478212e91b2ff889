"""``situation-room check [--db PATH]``: integrity, schema, references, counts; exit 0 or 1."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.safety.check import check_database, only_backups_fail
from desktop.i18n import translate
from desktop.opening import default_db_path


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.db) if getattr(args, "db", None) else default_db_path()
    findings = check_database(path)
    for finding in findings:
        print(finding.line(path))
    if only_backups_fail(findings):
        print(
            translate(
                "CLI",
                "{path}: the database itself is sound; only backups have problems (a damaged "
                "backup can be deleted)",
            ).format(path=path)
        )
    return 0 if all(f.ok for f in findings) else 1
