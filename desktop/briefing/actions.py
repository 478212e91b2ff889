"""File → Print briefing…: the action alone, so the window's menus load none of the briefing
(its rendering brings numpy and Qt's printing) until it is asked for."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext


def briefing_actions(ctx: AppContext, parent: QWidget) -> list[QAction]:
    """File → Print briefing… (Ctrl+P), for the main window's File menu."""
    action = QAction(QCoreApplication.translate("BriefingActions", "Print briefing…"), parent)
    action.setObjectName("printBriefingAction")
    action.setShortcut(QKeySequence.StandardKey.Print)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setProperty("menu", "file")
    action.triggered.connect(lambda: _open(ctx, parent))
    return [action]


def _open(ctx: AppContext, parent: QWidget) -> None:
    from desktop.briefing.dialog import BriefingDialog

    BriefingDialog(ctx, parent).exec()
