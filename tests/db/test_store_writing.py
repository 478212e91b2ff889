"""Nested ``store.writing()``: a composite write commits whole or not at all, heard once."""

from __future__ import annotations

import pytest

from db.errors import InvalidRecord


def _site(store, name="Complejo Santa Rosa"):
    return store.add_site(name=name, kind="crossing", lat=-18.3155, lon=-70.3116)


def test_writes_inside_a_write_commit_together_and_are_heard_once(store):
    heard = []
    store.subscribe(lambda: heard.append(store.counts()["sites"]))
    with store.writing():
        _site(store, "Uno")
        _site(store, "Dos")
        assert heard == []  # nothing is announced before the outer commit
    assert heard == [2]


def test_a_failure_anywhere_inside_undoes_the_whole_write(store):
    heard = []
    store.subscribe(lambda: heard.append(1))
    with pytest.raises(InvalidRecord), store.writing():
        _site(store, "Uno")
        _site(store, "")  # refused: name is required
    assert store.sites() == [] and heard == []
    assert not store.conn.in_transaction


def test_an_inner_failure_that_is_handled_keeps_the_rest(store):
    with store.writing():
        _site(store, "Uno")
        with pytest.raises(InvalidRecord), store.writing():
            _site(store, "Dos")
            _site(store, "")
    assert [s.name for s in store.sites()] == ["Uno"]
