"""Every user setting, declared once with its default and help, persisted with QSettings.

Only values an operator changed are saved (as Mu does); the README lists them all (a test checks).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

ORGANIZATION = "SituationRoom"
APPLICATION = "situation-room"


class Setting(NamedTuple):
    """One user setting: its key, its default, and what it is for."""

    key: str  # "group/name"
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("window/geometry", None, "Main window position and size."),
    Setting("window/state", None, "Arrangement of the panels (docks) in the main window."),
    Setting("session/last_database", "", "The database opened last (reopened on start)."),
    Setting("session/operator", "", "The operator's name, stamped on every record."),
    Setting("ui/language", "", "Interface language: es or en (empty: follow the system)."),
    Setting("briefing/classification", "USO OFICIAL", "Classification line printed on every page."),
    Setting("briefing/cutoff_hour", 7, "The briefing's 24 hours end at this hour, post time."),
    Setting("briefing/paper", "a4", "Paper of the printed briefing: a4 or letter."),
    Setting("ui/theme", "day", "Theme of the main window: day (light) or night (dark)."),
    Setting("wall/theme", "night", "Theme of the wall display: night (dark) or day (light)."),
    Setting(
        "map/kits",
        "",
        "The map kit (GeoPackage) shown with each database: JSON, database path → kit path.",
    ),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def qsettings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def get(key: str) -> Any:
    setting = _BY_KEY[key]
    value = qsettings().value(key, setting.default)
    if isinstance(setting.default, bool) and isinstance(value, str):
        return value.lower() == "true"
    if isinstance(setting.default, (int, float)) and not isinstance(setting.default, bool):
        try:
            return type(setting.default)(value)
        except (TypeError, ValueError):
            return setting.default
    return value


def put(key: str, value: Any) -> None:
    if key not in _BY_KEY:
        raise KeyError(f"undeclared setting {key}")
    s = qsettings()
    s.setValue(key, value)
    s.sync()


def markdown_table() -> str:
    """The README's table of settings (a test keeps the README equal to it)."""
    lines = ["| Key | Default | What it is |", "|---|---|---|"]
    for s in SETTINGS:
        default = "—" if s.default in (None, "") else f"`{s.default}`"
        lines.append(f"| `{s.key}` | {default} | {s.help} |")
    return "\n".join(lines)
