"""GeoPackage geometry blobs (GeoPackage 1.4 §2.1.3): a small header, an envelope, then WKB.

shapely writes and reads the WKB; the header is a few bytes packed here. Every blob written has
an XY envelope, so an R-tree entry or a visible-box test needs no parsing of the WKB.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

_MAGIC = b"GP"
_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id (little endian)
_ENVELOPE_XY = struct.Struct("<4d")  # minx, maxx, miny, maxy
# Envelope sizes by the flags' contents indicator (bits 1-3): none, xy, xyz, xym, xyzm.
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_EMPTY_FLAG = 0x10
_LITTLE_ENDIAN_FLAG = 0x01

Envelope = tuple[float, float, float, float]  # minx, maxx, miny, maxy


def encode(geom: BaseGeometry, srs_id: int = 4326) -> bytes:
    """The GeoPackage blob of ``geom`` (little endian, with an XY envelope unless empty)."""
    import shapely  # not at start-up: only a loaded map kit needs it

    if geom.is_empty:
        flags = _LITTLE_ENDIAN_FLAG | _EMPTY_FLAG
        return _HEADER.pack(_MAGIC, 0, flags, srs_id) + shapely.to_wkb(geom, byte_order=1)
    minx, miny, maxx, maxy = geom.bounds
    flags = _LITTLE_ENDIAN_FLAG | (1 << 1)
    return (
        _HEADER.pack(_MAGIC, 0, flags, srs_id)
        + _ENVELOPE_XY.pack(minx, maxx, miny, maxy)
        + shapely.to_wkb(geom, byte_order=1, output_dimension=2)
    )


def _wkb_offset(blob: bytes) -> tuple[int, int]:
    """(flags, where the WKB starts); ValueError for what is not a GeoPackage blob."""
    if len(blob) < 8 or blob[:2] != _MAGIC:
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = _ENVELOPE_BYTES.get((flags >> 1) & 0x07)
    if envelope is None:
        raise ValueError("unknown envelope in a GeoPackage geometry")
    return flags, 8 + envelope


def wkb(blob: bytes) -> bytes:
    """The WKB inside a blob, for decoding many at once (``shapely.from_wkb`` on a list)."""
    _flags, start = _wkb_offset(blob)
    return blob[start:]


def decode(blob: bytes) -> BaseGeometry:
    """The geometry of a blob, whichever envelope and byte order another program wrote."""
    import shapely  # not at start-up: only a loaded map kit needs it

    _flags, start = _wkb_offset(blob)
    return shapely.from_wkb(blob[start:])


def envelope(blob: bytes) -> Envelope | None:
    """(minx, maxx, miny, maxy) of a blob, None if empty; read from the header when it has one."""
    import shapely  # not at start-up: only a loaded map kit needs it

    flags, start = _wkb_offset(blob)
    if flags & _EMPTY_FLAG:
        return None
    if start >= 8 + 32:
        order = "<" if flags & _LITTLE_ENDIAN_FLAG else ">"
        minx, maxx, miny, maxy = struct.unpack_from(f"{order}4d", blob, 8)
        return minx, maxx, miny, maxy
    geom = shapely.from_wkb(blob[start:])
    if geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    return minx, maxx, miny, maxy


def is_empty(blob: bytes) -> bool:
    return envelope(blob) is None
