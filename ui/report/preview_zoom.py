"""Zoom of the print preview: the steps, the limits and the fit-width / fit-page scales (1.0 = real size, 96 dpi)."""

from __future__ import annotations

from collections.abc import Sequence

MIN_SCALE = 0.25
MAX_SCALE = 4.0
STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
SCREEN_DPI = 96  # what 100 % means: a page at its real size on a screen of Qt's logical 96 dpi
_APART = 1.05  # a step goes at least 5 % further: from a fitted 74 %, 放大 goes to 90 %, not to an unseen 75 %

PageSize = tuple[float, float]  # width, height in points (1/72 inch)


def clamp(scale: float) -> float:
    return min(MAX_SCALE, max(MIN_SCALE, scale))


def step_in(scale: float) -> float:
    """The next step at least 5 % above `scale`, at most MAX_SCALE."""
    return next((step for step in STEPS if step >= scale * _APART), MAX_SCALE)


def step_out(scale: float) -> float:
    """The next step at least 5 % below `scale`, at least MIN_SCALE."""
    return next((step for step in reversed(STEPS) if step * _APART <= scale), MIN_SCALE)


def logical_pixels(points: float, scale: float) -> float:
    """Length on screen, in logical pixels, of a length on paper at this zoom."""
    return points * SCREEN_DPI / 72 * scale


def fit_width(pages: Sequence[PageSize], width: int) -> float:
    """The scale at which the widest page (the landscape roster annex) fills `width` logical pixels, so that no
    page needs scrolling sideways; every page keeps the same scale, so sizes on screen compare as on paper."""
    widest = max((w for w, _h in pages), default=0.0)
    return clamp(width / logical_pixels(widest, 1.0)) if widest > 0 and width > 0 else 1.0


def fit_page(pages: Sequence[PageSize], width: int, height: int) -> float:
    """The scale at which every page is seen whole in a `width` × `height` area."""
    if not pages or width <= 0 or height <= 0:
        return 1.0
    return clamp(min(min(width / logical_pixels(w, 1.0), height / logical_pixels(h, 1.0)) for w, h in pages))


def percent_text(scale: float) -> str:
    return f"{round(scale * 100)}%"
