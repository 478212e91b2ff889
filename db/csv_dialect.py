"""Reading spreadsheets as Spanish-language offices send them.

A CSV file from a ministry or an NGO office is UTF-8 (with or without the BOM Excel adds) or
Windows-1252 (what Excel in Spanish saves as "CSV"); its separator is ``,``, ``;`` (wherever the
decimal mark is a comma) or a tab; dates are ``dd/mm/yyyy``; counts carry thousands separators.
This module turns such a file into header cells and rows, each with its physical line number,
and parses cells (times, counts, yes/no); it knows nothing of what the columns mean.

Every failure is a ``CellError`` (for one cell) or an ``ImportRefused`` (for the whole file),
with a message an operator can act on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from db.clock import InstantError, ambiguous_offsets, local_instant, zone
from db.errors import ImportRefused
from db.input_path import input_problem
from db.vocab import fold

# A field count of 100,000 rows is a few MB; anything far larger is not a count sheet.
MAX_CSV_BYTES = 64 * 1024 * 1024
SEPARATORS = ("\t", ";", ",")  # ties go to the least ambiguous separator


class CellError(ValueError):
    """One cell cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class Table:
    """A CSV file read whole: its header and its non-blank rows with their first line number."""

    label: str
    encoding: str
    separator: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    header_line: int = 1


@dataclass(frozen=True)
class Columns:
    """The columns a kind of file has: field -> header names (folded), which are required.

    ``required`` lists alternatives: ``(("site", "site_id"), ("start",))`` needs a site or a
    site id, and a start. ``informative`` headers are read past (what our exports add for
    people).
    """

    names: dict[str, tuple[str, ...]]
    required: tuple[tuple[str, ...], ...]
    informative: tuple[str, ...] = ()

    def field_of(self, header_cell: str) -> str | None:
        key = fold(header_cell)
        for name, aliases in self.names.items():
            if key in aliases:
                return name
        return None

    def is_column(self, header_cell: str) -> bool:
        return self.field_of(header_cell) is not None or fold(header_cell) in self.informative

    def locate(self, table: Table) -> dict[str, int]:
        """field -> column index; any problem of the header refuses the file at once."""
        found: dict[str, int] = {}
        problems: list[str] = []
        where = f"{table.label}:{table.header_line}: header"
        for index, cell in enumerate(table.header):
            if fold(cell) in self.informative or (not cell and index > 0):
                continue
            name = self.field_of(cell)
            if name is None:
                problems.append(f"{where}: unknown column {cell!r}")
            elif name in found:
                problems.append(f"{where}: {cell!r} repeats column {table.header[found[name]]!r}")
            else:
                found[name] = index
        missing = [group[0] for group in self.required if not any(n in found for n in group)]
        if missing:
            problems.append(f"{where}: missing column(s) {', '.join(missing)}")
        if problems:
            accepted = ", ".join(f"{n} ({'/'.join(a[:2])})" for n, a in self.names.items())
            raise ImportRefused(problems, footer=[f"{where}: the columns are {accepted}"])
        return found


# -- the file ------------------------------------------------------------------------------
def read_bytes(path: str | Path, label: str) -> bytes:
    """The file's bytes, refused early when missing, empty, too large or not text."""
    path = Path(path)
    try:
        problem = input_problem(path)
        if problem is not None:
            raise ImportRefused([f"{label}: {problem}"])
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ImportRefused(
                [
                    f"{label}: {size / 2**20:.0f} MB is larger than the "
                    f"{MAX_CSV_BYTES >> 20} MB limit for a CSV file; split it"
                ]
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused([f"{label}: cannot be read ({exc.strerror or exc})"]) from None
    if not data.strip():
        raise ImportRefused([f"{label}: the file is empty"])
    return data


def decode(data: bytes, label: str) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 (BOM or not) first, else Windows-1252 as Excel saves it."""
    if b"\x00" in data[:65536] or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 (Excel's "Unicode text") or a binary file: both show NULs.
        raise ImportRefused(
            [
                f"{label}: not a text CSV file (binary data, or UTF-16); "
                "save it from the spreadsheet as CSV UTF-8"
            ]
        )
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _windows_1252(data, label), "windows-1252"
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > max(8, len(text[:65536]) // 100):
        raise ImportRefused([f"{label}: not a text CSV file (control characters: binary data?)"])
    return text, encoding


_BREAKS = re.compile(r"\r\n?|\n")
_NOT_UTF8 = re.compile("[\udc80-\udcff]+")


def _line_numbers(text: str, offsets: Iterable[int]) -> list[int]:
    """The physical line (1-based; ``\r\n``, ``\r`` or ``\n`` end a line) of each offset, in order."""
    lines, line, pos = [], 1, 0
    for offset in offsets:
        line += len(_BREAKS.findall(text, pos, offset))
        pos = offset
        lines.append(line)
    return lines


def _windows_1252(data: bytes, label: str) -> str:
    """A file that is not UTF-8: Windows-1252 only when nothing in it is UTF-8.

    One stray Windows-1252 byte in a UTF-8 file must not turn every accent of the file into
    mojibake: when the file holds any valid multi-byte UTF-8 sequence (or a UTF-8 BOM) it was
    written as UTF-8, and its bad bytes are named by line instead of guessed.
    """
    # What decodes as UTF-8 once the bad bytes are dropped holds a multi-byte sequence when it
    # is not plain ASCII (the decoder's own rules, at the decoder's speed).
    if data.startswith(b"\xef\xbb\xbf") or not data.decode("utf-8", errors="ignore").isascii():
        text = data.decode("utf-8", errors="surrogateescape")
        bad = list(_NOT_UTF8.finditer(text))
        lines = _line_numbers(text, (m.start() for m in bad))
        by_line: dict[int, list[str]] = {}
        for line, match in zip(lines, bad, strict=True):
            shown = by_line.setdefault(line, [])
            shown.extend(f"0x{ord(ch) - 0xDC00:02X}" for ch in match.group())
        raise ImportRefused(
            [
                f"{label}:{line}: text: byte(s) {' '.join(shown[:8])} are not UTF-8, but the "
                "rest of the file is UTF-8; correct this line or save the file again as CSV UTF-8"
                for line, shown in by_line.items()
            ]
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportRefused(
            [f"{label}: neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8"]
        ) from None


def detect_separator(header_line: str, is_column: Callable[[str], bool]) -> str:
    """The separator that splits the header into the most known column names.

    csv.Sniffer guesses from the data rows, where decimal commas (``12,5``) and thousands
    separators (``1.234``) mislead it; the header is plain words and says it clearly.
    """
    best, best_known = ",", -1
    for sep in SEPARATORS:
        try:
            cells = next(csv.reader([header_line], delimiter=sep), [])
        except csv.Error:
            continue
        known = sum(1 for c in cells if is_column(c))
        if known > best_known:
            best, best_known = sep, known
    return best


def unclosed_quote(lines: list[str], sep: str) -> int | None:
    """Where the last record's unclosed quoted cell opens (0 = its first line), or None.

    A quote that opens a cell and is never closed makes the reader take the rest of the file
    as that one cell: rows vanish into a note without a word. Only the last record can end
    inside quotes, so only it is scanned, with the reader's own rules (``""`` is a quote
    inside quotes; a quote closes a cell only at its start, never in the middle).
    """
    text = "".join(lines)
    i, n, start = 0, len(text), True
    opened = -1
    while i < n:
        if start and text[i] == '"':
            opened = i
            i += 1
            while True:  # inside quotes: skip to the quote that is not doubled
                j = text.find('"', i)
                if j < 0:
                    return len(_BREAKS.findall(text, 0, opened))
                if text.startswith('"', j + 1):
                    i = j + 2
                    continue
                i = j + 1
                break
            start = False
            continue
        ch = text[i]
        start = ch == sep or ch in "\r\n"
        i += 1
    return None


def read_table(path: str | Path, columns: Columns, label: str = "") -> Table:
    """Read and split the whole file; ``ImportRefused`` when it cannot be a CSV table."""
    label = label or str(path)
    text, encoding = decode(read_bytes(path, label), label)
    first = next((line for line in text.splitlines() if line.strip()), "")
    sep = detect_separator(first, columns.is_column)
    # Line numbers are physical (blank lines count, the header is line 1 of a file that starts
    # with it): a row starts on the line after the one the previous row ended on.
    # The reader splits lines as io does with newline="" (\r\n, \r, \n): the same lines are
    # kept to find where an unclosed quote opened.
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=sep, strict=False)
    header: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, list[str]]] = []
    last = record = 0
    try:
        for cells in reader:
            line = record = last + 1
            last = reader.line_num
            if not (cells and cells[0].strip()) and not "".join(cells).strip():
                continue  # blank lines and Excel's ";;;;" rows
            if header is None:
                header, header_line = [c.strip() for c in cells], line
                continue
            rows.append((line, cells))
    except csv.Error as exc:
        raise ImportRefused([f"{label}:{last + 1}: row: cannot be read ({exc})"]) from None
    if record:
        opened = unclosed_quote(lines[record - 1 :], sep)
        if opened is not None:
            raise ImportRefused(
                [
                    f'{label}:{record + opened}: row: a quote (") opens a cell here and is never '
                    "closed, so every line after it would be read into that cell; close the "
                    "quote or remove it"
                ]
            )
    if header is None:
        raise ImportRefused([f"{label}: the file is empty"])
    return Table(label, encoding, sep, header, rows, header_line)


# -- cells ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class When:
    """A parsed time cell: the instant, and whether only a date was written (a whole day)."""

    instant: datetime
    date_only: bool


_DMY = re.compile(
    r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*h)?)?"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME_FORMS = "YYYY-MM-DD[THH:MM[:SS][±HH:MM]], dd/mm/yyyy [HH:MM] or dd-mm-yyyy"


@lru_cache(maxsize=8)
def _zone(tz: str) -> ZoneInfo:
    return zone(tz)


@lru_cache(maxsize=4096)
def parse_when(text: str, tz: str) -> When:
    """A time cell; without an offset it is read in zone ``tz`` (the post's time).

    Cached: a sheet repeats the same few dates and hours thousands of times.
    """
    s = text.strip()
    if not s:
        raise CellError("is required")
    match = _DMY.fullmatch(s)
    if match:
        d, _, m, y, hh, mm, ss = match.groups()
        try:
            day = date(int(y), int(m), int(d))
        except ValueError:
            raise CellError(f"{s!r} is not a date (day/month/year)") from None
        if hh is None:
            return When(datetime.combine(day, time(), _zone(tz)), True)
        try:
            at = time(int(hh), int(mm), int(ss or 0))
        except ValueError:
            raise CellError(f"{s!r} has an impossible time of day") from None
        return When(_wall(datetime.combine(day, at), tz, s), False)
    if _ISO_DATE.fullmatch(s):
        try:
            return When(datetime.combine(date.fromisoformat(s), time(), _zone(tz)), True)
        except ValueError:
            raise CellError(f"{s!r} is not a date (YYYY-MM-DD)") from None
    if len(s) >= 16 and _ISO_DATE.match(s) and s[10] in "Tt ":
        iso = s[:10] + "T" + s[11:]
        if iso.endswith(("Z", "z")):
            iso = iso[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(iso)
        except ValueError:
            raise CellError(f"{s!r} is not a time ({TIME_FORMS})") from None
        if dt.tzinfo is None:
            dt = _wall(dt, tz, s)
        return When(dt, False)
    raise CellError(f"{s!r} is not a time ({TIME_FORMS})")


def _wall(wall: datetime, tz: str, typed: str) -> datetime:
    """A cell's time without an offset, read in ``tz`` by db.clock's one wall-time rule. A CSV
    cannot be asked which of two repeated hours it meant: it must say, with the offset."""
    try:
        return local_instant(wall, tz)
    except InstantError as exc:
        pair = ambiguous_offsets(wall, tz)
        if pair is None:
            if exc.problem.code == "nonexistent_time":
                raise CellError(
                    f"{typed!r} does not exist in {tz}: the clocks skip that hour"
                ) from None
            raise CellError(exc.problem.message) from None
        stamp = wall.isoformat(timespec="minutes" if not wall.second else "seconds")
        first, second = (_offset_suffix(o) for o in pair)
        raise CellError(
            f"{typed!r} happens twice in {tz} (the clocks go back): write it "
            f"with its offset, {stamp}{first} or {stamp}{second}"
        ) from None


def _offset_suffix(offset: timedelta) -> str:
    """``-03:00``: an offset as ISO-8601 writes it after a time."""
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def next_midnight(when: When, tz: str) -> datetime:
    """The start of the day after ``when``'s local date: the end of a whole-day period."""
    day = when.instant.astimezone(_zone(tz)).date() + timedelta(days=1)
    return datetime.combine(day, time(), _zone(tz))


_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")
_PLAIN = re.compile(r"-?\d+")
# One mark all through: 1.234.567 or 1,234,567, never 1,234.567 (that has a fraction).
_GROUPED = re.compile(r"-?[1-9]\d{0,2}([,.])\d{3}(?:\1\d{3})*")
_SPACED = re.compile(r"-?[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009']\d{3})+")
_FRACTION = re.compile(r"-?(?:\d[\d., \u00a0\u202f\u2009']*)?[.,]\d+")


# Far beyond any count the store accepts: longer text is refused before it is turned into a
# number (int() of thousands of digits is slow, and Python refuses past 4,300 digits).
MAX_COUNT_CHARS = 30


def parse_count(text: str) -> int | None:
    """A whole number with optional thousands separators; ``None`` for an empty cell.

    ``1,234``, ``1.234``, ``1 234`` (also with a no-break space) are 1234; ``12,5`` is refused:
    people are not counted in fractions, and a decimal comma here is a typing error.
    """
    s = text.strip()
    if not s:
        return None
    if len(s) > MAX_COUNT_CHARS:
        raise CellError(f"{len(s):,} characters is too long for a count")
    if s.isascii() and s.isdigit():
        return int(s)
    grouped = _GROUPED.fullmatch(s)
    if grouped:
        return int(s.replace(grouped.group(1), ""))
    if _PLAIN.fullmatch(s):
        return int(s)
    if _SPACED.fullmatch(s):
        return int(s.translate(_SPACES))
    if _FRACTION.fullmatch(s):
        raise CellError(f"{s!r} is not a whole number (people are counted without fractions)")
    raise CellError(f"{s!r} is not a number")


_YES = {"1", "si", "sí", "s", "yes", "y", "true", "verdadero", "x"}
_NO = {"", "0", "no", "n", "false", "falso"}


def parse_flag(text: str) -> bool:
    s = text.strip().casefold()
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise CellError(f"{text.strip()!r} is not yes or no (sí/no, 1/0)")


# A spreadsheet runs a cell that starts with one of these. A reader may split our "," file on
# ";" or tab instead (its locale's separator), or at a line break inside a cell, so every piece
# between such separators counts as a cell start; spaces before it are skipped, as some
# spreadsheets do. See docs/csv-format.md (Formulas).
_PIECE_START = r"(?:^|[,;\t\r\n]) *"
_RISKY = re.compile(_PIECE_START + r"[=+\-@\t\r]")
_MARK_PIECES = re.compile(r"([,;\t\r\n] *)(?=[=+\-@'])")
_UNMARK_PIECES = re.compile(r"([,;\t\r\n] *)'")


def escape_text(text: str) -> str:
    """Text no spreadsheet runs, whatever separator it reads with, and read back exactly.

    A cell with a risky piece (or that starts with ``'``) is escaped: a ``'`` goes before the
    whole cell (a spreadsheet's "this is text" mark, and the sign ``unescape_text`` looks for),
    and before every later piece that starts with a formula character or with ``'``.
    """
    if not (text.lstrip(" ").startswith("'") or _RISKY.search(text)):
        return text
    return "'" + _MARK_PIECES.sub(r"\1'", text)


def unescape_text(text: str) -> str:
    """A text cell as typed, undoing ``escape_text`` exactly.

    Only a cell that starts with ``'`` was escaped (every text that starts with one is, so a
    genuine leading quote comes back as ``''``): it loses that quote and the one ``'`` at the
    start of each later piece.
    """
    s = text.strip()
    if not s.startswith("'"):
        return s
    return _UNMARK_PIECES.sub(r"\1", s[1:])


def write_rows(handle: io.TextIOBase, header: list[str], rows: Iterable[list[object]]) -> None:
    writer = csv.writer(handle, delimiter=",", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
