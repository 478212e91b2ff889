"""The counts table's model: current observations matching a filter, fetched a page at a time.

A view asks for more rows as it scrolls (``canFetchMore``/``fetchMore``), so years of counts
open as fast as a day's. A store change reloads as many rows as were on show.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from db.clock import zone
from db.flows.query import (
    PAGE_ROWS,
    ObservationFilter,
    ObservationRow,
    count_observations,
    observation_page,
)
from db.store.store import Store
from db.vocab import CATEGORIES, DIRECTIONS
from desktop.formatting import fmt_int

COLUMNS = ("period", "site", "category", "direction", "count", "source", "entered_by", "note")


class ObservationTableModel(QAbstractTableModel):
    def __init__(self, store: Store, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.filter = ObservationFilter()
        self.rows: list[ObservationRow] = []
        self.total = 0
        self._zone = zone(store.timezone)
        self.headers = {
            "period": QCoreApplication.translate("RecordsModel", "Period / time"),
            "site": QCoreApplication.translate("RecordsModel", "Site"),
            "category": QCoreApplication.translate("RecordsModel", "Category"),
            "direction": QCoreApplication.translate("RecordsModel", "Direction"),
            "count": QCoreApplication.translate("RecordsModel", "Count"),
            "source": QCoreApplication.translate("RecordsModel", "Source"),
            "entered_by": QCoreApplication.translate("RecordsModel", "Entered by"),
            "note": QCoreApplication.translate("RecordsModel", "Note"),
        }

    # -- loading -------------------------------------------------------------------------
    def set_filter(self, flt: ObservationFilter) -> None:
        self.filter = flt
        self.reload(keep=0)

    def reload(self, keep: int | None = None) -> None:
        """Re-read the store; keep at least as many rows as were loaded (``keep`` to override)."""
        wanted = max(PAGE_ROWS, len(self.rows) if keep is None else keep)
        self.beginResetModel()
        self._zone = zone(self.store.timezone)
        self.total = count_observations(self.store, self.filter)
        self.rows = observation_page(self.store, self.filter, 0, wanted)
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = observation_page(self.store, self.filter, len(self.rows), PAGE_ROWS)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def row_of(self, record_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.observation.id == record_id), None)

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[COLUMNS[section]]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "count":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            o = row.observation
            tips = []
            if row.corrected:
                tips.append(
                    QCoreApplication.translate(
                        "RecordsModel", "Corrected: the history shows the earlier versions"
                    )
                )
            if o.illustrative:
                tips.append(
                    QCoreApplication.translate(
                        "RecordsModel", "Illustrative figure, generated for the exercise"
                    )
                )
            if o.note:
                tips.append(o.note)
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.FontRole and row.observation.illustrative:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.observation.id
        return None

    def _text(self, row: ObservationRow, column: str) -> str:
        o = row.observation
        if column == "period":
            start = o.period_start.astimezone(self._zone)
            end = o.period_end.astimezone(self._zone) if o.period_end else start
            if end == start:
                return start.strftime("%Y-%m-%d %H:%M")
            same_day = end.date() == start.date()
            return (
                f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
                if same_day
                else f"{start:%Y-%m-%d %H:%M}–{end:%m-%d %H:%M}"
            )
        if column == "site":
            return row.site_name
        if column == "category":
            term = CATEGORIES.get(o.category)
            return term.label(self.lang) if term else o.category
        if column == "direction":
            term = DIRECTIONS.get(o.direction)
            return "" if o.direction == "none" or term is None else term.label(self.lang)
        if column == "count":
            mark = " ✎" if row.corrected else ""
            return fmt_int(o.count, self.lang) + mark
        if column == "source":
            return o.source
        if column == "entered_by":
            return o.entered_by
        if column == "note":
            return o.note
        return ""
