"""Cartographic styles: one for the screen, one lighter for print (the daily briefing).

Colours are chosen so land, sea and borders read apart at a glance and operational symbols
stand out against them; the Peru–Chile border is the strongest line on the map because the
whole operation happens along it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor

from desktop.theme import DAY, Theme

# Symbol colour per event kind (codes from db.vocab.EVENT_KINDS); shape lives in symbols.py.
EVENT_COLOURS: dict[str, str] = {
    "stranded_group": "#e8590c",
    "checkpoint": "#1c5fb8",
    "patrol": "#2b8a3e",
    "incident": "#c92a2a",
    "shelter": "#0b7285",
    "log": "#5c6670",
    "other": "#7048a8",
}
SITE_COLOURS: dict[str, str] = {
    "crossing": "#212529",
    "checkpoint": "#1c5fb8",
    "shelter": "#0b7285",
    "gathering": "#e8590c",
    "town": "#343a40",
    "other": "#495057",
}


@dataclass(frozen=True)
class MapStyle:
    name: str
    sea: str
    land: str
    land_by_country: dict[str, str] = field(default_factory=dict)
    no_data: str = "#dcdcdc"
    coast: str = "#5b88a8"
    coast_width: float = 1.0
    border: str = "#6f6470"
    border_width: float = 1.2
    main_border: str = "#9c1e6e"  # Peru–Chile
    main_border_width: float = 3.2
    main_border_casing: str = "#ffffff"
    place_text: str = "#2b2b2b"
    place_text_minor: str = "#4a4a4a"
    halo: str = "#ffffff"
    place_dot: str = "#3a3a3a"
    site_text: str = "#111111"
    figure_text: str = "#b3261e"
    overlay_default: str = "#d9480f"
    furniture_text: str = "#222222"
    furniture_bg: str = "#d8ffffff"  # Qt reads 8 digits as #AARRGGBB
    graticule: str = "#c9ced4"  # opaque: translucent lines draw ten times slower
    area_text: str = "#8a8170"
    sea_text: str = "#4f7ea3"

    def land_colour(self, country: str) -> QColor:
        return QColor(self.land_by_country.get(country, self.land))


def mix(a: str, b: str, t: float) -> str:
    """``t`` of colour ``a`` over ``b``, as one opaque colour."""
    ca, cb = QColor(a), QColor(b)
    channels = (
        round(ca.red() * t + cb.red() * (1 - t)),
        round(ca.green() * t + cb.green() * (1 - t)),
        round(ca.blue() * t + cb.blue() * (1 - t)),
    )
    return "#{:02x}{:02x}{:02x}".format(*channels)


def style_from_theme(theme: Theme) -> MapStyle:
    """The map in the window's theme (day or night), so map and chrome agree."""
    dark = theme.name == "night"
    return MapStyle(
        name=f"screen-{theme.name}",
        sea=theme.sea,
        land=theme.land,
        land_by_country={"Peru": theme.land_home},
        no_data=theme.grid,
        coast=theme.coast,
        border=theme.border_line,
        main_border=theme.border_strong,
        main_border_casing=theme.land_home if not dark else "#000000",
        place_text=theme.label,
        place_text_minor=theme.muted,
        halo=theme.label_halo,
        place_dot=theme.label,
        site_text=theme.label,
        figure_text=theme.critical,
        furniture_text=theme.text,
        graticule=mix(theme.muted, theme.land, 0.28),
        area_text=theme.muted,
        sea_text=theme.coast,
        furniture_bg=("#d8" if not dark else "#c8") + theme.panel.lstrip("#"),
    )


SCREEN = style_from_theme(DAY)

PRINT = MapStyle(
    name="print",
    sea="#dcebf5",
    land="#f6f4ee",
    land_by_country={"Peru": "#fdfcf8"},
    no_data="#eeeeee",
    coast="#6e8fa8",
    coast_width=0.9,
    border="#7a7a7a",
    border_width=1.0,
    main_border=DAY.border_strong,
    main_border_width=2.6,
    place_text="#1a1a1a",
)
