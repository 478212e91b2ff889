"""Small OpenStreetMap extracts written with pyosmium, for map kit tests.

Two "country extracts" around the Tacna–Arica border, as Geofabrik publishes them: each carries
the ways that cross the border (way 300, the railway 400), with all their nodes; the border
node 10 is in both, where the Peruvian and the Chilean road meet.
"""

from __future__ import annotations

from pathlib import Path

import osmium
from osmium.osm import mutable

BOX = "-70.6,-18.6,-69.8,-17.8"

PERU_NODES = {
    1: (-70.25, -17.95, {}),
    2: (-70.30, -18.15, {}),
    3: (-70.20, -18.10, {}),
    4: (-70.28, -18.00, {}),
    5: (-70.30, -18.20, {}),
    10: (-70.33, -18.35, {}),
    11: (-70.15, -17.90, {}),
    12: (-70.10, -18.05, {}),
    # the district's ring, in two ways
    40: (-70.40, -17.85, {}),
    41: (-70.00, -17.85, {}),
    42: (-70.00, -18.30, {}),
    43: (-70.40, -18.30, {}),
    # a trunk road leaving the box to the west
    50: (-70.50, -17.90, {}),
    51: (-70.80, -17.90, {}),
    # far outside the box
    60: (-72.00, -16.00, {}),
    61: (-72.10, -16.10, {}),
    30: (-70.25, -18.01, {"place": "city", "name": "Tacna", "population": "300000"}),
    32: (-70.32, -18.33, {"barrier": "border_control", "name": "Complejo Santa Rosa"}),
    33: (-70.24, -18.02, {"amenity": "hospital", "name": "Hospital Hipólito Unanue"}),
}
CHILE_NODES = {
    10: (-70.33, -18.35, {}),
    20: (-70.32, -18.40, {}),
    21: (-70.31, -18.47, {}),
    22: (-70.25, -18.45, {}),
    23: (-70.31, -18.46, {}),
    31: (-70.30, -18.48, {"place": "city", "name": "Arica", "population": "220000"}),
    34: (-70.34, -18.37, {"barrier": "border_control", "name": "Complejo Chacalluta"}),
}
# Nodes of the ways that cross the border, in both extracts.
CROSSING_NODES = {3: PERU_NODES[3], 22: CHILE_NODES[22], 5: PERU_NODES[5], 23: CHILE_NODES[23]}

PERU_WAYS = {
    100: ([1, 2, 10], {"highway": "trunk", "name": "Panamericana Sur", "ref": "PE-1S"}),
    300: ([3, 22], {"highway": "primary", "name": "Carretera Tacna–Arica"}),
    400: ([4, 5, 23], {"railway": "rail", "name": "Ferrocarril Tacna–Arica"}),
    500: ([11, 12], {"waterway": "river", "name": "Río Caplina"}),
    601: ([40, 41, 42], {"boundary": "administrative", "admin_level": "8"}),
    602: ([42, 43, 40], {}),
    700: ([50, 51], {"highway": "trunk", "name": "Costanera"}),
    800: ([60, 61], {"highway": "primary", "name": "Lejos"}),
}
CHILE_WAYS = {
    200: ([10, 20, 21], {"highway": "trunk", "name": "Ruta 5", "ref": "5"}),
    300: PERU_WAYS[300],
    400: PERU_WAYS[400],
}
PERU_RELATIONS = {
    900: (
        [("w", 601, "outer"), ("w", 602, "outer")],
        {"type": "boundary", "boundary": "administrative", "admin_level": "8", "name": "Tacna"},
    ),
}


def write_extract(
    path: Path,
    nodes: dict[int, tuple[float, float, dict[str, str]]],
    ways: dict[int, tuple[list[int], dict[str, str]]],
    relations: dict[int, tuple[list[tuple[str, int, str]], dict[str, str]]] | None = None,
) -> Path:
    with osmium.SimpleWriter(str(path)) as writer:
        for node_id in sorted(nodes):
            lon, lat, tags = nodes[node_id]
            writer.add_node(mutable.Node(id=node_id, version=1, location=(lon, lat), tags=tags))
        for way_id in sorted(ways):
            refs, tags = ways[way_id]
            writer.add_way(mutable.Way(id=way_id, version=1, nodes=refs, tags=tags))
        for rel_id in sorted(relations or {}):
            members, tags = (relations or {})[rel_id]
            writer.add_relation(mutable.Relation(id=rel_id, version=1, members=members, tags=tags))
    return path


def write_peru(folder: Path) -> Path:
    return write_extract(
        folder / "peru.osm.pbf", {**PERU_NODES, **CROSSING_NODES}, PERU_WAYS, PERU_RELATIONS
    )


def write_chile(folder: Path) -> Path:
    return write_extract(folder / "chile.osm.pbf", {**CHILE_NODES, **CROSSING_NODES}, CHILE_WAYS)
