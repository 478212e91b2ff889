"""Which site a count belongs to, through the site's corrections.

Correcting a site (a new name, a better position) writes a new version with a new id; counts
entered before keep the old id. Filtering "Santa Rosa" must still find them, and the table must
show the site's present name. ``site_lineage`` maps every version id to the id of the version
that now stands for the site (the current one; for a retired site, its last version).
"""

from __future__ import annotations

from db.store.store import Store


def site_lineage(store: Store) -> dict[str, str]:
    """Every site version id → the representative id of its site."""
    rows = store.conn.execute("SELECT id, supersedes, entered_at FROM sites").fetchall()
    parent = {r["id"]: r["id"] for r in rows}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in rows:
        if r["supersedes"] in parent:
            parent[root(r["id"])] = root(r["supersedes"])
    current = {r[0] for r in store.conn.execute("SELECT id FROM current_sites")}
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


def site_names(store: Store) -> dict[str, str]:
    """Every site version id → the site's present name."""
    lineage = site_lineage(store)
    names = {r[0]: r[1] for r in store.conn.execute("SELECT id, name FROM sites")}
    return {i: names[rep] for i, rep in lineage.items()}
