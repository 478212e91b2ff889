"""The countdown's rows: one per decree chain, and the next milestones.

Each row builds its labels once and is then told what to show (``show``) and how big
(``set_scale``); the panel calls ``show`` once a second with values ``db/`` computed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.decrees.countdown import ChainStatus, MilestoneStatus
from desktop import countdown_text

MILESTONES_SHOWN = 3
STATE_BAR_PX = 8


def _label(name: str, parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def escape(text: str) -> str:
    """``text`` safe inside Qt rich text (what ``html.escape`` does for it; that module loads
    its table of two thousand named entities, milliseconds on the way to the first paint)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _set_px(label: QLabel, px: float, *, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPixelSize(max(9, round(px)))
    font.setBold(bold)
    label.setFont(font)


def _badge_style(key: str) -> str:
    background, foreground = countdown_text.STATE_COLOURS[key]
    return (
        f"QLabel {{ background: {background}; color: {foreground}; border-radius: 4px; "
        f"padding: 2px 10px; }}"
    )


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when its column is too narrow (``text()`` stays whole)."""

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(80, super().sizeHint().height())

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setPen(self.palette().windowText().color())
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        p.drawText(self.contentsRect(), int(self.alignment()), shown)
        p.end()


class ChainRow(QFrame):
    """One chain: number, state in words and colour, day N of N, time left, ends, chain, gaps."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        suffix = "" if index == 0 else f"_{index + 1}"
        self.setObjectName(f"countdownChain{suffix}")
        self._state_key = ""
        self.badge = _label(f"countdownState{suffix}", self)
        self.number = _label(f"countdownNumber{suffix}", self, selectable=True)
        self.day = _label(f"countdownDay{suffix}", self)
        self.chain_day = _label(f"countdownChainDay{suffix}", self)
        self.left = _label(f"countdownLeft{suffix}", self)
        self.caption = _label(f"countdownLeftCaption{suffix}", self)
        self.ends = _label(f"countdownEnds{suffix}", self, selectable=True)
        self.chain = _label(f"countdownChainLinks{suffix}", self)
        self.gap = _label(f"countdownGap{suffix}", self)
        self.number.setWordWrap(False)
        for label in (self.ends, self.chain, self.gap):
            label.setWordWrap(True)
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        self.gap.setStyleSheet(f"color: {countdown_text.STATE_COLOURS['critical'][0]};")
        self.left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.day.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.chain_day.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        head = QHBoxLayout()
        head.addWidget(self.badge)
        head.addSpacing(10)
        head.addWidget(self.number, 1)
        big = QGridLayout()
        big.addWidget(self.day, 0, 0)
        big.addWidget(self.chain_day, 1, 0)
        big.addWidget(self.left, 0, 1)
        big.addWidget(self.caption, 1, 1)
        big.setColumnStretch(1, 1)
        big.setHorizontalSpacing(24)
        big.setVerticalSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(STATE_BAR_PX + 12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(big)
        layout.addWidget(self.ends)
        layout.addWidget(self.chain)
        layout.addWidget(self.gap)

    def paintEvent(self, event) -> None:
        # A card with a bar in the state's colour down its left edge (the words are in the badge).
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(self.palette().mid().color(), 1))
        p.setBrush(self.palette().base())
        p.drawRoundedRect(rect, 6, 6)
        if self._state_key:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(countdown_text.STATE_COLOURS[self._state_key][0]))
            p.drawRoundedRect(QRectF(0, 0, STATE_BAR_PX + 6, self.height()), 6, 6)
            p.setBrush(self.palette().base())
            p.drawRect(QRectF(STATE_BAR_PX, 1, 6, self.height() - 2))
        p.end()

    def set_scale(self, scale: float) -> None:
        _set_px(self.badge, 17 * scale, bold=True)
        _set_px(self.number, 22 * scale, bold=True)
        _set_px(self.day, 32 * scale, bold=True)
        _set_px(self.left, 36 * scale, bold=True)
        _set_px(self.caption, 14 * scale)
        _set_px(self.chain_day, 14 * scale)
        _set_px(self.ends, 16 * scale)
        _set_px(self.chain, 15 * scale)
        _set_px(self.gap, 15 * scale, bold=True)

    def show_status(self, status: ChainStatus, lang: str) -> None:
        key = countdown_text.state_key(status)
        if key != self._state_key:
            self._state_key = key
            self.badge.setStyleSheet(_badge_style(key))
            self.update()
        self.badge.setText(countdown_text.state_words(status))
        self.number.setText(status.number)
        d = status.decree
        self.number.setToolTip(
            "\n".join(
                part
                for part in (
                    d.title,
                    d.authority,
                    QCoreApplication.translate("Countdown", "Zone: {zone}").format(zone=d.zone)
                    if d.zone
                    else "",
                    QCoreApplication.translate("Countdown", "Source: {source}").format(
                        source=d.source
                    )
                    if d.source
                    else "",
                )
                if part
            )
        )
        self.day.setText(countdown_text.day_text(status))
        chain_day = countdown_text.chain_day_text(status)
        self.chain_day.setText(chain_day)
        self.chain_day.setVisible(bool(chain_day))
        self.left.setText(countdown_text.duration_text(status.left))
        self.caption.setText(countdown_text.left_caption(status))
        ends = countdown_text.ends_text(status, lang)
        if status.state != "upcoming":
            ends += " — " + countdown_text.last_day_text(status, lang)
        self.ends.setText(ends)
        self.chain.setText(self._chain_html(status, lang))
        self.chain.setVisible(len(status.chain) > 1)
        gaps = [
            QCoreApplication.translate(
                "Countdown", "Lapsed for {days} days between {after} and {before}"
            ).format(days=g.days, after=g.after, before=g.before)
            for g in status.gaps
        ]
        self.gap.setText("⚠ " + "; ".join(gaps) if gaps else "")
        self.gap.setVisible(bool(gaps))

    def _chain_html(self, status: ChainStatus, lang: str) -> str:
        links = []
        for d in status.chain:
            name = escape(d.number)
            links.append(f"<b>{name}</b>" if d.id == status.decree.id else name)
        ends = countdown_text.moments_text(status.chain_ends_at, status.decree.tz, lang)
        return QCoreApplication.translate("Countdown", "Chain: {links} · chain ends {ends}").format(
            links=" → ".join(links), ends=escape(ends)
        )


class MilestoneList(QWidget):
    """The next three milestones, each with its own countdown ("D-11 Segunda vuelta en Chile")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownMilestones")
        self.heading = _label("countdownMilestonesHeading", self)
        self.heading.setText(QCoreApplication.translate("Countdown", "Next milestones"))
        self.empty = _label("countdownNoMilestones", self)
        self.empty.setText(QCoreApplication.translate("Countdown", "No milestones ahead"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.rows: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []
        for i in range(MILESTONES_SHOWN):
            badge = _label(f"milestoneBadge_{i + 1}", self)
            title = ElidedLabel(self)
            title.setObjectName(f"milestoneTitle_{i + 1}")
            left = _label(f"milestoneLeft_{i + 1}", self)
            when = _label(f"milestoneWhen_{i + 1}", self)
            badge.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            title.setMinimumWidth(80)
            for column, label in enumerate((badge, title, left)):
                grid.addWidget(label, 2 * i, column)
            grid.addWidget(when, 2 * i + 1, 1, 1, 2)
            self.rows.append((badge, title, left, when))
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 10, 4)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addLayout(grid)

    def set_scale(self, scale: float) -> None:
        _set_px(self.heading, 15 * scale, bold=True)
        _set_px(self.empty, 15 * scale)
        for badge, title, left, when in self.rows:
            _set_px(badge, 24 * scale, bold=True)
            _set_px(title, 20 * scale)
            _set_px(left, 19 * scale, bold=True)
            _set_px(when, 14 * scale)

    def show_milestones(self, milestones: list[MilestoneStatus], lang: str) -> None:
        self.empty.setVisible(not milestones)
        for i, (badge, title, left, when) in enumerate(self.rows):
            visible = i < len(milestones)
            for label in (badge, title, left, when):
                label.setVisible(visible)
            if not visible:
                continue
            m = milestones[i]
            badge.setText(countdown_text.milestone_badge(m))
            title.setText(m.milestone.title)
            outcome = countdown_text.milestone_outcome(m)
            title.setToolTip(
                "\n".join(
                    part
                    for part in (
                        m.milestone.title,
                        m.milestone.source,
                        outcome,
                        m.milestone.outcome_source,
                    )
                    if part
                )
            )
            left.setText(
                QCoreApplication.translate("Countdown", "today")
                if m.today
                else countdown_text.duration_text(m.left)
            )
            when.setText(
                " · ".join(p for p in (countdown_text.milestone_when(m, lang), outcome) if p)
            )
