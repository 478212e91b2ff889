"""A record corrected at two stations: both versions kept, shown, settled, and the settling syncs."""

from __future__ import annotations

import pytest

from db.errors import InvalidRecord, NotCurrent
from db.store.store import Store
from db.sync.conflicts import SETTLED_REASON, conflict_of, conflicts, settle
from db.sync.exchange import export_bundle, import_bundle
from tests.conftest import lima
from tests.sync_helpers import picture


@pytest.fixture
def three(tmp_path):
    """Stations A, B, C that share one count (entered at A and synced to B and C)."""
    stores = {n: Store.open(tmp_path / f"{n}.db", operator=f"op{n}") for n in "ABC"}
    a = stores["A"]
    site = a.add_site(name="Complejo Santa Rosa", kind="crossing", lat=-18.3155, lon=-70.3116)
    count = a.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 7),
        period_end=lima(2025, 12, 1, 19),
        direction="into_peru",
        category="crossed_regular",
        count=120,
    )
    export_bundle(a, tmp_path / "seed.zip")
    for n in "BC":
        import_bundle(stores[n], tmp_path / "seed.zip")
    stores["count"] = count.id
    yield stores
    for n in "ABC":
        stores[n].close()


def _send(src: Store, dst: Store, path):
    export_bundle(src, path)
    return import_bundle(dst, path)


def _corrected_apart(three, tmp_path):
    a, b = three["A"], three["B"]
    mine = a.correct(three["count"], count=130)
    theirs = b.correct(three["count"], count=125, note="recontado por la tarde")
    _send(a, b, tmp_path / "a1.zip")
    summary = _send(b, a, tmp_path / "b1.zip")
    return mine, theirs, summary


def test_two_corrections_made_apart_are_both_kept_and_shown(three, tmp_path):
    mine, theirs, summary = _corrected_apart(three, tmp_path)
    assert [c.record_id for c in summary.conflicts] == [three["count"]]
    for n in "AB":
        [conflict] = conflicts(three[n])
        assert conflict.table == "observations" and conflict.record_id == three["count"]
        assert [v.count for v in conflict.versions] == [130, 125]  # oldest entry first
        assert [v.entered_by for v in conflict.versions] == ["opA", "opB"]
    assert {o.count for o in three["A"].observations()} == {130, 125}


def test_settling_syncs_to_every_station(three, tmp_path):
    mine, theirs, _ = _corrected_apart(three, tmp_path)
    a, b, c = three["A"], three["B"], three["C"]
    [conflict] = conflicts(a)
    kept = settle(a, conflict, keep_id=theirs.id)
    assert kept.id == theirs.id and conflicts(a) == []
    voided = a.history(mine.id)[-1]
    assert voided.reason == SETTLED_REASON.format(kept=theirs.id) and voided.entered_by == "opA"
    # A's next bundle (the settlement and B's correction, since LAST) goes to B and to C. C
    # has seen neither correction: it gets A's bundle before B's, so the voiding of A's
    # version arrives before that version does.
    _send(a, c, tmp_path / "a2.zip")
    import_bundle(b, tmp_path / "a2.zip")
    assert [o.count for o in c.observations()] == [125]
    export_bundle(b, tmp_path / "b2.zip", since="all")
    import_bundle(c, tmp_path / "b2.zip")
    for store in (a, b, c):
        assert conflicts(store) == []
        assert [o.count for o in store.observations()] == [125]
    assert picture(a) == picture(b) == picture(c)


def test_settling_with_new_values_writes_one_new_version(three, tmp_path):
    mine, theirs, _ = _corrected_apart(three, tmp_path)
    a, b = three["A"], three["B"]
    kept = settle(a, conflict_of(a, mine.id), keep_id=mine.id, values={"count": 128})
    assert kept.supersedes == mine.id and kept.count == 128
    summary = _send(a, b, tmp_path / "a2.zip")
    assert summary.added["voids"] == 1 and summary.added["observations"] == 1
    assert summary.conflicts == ()
    assert [o.count for o in b.observations()] == [128]


def test_a_longer_branch_is_still_the_same_record(three, tmp_path):
    a, b = three["A"], three["B"]
    first = a.correct(three["count"], count=131)
    a.correct(first.id, count=132)
    b.correct(three["count"], count=140)
    _send(b, a, tmp_path / "b.zip")
    [conflict] = conflicts(a)
    assert conflict.record_id == three["count"]
    assert sorted(v.count for v in conflict.versions) == [132, 140]


def test_settle_refuses_a_stranger_version_and_a_settled_conflict(three, tmp_path):
    mine, theirs, _ = _corrected_apart(three, tmp_path)
    a = three["A"]
    [conflict] = conflicts(a)
    with pytest.raises(InvalidRecord, match="not a version"):
        settle(a, conflict, keep_id=three["count"])
    with pytest.raises(InvalidRecord, match="choose the version"):
        settle(a, conflict)
    settle(a, conflict, keep_id=mine.id)
    with pytest.raises(NotCurrent, match="already settled"):
        settle(a, conflict, keep_id=theirs.id)
    assert [o.count for o in a.observations()] == [130]


def test_a_failed_settlement_writes_nothing(three, tmp_path):
    mine, theirs, _ = _corrected_apart(three, tmp_path)
    a = three["A"]
    [conflict] = conflicts(a)
    heard = []
    a.subscribe(lambda: heard.append(1))
    with pytest.raises(InvalidRecord):
        settle(a, conflict, keep_id=mine.id, values={"count": -5})
    assert conflicts(a) == [conflict] and heard == []


def test_a_dry_run_previews_the_conflicts_an_import_would_make(three, tmp_path):
    a, b = three["A"], three["B"]
    a.correct(three["count"], count=130)
    b.correct(three["count"], count=125)
    export_bundle(b, tmp_path / "b.zip")
    preview = import_bundle(a, tmp_path / "b.zip", dry_run=True)
    assert [c.record_id for c in preview.conflicts] == [three["count"]]
    assert conflicts(a) == []
    import_bundle(a, tmp_path / "b.zip")
    again = import_bundle(a, tmp_path / "b.zip", dry_run=True)
    assert again.previous is not None and again.total_added == 0
    assert [c.record_id for c in again.conflicts] == [three["count"]]
