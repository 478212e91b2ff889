"""Field-map benchmarks: overlay import and read-back, MBTiles tile reads.

Run from the repository root: ``python tests/perf/bench_field_maps.py``. Prints one JSON line
per figure (as every benchmark does, for tests/perf/run.py); asserts nothing (timings belong in
a closing note, not in a test).
"""

from __future__ import annotations

import json
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.geo.mbtiles import MBTiles
from db.geo.overlays import import_overlay, overlay_features
from db.geo.projection import tms_row
from db.store.store import Store

PLACEMARKS = 20_000


def emit(metric: str, value: float, unit: str, **extra) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 3), "unit": unit, **extra}))


LINE_VERTICES = 50


def big_kml(path: Path, rnd: random.Random) -> None:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">']
    parts.append("<Document><Style id='s'><LineStyle><color>ff0000ff</color></LineStyle></Style>")
    for folder in range(20):
        parts.append(f"<Folder><name>Carpeta {folder}</name>")
        for i in range(PLACEMARKS // 20):
            lon, lat = -70.5 + rnd.random(), -18.5 + rnd.random()
            if i % 2:
                coords = " ".join(
                    f"{lon + k * 1e-4:.6f},{lat + k * 1e-4:.6f},0" for k in range(LINE_VERTICES)
                )
                geometry = f"<LineString><coordinates>{coords}</coordinates></LineString>"
            else:
                geometry = f"<Point><coordinates>{lon:.6f},{lat:.6f},0</coordinates></Point>"
            parts.append(
                f"<Placemark><name>P{folder}-{i}</name><styleUrl>#s</styleUrl><ExtendedData>"
                f"<Data name='n'><value>{i}</value></Data></ExtendedData>{geometry}</Placemark>"
            )
        parts.append("</Folder>")
    parts.append("</Document></kml>")
    path.write_text("\n".join(parts), encoding="utf-8")


def bench_overlay(folder: Path) -> None:
    kml = folder / "big.kml"
    big_kml(kml, random.Random(1))
    store = Store.open(folder / "bench.db", operator="bench")
    t0 = time.perf_counter()
    overlay = import_overlay(store, kml)
    t_import = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kB
    t0 = time.perf_counter()
    features = overlay_features(store, overlay.id)
    t_read = time.perf_counter() - t0
    size_mb = kml.stat().st_size / 2**20
    emit("overlay_import_kml_s", t_import, "s", placemarks=PLACEMARKS, kml_mb=round(size_mb, 1))
    emit("overlay_import_peak_rss_mb", peak / 2**20, "MB")
    emit("overlay_features_read_s", t_read, "s", features=len(features))
    store.close()


def bench_mbtiles(folder: Path) -> None:
    path = folder / "bench.mbtiles"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_data BLOB);"
        "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
        "INSERT INTO metadata VALUES ('name', 'bench'), ('format', 'png');"
    )
    blob = b"\x89PNG\r\n\x1a\n" + bytes(20_000)
    z = 12
    conn.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
        ((z, x, tms_row(z, y), blob) for x in range(1200, 1300) for y in range(2200, 2300)),
    )
    conn.commit()
    conn.close()
    with MBTiles.open(path) as mb:
        times = []
        for x in range(1200, 1300):
            t0 = time.perf_counter()
            for y in range(2200, 2240):  # a 1600×1000 view needs about 40 tiles
                mb.tile(z, x, y)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for y in range(2200, 2240):
            mb.tile(z, 1299, y)
        cached = time.perf_counter() - t0
    emit("mbtiles_view_40_tiles_uncached_ms", statistics.median(times) * 1e3, "ms")
    emit("mbtiles_view_40_tiles_cached_ms", cached * 1e3, "ms")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        bench_overlay(Path(tmp))
        bench_mbtiles(Path(tmp))
