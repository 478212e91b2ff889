"""A generated OpenStreetMap extract of the Tacna–Arica box with the density of a real one.

Street grids in Tacna and Arica (one way per block side, as OpenStreetMap maps them), the
Panamericana across the border, the railway, rivers, districts and places: about ``ways``
ways in all. For the map kit's benchmark and for looking at a kit without the real extracts.

    python -m tests.perf.mapkit_pbf OUT.osm.pbf [WAYS]
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import osmium
from osmium.osm import mutable

CITIES = (  # name, lon, lat, share of the streets, population
    ("Tacna", -70.2480, -18.0140, 0.6, 300000),
    ("Arica", -70.3050, -18.4780, 0.4, 220000),
)
VILLAGES = (
    ("Pocollay", -70.220, -17.995, "town"),
    ("Calana", -70.185, -17.945, "village"),
    ("Pachía", -70.155, -17.895, "village"),
    ("Palca", -69.960, -17.780, "village"),
    ("La Yarada", -70.480, -18.220, "village"),
    ("Los Palos", -70.440, -18.280, "village"),
    ("Boca del Río", -70.650, -18.120, "village"),
    ("Santa Rosa", -70.322, -18.345, "hamlet"),
    ("Chacalluta", -70.330, -18.360, "hamlet"),
    ("San Miguel de Azapa", -70.180, -18.520, "village"),
)
DISTRICTS = (  # name, admin level, ring
    ("Tacna", 8, [(-70.32, -17.96), (-70.20, -17.96), (-70.20, -18.06), (-70.32, -18.06)]),
    ("Pocollay", 8, [(-70.20, -17.96), (-70.10, -17.96), (-70.10, -18.06), (-70.20, -18.06)]),
    (
        "La Yarada-Los Palos",
        8,
        [(-70.60, -18.06), (-70.20, -18.06), (-70.33, -18.35), (-70.60, -18.25)],
    ),
    ("Palca", 8, [(-70.10, -17.60), (-69.80, -17.60), (-69.80, -18.00), (-70.10, -18.00)]),
    ("Arica", 8, [(-70.40, -18.36), (-70.00, -18.36), (-70.00, -18.60), (-70.40, -18.60)]),
)


class _Ids:
    def __init__(self) -> None:
        self.node = 1_000_000
        self.way = 1_000_000
        self.rel = 1_000_000


def write_dense(path: Path, ways: int = 50_000, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    ids = _Ids()
    nodes: list[mutable.Node] = []
    way_list: list[mutable.Way] = []
    rels: list[mutable.Relation] = []

    def node(lon: float, lat: float, tags: dict[str, str] | None = None) -> int:
        ids.node += 1
        nodes.append(mutable.Node(id=ids.node, version=1, location=(lon, lat), tags=tags or {}))
        return ids.node

    def way(refs: list[int], tags: dict[str, str]) -> int:
        ids.way += 1
        way_list.append(mutable.Way(id=ids.way, version=1, nodes=refs, tags=tags))
        return ids.way

    street = 0
    for name, lon0, lat0, share, _pop in CITIES:
        n = max(4, int(math.sqrt(ways * share / 2)))
        step = 0.0009  # about 100 m
        grid = [
            [node(lon0 + (i - n / 2) * step, lat0 + (j - n / 2) * step) for j in range(n)]
            for i in range(n)
        ]
        for i in range(n):
            for j in range(n - 1):
                for refs, k in (
                    ([grid[i][j], grid[i][j + 1]], i),
                    ([grid[j][i], grid[j + 1][i]], i),
                ):
                    street += 1
                    klass = (
                        "secondary" if k % 12 == 0 else "tertiary" if k % 6 == 0 else "residential"
                    )
                    way(refs, {"highway": klass, "name": f"Calle {name} {k}"})
        way([grid[0][0], grid[n - 1][0], grid[n - 1][n - 1], grid[0][n - 1], grid[0][0]],
            {"landuse": "residential", "name": name})  # fmt: skip
    # The Panamericana: Tacna → the border (Santa Rosa / Chacalluta) → Arica, one shared node.
    border = node(-70.326, -18.352)
    peru = [node(-70.248 - 0.078 * t / 10, -18.014 - 0.338 * t / 10) for t in range(10)]
    chile = [node(-70.326 + 0.021 * t / 10, -18.352 - 0.126 * t / 10) for t in range(1, 11)]
    way([*peru, border], {"highway": "trunk", "name": "Carretera Panamericana Sur", "ref": "PE-1S"})
    way([border, *chile], {"highway": "trunk", "name": "Ruta 5", "ref": "5"})
    rail = [
        node(-70.250 - 0.06 * t / 20 + 0.004 * math.sin(t), -18.010 - 0.47 * t / 20)
        for t in range(21)
    ]
    way(rail, {"railway": "rail", "name": "Ferrocarril Tacna–Arica"})
    for river, (lon, lat) in (("Río Caplina", (-69.95, -17.75)), ("Río Lluta", (-69.90, -18.40))):
        points = [node(lon - 0.035 * t, lat - 0.02 * t + 0.01 * math.sin(t / 2)) for t in range(20)]
        way(points, {"waterway": "river", "name": river})
    while street < ways:  # tracks across the desert
        lon, lat = rnd.uniform(-70.6, -69.8), rnd.uniform(-18.6, -17.8)
        points = [
            node(lon + rnd.uniform(-0.02, 0.02) * t, lat + rnd.uniform(-0.02, 0.02) * t)
            for t in range(4)
        ]
        way(points, {"highway": "track"})
        street += 1
    for name, lon, lat, klass in VILLAGES:
        node(lon, lat, {"place": klass, "name": name})
    for name, lon, lat, _share, pop in CITIES:
        node(lon, lat, {"place": "city", "name": name, "population": str(pop)})
    node(-70.322, -18.344, {"barrier": "border_control", "name": "Complejo Santa Rosa"})
    node(-70.331, -18.361, {"barrier": "border_control", "name": "Complejo Chacalluta"})
    node(-70.245, -18.02, {"amenity": "hospital", "name": "Hospital Hipólito Unanue"})
    for name, level, ring in DISTRICTS:
        refs = [node(lon, lat) for lon, lat in ring]
        outline = way([*refs, refs[0]], {})
        ids.rel += 1
        rels.append(
            mutable.Relation(
                id=ids.rel,
                version=1,
                members=[("w", outline, "outer")],
                tags={
                    "type": "boundary",
                    "boundary": "administrative",
                    "admin_level": str(level),
                    "name": name,
                },  # fmt: skip
            )
        )
    with osmium.SimpleWriter(str(path)) as writer:
        for n in nodes:
            writer.add_node(n)
        for w in way_list:
            writer.add_way(w)
        for r in rels:
            writer.add_relation(r)
    return path


if __name__ == "__main__":
    write_dense(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50_000)
