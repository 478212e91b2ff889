"""The decree countdown panel (docs/architecture.md §6): large enough to read from 3 m away.

``refresh()`` re-reads the decrees and milestones known at the clock's time
(``db.decrees.known``) and the thresholds; it runs when the store changed
(``ctx.watcher.changed``) or the exercise clock moved (``ctx.clock_signals.moved``).
``tick()`` runs on the turn of every second and recomputes what shows from the records already
read and the clock (``db.decrees.countdown`` is pure), so ticking queries the store only when
the clock reaches the instant something more becomes known (a decree's publication day).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QVBoxLayout, QWidget

from db.decrees.countdown import (
    DEFAULT_THRESHOLDS,
    countdown,
    load_thresholds,
    upcoming_milestones,
)
from db.decrees.known import Known, known_at
from db.decrees.timeline import timeline
from db.store.records import Decree, Milestone
from desktop.context import AppContext
from desktop.panels.countdown.rows import MILESTONES_SHOWN, ChainRow, MilestoneList
from desktop.panels.countdown.timeline_strip import TimelineStrip

DESIGN_SIZE = (700, 600)  # the size at which fonts are at their nominal pixel sizes
MIN_SCALE, MAX_SCALE = 0.55, 3.0
ROW_SCALE = {1: 1.0, 2: 0.8}  # several chains share the height; 3 or more use ROW_SCALE_MANY
ROW_SCALE_MANY = 0.62
TICK_MS = 1000
FIT_STEPS, FIT_FACTOR, FIT_MARGIN = 12, 0.92, 0.97
SCALE_STEPS = 20


class CountdownPanel(QWidget):
    """Decree chains, next milestones and the timeline strip, ticking every second."""

    ticked = Signal()  # after every tick (tests wait on it; the clock bar may too)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("countdownPanel")
        self.ctx = ctx
        self.read_only = read_only  # the wall display: no menu actions
        self._ready = False
        self._lang = ctx.lang
        self._tz = ctx.tz
        self._decrees: list[Decree] = []
        self._milestones: list[Milestone] = []
        self._known: Known | None = None
        self._thresholds = DEFAULT_THRESHOLDS
        self._scale = 1.0
        # The last fit: (base scale, rows, width, shrunk below the base to fit).
        self._scaled_for: tuple[float, tuple[int, int], int, bool] | None = None
        self._visible_rows = 0
        self._actions: list[QAction] = []

        self.empty = QLabel(self.tr("No decree recorded. Add one with “New decree…”."), self)
        self.empty.setObjectName("countdownEmpty")
        self.empty.setWordWrap(True)
        self.rows: list[ChainRow] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(8)
        self._rows_box.addWidget(self.empty)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.milestones = MilestoneList(self)
        self.strip = TimelineStrip(self._lang, self)
        layout = QVBoxLayout(self)
        # The fonts follow the panel's size (see _apply_scale), so the panel must not pin its
        # own minimum to what the first, larger fonts needed.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self._rows_box)
        layout.addStretch(1)
        layout.addWidget(rule)
        layout.addWidget(self.milestones)
        layout.addStretch(1)
        layout.addWidget(self.strip)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        ctx.watcher.changed.connect(self.refresh)
        ctx.clock_signals.moved.connect(self.refresh)
        self._apply_scale()
        self.refresh()

    # -- contract ------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True once the panel has drawn what the store holds (an empty store included)."""
        return self._ready

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """Menu actions: the decrees and milestones manager, and quick entry of either."""
        if not self._actions and not self.read_only:
            manage = QAction(self.tr("Decrees and milestones…"), self)
            manage.setObjectName("actionManageDecrees")
            manage.setShortcut(QKeySequence("Ctrl+Shift+D"))
            manage.triggered.connect(self.open_manager)
            new_decree = QAction(self.tr("New decree…"), self)
            new_decree.setObjectName("actionNewDecree")
            new_decree.setShortcut(QKeySequence("Ctrl+Alt+D"))
            new_decree.triggered.connect(lambda: self._open_entry("decree"))
            new_milestone = QAction(self.tr("New milestone…"), self)
            new_milestone.setObjectName("actionNewMilestone")
            new_milestone.setShortcut(QKeySequence("Ctrl+Alt+M"))
            new_milestone.triggered.connect(lambda: self._open_entry("milestone"))
            self._actions = [manage, new_decree, new_milestone]
        return self._actions

    def after_start(self) -> None:
        """Nothing put off: the countdown is what the first paint shows."""

    # The dialogs load when first opened: the countdown is on the way to the first paint.
    def open_manager(self) -> None:
        from desktop.dialogs.decrees_manager import DecreesManagerDialog

        DecreesManagerDialog(self.ctx, self).exec()

    def _open_entry(self, kind: str) -> None:
        if kind == "decree":
            from desktop.dialogs.decree_dialog import DecreeDialog

            DecreeDialog(self.ctx, parent=self).exec()
        else:
            from desktop.dialogs.milestone_dialog import MilestoneDialog

            MilestoneDialog(self.ctx, parent=self).exec()

    # -- reading and ticking -------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the records from the store, then show them at the clock's time."""
        if self._read(self.ctx.clock.now().replace(microsecond=0)):
            self._ready = True
            self.tick()

    def _read(self, at: datetime) -> bool:
        """Read the decrees and milestones known at ``at`` (docs/architecture.md §4)."""
        store = self.ctx.store
        try:
            self._tz = store.timezone
            self._known = known_at(store, at)
            self._thresholds = load_thresholds(store.meta)
        except sqlite3.Error:
            return False  # busy for a moment: the watcher calls again on the next change
        self._decrees = self._known.decrees
        self._milestones = self._known.milestones
        return True

    def tick(self) -> None:
        """Show the countdown at the clock's current second (no store access, except on the
        second a decree's publication day begins or a later report becomes known)."""
        now = self.ctx.clock.now()
        at = now.replace(microsecond=0)
        if self._known is not None and not self._known.holds_at(at):
            self._read(at)
        statuses = countdown(self._decrees, at, self._thresholds)
        while len(self.rows) < len(statuses):
            row = ChainRow(len(self.rows), self)
            self._rows_box.addWidget(row)
            self.rows.append(row)
            self._apply_scale()
        for i, row in enumerate(self.rows):
            row.setVisible(i < len(statuses))
            if i < len(statuses):
                row.show_status(statuses[i], self._lang)
        self.empty.setVisible(not statuses)
        ahead = upcoming_milestones(self._milestones, at, limit=MILESTONES_SHOWN)
        self.milestones.show_milestones(ahead, self._lang)
        self.strip.set_timeline(
            timeline(self._decrees, self._milestones, at, self._tz, self._thresholds)
        )
        if self._visible_rows != len(statuses):
            self._visible_rows = len(statuses)
            self._apply_scale()
        self.ticked.emit()
        # Wake just after the clock's next whole second, so no second is skipped or doubled.
        self._timer.start(TICK_MS - now.microsecond // 1000 + 5)

    # -- size ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        w, h = self.width(), self.height()
        if not self.isVisible() or w <= 0 or h <= 0:
            return  # fitting measures every row: only on screen (the first paint waits for it)
        scale = min(w / DESIGN_SIZE[0], h / DESIGN_SIZE[1])
        # In steps of 1/SCALE_STEPS, so a resize by a few pixels (docks settling, a panel
        # arriving beside this one) keeps the fonts instead of measuring everything again.
        scale = round(max(MIN_SCALE, min(MAX_SCALE, scale)) * SCALE_STEPS) / SCALE_STEPS
        rows = (self._visible_rows, len(self.rows))
        last_scale, last_rows, last_width, shrunk = self._scaled_for or (0.0, rows, 0, False)
        # The fit so far holds if nothing asks for other fonts and the lines still fit as
        # they are: the same width, or a wider one when they already fitted at full size.
        same_fonts = (scale, rows) == (last_scale, last_rows)
        if same_fonts and (w == last_width or (w > last_width and not shrunk)):
            return
        base = scale
        # Shrink further until the widest line fits: the big figures must never be clipped.
        for _ in range(FIT_STEPS):
            self._set_fonts(scale)
            if self._needed_width() <= w * FIT_MARGIN or scale <= MIN_SCALE:
                break
            scale = max(MIN_SCALE, scale * FIT_FACTOR)
        self._scale = scale
        self._scaled_for = (base, rows, w, scale != base)
        self.layout().invalidate()  # forget minimum sizes measured at the larger fonts

    def _set_fonts(self, scale: float) -> None:
        row_scale = scale * ROW_SCALE.get(max(1, self._visible_rows), ROW_SCALE_MANY)
        for row in self.rows:
            row.set_scale(row_scale)
        font = self.empty.font()
        font.setPixelSize(round(18 * scale))
        self.empty.setFont(font)
        self.milestones.set_scale(scale)
        self.strip.set_scale(scale)

    def _needed_width(self) -> int:
        margins = self.layout().contentsMargins()
        for widget in (*self.rows, self.milestones):
            # Measure at the fonts just set: nested layouts cache their minimum sizes.
            for layout in widget.findChildren(QLayout):
                layout.invalidate()
            widget.layout().invalidate()
        widths = [r.minimumSizeHint().width() for r in self.rows if not r.isHidden()]
        widths.append(self.milestones.minimumSizeHint().width())
        return max(widths) + margins.left() + margins.right()
