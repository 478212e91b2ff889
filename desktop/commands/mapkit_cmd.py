"""``situation-room mapkit build|info``: the offline map kit (db/geo/mapkit, docs/architecture.md §9).

    situation-room mapkit build EXTRACT.osm.pbf [MORE.osm.pbf ...] --bbox W,S,E,N --out KIT.gpkg
    situation-room mapkit info KIT.gpkg [--json]

A build that fails says why in one line, exits 1 and leaves no file behind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time

from db.geo.mapkit.bbox import BBox, parse_bbox
from desktop.i18n import translate

# "-70.6,-18.6,-69.8,-17.8" starts with a dash: argparse would take it for an option, and
# refuse "--bbox -70.6,..." as typed. A value made of numbers, commas and signs is a value.
_COORDINATES = re.compile(r"^-\d+$|^-\d*\.\d+$|^-[\d.]+(,\s*-?[\d.]+)+$")
_BAR = 30


def configure(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="mapkit_action", metavar="ACTION", required=True)
    build = actions.add_parser(
        "build", help="build a map kit (GeoPackage) from OpenStreetMap extracts (.osm.pbf)"
    )
    build._negative_number_matcher = _COORDINATES  # see _COORDINATES
    build.add_argument(
        "extracts", nargs="+", metavar="EXTRACT.osm.pbf", help="OpenStreetMap extracts to read"
    )
    build.add_argument(
        "--bbox",
        required=True,
        type=_bbox,
        metavar="W,S,E,N",
        help="the box to keep, in degrees (e.g. -70.6,-18.6,-69.8,-17.8)",
    )
    build.add_argument("--out", required=True, metavar="KIT.gpkg", help="the kit to write")
    build.set_defaults(func=run_build)

    info = actions.add_parser("info", help="layers, feature counts, bounds and sources of a kit")
    info.add_argument("kit", metavar="KIT.gpkg", help="the map kit")
    info.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    info.set_defaults(func=run_info)


def _bbox(text: str) -> BBox:
    try:
        return parse_bbox(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run_build(args: argparse.Namespace) -> int:
    from db.geo.mapkit.build import build  # pyosmium loads only for a build

    started = time.monotonic()
    result = build(args.extracts, args.bbox, args.out, _progress())
    total = sum(result.counts.values())
    parts = ", ".join(f"{name} {n:,}" for name, n in result.counts.items() if n)
    print(
        translate("CLI", "{path}: map kit of {box}: {n} features ({parts}) in {s:.0f} s").format(
            path=result.path,
            box=args.bbox,
            n=f"{total:,}",
            parts=parts,
            s=time.monotonic() - started,
        )
    )
    return 0


def _progress():  # type: ignore[no-untyped-def]
    """A bar on stderr when it is a terminal; one line per pass when it is a log."""
    tty = sys.stderr.isatty()
    shown: list[tuple[int, str]] = []

    def show(p) -> None:  # type: ignore[no-untyped-def]
        filled = _BAR * p.step // max(p.steps, 1)
        bar = "#" * filled + "." * (_BAR - filled)
        what = f"{p.stage} {p.file}".strip()
        counted = f" {p.objects:,}" if p.objects else ""
        line = f"[{bar}] {p.step}/{p.steps} {what}{counted}"
        if tty:
            end = "\n" if p.stage == "done" else ""
            print(f"\r{line:<78}", end=end, file=sys.stderr, flush=True)
        elif not shown or shown[-1] != (p.step, p.stage):
            shown.append((p.step, p.stage))
            print(line, file=sys.stderr, flush=True)

    return show


def run_info(args: argparse.Namespace) -> int:
    from db.geo.mapkit.kit import open_kit

    with open_kit(args.kit) as kit:
        layers = [
            {
                "name": layer.name,
                "geometry_type": layer.geometry_type,
                "features": layer.features,
                "bounds": None if layer.bounds is None else [round(v, 5) for v in layer.bounds],
                "spatial_index": layer.spatial_index,
            }
            for layer in kit.layers
        ]
        box = kit.bbox
        info = {
            "path": str(kit.path),
            "built_at": kit.built_at or None,
            "bbox": None if box is None else [round(v, 5) for v in box],
            "attribution": kit.attribution or None,
            "license": kit.record.get("license"),
            "sources": kit.record.get("sources", []),
            "layers": layers,
        }
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    unknown = translate("CLI", "unknown")
    print(
        translate("CLI", "{path}: map kit (GeoPackage), built {when}").format(
            path=args.kit, when=info["built_at"] or unknown
        )
    )
    if box is not None:
        print(translate("CLI", "box: {box}").format(box=",".join(f"{v:g}" for v in info["bbox"])))
    print(translate("CLI", "layers:"))
    for layer in layers:
        bounds = layer["bounds"]
        extent = ",".join(f"{v:g}" for v in bounds) if bounds else "-"
        index = "" if layer["spatial_index"] else "  " + translate("CLI", "(no spatial index)")
        print(
            f"  {layer['name']:<14} {layer['geometry_type']:<16} {layer['features']:>9,}  "
            f"{extent}{index}"
        )
    print(translate("CLI", "attribution: {text}").format(text=info["attribution"] or unknown))
    return 0
