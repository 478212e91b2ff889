"""Full-text search of the records: what an operator types, the current records it finds.

``search(store, "tacna")`` lists the current events, sites, counts, decrees and milestones whose
words match, best first (FTS5's bm25, the words of a record's title weighing most). Only the
current picture is searched, or the picture the post knew at an exercise clock's time
(docs/architecture.md §4, the as-of rule): a voided record is not found, a corrected one is found
once, as its version current then. Case and accents are folded by the index
(db/store/search_index.py).

What the operator typed is never FTS5 syntax: each word (what spaces separate) becomes a
quoted FTS5 string, its quotes doubled, so quotes, ``-``, ``*``, ``NEAR``, ``OR``, ``col:`` or
unbalanced quotes are words or nothing, never an error; inside the string the index's own
tokenizer splits "Tacna-Arica" as it split the records. Every word must match; the last one
also matches as the start of a word ("pat" finds "patrulla"), because the operator may still
be typing it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

from db.clock import local_midnight, parse_instant
from db.store.asof import current_condition, reading_as_of
from db.store.records import RECORD_TYPES
from db.store.search_index import INDEXED, fts_table
from db.store.store import Store

DEFAULT_LIMIT = 50
MAX_RANKED = 20_000
MAX_WORDS = 32  # a longer text is a paste, not a search: its first words decide
SNIPPET_TOKENS = 12
SNIPPET_MARKS = ("[", "]")
ELLIPSIS = "…"
# Letters and digits, with any combining accent typed after a letter (decomposed text): the
# words of a title, to rank it (the index splits words the same way, near enough).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")

# bm25 weight of each indexed column, in INDEXED's order: a word in a title or a name says
# more about what the record is than the same word in its note or its source.
WEIGHTS: dict[str, tuple[float, ...]] = {
    "events": (10.0, 3.0, 1.0),
    "sites": (10.0, 2.0, 1.0),
    "observations": (3.0, 1.0),
    "decrees": (10.0, 5.0, 2.0, 1.0),
    "milestones": (10.0, 3.0, 1.0, 5.0, 1.0),
}


class Hit(NamedTuple):
    """One record found: its kind (``event``, ``site``, ``observation``, ``decree``,
    ``milestone``), id, a title, the words around the match (matches in ``[ ]``) and when it
    happened (UTC; for a site, when it was recorded)."""

    kind: str
    id: str
    title: str
    snippet: str
    at: datetime | None


def words(text: str) -> list[str]:
    """The words of ``text`` as the search reads them: what spaces separate, holding a letter
    or a digit, without control characters or lone surrogates (not text; UTF-8 has no
    bytes for them), at most ``MAX_WORDS``."""
    plain = "".join(
        c
        for c in unicodedata.normalize("NFC", text or "")
        if unicodedata.category(c) not in ("Cc", "Cs")
    )
    return [w for w in plain.split() if any(c.isalnum() for c in w)][:MAX_WORDS]


def match_query(text: str) -> str | None:
    """The FTS5 query for what an operator typed, or None when it holds no word.

    Each word is an FTS5 string (its quotes doubled), so nothing the operator types is read as
    an operator; the last word is a prefix unless the text ends with a space (the word is
    finished).
    """
    found = words(text)
    if not found:
        return None
    terms = ['"' + w.replace('"', '""') + '"' for w in found]
    if not text[-1:].isspace():
        terms[-1] += "*"
    return " ".join(terms)


def search(
    store: Store,
    text: str,
    *,
    at: datetime | None = None,
    limit: int = DEFAULT_LIMIT,
    kinds: Iterable[str] | None = None,
    lang: str = "es",
) -> list[Hit]:
    """The current records (as of ``at``, what the post knew then; None: now) whose words
    match ``text``, best first. A correction entered after ``at`` finds the earlier version.

    ``kinds`` keeps to some kinds of record (``event``, ``site``...); ``lang`` is the language
    of the labels in a count's title.
    """
    query = match_query(text)
    if query is None or limit <= 0:
        return []
    wanted = set(kinds) if kinds is not None else None
    in_title = _title_test(text)
    scored: list[tuple[tuple[int, int], float, float, Hit]] = []
    for table in INDEXED:
        if wanted is not None and RECORD_TYPES[table].kind not in wanted:
            continue
        make_hit = _hit_maker(store, table, lang)
        for row in _ranked_rows(store, table, query, at, limit):
            hit = make_hit(row)
            when = hit.at.timestamp() if hit.at else 0.0
            scored.append((in_title(hit.title), row["_score"], -when, hit))
    scored.sort(key=lambda s: s[:3])
    return [s[3] for s in scored[:limit]]


def _fold(text: str) -> list[str]:
    """The words of ``text`` as the index compares them: no accents, no case."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w.casefold() for w in _WORD.findall(bare)]


def _title_test(text: str) -> Callable[[str], tuple[int, int]]:
    """Where a record stands by its title: (0, n) the title is what was typed, (1, n) it holds
    every word typed (a short title before a long one: it is more nearly what was asked),
    (2, 0) the words are elsewhere in the record.

    bm25 ranks the records of one kind; its scores of different kinds are not comparable (a
    word is rarer among five sites than among thousands of counts). What the title says is:
    the site named "Tacna" comes before a meeting held in Tacna.
    """
    wanted = _fold(text)[:MAX_WORDS]
    prefix = not text[-1:].isspace()

    def has(title_words: list[str], i: int, word: str) -> bool:
        last = prefix and i == len(wanted) - 1
        return any(w.startswith(word) if last else w == word for w in title_words)

    def tier(title: str) -> tuple[int, int]:
        title_words = _fold(title)
        if title_words == wanted:
            return (0, len(title_words))
        if all(has(title_words, i, w) for i, w in enumerate(wanted)):
            return (1, len(title_words))
        return (2, 0)

    return tier


def _ranked_rows(
    store: Store,
    table: str,
    query: str,
    at: datetime | None,
    limit: int,
) -> list[Any]:
    """``table``'s best ``limit`` current rows for ``query``, each with ``_score`` (bm25, lower
    is better) and ``_snippet``."""
    fts = fts_table(table)
    conn = store.conn
    # bm25 ranks at most the newest MAX_RANKED matches: a word found in more records than that
    # is a word of every record (a source typed on each row of an import), and ranking all of
    # a million took 1.7 s where 20,000 take 0.1 s. FTS5 walks its list of matches newest
    # first, so finding the floor costs about a millisecond.
    floor = conn.execute(
        f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (query, MAX_RANKED - 1),
    ).fetchone()
    condition, condition_params = current_condition(
        table, "r", reading_as_of(store.conn, table, at)
    )
    weights = ", ".join(str(w) for w in WEIGHTS[table])
    # Hand-written rather than sqlite-utils' Table.search(), which ranks every match and makes
    # no snippet: on the 1M-row database the best 50 counts for a word in all of them took
    # 0.25-0.40 s here (snippets included) against 1.5-2.4 s there; for a word in 2,000 counts
    # both take a few milliseconds (tests/perf/bench_search.py, search_counts_*).
    rows = conn.execute(
        f"""WITH ranked AS (
                SELECT rowid AS rid, bm25({fts}, {weights}) AS score FROM {fts}
                WHERE {fts} MATCH ? AND rowid >= ?)
            SELECT r.*, ranked.rid AS _rowid, ranked.score AS _score
            FROM ranked JOIN {table} AS r ON r.rowid = ranked.rid
            WHERE {condition}
            ORDER BY ranked.score LIMIT ?""",
        [query, floor[0] if floor else 0, *condition_params, limit],
    ).fetchall()
    if not rows:
        return []
    # Snippets of the rows kept only, in one statement: the last word's prefix makes FTS5 gather
    # the matches of every word it begins, ~50 ms on the 1M-row database, so once, not once per
    # row (the "+" keeps SQLite from making the IN list one look-up per rowid: 3.4 s). The
    # bounds let FTS5 walk only that span of its matches; the list spares the rows between
    # them a snippet.
    kept = [row["_rowid"] for row in rows]
    snippets = dict(
        conn.execute(
            f"""SELECT rowid, snippet({fts}, -1, ?, ?, ?, ?) FROM {fts}
                WHERE {fts} MATCH ? AND rowid >= ? AND rowid <= ?
                  AND +rowid IN (SELECT value FROM json_each(?))""",
            [
                *SNIPPET_MARKS,
                ELLIPSIS,
                SNIPPET_TOKENS,
                query,
                min(kept),
                max(kept),
                json.dumps(kept),
            ],
        ).fetchall()
    )
    return [{**dict(row), "_snippet": snippets.get(row["_rowid"], "")} for row in rows]


def _hit_maker(store: Store, table: str, lang: str) -> Callable[[Any], Hit]:
    kind = RECORD_TYPES[table].kind

    def hit(row: Any, title: str, at: Any) -> Hit:
        return Hit(kind, row["id"], title, row["_snippet"], parse_instant(at) if at else None)

    if table == "events":
        return lambda r: hit(r, r["title"], r["occurred_at"])
    if table == "sites":
        return lambda r: hit(r, r["name"], r["entered_at"])
    if table == "milestones":
        return lambda r: hit(r, r["title"], r["at"])
    if table == "decrees":
        return lambda r: hit(
            r,
            f"{r['number']} — {r['title']}" if r["title"] else r["number"],
            local_midnight(date.fromisoformat(r["starts_on"]), r["tz"]),
        )
    from db.store.site_lineage import site_names
    from db.vocab import CATEGORIES

    names = site_names(store)

    def count_title(r: Any) -> str:
        term = CATEGORIES.get(r["category"])
        what = term.label(lang) if term else r["category"]
        return f"{names.get(r['site_id'], '?')} — {what}: {r['count']:,}"

    return lambda r: hit(r, count_title(r), r["period_start"])


def matching_ids(store: Store, table: str, text: str, *, at: datetime | None = None) -> set[str]:
    """The ids of ``table``'s current records (as of ``at``) whose words match ``text``: what a
    list filtered by a search box keeps. Empty when ``text`` holds no word."""
    query = match_query(text)
    if query is None:
        return set()
    fts = fts_table(table)
    condition, params = current_condition(table, "r", reading_as_of(store.conn, table, at))
    rows = store.conn.execute(
        f"""SELECT r.id FROM {fts} JOIN {table} AS r ON r.rowid = {fts}.rowid
            WHERE {fts} MATCH ? AND {condition}""",
        [query, *params],
    )
    return {row[0] for row in rows}


def words_match(table: str, alias: str, text: str) -> tuple[str, list[Any]]:
    """SQL (and its parameters) true for a row ``alias`` of ``table`` whose words match
    ``text``, for a WHERE clause; never true when ``text`` holds no word.

    ``alias`` must name the table itself, not a ``current_<table>`` view (a view has no
    rowids); ``table`` and ``alias`` are fixed text written by the caller, never user input.
    """
    query = match_query(text)
    if query is None:
        return "0", []
    fts = fts_table(table)
    return f"{alias}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", [query]


def count_words_match(
    store: Store, alias: str, text: str, *, at: datetime | None = None
) -> tuple[str, list[Any]]:
    """SQL (and its parameters) true for a count ``alias`` (a row of ``observations``) whose
    note or source matches ``text``, or whose site's current name, note or source does: what
    the records table keeps while the operator types. A count names the version of its site
    it was entered with; every version of a matching site counts. ``at``: the sites as
    known then (None: now)."""
    own, params = words_match("observations", alias, text)
    sites = matching_ids(store, "sites", text, at=at)
    if not sites:
        return own, params
    from db.store.site_lineage import site_lineage

    lineage = site_lineage(store)
    found = {lineage.get(site_id, site_id) for site_id in sites}
    versions = sorted(i for i, rep in lineage.items() if rep in found)
    return (
        f"({own} OR {alias}.site_id IN ({','.join('?' * len(versions))}))",
        [*params, *versions],
    )
