"""``situation-room import KIND FILE``: bring a file into the database, all or nothing.

``IMPORTERS`` maps each KIND to a function ``(args) -> exit code``; a refused file raises a
``SituationRoomError`` whose one-line message the CLI prints (exit 1). Nothing is stored then.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from db.errors import ImportRefused, SituationRoomError
from db.flows.csv_import import ImportResult, import_observations
from db.geo.overlays import import_overlay
from db.geo.site_import import import_sites
from db.input_path import check_input_path
from desktop.commands import common_options
from desktop.i18n import translate
from desktop.opening import open_store

MAX_SHOWN = 5  # problems on the one line; the rest are counted


def one_line(exc: ImportRefused) -> str:
    """Every problem of a refused file on one line (the first few, then how many more)."""
    shown = exc.problems[: min(MAX_SHOWN, exc.total)]
    more = exc.total - len(shown)
    return f"{'; '.join(shown)}; … and {more:,} more" if more > 0 else "; ".join(shown)


def import_overlay_command(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        overlay = import_overlay(store, args.file, name=args.name)
    except ImportRefused as exc:
        raise SituationRoomError(f"nothing imported: {one_line(exc)}") from None
    finally:
        store.close()
    skipped = f"; {overlay.skipped} items with nothing to draw left out" if overlay.skipped else ""
    print(
        f"{args.file}: imported overlay {overlay.name!r} ({overlay.feature_count} features"
        f"{skipped}), id {overlay.id}"
    )
    return 0


def terminal_progress(label: str) -> Callable[[int, int], None] | None:
    """A progress line on stderr, only when stderr is a terminal (never in a log or a pipe)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label}: checked {done:,} of {total:,} rows", end=end, file=sys.stderr)

    return show


def _csv_import(
    args: argparse.Namespace,
    importer: Callable[..., ImportResult],
    summary: Callable[[str, ImportResult], str] | None = None,
) -> int:
    """Every bad row on stderr as ``FILE:LINE: column: problem`` (all of them), then exit 1."""
    store = open_store(args)
    try:
        result = importer(store, args.file)
    except ImportRefused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        refused = (
            translate("CLI", "{file}: nothing imported (1 problem)")
            if exc.total == 1
            else translate("CLI", "{file}: nothing imported ({n} problems)")
        )
        print(
            f"situation-room: {refused.format(file=args.file, n=f'{exc.total:,}')}",
            file=sys.stderr,
        )
        return 1
    finally:
        store.close()
    if summary is not None:
        print(summary(args.file, result))
        return 0
    print(
        translate(
            "CLI", "{file}: {rows} rows read: {added} added, {present} already present"
        ).format(
            file=args.file, rows=result.lines, added=result.added, present=result.already_present
        )
    )
    return 0


def sites_summary(file: str, result: ImportResult) -> str:
    """How many sites were new, changed (stored as a correction) and unchanged."""
    return translate(
        "CLI", "{file}: {rows} rows read: {added} new, {changed} changed, {present} unchanged"
    ).format(
        file=file,
        rows=result.lines,
        added=result.added,
        changed=result.changed,
        present=result.already_present,
    )


def import_observations_command(args: argparse.Namespace) -> int:
    progress = terminal_progress(args.file)
    return _csv_import(args, lambda store, path: import_observations(store, path, progress))


def import_sites_command(args: argparse.Namespace) -> int:
    return _csv_import(args, import_sites, sites_summary)


IMPORTERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "overlay": import_overlay_command,
    "observations": import_observations_command,
    "sites": import_sites_command,
}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=sorted(IMPORTERS), help="what the file holds")
    p.add_argument("file", help="the file to import")
    p.add_argument("--name", help="overlay: the layer's name (default: the file's name)")
    common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_input_path(args.file)  # a folder or a FIFO named as the file: said so, nothing opened
    return IMPORTERS[args.kind](args)
