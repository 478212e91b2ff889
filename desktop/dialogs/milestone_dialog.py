"""Enter or correct a milestone: title, kind, an instant in the zone it was announced in (or a
whole day), source. The run-off is a Chilean event: its time is entered in Chile's zone.

Its outcome (the run-off's result) and who reported it are fields of their own, entered as a
correction once known: the correction's report time is when the post learnt it
(docs/architecture.md §4), so the result never shows as of an earlier time."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from db.clock import CHILE_TZ, local_midnight, wall_time
from db.store.records import Milestone
from db.vocab import MILESTONE_KINDS
from desktop.context import AppContext
from desktop.countdown_text import zone_label
from desktop.dialogs.record_form import RecordForm

ZONES = ("America/Lima", CHILE_TZ, "UTC")
INSTANT_FORMAT = "yyyy-MM-dd HH:mm"
DAY_FORMAT = "yyyy-MM-dd"


class MilestoneDialog(RecordForm):
    """New milestone (``record`` None) or a correction of ``record``."""

    def __init__(
        self, ctx: AppContext, record: Milestone | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(
            self.tr("New milestone") if record is None else self.tr("Correct milestone")
        )
        self.setObjectName("milestoneDialog")
        self.record = record
        self.saved: Milestone | None = None
        self.title_edit = self.add_field("title", self.tr("&Title"), QLineEdit())
        self.kind = QComboBox()
        for code, term in MILESTONE_KINDS.items():
            self.kind.addItem(term.label(ctx.lang), code)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.all_day = QCheckBox(self.tr("the whole day (no time)"))
        self.add_field("all_day", self.tr("&All day"), self.all_day)
        # Wall time in the chosen zone; UTC as the widget's spec keeps the machine's own DST
        # out of it. db.clock.parse_local turns it into the instant.
        self.when = QDateTimeEdit()
        self.when.setTimeZone(QTimeZone.utc())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(INSTANT_FORMAT)
        self.add_field("at", self.tr("&When"), self.when)
        self.zone = QComboBox()
        for tz in ZONES:
            self.zone.addItem(f"{zone_label(tz)} ({tz})" if tz != "UTC" else "UTC", tz)
        self.add_field("tz", self.tr("&In the time of"), self.zone)
        self.source = self.add_field("source", self.tr("S&ource"), QLineEdit())
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("what came of it, once reported (e.g. a result)"))
        self.add_field("outcome", self.tr("Out&come"), self.outcome)
        self.outcome_source = QLineEdit()
        self.add_field("outcome_source", self.tr("Outcome sou&rce"), self.outcome_source)
        self.finish_tab_order()
        self.all_day.toggled.connect(self._all_day_toggled)
        if record is None:
            self.zone.setCurrentIndex(max(0, self.zone.findData(ctx.tz)))
            next_hour = ctx.clock.now().replace(minute=0, second=0, microsecond=0)
            self._set_when(next_hour + timedelta(hours=1), ctx.tz)
            self.kind.setCurrentIndex(max(0, self.kind.findData("other")))
        else:
            self._fill(record)
        self.title_edit.setFocus()
        self.resize(520, self.sizeHint().height())

    def _set_when(self, instant: datetime, tz: str) -> None:
        local = wall_time(instant, tz).local
        self.when.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone.utc(),
            )
        )

    def _fill(self, m: Milestone) -> None:
        self.title_edit.setText(m.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(m.milestone_kind)))
        self.zone.setCurrentIndex(max(0, self.zone.findData(m.tz)))
        if m.at is not None:
            self._set_when(m.at, m.tz)
        self.all_day.setChecked(m.all_day)
        self.source.setText(m.source)
        self.outcome.setText(m.outcome)
        self.outcome_source.setText(m.outcome_source)

    def _all_day_toggled(self, on: bool) -> None:
        self.when.setDisplayFormat(DAY_FORMAT if on else INSTANT_FORMAT)

    def values(self) -> dict:
        value = self.when.dateTime()
        d, t = value.date(), value.time()
        tz = self.zone.currentData()
        if self.all_day.isChecked():
            # The day's first instant: a midnight the clocks skip still begins that day.
            at = local_midnight(date(d.year(), d.month(), d.day()), tz)
        else:
            at = self.wall_instant(
                "at", datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), tz
            )
        return {
            "title": self.title_edit.text(),
            "kind": self.kind.currentData(),
            "at": at,
            "tz": tz,
            "all_day": self.all_day.isChecked(),
            "source": self.source.text(),
            "outcome": self.outcome.text(),
            "outcome_source": self.outcome_source.text(),
        }

    def save(self) -> None:
        values = self.values()
        store = self.ctx.store
        if self.record is None:
            self.saved = store.add_milestone(**values)
            return
        m = self.record
        before = (
            m.title,
            m.milestone_kind,
            m.at,
            m.tz,
            m.all_day,
            m.source,
            m.outcome,
            m.outcome_source,
        )
        after = tuple(
            values[k]
            for k in ("title", "kind", "at", "tz", "all_day", "source", "outcome", "outcome_source")
        )
        if before != after:
            self.saved = store.correct(m.id, **values)  # type: ignore[assignment]
