"""The current picture as the store held it at an earlier instant (reprints, reconstructions).

A record counted "as of" instant T is one entered at or before T that no correction entered at
or before T supersedes and no void entered at or before T withdraws. Because nothing is ever
overwritten (docs/architecture.md §3), this is exact: a briefing reprinted a month later shows the figures
it showed on its day, however many late entries, corrections and voids came since.

``as_of=None`` means "now": the ``current_<table>`` views, at no extra cost. A reader given the
clock's time asks ``known_at`` first: when nothing was entered after it (live use, or an
exercise clock past every entry) the current views are that picture already.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from typing import Any

from db.clock import to_iso_precise
from db.store.records import RECORD_TYPES, Decree, Record, Site
from db.store.schema import RECORD_TABLES
from db.store.store import Store


def current_source(table: str, as_of: datetime | None) -> tuple[str, list[Any]]:
    """A FROM-clause source (SQL text, bound parameters) for ``table``'s picture as of ``as_of``.

    Used as ``f"SELECT ... FROM {source} AS o WHERE ..."`` with ``params`` bound first.
    """
    if table not in RECORD_TABLES:
        raise ValueError(f"unknown table {table}")
    if as_of is None:
        return f"current_{table}", []
    condition, params = current_condition(table, "t", as_of)
    return f"(SELECT t.* FROM {table} t WHERE {condition})", params


def current_condition(table: str, alias: str, as_of: datetime | None) -> tuple[str, list[Any]]:
    """SQL true for a row ``alias`` of ``table`` that is current at ``as_of`` (None: now), and
    its bound parameters: for a query that reads the table itself (its rowids, which the
    ``current_<table>`` views do not show), e.g. ``f"FROM {table} AS r WHERE {condition}"``.
    ``alias`` is fixed SQL text written by the caller, never user input.
    """
    if table not in RECORD_TABLES:
        raise ValueError(f"unknown table {table}")
    if as_of is None:  # what the current_<table> views say
        return (
            f"NOT EXISTS (SELECT 1 FROM {table} newer WHERE newer.supersedes = {alias}.id) "
            f"AND NOT EXISTS (SELECT 1 FROM voids voided WHERE voided.record_id = {alias}.id)",
            [],
        )
    # entered_at is stored to the microsecond (to_iso_precise), so text order is time order.
    instant = to_iso_precise(as_of)
    sql = (
        f"{alias}.entered_at <= ? "
        f"AND NOT EXISTS (SELECT 1 FROM {table} newer WHERE newer.supersedes = {alias}.id "
        "AND newer.entered_at <= ?) "
        f"AND NOT EXISTS (SELECT 1 FROM voids voided WHERE voided.record_id = {alias}.id "
        "AND voided.entered_at <= ?)"
    )
    return sql, [instant, instant, instant]


def entered_after(conn: sqlite3.Connection, table: str, t: datetime) -> bool:
    """Whether a record of ``table``, or a void, was entered after ``t``: one seek on each
    ``entered_at`` index. When not, the picture as of ``t`` is the current one."""
    if table not in RECORD_TABLES:
        raise ValueError(f"unknown table {table}")
    instant = to_iso_precise(t)
    row = conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM {table} WHERE entered_at > ?) "
        "OR EXISTS (SELECT 1 FROM voids WHERE entered_at > ?)",
        (instant, instant),
    ).fetchone()
    return bool(row[0])


def reading_as_of(conn: sqlite3.Connection, table: str, t: datetime | None) -> datetime | None:
    """The ``as_of`` to read ``table`` with at the clock's time ``t`` (docs/architecture.md §4):
    None, the current views and the daily totals as fast as ever, when nothing was entered
    after ``t`` (live use); else ``t``. Every reader of the picture asks this one question."""
    if t is None or not entered_after(conn, table, t):
        return None
    return t


def records_as_of(
    store: Store,
    table: str,
    as_of: datetime | None,
    where: str = "",
    params: list[Any] | tuple[Any, ...] = (),
    order: str = "entered_at, id",
) -> list[Record]:
    """The records of ``table`` current at ``as_of``, filtered by ``where`` (bound ``params``).

    ``where`` and ``order`` are fixed SQL text written by the caller, never user input.
    """
    source, source_params = current_source(table, as_of)
    sql = f"SELECT * FROM {source} AS t {('WHERE ' + where) if where else ''} ORDER BY {order}"
    cls = RECORD_TYPES[table]
    return [cls.from_row(r) for r in store.conn.execute(sql, [*source_params, *params])]


def sites_as_of(store: Store, t: datetime | None) -> list[Site]:
    """The sites the post knew at the clock's time ``t`` (None: now), by name, as
    ``Store.sites`` lists the current ones."""
    if reading_as_of(store.conn, "sites", t) is None:
        return store.sites()
    return [s for s in records_as_of(store, "sites", t, order="name") if isinstance(s, Site)]


def decrees_as_of(store: Store, as_of: datetime | None) -> list[Decree]:
    """The decrees current at ``as_of``, each ``extends`` read through to the version of the
    extended decree that was current then (a correction gives a decree a new id; the link
    keeps the id it was entered with), as ``Store.decrees`` does for now."""
    if as_of is None:
        return store.decrees()
    records = [
        d
        for d in records_as_of(store, "decrees", as_of, order="starts_on, entered_at")
        if isinstance(d, Decree)
    ]
    current = {d.id for d in records}
    if all(d.extends is None or d.extends in current for d in records):
        return records
    successor: dict[str, list[tuple[str, str]]] = {}
    for rid, supersedes, entered_at in store.conn.execute(
        "SELECT id, supersedes, entered_at FROM decrees WHERE entered_at <= ?",
        (to_iso_precise(as_of),),
    ):
        if supersedes:
            successor.setdefault(supersedes, []).append((entered_at, rid))

    def head(rid: str, seen: frozenset[str] = frozenset()) -> str | None:
        if rid in current:
            return rid
        for _, nxt in sorted(successor.get(rid, []), reverse=True):  # newest version first
            if nxt not in seen and (found := head(nxt, seen | {rid})):
                return found
        return None

    return [replace(d, extends=head(d.extends) or d.extends) if d.extends else d for d in records]
