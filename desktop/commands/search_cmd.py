"""``situation-room search TEXT [--db PATH | --demo] [--json]``: the current records that match.

Searches the words of events, sites, counts (notes, sources), decrees and milestones, accents
and case aside, best match first (db/store/search.py). Exit 0 whether or not anything matched.
"""

from __future__ import annotations

import argparse
import json

from db.clock import to_iso, zone
from db.store.records import KIND_TO_TABLE
from db.store.search import Hit, search
from desktop import i18n
from desktop.commands import common_options
from desktop.commands.words import table_noun
from desktop.i18n import translate
from desktop.opening import clock_for, open_store

DEFAULT_LIMIT = 50


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", metavar="TEXT", help="words to look for (accents and case aside)")
    common_options(p)
    p.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        help=f"at most this many records (default {DEFAULT_LIMIT})",
    )
    p.add_argument(
        "--lang",
        choices=("es", "en"),
        default=argparse.SUPPRESS,  # keep a --lang given before the command
        help="language of the output (default: the system's)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='one JSON list of {"kind", "id", "title", "snippet", "at"} (UTC)',
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = i18n.language()  # what the command line speaks (desktop/cli.py installed it)
    store = open_store(args)
    try:
        clock = clock_for(store, args, running=False)
        # An exercise clock (--at, or an exercise database's own): what the post knew at its
        # time (docs/architecture.md §4). Live: the current records.
        at = None if clock.live else clock.now()
        hits = search(store, args.text, at=at, limit=max(args.limit, 0), lang=lang)
        tz = store.timezone
    finally:
        store.close()
    if args.json:
        print(json.dumps([_as_json(hit) for hit in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print(translate("CLI", "No matches for “{text}”.").format(text=args.text.strip()))
    else:
        for hit in hits:
            print(_line(hit, tz))
            if hit.snippet and hit.snippet != hit.title:
                print(f"    {hit.snippet}")
    return 0


def _as_json(hit: Hit) -> dict[str, str | None]:
    return {
        "kind": hit.kind,
        "id": hit.id,
        "title": hit.title,
        "snippet": hit.snippet,
        "at": to_iso(hit.at) if hit.at else None,
    }


def _line(hit: Hit, tz: str) -> str:
    when = hit.at.astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M") if hit.at else " " * 16
    noun = table_noun(KIND_TO_TABLE.get(hit.kind, hit.kind), 1)
    return f"{when}  {noun.capitalize():<12} {hit.title}"
