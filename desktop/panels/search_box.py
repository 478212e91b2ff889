"""A search box over a list (the events log, the records table) and Edit → Find (Ctrl+F).

The list keeps only the records whose words match what is typed (db/store/search.py decides
which): the box waits for a pause in the typing before it asks, so a long word costs one
search, not one per letter. Esc empties the box and the list shows everything again. When
nothing matches, the list says so where the rows would be.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QWidget,
)

PAUSE_MS = 250  # typing that stops this long is a search; faster keys are one word being typed


class SearchField(QLineEdit):
    """The box: ``searchChanged(text)`` once the typing pauses, at once when it is emptied."""

    searchChanged = Signal(str)

    def __init__(self, placeholder: str, what: str, parent: QWidget | None = None) -> None:
        """``what``: which entries the list keeps, for the tooltip."""
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        keys = QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.setToolTip(self.tr("{what} ({keys}; Esc clears)").format(what=what, keys=keys))
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(lambda: self.searchChanged.emit(self.text()))
        self.textChanged.connect(self._typed)

    @property
    def searching(self) -> bool:
        """Whether the list is filtered (the box holds more than spaces)."""
        return bool(self.text().strip())

    def focus_search(self) -> None:
        """Ctrl+F: into the box, its words selected, so typing replaces them."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def _typed(self, text: str) -> None:
        if text.strip():
            self._pause.start()
        else:  # emptied (Esc, the clear button, deleting): the whole list again, at once
            self._pause.stop()
            self.searchChanged.emit("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class NoMatchesNote(QLabel):
    """ "No matches for …" across a list's empty rows, only while a search finds nothing."""

    def __init__(self, view: QAbstractItemView) -> None:
        self._area = view.viewport()  # the rows' area, which the note covers
        super().__init__(self._area)
        self.setObjectName("searchNoMatches")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(12)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hide()
        self._area.installEventFilter(self)

    def show_for(self, text: str, rows: int) -> None:
        """Say that ``text`` matched nothing when a search left ``rows`` at zero; else hide."""
        if text.strip() and rows == 0:
            self.setText(self.tr("No matches for “{text}”").format(text=text.strip()))
            self.setGeometry(self._area.rect())
            self.show()
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._area:
            self.setGeometry(self._area.rect())
        return False


def focus_search(window: QMainWindow) -> SearchField | None:
    """Edit → Find (Ctrl+F): the search box of the panel that has the focus, else the events
    log's; its dock is brought forward if it is in a tab behind another. Returns the box."""
    panels: dict[str, QWidget] = getattr(window, "panels", {})
    focus = QApplication.focusWidget()
    field = None
    for panel in panels.values():
        if focus is not None and (panel is focus or panel.isAncestorOf(focus)):
            field = panel.findChild(SearchField)
            break
    if field is None and "map" in panels:
        field = panels["map"].findChild(SearchField)
    if field is None:
        return None
    dock = field.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.show()
        dock.raise_()
    field.focus_search()
    return field
