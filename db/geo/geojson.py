"""GeoJSON (RFC 7946) → overlay features.

Accepts a FeatureCollection, a single Feature or a bare geometry; Multi* geometries and
GeometryCollections are split into parts that share the feature's properties. Styles follow the
"simplestyle" properties many tools write (``stroke``, ``stroke-width``, ``stroke-opacity``,
``fill``, ``fill-opacity``, ``marker-color``). Positions must be WGS84 longitude, latitude: a
file in a projected CRS (QGIS exports in the project's CRS unless told otherwise) is refused
with a message saying so, rather than drawn in the wrong ocean.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import re
from typing import Any

import ijson  # type: ignore[import-untyped]

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


# Read as a stream, with limits checked as values are read (each names what was exceeded):
MAX_JSON_DEPTH = 2 * MAX_NESTING + 20  # a GeometryCollection level is an object and an array
MAX_JSON_VALUES = 4_000_000  # numbers, strings, arrays... in all: bounds what memory holds
EXACT_ERRORS_BELOW = 5 * 1024 * 1024  # a small bad file is re-read for the exact line
_CHUNK = 1 << 16


class _TooLarge(Exception):
    pass


def parse_geojson(data: bytes, label: str) -> Parsed:
    """Features of a GeoJSON document; ``ImportRefused`` listing every bad feature.

    The file is read as a stream (ijson): each feature of a FeatureCollection is checked and
    turned into map features as soon as it is read, and its JSON let go.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    _check_utf8(data, label)
    reader = _Reader(label)
    try:
        root = _build(data, reader)
    except _TooLarge as exc:
        raise ImportRefused([f"{label}: too large for the map: {exc}; split the file"]) from None
    except (ijson.JSONError, ValueError, OverflowError) as exc:
        raise ImportRefused([_json_problem(data, label, exc)]) from None
    except _StopReading:
        root = None
    if reader.problems:
        raise ImportRefused(reader.problems)
    if root is None or not isinstance(root, dict) or not isinstance(root.get("type"), str):
        raise ImportRefused([f'{label}: not GeoJSON (expected an object with a "type")'])
    _check_crs(root, label)
    kind = root["type"]
    if kind == "FeatureCollection":
        if not reader.streamed:
            raise ImportRefused([f'{label}: FeatureCollection without a "features" list'])
        return reader.parsed
    if kind == "Feature":
        item = root
    elif kind in GEOMETRIES:
        item = {"type": "Feature", "geometry": root, "properties": {}}
    else:
        raise ImportRefused([f"{label}: not GeoJSON (unknown type {kind[:40]!r})"])
    single = _Reader(label)
    single.feature(item)
    if single.problems:
        raise ImportRefused(single.problems)
    return single.parsed


class _StopReading(Exception):
    """Enough problems to fix first."""


class _Reader:
    """The features of a FeatureCollection, each checked as it is read."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.parsed = Parsed()
        self.problems: list[str] = []
        self.number = 0
        self.streamed = False  # a "features" array was read at the top level

    def feature(self, item: Any) -> None:
        self.number += 1
        where = f"{self.label}: feature {self.number}"
        try:
            _add_feature(self.parsed, item, where)
        except _Bad as bad:
            self.problems.append(f"{where}: {bad}")
            if len(self.problems) >= MAX_PROBLEMS:
                raise _StopReading from None
        except _TooLarge as exc:
            raise ImportRefused(
                [f"{where}: too large for the map: {exc}; split the file"]
            ) from None
        if len(self.parsed.features) > MAX_FEATURES or self.parsed.vertices > MAX_VERTICES:
            raise ImportRefused(
                [
                    f"{where}: too large for the map: more than {MAX_FEATURES:,} features or "
                    f"{MAX_VERTICES:,} positions; split the file"
                ]
            )


def _check_utf8(data: bytes, label: str) -> None:
    """Refuse text that is not UTF-8, decoding a piece at a time (never a copy of the file)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(data[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ImportRefused([f"{label}: not UTF-8 text (GeoJSON must be UTF-8)"]) from None


class _Counting(io.RawIOBase):
    """``data`` handed to the parser in pieces, remembering how far it has read."""

    def __init__(self, data: bytes) -> None:
        self.view = memoryview(data)
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        piece = self.view[self.done : self.done + min(len(buffer), _CHUNK)]
        buffer[: len(piece)] = piece
        self.done += len(piece)
        return len(piece)


def _json_problem(data: bytes, label: str, exc: Exception) -> str:
    if len(data) <= EXACT_ERRORS_BELOW:
        try:
            json.loads(data.decode("utf-8"))
        except json.JSONDecodeError as precise:
            return f"{label}:{precise.lineno}: not valid JSON ({precise.msg})"
        except (ValueError, RecursionError) as other:
            return f"{label}: not valid JSON ({other})"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"{label}: not valid JSON ({first[:120]})"


def _build(data: bytes, reader: _Reader) -> Any:
    """The document's top-level value, except the items of a top-level "features" array,
    which go to ``reader.feature`` one at a time as each is complete."""
    source = _Counting(data)
    stack: list[Any] = []  # open containers: a list, or [dict, pending key]
    keys: list[str | None] = []
    streaming_depth = -1  # the depth of the "features" array being streamed
    root: Any = None
    values = positions = 0
    for event, value in ijson.basic_parse(source, use_float=True):
        if event == "map_key":
            keys[-1] = value
            continue
        if event not in ("end_map", "end_array"):
            values += 1
            if values > MAX_JSON_VALUES:
                raise _TooLarge(f"more than {MAX_JSON_VALUES:,} JSON values")
        if event in ("start_map", "start_array"):
            if len(stack) >= MAX_JSON_DEPTH:
                raise _TooLarge(f"values nested more than {MAX_JSON_DEPTH} deep")
            container: Any = {} if event == "start_map" else []
            if (
                event == "start_array"
                and len(stack) == 1
                and isinstance(stack[0], dict)
                and keys[0] == "features"
            ):
                streaming_depth = 1
                reader.streamed = True
            stack.append(container)
            keys.append(None)
            continue
        if event in ("end_map", "end_array"):
            value = stack.pop()
            keys.pop()
            if event == "end_array" and value and _all_numbers(value):
                positions += 1
                if positions > MAX_VERTICES + MAX_FEATURES:  # the slack: a bbox per feature
                    raise _TooLarge(f"more than {MAX_VERTICES:,} positions")
                value = tuple(value)  # a position: smaller as a tuple, and never changed
            if len(stack) == streaming_depth and streaming_depth >= 0:
                streaming_depth = -1  # the features array itself ends
                continue
            if streaming_depth >= 0 and len(stack) == streaming_depth + 1:
                reader.feature(value)  # one feature complete: read, then let go
                continue
        if not stack:
            root = value
        elif isinstance(stack[-1], list):
            if streaming_depth >= 0 and len(stack) == streaming_depth + 1:
                reader.feature(value)  # a bare value where a feature should be
            else:
                stack[-1].append(value)
        else:
            stack[-1][keys[-1]] = value
    return root


def _all_numbers(items: list[Any]) -> bool:
    return all(type(v) is float or type(v) is int for v in items)


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
            # Each point becomes a feature: count them before making any.
            if len(_list(coords)) > MAX_FEATURES:
                raise _TooLarge(f"a MultiPoint of more than {MAX_FEATURES:,} points")
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


def _list(value: Any) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        raise _Bad("coordinates must be an array")
    return value


def _position(value: Any) -> Coord:
    if (
        not isinstance(value, list | tuple)
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
    if len(value) == 2 and type(value) is tuple and type(value[0]) is type(value[1]) is float:
        return value  # already what is kept: no second copy of every position
    return lon, lat


def _describe(value: Any) -> str:
    # Never str() or dumps() the value: it may be nested deep enough to blow the stack.
    if isinstance(value, list | tuple):
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
