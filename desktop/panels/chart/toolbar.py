"""The row above the chart: range presets, the crossing, how crossings are split, and Export."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QToolButton, QWidget

from db.flows.chart_ranges import PRESETS


class ChartToolbar(QWidget):
    """``preset_clicked(name)`` when a range button is pressed."""

    preset_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartToolbar")
        bar = QHBoxLayout(self)
        bar.setContentsMargins(6, 4, 6, 0)
        bar.setSpacing(4)
        self.preset_group = QButtonGroup(self)
        self.preset_group.setExclusive(False)  # free zoom leaves every preset up
        self.preset_buttons: dict[str, QToolButton] = {}
        texts = {
            "7d": self.tr("7 d"),
            "30d": self.tr("30 d"),
            "decree": self.tr("Decree"),
            "all": self.tr("All"),
        }
        tips = {
            "7d": self.tr("The last 7 days"),
            "30d": self.tr("The last 30 days"),
            "decree": self.tr(
                "The whole period of the emergency decree in force, extensions included"
            ),
            "all": self.tr("Every day with counts"),
        }
        for preset in PRESETS:
            button = QToolButton()
            button.setObjectName(f"preset_{preset}")
            button.setText(texts[preset])
            button.setToolTip(tips[preset])
            button.setCheckable(True)
            button.clicked.connect(lambda _on, p=preset: self.preset_clicked.emit(p))
            self.preset_group.addButton(button)
            self.preset_buttons[preset] = button
            bar.addWidget(button)
        bar.addSpacing(10)
        self.site_combo = QComboBox()
        self.site_combo.setObjectName("chartSite")
        self.site_combo.setToolTip(self.tr("Crossing shown"))
        bar.addWidget(self.site_combo)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("chartGrouping")
        self.group_combo.addItem(self.tr("Crossings by category"), "category")
        self.group_combo.addItem(self.tr("Crossings by direction"), "direction")
        bar.addWidget(self.group_combo)
        bar.addStretch(1)
        self.export_button = QToolButton()
        self.export_button.setObjectName("chartExport")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.export_button)

    def check_preset(self, preset: str | None) -> None:
        for name, button in self.preset_buttons.items():
            button.setChecked(name == preset)
