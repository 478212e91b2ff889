"""The countdown panel and the exercise clock bar as an operator sees them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from db.clock import Clock
from desktop.context import AppContext
from desktop.panels.countdown.panel import CountdownPanel
from desktop.watcher import StoreWatcher
from desktop.window.clock_bar import ClockBar
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(demo, qtbot):
    watcher = StoreWatcher(demo)
    context = AppContext(demo, Clock(lima(2025, 12, 3, 12), frozen=True), watcher, lang="en")
    yield context
    watcher.close()


@pytest.fixture
def panel(ctx, qtbot):
    widget = CountdownPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    return widget


def reported_at(monkeypatch, instant):
    """What is entered from now on is reported at ``instant`` (on the exercise's timeline)."""
    monkeypatch.setattr("db.store.store.utc_now", lambda: instant)


def text(widget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_day_and_time_left_at_a_fixed_clock(panel):
    assert panel.ready
    assert text(panel, "countdownNumber") == "DS N° 135-2025-PCM"
    assert text(panel, "countdownDay") == "Day 5 of 60"
    assert text(panel, "countdownLeft") == "55 d 12 h 00 m 00 s"
    assert text(panel, "countdownState") == "IN FORCE"
    ends = text(panel, "countdownEnds")
    assert "Ends 28 Jan 2026 00:00 Lima (UTC−5)" in ends
    assert "02:00 Chile (UTC−3)" in ends
    assert "last day in force 27 Jan 2026" in ends
    # The extension is published on 24 Jan: on 3 Dec the chain is the one decree.
    assert not panel.findChild(QLabel, "countdownChainLinks").isVisible()
    assert not panel.findChild(QLabel, "countdownChainDay").isVisible()
    assert not panel.findChild(QLabel, "countdownGap").isVisible()
    panel.ctx.clock.set(lima(2026, 2, 1, 12))
    panel.ctx.clock_signals.moved.emit()
    chain = text(panel, "countdownChainLinks")
    assert "DS N° 013-2026-PCM" in chain and "chain ends 29 Mar 2026 00:00 Lima" in chain
    assert text(panel, "countdownDay") == "Day 5 of 60"
    assert text(panel, "countdownChainDay") == "day 65 of the state of emergency"


def test_next_three_milestones_with_their_own_countdowns(panel):
    badges = [text(panel, f"milestoneBadge_{i}") for i in (1, 2, 3)]
    titles = [text(panel, f"milestoneTitle_{i}") for i in (1, 2, 3)]
    # The meeting of 7 Jan is announced on 3 Jan: on 3 Dec the third is the inauguration.
    assert badges == ["D-6", "D-11", "D-98"]
    assert titles[1:] == ["Segunda vuelta en Chile", "Asunción de mando en Chile"]
    assert text(panel, "milestoneWhen_2") == "14 Dec 2025 (Chile)"
    assert text(panel, "milestoneLeft_2") == "10 d 10 h 00 m 00 s"  # to 00:00 in Chile


def test_stepping_the_exercise_clock_updates_the_countdown(ctx, panel, qtbot):
    bar = ClockBar(ctx)
    qtbot.addWidget(bar)
    assert bar.tag.isVisibleTo(bar) and "3 Dec 2025 12:00:00 Lima (UTC−5)" in bar.time.text()
    bar.fwd_day.trigger()
    assert text(panel, "countdownDay") == "Day 6 of 60"
    assert text(panel, "countdownLeft") == "54 d 12 h 00 m 00 s"
    bar.back_hour.trigger()
    assert text(panel, "countdownLeft") == "54 d 13 h 00 m 00 s"
    assert "4 Dec 2025 11:00:00" in bar.time.text()
    # The demo is an exercise database: it reopens on the clock the operator set.
    assert ctx.store.exercise_clock == lima(2025, 12, 4, 11)


def test_setting_the_clock_with_the_picker_and_returning_to_live(ctx, panel, qtbot):
    bar = ClockBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    bar.picker.setFocus()
    # What choosing a day in the calendar pop-up and typing the hour does:
    bar.picker.setDateTime(
        QDateTime(QDate(2026, 1, 27), QTime(23, 0), QTimeZone.utc())  # post wall time
    )
    with qtbot.waitSignal(ctx.clock_signals.moved, timeout=1000):
        qtbot.keyClick(bar.picker, Qt.Key.Key_Return)
    assert ctx.clock.now() == lima(2026, 1, 27, 23)
    # The extension was published on 24 Jan: the emergency goes on past this last day.
    assert text(panel, "countdownState") == "IN FORCE"
    assert text(panel, "countdownDay") == "Day 60 of 60"
    stored = ctx.store.exercise_clock
    bar.live_action.trigger()
    assert ctx.clock.live and not bar.tag.isVisibleTo(bar)
    assert not bar.live_action.isEnabled()
    assert ctx.store.exercise_clock == stored  # going live does not forget the exercise


def test_ticking_reads_the_clock_not_the_store(ctx, panel, qtbot):
    statements: list[str] = []
    ctx.store.conn.set_trace_callback(statements.append)
    try:
        with qtbot.waitSignal(panel.ticked, timeout=2000):
            pass  # the panel's own timer ticks
        ctx.clock.set(lima(2025, 12, 3, 12, 0, 1))
        panel.tick()
        assert text(panel, "countdownLeft") == "55 d 11 h 59 m 59 s"
        # Nothing more becomes known until the run-off's result, on the evening of 14 Dec.
        ctx.clock.set(lima(2025, 12, 14, 19))
        panel.tick()
        assert text(panel, "countdownDay") == "Day 16 of 60"
        assert statements == []
        # Ticking into the day the extension is published reads what became known.
        ctx.clock.set(lima(2026, 1, 28))
        panel.tick()
        assert (text(panel, "countdownNumber"), text(panel, "countdownDay")) == (
            "DS N° 013-2026-PCM",
            "Day 1 of 60",
        )
        assert text(panel, "countdownChainDay") == "day 61 of the state of emergency"
    finally:
        ctx.store.conn.set_trace_callback(None)
    assert statements


def test_state_words_for_warning_lapse_and_expiry(ctx, panel, monkeypatch):
    ctx.clock.set(lima(2026, 1, 22))
    ctx.clock_signals.moved.emit()
    assert text(panel, "countdownState") == "WARNING — 6 days left"
    ctx.clock.set(lima(2026, 1, 22, 12))
    panel.tick()
    # One rounding rule: the words count the "d" of the duration beside them.
    assert text(panel, "countdownState") == "WARNING — 5 days left"
    assert text(panel, "countdownLeft") == "5 d 12 h 00 m 00 s"
    reported_at(monkeypatch, lima(2026, 1, 22, 12))
    ext = next(d for d in ctx.store.decrees() if d.extends)
    ctx.store.correct(ext.id, starts_on="2026-01-30")  # the watcher refreshes the panel
    ctx.clock.set(lima(2026, 1, 29, 12))
    panel.tick()
    assert text(panel, "countdownState") == "LAPSED"
    assert text(panel, "countdownDay") == "Starts in"
    assert text(panel, "countdownLeft") == "0 d 12 h 00 m 00 s"
    gap = text(panel, "countdownGap")
    assert "Lapsed for 2 days between DS N° 135-2025-PCM and DS N° 013-2026-PCM" in gap
    ctx.clock.set(lima(2026, 4, 1))
    panel.tick()
    assert (text(panel, "countdownState"), text(panel, "countdownDay")) == ("EXPIRED", "Ended")


def test_several_chains_each_get_their_own_row(ctx, panel, monkeypatch):
    reported_at(monkeypatch, lima(2025, 12, 1, 9))
    ctx.store.add_decree(
        number="DS N° 140-2025-PCM",
        published_on="2025-12-01",
        starts_on="2025-12-02",
        days=30,
        zone="Desaguadero (Puno)",
    )
    assert text(panel, "countdownNumber") == "DS N° 140-2025-PCM"  # lapses first
    assert text(panel, "countdownDay") == "Day 2 of 30"
    assert text(panel, "countdownNumber_2") == "DS N° 135-2025-PCM"
    assert text(panel, "countdownDay_2") == "Day 5 of 60"
    assert panel.strip.timeline.rows == 2


def test_timeline_strip_draws_periods_milestones_and_now(panel):
    timeline = panel.strip.timeline
    assert [p.number for p in timeline.periods] == ["DS N° 135-2025-PCM"]  # as known on 3 Dec
    assert timeline.now == lima(2025, 12, 3, 12)
    assert len(timeline.marks) == 6  # the meeting of 7 Jan is not announced yet
    image = panel.strip.grab().toImage()
    assert image.width() > 600 and image.height() > 80
    # The "now" marker is drawn in its own red at the position db/ gives for now.
    x = round(panel.strip._x(timeline.fraction(timeline.now)))
    reds = [image.pixelColor(x + dx, y).name() for dx in (-1, 0, 1) for y in range(image.height())]
    assert "#d0021b" in reds


def test_empty_store_is_ready_and_says_so(store, qtbot):
    watcher = StoreWatcher(store)
    ctx = AppContext(store, Clock(lima(2025, 12, 3, 12), frozen=True), watcher, lang="en")
    panel = CountdownPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.ready
    assert panel.empty.isVisibleTo(panel)
    assert text(panel, "countdownNoMilestones") == "No milestones ahead"
    watcher.close()


def test_panel_actions_are_named(panel):
    names = [a.objectName() for a in panel.actions()]
    assert names == ["actionManageDecrees", "actionNewDecree", "actionNewMilestone"]


def test_step_back_a_day_from_the_handover(ctx, panel, qtbot):
    bar = ClockBar(ctx)
    qtbot.addWidget(bar)
    bar.set_clock(lima(2026, 1, 28, 0, 0, 0))
    assert text(panel, "countdownNumber") == "DS N° 013-2026-PCM"
    bar.step(timedelta(seconds=-1))
    assert (text(panel, "countdownNumber"), text(panel, "countdownLeft")) == (
        "DS N° 135-2025-PCM",
        "0 d 00 h 00 m 01 s",
    )


def test_clock_keyboard_shortcuts(ctx, panel, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ClockBar(ctx)
    toolbar = QToolBar(window)
    toolbar.addWidget(bar.widget())
    window.addToolBar(toolbar)
    window.setCentralWidget(QLabel("map"))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.centralWidget().setFocus()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert ctx.clock.now() == lima(2025, 12, 3, 13)
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right, shift_alt)
    assert text(panel, "countdownDay") == "Day 6 of 60"
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert ctx.clock.live


def test_an_exercise_reopens_on_the_clock_the_operator_set(ctx, demo_path, qtbot):
    import argparse

    from db.store.store import Store
    from desktop.opening import clock_for

    bar = ClockBar(ctx)
    qtbot.addWidget(bar)
    bar.set_clock(lima(2026, 1, 10, 9))
    again = Store.open(demo_path)
    try:
        clock = clock_for(again, argparse.Namespace(at=None))
        assert not clock.live and clock.anchor == lima(2026, 1, 10, 9)
    finally:
        again.close()


def test_the_big_figures_shrink_to_fit_a_narrow_panel_and_grow_back(panel, qtbot):
    number = panel.findChild(QLabel, "countdownNumber")
    full = number.font().pixelSize()

    def fits() -> bool:
        return number.sizeHint().width() <= number.parentWidget().width()

    panel.resize(330, 600)
    qtbot.waitUntil(lambda: panel.width() == 330)
    assert number.font().pixelSize() < full and fits()
    panel.resize(331, 600)  # a pixel more: the same fonts, nothing measured again
    qtbot.waitUntil(lambda: panel.width() == 331)
    assert fits()
    panel.resize(700, 600)
    qtbot.waitUntil(lambda: panel.width() == 700)
    assert number.font().pixelSize() == full


@pytest.fixture
def spanish(qtbot):
    from desktop import i18n

    i18n.install("es")
    yield
    i18n.uninstall()


def _badge_colour(panel) -> str:
    label = panel.findChild(QLabel, "countdownState")
    return label.styleSheet()


def test_the_last_day_is_not_critical_once_the_extension_is_published(demo, qtbot, spanish):
    watcher = StoreWatcher(demo)
    ctx = AppContext(demo, Clock(lima(2026, 1, 27, 20), frozen=True), watcher, lang="es")
    widget = CountdownPanel(ctx)
    qtbot.addWidget(widget)
    try:
        assert text(widget, "countdownDay") == "Día 60 de 60"
        assert text(widget, "countdownState") == "VIGENTE"
        assert "#c62828" not in _badge_colour(widget)  # not red
        assert text(widget, "countdownChainDay") == "día 60 del estado de emergencia"
        # Before 24 Jan no extension is published: the last days are a warning, then critical.
        ctx.clock.set(lima(2026, 1, 23, 20))
        ctx.clock_signals.moved.emit()
        assert text(widget, "countdownState") == "ALERTA — quedan 4 días"
        assert text(widget, "countdownLeft") == "4 d 04 h 00 m 00 s"  # the same 4 days
        assert not widget.findChild(QLabel, "countdownChainDay").isVisible()
    finally:
        watcher.close()


def test_without_a_published_extension_the_last_day_is_critical(demo, qtbot, spanish, monkeypatch):
    reported_at(monkeypatch, lima(2026, 1, 20))
    extension = next(d for d in demo.decrees() if d.extends)
    demo.correct(extension.id, published_on="2026-01-28")  # published on its first day
    watcher = StoreWatcher(demo)
    ctx = AppContext(demo, Clock(lima(2026, 1, 27, 20), frozen=True), watcher, lang="es")
    widget = CountdownPanel(ctx)
    qtbot.addWidget(widget)
    try:
        assert text(widget, "countdownState") == "CRÍTICO — último día"
        assert "#c62828" in _badge_colour(widget)
        assert text(widget, "countdownLeft") == "0 d 04 h 00 m 00 s"
        ctx.clock.set(lima(2026, 1, 26, 12))
        ctx.clock_signals.moved.emit()
        assert text(widget, "countdownState") == "CRÍTICO — queda 1 día"
    finally:
        watcher.close()


def test_the_run_off_result_shows_once_reported(ctx, panel):
    ctx.clock.set(lima(2025, 12, 14, 19))
    ctx.clock_signals.moved.emit()
    assert text(panel, "milestoneTitle_1") == "Segunda vuelta en Chile"
    assert "Kast" not in text(panel, "milestoneWhen_1")
    ctx.clock.set(lima(2025, 12, 14, 19, 30))  # 21:30 in Chile: the result is reported
    panel.tick()
    assert text(panel, "milestoneWhen_1") == (
        "14 Dec 2025 (Chile) · Outcome: Kast 58.17 %, Jara 41.83 % (Servel, preliminar)"
    )
