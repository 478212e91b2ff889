"""``situation-room status --json``: the picture at one instant, for scripts and checks."""

from __future__ import annotations

import argparse
import json

from db.status import status
from desktop.commands import common_options
from desktop.i18n import translate
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
    return 0
