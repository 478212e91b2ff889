"""Day and night themes: one palette that the window, the chart and the map all follow.

Category colours are Okabe–Ito (safe for the common colour-vision deficiencies). Text colours
meet WCAG AA contrast (4.5:1) against their backgrounds; a test checks it. Print is always DAY.

The application wears a theme through Qt's Fusion style and a palette, with no application-wide
style sheet: once one is set, every widget is drawn through Qt's style-sheet engine, which made
building and first painting the panels about a fifth slower (docs/architecture.md §12). The few touches a
palette cannot give (the key-figure tiles, bordered toolbar buttons, the status bar's rule)
are small sheets on those widgets only (``chrome_stylesheet``). A window that wears a theme
other than the application's (the wall display) takes the whole sheet (``stylesheet``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

OKABE_ITO = {
    "crossed_regular": "#0072B2",
    "crossed_irregular": "#D55E00",
    "turned_back": "#E69F00",
    "detained": "#CC79A7",
    "assisted": "#009E73",
    "stranded": "#56B4E9",
}
# Not the colours of turned back (orange) or assisted (green): those are drawn beside them.
DIRECTION_COLOURS = {"into_peru": "#0072B2", "into_chile": "#D55E00", "none": "#F0E442"}


class Theme(NamedTuple):
    """A named set of colours for the window, the chart and the map."""

    name: str
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    border: str
    ok: str
    warning: str
    critical: str
    on_state: str  # text drawn on the ok/warning/critical fills
    sea: str
    land: str
    land_home: str
    coast: str
    border_line: str
    border_strong: str
    label: str
    label_halo: str
    grid: str
    categories: Mapping[str, str] = MappingProxyType(OKABE_ITO)  # read-only, shared
    directions: Mapping[str, str] = MappingProxyType(DIRECTION_COLOURS)


DAY = Theme(
    name="day",
    window="#f4f5f7",
    panel="#ffffff",
    text="#1f2328",
    muted="#57606a",
    accent="#0b5cad",
    border="#d0d7de",
    ok="#1a7f37",
    warning="#9a6700",
    critical="#cf222e",
    on_state="#ffffff",
    sea="#cfe3f3",
    land="#f2efe6",
    land_home="#fbf8ef",
    coast="#5b7da3",
    border_line="#7a6f8a",
    border_strong="#b4232c",
    label="#1f2328",
    label_halo="#ffffff",
    grid="#d8dee4",
)
NIGHT = Theme(
    name="night",
    window="#0d1117",
    panel="#161b22",
    text="#e6edf3",
    muted="#a1acb8",
    accent="#58a6ff",
    border="#30363d",
    ok="#2ea043",
    warning="#d29922",
    critical="#f85149",
    on_state="#0d1117",
    sea="#0b1d2e",
    land="#1c2128",
    land_home="#222831",
    coast="#3d6a96",
    border_line="#8b7fa3",
    border_strong="#ff6b6b",
    label="#e6edf3",
    label_halo="#0d1117",
    grid="#30363d",
)
THEMES = {t.name: t for t in (DAY, NIGHT)}
PRINT = DAY  # paper is white whatever the screen shows


def theme_named(name: object, default: Theme = DAY) -> Theme:
    """The theme called ``name`` ("day" or "night"); ``default`` for anything else."""
    return THEMES.get(str(name), default) if name else default


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def stylesheet(theme: Theme) -> str:
    """The whole QSS of ``theme``, for a window that wears it over another application theme."""
    t = theme
    return f"""
    QMainWindow, QDialog {{ background: {t.window}; color: {t.text}; }}
    QWidget {{ color: {t.text}; }}
    QDockWidget::title {{ background: {t.panel}; padding: 4px 6px; border-bottom: 1px solid {t.border}; }}
    QToolBar {{ background: {t.window}; border: 0; spacing: 6px; }}
    QFrame#figureTile, QFrame[objectName^="figure_"] {{ background: {t.panel}; border: 1px solid {t.border}; border-radius: 4px; }}
    QLabel#figureCaption, QLabel#figureChange {{ color: {t.muted}; }}
    QLabel#illustrativeFlag {{ color: {t.warning}; font-weight: bold; }}
    QStatusBar {{ background: {t.panel}; color: {t.muted}; border-top: 1px solid {t.border}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QDateTimeEdit, QDateEdit, QComboBox {{
        background: {t.panel}; color: {t.text}; border: 1px solid {t.border}; border-radius: 3px; padding: 2px 4px; }}
    QTableView, QListView, QTreeView {{ background: {t.panel}; alternate-background-color: {t.window};
        color: {t.text}; gridline-color: {t.border}; selection-background-color: {t.accent}; }}
    QHeaderView::section {{ background: {t.window}; color: {t.muted}; border: 0; border-bottom: 1px solid {t.border}; padding: 3px; }}
    QPushButton, QToolButton {{ background: {t.panel}; color: {t.text}; border: 1px solid {t.border}; border-radius: 3px; padding: 3px 8px; }}
    QPushButton:hover, QToolButton:hover {{ border-color: {t.accent}; }}
    QPushButton:default {{ border: 2px solid {t.accent}; }}
    QLabel[role="fieldError"] {{ color: {t.critical}; }}
    QMenuBar, QMenu {{ background: {t.panel}; color: {t.text}; }}
    QMenu::item:selected, QMenuBar::item:selected {{ background: {t.accent}; color: {t.panel}; }}
    """


def palette(theme: Theme) -> QPalette:
    """Qt's palette in ``theme``: what widgets that paint themselves (the timeline strip, the
    chart's frame, item views) read, so they agree with the stylesheet."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: theme.window,
        role.WindowText: theme.text,
        role.Base: theme.panel,
        role.AlternateBase: theme.window,
        role.Text: theme.text,
        role.Button: theme.panel,
        role.ButtonText: theme.text,
        role.ToolTipBase: theme.panel,
        role.ToolTipText: theme.text,
        role.PlaceholderText: theme.muted,
        role.Highlight: theme.accent,
        role.HighlightedText: theme.panel,
        role.Link: theme.accent,
        role.Mid: theme.border,
        role.Midlight: theme.border,
        role.Dark: theme.muted,
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(theme.muted))
    return p


def chrome_stylesheet(theme: Theme) -> str:
    """The touches of ``theme`` a palette cannot give, for the widgets that need them (set on
    each such widget, never on the application: see the module's doc)."""
    t = theme
    return f"""
    QToolBar {{ background: {t.window}; border: 0; spacing: 6px; }}
    QToolBar QToolButton {{ background: {t.panel}; color: {t.text}; border: 1px solid {t.border};
        border-radius: 3px; padding: 3px 8px; }}
    QToolBar QToolButton:hover {{ border-color: {t.accent}; }}
    QToolBar QToolButton:checked {{ background: {t.window}; border-color: {t.accent}; }}
    QFrame[objectName^="figure_"] {{ background: {t.panel}; border: 1px solid {t.border}; border-radius: 4px; }}
    QLabel#figureCaption, QLabel#figureChange {{ color: {t.muted}; border: 0; }}
    QLabel#figureValue {{ border: 0; }}
    QLabel#illustrativeFlag {{ color: {t.warning}; font-weight: bold; }}
    QStatusBar {{ background: {t.panel}; color: {t.muted}; border-top: 1px solid {t.border}; }}
    QLabel[role="fieldError"] {{ color: {t.critical}; }}
    """


_current: Theme | None = None
STYLE = "Fusion"
_STYLE_SET = "situationRoomStyleSet"  # a property of the QApplication once it wears STYLE


def current_theme() -> Theme:
    """The theme the application wears (DAY until ``apply_theme``)."""
    return _current or DAY


def new_application(argv: list[str]) -> QApplication:
    """A QApplication that starts in Fusion.

    Given as an argument, the style is made inside Qt: asking for it afterwards (``style()``,
    ``setStyle``) makes PySide6 build the Python types of QStyle and its enums first, about
    8 ms of the first paint (docs/architecture.md §12). An argument also wins over ``QT_STYLE_OVERRIDE``.
    """
    app = QApplication([*argv, "-style", STYLE])
    app.setProperty(_STYLE_SET, True)
    return app


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    """Dress the whole application in ``theme``: Fusion, which draws with the palette on every
    platform, and the theme's palette. Widgets that need more call ``chrome_stylesheet``."""
    global _current
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return
    _current = theme
    if not app.property(_STYLE_SET):  # an application made elsewhere (tests, other tools)
        if app.style().name().lower() != STYLE.lower():
            app.setStyle(STYLE)
        app.setProperty(_STYLE_SET, True)
    app.setPalette(palette(theme))
    if app.styleSheet():
        app.setStyleSheet("")
