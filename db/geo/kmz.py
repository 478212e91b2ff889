"""The KML inside a KMZ (a zip), read with limits so a zip bomb cannot exhaust memory.

Google Earth writes the document as ``doc.kml`` at the root, with icons and images beside it;
other tools name it after the layer. We take ``doc.kml`` or else the first ``.kml`` entry, and
read only that one. Declared sizes in a zip can lie, so the read itself is capped as well.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from db.errors import ImportRefused
from db.geo.overlay_model import MAX_FILE_BYTES

MAX_ENTRIES = 2000
MAX_KML_BYTES = MAX_FILE_BYTES
MAX_TOTAL_BYTES = 500 * 1024 * 1024  # everything the archive claims to hold, images included
MAX_RATIO = 200  # uncompressed / compressed; text KML stays well under 50, bombs go past 1000
_CHUNK = 1 << 16


def read_kmz(data: bytes, label: str) -> tuple[bytes, str]:
    """(the KML bytes, ``label!entry`` to name it in messages); ``ImportRefused`` if unusable."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRefused([f"{label}: not a KMZ file (not a zip archive)"]) from None
    except RuntimeError:  # NotImplementedError: a zip version or feature we cannot read
        raise ImportRefused([f"{label}: a zip archive this app cannot read"]) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ImportRefused([f"{label}: refused: more than {MAX_ENTRIES} files in the archive"])
        if sum(e.file_size for e in entries) > MAX_TOTAL_BYTES:
            raise ImportRefused(
                [f"{label}: refused: the archive unpacks to more than {MAX_TOTAL_BYTES >> 20} MB"]
            )
        entry = _document_entry(entries)
        if entry is None:
            raise ImportRefused([f"{label}: the KMZ holds no .kml document"])
        where = f"{label}!{entry.filename}"
        if entry.file_size > MAX_KML_BYTES or entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise ImportRefused([_bomb_message(where)])
        return _read_capped(archive, entry, where), where


def _document_entry(entries: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    kml = [
        e
        for e in entries
        if e.filename.lower().endswith(".kml")
        and not e.is_dir()
        and not e.filename.startswith("__MACOSX/")
    ]
    return next((e for e in kml if e.filename.lower() == "doc.kml"), kml[0] if kml else None)


def _read_capped(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, where: str) -> bytes:
    limit = min(MAX_KML_BYTES, MAX_RATIO * max(entry.compress_size, 1))
    out = bytearray()
    try:
        with archive.open(entry) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > limit:
                    raise ImportRefused([_bomb_message(where)])
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise ImportRefused([f"{where}: the archive is damaged ({exc})"]) from None
    except NotImplementedError:
        raise ImportRefused([f"{where}: compressed with a method this app cannot read"]) from None
    except RuntimeError:  # encrypted entry
        raise ImportRefused([f"{where}: the archive is password-protected"]) from None
    return bytes(out)


def _bomb_message(where: str) -> str:
    return (
        f"{where}: refused: unpacks to more than {MAX_KML_BYTES >> 20} MB or more than "
        f"{MAX_RATIO}× its packed size (a zip bomb, or a document too large to map)"
    )
