"""KML as Google Earth saves it → overlay features.

Handles Document/Folder nesting (the folder path is kept on each feature), Placemarks with
Point, LineString, LinearRing, Polygon (outer and inner rings), MultiGeometry and gx:Track,
shared and inline styles (``db.geo.kml_style``), ExtendedData (Data/value and
SchemaData/SimpleData), name, description and TimeStamp/TimeSpan. Network links, ground and
screen overlays and 3-D models have nothing we can draw offline: they are counted as skipped.
"""

from __future__ import annotations

import contextlib
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
    text = coordinates.raw
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


class _Stop(Exception):
    """Enough problems to fix first: stop reading."""


class _Pending:
    """A placemark read and checked, its style and folder to be settled at the end of the file
    (a shared style or a folder's name may come after the placemarks that use it)."""

    __slots__ = ("name", "parts", "props", "style_url", "inline", "folders")

    def __init__(self, node: Node, parts: list[Any], folders: tuple[Node, ...]) -> None:
        self.name = node.child_text("name")
        self.parts = parts
        self.props = _properties(node)
        self.style_url = node.child_text("styleUrl")
        self.inline = [c for c in node.children if c.tag in ("StyleMap", "Style")]
        self.folders = folders


class _Reader:
    """Reads a KML file as a stream: each placemark is checked as it ends and its elements let
    go, so memory holds the features, never the whole document."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.styles = Styles()
        self.parsed = Parsed()
        self.pending: list[_Pending] = []
        self.features = 0
        self.problems: list[str] = []

    def on_end(self, node: Node, ancestors: list[Node]) -> bool:
        """Whether to keep ``node`` (see ``db.geo.kml_tree.OnEnd``)."""
        tag = node.tag
        if not ancestors:
            if tag != "kml":
                raise ImportRefused(
                    [f"{self.label}:{node.line}: not a KML file (the root element is <{tag}>)"]
                )
            return True
        if ancestors[0].tag != "kml":
            raise ImportRefused(
                [
                    f"{self.label}:{ancestors[0].line}: not a KML file "
                    f"(the root element is <{ancestors[0].tag}>)"
                ]
            )
        if tag in ("Style", "StyleMap", "CascadingStyle") and node.attrs.get("id"):
            self.styles.add(node)
            return True
        drawn_level = all(a.tag in CONTAINERS for a in ancestors[1:])
        if drawn_level and tag == "Placemark":
            self.placemark(node, ancestors)
            return False
        if drawn_level and tag in NOT_DRAWN:
            self.parsed.skipped += 1
            return False
        if drawn_level and tag in CONTAINERS:
            return True  # kept for its name (its placemarks are already let go)
        if any(a.tag in ("Placemark", "Style", "StyleMap", "CascadingStyle") for a in ancestors):
            return True  # part of something still being read
        return tag == "name" and ancestors[-1].tag in CONTAINERS

    def placemark(self, node: Node, ancestors: list[Node]) -> None:
        geometry = next((c for c in node.children if c.tag in GEOMETRY_TAGS), None)
        try:
            parts = _geometries(geometry) if geometry is not None else []
        except _Bad as bad:
            name = node.child_text("name")
            where = f"Placemark {name!r}: " if name else "Placemark: "
            self.problems.append(f"{self.label}:{bad.line}: {where}{bad.message}")
            if len(self.problems) >= MAX_PROBLEMS:
                raise _Stop from None
            return
        if not parts:
            self.parsed.skipped += 1
            return
        # The outermost container is the file itself; its name is not a folder.
        self.pending.append(_Pending(node, parts, tuple(ancestors[2:])))
        self.features += len(parts)
        self.parsed.vertices += sum(
            sum(len(r) for r in coords) if kind == "Polygon" else len(coords)
            for kind, coords, _line in parts
        )
        if self.features > MAX_FEATURES or self.parsed.vertices > MAX_VERTICES:
            raise ImportRefused(
                [
                    f"{self.label}:{node.line}: too large for the map: more than "
                    f"{MAX_FEATURES:,} features or {MAX_VERTICES:,} positions; split the file"
                ]
            )

    def finish(self) -> Parsed:
        for item in self.pending:
            folders = [n.child_text("name") for n in item.folders]
            folder = FOLDER_SEPARATOR.join(name for name in folders if name)
            style = self.styles.resolve(item.style_url)
            for inline in item.inline:
                style = self.styles.of(inline).over(style)
            for geometry_type, coords, _line in item.parts:
                self.parsed.features.append(
                    Feature(
                        "",
                        geometry_type,
                        coords,
                        item.name,
                        item.props,
                        style.for_geometry(geometry_type),
                        folder,
                    )
                )
        self.pending = []
        return self.parsed


def parse_kml(data: bytes, label: str) -> Parsed:
    """Features of a KML document; ``ImportRefused`` listing every bad placemark by line."""
    reader = _Reader(label)
    with contextlib.suppress(_Stop):  # the problems so far are the answer
        parse_xml(data, label, reader.on_end)
    if reader.problems:
        raise ImportRefused(reader.problems)
    return reader.finish()
