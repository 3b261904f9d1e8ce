"""The pixel budget pictures are decoded within: each picture under the caps, a page or
printout under its total, and sizes no picture can be shown at refused, never raised."""

from __future__ import annotations

import math

from reader.content.picture_images import (
    MAX_PICTURE_PIXELS,
    MAX_PICTURE_SIDE,
    MAX_TOTAL_PIXELS,
    PixelBudget,
)


def test_each_grant_is_under_the_caps_and_all_of_them_under_the_total() -> None:
    budget = PixelBudget()
    asked = [(100.0, 20000.0), (7000.0, 7000.0), (820.0, 1e9), (8000.0, 8000.0)] * 8
    sizes = [budget.grant(w, h) for w, h in asked]
    granted = [s for s in sizes if s is not None]
    assert granted and budget.refused == len(asked) - len(granted)
    assert all(max(s.width(), s.height()) <= MAX_PICTURE_SIDE for s in granted)
    assert all(s.width() * s.height() <= MAX_PICTURE_PIXELS for s in granted)
    assert budget.spent == sum(s.width() * s.height() for s in granted) <= MAX_TOTAL_PIXELS


def test_a_grant_keeps_the_shape_it_was_asked_for() -> None:
    size = PixelBudget().grant(100, 20000)
    assert size is not None and abs(size.height() / size.width() - 200) < 10


def test_sizes_no_picture_can_have_are_refused() -> None:
    budget = PixelBudget()
    for width, height in ((1, 1e9), (0, 10), (-5, 10), (math.inf, 10), (math.nan, 10)):
        assert budget.grant(width, height) is None
    assert budget.refused == 5 and budget.spent == 0
