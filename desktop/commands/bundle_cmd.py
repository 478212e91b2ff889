"""``situation-room bundle export|import|conflicts|settle``: field sync by file (db/sync/exchange.py).

    situation-room bundle export FILE [--since LAST|ISO-TIME | --all] [--db PATH] [--key-file F]
    situation-room bundle import FILE [--dry-run] [--db PATH] [--key-file F]
    situation-room bundle conflicts [--db PATH]
    situation-room bundle settle VERSION_ID [--db PATH]

A refused bundle is one line on stderr, exit 1, and nothing written.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from db.clock import zone
from db.errors import RecordNotFound
from db.sync.conflicts import conflict_of, conflicts, settle
from db.sync.exchange import export_bundle, import_bundle
from desktop.commands import parse_at
from desktop.commands.words import record_counts
from desktop.i18n import translate
from desktop.opening import open_store


def configure(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="bundle_action", metavar="ACTION", required=True)

    exp = actions.add_parser("export", help="write records to a bundle file")
    exp.add_argument("file", help="the bundle to write (e.g. santa-rosa-2025-12-01.zip)")
    which = exp.add_mutually_exclusive_group()
    which.add_argument(
        "--since",
        metavar="LAST|ISO-TIME",
        type=_since,
        default="last",
        help="LAST (default): records stored since this station's previous export; or a time: "
        "records entered since then",
    )
    which.add_argument(
        "--all", dest="since", action="store_const", const="all", help="every record"
    )
    _common(exp)
    exp.set_defaults(func=run_export)

    imp = actions.add_parser("import", help="merge a bundle from another station")
    imp.add_argument("file", help="the bundle to import")
    imp.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    _common(imp)
    imp.set_defaults(func=run_import)

    con = actions.add_parser("conflicts", help="records corrected differently at two stations")
    con.add_argument("--db", metavar="PATH", help="database file")
    con.set_defaults(func=run_conflicts)

    settle = actions.add_parser("settle", help="settle a conflict by keeping one version")
    settle.add_argument("version", metavar="VERSION_ID", help="the version to keep")
    settle.add_argument("--db", metavar="PATH", help="database file")
    settle.set_defaults(func=run_settle)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="database file (default: the operational one)")
    p.add_argument(
        "--key-file",
        metavar="FILE",
        help="the deployment's shared key (default: $SITUATION_ROOM_SYNC_KEY_FILE or the "
        "station's setting, see 'situation-room station')",
    )


def _since(text: str) -> str | datetime:
    if text.strip().lower() == "last":
        return "last"

    return parse_at(text)


def run_export(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        summary = export_bundle(store, args.file, since=args.since, key_file=args.key_file)
        tz = store.timezone
    finally:
        store.close()
    span = (
        translate("CLI", ", entered {start} to {end}").format(
            start=_local(summary.span[0], tz), end=_local(summary.span[1], tz)
        )
        if summary.span
        else ""
    )
    signed = (
        translate("CLI", "signed")
        if summary.signed
        else translate("CLI", "unsigned (no shared key configured)")
    )
    print(f"{summary.path}: {_counts(summary.counts)}{span}; {signed}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        s = import_bundle(store, args.file, key_file=args.key_file, dry_run=args.dry_run)
        tz = store.timezone
    finally:
        store.close()
    check = (
        translate("CLI", "signed, signature verified")
        if s.verified
        else translate("CLI", "signed, signature not checked (no shared key configured)")
        if s.signed
        else translate("CLI", "unsigned")
    )
    head = translate("CLI", "{path}: from station {station}, created {when}; {check}")
    print(
        head.format(
            path=s.path, station=repr(s.station_name), when=_local(s.created_at, tz), check=check
        )
    )
    if s.previous:
        again = translate("CLI", "already imported on {when} by {operator}: nothing changed")
        print(again.format(when=_local(s.previous.at, tz), operator=s.previous.operator))
    added = (
        translate("CLI", "would add: {counts}; already present: {n}")
        if s.dry_run
        else translate("CLI", "added: {counts}; already present: {n}")
    )
    print(added.format(counts=_counts(s.added), n=f"{s.total_present:,}"))
    _print_conflicts(s.conflicts, tz)
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = conflicts(store)
        tz = store.timezone
    finally:
        store.close()
    if not found:
        print(translate("CLI", "no conflicts"))
    _print_conflicts(tuple(found), tz)
    return 0


def run_settle(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        conflict = conflict_of(store, args.version)
        if conflict is None:
            raise RecordNotFound(f"{args.version} is not a version of any open conflict")
        kept = settle(store, conflict, keep_id=args.version)
    finally:
        store.close()
    others = len(conflict.versions) - 1
    print(f"settled: kept {kept.id}, voided {others} other version{'s' * (others != 1)}")
    return 0


def _print_conflicts(found: tuple, tz: str) -> None:
    if found:
        print(f"conflicts: {len(found)} (settle with 'situation-room bundle settle VERSION_ID')")
    for c in found:
        versions = "; ".join(
            f"{v.id} by {v.entered_by} at {_local(v.entered_at, tz)}" for v in c.versions
        )
        print(f"  {c.kind} {c.record_id} has {len(c.versions)} versions: {versions}")


def _counts(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = record_counts({t: n for t, n in counts.items() if n})
    return translate("CLI", "{n} records").format(n=f"{total:,}") + (f" ({parts})" if parts else "")


def _local(instant: datetime, tz: str) -> str:
    return f"{instant.astimezone(zone(tz)):%Y-%m-%d %H:%M} ({tz})"
