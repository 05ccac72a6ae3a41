"""The window fits common office screens with the totals visible, and remembers its layout per user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFormLayout, QLineEdit, QPushButton, QWidget
from ui_helpers import credit_code

from subsidy_calc.rule_loading import RuleCatalog, RuleOrigin
from ui import i18n
from ui.main_window import MainWindow
from ui.window_layout import first_split, initial_geometry

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
    _placed_at_first_start(window, available)  # the size named, not the offscreen screen's
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
    _placed_at_first_start(window, QRect(0, 0, SCREENS["1366x768 at 150%"].width(),
                                          SCREENS["1366x768 at 150%"].height()))


def _placed_at_first_start(window: MainWindow, available: QRect) -> None:
    """Where place_window and the first-start columns put the window on a screen of `available` size."""
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the test's own (800×800) screen
    placed = initial_geometry(available, window.minimumSizeHint())
    window.setGeometry(placed)
    window.split_for_first_start()
    window.show()
    _settle()
    assert window.geometry() == placed


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


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window built in each language (English from the .qm, as 编辑 → 首选项 sets it); Chinese again after."""
    assert i18n.install_translator(request.param) == (request.param == "en")
    yield request.param
    i18n.install_translator("zh_CN")


def _wide_roster(window: MainWindow) -> None:
    """A class and 120 apprentices, 只显示所选班级 ticked: the roster's count says “显示 120 人,共 120 人”."""
    classes = window.document.classes
    classes.set_cells(0, 0, [["JC2024-01"]], "test")
    for number in range(120):
        window.document.roster.add_row(texts=[f"学徒{number}", "", "JC2024-01", "", "", "", ""])
    window.tables.select_class(0)
    window.tables.only_current_class.setChecked(True)


def _row_widgets(window: MainWindow) -> list[QWidget]:
    tables = window.tables
    return [*tables.findChildren(QPushButton), *tables.findChildren(QCheckBox), tables.roster_count]


def test_every_language_fits_the_150_percent_laptop_with_every_button_shown(make_window: Any, language: str) -> None:
    """At 1366×768 and 150 % the English window is no wider than the screen (its button labels are longer than
    the Chinese ones) and neither is the Chinese one with a long roster count: the totals, every button of the
    tables, the filter, the count and all three result tabs are on screen, whole and apart."""
    window: MainWindow = make_window()
    _wide_roster(window)
    _on_laptop_at_150(window)
    available = SCREENS["1366x768 at 150%"]
    assert window.tables.roster_count.text() in ("显示 120 人,共 120 人", "120 of 120 people")
    assert window.minimumSizeHint().width() <= available.width(), f"{language}: wider than the screen"
    assert window.width() <= available.width() and window.main_splitter.sizes()[0] >= 200
    for object_name in TOTALS:
        label = window.findChild(QWidget, object_name)
        assert label is not None and _fully_visible(window, label), f"{object_name} hidden in {language}"
    widgets = _row_widgets(window)
    assert len(widgets) == 8
    for widget in widgets:
        assert _fully_visible(window, widget), f"{widget.objectName() or widget} hidden in {language}"
        assert widget.width() >= widget.sizeHint().width(), f"{widget.objectName()} squeezed in {language}"
    boxes = [QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for w in widgets]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), "buttons overlap"
    tabs = window.results.tabs
    bar = tabs.tabBar()
    assert _fully_visible(window, bar) and not bar.usesScrollButtons()
    for index in range(tabs.count()):
        assert bar.rect().contains(bar.tabRect(index)), f"tab {tabs.tabText(index)} out of sight in {language}"
        assert bar.tabToolTip(index) == tabs.tabText(index)  # the whole title, also when it is shortened


def test_button_rows_wrap_in_a_narrow_column_and_stay_on_one_line_in_a_wide_one(make_window: Any) -> None:
    window: MainWindow = make_window()
    _on_laptop_at_150(window)
    tables = window.tables
    buttons = [tables.add_class_button, tables.duplicate_class_button, tables.remove_class_button]
    roster_row = [tables.add_person_button, tables.duplicate_person_button, tables.remove_person_button,
                  tables.only_current_class, tables.roster_count]
    sizes = window.main_splitter.sizes()
    window.main_splitter.setSizes([sizes[0], 1, sizes[1] + sizes[2] - 1])  # the tables as narrow as they go
    _settle()
    assert tables.width() < sum(w.sizeHint().width() for w in roster_row)
    assert len({w.y() for w in roster_row}) > 2, "the roster's row wraps in the narrowest column"
    for widget in buttons + roster_row:
        assert _fully_visible(window, widget) and widget.width() >= widget.sizeHint().width()
    window.resize(SCREENS["1920x1080 at 150%"].width(), window.height())
    window.main_splitter.setSizes([200, 900, 180])
    _settle()
    assert len({b.y() for b in buttons}) == 1
    middles = [w.geometry().center().y() for w in roster_row]  # one line, each centred on it
    assert max(middles) - min(middles) <= 1
    count = tables.roster_count  # at the right end, where the stretch of a QHBoxLayout would put it
    assert count.geometry().right() >= tables.roster_table.geometry().right() - 1


def test_first_split_widens_the_tables_down_to_the_others_minimum() -> None:
    assert first_split(1000, (24, 52, 24), [200, 0, 230], 1, 400) == [240, 520, 240]  # the weights
    assert first_split(880, (24, 52, 24), [200, 0, 230], 1, 443) == [207, 443, 230]  # room from the form
    assert first_split(860, (24, 52, 24), [200, 0, 230], 1, 620) == [200, 430, 230]  # no more than the minimum


def test_chinese_rows_keep_one_line_in_the_maximised_150_percent_window(make_window: Any) -> None:
    """Maximised on the 1366×768 laptop at 150 % (910 logical pixels wide), the Chinese button rows stay on one
    line, count included, up to 共 999 人: the first start gives the tables that width, the form and the results
    keep their minimum."""
    window: MainWindow = make_window()
    _wide_roster(window)
    window.tables.only_current_class.setChecked(False)
    available = SCREENS["1366x768 at 150%"]
    window.setWindowState(Qt.WindowState.WindowNoState)  # maximised on the test's screen, not the laptop's
    window.setGeometry(QRect(0, 0, available.width(), available.height() - 30))  # the title bar above it
    window.split_for_first_start()
    window.show()
    _settle()
    assert window.tables.roster_count.text() == "共 120 人" and window.width() == available.width()
    tables = window.tables
    for row in ([tables.add_class_button, tables.duplicate_class_button, tables.remove_class_button],
                [tables.add_person_button, tables.duplicate_person_button, tables.remove_person_button,
                 tables.only_current_class, tables.roster_count]):
        middles = [w.geometry().center().y() for w in row]
        assert max(middles) - min(middles) <= 1, [w.objectName() for w in row]
        assert all(_fully_visible(window, w) for w in row)
    assert window.main_splitter.sizes()[0] >= 200 and window.main_splitter.sizes()[2] >= 230


def test_the_field_with_the_focus_is_in_view_at_150_percent(make_window: Any, qtbot: Any) -> None:
    """单位名称 has the focus at start; at 1366×768 @ 150 % it lay below the rule set's texts, out of sight, so the
    first thing typed went into a field nobody could see."""
    window: MainWindow = make_window()
    _on_laptop_at_150(window)
    edit = window.form.edits["enterprise.name"]
    assert window.focusWidget() is edit
    viewport = window.form_scroll.viewport()

    def in_view() -> bool:
        top_left = edit.mapTo(viewport, edit.rect().topLeft())
        return viewport.rect().contains(QRect(top_left, edit.size()))

    qtbot.waitUntil(in_view, timeout=2000)
