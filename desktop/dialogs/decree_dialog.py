"""Enter or correct a decree: number, title, authority, zone, published, start, days, extends,
source. The store checks every rule (days 1–365, start on or after publication, no extension of
a voided decree, number unique within its chain) and its messages show beside the fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QWidget

from db.clock import local_date
from db.decrees.countdown import extension_start, last_day
from db.store.records import Decree
from desktop.context import AppContext
from desktop.dialogs.record_form import RecordForm

DEFAULT_DAYS = 60  # Peru's states of emergency are usually declared for 60 days
DAYS_FIELD_MAX = 999  # the spin box lets the store's own 1–365 rule speak
DATE_FORMAT = "yyyy-MM-dd"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> str:
    return f"{value.year():04d}-{value.month():02d}-{value.day():02d}"


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class DecreeDialog(RecordForm):
    """New decree (``record`` None) or a correction of ``record``."""

    def __init__(
        self, ctx: AppContext, record: Decree | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New decree") if record is None else self.tr("Correct decree"))
        self.setObjectName("decreeDialog")
        self.record = record
        self.saved: Decree | None = None
        self.number = self.add_field(
            "number", self.tr("&Number"), QLineEdit(), self.tr("as the official text writes it")
        )
        self.number.setPlaceholderText("DS N° 135-2025-PCM")
        self.title_edit = self.add_field("title", self.tr("&Title"), QLineEdit())
        self.authority = self.add_field("authority", self.tr("&Authority"), QLineEdit())
        self.zone = self.add_field("zone", self.tr("&Zone (districts)"), QLineEdit())
        self.published = self.add_field("published_on", self.tr("&Published on"), date_edit())
        self.starts = self.add_field(
            "starts_on", self.tr("&Starts on"), date_edit(), self.tr("in force from 00:00 Lima")
        )
        self.days = QSpinBox()
        self.days.setRange(0, DAYS_FIELD_MAX)
        self.days.setSuffix(self.tr(" days"))
        self.add_field("days", self.tr("&Days"), self.days)
        self.extends = QComboBox()
        self.add_field("extends", self.tr("E&xtends"), self.extends)
        self.source = self.add_field("source", self.tr("S&ource"), QLineEdit())
        self.finish_tab_order()

        self._decrees = {d.id: d for d in ctx.store.decrees()}
        self.extends.addItem(self.tr("— none: a new emergency —"), None)
        for d in self._decrees.values():
            if record is not None and d.id == record.id:
                continue
            span = f"{d.starts_on.isoformat() if d.starts_on else '?'} – {last_day(d).isoformat()}"
            self.extends.addItem(f"{d.number}  ({span})", d.id)
        if record is None:
            today = local_date(ctx.clock.now(), ctx.tz)
            self.published.setDate(qdate(today))
            self.starts.setDate(qdate(today))
            self.days.setValue(DEFAULT_DAYS)
            self.extends.currentIndexChanged.connect(self._extension_chosen)
        else:
            self._fill(record)
        self.number.setFocus()
        self.resize(560, self.sizeHint().height())

    def _fill(self, d: Decree) -> None:
        self.number.setText(d.number)
        self.title_edit.setText(d.title)
        self.authority.setText(d.authority)
        self.zone.setText(d.zone)
        if d.published_on:
            self.published.setDate(qdate(d.published_on))
        if d.starts_on:
            self.starts.setDate(qdate(d.starts_on))
        self.days.setValue(d.days)
        index = self.extends.findData(d.extends)
        self.extends.setCurrentIndex(max(0, index))
        self.source.setText(d.source)

    def _extension_chosen(self) -> None:
        # An extension usually runs on from the day after the last day, for as long again.
        parent = self._decrees.get(self.extends.currentData())
        if parent is None:
            return
        self.starts.setDate(qdate(extension_start(parent)))
        self.days.setValue(parent.days)
        for edit, value in ((self.authority, parent.authority), (self.zone, parent.zone)):
            if not edit.text().strip():
                edit.setText(value)

    def values(self) -> dict:
        return {
            "number": self.number.text(),
            "title": self.title_edit.text(),
            "authority": self.authority.text(),
            "zone": self.zone.text(),
            "published_on": pydate(self.published.date()),
            "starts_on": pydate(self.starts.date()),
            "days": self.days.value(),
            "extends": self.extends.currentData(),
            "source": self.source.text(),
        }

    def _unchanged(self, values: dict) -> bool:
        d = self.record
        assert d is not None
        before = {
            "number": d.number,
            "title": d.title,
            "authority": d.authority,
            "zone": d.zone,
            "published_on": d.published_on.isoformat() if d.published_on else None,
            "starts_on": d.starts_on.isoformat() if d.starts_on else None,
            "days": d.days,
            "extends": d.extends,
            "source": d.source,
        }
        return all(str(values[k]).strip() == str(before[k]).strip() for k in values)

    def save(self) -> None:
        values = self.values()
        store = self.ctx.store
        if self.record is None:
            self.saved = store.add_decree(**values)
        elif not self._unchanged(values):  # nothing to record: no new version
            self.saved = store.correct(self.record.id, **values)  # type: ignore[assignment]
