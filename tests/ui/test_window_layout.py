"""The window fits common office screens with the totals visible, and remembers its layout per user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
from ui_helpers import credit_code

from subsidy_calc.rule_loading import RuleCatalog, RuleOrigin
from ui.main_window import SPLIT_WEIGHTS, MainWindow
from ui.window_layout import initial_geometry, split_sizes

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


# A local rule set as it lies on a Windows laptop: a path with no place where a word-wrapping label may break it.
WINDOWS_RULE_PATH = r"C:\Users\zhangsan-hr-office\AppData\Local\subsidy-calc\rules\gansu-jinchang-2024-local-copy.toml"


def _on_laptop_at_150(window: MainWindow) -> None:
    """The window and its first-start columns as on a 1366×768 laptop at 150 % (what place_window and
    _fit_to_screen compute), then laid out."""
    available = QRect(0, 0, SCREENS["1366x768 at 150%"].width(), SCREENS["1366x768 at 150%"].height())
    window.setGeometry(initial_geometry(available, window.minimumSizeHint()))
    window.main_splitter.setSizes(split_sizes(window.width(), SPLIT_WEIGHTS))
    window.show()
    _settle()


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _shows_whole(edit: QLineEdit, text: str) -> bool:
    """True when `text` fits in the line edit: its start does not scroll away when the cursor goes to its end."""
    edit.setText(text)
    edit.setCursorPosition(0)
    start = edit.cursorRect().center().x()
    edit.setCursorPosition(len(text))
    end = edit.cursorRect().center().x()
    return end - start >= edit.fontMetrics().horizontalAdvance(text) - 1 and edit.cursorRect().right() <= edit.width()


def _assert_form_fits_its_column(window: MainWindow) -> None:
    scroll = window.form_scroll
    viewport = scroll.viewport().width()
    assert scroll.horizontalScrollBar().maximum() == 0, "the form panel scrolls sideways"
    assert window.form.width() <= viewport
    for text in (window.form.ruleset_info, window.form.assumption_band):
        assert text.width() <= viewport
        assert text.verticalScrollBar().maximum() == 0, f"{text.objectName()} hides lines"
    combo = window.form.ruleset_combo
    assert combo.mapTo(window.form, combo.rect().topRight()).x() < viewport


def test_form_takes_the_column_width_on_the_150_percent_laptop(make_window: Any) -> None:
    window: MainWindow = make_window()
    _on_laptop_at_150(window)
    assert window.form.assumption_band.isVisible()  # the default set is an assumed one: its band is long
    _assert_form_fits_its_column(window)
    combo = window.form.ruleset_combo  # whatever the box shows of its label, the tooltip has all of it
    assert combo.toolTip().startswith(combo.currentText() + "\n")
    assert window.current_ruleset().title in combo.toolTip()
    for key in ("enterprise.credit_code", "institution.code"):  # a whole 统一社会信用代码, without scrolling it
        assert _shows_whole(window.form.edits[key], credit_code())


def test_form_fits_the_offscreen_screen_and_the_narrowest_column(window: MainWindow) -> None:
    _settle()
    _assert_form_fits_its_column(window)
    sizes = window.main_splitter.sizes()
    window.main_splitter.setSizes([1, sizes[1] + sizes[0] - 1, sizes[2]])  # dragged as far left as it goes
    _settle()
    assert window.form_scroll.width() == window.form_scroll.minimumSizeHint().width()  # not collapsed
    _assert_form_fits_its_column(window)


def test_a_long_windows_path_of_a_local_rule_set_wraps(make_window: Any, catalog: RuleCatalog) -> None:
    origins = {**catalog.origins, "jinchang-2024": RuleOrigin(Path(WINDOWS_RULE_PATH), local=True)}
    local = RuleCatalog(rulesets=dict(catalog.rulesets), origins=origins, shipped_dir=catalog.shipped_dir)
    window: MainWindow = make_window(catalog=local)
    _on_laptop_at_150(window)
    assert WINDOWS_RULE_PATH in window.form.ruleset_info.text()  # whole, and copied as it is
    _assert_form_fits_its_column(window)


def test_widening_the_column_shows_fields_beside_their_labels(make_window: Any) -> None:
    window: MainWindow = make_window()
    _on_laptop_at_150(window)
    edit = window.form.edits["enterprise.name"]
    group = edit.parentWidget()
    form = group.layout() if group is not None else None
    assert isinstance(form, QFormLayout)
    label = form.labelForField(edit)
    assert label is not None
    assert label.geometry().bottom() < edit.geometry().top()  # narrow: the field under its label
    window.resize(SCREENS["1920x1080 at 150%"].width(), window.height())  # room to widen the column
    sizes = window.main_splitter.sizes()
    window.main_splitter.setSizes([sizes[0] + 200, sizes[1] - 200, sizes[2]])
    _settle()
    assert window.form_scroll.width() >= sizes[0] + 200
    assert label.geometry().right() < edit.geometry().left()  # wide: beside it, as before
    _assert_form_fits_its_column(window)
