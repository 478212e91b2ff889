"""``situation-room brief --out FILE.pdf``: the daily briefing as a PDF, with no window.

For a scheduled job as much as for an operator: no display is needed (the command selects Qt's
offscreen platform itself when there is none), nothing half-written is ever left at ``--out``.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from db.briefing.content import Briefing, compose_briefing, default_day
from db.clock import InstantError, check_years
from db.errors import SituationRoomError
from db.input_path import check_input_path
from db.safety.output import check_output_path
from db.store.store import Store
from desktop import i18n
from desktop.briefing.images import chart_image, map_image
from desktop.briefing.pdf import render_briefing_pdf
from desktop.commands import common_options
from desktop.i18n import translate
from desktop.opening import clock_for, open_store, operator_name

PAPERS = ("a4", "letter")


class BadBriefArgument(SituationRoomError):
    """A value of the ``brief`` command that cannot be used (said in one line)."""


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Write the daily briefing for a day as a PDF: the 24 hours ending at the "
        "cut-off hour (07:00 post time by default), as the store held them then."
    )
    common_options(p)
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the briefing's day (default: the latest period that has ended by the clock)",
    )
    p.add_argument(
        "--lang",
        choices=("es", "en"),
        default=argparse.SUPPRESS,  # keep a --lang given before the command
        help="language of the briefing (default: es)",
    )
    p.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default: a4)")
    notes = p.add_mutually_exclusive_group()
    notes.add_argument("--notes", metavar="TEXT", default="", help="the operator's notes")
    notes.add_argument("--notes-file", metavar="FILE", help="read the notes from a UTF-8 file")
    p.add_argument(
        "--classification",
        metavar="TEXT",
        default="USO OFICIAL",
        help="classification line printed on every page (default: USO OFICIAL)",
    )
    p.add_argument(
        "--cutoff-hour",
        type=int,
        default=7,
        metavar="H",
        help="the period ends at this hour, post time (default: 7)",
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.set_defaults(func=run)


def _parse_day(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
        check_years(day, "--date")
    except InstantError as exc:
        raise BadBriefArgument(str(exc)) from None
    except ValueError:
        raise BadBriefArgument(f"--date: {text!r} is not a date like 2025-12-01") from None
    return day


def _read_notes(args: argparse.Namespace) -> str:
    if not args.notes_file:
        return args.notes or ""
    check_input_path(args.notes_file, "notes file", refuse=BadBriefArgument)
    try:
        return Path(args.notes_file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BadBriefArgument(f"{args.notes_file}: cannot read the notes ({reason})") from None


def ensure_display() -> None:
    """Use Qt's offscreen platform when there is no display to draw on (servers, cron)."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _write(store: Store, briefing: Briefing, out: Path, paper: str) -> int:
    ensure_display()  # before the application object: it picks the platform
    app = i18n.gui_application()
    i18n.install(briefing.lang)  # the map's own labels follow the briefing's language
    pages = render_briefing_pdf(
        briefing,
        out,
        paper,
        chart=chart_image(briefing),
        map_image=map_image(store, briefing),
        database=store.path,
    )
    del app
    return pages


def run(args: argparse.Namespace) -> int:
    day = _parse_day(args.date) if args.date else None
    if not 0 <= args.cutoff_hour <= 23:
        raise BadBriefArgument(f"--cutoff-hour: {args.cutoff_hour} is not an hour 0–23")
    out = check_output_path(args.out)  # refused before any work is done
    notes = _read_notes(args)
    store = open_store(args)
    try:
        check_output_path(out, database=store.path)
        if day is None:
            day = default_day(clock_for(store, args).now(), store.timezone, args.cutoff_hour)
        briefing = compose_briefing(
            store,
            day,
            lang=getattr(args, "lang", None) or "es",
            cutoff_hour=args.cutoff_hour,
            classification=args.classification,
            operator=operator_name(),
            notes=notes,
        )
        pages = _write(store, briefing, out, args.paper)
    finally:
        store.close()
    print(
        translate("CLI", "{path}: briefing for {day} written ({pages} pages, {paper})").format(
            path=out, day=day.isoformat(), pages=pages, paper=args.paper
        )
    )
    return 0
