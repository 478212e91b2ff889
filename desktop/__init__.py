"""The Qt application. Its first import adjusts PySide6's import hook, so that every later
import (pyqtgraph, numpy, the app's own modules) is spared a read of its source file."""

from desktop.startup.pyside_import_scan import skip_source_scan

skip_source_scan()
