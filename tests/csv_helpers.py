"""Shared pieces of the CSV tests: a post with three sites and writing a file as an office would."""

from __future__ import annotations

from pathlib import Path

from db.store.store import Store

SITE_NAMES = ("Complejo Santa Rosa", "Línea de la Concordia", "Tacna")


def add_sites(store: Store) -> dict[str, str]:
    """The three sites; name -> id."""
    ids = {}
    for i, name in enumerate(SITE_NAMES):
        ids[name] = store.add_site(name=name, kind="crossing", lat=-18.0 - i / 10, lon=-70.3).id
    return ids


def write(tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "partes.csv") -> Path:
    """``text`` (lines joined by the caller) saved with Windows line ends, as Excel does."""
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def stored(store: Store) -> list[tuple]:
    """Every observation row in the table (current or not): what an import may have changed."""
    return [
        tuple(r)
        for r in store.conn.execute(
            "SELECT id, site_id, period_start, period_end, direction, category, count "
            "FROM observations ORDER BY rowid"
        )
    ]


def picture(store: Store) -> list[tuple]:
    """The current counts as a reader sees them (site by name, no ids or attribution)."""
    names = {s.id: s.name for s in store.sites()}
    return sorted(
        (
            names[o.site_id].casefold(),
            o.period_start.isoformat(),
            o.period_end.isoformat(),
            o.direction,
            o.category,
            o.count,
            o.nationality,
            o.adults,
            o.children,
            o.unaccompanied,
            o.source,
            o.note,
            o.illustrative,
        )
        for o in store.observations()
    )
