"""Writing KML 2.2 for Google Earth and QGIS: one folder and one style per kind.

Each record is a Placemark with its name, a short description, a TimeStamp for events (Google
Earth's time slider), a Point and every attribute as ExtendedData ``Data name/value``, which
QGIS reads as fields. No icon URLs: Google Earth tints its default pushpin with the style's
colour, and the file stays usable with no network.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # writing only; files are parsed with defusedxml
from collections.abc import Sequence
from typing import Any

from db.geo.placed import COORD_DECIMALS, Placed

KML_NS = "http://www.opengis.net/kml/2.2"
# Marker colours by kind (#rrggbb); anything else is grey.
KIND_COLORS = {
    "stranded_group": "#d32f2f",
    "incident": "#f57c00",
    "checkpoint": "#1976d2",
    "patrol": "#388e3c",
    "shelter": "#7b1fa2",
    "log": "#616161",
    "crossing": "#000000",
    "gathering": "#c2185b",
    "town": "#455a64",
}
OTHER_COLOR = "#757575"
# XML 1.0 cannot carry most control characters, even escaped: drop them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _sub(parent: ET.Element, tag: str, text: Any = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = _text(text)
    return element


def kml_color(hex_rgb: str, alpha: float = 1.0) -> str:
    """``#rrggbb`` → KML ``aabbggrr``."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"{round(alpha * 255):02x}{b}{g}{r}"


def _style(document: ET.Element, kind: str) -> None:
    style = _sub(document, "Style")
    style.set("id", f"kind-{kind}")
    icon = _sub(style, "IconStyle")
    _sub(icon, "color", kml_color(KIND_COLORS.get(kind, OTHER_COLOR)))
    _sub(icon, "scale", "1.1")
    label = _sub(style, "LabelStyle")
    _sub(label, "scale", "0.8")


def _description(p: Placed) -> str:
    a = p.attributes
    lines = [p.kind_label]
    for key in ("occurred_at_local", "people", "severity", "country", "note", "source"):
        if a.get(key) not in (None, ""):
            lines.append(f"{key}: {a[key]}")
    if a.get("illustrative"):
        lines.append("illustrative figure (exercise data)")
    return "\n".join(lines)


def _placemark(folder: ET.Element, p: Placed) -> None:
    placemark = _sub(folder, "Placemark")
    _sub(placemark, "name", p.name)
    if p.attributes.get("closed"):
        _sub(placemark, "visibility", "0")  # closed events are hidden on our map too
    _sub(placemark, "description", _description(p))
    if p.when:
        _sub(_sub(placemark, "TimeStamp"), "when", p.when)
    _sub(placemark, "styleUrl", f"#kind-{p.kind}")
    extended = _sub(placemark, "ExtendedData")
    for key, value in p.attributes.items():
        data = _sub(extended, "Data")
        data.set("name", key)
        _sub(data, "value", value)
    point = _sub(placemark, "Point")
    lon, lat = round(p.lon, COORD_DECIMALS), round(p.lat, COORD_DECIMALS)
    _sub(point, "coordinates", f"{lon!r},{lat!r}")


def kml_document(placed: Sequence[Placed], title: str) -> bytes:
    """A KML file with one Folder per kind (in first-seen order)."""
    # Plain tags and an explicit xmlns: ElementTree's default_namespace rejects the plain
    # attribute names (id, name) KML uses.
    root = ET.Element("kml", xmlns=KML_NS)
    document = _sub(root, "Document")
    _sub(document, "name", title)
    by_kind: dict[str, list[Placed]] = {}
    for p in placed:
        by_kind.setdefault(p.kind, []).append(p)
    for kind in by_kind:
        _style(document, kind)
    for items in by_kind.values():
        folder = _sub(document, "Folder")
        _sub(folder, "name", items[0].kind_label)
        for p in items:
            _placemark(folder, p)
    ET.indent(root, space=" ")
    document_bytes: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document_bytes
