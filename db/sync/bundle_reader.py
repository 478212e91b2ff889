"""Opening a sync bundle and verifying it before anything trusts it (format: ``db.sync.bundle``).

Checks, in this order, refusing the whole bundle at the first failure: the file (size), the zip
(exactly the two names, no encryption, sizes and compression ratio under ``BundleLimits``, so a
zip bomb or a path such as ``../../etc`` is refused before anything unpacks; CRCs), the
manifest (shape, format and schema version: newer is refused), the signature (required when a
key is configured; compared in constant time), then the records' size, SHA-256 and row counts.
JSON only: nothing is unpickled or executed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any, TypeGuard

from db.clock import parse_instant
from db.input_path import input_problem
from db.names import name_problem
from db.store.schema import SCHEMA_VERSION
from db.sync.bundle import (
    CHUNK_BYTES,
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    RECORDS_NAME,
    SIGNATURE_ALGORITHM,
    SYNC_TABLES,
    Bundle,
    BundleLimits,
    BundleRefused,
    file_sha256,
    sign,
)
from db.sync.station import key_id


def read_bundle(
    path: str | Path, *, key: bytes | None = None, limits: BundleLimits = DEFAULT_LIMITS
) -> Bundle:
    """Open and verify the bundle at ``path`` (see the module doc); raises BundleRefused."""
    path = Path(path)
    label = str(path)

    def refuse(problem: str) -> BundleRefused:
        return _refused(label, problem)

    try:
        problem = input_problem(path, "bundle file")
        if problem is not None:
            raise refuse(problem)
        if path.stat().st_size > limits.max_file_bytes:
            raise refuse(f"bundle is larger than {limits.max_file_bytes >> 20} MiB")
        sha = file_sha256(path)
        with zipfile.ZipFile(path) as zf:
            members = _members(zf, limits, label)
            manifest = _parse_manifest(_read(zf, members[MANIFEST_NAME], label), label)
            signed, verified = _check_signature(manifest, key, label)
            records = _read(zf, members[RECORDS_NAME], label)
    except BundleRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as exc:
        raise refuse(f"not a readable bundle: the file is damaged or not a zip ({exc})") from None
    except (OSError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise refuse(f"not a readable bundle ({exc})") from None
    expected = manifest["records"]
    if (
        len(records) != expected["bytes"]
        or hashlib.sha256(records).hexdigest() != expected["sha256"]
    ):
        raise refuse("checksum mismatch: the records were altered or damaged after export")
    lines = _parse_records(records, manifest, label)
    return Bundle(path, sha, manifest, lines, signed, verified)


def _refused(label: str, problem: str) -> BundleRefused:
    return BundleRefused([f"{label}: {problem}"])


def _members(zf: zipfile.ZipFile, limits: BundleLimits, label: str) -> dict[str, zipfile.ZipInfo]:
    def refuse(problem: str) -> BundleRefused:
        return _refused(label, problem)

    infos = zf.infolist()
    names = [i.filename for i in infos]
    strange = sorted({n for n in names if n not in (MANIFEST_NAME, RECORDS_NAME)})
    if strange:
        shown = ", ".join(repr(n) for n in strange[:3])
        raise refuse(
            f"not a bundle: unexpected member {shown} (only {MANIFEST_NAME} and {RECORDS_NAME})"
        )
    if len(names) != len(set(names)) or len(names) != 2:
        raise refuse(f"not a bundle: it must hold {MANIFEST_NAME} and {RECORDS_NAME} exactly once")
    caps = {MANIFEST_NAME: limits.max_manifest_bytes, RECORDS_NAME: limits.max_records_bytes}
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse(f"{info.filename} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(f"{info.filename} uses an unsupported compression")
        if info.file_size > caps[info.filename]:
            raise refuse(f"{info.filename} would unpack to more than {caps[info.filename]:,} bytes")
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
            1, info.compress_size
        ):
            raise refuse(
                f"{info.filename} is compressed more than {limits.max_ratio}:1 (a zip bomb?)"
            )
    return {i.filename: i for i in infos}


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    # zipfile stops at the declared size and checks the CRC at the end; the cap above bounds
    # the declared size, so a lying header cannot make this unpack more.
    out = bytearray()
    with zf.open(info) as member:
        while chunk := member.read(CHUNK_BYTES):
            out += chunk
            if len(out) > info.file_size:
                raise _refused(label, f"{info.filename} unpacks to more than its declared size")
    return bytes(out)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _parse_manifest(data: bytes, label: str) -> dict[str, Any]:
    def refuse(problem: str) -> BundleRefused:
        return _refused(label, problem)

    try:
        manifest = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise refuse(f"{MANIFEST_NAME} is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refuse(f"not a Situation Room bundle ({MANIFEST_NAME} has no format {FORMAT!r})")
    version = manifest.get("format_version")
    if not _is_int(version) or version < 1:
        raise refuse(f"{MANIFEST_NAME}: format_version is missing or invalid")
    if version > FORMAT_VERSION:
        raise refuse(
            f"bundle format {version} is newer than this app reads ({FORMAT_VERSION}): "
            "update Situation Room to import it"
        )
    schema = manifest.get("schema_version")
    if not _is_int(schema) or schema < 1:
        raise refuse(f"{MANIFEST_NAME}: schema_version is missing or invalid")
    if schema > SCHEMA_VERSION:
        raise refuse(
            f"bundle comes from a newer database schema ({schema}; this app knows "
            f"{SCHEMA_VERSION}): update Situation Room to import it"
        )
    problems = _manifest_shape(manifest)
    if problems:
        raise refuse(f"{MANIFEST_NAME}: {problems[0]}")
    return manifest


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any, *, max_len: int = 200) -> bool:
    if not isinstance(value, str) or not value.strip() or len(value) > max_len:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_instant(value: Any) -> bool:
    if not _is_text(value, max_len=40):
        return False
    try:
        parse_instant(value)
    except ValueError:
        return False
    return True


def _manifest_shape(m: dict[str, Any]) -> list[str]:
    problems = []
    station = m.get("station")
    if not isinstance(station, dict) or not _is_text(station.get("id")):
        problems.append("station id is missing")
    elif (problem := name_problem(station.get("name"), "station name")) is not None:
        problems.append(f"station name {problem.message}")
    if not _is_text(m.get("bundle_id")):
        problems.append("bundle_id is missing")
    if not _is_instant(m.get("created_at")):
        problems.append("created_at is missing or not a time")
    span = m.get("span")
    if span is not None and not (
        isinstance(span, dict) and _is_instant(span.get("first")) and _is_instant(span.get("last"))
    ):
        problems.append("span is invalid")
    counts = m.get("counts")
    if not isinstance(counts, dict) or set(counts) - set(SYNC_TABLES):
        problems.append("counts are missing or name unknown tables")
    elif not all(_is_int(v) and v >= 0 for v in counts.values()):
        problems.append("counts must be whole numbers")
    records = m.get("records")
    if (
        not isinstance(records, dict)
        or not isinstance(records.get("sha256"), str)
        or not _is_int(records.get("bytes"))
    ):
        problems.append("records checksum is missing")
    exercise = m.get("exercise")
    if exercise is not None and not (
        isinstance(exercise, dict) and isinstance(exercise.get("scenario", ""), str)
    ):
        problems.append("exercise is invalid")
    signature = m.get("signature")
    if signature is not None and not (
        isinstance(signature, dict)
        and signature.get("algorithm") == SIGNATURE_ALGORITHM
        and isinstance(signature.get("value"), str)
    ):
        problems.append(f"signature must be {SIGNATURE_ALGORITHM}")
    return problems


def _check_signature(manifest: dict[str, Any], key: bytes | None, label: str) -> tuple[bool, bool]:
    def refuse(problem: str) -> BundleRefused:
        return _refused(label, problem)

    signature = manifest.get("signature")
    if key is None:
        return signature is not None, False
    if signature is None:
        raise refuse(
            "bundle is not signed, and this station accepts only bundles signed with the "
            "deployment's shared key: ask the sending station to configure the key and export again"
        )
    expected = sign(manifest, key)["value"]
    if not hmac.compare_digest(
        expected.encode(), str(signature["value"]).encode("utf-8", "replace")
    ):
        other = signature.get("key_id")
        hint = " (it was signed with another key)" if other and other != key_id(key) else ""
        raise refuse(
            f"signature does not match the shared key{hint}: the bundle was altered or does not "
            "come from this deployment"
        )
    return True, True


def _parse_records(
    data: bytes, manifest: dict[str, Any], label: str
) -> list[tuple[int, str, dict[str, Any]]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refused(label, f"{RECORDS_NAME} is not UTF-8 text") from None
    out: list[tuple[int, str, dict[str, Any]]] = []
    problems: list[str] = []
    counts = dict.fromkeys(SYNC_TABLES, 0)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{label}:{RECORDS_NAME}:{number}"
        try:
            item = json.loads(line, parse_constant=_reject_constant)
        except (ValueError, RecursionError):
            problems.append(f"{where}: not a JSON object")
            continue
        if not isinstance(item, dict) or set(item) != {"table", "row"}:
            problems.append(f'{where}: expected {{"table": …, "row": {{…}}}}')
            continue
        table, row = item["table"], item["row"]
        if table not in SYNC_TABLES:
            problems.append(f"{where}: table: unknown table {str(table)[:40]!r}")
            continue
        if not isinstance(row, dict):
            problems.append(f"{where}: row: is not an object")
            continue
        if "\\u" in line and not _encodable(row):
            # A "\ud800" escape decodes to a lone surrogate, which SQLite cannot store.
            problems.append(f"{where}: row: holds text that is not valid Unicode")
            continue
        counts[table] += 1
        out.append((number, table, row))
    if problems:
        raise BundleRefused(problems)
    declared = {t: manifest["counts"].get(t, 0) for t in SYNC_TABLES}
    if counts != declared:
        raise _refused(
            label, "the records do not match the manifest's counts (altered or incomplete)"
        )
    return out


def _encodable(row: dict[str, Any]) -> bool:
    try:
        for name, value in row.items():
            name.encode("utf-8")
            if isinstance(value, str):
                value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
