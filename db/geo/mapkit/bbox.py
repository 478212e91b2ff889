"""The box a kit covers: ``W,S,E,N`` in degrees, as GIS tools and download sites write it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        if not (-180 <= self.west < self.east <= 180):
            raise ValueError(f"west {self.west:g} must be below east {self.east:g}, within ±180")
        if not (-90 <= self.south < self.north <= 90):
            raise ValueError(f"south {self.south:g} must be below north {self.north:g}, within ±90")

    def intersects(self, minx: float, miny: float, maxx: float, maxy: float) -> bool:
        return minx <= self.east and maxx >= self.west and miny <= self.north and maxy >= self.south

    def contains(self, x: float, y: float) -> bool:
        return self.west <= x <= self.east and self.south <= y <= self.north

    def as_list(self) -> list[float]:
        return [self.west, self.south, self.east, self.north]

    def __str__(self) -> str:
        return ",".join(f"{v:g}" for v in self.as_list())


def parse_bbox(text: str) -> BBox:
    """``"-70.6,-18.6,-69.8,-17.8"`` → BBox; ValueError with the reason for anything else."""
    parts = [p.strip() for p in text.replace(" ", ",").split(",") if p.strip()]
    if len(parts) != 4:
        raise ValueError(
            f"{text!r}: four numbers are needed, W,S,E,N (e.g. -70.6,-18.6,-69.8,-17.8)"
        )
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"{text!r}: W,S,E,N must be numbers in degrees") from None
    return BBox(west, south, east, north)
