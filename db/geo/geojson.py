"""GeoJSON (RFC 7946) → overlay features.

Accepts a FeatureCollection, a single Feature or a bare geometry; Multi* geometries and
GeometryCollections are split into parts that share the feature's properties. Styles follow the
"simplestyle" properties many tools write (``stroke``, ``stroke-width``, ``stroke-opacity``,
``fill``, ``fill-opacity``, ``marker-color``). Positions must be WGS84 longitude, latitude: a
file in a projected CRS (QGIS exports in the project's CRS unless told otherwise) is refused
with a message saying so, rather than drawn in the wrong ocean.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from db.errors import ImportRefused
from db.geo.overlay_model import (
    DEFAULT_FILL_ALPHA,
    DEFAULT_STROKE,
    DEFAULT_WIDTH_PX,
    MAX_FEATURES,
    MAX_NESTING,
    MAX_PROBLEMS,
    MAX_VERTICES,
    Coord,
    Feature,
    Parsed,
    Style,
    close_ring,
    position_problem,
    shape_problem,
)

GEOMETRIES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
)
WGS84_CRS = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326")
NAME_KEYS = ("name", "Name", "NAME", "title", "Title", "label")
SIMPLESTYLE_FILL_ALPHA = 0.6  # the simplestyle spec's default when a fill colour is given
_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


class _Bad(Exception):
    pass


def parse_geojson(data: bytes, label: str) -> Parsed:
    """Features of a GeoJSON document; ``ImportRefused`` listing every bad feature."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportRefused([f"{label}: not UTF-8 text (GeoJSON must be UTF-8)"]) from None
    except json.JSONDecodeError as exc:
        raise ImportRefused([f"{label}:{exc.lineno}: not valid JSON ({exc.msg})"]) from None
    except (ValueError, RecursionError) as exc:
        raise ImportRefused([f"{label}: not valid JSON ({exc})"]) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("type"), str):
        raise ImportRefused([f'{label}: not GeoJSON (expected an object with a "type")'])
    _check_crs(doc, label)
    kind = doc["type"]
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            raise ImportRefused([f'{label}: FeatureCollection without a "features" list'])
    elif kind == "Feature":
        features = [doc]
    elif kind in GEOMETRIES:
        features = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        raise ImportRefused([f"{label}: not GeoJSON (unknown type {kind[:40]!r})"])
    if len(features) > MAX_FEATURES:
        raise ImportRefused([f"{label}: more than {MAX_FEATURES:,} features; split the file"])
    parsed, problems = Parsed(), []
    for number, item in enumerate(features, start=1):
        where = f"{label}: feature {number}"
        try:
            _add_feature(parsed, item, where)
        except _Bad as bad:
            problems.append(f"{where}: {bad}")
            if len(problems) >= MAX_PROBLEMS:
                break
        if len(parsed.features) > MAX_FEATURES or parsed.vertices > MAX_VERTICES:
            raise ImportRefused(
                [
                    f"{where}: too large for the map: more than {MAX_FEATURES:,} features or "
                    f"{MAX_VERTICES:,} positions; split the file"
                ]
            )
    if problems:
        raise ImportRefused(problems)
    return parsed


def _check_crs(doc: dict[str, Any], label: str) -> None:
    crs = doc.get("crs")
    if crs is None:
        return
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if isinstance(name, str) and (name in WGS84_CRS or name.endswith("EPSG::4326")):
        return
    raise ImportRefused(
        [
            f"{label}: coordinates are in {str(name)[:60]!r}, not WGS84 longitude/latitude; "
            "export the layer again as EPSG:4326 (RFC 7946 GeoJSON)"
        ]
    )


def _add_feature(parsed: Parsed, item: Any, where: str) -> None:
    if not isinstance(item, dict) or item.get("type") != "Feature":
        raise _Bad("not a GeoJSON Feature")
    properties = item.get("properties") or {}
    if not isinstance(properties, dict):
        raise _Bad("properties: must be an object or null")
    properties = dict(properties)
    if "id" in item and isinstance(item["id"], str | int | float):
        properties.setdefault("id", item["id"])
    geometry = item.get("geometry")
    if geometry is None:
        parsed.skipped += 1  # RFC 7946 allows "unlocated" features
        return
    parts = _parts(geometry, 0)
    name = next((str(properties[k]) for k in NAME_KEYS if properties.get(k)), "")
    for geometry_type, coords in parts:
        style = _style(properties, geometry_type)
        parsed.features.append(Feature("", geometry_type, coords, name, properties, style, ""))
        parsed.vertices += (
            sum(len(r) for r in coords) if geometry_type == "Polygon" else len(coords)
        )


def _parts(geometry: Any, depth: int) -> list[tuple[str, tuple[Any, ...]]]:
    if not isinstance(geometry, dict):
        raise _Bad("geometry: must be an object or null")
    kind = geometry.get("type")
    if kind not in GEOMETRIES:
        raise _Bad(
            f"geometry: unknown type {str(kind)[:40]!r} (expected one of {', '.join(GEOMETRIES)})"
        )
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            raise _Bad('geometry: GeometryCollection without a "geometries" list')
        if depth >= MAX_NESTING:
            raise _Bad("geometry: collections nested too deep")
        return [p for member in members for p in _parts(member, depth + 1)]
    coords = geometry.get("coordinates")
    parts: list[tuple[str, tuple[Any, ...]]]
    try:
        if kind == "Point":
            parts = [("Point", (_position(coords),))]
        elif kind == "MultiPoint":
            parts = [("Point", (p,)) for p in _positions(coords)]
        elif kind == "LineString":
            parts = [("LineString", _positions(coords))]
        elif kind == "MultiLineString":
            parts = [("LineString", _positions(line)) for line in _list(coords)]
        elif kind == "Polygon":
            parts = [("Polygon", _rings(coords))]
        else:
            parts = [("Polygon", _rings(polygon)) for polygon in _list(coords)]
    except _Bad as bad:
        raise _Bad(f"geometry: {kind}: {bad}") from None
    for geometry_type, shape in parts:
        problem = shape_problem(geometry_type, shape)
        if problem:
            raise _Bad(f"geometry: {kind}: {problem}")
    return parts


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad("coordinates must be an array")
    return value


def _position(value: Any) -> Coord:
    if (
        not isinstance(value, list)
        or len(value) < 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2])
    ):
        raise _Bad(f"{_describe(value)} is not a [longitude, latitude] position")
    try:
        lon, lat = float(value[0]), float(value[1])
    except OverflowError:
        raise _Bad("a coordinate is too large a number") from None
    problem = position_problem(lon, lat)
    if problem:
        raise _Bad(problem)
    return lon, lat


def _describe(value: Any) -> str:
    # Never str() or dumps() the value: it may be nested deep enough to blow the stack.
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return repr(value)[:40]
    return "null" if value is None else type(value).__name__


def _positions(value: Any) -> tuple[Coord, ...]:
    return tuple(_position(p) for p in _list(value))


def _rings(value: Any) -> tuple[tuple[Coord, ...], ...]:
    return tuple(close_ring(list(_positions(ring))) for ring in _list(value))


def _color(value: Any) -> str | None:
    match = _HEX.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    digits = match.group(1).lower()
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))


def _number(value: Any, default: float, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return default
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return default
    return min(max(number, low), high) if math.isfinite(number) else default


def _style(props: dict[str, Any], geometry_type: str) -> Style:
    if geometry_type == "Point":
        return Style(stroke=_color(props.get("marker-color")) or DEFAULT_STROKE)
    stroke = _color(props.get("stroke")) or DEFAULT_STROKE
    stroke_alpha = _number(props.get("stroke-opacity"), 1.0, 0.0, 1.0)
    width = _number(props.get("stroke-width"), DEFAULT_WIDTH_PX, 0.0, 50.0)
    if geometry_type == "LineString":
        return Style(stroke, stroke_alpha, width)
    fill = _color(props.get("fill"))
    default_alpha = SIMPLESTYLE_FILL_ALPHA if fill else DEFAULT_FILL_ALPHA
    fill_alpha = _number(props.get("fill-opacity"), default_alpha, 0.0, 1.0)
    return Style(stroke, stroke_alpha, width, fill or stroke, fill_alpha)
