"""The selected marker's record, with what an operator may do to it.

An event can be corrected (the form, prefilled; the old version stays in history) or voided (with
a reason); a site can be corrected, moved (drag it on the map) or retired (voided with a reason:
kept in history, off the map).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.geo import projection as geo
from db.store.records import Event, Record, Site
from db.vocab import COUNTRIES, EVENT_KINDS, SEVERITIES, SITE_KINDS
from desktop.context import AppContext
from desktop.formatting import fmt_datetime


class RecordCard(QFrame):
    correctRequested = Signal(str)
    voidRequested = Signal(str)
    closeRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("recordCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.record: Record | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.heading = QLabel()
        self.heading.setObjectName("recordHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.details = QLabel()
        self.details.setObjectName("recordDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("correctRecord")
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName("voidRecord")
        self.close_button = QPushButton(self.tr("Close"))
        self.correct_button.clicked.connect(
            lambda: self.record and self.correctRequested.emit(self.record.id)
        )
        self.void_button.clicked.connect(
            lambda: self.record and self.voidRequested.emit(self.record.id)
        )
        self.close_button.clicked.connect(self.closeRequested)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.void_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.hide()

    def show_record(self, record: Record | None) -> None:
        self.record = record
        if record is None:
            self.hide()
            return
        if isinstance(record, Event):
            self._event(record)
            self.void_button.setText(self.tr("Void…"))
        elif isinstance(record, Site):
            self._site(record)
            self.void_button.setText(self.tr("Retire site…"))
        versions = len([v for v in self.ctx.store.history(record.id) if isinstance(v, Record)])
        entered = fmt_datetime(record.entered_at, self.ctx.tz, self.ctx.lang)
        line = self.tr("Entered {when} by {who}; version {n}").format(
            when=entered, who=record.entered_by, n=versions
        )
        real = self.ctx.store.real_entry_times([record.id]).get(record.id)
        if real is not None:  # entered under an exercise clock: the audit's real time too
            line += " " + self.tr("(real time of entry: {when})").format(
                when=fmt_datetime(real, self.ctx.tz, self.ctx.lang)
            )
        self.details.setText(
            self.details.text() + "<br><span style='color:#6e7781'>" + escape(line) + "</span>"
        )
        self.show()

    def _event(self, e: Event) -> None:
        lang = self.ctx.lang
        kind = (
            EVENT_KINDS[e.event_kind].label(lang) if e.event_kind in EVENT_KINDS else e.event_kind
        )
        state = self.tr(" (closed)") if e.closed else ""
        self.heading.setText(f"<b>{escape(e.title)}</b>{escape(state)}<br>{escape(kind)}")
        rows = [
            (self.tr("When"), fmt_datetime(e.occurred_at, self.ctx.tz, lang)),
            (self.tr("People"), "—" if e.people is None else f"{e.people:,}"),
            (
                self.tr("Severity"),
                SEVERITIES[e.severity].label(lang) if e.severity in SEVERITIES else e.severity,
            ),
        ]
        if e.located:
            rows.append((self.tr("Position"), position_text(e.lon, e.lat)))
        else:
            rows.append((self.tr("Position"), self.tr("none (log entry)")))
        rows += [(self.tr("Source"), e.source or "—"), (self.tr("Note"), e.note or "—")]
        self.details.setText(_table(rows))

    def _site(self, s: Site) -> None:
        lang = self.ctx.lang
        kind = SITE_KINDS[s.site_kind].label(lang) if s.site_kind in SITE_KINDS else s.site_kind
        self.heading.setText(
            f"<b>{escape(s.name)}</b><br>{escape(kind)}, {escape(COUNTRIES.get(s.country, s.country))}"
        )
        approx = self.tr(" (approximate)") if s.approximate else ""
        rows = [
            (self.tr("Position"), position_text(s.lon, s.lat) + approx),
            (self.tr("Source"), s.source or "—"),
            (self.tr("Note"), s.note or "—"),
            (self.tr("Move"), self.tr("drag the site on the map")),
        ]
        self.details.setText(_table(rows))


def position_text(lon: float, lat: float) -> str:
    """Decimal degrees, DMS and the UTM 19 S grid reference the post quotes."""
    return (
        f"{lat:.5f}, {lon:.5f} · {geo.format_dms(lat, lon)} · {geo.format_utm(lon, lat, zone=19)}"
    )


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#6e7781;padding-right:8px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing=0 cellpadding=1>{cells}</table>"
