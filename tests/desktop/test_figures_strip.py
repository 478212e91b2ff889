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
    from db.flows.headline import headline_figures
    from tests.chart_fixtures import DEMO_NOW

    ctx, strip = _strip(qtbot, demo, "en")
    try:
        figures = headline_figures(demo, DEMO_NOW).figures
        small = [f for f in figures if f.previous is not None and f.previous < 20]
        large = [f for f in figures if f.previous is not None and f.previous >= 20]
        assert small and large
        for fig in small:  # e.g. 7 against 3: "+4", not "+133 %"
            text = strip.tiles[fig.code].change.text()
            assert "%" not in text and text.endswith(" vs previous 24 h")
        for fig in large:  # hundreds or thousands: a percentage means something
            assert "%) vs previous 24 h" in strip.tiles[fig.code].change.text()
    finally:
        ctx.watcher.close()


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
