"""``situation-room export KIND FILE``: records to a file, its format chosen by the extension.

``EXPORTERS`` maps each KIND to a function ``(args) -> exit code``. Events and sites go to
``.geojson`` or ``.kml`` (QGIS, Google Earth), observations to ``.csv`` (spreadsheets); the file
is replaced whole or not at all. ``--at T`` writes the records as the post knew them at T.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime

from db.errors import SituationRoomError
from db.flows.csv_export import export_observations
from db.geo.export import export_events, export_sites
from desktop.commands import common_options
from desktop.i18n import translate
from desktop.opening import open_store


def _at(args: argparse.Namespace) -> datetime | None:
    """``--at``: the records the post knew then (docs/architecture.md §4). Without it, every
    current record, each with its report time in ``entered_at``; an exercise database's own
    clock does not narrow an export."""
    at: datetime | None = getattr(args, "at", None)
    return at


def _geo_export(kind: str, args: argparse.Namespace) -> int:
    export = export_events if kind == "events" else export_sites
    store = open_store(args)
    try:
        report = export(store, args.file, lang=getattr(args, "lang", None) or "es", at=_at(args))
    finally:
        store.close()
    skipped = f"; {report.skipped} without a location left out" if report.skipped else ""
    print(f"{report.path}: wrote {report.written} {kind}{skipped}")
    return 0


def export_events_command(args: argparse.Namespace) -> int:
    return _geo_export("events", args)


def export_sites_command(args: argparse.Namespace) -> int:
    return _geo_export("sites", args)


def export_observations_command(args: argparse.Namespace) -> int:
    if not args.file.lower().endswith((".csv", ".txt")):
        raise SituationRoomError(f"{args.file}: observations are exported as CSV: name it FILE.csv")
    store = open_store(args)
    try:
        result = export_observations(store, args.file, at=_at(args))
    finally:
        store.close()
    print(
        translate("CLI", "{path}: wrote {n} observations").format(
            path=result.path, n=result.written
        )
    )
    return 0


EXPORTERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "events": export_events_command,
    "sites": export_sites_command,
    "observations": export_observations_command,
}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=sorted(EXPORTERS), help="which records")
    p.add_argument("file", help="the file to write (FILE.csv, FILE.geojson or FILE.kml)")
    common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return EXPORTERS[args.kind](args)
