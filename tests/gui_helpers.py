"""Answering modal dialogs the way an operator would: find the open one, press its button."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

SEEN: list[str] = []


def answer_boxes(*buttons: QMessageBox.StandardButton, interval_ms: int = 50) -> None:
    """Press ``buttons`` in order on the message boxes that open next (their texts go to SEEN)."""
    queue = list(buttons)

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and queue:
            SEEN.append(box.text())
            box.button(queue.pop(0)).click()
        if queue:
            QTimer.singleShot(interval_ms, press)

    QTimer.singleShot(interval_ms, press)
