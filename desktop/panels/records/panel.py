"""The records panel: the current counts, filtered, with correct, void and history; new counts
(Ctrl+N) and undo of one's own last entry (Ctrl+Z, a voiding after confirmation, never a delete).
The search box (Ctrl+F) keeps the counts whose note, source or site hold the words typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.clock import local_date
from db.flows.query import ObservationFilter, observation_operators
from db.store.asof import sites_as_of
from db.store.records import Observation
from db.store.site_lineage import site_names
from db.vocab import CATEGORIES
from desktop.context import AppContext
from desktop.dialogs.history_dialog import HistoryDialog
from desktop.dialogs.observation_dialog import ObservationDialog
from desktop.dialogs.reason_dialog import ReasonDialog
from desktop.formatting import fmt_int
from desktop.panels.records.model import ObservationTableModel
from desktop.panels.records.undo import undo_last_entry
from desktop.panels.search_box import NoMatchesNote, SearchField
from desktop.record_text import describe_observation


class RecordsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsPanel")
        self.ctx = ctx
        self.dialog: QDialog | None = None
        self.undo_box: QMessageBox | None = None
        self.model = ObservationTableModel(ctx.store, ctx.lang, self)
        self._loaded = False
        self._build()
        self._build_actions()
        ctx.watcher.changed.connect(self.refresh)
        ctx.clock_signals.moved.connect(self.refresh)
        self.refresh()

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.setContentsMargins(6, 4, 6, 0)
        self.site_filter = QComboBox()
        self.site_filter.setObjectName("filterSite")
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("filterCategory")
        self.category_filter.addItem(self.tr("All categories"), None)
        for code, term in CATEGORIES.items():
            self.category_filter.addItem(term.label(self.ctx.lang), code)
        self.period_filter = QCheckBox(self.tr("Period"))
        self.period_filter.setObjectName("filterPeriod")
        self.first_day = QDateEdit()
        self.last_day = QDateEdit()
        for edit, name in ((self.first_day, "filterFrom"), (self.last_day, "filterTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        today = local_date(self.ctx.clock.now(), self.ctx.tz)
        self.set_period(today, today, enabled=False)
        self.operator_filter = QComboBox()
        self.operator_filter.setObjectName("filterOperator")
        for widget in (self.site_filter, self.category_filter, self.operator_filter):
            widget.currentIndexChanged.connect(self._filters_changed)
        self.period_filter.toggled.connect(self._filters_changed)
        self.first_day.dateChanged.connect(self._filters_changed)
        self.last_day.dateChanged.connect(self._filters_changed)
        filters.addWidget(self.site_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.period_filter)
        filters.addWidget(self.first_day)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.last_day)
        filters.addWidget(self.operator_filter)
        filters.addStretch(1)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 6, 0)
        self.new_button = QPushButton(self.tr("New counts…"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.void_button = QPushButton(self.tr("Void…"))
        self.history_button = QPushButton(self.tr("History…"))
        self.new_button.clicked.connect(self.new_counts)
        self.correct_button.clicked.connect(lambda: self.correct_selected())
        self.void_button.clicked.connect(lambda: self.void_selected())
        self.history_button.clicked.connect(lambda: self.history_selected())
        for b in (self.new_button, self.correct_button, self.void_button, self.history_button):
            buttons.addWidget(b)
        buttons.addSpacing(12)
        # Short: at 1366 px the row leaves the box little room (its tooltip says the rest).
        self.search = SearchField(
            self.tr("Search…"),
            self.tr("Keeps the counts whose note, source or site hold the words"),
        )
        self.search.setObjectName("recordsSearch")
        self.search.searchChanged.connect(self._filters_changed)
        buttons.addWidget(self.search, 1)
        buttons.addSpacing(12)
        self.total_label = QLabel()
        self.total_label.setObjectName("recordsTotal")
        buttons.addWidget(self.total_label)

        self.table = QTableView()
        self.table.setObjectName("recordsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((205, 150, 130, 90, 70, 150, 90)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.correct_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.no_matches = NoMatchesNote(self.table)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("New counts…"), self)
        self.new_action.setObjectName("newCounts")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_counts)
        self.undo_action = QAction(self.tr("Undo my last entry"), self)
        self.undo_action.setObjectName("undoLastEntry")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setToolTip(
            self.tr("Void your most recent entry at this station (it stays in the history)")
        )
        self.undo_action.triggered.connect(self.undo_last_entry)
        self._actions = [self.new_action, self.undo_action]
        for action in self._actions:
            action.setProperty("menu", "edit")
            # Window-wide: Ctrl+Z works wherever the focus is in the main window, except in a
            # text field, which keeps its own Ctrl+Z for the text.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def actions(self) -> list[QAction]:  # the panel contract's name (shadows QWidget.actions)
        return list(self._actions)

    @property
    def ready(self) -> bool:
        return self._loaded

    def after_start(self) -> None:
        """Nothing put off: the table reads its rows as it is built."""

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the store: filter choices, then the rows (the selection follows its record)."""
        selected = self.selected_id()
        self._fill_combo(
            self.site_filter,
            [(None, self.tr("All sites"))]
            + [(s.id, s.name) for s in sites_as_of(self.ctx.store, self.ctx.clock.now())],
        )
        self._fill_combo(
            self.operator_filter,
            [(None, self.tr("All operators"))]
            + [(name, name) for name in observation_operators(self.ctx.store)],
        )
        self.model.filter = self.current_filter()  # the exercise clock may have moved
        self.model.reload()
        self._show_total()
        if selected:
            self.select(selected)
        self._selection_changed()
        self._loaded = True

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str | None, str]]) -> None:
        present = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
        if present == items:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def current_filter(self) -> ObservationFilter:
        period = self.period_filter.isChecked()
        return ObservationFilter(
            site_id=self.site_filter.currentData(),
            category=self.category_filter.currentData(),
            first_day=self.first_day.date().toPython() if period else None,
            last_day=self.last_day.date().toPython() if period else None,
            operator=self.operator_filter.currentData(),
            # What the post knew at the clock's time (docs/architecture.md §4).
            as_of=self.ctx.clock.now(),
            text=self.search.text(),
        )

    def set_period(self, first: date, last: date, *, enabled: bool = True) -> None:
        self.first_day.setDate(QDate(first.year, first.month, first.day))
        self.last_day.setDate(QDate(last.year, last.month, last.day))
        self.period_filter.setChecked(enabled)

    def _filters_changed(self, *_args) -> None:
        period = self.period_filter.isChecked()
        self.first_day.setEnabled(period)
        self.last_day.setEnabled(period)
        self.model.set_filter(self.current_filter())
        self._show_total()
        self._selection_changed()

    def _show_total(self) -> None:
        self.no_matches.show_for(self.model.filter.text, self.model.total)
        n = fmt_int(self.model.total, self.ctx.lang)
        self.total_label.setText(
            self.tr("Counts: {n} (up to the exercise clock)").format(n=n)
            if self.ctx.exercise
            else self.tr("Counts: {n}").format(n=n)
        )

    # -- selection -----------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].observation.id if rows else None

    def selected(self) -> Observation | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].observation if rows else None

    def select(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _selection_changed(self, *_args) -> None:
        has = self.selected_id() is not None
        for button in (self.correct_button, self.void_button, self.history_button):
            button.setEnabled(has)

    # -- actions -------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def new_counts(self) -> ObservationDialog:
        dialog = ObservationDialog(self.ctx, parent=self)
        self._open(dialog)
        return dialog

    def correct_selected(self) -> QDialog | None:
        obs = self.selected()
        if obs is None:
            return None
        dialog = ObservationDialog(self.ctx, observation=obs, parent=self)
        dialog.accepted.connect(lambda: dialog.saved and self.select(dialog.saved.id))
        return self._open(dialog)

    def void_selected(self) -> QDialog | None:
        obs = self.selected()
        if obs is None:
            return None
        names = site_names(self.ctx.store)
        what = describe_observation(obs, names.get(obs.site_id, "?"), self.ctx.tz, self.ctx.lang)
        return self._open(
            ReasonDialog(
                self.tr("Void count"),
                self.tr("Void this count? It stays in the history, marked void.\n{what}").format(
                    what=what
                ),
                lambda reason: self.ctx.store.void(obs.id, reason),
                self,
            )
        )

    def history_selected(self) -> QDialog | None:
        record_id = self.selected_id()
        if record_id is None:
            return None
        return self._open(HistoryDialog(self.ctx, record_id, self))

    def undo_last_entry(self) -> None:
        """Void the operator's most recent entry at this station, after saying what it is."""
        undo_last_entry(self.ctx, self)
