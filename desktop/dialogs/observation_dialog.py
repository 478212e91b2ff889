"""Enter counts fast, from the keyboard alone; or correct one.

New counts: the form starts from the operator's last entry (site, source, category, direction,
period length) and post time now rounded down to the hour (``db.flows.entry_defaults``). Enter
saves and clears the count for the next one (site, source, category and period stay); Esc
closes. A flow category asks for a period (from, to); a stock category ("stranded") asks for
one instant, and the form changes with the category. Problems show beside their fields.

Correction: the form opens filled with the record; Enter writes a corrected version
(``store.correct``) and closes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QLineEdit, QWidget

from db.clock import zone
from db.errors import InvalidRecord, SituationRoomError
from db.flows.entry_defaults import is_stock, observation_defaults
from db.store.records import Observation
from db.store.site_lineage import site_lineage
from db.vocab import CATEGORIES, DIRECTIONS
from desktop.context import AppContext
from desktop.dialogs.event_dialog import fill_combo
from desktop.dialogs.record_form import RecordForm
from desktop.formatting import fmt_int

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
BREAKDOWNS = ("adults", "children", "unaccompanied")
MIN_WIDTH_PX = 480


class ObservationDialog(RecordForm):
    """``saved_one(record)`` fires for each count written while the form stays open."""

    saved_one = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        observation: Observation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.observation = observation
        self.saved_count = 0
        self.setObjectName("observationDialog")
        correcting = observation is not None
        self.setWindowTitle(self.tr("Correct count") if correcting else self.tr("New counts"))
        defaults = observation_defaults(ctx.store, ctx.store.operator, ctx.clock.now())
        lang = ctx.lang

        self.site = QComboBox()
        lineage = site_lineage(ctx.store)
        for site in ctx.store.sites():
            self.site.addItem(site.name, site.id)
        wanted = lineage.get(observation.site_id) if correcting else defaults.site_id
        self.site.setCurrentIndex(max(0, self.site.findData(wanted)))
        self.add_field("site_id", self.tr("Site"), self.site)

        self.category = QComboBox()
        fill_combo(
            self.category,
            CATEGORIES,
            lang,
            observation.category if correcting else defaults.category,
        )
        self.add_field("category", self.tr("Category"), self.category)

        self.count = QLineEdit(str(observation.count) if correcting else "")
        self.count.setPlaceholderText(self.tr("people"))
        self.add_field("count", self.tr("Count"), self.count)

        self.direction = QComboBox()
        fill_combo(
            self.direction,
            DIRECTIONS,
            lang,
            observation.direction if correcting else defaults.direction,
        )
        self.add_field("direction", self.tr("Direction"), self.direction)

        tz = ctx.tz
        self.start = self._time_edit()
        self.end = self._time_edit()
        self.at = self._time_edit()
        if correcting:
            self._set_local(self.start, observation.period_start)
            self._set_local(self.end, observation.period_end)
            self._set_local(self.at, observation.period_start)
        else:
            self._set_local(self.start, defaults.period_start)
            self._set_local(self.end, defaults.period_end)
            self._set_local(self.at, defaults.at)
        self.add_field("period_start", self.tr("From ({tz})").format(tz=tz), self.start)
        self.add_field("period_end", self.tr("To ({tz})").format(tz=tz), self.end)
        self.add_field("at", self.tr("At ({tz})").format(tz=tz), self.at)

        self.source = QLineEdit(observation.source if correcting else defaults.source)
        self.source.setPlaceholderText(self.tr("who counted: police, migration office, IOM…"))
        self.add_field("source", self.tr("Source"), self.source)
        self.note = QLineEdit(observation.note if correcting else "")
        self.add_field("note", self.tr("Note"), self.note)

        heading = QLabel(self.tr("Breakdown (optional; parts may not exceed the count)"))
        heading.setObjectName("breakdownHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.form.addRow(heading)
        self.nationality = QLineEdit(observation.nationality if correcting else "")
        self.nationality.setPlaceholderText(self.tr("optional"))
        self.add_field("nationality", self.tr("Nationality"), self.nationality)
        self.parts: dict[str, QLineEdit] = {}
        part_labels = {
            "adults": self.tr("Adults"),
            "children": self.tr("Children"),
            "unaccompanied": self.tr("Unaccompanied children"),
        }
        for part in BREAKDOWNS:
            value = getattr(observation, part) if correcting else None
            edit = QLineEdit("" if value is None else str(value))
            edit.setPlaceholderText(self.tr("optional"))
            self.parts[part] = edit
            self.add_field(part, part_labels[part], edit)

        self.status = QLabel()
        self.status.setObjectName("observationStatus")
        self.status.setWordWrap(True)
        self._layout.insertWidget(self._layout.count() - 1, self.status)
        if not correcting:
            self.save_button.setText(self.tr("Save and next"))
            self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Close"))
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.category.currentIndexChanged.connect(self._category_changed)
        self._category_changed()
        self.count.setFocus()

    # -- widgets -------------------------------------------------------------------------
    def _time_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setTimeZone(QTimeZone.utc())
        edit.setDisplayFormat(DATETIME_FORMAT)
        edit.setCalendarPopup(True)
        return edit

    def _set_local(self, edit: QDateTimeEdit, instant: datetime | None) -> None:
        if instant is None:
            return
        local = instant.astimezone(zone(self.ctx.tz))
        # Wall-clock post time held as UTC: the machine's own zone (and its daylight-saving
        # gaps) never touches the time the operator reads and types.
        edit.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone.utc(),
            )
        )

    def _instant(self, name: str) -> datetime:
        """The wall-clock time typed in field ``name``, read in the post's zone."""
        q = self.fields[name].dateTime()  # type: ignore[attr-defined]
        d, t = q.date(), q.time()
        wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return self.wall_instant(name, wall, self.ctx.tz)

    @property
    def stock(self) -> bool:
        return is_stock(self.category.currentData())

    def _category_changed(self, *_args) -> None:
        """A stock is counted at one instant; a flow over a period: show the fields that apply."""
        stock = self.stock
        for name, visible in (
            ("period_start", not stock),
            ("period_end", not stock),
            ("at", stock),
        ):
            self.form.setRowVisible(self.fields[name].parentWidget(), visible)
        self.form.setRowVisible(self.fields["direction"].parentWidget(), not stock)
        self.adjustSize()

    # -- values --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "site_id": self.site.currentData() or "",
            "category": self.category.currentData(),
            "count": "".join(
                self.count.text().split()
            ),  # "1 234" is 1234; anything else is checked
            "source": self.source.text(),
            "note": self.note.text(),
            "nationality": self.nationality.text(),
        }
        for part, edit in self.parts.items():
            values[part] = "".join(edit.text().split()) or None
        if self.stock:
            values.update(direction="none", period_start=self._instant("at"), period_end=None)
        else:
            values.update(
                direction=self.direction.currentData(),
                period_start=self._instant("period_start"),
                period_end=self._instant("period_end"),
            )
        return values

    def save(self):
        store = self.ctx.store
        if self.observation is not None:
            return store.correct(self.observation.id, **self.values())
        return store.add_observation(**self.values())

    def show_problems(self, exc: InvalidRecord) -> None:
        if self.stock:  # the instant of a stock is stored as its period start
            renamed = [
                replace(p, field="at") if p.field in ("period_start", "period_end") else p
                for p in exc.problems
            ]
            exc = InvalidRecord(renamed, exc.where)
        super().show_problems(exc)

    def accept(self) -> None:
        if self.observation is not None:
            super().accept()  # a correction is one record: write it and close
            return
        try:
            record = self.save()
        except InvalidRecord as exc:
            self.show_problems(exc)
            return
        except SituationRoomError as exc:
            self.clear_errors()
            self.show_error(str(exc))
            return
        self.saved = record
        self._next(record)

    def _next(self, record: Observation) -> None:
        """Clear what changes from one count to the next; keep site, source, category, period."""
        self.saved_count += 1
        self.clear_errors()
        for edit in (self.count, self.note, self.nationality, *self.parts.values()):
            edit.clear()
        term = CATEGORIES.get(record.category)
        self.status.setText(
            self.tr("Saved: {count} {category} at {site}. {n} saved in this form.").format(
                count=fmt_int(record.count, self.ctx.lang),
                category=term.label(self.ctx.lang) if term else record.category,
                site=self.site.currentText(),
                n=self.saved_count,
            )
        )
        self.saved_one.emit(record)
        self.count.setFocus(Qt.FocusReason.OtherFocusReason)
