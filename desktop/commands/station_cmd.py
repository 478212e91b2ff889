"""``situation-room station``: show or set this database's station name and shared sync key.

situation-room station [--db PATH] [--name NAME] [--key-file FILE | --no-key]
"""

from __future__ import annotations

import argparse

from db.sync.station import configured_key, key_file, key_id, set_key_file, set_station_name
from desktop.i18n import translate
from desktop.opening import open_store


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="database file (default: the operational one)")
    p.add_argument("--name", help="rename this station (travels in every bundle it exports)")
    key = p.add_mutually_exclusive_group()
    key.add_argument(
        "--key-file",
        metavar="FILE",
        help="sign exports and accept only bundles signed with the key in FILE",
    )
    key.add_argument("--no-key", action="store_true", help="stop requiring signed bundles")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.name is not None:
            set_station_name(store, args.name)
        if args.key_file:
            set_key_file(store, args.key_file)
        elif args.no_key:
            set_key_file(store, None)
        path = key_file(store)
        key = configured_key(store) if path else None
        print(
            translate("CLI", "station {id}: {name}").format(
                id=store.station_id, name=store.station_name
            )
        )
        print(
            translate("CLI", "shared key: {path} (key id {key})").format(path=path, key=key_id(key))
            if key
            else translate("CLI", "shared key: none")
        )
    finally:
        store.close()
    return 0
