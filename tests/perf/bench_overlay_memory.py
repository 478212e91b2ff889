"""Benchmark: peak memory and time of reading large and hostile overlay files.

Run from the project root (on demand; the normal test run asserts no timing):

    python -m tests.perf.bench_overlay_memory [--case NAME] [--keep DIR]

Each case is written once, then read in a fresh interpreter (``read_overlay_file``: the parse
an import or the map's open dialog does), so the figure is that read's own peak resident set.
Prints one JSON object per case: {"case", "mb", "outcome", "seconds", "peak_rss_mb"}; the
budget is 300 MB for any file up to the 50 MB size limit (docs/architecture.md §10).

- ``kml_tiny_elements``: 20 MB of empty elements inside a Document (refused or ignored, never
  held as a tree).
- ``kml_largest``: about 45 MB: 25,000 placemarks with descriptions, 975,000 positions
  (accepted: near both the size and the position limits).
- ``geojson_multipoint``: a 17 MB MultiPoint (too many features once split: refused).
- ``geojson_largest``: about 47 MB: 10,000 lines with descriptions, 970,000 positions
  (accepted).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BUDGET_MB = 300
_TEXT = "Paso habilitado para peatones y vehiculos livianos; control sanitario. " * 16


def _kml_tiny(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?><kml><Document>')
        chunk = "<a/>" * 10_000
        for _ in range(20 * 1024 * 1024 // len(chunk)):
            out.write(chunk)
        out.write("</Document></kml>")


def _kml_largest(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n')
        for p in range(25_000):
            coords = " ".join(
                f"{-70.0 - (p % 500) / 1000 - v / 1e5:.5f},{-18.0 - (p // 500) / 1000:.5f}"
                for v in range(39)
            )
            out.write(
                f"<Placemark><name>r{p}</name><description>{_TEXT}</description><LineString>"
                f"<coordinates>{coords}</coordinates></LineString></Placemark>\n"
            )
        out.write("</Document></kml>\n")


def _geojson_multipoint(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type":"MultiPoint","coordinates":[')
        out.write(",".join(f"[{-70 - i % 1000 / 1000:.3f},{-18.5:.1f}]" for i in range(1_100_000)))
        out.write("]}")


def _geojson_largest(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for f in range(10_000):
            coords = ",".join(
                f"[{-70.0 - (f % 200) / 1000 - v / 1e5:.5f},{-18.0 - (f // 200) / 1000:.5f}]"
                for v in range(97)
            )
            sep = "," if f < 9_999 else ""
            out.write(
                f'{{"type":"Feature","properties":{{"name":"r{f}","description":"{_TEXT * 2}"}},'
                f'"geometry":{{"type":"LineString","coordinates":[{coords}]}}}}{sep}\n'
            )
        out.write("]}\n")


CASES = {
    "kml_tiny_elements": ("tiny.kml", _kml_tiny),
    "kml_largest": ("largest.kml", _kml_largest),
    "geojson_multipoint": ("multipoint.geojson", _geojson_multipoint),
    "geojson_largest": ("largest.geojson", _geojson_largest),
}

_MEASURE = """
import json, resource, sys, time
from db.errors import ImportRefused
from db.geo.overlays import read_overlay_file
start = time.perf_counter()
try:
    parsed = read_overlay_file(sys.argv[1])
    outcome = f"accepted: {len(parsed.features):,} features, {parsed.vertices:,} positions"
except ImportRefused as exc:
    outcome = "refused: " + exc.problems[0][-160:]
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "seconds": round(seconds, 2), "peak_rss_mb": round(peak)}))
"""


def measure(path: Path) -> dict[str, object]:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument("--keep", type=Path, help="write the files here (and reuse them)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for case in args.case or list(CASES):
            name, write = CASES[case]
            path = folder / name
            if not path.exists():
                write(path)
            result = {"case": case, "mb": round(path.stat().st_size / 2**20, 1), **measure(path)}
            result["within_budget"] = result["peak_rss_mb"] <= BUDGET_MB
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
