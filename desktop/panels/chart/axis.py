"""The chart's date axis: post time on every machine, month and day names in the UI language.

The chart's x values are post wall-clock seconds (``db.flows.chart_data.wall_seconds``), so the axis
is told the offset is zero: it never applies the machine's own zone. Names come from QLocale
rather than ``strftime`` (which follows the C locale and would print English in Tacna).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import DAY_SPACING, MONTH_DAY_ZOOM_LEVEL, ZoomLevel
from PySide6.QtCore import QLocale

from desktop.formatting import locale_for

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _WallClockZoomLevel(ZoomLevel):
    """Ticks on wall-clock seconds: midnight is a multiple of a day, nothing to shift.

    pyqtgraph's levels move each tick through QDateTime to undo a zone, a thousand calls per
    pan of a long range; on wall-clock values there is no zone to undo.
    """

    def extendTimeRangeForSpacing(self, spacing, minVal, maxVal):
        return minVal, maxVal

    def moveTicksToLocalTimeCoords(self, ticks, spacing, skipFactor):
        return ticks


def _wall_clock(level: ZoomLevel) -> ZoomLevel:
    return _WallClockZoomLevel(level.tickSpecs, level.exampleText)


class PostDateAxis(pg.DateAxisItem):
    def __init__(self, lang: str, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation=orientation, utcOffset=0, **kwargs)
        self.locale = locale_for(lang)
        self._levels = {id(level): _wall_clock(level) for level in self.zoomLevels.values()}
        self.month_day_level = self._levels[id(MONTH_DAY_ZOOM_LEVEL)]
        self.zoomLevels = type(self.zoomLevels)(
            (spacing, self._levels[id(level)]) for spacing, level in self.zoomLevels.items()
        )

    def setZoomLevelForDensity(self, density):
        super().setZoomLevelForDensity(density)
        # The fallback (years and months) is pyqtgraph's shared level: use our copy.
        self.zoomLevel = self._levels.get(id(self.zoomLevel), self.zoomLevel)
        self.zoomLevel.utcOffset = 0

    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        if self.zoomLevel is not self.month_day_level:
            return levels
        # Days as a bar chart wants them: each number under the middle of its day (where the
        # day's bar stands), the 1st of a month named "1 Dec" instead of a month tick at
        # midnight that would crowd the day before it.
        day_ticks = next((t for s, t in levels if s == DAY_SPACING and len(t) > 1), None)
        step = (
            1 if day_ticks is None else max(1, round((day_ticks[1] - day_ticks[0]) / DAY_SPACING))
        )
        first = math.ceil(minVal / DAY_SPACING - 0.5)
        last = math.floor(maxVal / DAY_SPACING - 0.5)
        ticks = []
        for n in range(first, last + 1):
            day = _EPOCH.date() + timedelta(days=n)
            month_end = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            if (
                day.day == 1
                or step == 1
                or ((day.day - 1) % step == 0 and month_end.day - day.day >= step // 2)
            ):
                ticks.append(n * DAY_SPACING + DAY_SPACING / 2)
        return [(DAY_SPACING, ticks)]

    def tickStrings(self, values, scale, spacing):
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None:
            return super().tickStrings(values, scale, spacing)
        fmt = spec.format
        out = []
        for value in values:
            try:
                when = _EPOCH + timedelta(seconds=float(value))
            except (OverflowError, ValueError):
                out.append("")
                continue
            out.append(self._format(when, fmt))
        return out

    def _format(self, when: datetime, fmt: str) -> str:
        loc = self.locale
        short = QLocale.FormatType.ShortFormat
        if fmt == "%Y":
            return str(when.year)
        if fmt == "%b":
            # January opens a new year: say which, so a long range reads without guessing.
            name = loc.standaloneMonthName(when.month, short).rstrip(".")
            return f"{name} {when.year}" if when.month == 1 else name
        if fmt == "%d":
            if when.day == 1:
                name = loc.standaloneMonthName(when.month, short).rstrip(".")
                return f"1 {name} {when.year}" if when.month == 1 else f"1 {name}"
            return str(when.day)
        if fmt == "%a %d":
            return f"{loc.dayName(when.isoweekday(), short).rstrip('.')} {when.day}"
        return when.strftime(fmt)
