"""KML styles → how an overlay feature is drawn.

Google Earth keeps styles apart from placemarks: shared ``Style`` elements with ids,
``StyleMap``s whose "normal" pair names the style shown when not hovered, Google Earth Pro's
``gx:CascadingStyle`` wrappers, and ``styleUrl`` references between them. An inline style on a
placemark overrides the shared one substyle by substyle. KML colours are ``aabbggrr`` hex.
Styles are cosmetic, so a colour or width we cannot read falls back to the default rather than
refusing the file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from db.geo.kml_tree import Node
from db.geo.overlay_model import (
    DEFAULT_FILL_ALPHA,
    DEFAULT_STROKE,
    DEFAULT_WIDTH_PX,
    Style,
    color_hex,
)

MAX_STYLE_HOPS = 5  # styleUrl → StyleMap → styleUrl ...: a loop must end
MAX_LINE_WIDTH_PX = 50.0


@dataclass(frozen=True)
class KmlStyle:
    """The parts of a KML style we draw; None means "not said here" (so merging works)."""

    line_color: tuple[str, float] | None = None
    line_width: float | None = None
    poly_color: tuple[str, float] | None = None
    poly_fill: bool | None = None
    poly_outline: bool | None = None
    icon_color: tuple[str, float] | None = None

    def over(self, base: KmlStyle) -> KmlStyle:
        """This style's settings laid over ``base`` (an inline style overrides a shared one)."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(base, **{k: v for k, v in changes.items() if v is not None})

    def for_geometry(self, geometry_type: str) -> Style:
        if geometry_type == "Point":
            color, alpha = self.icon_color or (DEFAULT_STROKE, 1.0)
            return Style(stroke=color, stroke_alpha=alpha)
        color, alpha = self.line_color or (DEFAULT_STROKE, 1.0)
        width = DEFAULT_WIDTH_PX if self.line_width is None else self.line_width
        if geometry_type == "LineString":
            return Style(stroke=color, stroke_alpha=alpha, width=width)
        if self.poly_outline is False:  # PolyStyle/outline 0: a fill with no edge
            alpha = 0.0
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


def _read_style(node: Node) -> KmlStyle:
    line, poly, icon = node.child("LineStyle"), node.child("PolyStyle"), node.child("IconStyle")
    width = None
    if line is not None and line.child_text("width"):
        try:
            width = min(max(float(line.child_text("width")), 0.0), MAX_LINE_WIDTH_PX)
        except ValueError:
            width = None
        if width is not None and width != width:  # NaN
            width = None
    return KmlStyle(
        line_color=kml_color(line.child_text("color")) if line is not None else None,
        line_width=width,
        poly_color=kml_color(poly.child_text("color")) if poly is not None else None,
        poly_fill=_flag(poly.child_text("fill")) if poly is not None else None,
        poly_outline=_flag(poly.child_text("outline")) if poly is not None else None,
        icon_color=kml_color(icon.child_text("color")) if icon is not None else None,
    )


class Styles:
    """Shared styles by id, resolved through StyleMaps to their "normal" style."""

    def __init__(self) -> None:
        self.by_id: dict[str, Node] = {}

    def add(self, node: Node) -> None:
        """A shared style as the file is read (the first of an id wins, as before)."""
        self.by_id.setdefault(node.attrs["id"], node)

    def resolve(self, url: str, hops: int = 0) -> KmlStyle:
        file_part, _, style_id = url.strip().partition("#")
        if not style_id or file_part not in ("", "doc.kml") or hops > MAX_STYLE_HOPS:
            return KmlStyle()  # a style in another file cannot be fetched offline
        node = self.by_id.get(style_id)
        return self.of(node, hops + 1) if node is not None else KmlStyle()

    def of(self, node: Node, hops: int = 0) -> KmlStyle:
        if node.tag == "Style":
            return _read_style(node)
        if node.tag == "CascadingStyle":  # Google Earth Pro 7.3 / Web: a wrapped Style
            inner = node.child("Style")
            return _read_style(inner) if inner is not None else KmlStyle()
        pairs = [p for p in node.all("Pair") if p.child_text("key") == "normal"] or node.all("Pair")
        if not pairs:
            return KmlStyle()
        pair = pairs[0]
        inline = pair.child("Style")
        base = self.resolve(pair.child_text("styleUrl"), hops + 1)
        return _read_style(inline).over(base) if inline is not None else base

    def for_placemark(self, placemark: Node) -> KmlStyle:
        style = self.resolve(placemark.child_text("styleUrl"))
        for tag in ("StyleMap", "Style"):
            inline = placemark.child(tag)
            if inline is not None:
                style = self.of(inline).over(style)
        return style
