"""Exercise clock controls for the main window's toolbar (docs/architecture.md §4 "Exercise clock").

Shows the app's clock in post time (with an EXERCISE tag whenever it is not live), and lets an
operator set it (date/time picker), step it (±1 h, ±1 day) and return to live time. Every move
changes ``ctx.clock`` and emits ``ctx.clock_signals.moved``; on an exercise database the new
clock is also stored (meta ``exercise_clock``) so the exercise reopens where it was left.
Returning to live time leaves the stored exercise clock as it was.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer, QTimeZone
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
)

from db.clock import InstantError, parse_local, to_iso, wall_time
from desktop import problem_text
from desktop.context import AppContext
from desktop.countdown_text import STATE_COLOURS, date_text, zone_label

TICK_MS = 1000
PICKER_FORMAT = "yyyy-MM-dd HH:mm"


class ClockBar(QWidget):
    """The clock, the EXERCISE tag, a picker, ±1 h / ±1 day and Live (all keyboard-reachable)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockBar")
        self.ctx = ctx
        self._tz = ctx.tz
        self._exercise_db = ctx.store.exercise_clock is not None

        self.tag = QLabel(self.tr("EXERCISE"), self)
        self.tag.setObjectName("clockExercise")
        background, foreground = STATE_COLOURS["critical"]
        self.tag.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; font-weight: bold; "
            f"border-radius: 3px; padding: 1px 8px; }}"
        )
        self.tag.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.time = QLabel(self)
        self.time.setObjectName("clockTime")
        font = self.time.font()
        font.setBold(True)
        self.time.setFont(font)
        self.picker = QDateTimeEdit(self)
        self.picker.setObjectName("clockPicker")
        # The picker holds post wall time; UTC as its spec keeps Qt from applying any DST of
        # the machine's own zone. db.clock.parse_local turns it into the real instant.
        self.picker.setTimeZone(QTimeZone.utc())
        self.picker.setDisplayFormat(PICKER_FORMAT)
        self.picker.setCalendarPopup(True)
        self.picker.setToolTip(self.tr("Exercise clock: type a time and press Enter"))
        self.picker.installEventFilter(self)

        self.set_action = self._action("Set", self.tr("Set"), "Ctrl+Shift+T", self.set_from_picker)
        self.set_action.setToolTip(self.tr("Set the clock to the time in the picker"))
        self.back_day = self._action(
            "BackDay", self.tr("−1 day"), "Alt+Shift+Left", lambda: self.step(timedelta(days=-1))
        )
        self.back_hour = self._action(
            "BackHour", self.tr("−1 h"), "Alt+Left", lambda: self.step(timedelta(hours=-1))
        )
        self.fwd_hour = self._action(
            "ForwardHour", self.tr("+1 h"), "Alt+Right", lambda: self.step(timedelta(hours=1))
        )
        self.fwd_day = self._action(
            "ForwardDay", self.tr("+1 day"), "Alt+Shift+Right", lambda: self.step(timedelta(days=1))
        )
        self.live_action = self._action("Live", self.tr("Live"), "Alt+Home", self.go_live)
        self.live_action.setToolTip(self.tr("Return to live time"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.tag)
        layout.addWidget(self.time)
        layout.addSpacing(8)
        layout.addWidget(self.picker)
        for action in self.actions():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(action.objectName().replace("action", "button"))
            layout.addWidget(button)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self.show_clock)
        self._timer.start(TICK_MS)
        ctx.clock_signals.moved.connect(self._moved)
        ctx.watcher.changed.connect(self._store_changed)
        self._moved()

    def _action(self, name: str, text: str, shortcut: str, slot) -> QAction:
        # QAction(text, parent) would make PySide6 build the Python types of QIcon and QPixmap
        # to rule out its icon overload: 2 ms of the first paint (docs/architecture.md §12).
        action = QAction(self)
        action.setText(text)
        action.setObjectName(f"actionClock{name}")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def widget(self) -> QWidget:
        """What the main window puts in its toolbar."""
        return self

    # -- moving the clock ----------------------------------------------------------------
    def set_clock(self, instant: datetime | None) -> None:
        """Move the app's clock (None: live time) and tell every panel."""
        self.ctx.clock.set(instant)
        if instant is not None and self._exercise_db:
            self.ctx.store.set_meta(exercise_clock=to_iso(instant))
        self.ctx.clock_signals.moved.emit()

    def step(self, delta: timedelta) -> None:
        self.set_clock(self.ctx.clock.now() + delta)

    def go_live(self) -> None:
        self.set_clock(None)

    def set_from_picker(self) -> None:
        value = self.picker.dateTime()
        d, t = value.date(), value.time()
        wall = f"{d.year():04d}-{d.month():02d}-{d.day():02d}T{t.hour():02d}:{t.minute():02d}"
        try:
            instant = parse_local(wall, self._tz, "clock")
        except InstantError as exc:
            # A time the post's zone skips or shows twice: say so where it was typed and leave
            # the clock where it is (guessing would run the exercise an hour off).
            text = problem_text.problem_text(exc.problem)
            self.picker.setToolTip(text)
            QToolTip.showText(self.picker.mapToGlobal(self.picker.rect().bottomLeft()), text)
            return
        self.picker.setToolTip(self.tr("Exercise clock: type a time and press Enter"))
        self.set_clock(instant)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.picker
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.set_from_picker()
            return True
        return super().eventFilter(watched, event)

    # -- showing it ----------------------------------------------------------------------
    def _store_changed(self) -> None:
        # Read here, not on every tick: the clock's display never queries the store.
        self._tz = self.ctx.store.timezone
        self._exercise_db = self.ctx.store.exercise_clock is not None
        self.show_clock()

    def _moved(self) -> None:
        self.show_clock()
        if not self.picker.hasFocus():
            local = wall_time(self.ctx.clock.now(), self._tz).local
            self.picker.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day),
                    QTime(local.hour, local.minute),
                    QTimeZone.utc(),
                )
            )

    def show_clock(self) -> None:
        """The clock in post time, e.g. ``1 Dec 2025 08:00:05 Lima (UTC−5)`` (no store access)."""
        wall = wall_time(self.ctx.clock.now(), self._tz)
        self.time.setText(
            self.tr("{day} {time} {zone} ({offset})").format(
                day=date_text(wall.local.date(), self.ctx.lang),
                time=wall.local.strftime("%H:%M:%S"),
                zone=zone_label(self._tz),
                offset=wall.offset,
            )
        )
        exercise = not self.ctx.clock.live
        self.tag.setVisible(exercise)
        self.live_action.setEnabled(exercise)
        self.time.setToolTip(
            self.tr("Exercise clock: not live time") if exercise else self.tr("Live time")
        )
