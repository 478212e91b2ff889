"""Errors that reach an operator: each says what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice

from db.problems import Param, Params, english, param_names


class SituationRoomError(Exception):
    """Base of every error written for an operator (shown as is, never as a traceback)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record.

    ``code`` is stable and ``params`` holds the values its text names (db/problems.py lists
    both); ``message`` is the English text, for the command line and logs. The desktop words
    the same code and parameters in the operator's language.
    """

    field: str
    code: str
    params: Mapping[str, Param] = Params()

    def __post_init__(self) -> None:
        if not isinstance(self.params, Params):
            object.__setattr__(self, "params", Params(self.params))
        # A missing value would only show when the text is shown: refuse it where it is raised.
        missing = param_names(self.code) - set(self.params)
        if missing:
            raise TypeError(f"problem {self.code!r} needs {', '.join(sorted(missing))}")

    @property
    def message(self) -> str:
        return english(self.code, self.params)


class InvalidRecord(SituationRoomError):
    """A record was refused; nothing was written."""

    def __init__(self, problems: list[Problem], where: str = "") -> None:
        self.problems = list(problems)
        self.where = where
        text = "; ".join(f"{p.field}: {p.message}" for p in self.problems)
        super().__init__(f"{where}: {text}" if where else text)

    def by_field(self) -> dict[str, str]:
        """The first message for each field, for forms that show it next to the field."""
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.message)
        return out


class RecordNotFound(SituationRoomError):
    """No record has that id."""


class NotCurrent(SituationRoomError):
    """The record was already corrected or voided; act on its current version instead."""


class StoreUnavailable(SituationRoomError):
    """The database file cannot be used (missing, damaged, foreign, newer, locked, read-only)."""


class StoreBusy(SituationRoomError):
    """Another program held the database's write lock for longer than we wait; nothing was saved."""


class StoreFull(SituationRoomError):
    """The disk (or the database's size limit) is full; the entry was not saved."""


class StoreReadOnly(SituationRoomError):
    """The database was opened for viewing only; the entry was not saved."""


class BackupFailed(SituationRoomError):
    """A backup or a restore could not be made; what existed before is unchanged."""


# However many problems a file has, a report lists this many and counts the rest: a header of
# a million unknown columns must not print megabytes (the first ones say what to fix).
MAX_PROBLEMS_LISTED = 50


class ImportRefused(SituationRoomError):
    """A file was refused whole; ``problems`` lists bad lines as ``FILE:LINE: field: problem``.

    The one place problem reports are capped: ``problems`` holds the first
    ``MAX_PROBLEMS_LISTED``, then ``… and N more`` when there were more, then ``footer`` (a
    hint that applies to all of them, such as the accepted column names). ``total`` is the
    number of problems found.
    """

    def __init__(self, problems: Iterable[str], footer: Iterable[str] = ()) -> None:
        found = iter(problems)
        head = list(islice(found, MAX_PROBLEMS_LISTED))
        more = sum(1 for _ in found)
        self.total = len(head) + more
        self.problems = head + ([f"… and {more:,} more"] if more else []) + list(footer)
        super().__init__("\n".join(self.problems))


class BasemapUnavailable(SituationRoomError):
    """A raster basemap file (MBTiles) cannot be used; the message says why."""


class MapKitUnavailable(SituationRoomError):
    """A map kit cannot be built from these extracts, or a kit file cannot be read; says why."""
