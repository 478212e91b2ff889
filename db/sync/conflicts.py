"""Sync conflicts: one record corrected differently at two stations, and settling them.

Records are immutable and a correction is a new row naming the row it corrects
(``supersedes``). When two stations correct the same record while apart, both corrections
arrive everywhere after sync and both are current: the record has two current versions. Nothing
is dropped or picked silently; ``conflicts`` lists such records for an operator, and ``settle``
records the operator's decision as ordinary records (voids of the losing versions, and
optionally a correction of the kept one), which sync to the other stations like any others and
settle the conflict there too.

A conflict is found by lineage, not only by a shared parent: if station A corrected X twice
(X → X1 → X2) and station B once (X → X3), X2 and X3 are the two current versions of X.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.errors import InvalidRecord, NotCurrent, Problem
from db.store.records import RECORD_TYPES, Record
from db.store.schema import RECORD_TABLES
from db.store.store import Store

SETTLED_REASON = "conflict settled: kept {kept}"


@dataclass(frozen=True)
class Conflict:
    """A record that has more than one current version."""

    table: str
    record_id: str  # the record the versions descend from (it may be corrected, not current)
    versions: tuple[Record, ...]  # the current versions, oldest entry first

    @property
    def kind(self) -> str:
        return RECORD_TYPES[self.table].kind

    @property
    def version_ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.versions)


def conflicts(store: Store) -> list[Conflict]:
    """Every record with two or more current versions, in table order then oldest first."""
    out: list[Conflict] = []
    for table in RECORD_TABLES:
        # Walk each current correction up its history. UNION (not UNION ALL) ends the walk
        # even on a damaged history that loops.
        steps = store.conn.execute(
            f"""WITH RECURSIVE up(leaf, id, sup) AS (
                    SELECT id, id, supersedes FROM current_{table} WHERE supersedes IS NOT NULL
                    UNION
                    SELECT up.leaf, t.id, t.supersedes FROM {table} t JOIN up ON t.id = up.sup)
                SELECT leaf, id, sup FROM up"""
        ).fetchall()
        parents: dict[str, dict[str, str | None]] = {}
        for leaf, rid, sup in steps:
            parents.setdefault(leaf, {})[rid] = sup
        by_root: dict[str, list[str]] = {}
        for leaf, chain in parents.items():
            by_root.setdefault(_root(leaf, chain), []).append(leaf)
        forked = {root: leaves for root, leaves in by_root.items() if len(leaves) > 1}
        if not forked:
            continue
        cls = RECORD_TYPES[table]
        for root, leaves in sorted(forked.items()):
            marks = ",".join("?" * len(leaves))
            rows = store.conn.execute(
                f"SELECT * FROM {table} WHERE id IN ({marks}) ORDER BY entered_at, id", leaves
            ).fetchall()
            out.append(Conflict(table, root, tuple(cls.from_row(r) for r in rows)))
    out.sort(key=lambda c: (RECORD_TABLES.index(c.table), c.versions[0].entered_at))
    return out


def _root(leaf: str, chain: dict[str, str | None]) -> str:
    current, seen = leaf, {leaf}
    while (parent := chain.get(current)) is not None and parent in chain and parent not in seen:
        seen.add(parent)
        current = parent
    # The oldest row reached; if it corrects a row this database lacks, that row is the record.
    return chain.get(current) or current


def conflict_of(store: Store, version_id: str) -> Conflict | None:
    """The open conflict ``version_id`` is one of the versions of, if any."""
    return next((c for c in conflicts(store) if version_id in c.version_ids), None)


def settle(
    store: Store,
    conflict: Conflict,
    keep_id: str | None = None,
    values: dict[str, Any] | None = None,
) -> Record:
    """Settle ``conflict``: keep version ``keep_id`` and void the others, in one transaction.

    With ``values`` the kept version is also corrected with them (the operator wrote a new
    version; ``keep_id`` defaults then to the newest version). Returns the record now current.
    Each void's reason says which version was kept, so every station's history shows the
    decision and who took it.
    """
    ids = conflict.version_ids
    if keep_id is None:
        if not values:
            raise InvalidRecord([Problem("keep_id", "no_version_chosen")])
        keep_id = ids[-1]
    if keep_id not in ids:
        raise InvalidRecord([Problem("keep_id", "not_a_version", {"version": keep_id})])
    with store.writing():
        if not all(store.is_current(v) for v in ids):
            raise NotCurrent(
                f"the conflict on {conflict.kind} {conflict.record_id} was already settled "
                "or changed: look at it again"
            )
        for version in ids:
            if version != keep_id:
                store.void(version, SETTLED_REASON.format(kept=keep_id))
        kept = store.correct(keep_id, **values) if values else store.get(keep_id)
    return kept
