"""The translation catalogues: complete, current, and every string of the code inside them."""

from __future__ import annotations

import pytest

from resources.i18n import build_catalogues
from tests.i18n_helpers import CATALOGUES, PLACEHOLDER, extract, read_ts, translate_calls

ES = CATALOGUES / "situation_room_es.ts"
EN = CATALOGUES / "situation_room_en.ts"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """What lupdate finds in the code as it is now."""
    return extract(tmp_path_factory.mktemp("lupdate"))


def test_every_string_of_the_code_has_a_finished_spanish_translation(fresh):
    spanish = read_ts(ES)
    missing = [f"{c}: {s!r}" for (c, s) in fresh if (c, s) not in spanish]
    unfinished = [
        f"{c}: {s!r}" for (c, s) in fresh if (c, s) in spanish and not spanish[c, s].finished
    ]
    assert missing == [], "run resources/i18n/build_catalogues.py update, then translate"
    assert unfinished == []


def test_the_catalogues_hold_no_string_the_code_dropped(fresh):
    for path in (ES, EN):
        stale = set(read_ts(path)) - set(fresh)
        assert stale == set(), path.name


def test_the_english_catalogue_is_the_source_text(fresh):
    english = read_ts(EN)
    assert set(english) == set(fresh)
    assert all(m.translation == m.source for m in english.values())


def test_translations_keep_every_placeholder_and_accelerator():
    for m in read_ts(ES).values():
        assert sorted(PLACEHOLDER.findall(m.translation)) == sorted(
            PLACEHOLDER.findall(m.source)
        ), (m.context, m.source)
        has_accelerator = "&" in m.source.replace("&&", "") and "&amp;" not in m.source
        if has_accelerator and "<" not in m.source:
            assert "&" in m.translation, (m.context, m.source)
        assert m.translation.strip() == m.translation or m.source != m.source.strip()


def test_the_spanish_is_spanish():
    spanish = read_ts(ES)
    same = [m.source for m in spanish.values() if m.translation == m.source]
    # Names, units and codes read the same in both languages; anything longer is a slip.
    assert all(len(s) <= 12 or "{" in s or s.isupper() for s in same), same
    assert spanish["Countdown", "Day {day} of {days}"].translation == "Día {day} de {days}"
    assert spanish["MainWindow", "&File"].translation == "&Archivo"


def test_the_compiled_catalogues_are_current(tmp_path):
    """Each .qm is what lrelease makes of its .ts now (rebuild: build_catalogues.py)."""
    for lang in build_catalogues.LANGUAGES:
        out = tmp_path / f"{lang}.qm"
        build_catalogues.lrelease(build_catalogues.ts_path(lang), out)
        committed = build_catalogues.qm_path(lang)
        assert committed.is_file(), committed
        assert out.read_bytes() == committed.read_bytes(), committed.name


def test_every_translation_call_reaches_lupdate_in_its_run_time_context(fresh):
    calls, hazards = translate_calls()
    assert len(calls) > 400
    lost = [
        f"{c.where}: {c.context}: {c.source!r}" for c in calls if (c.context, c.source) not in fresh
    ]
    assert lost == []
    assert hazards == []
