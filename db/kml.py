"""KML as Google Earth saves it → overlay features.

Handles Document/Folder nesting (the folder path is kept on each feature), Placemarks with
Point, LineString, LinearRing, Polygon (outer and inner rings), MultiGeometry and gx:Track,
shared and inline styles (Style, StyleMap's "normal" pair, styleUrl), ExtendedData (Data/value
and SchemaData/SimpleData), name, description and TimeStamp/TimeSpan. Network links, ground and
screen overlays and 3-D models have nothing we can draw offline: they are counted as skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from db.errors import ImportRefused
from db.kml_tree import Node, parse_xml
from db.overlay_model import (
    DEFAULT_FILL_ALPHA,
    DEFAULT_STROKE,
    DEFAULT_WIDTH_PX,
    MAX_FEATURES,
    MAX_PROBLEMS,
    MAX_VERTICES,
    Coord,
    Feature,
    Parsed,
    Style,
    close_ring,
    color_hex,
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
MAX_STYLE_HOPS = 5  # styleUrl → StyleMap → styleUrl ...: a loop must end
MAX_LINE_WIDTH_PX = 50.0
FOLDER_SEPARATOR = " / "
# One coordinate tuple: numbers joined by commas (some tools put spaces after the commas).
_TUPLE = re.compile(r"[^\s,]+(?:\s*,\s*[^\s,]+)*")


class _Bad(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


@dataclass(frozen=True)
class _KmlStyle:
    """The parts of a KML style we draw; None means "not said here" (so merging works)."""

    line_color: tuple[str, float] | None = None
    line_width: float | None = None
    poly_color: tuple[str, float] | None = None
    poly_fill: bool | None = None
    poly_outline: bool | None = None
    icon_color: tuple[str, float] | None = None

    def over(self, base: _KmlStyle) -> _KmlStyle:
        """This style's settings laid over ``base`` (an inline style overrides a shared one)."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(base, **{k: v for k, v in changes.items() if v is not None})

    def for_geometry(self, geometry_type: str) -> Style:
        if geometry_type == "Point":
            color, alpha = self.icon_color or (DEFAULT_STROKE, 1.0)
            return Style(stroke=color, stroke_alpha=alpha)
        color, alpha = self.line_color or (DEFAULT_STROKE, 1.0)
        if self.poly_outline is False:
            alpha = 0.0
        width = DEFAULT_WIDTH_PX if self.line_width is None else self.line_width
        if geometry_type == "LineString":
            return Style(stroke=color, stroke_alpha=alpha, width=width)
        if self.poly_fill is False:
            return Style(stroke=color, stroke_alpha=alpha, width=width)
        fill, fill_alpha = self.poly_color or (color, DEFAULT_FILL_ALPHA)
        return Style(color, alpha, width, fill, fill_alpha)


def kml_color(text: str) -> tuple[str, float] | None:
    """KML ``aabbggrr`` → (``#rrggbb``, alpha 0..1); None for anything else (style is cosmetic)."""
    value = text.strip().lstrip("#")
    if len(value) != 8:
        return None
    try:
        a, b, g, r = (int(value[i : i + 2], 16) for i in range(0, 8, 2))
    except ValueError:
        return None
    return color_hex(r, g, b), round(a / 255, 3)


def _flag(text: str) -> bool | None:
    return {"0": False, "1": True, "false": False, "true": True}.get(text.strip().lower())


def _read_style(node: Node) -> _KmlStyle:
    line, poly, icon = node.child("LineStyle"), node.child("PolyStyle"), node.child("IconStyle")
    width = None
    if line is not None and line.child_text("width"):
        try:
            width = min(max(float(line.child_text("width")), 0.0), MAX_LINE_WIDTH_PX)
        except ValueError:
            width = None
        if width is not None and width != width:  # NaN
            width = None
    return _KmlStyle(
        line_color=kml_color(line.child_text("color")) if line is not None else None,
        line_width=width,
        poly_color=kml_color(poly.child_text("color")) if poly is not None else None,
        poly_fill=_flag(poly.child_text("fill")) if poly is not None else None,
        poly_outline=_flag(poly.child_text("outline")) if poly is not None else None,
        icon_color=kml_color(icon.child_text("color")) if icon is not None else None,
    )


class _Styles:
    """Shared styles by id, resolved through StyleMaps to their "normal" style."""

    def __init__(self, root: Node) -> None:
        self.by_id = {
            n.attrs["id"]: n
            for n in root.iter()
            if n.tag in ("Style", "StyleMap") and n.attrs.get("id")
        }

    def resolve(self, url: str, hops: int = 0) -> _KmlStyle:
        file_part, _, style_id = url.strip().partition("#")
        if not style_id or file_part not in ("", "doc.kml") or hops > MAX_STYLE_HOPS:
            return _KmlStyle()  # a style in another file cannot be fetched offline
        node = self.by_id.get(style_id)
        return self.of(node, hops + 1) if node is not None else _KmlStyle()

    def of(self, node: Node, hops: int = 0) -> _KmlStyle:
        if node.tag == "Style":
            return _read_style(node)
        pairs = [p for p in node.all("Pair") if p.child_text("key") == "normal"] or node.all("Pair")
        if not pairs:
            return _KmlStyle()
        pair = pairs[0]
        inline = pair.child("Style")
        base = self.resolve(pair.child_text("styleUrl"), hops + 1)
        return _read_style(inline).over(base) if inline is not None else base

    def for_placemark(self, placemark: Node) -> _KmlStyle:
        style = self.resolve(placemark.child_text("styleUrl"))
        for tag in ("StyleMap", "Style"):
            inline = placemark.child(tag)
            if inline is not None:
                style = self.of(inline).over(style)
        return style


def _positions(node: Node, owner: str) -> list[Coord]:
    coordinates = node.child("coordinates")
    if coordinates is None:
        raise _Bad(node.line, f"{owner} has no <coordinates>")
    text = "".join(coordinates.parts)
    out: list[Coord] = []
    for match in _TUPLE.finditer(text):
        line = coordinates.line + text.count("\n", 0, match.start())
        out.append(_position(match.group().replace(" ", "").split(","), match.group(), line))
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
        self.styles = _Styles(root)
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
