"""An unexpected error in the window: a dialog that names the log file, never a silent vanish.

A bug in a slot or a timer reaches ``sys.excepthook``; the default prints a traceback on a
console the operator does not have, and the action just does nothing. Here it is logged
(desktop/error_log.py) and a dialog says that something went wrong and where the details are;
the window carries on. Qt's own warnings go to the same log (they still print as before).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import error_log

DIALOG_NAME = "unexpectedErrorDialog"
_open_dialogs: list[QMessageBox] = []  # held until closed: the hook returns at once

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> QMessageBox | None:
    """``sys.excepthook`` for the window: log ``exc`` and show the dialog naming the log."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return None
    path = error_log.log_exception(exc, "unexpected error in the window", tb)
    return show_dialog(exc, path)


def show_dialog(exc: BaseException, path: Path | None) -> QMessageBox:
    translate = QCoreApplication.translate
    where = (
        translate("UnexpectedError", "The details are in this file: {path}").format(path=path)
        if path is not None
        else translate("UnexpectedError", "The log file could not be written either.")
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("UnexpectedError", "Unexpected error"),
        translate(
            "UnexpectedError",
            "Something went wrong: {error}\n\nWhat you were doing may not have been completed; "
            "the rest of the program carries on. {where}\nPlease send that file to whoever "
            "looks after this program.",
        ).format(error=f"{type(exc).__name__}: {exc}", where=where),
        QMessageBox.StandardButton.Close,
        QApplication.activeWindow(),
    )
    box.setObjectName(DIALOG_NAME)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy the path
    _open_dialogs.append(box)
    box.finished.connect(lambda _result: _open_dialogs.remove(box))
    box.open()  # not exec(): the hook must return, the event loop carries on
    return box


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    error_log.log_line(_QT_LEVELS.get(kind, logging.WARNING), f"Qt: {message}")
    if kind != QtMsgType.QtDebugMsg:
        print(message, file=sys.stderr)


@contextmanager
def reported() -> Iterator[None]:
    """While the window runs: unexpected errors and Qt's warnings logged, errors shown."""
    previous_hook: Callable[..., object] = sys.excepthook
    sys.excepthook = report
    previous_handler = qInstallMessageHandler(_qt_message)
    try:
        yield
    finally:
        sys.excepthook = previous_hook  # type: ignore[assignment]
        qInstallMessageHandler(previous_handler)
