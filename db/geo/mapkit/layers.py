"""What a map kit holds: its layers, and which OpenStreetMap tags go to which, in which class.

One place for the mapping, so the builder, ``mapkit info`` and the map's styles agree on the
words (the ``class`` column holds them). OpenStreetMap's own values are kept where they are
already the right word (``primary``, ``river``); variants fold into them (``primary_link``).
"""

from __future__ import annotations

from collections.abc import Mapping

from db.geo.mapkit.gpkg import Layer

ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)"
LICENSE = "ODbL-1.0"
# The metadata records a kit carries (gpkg_metadata): the attribution as Dublin Core rights
# text, and the build record (box, sources, date, counts) as JSON under our own URI.
ATTRIBUTION_URI = "http://purl.org/dc/terms/rights"
KIT_METADATA_URI = "urn:situation-room:mapkit:1"

_NAMED = (("osm_id", "INTEGER"), ("class", "TEXT"), ("name", "TEXT"))

ROADS = Layer("roads", "MULTILINESTRING", (*_NAMED, ("ref", "TEXT")), "Roads and streets")
RAILWAYS = Layer("railways", "MULTILINESTRING", _NAMED, "Railways")
WATERWAYS = Layer("waterways", "MULTILINESTRING", _NAMED, "Rivers, streams and canals")
WATER = Layer("water", "MULTIPOLYGON", _NAMED, "Lakes, reservoirs and river areas")
LANDUSE = Layer("landuse", "MULTIPOLYGON", _NAMED, "Built-up and land use areas")
BOUNDARIES = Layer(
    "boundaries",
    "MULTIPOLYGON",
    (*_NAMED, ("admin_level", "INTEGER")),
    "Administrative areas (country, region, province, district)",
)
PLACES = Layer("places", "POINT", (*_NAMED, ("population", "INTEGER")), "Cities to hamlets")
POINTS = Layer("points", "POINT", _NAMED, "Police, border control, health, fuel, shelters")

ALL_LAYERS = (LANDUSE, WATER, BOUNDARIES, WATERWAYS, RAILWAYS, ROADS, PLACES, POINTS)

ROAD_CLASSES = {
    "motorway": "motorway",
    "motorway_link": "motorway",
    "trunk": "trunk",
    "trunk_link": "trunk",
    "primary": "primary",
    "primary_link": "primary",
    "secondary": "secondary",
    "secondary_link": "secondary",
    "tertiary": "tertiary",
    "tertiary_link": "tertiary",
    "unclassified": "unclassified",
    "residential": "residential",
    "living_street": "residential",
    "road": "unclassified",
    "service": "service",
    "track": "track",
    "pedestrian": "path",
    "footway": "path",
    "path": "path",
    "steps": "path",
    "cycleway": "path",
    "bridleway": "path",
}
RAIL_CLASSES = {
    "rail": "rail",
    "narrow_gauge": "rail",
    "light_rail": "light_rail",
    "tram": "light_rail",
    "subway": "light_rail",
    "disused": "disused",
    "abandoned": "disused",
}
WATERWAY_CLASSES = {"river": "river", "stream": "stream", "canal": "canal", "drain": "drain"}
ADMIN_LEVELS = frozenset({"2", "4", "6", "8"})  # country, region, province, district / commune
PLACE_CLASSES = frozenset(
    {"city", "town", "village", "hamlet", "suburb", "neighbourhood", "quarter", "locality"}
)
LANDUSE_CLASSES = {
    "residential": "residential",
    "commercial": "commercial",
    "retail": "commercial",
    "industrial": "industrial",
    "military": "military",
    "cemetery": "cemetery",
    "farmland": "farmland",
    "farmyard": "farmland",
    "orchard": "farmland",
    "vineyard": "farmland",
    "meadow": "grass",
    "grass": "grass",
    "recreation_ground": "grass",
    "forest": "forest",
}
NATURAL_AREA_CLASSES = {"wood": "forest", "scrub": "scrub", "sand": "sand", "beach": "sand"}
WATER_AREA_CLASSES = {"water": "water", "wetland": "wetland"}


def road_class(tags: Mapping[str, str]) -> str | None:
    return ROAD_CLASSES.get(tags.get("highway", ""))


def point_class(tags: Mapping[str, str]) -> str | None:
    """The command post's kind of point: who to call, where to refuel, where people can shelter."""
    amenity = tags.get("amenity", "")
    healthcare = tags.get("healthcare", "")
    if tags.get("barrier") == "border_control" or tags.get("government") == "customs":
        return "border_control"
    if amenity == "police":
        return "police"
    if amenity == "hospital" or healthcare == "hospital":
        return "hospital"
    if amenity in ("clinic", "doctors") or healthcare in ("clinic", "centre", "doctor"):
        return "health_post"
    if amenity == "fuel":
        return "fuel"
    if amenity == "fire_station":
        return "fire_station"
    if (
        tags.get("emergency") == "assembly_point"
        or tags.get("social_facility") == "shelter"
        or amenity == "refugee_site"
    ):
        return "shelter"
    return None


def area_layer(tags: Mapping[str, str]) -> tuple[Layer, str] | None:
    """The polygon layer and class of a closed way or multipolygon with these tags, if any."""
    natural = tags.get("natural", "")
    if natural in WATER_AREA_CLASSES:
        return WATER, WATER_AREA_CLASSES[natural]
    if tags.get("landuse") == "reservoir" or tags.get("waterway") == "riverbank":
        return WATER, "water"
    if tags.get("landuse", "") in LANDUSE_CLASSES:
        return LANDUSE, LANDUSE_CLASSES[tags["landuse"]]
    if natural in NATURAL_AREA_CLASSES:
        return LANDUSE, NATURAL_AREA_CLASSES[natural]
    return None


def is_admin_boundary(tags: Mapping[str, str]) -> bool:
    return tags.get("boundary") == "administrative" and tags.get("admin_level") in ADMIN_LEVELS


def road_ref(tags: Mapping[str, str]) -> str | None:
    return tags.get("ref") or None


def display_name(tags: Mapping[str, str]) -> str | None:
    """The local name, falling back to the Spanish one (both countries' maps are in Spanish)."""
    return tags.get("name") or tags.get("name:es") or None
