"""Fitting the window to the screen and remembering its geometry, splitters and column widths (QSettings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings, QSize

if TYPE_CHECKING:  # annotations only: importing the widget classes builds their enums before the first frame
    from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

PREFERRED = QSize(1500, 920)
MARGIN = 0.04  # of the available screen, on each side, when the preferred size does not fit
SMALL_SCREEN = QSize(1440, 800)  # below this (e.g. a 1366×768 laptop) the window starts maximised
FRAME = QMargins(8, 34, 8, 8)  # room for the window frame and title bar around the client area
GEOMETRY_KEY = "window/geometry"
STATE_PREFIX = "window/"


def initial_geometry(available: QRect, minimum: QSize | None = None, preferred: QSize = PREFERRED) -> QRect:
    """The first-start rectangle: the preferred size, shrunk to the available screen area (a small margin left
    when the window's minimum allows it), centred on it."""
    least = minimum if minimum is not None else QSize(0, 0)
    if is_small(available):
        return available.marginsRemoved(FRAME)
    width = min(preferred.width(), max(int(available.width() * (1 - 2 * MARGIN)), least.width()),
                available.width())
    height = min(preferred.height(), max(int(available.height() * (1 - 2 * MARGIN)), least.height()),
                 available.height())
    left = available.x() + (available.width() - width) // 2
    top = available.y() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def is_small(available: QRect) -> bool:
    """A screen where the window should take all the room there is."""
    return available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height()


def split_sizes(total: int, weights: tuple[int, ...]) -> list[int]:
    """Splitter sizes in proportion to the weights (the first start, before anything is remembered)."""
    whole = sum(weights)
    return [total * weight // whole for weight in weights]


def first_split(room: int, weights: tuple[int, ...], least: list[int], index: int, wanted: int) -> list[int]:
    """Splitter sizes for the first start: in proportion to the weights, every other column at least its `least`,
    column `index` the rest, widened towards `wanted` with room taken from the others in order, down to their
    `least` (on a small screen the tables' button rows then stay on one line while the form and the results still
    have their minimum)."""
    sizes = [max(size, least[i]) if i != index else 0 for i, size in enumerate(split_sizes(room, weights))]
    sizes[index] = room - sum(sizes)
    for other in range(len(sizes)):
        lacking = wanted - sizes[index]
        if other == index or lacking <= 0:
            continue
        given = max(min(lacking, sizes[other] - least[other]), 0)
        sizes[other] -= given
        sizes[index] += given
    return sizes


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def place_window(window: QMainWindow, settings: QSettings) -> bool:
    """Put a window where the main window was last time, else fit it to its screen; True when remembered."""
    geometry = _bytes(settings.value(GEOMETRY_KEY))
    if geometry is not None and window.restoreGeometry(geometry):
        return True
    available = window.screen().availableGeometry()
    window.setGeometry(initial_geometry(available, window.minimumSizeHint()))
    if is_small(available):
        # imported here: the start-up shell is placed before its first frame, and touching `Qt` builds its
        # ≈ 100 Python enums (≈ 20 ms; docs/performance.md)
        from PySide6.QtCore import Qt

        window.setWindowState(Qt.WindowState.WindowMaximized)
    return False


class LayoutMemory:
    """Saves and restores a window's geometry, named splitters and named table headers, per user."""

    def __init__(self, settings: QSettings, window: QMainWindow, splitters: dict[str, QSplitter],
                 headers: dict[str, QHeaderView]) -> None:
        self._settings = settings
        self._window = window
        self._splitters = splitters
        self._headers = headers

    def restore(self) -> bool:
        """Apply what was remembered; False when there is no remembered geometry (first start, then the
        window is fitted to its screen)."""
        for name, splitter in self._splitters.items():
            state = _bytes(self._settings.value(STATE_PREFIX + name))
            if state is not None:
                splitter.restoreState(state)
        for name, header in self._headers.items():
            state = _bytes(self._settings.value(STATE_PREFIX + name))
            if state is not None:
                header.restoreState(state)
        return place_window(self._window, self._settings)

    def save(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self._window.saveGeometry())
        for name, splitter in self._splitters.items():
            self._settings.setValue(STATE_PREFIX + name, splitter.saveState())
        for name, header in self._headers.items():
            self._settings.setValue(STATE_PREFIX + name, header.saveState())
        self._settings.sync()
