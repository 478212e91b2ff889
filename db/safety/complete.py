"""Is a file the app just wrote whole? One check per kind of file, read back from the disk.

Each ``*_problem`` takes the finished file and returns None when it is whole, else a few words
on what is wrong; ``atomic_output`` (``db.safety.output``) calls one before the rename, so a
file cut short (a full disk that a library did not report, a writer that stopped early) never
replaces anything. The factories (``csv_rows``, ``geojson_features``, ``kml_placemarks``) also
compare what was read back with what was written.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from db.safety.output import Verify

PDF_TAIL_BYTES = 1024  # %%EOF ends a PDF, give or take a line end (and an incremental update)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the IEND chunk: length 0, type, CRC


def pdf_problem(path: Path) -> str | None:
    """A PDF starts with ``%PDF-`` and its last line is ``%%EOF``."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(5)
        fh.seek(max(0, size - PDF_TAIL_BYTES))
        tail = fh.read()
    if head != b"%PDF-":
        return "not a PDF"
    if not tail.rstrip(b"\r\n\x00 ").endswith(b"%%EOF"):
        return "the PDF is cut short, no %%EOF at its end (is the disk full?)"
    return None


def png_problem(path: Path) -> str | None:
    """A PNG starts with its signature and ends with its IEND chunk."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(len(PNG_SIGNATURE))
        fh.seek(max(0, size - len(PNG_END)))
        tail = fh.read()
    if head != PNG_SIGNATURE:
        return "not a PNG image"
    if tail != PNG_END:
        return "the image is cut short, no IEND chunk at its end (is the disk full?)"
    return None


def zip_problem(path: Path) -> str | None:
    """A zip (a bundle, a KMZ) opens and every member reads back with its CRC."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        return f"not a whole zip archive: {exc}"
    return f"member {bad} is damaged" if bad else None


def csv_rows(expected: int | Callable[[], int], *, encoding: str = "utf-8-sig") -> Verify:
    """A check that the CSV reads back with a header and ``expected`` rows (a number, or a
    function giving it once the writer has counted)."""

    def problem(path: Path) -> str | None:
        want = expected() if callable(expected) else expected
        try:
            with path.open(encoding=encoding, newline="") as fh:
                found = sum(1 for _ in csv.reader(fh)) - 1
        except (UnicodeDecodeError, csv.Error) as exc:
            return f"the CSV does not read back: {exc}"
        if found != want:
            return f"{max(found, 0)} rows read back, {want} written"
        return None

    return problem


def geojson_features(expected: int) -> Verify:
    """A check that the file is a GeoJSON FeatureCollection of ``expected`` features."""

    def problem(path: Path) -> str | None:
        try:
            doc = json.loads(path.read_bytes())
        except (UnicodeDecodeError, ValueError) as exc:
            return f"the GeoJSON does not parse: {exc}"
        features = doc.get("features") if isinstance(doc, dict) else None
        if not isinstance(features, list) or doc.get("type") != "FeatureCollection":
            return "not a GeoJSON FeatureCollection"
        if len(features) != expected:
            return f"{len(features)} features read back, {expected} written"
        return None

    return problem


def kml_placemarks(expected: int) -> Verify:
    """A check that the file is XML (parsed safely) holding ``expected`` placemarks."""

    def problem(path: Path) -> str | None:
        from defusedxml import ElementTree  # only when a KML was written

        try:
            tree = ElementTree.parse(path)
        except ElementTree.ParseError as exc:
            return f"the KML does not parse: {exc}"
        found = len([e for e in tree.iter() if str(e.tag).endswith("Placemark")])
        if found != expected:
            return f"{found} placemarks read back, {expected} written"
        return None

    return problem
