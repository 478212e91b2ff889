"""Which site a count belongs to, through the site's corrections.

Correcting a site (a new name, a better position) writes a new version with a new id; counts
entered before keep the old id. Filtering "Santa Rosa" must still find them, and the table must
show the site's present name. ``site_lineage`` maps every version id to the id of the version
that now stands for the site (the current one; for a retired site, its last version).
"""

from __future__ import annotations

from datetime import datetime

from db.clock import to_iso_precise
from db.store.asof import current_source, reading_as_of
from db.store.store import Store


def site_lineage(store: Store, as_of: datetime | None = None) -> dict[str, str]:
    """Every site version id → the representative id of its site; ``as_of``: among the
    versions the post knew then (docs/architecture.md §4), None: now."""
    at = reading_as_of(store.conn, "sites", as_of)
    known, params = ("1", []) if at is None else ("entered_at <= ?", [to_iso_precise(at)])
    rows = store.conn.execute(
        f"SELECT id, supersedes, entered_at FROM sites WHERE {known}", params
    ).fetchall()
    parent = {r["id"]: r["id"] for r in rows}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in rows:
        if r["supersedes"] in parent:
            parent[root(r["id"])] = root(r["supersedes"])
    source, source_params = current_source("sites", at)
    current = {r[0] for r in store.conn.execute(f"SELECT id FROM {source}", source_params)}
    best: dict[str, tuple[bool, str, str]] = {}
    for r in rows:
        key = (r["id"] in current, r["entered_at"], r["id"])
        group = root(r["id"])
        if group not in best or key > best[group]:
            best[group] = key
    return {r["id"]: best[root(r["id"])][2] for r in rows}


def site_versions(store: Store, site_id: str) -> list[str]:
    """Every version id of the site that ``site_id`` (any of its versions) names."""
    lineage = site_lineage(store)
    target = lineage.get(site_id, site_id)
    return sorted(i for i, rep in lineage.items() if rep == target) or [site_id]


def site_names(store: Store, as_of: datetime | None = None) -> dict[str, str]:
    """Every site version id → the site's present name (``as_of``: its name then)."""
    lineage = site_lineage(store, as_of)
    names = {r[0]: r[1] for r in store.conn.execute("SELECT id, name FROM sites")}
    return {i: names[rep] for i, rep in lineage.items()}
