"""The window fits common office screens with the totals visible, and remembers its layout per user."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from ui.main_window import MainWindow
from ui.window_layout import initial_geometry

TOTALS = ("grossAmount", "advanceAmount", "payableAmount", "payableInWords")
# Logical pixels available to a window (screen minus a 40-pixel taskbar) at 100 % and 150 % scaling.
SCREENS = {
    "1366x768 at 100%": QSize(1366, 768 - 40),
    "1920x1080 at 150%": QSize(1920 * 2 // 3, (1080 - 40) * 2 // 3),
    "1366x768 at 150%": QSize(1366 * 2 // 3, (768 - 40) * 2 // 3),
}


def _fully_visible(window: MainWindow, widget: QWidget) -> bool:
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    box = QRect(top_left, widget.size())
    return window.rect().contains(box) and widget.visibleRegion().boundingRect().size() == widget.size()


@pytest.mark.parametrize("name", SCREENS)
def test_totals_visible_on_common_screens(make_window: Any, name: str) -> None:
    available = QRect(0, 0, SCREENS[name].width(), SCREENS[name].height())
    window: MainWindow = make_window()
    window.setGeometry(initial_geometry(available, window.minimumSizeHint()))
    window.show()
    assert window.minimumSizeHint().width() <= available.width()
    assert window.minimumSizeHint().height() <= available.height()
    assert available.contains(window.frameGeometry()) or available.contains(window.geometry())
    for object_name in TOTALS:
        label = window.findChild(QWidget, object_name)
        assert label is not None and _fully_visible(window, label), f"{object_name} hidden at {name}"


def test_first_start_fits_the_screen_it_is_on() -> None:
    small = QRect(0, 0, 910, 485)
    geometry = initial_geometry(small)
    assert small.contains(geometry) and geometry.width() >= 800
    assert initial_geometry(QRect(0, 0, 2560, 1400)).size() == QSize(1500, 920)


def test_geometry_splitters_and_columns_are_remembered(make_window: Any) -> None:
    first: MainWindow = make_window()
    first.show()
    first.resize(first.minimumSizeHint().width() + 5, 500)  # the offscreen screen is small: stay inside it
    remembered = first.size()
    first.main_splitter.setSizes([250, 550, 300])
    first.tables.class_table.setColumnWidth(1, 177)
    first.close()
    second: MainWindow = make_window()
    second.show()
    assert second.height() == remembered.height() == 500
    assert second.tables.class_table.columnWidth(1) == 177
    assert second.main_splitter.sizes()[2] == first.main_splitter.sizes()[2]


def test_focus_starts_on_the_first_field_and_a_blank_claim_gets_a_hint(window: MainWindow) -> None:
    assert window.focusWidget() is window.form.edits["enterprise.name"]
    assert window.problems_list.count() == 1 and "欢迎" in window.problems_list.item(0).text()
    assert "草稿" not in window.windowTitle() and "草稿" not in window.statusBar().currentMessage()


def test_manual_opens_from_the_help_menu(window: MainWindow) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from ui.manual import MANUAL

    assert MANUAL.is_file()
    assert "F1" in [s.toString() for s in window.manual_action.shortcuts()]
    window.manual_action.trigger()
    browser = window.findChild(QTextBrowser, "manualView")
    assert browser is not None and "用户手册" in browser.toPlainText()
