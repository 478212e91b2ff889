"""The strip of key figures across the top: last 24 hours, change against the 24 before.

Each caption says exactly what is counted (``db.flows.figure_terms``: people who entered
Peru are people who crossed, not those turned back); whether a change gets a percentage is
``db.flows.change``'s call (not on a small base).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.flows.change import change, signed_percent
from db.flows.figure_terms import figure_label
from desktop.context import AppContext
from desktop.formatting import fmt_int, fmt_signed


class FigureTile(QFrame):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure_{code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        self.caption = QLabel()
        self.caption.setObjectName("figureCaption")
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.change = QLabel()
        self.change.setObjectName("figureChange")
        for w in (self.caption, self.value, self.change):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(w)
        # Captions say in full what is counted: on a narrow screen they wrap onto a second line
        # rather than push the window wider than the screen.
        for w in (self.caption, self.change):
            w.setWordWrap(True)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)


class FiguresStrip(QWidget):
    """Headline figures; re-read only when the store or the clock moves.

    ``first_read_later``: the owner calls ``refresh`` when it wants the figures (the main
    window, right after its first paint, which is for the countdown); ``ready`` says when."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, first_read_later: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figuresStrip")
        self.ctx = ctx
        self.ready = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.tiles: dict[str, FigureTile] = {}
        for code in (
            "into_peru",
            "into_chile",
            "crossed_irregular",
            "turned_back",
            "detained",
            "stranded",
        ):
            tile = FigureTile(code, self)
            self.tiles[code] = tile
            layout.addWidget(tile)
        self.flag = QLabel()
        self.flag.setObjectName("illustrativeFlag")
        self.flag.setWordWrap(True)
        layout.addWidget(self.flag, 1)
        ctx.watcher.changed.connect(self.refresh)
        ctx.clock_signals.moved.connect(self.refresh)
        if not first_read_later:
            self.refresh()

    def refresh(self) -> None:
        from db.flows.headline import headline_figures  # not on the way to the first paint

        head = headline_figures(self.ctx.store, self.ctx.clock.now())
        lang = self.ctx.lang
        for fig in head.figures:
            tile = self.tiles[fig.code]
            if fig.stock:
                tile.caption.setText(figure_label(fig.code, lang))
            else:
                tile.caption.setText(
                    self.tr("{label} · 24 h").format(label=figure_label(fig.code, lang))
                )
            tile.value.setText(fmt_int(fig.value, lang))
            moved = change(fig.value, fig.previous)
            if moved is None:
                tile.change.setText(self.tr("no earlier count"))
            else:
                arrow = {1: "▲", -1: "▼", 0: "="}[moved.direction]
                text = fmt_signed(moved.diff, lang)
                if moved.percent is not None:
                    text += f" ({signed_percent(moved.percent)})"
                tile.change.setText(
                    self.tr("{arrow} {change} vs previous 24 h").format(arrow=arrow, change=text)
                )
        self.flag.setText(
            self.tr("ILLUSTRATIVE FIGURES — generated for the exercise, not real counts")
            if head.illustrative
            else ""
        )
        self.flag.setVisible(head.illustrative)
        self.ready = True
