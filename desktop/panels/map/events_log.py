"""The events log beside the map: the shift's running log, newest first.

It lists every event the post knew at the clock's time (docs/architecture.md §4) of the chosen
period and kind, including entries without a place (a radio call, a decision); selecting an
entry that has a place centres the map on it. "New log entry" opens the event form with no
coordinates. The search box (Ctrl+F) keeps the entries whose title, note or source hold the
words typed.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.clock import zone
from db.geo.layers import LogEntry, log_entries
from db.vocab import EVENT_KINDS
from desktop.context import AppContext
from desktop.panels.map.layer_list import event_icon
from desktop.panels.search_box import NoMatchesNote, SearchField


class EventLogModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.headers = headers
        self.rows: list[LogEntry] = []
        self._icons = {code: event_icon(code, 5.5) for code in EVENT_KINDS}

    def set_rows(self, rows: list[LogEntry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._zone = zone(self.ctx.tz)  # read once: ctx.tz asks the store
        self.endResetModel()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        event = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                local = event.occurred_at.astimezone(self._zone)
                return local.strftime("%d/%m %H:%M")
            if col == 1:
                term = EVENT_KINDS.get(event.kind)
                return term.label(self.ctx.lang) if term else event.kind
            if col == 2:
                return event.title
            if col == 3:
                return "" if event.people is None else f"{event.people:,}"
            if col == 4:
                return "●" if event.located else "—"
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return self._icons.get(event.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return event.note or event.title
        if role == Qt.ItemDataRole.ForegroundRole and event.closed:
            return QColor("#8c959f")
        if role == Qt.ItemDataRole.FontRole and event.closed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None


class EventsLog(QWidget):
    entrySelected = Signal(str)
    newEntryRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("eventsLog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Events log"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New log entry"))
        self.new_button.setObjectName("newLogEntry")
        self.new_button.clicked.connect(self.newEntryRequested)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("logKindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for code, term in EVENT_KINDS.items():
            self.kind_filter.addItem(event_icon(code, 5.5), term.label(ctx.lang), code)
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("logPeriodFilter")
        for label, hours in (
            (self.tr("Last 24 hours"), 24),
            (self.tr("Last 7 days"), 24 * 7),
            (self.tr("Last 30 days"), 24 * 30),
            (self.tr("All"), None),
        ):
            self.period_filter.addItem(label, hours)
        self.period_filter.setCurrentIndex(1)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.period_filter, 1)
        layout.addLayout(filters)
        self.search = SearchField(
            self.tr("Search the log…"),
            self.tr("Keeps the entries whose title, note or source hold the words"),
        )
        self.search.setObjectName("logSearch")
        layout.addWidget(self.search)
        headers = [
            self.tr("Time"),
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("People"),
            self.tr("Place"),
        ]
        self.model = EventLogModel(ctx, headers, self)
        self.table = QTableView()
        self.table.setObjectName("eventsLogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        # Fixed widths: sizing columns to contents would read every row of a long log.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        for column, sample in (
            (0, "00/00 00:00"),
            (1, "Stranded group"),
            (3, "00,000"),
            (4, "Place"),
        ):
            header.resizeSection(column, fm.horizontalAdvance(sample) + 28)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.no_matches = NoMatchesNote(self.table)
        self.count_label = QLabel()
        self.count_label.setObjectName("logCount")
        layout.addWidget(self.count_label)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.period_filter.currentIndexChanged.connect(self.refresh)
        self.search.searchChanged.connect(self.refresh)

    def refresh(self) -> None:
        now = self.ctx.clock.now()
        hours = self.period_filter.currentData()
        since = None if hours is None else now - timedelta(hours=hours)
        # What the post knew at the clock's time (docs/architecture.md §4).
        events = log_entries(
            self.ctx.store, since=since, kind=self.kind_filter.currentData() or None, as_of=now
        )
        text = self.search.text()
        if self.search.searching:  # only the entries whose words match
            from db.store.asof import reading_as_of
            from db.store.search import matching_ids  # loads with the first search

            at = reading_as_of(self.ctx.store.conn, "events", now)
            found = matching_ids(self.ctx.store, "events", text, at=at)
            events = [e for e in events if e.id in found]
        selected = self.selected_id()
        self.model.set_rows(events)
        self.count_label.setText(self.tr("{n} entries").format(n=len(events)))
        self.no_matches.show_for(text, len(events))
        if selected:
            self.select(selected, emit=False)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, record_id: str, emit: bool = True) -> bool:
        for row, event in enumerate(self.model.rows):
            if event.id == record_id:
                self.table.blockSignals(not emit)
                self.table.selectionModel().blockSignals(not emit)
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                self.table.selectionModel().blockSignals(False)
                self.table.blockSignals(False)
                return True
        return False

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.entrySelected.emit(self.model.rows[current.row()].id)
