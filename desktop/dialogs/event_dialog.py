"""New event here / correct an event: keyboard-first, validated beside each field.

Times are typed and shown in the post's zone (America/Lima) and stored in UTC; the default is
now on the app's clock (the exercise clock in an exercise). Leaving latitude and longitude
blank makes a log entry without a place (the shift's running log).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from db.clock import zone
from db.store.records import Event
from db.vocab import EVENT_KINDS, SEVERITIES
from desktop.context import AppContext
from desktop.dialogs.record_form import RecordForm, parse_number

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def fill_combo(combo: QComboBox, vocab: dict, lang: str, current: str) -> None:
    for code, term in vocab.items():
        combo.addItem(term.label(lang), code)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))


class EventDialog(RecordForm):
    def __init__(
        self,
        ctx: AppContext,
        *,
        lon: float | None = None,
        lat: float | None = None,
        event: Event | None = None,
        kind: str = "incident",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event = event
        self.setObjectName("eventDialog")
        if event is not None:
            self.setWindowTitle(self.tr("Correct event"))
        elif lat is None:
            self.setWindowTitle(self.tr("New log entry"))
        else:
            self.setWindowTitle(self.tr("New event here"))
        lang = ctx.lang
        self.kind = QComboBox()
        fill_combo(self.kind, EVENT_KINDS, lang, event.event_kind if event else kind)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.title_edit = QLineEdit(event.title if event else "")
        self.title_edit.setPlaceholderText(self.tr("What happened, in a few words"))
        self.add_field("title", self.tr("Title"), self.title_edit)
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat(DATETIME_FORMAT)
        self.when.setCalendarPopup(True)
        self._set_local(event.occurred_at if event and event.occurred_at else ctx.clock.now())
        self.add_field("occurred_at", self.tr("When ({tz})").format(tz=ctx.tz), self.when)
        self.people = QLineEdit("" if not event or event.people is None else str(event.people))
        self.people.setPlaceholderText(self.tr("number of people (optional)"))
        self.add_field("people", self.tr("People"), self.people)
        self.severity = QComboBox()
        fill_combo(self.severity, SEVERITIES, lang, event.severity if event else "info")
        self.add_field("severity", self.tr("Severity"), self.severity)
        self.note = QLineEdit(event.note if event else "")
        self.add_field("note", self.tr("Note"), self.note)
        self.source = QLineEdit(event.source if event else "")
        self.source.setPlaceholderText(self.tr("who reported it"))
        self.add_field("source", self.tr("Source"), self.source)
        if event is not None:
            lat, lon = event.lat, event.lon
        self.lat = QLineEdit("" if lat is None else f"{lat:.7f}")
        self.lon = QLineEdit("" if lon is None else f"{lon:.7f}")
        self.lat.setPlaceholderText(self.tr("decimal degrees, south negative"))
        self.lon.setPlaceholderText(self.tr("decimal degrees, west negative"))
        self.add_field("lat", self.tr("Latitude"), self.lat)
        self.add_field("lon", self.tr("Longitude"), self.lon)
        self.closed = QCheckBox(self.tr("Closed (no longer current)"))
        self.closed.setChecked(bool(event and event.closed))
        self.add_field("closed", "", self.closed)
        self.title_edit.setFocus()

    def _set_local(self, instant: datetime) -> None:
        local = instant.astimezone(zone(self.ctx.tz))
        self.when.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
        )

    def occurred_at(self) -> datetime:
        """The typed wall-clock time, read in the post's zone."""
        q = self.when.dateTime()
        d, t = q.date(), q.time()
        wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
        return self.wall_instant("occurred_at", wall, self.ctx.tz)

    def values(self) -> dict[str, Any]:
        people = self.people.text().strip()
        return {
            "kind": self.kind.currentData(),
            "title": self.title_edit.text(),
            "occurred_at": self.occurred_at(),
            "people": people or None,
            "severity": self.severity.currentData(),
            "note": self.note.text(),
            "source": self.source.text(),
            "lat": parse_number(self.lat.text()),
            "lon": parse_number(self.lon.text()),
            "closed": self.closed.isChecked(),
        }

    def save(self):
        store = self.ctx.store
        if self.event is not None:
            return store.correct(self.event.id, **self.values())
        return store.add_event(**self.values())
