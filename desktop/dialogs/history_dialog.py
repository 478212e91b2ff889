"""Every version of a record and any voiding of it (``store.history``), oldest first.

One dialog for every kind of record (counts, events, sites, decrees, milestones): who entered
each version, at which station, and what it said. Nothing is overwritten, so this is the audit.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.clock import wall_time
from db.store.records import Decree, Milestone, Observation, Record, Void
from db.store.site_lineage import site_names
from desktop.context import AppContext
from desktop.countdown_text import date_text
from desktop.record_text import describe_observation, describe_record


def describe(record: Record) -> str:
    """One line with the fields that matter, for the history and the manager."""
    if isinstance(record, Decree):
        start = record.starts_on.isoformat() if record.starts_on else "?"
        return f"{record.number} · {start} · {record.days} d · {record.zone}".rstrip(" ·")
    if isinstance(record, Milestone):
        when = wall_time(record.at, record.tz) if record.at else None
        shown = (when.date_text if record.all_day else when.text) if when else "?"
        return f"{record.title} · {shown} · {record.tz}"
    return record.id


RECORD_COLUMN, REAL_TIME_COLUMN = 4, 5


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        self.ctx = ctx
        entries = ctx.store.history(record_id)
        names = site_names(ctx.store)
        # Entries made under an exercise clock are reported at the exercise time ("When"); the
        # real time they were typed is the audit's other half.
        real = ctx.store.real_entry_times([e.id for e in entries])
        self.rows: list[tuple[str, str]] = []  # (action, record text): what the table shows
        self.table = QTableWidget(len(entries), 6, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Operator"),
                self.tr("Station"),
                self.tr("Action"),
                self.tr("Record"),
                self.tr("Real time of entry"),
            ]
        )
        self.table.setColumnHidden(REAL_TIME_COLUMN, not real)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        own = ctx.store.station_id
        for row, entry in enumerate(entries):
            station = ctx.store.station_name if entry.station == own else entry.station[:8]
            if isinstance(entry, Void):
                action = self.tr("Voided: {reason}").format(reason=entry.reason)
                detail = ""
            else:
                action = self.tr("Corrected") if entry.supersedes else self.tr("Entered")
                if ctx.store.is_current(entry.id):
                    action += " " + self.tr("(current)")
                if isinstance(entry, Observation):
                    detail = describe_observation(
                        entry, names.get(entry.site_id, "?"), ctx.tz, ctx.lang
                    )
                elif isinstance(entry, Decree | Milestone):
                    detail = describe(entry)
                else:
                    detail = describe_record(entry, names, ctx.tz, ctx.lang)
            when = self._when(entry.entered_at)
            typed = self._when(real[entry.id]) if entry.id in real else ""
            values = (when, entry.entered_by, station, action, detail, typed)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            self.rows.append((action, detail))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The record's text takes the room left, so the real time beside it stays in view.
        header.setSectionResizeMode(RECORD_COLUMN, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 320)

    def _when(self, instant: datetime) -> str:
        wall = wall_time(instant, self.ctx.tz)
        return f"{date_text(wall.local.date(), self.ctx.lang)} {wall.local.strftime('%H:%M:%S')}"
