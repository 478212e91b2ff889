"""The key-figure strip on the demo: captions that say what is counted, honest changes."""

from __future__ import annotations

import pytest

from tests.chart_fixtures import make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui


def _strip(qtbot, demo, lang):
    from desktop.window.figures_strip import FiguresStrip

    ctx = make_ctx(demo)
    ctx.lang = lang
    strip = FiguresStrip(ctx)
    qtbot.addWidget(strip)
    return ctx, strip


@pytest.mark.parametrize(
    ("lang", "captions"),
    [
        (
            "es",
            {
                "into_peru": "Personas que ingresaron al Perú · 24 h",
                "into_chile": "Personas que ingresaron a Chile · 24 h",
                "turned_back": "Rechazados (no ingresaron) · 24 h",
                "detained": "Detenidos · 24 h",
                "stranded": "Varados ahora",
            },
        ),
        (
            "en",
            {
                "into_peru": "People who entered Peru · 24 h",
                "into_chile": "People who entered Chile · 24 h",
                "turned_back": "Turned back (did not enter) · 24 h",
                "detained": "Detained · 24 h",
                "stranded": "Stranded now",
            },
        ),
    ],
)
def test_each_caption_says_what_it_counts(qtbot, demo, lang, captions):
    ctx, strip = _strip(qtbot, demo, lang)
    try:
        for code, text in captions.items():
            assert strip.tiles[code].caption.text() == text
    finally:
        ctx.watcher.close()


def test_a_small_base_shows_no_percentage(qtbot, demo):
    ctx, strip = _strip(qtbot, demo, "en")
    try:
        detained = strip.tiles["detained"]  # 10 against 8: +2, no "+25 %"
        assert detained.value.text() == "10"
        assert detained.change.text() == "▲ +2 vs previous 24 h"
        into_peru = strip.tiles[
            "into_peru"
        ].change.text()  # thousands: a percentage means something
        assert into_peru.startswith("▲ +") and "%) vs previous 24 h" in into_peru
    finally:
        ctx.watcher.close()


@pytest.mark.xfail(
    strict=True,
    reason="the headline's into-Peru figure counts people who crossed only once the figures "
    "model does (db/flows/figures.py, another branch)",
)
def test_people_turned_back_do_not_change_who_entered_peru(qtbot, demo):
    ctx, strip = _strip(qtbot, demo, "en")
    try:
        before = strip.tiles["into_peru"].value.text()
        turned = strip.tiles["turned_back"].value.text()
        site = demo.site_by_name("Complejo Chacalluta")
        demo.add_observation(
            site_id=site.id,
            period_start=lima(2025, 12, 1, 6),
            period_end=lima(2025, 12, 1, 7),
            direction="into_peru",
            category="turned_back",
            count=14,
        )
        qtbot.waitUntil(lambda: strip.tiles["turned_back"].value.text() != turned, timeout=1000)
        assert strip.tiles["into_peru"].value.text() == before
    finally:
        ctx.watcher.close()
