"""KML as Google Earth saves it → overlay features.

Handles Document/Folder nesting (the folder path is kept on each feature), Placemarks with
Point, LineString, LinearRing, Polygon (outer and inner rings), MultiGeometry and gx:Track,
shared and inline styles (``db.geo.kml_style``), ExtendedData (Data/value and
SchemaData/SimpleData), name, description and TimeStamp/TimeSpan. Network links, ground and
screen overlays and 3-D models have nothing we can draw offline: they are counted as skipped.
"""

from __future__ import annotations

import re
from typing import Any

from db.errors import ImportRefused
from db.geo.kml_style import Styles
from db.geo.kml_tree import Node, parse_xml
from db.geo.overlay_model import (
    MAX_FEATURES,
    MAX_PROBLEMS,
    MAX_VERTICES,
    Coord,
    Feature,
    Parsed,
    close_ring,
    position_problem,
    shape_problem,
)

CONTAINERS = ("Document", "Folder")
NOT_DRAWN = ("NetworkLink", "GroundOverlay", "ScreenOverlay", "PhotoOverlay")
GEOMETRY_TAGS = (
    "Point",
    "LineString",
    "LinearRing",
    "Polygon",
    "MultiGeometry",
    "Track",
    "MultiTrack",
    "Model",
)
FOLDER_SEPARATOR = " / "
# One coordinate tuple: numbers joined by commas (some tools put spaces after the commas).
_TUPLE = re.compile(r"[^\s,]+(?:\s*,\s*[^\s,]+)*")


class _Bad(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def _positions(node: Node, owner: str) -> list[Coord]:
    coordinates = node.child("coordinates")
    if coordinates is None:
        raise _Bad(node.line, f"{owner} has no <coordinates>")
    text = "".join(coordinates.parts)
    out: list[Coord] = []
    for match in _TUPLE.finditer(text):
        parts = match.group().split(",")
        # Fast path for the common good tuple; a bad one is re-read below for its message.
        try:
            lon, lat = float(parts[0]), float(parts[1])
            good = len(parts) <= 3 and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0
        except (ValueError, IndexError):
            good = False
        if not good:
            line = coordinates.line + text.count("\n", 0, match.start())
            lon, lat = _position(parts, match.group(), line)
        out.append((lon, lat))
    return out


def _position(parts: list[str], token: str, line: int) -> Coord:
    if len(parts) not in (2, 3):
        raise _Bad(line, f"coordinates: {token[:40]!r} is not lon,lat or lon,lat,alt")
    try:
        lon, lat = float(parts[0]), float(parts[1])
    except ValueError:
        raise _Bad(line, f"coordinates: {token[:40]!r} is not a pair of numbers") from None
    problem = position_problem(lon, lat)
    if problem:
        raise _Bad(line, f"coordinates: {problem}")
    return lon, lat


def _track(node: Node) -> list[Coord]:
    out: list[Coord] = []
    for coord in node.all("coord"):
        parts = coord.text.split()
        out.append(_position(parts, coord.text, coord.line))
    return out


def _geometries(node: Node) -> list[tuple[str, tuple[Any, ...], int]]:
    """(geometry_type, coords, line) parts of a KML geometry; MultiGeometry is flattened."""
    tag = node.tag
    parts: list[tuple[str, tuple[Any, ...], int]]
    if tag == "Point":
        parts = [("Point", tuple(_positions(node, "Point")), node.line)]
    elif tag in ("LineString", "LinearRing"):
        parts = [("LineString", tuple(_positions(node, tag)), node.line)]
    elif tag == "Track":
        points = tuple(_track(node))
        parts = [("LineString" if len(points) > 1 else "Point", points, node.line)]
    elif tag == "Polygon":
        outer = node.child("outerBoundaryIs")
        ring = outer.child("LinearRing") if outer is not None else None
        if ring is None:
            raise _Bad(node.line, "Polygon has no outerBoundaryIs/LinearRing")
        rings = [close_ring(_positions(ring, "outer ring"))]
        for inner in node.all("innerBoundaryIs"):
            rings += [close_ring(_positions(r, "inner ring")) for r in inner.all("LinearRing")]
        parts = [("Polygon", tuple(rings), node.line)]
    elif tag in ("MultiGeometry", "MultiTrack"):
        parts = [
            p for child in node.children if child.tag in GEOMETRY_TAGS for p in _geometries(child)
        ]
    else:  # Model: a 3-D object, nothing to draw on a flat map
        parts = []
    for geometry_type, coords, line in parts:
        problem = shape_problem(geometry_type, coords)
        if problem:
            raise _Bad(line, problem)
    return parts


def _properties(placemark: Node) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if placemark.child_text("description"):
        props["description"] = placemark.child_text("description")
    stamp, span = placemark.child("TimeStamp"), placemark.child("TimeSpan")
    if stamp is not None and stamp.child_text("when"):
        props["when"] = stamp.child_text("when")
    if span is not None:
        for key in ("begin", "end"):
            if span.child_text(key):
                props[key] = span.child_text(key)
    extended = placemark.child("ExtendedData")
    if extended is not None:
        for data in extended.all("Data"):
            if data.attrs.get("name"):
                props[data.attrs["name"]] = data.child_text("value")
        for schema_data in extended.all("SchemaData"):
            for simple in schema_data.all("SimpleData"):
                if simple.attrs.get("name"):
                    props[simple.attrs["name"]] = simple.text
    return props


class _Reader:
    def __init__(self, root: Node, label: str) -> None:
        self.label = label
        self.styles = Styles(root)
        self.parsed = Parsed()
        self.problems: list[str] = []

    def walk(self, node: Node, folders: tuple[str, ...], top: bool) -> None:
        for child in node.children:
            if len(self.problems) >= MAX_PROBLEMS:
                return
            if child.tag in CONTAINERS:
                name = child.child_text("name")
                # The outermost container is the file itself; its name is not a folder.
                self.walk(child, folders if top or not name else (*folders, name), False)
            elif child.tag == "Placemark":
                self.placemark(child, FOLDER_SEPARATOR.join(folders))
            elif child.tag in NOT_DRAWN:
                self.parsed.skipped += 1

    def placemark(self, node: Node, folder: str) -> None:
        name = node.child_text("name")
        geometry = next((c for c in node.children if c.tag in GEOMETRY_TAGS), None)
        try:
            parts = _geometries(geometry) if geometry is not None else []
        except _Bad as bad:
            where = f"Placemark {name!r}: " if name else "Placemark: "
            self.problems.append(f"{self.label}:{bad.line}: {where}{bad.message}")
            return
        if not parts:
            self.parsed.skipped += 1
            return
        style = self.styles.for_placemark(node)
        props = _properties(node)
        for geometry_type, coords, _line in parts:
            feature = Feature(
                "", geometry_type, coords, name, props, style.for_geometry(geometry_type), folder
            )
            self.parsed.features.append(feature)
            self.parsed.vertices += len(feature.positions())
        if len(self.parsed.features) > MAX_FEATURES or self.parsed.vertices > MAX_VERTICES:
            raise ImportRefused(
                [
                    f"{self.label}:{node.line}: too large for the map: more than "
                    f"{MAX_FEATURES:,} features or {MAX_VERTICES:,} positions; split the file"
                ]
            )


def parse_kml(data: bytes, label: str) -> Parsed:
    """Features of a KML document; ``ImportRefused`` listing every bad placemark by line."""
    root = parse_xml(data, label)
    if root.tag != "kml":
        raise ImportRefused(
            [f"{label}:{root.line}: not a KML file (the root element is <{root.tag}>)"]
        )
    reader = _Reader(root, label)
    reader.walk(root, (), True)
    if reader.problems:
        raise ImportRefused(reader.problems)
    return reader.parsed
