"""``situation-room status --json``: the picture at one instant, for scripts and checks."""

from __future__ import annotations

import argparse
import json
from typing import Any

from db.flows.figure_terms import figure_label
from db.status import status
from desktop.commands import common_options
from desktop.i18n import language, translate
from desktop.opening import clock_for, open_store


def configure(p: argparse.ArgumentParser) -> None:
    common_options(p)
    p.add_argument("--json", action="store_true", help="one JSON object (the only format so far)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        clock = clock_for(store, args, running=False)
        data = status(store, clock.now(), exercise=not clock.live)
    finally:
        store.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        states = {
            "in_force": translate("CLI", "in force"),
            "warning": translate("CLI", "warning"),
            "critical": translate("CLI", "critical"),
            "upcoming": translate("CLI", "upcoming"),
            "expired": translate("CLI", "expired"),
        }
        for chain in data["decrees"]:
            line = translate("CLI", "{number}: day {day} of {days}, {state}, ends {ends}")
            text = line.format(
                number=chain["number"],
                day=chain["day"],
                days=chain["days"],
                state=states.get(chain["state"], chain["state"]),
                ends=chain["ends_on"],
            )
            if len(chain["chain"]) > 1 and chain["state"] in ("in_force", "warning", "critical"):
                text += translate("CLI", " (day {day} of the state of emergency)").format(
                    day=chain["chain_day"]
                )
            print(text)
        for line in figure_lines(data["figures"], language()):
            print(line)
    return 0


def figure_lines(figures: dict[str, Any], lang: str) -> list[str]:
    """The last 24 hours' figures, each named for exactly what it counts: people who crossed
    (by direction, by category), then apart the flows that are not crossings, then people
    stranded (docs/architecture.md §4)."""
    day = translate("CLI", "{label} · 24 h: {value}")
    lines = [
        day.format(label=figure_label(code, lang), value=f"{figures[group].get(code, 0):,}")
        for group, code in (
            ("by_direction", "into_peru"),
            ("by_direction", "into_chile"),
            ("by_category", "crossed_regular"),
            ("by_category", "crossed_irregular"),
        )
    ]
    lines.append(translate("CLI", "Not crossings (each its own count; the groups overlap):"))
    lines += [
        "  "
        + day.format(
            label=figure_label(code, lang), value=f"{figures['by_category'].get(code, 0):,}"
        )
        for code in ("turned_back", "detained", "assisted")
    ]
    lines.append(
        translate("CLI", "{label}: {value}").format(
            label=figure_label("stranded", lang), value=f"{figures['stranded_latest']:,}"
        )
    )
    return lines
