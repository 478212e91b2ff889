"""render_map_image: the briefing's map, offscreen."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from desktop.panels.map.frame import HOME_BBOX, Frame
from desktop.panels.map.style import PRINT

pytestmark = pytest.mark.gui


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = image.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8, count=image.sizeInBytes())
    return arr.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


def _near(pixels: np.ndarray, colour: str, tol: int = 12) -> np.ndarray:
    c = QColor(colour)
    bgr = np.array([c.blue(), c.green(), c.red()])
    return np.all(np.abs(pixels.astype(int) - bgr) <= tol, axis=2)


def test_render_has_requested_size_border_and_events(qapp, demo):
    from desktop.panels.map.render import render_map_image

    at = demo.exercise_clock
    image = render_map_image(demo, at, 1200, 800, demo.timezone, since=at - timedelta(days=7))
    assert (image.width(), image.height()) == (1200, 800)
    pixels = _pixels(image)
    border = _near(pixels, PRINT.main_border)
    assert border.sum() > 300  # the Peru–Chile border is drawn strongly
    sea = _near(pixels, PRINT.sea, tol=3)
    assert sea.sum() > 10_000  # the Pacific, west of Arica
    # The border runs through Concordia: its strong line passes close to that point.
    frame = Frame.fit(HOME_BBOX, 1200, 800)
    x, y = frame.lonlat_to_px(-70.3127, -18.3208)
    ys, xs = np.nonzero(border)
    assert np.min(np.hypot(xs - x, ys - y)) < 15
    # something other than basemap colours: at least one event or site symbol (orange, red...)
    assert _near(pixels, "#e8590c", tol=20).sum() > 20


@pytest.mark.slow
def test_render_print_size_scales_text_and_lines(qapp, demo):
    from desktop.panels.map.render import render_map_image

    at = demo.exercise_clock
    small = render_map_image(demo, at, 1000, 700, demo.timezone)
    big = render_map_image(demo, at, 3000, 2100, demo.timezone)
    assert (big.width(), big.height()) == (3000, 2100)
    # Lines and labels scale with the image: about 9× the ink of the border, not 3×.
    ratio = (
        _near(_pixels(big), PRINT.main_border).sum()
        / _near(_pixels(small), PRINT.main_border).sum()
    )
    assert ratio > 5
