"""Decrees and milestones: the current records, with Add, Correct, Void and History.

The lists re-read the store whenever it changes (another station's bundle, the CLI, this app).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.clock import wall_time
from db.decrees.countdown import last_day
from db.store.records import Decree, Milestone
from db.vocab import MILESTONE_KINDS
from desktop.context import AppContext
from desktop.countdown_text import date_text, wall_text, zone_label
from desktop.dialogs.decree_dialog import DecreeDialog
from desktop.dialogs.history_dialog import HistoryDialog, describe
from desktop.dialogs.milestone_dialog import MilestoneDialog
from desktop.dialogs.void_dialog import VoidDialog


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class DecreesManagerDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decreesManager")
        self.setWindowTitle(self.tr("Decrees and milestones"))
        self.ctx = ctx
        self.decrees: list[Decree] = []
        self.milestones: list[Milestone] = []
        self.tabs = QTabWidget(self)
        self.decree_table = _table(
            self,
            "decreeTable",
            [
                self.tr("Number"),
                self.tr("Starts"),
                self.tr("Days"),
                self.tr("Last day"),
                self.tr("Extends"),
                self.tr("Zone"),
            ],
        )
        self.milestone_table = _table(
            self,
            "milestoneTable",
            [
                self.tr("When"),
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Zone"),
                self.tr("Outcome"),
            ],
        )
        self.tabs.addTab(self.decree_table, self.tr("&Decrees"))
        self.tabs.addTab(self.milestone_table, self.tr("&Milestones"))

        self.add_decree = QPushButton(self.tr("New &decree…"), self)
        self.add_milestone = QPushButton(self.tr("New &milestone…"), self)
        self.correct = QPushButton(self.tr("&Correct…"), self)
        self.void = QPushButton(self.tr("&Void…"), self)
        self.history = QPushButton(self.tr("&History…"), self)
        close = QPushButton(self.tr("Close"), self)
        for button, name in (
            (self.add_decree, "addDecreeButton"),
            (self.add_milestone, "addMilestoneButton"),
            (self.correct, "correctButton"),
            (self.void, "voidButton"),
            (self.history, "historyButton"),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
        self.add_decree.clicked.connect(lambda: self._run(DecreeDialog(ctx, parent=self)))
        self.add_milestone.clicked.connect(lambda: self._run(MilestoneDialog(ctx, parent=self)))
        self.correct.clicked.connect(self.correct_selected)
        self.void.clicked.connect(self.void_selected)
        self.history.clicked.connect(self.history_of_selected)
        close.clicked.connect(self.accept)
        self.correct.setShortcut(QKeySequence("Ctrl+E"))
        self.history.setShortcut(QKeySequence("Ctrl+H"))
        for table in (self.decree_table, self.milestone_table):
            table.doubleClicked.connect(self.correct_selected)
            table.itemSelectionChanged.connect(self._update_buttons)
        self.tabs.currentChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for b in (self.add_decree, self.add_milestone):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.correct, self.void, self.history, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        ctx.watcher.changed.connect(self.refresh)
        self.refresh()
        self.resize(900, 460)

    # -- lists ---------------------------------------------------------------------------
    def refresh(self) -> None:
        store, lang = self.ctx.store, self.ctx.lang
        self.decrees = store.decrees()
        self.milestones = store.milestones()
        numbers = {d.id: d.number for d in self.decrees}
        self._fill(
            self.decree_table,
            [
                [
                    d.number,
                    date_text(d.starts_on, lang) if d.starts_on else "",
                    str(d.days),
                    date_text(last_day(d), lang),
                    numbers.get(d.extends or "", ""),
                    d.zone,
                ]
                for d in self.decrees
            ],
        )
        kinds = {code: term.label(lang) for code, term in MILESTONE_KINDS.items()}
        rows = []
        for m in self.milestones:
            assert m.at is not None
            wall = wall_time(m.at, m.tz)
            when = date_text(wall.local.date(), lang) if m.all_day else wall_text(wall, lang)
            rows.append(
                [when, m.title, kinds.get(m.milestone_kind, ""), zone_label(m.tz), m.outcome]
            )
        self._fill(self.milestone_table, rows)
        self._update_buttons()

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        selected = table.currentRow()
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        if 0 <= selected < len(rows):
            table.selectRow(selected)

    def selected(self) -> Decree | Milestone | None:
        on_decrees = self.tabs.currentIndex() == 0
        table = self.decree_table if on_decrees else self.milestone_table
        records: list = self.decrees if on_decrees else self.milestones
        rows = table.selectionModel().selectedRows()
        return records[rows[0].row()] if rows and rows[0].row() < len(records) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.correct, self.void, self.history):
            button.setEnabled(chosen)

    # -- actions -------------------------------------------------------------------------
    def _run(self, dialog: QDialog) -> None:
        dialog.exec()
        self.refresh()

    def correct_selected(self) -> None:
        record = self.selected()
        if isinstance(record, Decree):
            self._run(DecreeDialog(self.ctx, record, parent=self))
        elif isinstance(record, Milestone):
            self._run(MilestoneDialog(self.ctx, record, parent=self))

    def void_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self._run(VoidDialog(self.ctx, record.id, describe(record), parent=self))

    def history_of_selected(self) -> None:
        record = self.selected()
        if record is not None:
            HistoryDialog(self.ctx, record.id, parent=self).exec()
