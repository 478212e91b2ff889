"""This database's identity as a sync station: its name and the deployment's shared key.

Each database gets a station id (a UUID, never changed) when it is created; the name is what
people call the laptop or post ("Puesto Santa Rosa", "Equipo de campo 2") and travels in every
bundle's manifest. A deployment may share one secret key among its stations: when this station
has one configured, its bundles are signed and unsigned or wrongly signed bundles are refused.

The key lives in a file the administrator hands out (any bytes, at least ``MIN_KEY_BYTES``; e.g.
``python -c "import secrets; print(secrets.token_hex(32))" > sync.key``). The database stores
only the file's path (meta ``sync_key_file``), never the key, so a copied database or a backup
does not carry the secret.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from db.errors import InvalidRecord, Problem, SituationRoomError
from db.input_path import input_problem
from db.names import name_problem, normalise_name
from db.store.store import Store

KEY_FILE_ENV = "SITUATION_ROOM_SYNC_KEY_FILE"
KEY_FILE_META = "sync_key_file"
MIN_KEY_BYTES = 16
MAX_KEY_BYTES = 4096
MAX_STATION_NAME = 80


class SyncKeyError(SituationRoomError):
    """The configured shared key cannot be used (missing, unreadable, too short)."""


def clean_station_name(name: str) -> str:
    """``name`` as a station is named (``db.names``: normalised, then the one name rule, within
    ``MAX_STATION_NAME``), or ``InvalidRecord`` saying why."""
    problem = name_problem(name, "name", max_len=MAX_STATION_NAME)
    if problem is not None and problem.code == "required":
        problem = Problem("name", "station_name_required")
    if problem is not None:
        raise InvalidRecord([problem])
    return normalise_name(name)


def set_station_name(store: Store, name: str) -> str:
    """Rename this station (shown in the status bar and in every bundle it exports)."""
    clean = clean_station_name(name)
    store.set_meta(station_name=clean)
    return clean


def load_key(path: str | Path) -> bytes:
    """The shared key held in ``path`` (surrounding whitespace ignored)."""
    path = Path(path)
    problem = input_problem(path, "key file")  # a FIFO is never opened: it would wait for ever
    if problem is not None:
        raise SyncKeyError(f"{path}: the shared key file cannot be read ({problem})")
    try:
        if path.stat().st_size > MAX_KEY_BYTES:
            raise SyncKeyError(f"{path}: is not a key file (larger than {MAX_KEY_BYTES} bytes)")
        key = path.read_bytes().strip()
    except OSError as exc:
        raise SyncKeyError(f"{path}: the shared key file cannot be read ({exc.strerror})") from None
    if len(key) < MIN_KEY_BYTES:
        raise SyncKeyError(
            f"{path}: the shared key is too short (at least {MIN_KEY_BYTES} bytes are needed)"
        )
    return key


def key_file(store: Store, override: str | Path | None = None) -> Path | None:
    """Which key file applies: ``override`` (a command's ``--key-file``), then the
    ``SITUATION_ROOM_SYNC_KEY_FILE`` environment variable, then this database's setting."""
    for candidate in (override, os.environ.get(KEY_FILE_ENV), store.meta(KEY_FILE_META)):
        if candidate:
            return Path(candidate)
    return None


def configured_key(store: Store, override: str | Path | None = None) -> bytes | None:
    """The shared key this station signs and verifies with, or None when none is configured.

    A key that is configured but cannot be read is an error, never a silent "unsigned".
    """
    path = key_file(store, override)
    return load_key(path) if path else None


def set_key_file(store: Store, path: str | Path | None) -> None:
    """Configure (or with None remove) this station's shared key file; checks it is usable."""
    if path is None:
        store.set_meta(**{KEY_FILE_META: None})
        return
    resolved = Path(path).expanduser().resolve()
    load_key(resolved)
    store.set_meta(**{KEY_FILE_META: str(resolved)})


def key_id(key: bytes) -> str:
    """A short public fingerprint of a key, so "signed with another key" can be told apart."""
    return hashlib.sha256(b"situation-room sync key id\x00" + key).hexdigest()[:16]
