"""Names people give: operators, stations, sites. One normal form and one rule for all of them.

A name travels: it is stamped on records, carried in bundles, and checked again by every
station that imports them (``db.sync.bundle_rows``, ``db.sync.bundle_reader``). A name the
importing station refuses makes it refuse every bundle carrying it, so a name is held to that
same rule where it enters (settings, environment, dialogs, the command line, forms and files).

``normalise_name``: invisible format characters (zero-width space and joiners, byte-order
mark, soft hyphen, direction marks) removed; Unicode NFC; any run of white space one space;
trimmed. "Tacna" with a zero-width space after it is then "Tacna".

``name_problem``: what is wrong with a name once normalised, or None: it must be text, not
empty, within its limit (``MAX_NAME``, 200, for who entered a record and where, as imports
check them; 80 for a station's own name; a site's name keeps a record's text limit), and hold
no control characters nor anything that is not valid Unicode text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from db.errors import InvalidRecord, Problem

MAX_NAME = 200
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalise_name(text: str) -> str:
    """``text`` in the form names are stored and compared in (see the module's docstring)."""
    if not text.isascii():
        # Invisible characters go first: gone, they may leave a letter and its accent side by
        # side, which NFC then joins (the other order would not be idempotent).
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def name_problem(value: Any, field: str = "name", *, max_len: int = MAX_NAME) -> Problem | None:
    """Why ``value`` cannot be a name, or None if it can; judged once normalised, so a name
    read from a bundle or a file passes exactly when it would have passed being typed."""
    if isinstance(value, str):
        value = normalise_name(value)
    if not isinstance(value, str) or not value:
        return Problem(field, "required")
    if len(value) > max_len:
        return Problem(field, "too_long", {"limit": max_len})
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return Problem(field, "bad_text")
    if _has_control(value):
        return Problem(field, "control_characters")
    return None


def _has_control(text: str) -> bool:
    if text.isascii():  # the common case, checked without a call per character
        return _ASCII_CONTROL.search(text) is not None
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def clean_name(value: Any, field: str = "name", *, max_len: int = MAX_NAME) -> str:
    """``value`` normalised, or ``InvalidRecord`` naming ``field`` and what is wrong."""
    problem = name_problem(value, field, max_len=max_len)
    if problem is not None:
        raise InvalidRecord([problem])
    return normalise_name(value)
