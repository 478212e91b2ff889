"""The flow chart panel on the demo: what an operator sees, and how it follows the store."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from db.clock import Clock
from db.flows.chart_data import day_seconds, wall_seconds
from db.store.store import Store
from tests.chart_fixtures import build_chart, make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(demo):
    context = make_ctx(demo)
    yield context
    context.watcher.close()


@pytest.fixture
def chart(qtbot, ctx):
    return build_chart(qtbot, ctx)


def _site(store, name):
    return store.site_by_name(name)


def test_demo_chart_shows_daily_bars_up_to_the_clock(chart):
    values = chart.series_values()
    assert values["days"][0] == date(2025, 11, 15) and values["days"][-1] == date(2025, 12, 1)
    assert values["crossed_regular"][-2] > 5000  # 30 Nov
    # 1 Dec 08:00: the night shift that ended at 07:00 is the day's; the day shift is not over
    night = lima(2025, 12, 1, 7)
    assert values["crossed_regular"][-1] == sum(
        o.count
        for o in chart.ctx.store.observations(category="crossed_regular")
        if o.period_end == night and o.entered_at <= lima(2025, 12, 1, 8)
    )
    assert values["stranded"][-1] is not None  # the 07:00 reading is known
    assert values["mean_7d"][-1] is None and values["mean_7d"][-2] > 0
    assert chart.illustrative_flag == "ILLUSTRATIVE DATA"
    assert "ILLUSTRATIVE DATA" in chart.plot.flag.text
    assert chart.preset_buttons["all"].isChecked()  # 17 days of data: all of it on screen
    assert chart.day_range() == (date(2025, 11, 15), date(2025, 12, 1))


def test_stacked_bars_sit_on_each_other(chart):
    bars = chart.plot.bars
    i = -2
    regular = bars["crossed_regular"].opts
    irregular = bars["crossed_irregular"].opts
    assert irregular["y0"][i] == regular["y0"][i] + regular["height"][i]


def test_an_own_correction_and_voiding_change_the_bars(qtbot, chart, ctx):
    store = ctx.store
    before = chart.series_values()["turned_back"][-1]  # the night shift's, ended at 07:00
    site = _site(store, "Complejo Santa Rosa")
    obs = store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 6),
        period_end=lima(2025, 12, 1, 7),
        direction="into_peru",
        category="turned_back",
        count=40,
    )
    qtbot.waitUntil(lambda: chart.series_values()["turned_back"][-1] == before + 40, timeout=1000)
    fixed = store.correct(obs.id, count=35)
    qtbot.waitUntil(lambda: chart.series_values()["turned_back"][-1] == before + 35, timeout=1000)
    store.void(fixed.id, "duplicate of the police report")
    qtbot.waitUntil(lambda: chart.series_values()["turned_back"][-1] == before, timeout=1000)


def test_external_commit_appears_within_a_second(qtbot, chart, demo_path):
    other = Store.open(demo_path, operator="Otra estación")  # another process would do the same
    other.report_clock = Clock(lima(2025, 12, 1, 8), frozen=True)  # as the CLI opens it
    site = _site(other, "Línea de la Concordia")
    other.add_observation(
        site_id=site.id, period_start=lima(2025, 12, 1, 7, 45), category="stranded", count=321
    )
    other.close()
    qtbot.waitUntil(lambda: chart.series_values()["stranded"][-1] == 321, timeout=1000)


def test_only_the_chosen_crossing(chart, ctx):
    everything = chart.series_values()
    chart.set_site(_site(ctx.store, "Complejo Santa Rosa").id)
    santa_rosa = chart.series_values()
    # Integrated control: entries into Peru at Santa Rosa, entries into Chile at Chacalluta.
    assert 0 < santa_rosa["crossed_regular"][-2] < everything["crossed_regular"][-2]
    assert 0 < santa_rosa["turned_back"][-2] == everything["turned_back"][-2]
    assert "Complejo Santa Rosa" in chart.plot.title.text
    chart.set_site(_site(ctx.store, "Complejo Chacalluta").id)
    chacalluta = chart.series_values()
    assert (
        chacalluta["crossed_regular"][-2] + santa_rosa["crossed_regular"][-2]
        == (everything["crossed_regular"][-2])
    )
    assert chacalluta["turned_back"][-2] == 0
    chart.set_site(None)
    assert chart.series_values() == everything


def test_by_direction_stacks_the_people_who_crossed_into_each_country(chart):
    by_category = chart.series_values()
    chart.set_grouping("direction")
    values = chart.series_values()
    assert set(values) >= {"into_peru", "into_chile", "none", "turned_back", "stranded"}
    assert values["into_peru"][-2] > 0 and values["into_chile"][-2] > 0
    assert chart.plot.bars["into_peru"].isVisible()
    assert not chart.plot.bars["crossed_regular"].isVisible()
    # Stacked, the directions add up to the same people who crossed as the categories do.
    assert values["crossed"] == by_category["crossed"]
    assert values["turned_back"] == by_category["turned_back"]
    assert "People who crossed, per day" in chart.plot.title.text
    legend = [label.text for _sample, label in chart.plot.legend.items]
    assert legend[:2] == ["Entered Peru", "Entered Chile"]
    assert "Crossed, no direction" not in legend  # the demo has none


def test_a_days_stacked_bar_is_the_regular_and_irregular_crossings_of_that_day(chart):
    values = chart.series_values()
    for i in range(len(values["days"])):
        crossed = values["crossed_regular"][i] + values["crossed_irregular"][i]
        assert values["crossed"][i] == crossed
    assert max(values["crossed"]) > 0
    assert "turned_back" not in chart.plot.bars  # never a bar on the crossings
    legend = [label.text for _sample, label in chart.plot.legend.items]
    others = [label.text for _sample, label in chart.plot.others_legend.items]
    assert legend[:2] == ["Crossed regularly", "Crossed irregularly"]
    assert others == ["Turned back (did not enter)", "Detained", "Assisted"]


def test_people_turned_back_are_their_own_series_not_a_crossing(qtbot, chart, ctx):
    day = -2  # 30 Nov, a whole day
    before = chart.series_values()
    site = _site(ctx.store, "Complejo Chacalluta")
    ctx.store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 11, 30, 9),
        period_end=lima(2025, 11, 30, 10),
        direction="into_peru",
        category="turned_back",
        count=14,
    )
    qtbot.waitUntil(
        lambda: chart.series_values()["turned_back"][day] == before["turned_back"][day] + 14,
        timeout=1000,
    )
    after = chart.series_values()
    assert after["crossed"][day] == before["crossed"][day]
    chart.set_grouping("direction")
    assert chart.series_values()["into_peru"][day] == before["crossed"][day] - (
        chart.series_values()["into_chile"][day] + chart.series_values()["none"][day]
    )
    x = wall_seconds(lima(2025, 11, 30, 15), "America/Lima")
    chart.plot.hovered.emit(x)
    text = chart.readout.text()
    assert "Not crossings:" in text and "Turned back (did not enter)" in text
    assert f"<b>{after['turned_back'][day]:,}</b>" in text


def test_legend_click_hides_a_series_and_restacks(chart):
    chart.hidden.add("crossed_regular")
    chart.refresh()
    values = chart.series_values()
    assert "crossed_regular" not in values
    assert chart.plot.bars["crossed_irregular"].opts["y0"][-2] == 0  # now at the bottom


def test_presets_and_free_zoom(chart):
    chart.apply_preset("7d")
    assert chart.day_range() == (date(2025, 11, 25), date(2025, 12, 1))
    assert chart.preset_buttons["7d"].isChecked() and not chart.preset_buttons["all"].isChecked()
    chart.apply_preset("decree")
    # On 1 Dec the extension (published 24 Jan) is not known: the chain ends on 27 Jan.
    assert chart.day_range() == (date(2025, 11, 29), date(2026, 1, 27))
    viewport = chart.plot.viewport()  # the operator turns the wheel over the plot
    at = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(
        at,
        viewport.mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    first, last = chart.day_range()
    assert (last - first).days < 110  # zoomed in
    assert not any(b.isChecked() for b in chart.preset_buttons.values())
    assert chart.preset is None


def test_the_preset_follows_the_clock(qtbot, chart, ctx):
    chart.apply_preset("7d")
    ctx.clock.set(lima(2025, 12, 5, 9))
    ctx.clock_signals.moved.emit()
    assert chart.day_range() == (date(2025, 11, 29), date(2025, 12, 5))
    assert chart.series_values()["days"][-1] == date(2025, 12, 5)


def test_marks_for_decrees_and_milestones(chart):
    shown = set(chart.plot.marks.shown())
    start = wall_seconds(lima(2025, 11, 29), "America/Lima")
    assert (start, "DS N° 135-2025-PCM in force") in shown
    assert any(text.startswith("Segunda vuelta") for _x, text in shown)


def test_date_axis_reads_post_time_whatever_the_machines_zone(chart, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        axis = chart.plot.axis
        x0, x1 = chart.plot.plot.vb.viewRange()[0]
        levels = axis.tickValues(x0, x1, axis.width() or 800)
        ticks = [v for _spacing, values in levels for v in values]
        labels = dict(zip(ticks, axis.tickStrings(ticks, 1, levels[0][0]), strict=True))
        noon_1_dec = wall_seconds(lima(2025, 12, 1, 12), "America/Lima")
        assert labels[noon_1_dec] == "1 Dec"
        assert labels[day_seconds(date(2025, 11, 20)) + 43_200] == "20"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_crosshair_readout_names_the_day_and_values(qtbot, chart):
    x = wall_seconds(lima(2025, 11, 30, 15), "America/Lima")
    chart.plot.hovered.emit(x)
    text = chart.readout.text().replace("\u2011", "-")  # hyphens that do not break
    assert "30 Nov 2025" in text and "Crossed regularly" in text and "7-day mean" in text
    chart.plot.hovered.emit(float("nan"))
    assert "1 Dec 2025" in chart.readout.text() and "(so far)" in chart.readout.text()


def test_export_png_at_print_resolution(chart, tmp_path):
    path = chart.export_png(tmp_path / "flows.png")
    image = QImage(str(path))
    assert image.width() >= 2400 and image.height() > 1000
    assert round(image.dotsPerMeterX() * 0.0254) == 300


def test_export_csv_has_the_days_on_screen(chart, tmp_path):
    chart.apply_preset("7d")
    assert chart.export_csv(tmp_path / "flows.csv") == 7
    lines = (tmp_path / "flows.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith(
        "date,crossed_regular,crossed_irregular,crossed_total,mean_7d,"
        "turned_back,detained,assisted,stranded,"
    )
    assert [line[:10] for line in lines[1:]] == [f"2025-11-{d}" for d in range(25, 31)] + [
        "2025-12-01"
    ]
    assert lines[-1].endswith(",no,all,America/Lima,yes")  # still running; illustrative


def test_a_plain_store_has_no_illustrative_flag(qtbot, store):
    context = make_ctx(store, lima(2025, 12, 2, 8))  # what is entered now is known at once
    site = store.add_site(name="Santa Rosa", kind="crossing", lat=-18.3, lon=-70.3)
    store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 7),
        period_end=lima(2025, 12, 1, 8),
        direction="into_peru",
        category="crossed_regular",
        count=5,
    )
    chart = build_chart(qtbot, context)
    assert chart.illustrative_flag == "" and chart.plot.flag.text == ""
    assert chart.series_values()["crossed_regular"] == [5, 0]
    assert not chart.preset_buttons["decree"].isEnabled()
    context.watcher.close()


def test_a_short_chart_folds_the_other_flows_into_the_readout(qtbot, chart):
    assert chart.plot.others_plot.isVisible()
    chart.resize(900, 220)  # a short dock on a small screen: the crossings keep the room
    qtbot.waitUntil(lambda: not chart.plot.others_plot.isVisible(), timeout=1000)
    assert "Not crossings:" in chart.readout.text()
    chart.resize(900, 500)
    qtbot.waitUntil(chart.plot.others_plot.isVisible, timeout=1000)
