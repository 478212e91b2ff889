"""Sync bundles: the file format, writing one, and verifying one before anything trusts it.

A bundle carries stored rows (records, not files) from one station to others. It is a zip
archive holding exactly two members, and nothing else (no folders, no other names):

``records.jsonl``
    UTF-8 JSON Lines, one stored row per line::

        {"table": "observations", "row": {"id": "…", "entered_at": "2025-12-01T13:02:11.532001Z",
         "entered_by": "Ana", "station": "<station uuid>", "supersedes": null, "site_id": "…",
         "count": 120, …}}

    ``table`` is one of ``sites``, ``observations``, ``events``, ``decrees``, ``milestones``,
    ``voids``; ``row`` holds that table's columns by name (see ``db/store/schema.py``) with the
    values as stored: text, integers, reals or null. Times are UTC ISO-8601 ending in ``Z``.
    Rows keep the attribution they were entered with (who, at which station, when): they are
    the original facts. Writers go table by table (sites, observations, events, decrees,
    milestones, voids), each in the order its rows were stored; readers must not depend on it.

``manifest.json``
    One JSON object::

        {"format": "situation-room-bundle", "format_version": 1, "schema_version": 2,
         "bundle_id": "<uuid>", "created_at": "…Z",
         "station": {"id": "<uuid>", "name": "Puesto Santa Rosa"},
         "since": "all" | "last" | "<ISO instant>",
         "exercise": null | {"scenario": "…"},
         "span": null | {"first": "…Z", "last": "…Z"},          # entered_at of the rows
         "counts": {"sites": 3, "observations": 120, …},       # every table, zeros too
         "records": {"sha256": "<hex>", "bytes": 53211},       # of records.jsonl
         "signature": null | {"algorithm": "HMAC-SHA256", "key_id": "<hex>", "value": "<hex>"}}

    ``signature`` is HMAC-SHA256, with the deployment's shared key, of the manifest without its
    ``signature`` member serialised as canonical JSON (keys sorted, separators ``,`` and ``:``,
    UTF-8, non-ASCII kept). The manifest holds the records' SHA-256, so the signature covers
    every row. ``key_id`` is a public fingerprint of the key (``db.sync.station.key_id``).

Modules: this one writes; ``db.sync.bundle_reader.read_bundle`` opens and verifies (zip, manifest,
checksum, signature, schema version); ``db.sync.bundle_rows`` checks every row's values;
``db.sync.exchange`` merges the rows into a database. Bundles are never unpickled or executed: JSON only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import ImportRefused
from db.safety.complete import zip_problem
from db.safety.output import atomic_output
from db.store.schema import RECORD_TABLES, SCHEMA_VERSION
from db.sync.station import key_id

FORMAT = "situation-room-bundle"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
RECORDS_NAME = "records.jsonl"
SIGNATURE_ALGORITHM = "HMAC-SHA256"
SYNC_TABLES = (*RECORD_TABLES, "voids")
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class BundleLimits:
    """What a bundle may weigh: guards against zip bombs and runaway files."""

    max_file_bytes: int = 256 << 20
    max_records_bytes: int = 512 << 20
    max_manifest_bytes: int = 64 << 10
    # Ratio is checked only on members big enough for it to matter (JSON rows compress ~5-10x).
    max_ratio: int = 100
    ratio_floor_bytes: int = 1 << 20


DEFAULT_LIMITS = BundleLimits()


class BundleRefused(ImportRefused):
    """A bundle was refused whole; nothing was written.

    ``problems`` lists every problem (``FILE: …`` or ``FILE:records.jsonl:LINE: field: …``);
    the message is the first one, plus how many more, on one line.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        more = len(self.problems) - 1
        self.args = (self.problems[0] + (f" (and {more} more problems)" if more > 0 else ""),)

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Bundle:
    """A bundle that passed every check of this module (its rows still unchecked for values)."""

    path: Path
    sha256: str  # of the whole file: what "the same bundle" means
    manifest: dict[str, Any]
    lines: list[tuple[int, str, dict[str, Any]]]  # (line number, table, row)
    signed: bool
    verified: bool  # signed and checked against this station's key

    @property
    def station_id(self) -> str:
        station: dict[str, str] = self.manifest["station"]  # checked when the bundle was read
        return station["id"]

    @property
    def station_name(self) -> str:
        station: dict[str, str] = self.manifest["station"]
        return station["name"]


def canonical(manifest: dict[str, Any]) -> bytes:
    """The bytes a signature covers: the manifest without ``signature``, canonical JSON."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(manifest: dict[str, Any], key: bytes) -> dict[str, str]:
    digest = hmac.new(key, canonical(manifest), hashlib.sha256).hexdigest()
    return {"algorithm": SIGNATURE_ALGORITHM, "key_id": key_id(key), "value": digest}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


# -- writing ---------------------------------------------------------------------------------
def write_bundle(
    path: Path,
    header: dict[str, Any],
    rows: Iterable[tuple[str, dict[str, Any]]],
    key: bytes | None,
    *,
    database: str | Path | None = None,
) -> tuple[dict[str, Any], str]:
    """Write ``rows`` ((table, row) pairs) as a bundle at ``path``; returns (manifest, sha256).

    ``header`` gives the manifest's identity members (bundle_id, created_at, station, since,
    exercise); counts, span and checksum are computed here. The file appears whole or not at
    all (``db.safety.output.atomic_output``: written beside ``path``, flushed to disk, read back
    as a zip, then renamed over it), and never over ``database`` or what it refuses.
    """
    counts = dict.fromkeys(SYNC_TABLES, 0)
    first = last = None
    digest, size = hashlib.sha256(), 0
    with atomic_output(path, verify=zip_problem, database=database) as tmp:
        with (
            open(tmp, "wb") as raw,
            zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf,
        ):
            with zf.open(RECORDS_NAME, "w", force_zip64=True) as out:
                for table, row in rows:
                    line = (
                        json.dumps(
                            {"table": table, "row": row},
                            ensure_ascii=False,
                            separators=(",", ":"),
                            allow_nan=False,
                        ).encode()
                        + b"\n"
                    )
                    out.write(line)
                    digest.update(line)
                    size += len(line)
                    counts[table] += 1
                    at = row["entered_at"]
                    first = at if first is None or at < first else first
                    last = at if last is None or at > last else last
            manifest: dict[str, Any] = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_version": SCHEMA_VERSION,
                **header,
                "span": {"first": first, "last": last} if first else None,
                "counts": counts,
                "records": {"sha256": digest.hexdigest(), "bytes": size},
                "signature": None,
            }
            if key is not None:
                manifest["signature"] = sign(manifest, key)
            text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
            zf.writestr(MANIFEST_NAME, text.encode())
        sha = file_sha256(tmp)
    return manifest, sha
