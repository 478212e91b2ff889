"""Hostile field values for every form validator: a record or InvalidRecord, nothing else.

Values come from forms, spreadsheets and other stations' files, so anything may arrive in a
field: floats that are not finite, huge integers, Decimals, bytes, lists, naive or far-off
datetimes, lone surrogates, 2,000-character strings, zone names that are paths. Each cleaner
must either return a row, or raise ``InvalidRecord`` whose problems say which field and why.
A row it returns must clean to itself again, and must store and read back unchanged.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db.errors import InvalidRecord
from db.store.schema import RECORD_TABLES, migrate
from db.store.store import Store
from db.store.validation import CLEANERS, MAX_TEXT
from db.vocab import (
    CATEGORIES,
    COUNTRIES,
    DIRECTIONS,
    EVENT_KINDS,
    MILESTONE_KINDS,
    SEVERITIES,
    SITE_KINDS,
)

CLEANER_EXAMPLES = 200  # per table; the soak variant runs SOAK_EXAMPLES
STORE_EXAMPLES = 100  # per table
SOAK_EXAMPLES = 5000
SITE_ID = "0d1b5a4e-0000-4000-8000-000000000001"
DECREE_ID = "0d1b5a4e-0000-4000-8000-000000000002"
ATTRIBUTION = {"id", "entered_at", "entered_by", "station", "supersedes"}


def _fields() -> dict[str, list[str]]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    fields = {
        t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] not in ATTRIBUTION]
        for t in RECORD_TABLES
    }
    conn.close()
    return fields


FIELDS = _fields()
VALID = {
    "sites": {"name": "Complejo Santa Rosa", "kind": "crossing", "lat": -18.3, "lon": -70.3},
    "observations": {
        "site_id": SITE_ID,
        "category": "crossed_regular",
        "direction": "into_peru",
        "count": 120,
        "period_start": "2025-12-01T12:00:00Z",
        "period_end": "2025-12-01T13:00:00-05:00",
    },
    "events": {"kind": "incident", "title": "Corte de ruta", "occurred_at": "2025-12-01T13:00Z"},
    "decrees": {"number": "DS 013-2026-PCM", "starts_on": "2026-01-28", "days": 60},
    "milestones": {"title": "Segunda vuelta", "kind": "election", "at": "2026-06-07T13:00:00Z"},
}
CODES = [*CATEGORIES, *DIRECTIONS, *SITE_KINDS, *EVENT_KINDS, *MILESTONE_KINDS, *SEVERITIES]
ODD_TEXT = [
    "", " ", "\t\n", "nan", "inf", "-inf", "1e400", "-0", "١٢٣", "٣.٥", "0x1F", "1_000",
    "America/Lima", "Europe/Atlantis", "../../etc/passwd", "/etc/localtime", "UTC\x00",
    "2025-02-30", "2025-12-01", "2025-12-01T12:00", "2025-12-01T12:00:00+14:00",
    "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "9999-12-31",
    "'; DROP TABLE sites; --", SITE_ID, DECREE_ID, *COUNTRIES, "pe",
]  # fmt: skip

any_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-3, max_value=400),
    st.floats(),
    st.decimals(),
    st.fractions(),
    st.complex_numbers(),
    st.text(),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),  # lone surrogates
    st.integers(MAX_TEXT - 2, MAX_TEXT + 2).map(lambda n: "x" * n),
    st.binary(max_size=8),
    st.sampled_from(CODES + ODD_TEXT),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.dates(),
    st.dates().map(str),
    st.times(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


instants = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2150, 1, 1), timezones=st.timezones()
)
numbers = st.one_of(st.integers(-3, 10**7 + 3), st.integers(0, 500).map(str))
PLAUSIBLE = {
    **dict.fromkeys(("name", "title", "number", "source", "note", "authority"), st.text()),
    **dict.fromkeys(("nationality", "zone", "site_id"), st.text(max_size=5)),
    **dict.fromkeys(("count", "people", "adults", "children", "unaccompanied"), numbers),
    **dict.fromkeys(("period_start", "period_end", "occurred_at", "at"), instants),
    **dict.fromkeys(("starts_on", "published_on"), st.dates(datetime(1950, 1, 1).date())),
    **dict.fromkeys(
        ("approximate", "illustrative", "closed", "all_day"),
        st.one_of(st.booleans(), st.sampled_from(["sí", "no", "0", "1", "TRUE", " x "])),
    ),
    "kind": st.sampled_from(CODES),
    "category": st.sampled_from(list(CATEGORIES)),
    "direction": st.sampled_from(list(DIRECTIONS)),
    "severity": st.sampled_from(list(SEVERITIES)),
    "country": st.sampled_from(["PE", "cl", "Bo", "AR"]),
    "lat": st.one_of(st.floats(-91, 91), st.integers(-90, 90).map(str)),
    "lon": st.floats(-181, 181),
    "days": st.integers(0, 366),
    "tz": st.sampled_from(["America/Lima", "America/Santiago", "UTC", "Mars/Olympus"]),
    "extends": st.sampled_from([None, "", DECREE_ID, "no-such-decree"]),
}


def values_for(table: str) -> st.SearchStrategy[dict]:
    """Arbitrary dicts of the table's fields; valid records with a few fields spoiled by
    arbitrary values; and valid records with fields redrawn from plausible values (so that
    many are accepted and the round trip is really exercised)."""
    names = st.sampled_from([*FIELDS[table], "kind", "id", "entered_by", "colour"])
    arbitrary = st.dictionaries(names, any_value, max_size=len(FIELDS[table]))
    spoiled = st.builds(
        lambda changes, dropped: {
            **{k: v for k, v in VALID[table].items() if k != dropped},
            **changes,
        },
        st.dictionaries(names, any_value, max_size=3),
        st.sampled_from([None, *VALID[table]]),
    )
    plausible = st.fixed_dictionaries(
        {}, optional={f: PLAUSIBLE[f] for f in FIELDS[table] if f in PLAUSIBLE}
    ).map(lambda changes: {**VALID[table], **changes})
    return st.one_of(arbitrary, spoiled, plausible)


def _clean(table: str, values: dict) -> dict | None:
    try:
        return CLEANERS[table](values)
    except InvalidRecord as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.field and problem.code and problem.message
            assert isinstance(problem.message, str) and "\n" not in problem.message
        return None


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_valid_examples_are_valid(table):
    assert _clean(table, VALID[table]) is not None


def _check_cleaner(table: str, data: st.DataObject) -> None:
    values = data.draw(values_for(table))
    row = _clean(table, dict(values))
    event("accepted" if row is not None else "refused")
    if row is not None:
        assert set(row) <= set(FIELDS[table])
        assert _clean(table, row) == row  # a clean row stays as it is


@pytest.mark.parametrize("table", RECORD_TABLES)
@settings(max_examples=CLEANER_EXAMPLES, deadline=None)
@given(data=st.data())
def test_cleaner_returns_a_row_or_says_why(table, data):
    _check_cleaner(table, data)


@pytest.mark.soak
@pytest.mark.parametrize("table", RECORD_TABLES)
@settings(max_examples=SOAK_EXAMPLES, deadline=None)
@given(data=st.data())
def test_cleaner_soak(table, data):
    _check_cleaner(table, data)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("fuzz") / "fuzz.db", operator="Fuzz")
    store.conn.execute("PRAGMA synchronous = OFF")  # durability is not what is tested here
    store.add_site(id=SITE_ID, **VALID["sites"])
    store.add_decree(id=DECREE_ID, number="DS 135-2025-PCM", starts_on="2025-11-29", days=60)
    yield store
    store.close()


@pytest.mark.parametrize("table", RECORD_TABLES)
@settings(
    max_examples=STORE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_accepted_rows_store_and_read_back_unchanged(table, fuzz_store, data):
    values = data.draw(values_for(table))
    try:
        row = fuzz_store.prepare(table, dict(values))
    except InvalidRecord:
        event("refused")
        return
    event("stored")
    fuzz_store.insert_rows(table, [row])
    stored = dict(
        fuzz_store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row["id"],)).fetchone()
    )
    assert stored == row
    assert fuzz_store.get(row["id"]).id == row["id"]


def test_time_at_the_edge_of_the_calendar_is_refused_not_crashed():
    # 0001-01-01 at +05:00 is before the first representable UTC instant.
    far = datetime(1, 1, 1, tzinfo=UTC).isoformat().replace("+00:00", "+05:00")
    with pytest.raises(InvalidRecord) as refused:
        CLEANERS["events"]({**VALID["events"], "occurred_at": far})
    assert refused.value.by_field()["occurred_at"]
