"""Edit → Preferences (Ctrl+,): this workstation's settings and the post's.

Three groups, in reading order (the tab order): the interface (language, themes), the post
(time zone and the countdown's amber and red thresholds: stored in the database, so every
station on it agrees; ``db.store.post_settings`` checks them), and the daily briefing (classification
line, cut-off hour). Nothing is saved until Save, and nothing at all when the post's values are
refused: each message then shows under its field.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from db.store.post_settings import MAX_THRESHOLD_DAYS, post_settings, set_post_settings
from desktop import settings
from desktop.context import AppContext
from desktop.countdown_text import zone_label
from desktop.dialogs.record_form import RecordForm

COMMON_ZONES = ("America/Lima", "America/Santiago", "America/La_Paz", "UTC")
MAX_CLASSIFICATION = 120


@dataclass(frozen=True)
class Choices:
    """What the operator chose for this workstation ("" language: follow the system)."""

    language: str
    theme: str
    wall_theme: str


class PreferencesDialog(RecordForm):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(460)

        self._section(self.tr("Interface (this workstation)"))
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("Español", "es")  # each language in its own name
        self.language.addItem("English", "en")
        self.add_field("language", self.tr("&Language"), self.language)
        self.theme = self._theme_combo()
        self.add_field("theme", self.tr("&Theme"), self.theme)
        self.wall_theme = self._theme_combo()
        self.add_field("wall_theme", self.tr("&Wall display theme"), self.wall_theme)

        self._section(self.tr("Post (stored in the database, shared by its stations)"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        zones = sorted(available_timezones() - set(COMMON_ZONES))
        for tz in (*COMMON_ZONES, *zones):
            self.timezone.addItem(tz, tz)
        completer = QCompleter([self.timezone.itemText(i) for i in range(self.timezone.count())])
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.add_field(
            "timezone",
            self.tr("Post time &zone"),
            self.timezone,
            self.tr("What “today” is, and the time every screen and briefing shows."),
        )
        self.warn_days = self._days_spin()
        self.add_field("warn_days", self.tr("&Amber warning, days before expiry"), self.warn_days)
        self.critical_days = self._days_spin()
        self.add_field(
            "critical_days", self.tr("&Red warning, days before expiry"), self.critical_days
        )

        self._section(self.tr("Daily briefing"))
        self.classification = QLineEdit()
        self.classification.setMaxLength(MAX_CLASSIFICATION)
        self.add_field(
            "classification",
            self.tr("&Classification line"),
            self.classification,
            self.tr("Printed at the top of every page."),
        )
        self.cutoff = QSpinBox()
        self.cutoff.setRange(0, 23)
        self.cutoff.setSuffix(":00")
        self.add_field(
            "cutoff_hour",
            self.tr("C&ut-off hour"),
            self.cutoff,
            self.tr("The briefing covers the 24 hours up to this hour, post time."),
        )
        self.finish_tab_order()
        self.choices: Choices | None = None
        self._load()

    # -- building ------------------------------------------------------------------------
    def _section(self, title: str) -> None:
        label = QLabel(f"<b>{title}</b>")
        label.setObjectName("preferencesSection")
        self.form.addRow(label)

    def _theme_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Day (light)"), "day")
        combo.addItem(self.tr("Night (dark)"), "night")
        return combo

    def _days_spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(1)
        spin.setRange(0, MAX_THRESHOLD_DAYS)
        spin.setSuffix(self.tr(" days"))
        return spin

    def _load(self) -> None:
        post = post_settings(self.ctx.store)
        language = settings.get("ui/language") or ""
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("ui/theme"))))
        self.wall_theme.setCurrentIndex(
            max(0, self.wall_theme.findData(settings.get("wall/theme")))
        )
        index = self.timezone.findData(post.timezone)
        if index < 0:
            self.timezone.addItem(post.timezone, post.timezone)
            index = self.timezone.count() - 1
        self.timezone.setCurrentIndex(index)
        self.timezone.setToolTip(zone_label(post.timezone))
        self.warn_days.setValue(post.warn_days)
        self.critical_days.setValue(post.critical_days)
        self.classification.setText(str(settings.get("briefing/classification")))
        self.cutoff.setValue(int(settings.get("briefing/cutoff_hour")))

    # -- saving --------------------------------------------------------------------------
    def save(self) -> Choices:
        """The post's values first (the database may refuse them: nothing is saved then),
        then this workstation's."""
        set_post_settings(
            self.ctx.store,
            timezone=self.timezone.currentText().strip(),
            warn_days=self.warn_days.value(),
            critical_days=self.critical_days.value(),
        )
        choices = Choices(
            language=self.language.currentData(),
            theme=self.theme.currentData(),
            wall_theme=self.wall_theme.currentData(),
        )
        settings.put("ui/language", choices.language)
        settings.put("ui/theme", choices.theme)
        settings.put("wall/theme", choices.wall_theme)
        classification = " ".join(self.classification.text().split())
        settings.put("briefing/classification", classification)
        settings.put("briefing/cutoff_hour", self.cutoff.value())
        self.choices = choices
        return choices
