"""The baseline of the start-up benchmarks: a bare PySide6 window, nothing of ours.

Imports QtWidgets, shows one QMainWindow, and exits after its first paint, printing
``{"first_paint": time.monotonic()}`` (the parent compares it with its own clock taken just
before starting this process). Kept bare on purpose: no import from the project.
"""

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app, self.pending = app, False

    def eventFilter(self, _obj, event) -> bool:
        painting = (QEvent.Type.Expose, QEvent.Type.Paint, QEvent.Type.UpdateRequest)
        if event.type() in painting and not self.pending:
            self.pending = True
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        print(json.dumps({"first_paint": time.monotonic()}), flush=True)
        self.app.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1600, 1000)
watch = FirstPaint(app)
window.installEventFilter(watch)
window.show()
window.windowHandle().installEventFilter(watch)
app.exec()
