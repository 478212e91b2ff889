"""A record ready for a map file, as both writers (GeoJSON and KML) take it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

COORD_DECIMALS = 7  # about 1 cm: more than any field position is worth, fewer bytes


@dataclass(frozen=True)
class Placed:
    """One record ready for a map file: position, display name, kind and all attributes."""

    lon: float
    lat: float
    name: str
    kind: str
    kind_label: str
    when: str | None
    attributes: dict[str, Any]
