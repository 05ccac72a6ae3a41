"""The window recalculates through the engine on every edit; labels show the engine's numbers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView
from ui_helpers import ELECTRICIAN, WELDING, add_class, credit_code, fill_row, id_number

from subsidy_calc.engine import calculate
from subsidy_calc.enums import Stage
from subsidy_calc.models import Claim
from subsidy_calc.money import OUT_OF_RANGE_WORDS, format_yuan, totals_problem
from ui.columns import ClassColumn
from ui.main_window import MainWindow


def _label(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def _choose(window: MainWindow, combo_name: str, data: str) -> None:
    combo = window.findChild(QComboBox, combo_name)
    assert combo is not None
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_new_window_starts_on_default_ruleset_with_empty_claim(window: MainWindow) -> None:
    combo = window.findChild(QComboBox, "rulesetCombo")
    assert combo is not None and combo.currentData() == "jinchang-2024"
    assert window.current_ruleset().id == "jinchang-2024"
    claim = window.current_claim()
    assert claim is not None and claim.classes == [] and claim.stage is Stage.ADVANCE
    assert _label(window, "grossAmount") == "0.00"
    assert window.findChild(QTableView, "classTable") is not None
    assert not window.isWindowModified()


def test_hard_numbers_jinchang_settlement(window: MainWindow) -> None:
    _choose(window, "stageCombo", "settlement")
    add_class(window, WELDING)
    assert _label(window, "grossAmount") == "120,000.00"
    assert _label(window, "advanceAmount") == "40,000.00"
    assert _label(window, "payableAmount") == "80,000.00"
    assert _label(window, "payableInWords") == "捌万元整"


def test_two_classes_match_the_engine(window: MainWindow) -> None:
    _choose(window, "stageCombo", "settlement")
    add_button = window.findChild(QPushButton, "addClassButton")
    assert add_button is not None
    add_button.click()
    add_button.click()
    model = window.document.classes
    for row, values in enumerate((WELDING, ELECTRICIAN)):
        for column, value in values.items():
            assert model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole)
    claim = window.current_claim()
    assert claim is not None and len(claim.classes) == 2
    expected = calculate(
        Claim(ruleset_id="jinchang-2024", stage="settlement", claim_date=date.today(),
              classes=[model.draft(0).value, model.draft(1).value]),
        window.catalog.get("jinchang-2024"),
    )
    assert _label(window, "grossAmount") == format_yuan(expected.gross)
    assert _label(window, "advanceAmount") == format_yuan(expected.advance_paid)
    assert _label(window, "payableAmount") == format_yuan(expected.payable)
    assert _label(window, "payableInWords") == expected.payable_in_words
    assert expected.gross != expected.classes[0].gross  # the second class counts


def test_switching_ruleset_and_stage_recalculates(window: MainWindow) -> None:
    add_class(window, WELDING)
    assert _label(window, "grossAmount") == "40,000.00"  # advance: 20 × 4000 × 50%
    _choose(window, "rulesetCombo", "nantong-2019")
    assert window.current_ruleset().id == "nantong-2019"
    result = window.current_result()
    assert result is not None and result.ruleset_id == "nantong-2019"
    _choose(window, "stageCombo", "settlement")
    claim = window.current_claim()
    assert claim is not None
    expected = calculate(claim, window.catalog.get("nantong-2019"))
    assert _label(window, "payableAmount") == format_yuan(expected.payable)
    assert _label(window, "grossAmount") == "144,000.00"  # nantong pays completers: 18 × 8000


def test_assumed_ruleset_shows_its_assumptions(window: MainWindow) -> None:
    band = window.form.assumption_band
    assert band.isVisibleTo(window)
    assert "分级标准为假设" in band.text()
    _choose(window, "rulesetCombo", "nantong-2019")
    assert not band.isVisibleTo(window)
    assert "通人社职〔2019〕15号" in window.form.ruleset_info.text()


def test_form_fields_flow_into_the_claim(window: MainWindow) -> None:
    name = window.findChild(QLineEdit, "enterpriseName")
    code = window.findChild(QLineEdit, "enterpriseCode")
    assert name is not None and code is not None
    name.setText("金昌某某有色金属有限公司")
    code.setText("91620300MA71ABCD1X")
    assert window.current_claim() is None
    assert "校验码错误" in code.toolTip()
    assert any("统一社会信用代码" in p for p in window.document.problems)
    assert _label(window, "payableAmount") == "—"
    assert code.text() == "91620300MA71ABCD1X"  # the typed text is kept
    code.setText(credit_code())
    claim = window.current_claim()
    assert claim is not None
    assert claim.enterprise.name == "金昌某某有色金属有限公司"
    assert claim.enterprise.credit_code == credit_code()
    assert code.toolTip() == ""


def test_invalid_cell_keeps_text_and_shows_problems(window: MainWindow) -> None:
    add_class(window, WELDING)
    model = window.document.classes
    index = model.index(0, ClassColumn.START_DATE)
    model.setData(index, "明年三月")
    assert model.data(index) == "明年三月"
    assert "开班日期" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert window.current_claim() is None and window.current_result() is None
    problems = [window.problems_list.item(i).text() for i in range(window.problems_list.count())]
    assert any("培训班第 1 行" in n and "开班日期" in n for n in problems)
    model.setData(index, "2023-03-01")
    assert window.current_claim() is not None


def test_explanation_answers_why_for_selected_class(window: MainWindow) -> None:
    _choose(window, "stageCombo", "settlement")
    add_class(window, WELDING)
    add_class(window, ELECTRICIAN)
    window.tables.select_class(1)
    view = window.findChild(QPlainTextEdit, "explanationView")
    assert view is not None
    result = window.current_result()
    assert result is not None
    assert view.toPlainText() == result.line("B2").explanation.text()
    window.tables.select_class(0)
    assert "取证 15 人" in view.toPlainText()


def test_notices_list_shows_engine_warnings(window: MainWindow) -> None:
    _choose(window, "stageCombo", "settlement")
    add_class(window, WELDING)
    result = window.current_result()
    assert result is not None
    shown = [window.results.notices.item(i).text() for i in range(window.results.notices.count())]
    assert shown == [str(n) for n in result.all_notices()]
    assert any("未填写已预支金额" in s for s in shown)


def test_remove_class_button(window: MainWindow, qtbot: Any) -> None:
    add_class(window, WELDING)
    add_class(window, ELECTRICIAN)
    window.tables.select_class(0)
    button = window.findChild(QPushButton, "removeClassButton")
    assert button is not None
    button.click()
    claim = window.current_claim()
    assert claim is not None and [c.class_id for c in claim.classes] == ["B2"]


def test_choosing_a_class_notice_selects_the_class(window: MainWindow) -> None:
    add_class(window, WELDING)
    add_class(window, ELECTRICIAN)
    window.tables.select_class(0)
    notices = window.results.notices
    rows = [i for i in range(notices.count()) if "[B2]" in notices.item(i).text()]
    assert rows, "the engine warns that jinchang-2024 has no shortage uplift for B2"
    notices.setCurrentRow(rows[0])
    assert window.tables.current_class_row() == 1
    result = window.current_result()
    assert result is not None
    assert window.results.explanation.toPlainText() == result.line("B2").explanation.text()


def test_unfunded_level_is_flagged_in_its_cell(window: MainWindow) -> None:
    """初级工 is not funded by the default rule set: the level cell is red and says what the rule set funds."""
    add_class(window, {**WELDING, ClassColumn.LEVEL: "初级工"})
    model = window.document.classes
    index = model.index(0, ClassColumn.LEVEL)
    assert model.data(index) == "初级工"  # never changed behind the user's back
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "初级工" in tooltip and "已规定" in tooltip and "中级工" in tooltip


def test_unfunded_level_is_flagged_while_the_claim_is_a_draft(window: MainWindow) -> None:
    """Another row's problem keeps the claim a draft (no result), yet the valid 初级工 row is still red."""
    add_class(window, {**WELDING, ClassColumn.LEVEL: "初级工"})
    model = window.document.classes
    model.add_row()  # an empty second row: the claim has problems and is not calculated
    assert window.document.result is None
    index = model.index(0, ClassColumn.LEVEL)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "初级工" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    funded = model.index(0, ClassColumn.OCCUPATION)
    assert model.data(funded, Qt.ItemDataRole.BackgroundRole) is None


def test_roster_counts_shown_read_only_in_the_class_row(window: MainWindow) -> None:
    add_class(window, {**WELDING, ClassColumn.PLANNED: 3, ClassColumn.CERTIFIED: "",
                       ClassColumn.COMPLETED_NO_CERT: "", ClassColumn.DROPPED: ""})
    roster = window.document.roster
    for serial, status in ((1, "取证"), (2, "取证"), (3, "退出")):
        roster.add_row(texts=[f"学徒{serial}", id_number(serial), "B1", status, "", "2023-01-01", "2026-12-31"])
    model = window.document.classes
    certified = model.index(0, ClassColumn.CERTIFIED)
    assert model.data(certified) == "2 据名册"
    assert model.data(certified, Qt.ItemDataRole.EditRole) == ""
    assert not model.flags(certified) & Qt.ItemFlag.ItemIsEditable
    assert "据名册" in model.data(certified, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, ClassColumn.DROPPED)) == "1 据名册"


def test_more_people_than_planned_is_flagged_on_the_planned_cell(window: MainWindow) -> None:
    add_class(window, {**WELDING, ClassColumn.PLANNED: 10})  # 15 + 3 + 2 = 20 people registered
    model = window.document.classes
    index = model.index(0, ClassColumn.PLANNED)
    assert model.data(index) == "10"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "超过计划人数 10" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_totals_out_of_range_are_an_error_and_no_capitals_are_made_up(window: MainWindow, qtbot: Any) -> None:
    """A mistyped 已预支金额 of 9 × 10¹¹ in two classes: the window says what is wrong (the engine's ERROR, the
    command line's refusal in the same words) and shows no amount in capitals, instead of raising in its slot
    and leaving the previous capitals on the screen."""
    _choose(window, "stageCombo", "settlement")
    for row, values in enumerate((WELDING, ELECTRICIAN)):
        add_class(window, values)
        fill_row(window.document.classes, row, {ClassColumn.ADVANCE_PAID: "900000000000"})
    result = window.current_result()
    assert result is not None and result.payable < 0
    assert _label(window, "payableAmount") == format_yuan(result.payable)
    assert _label(window, "payableInWords") == OUT_OF_RANGE_WORDS
    shown = [window.results.notices.item(i).text() for i in range(window.results.notices.count())]
    expected = totals_problem(result.gross, result.advance_paid, result.payable)
    assert expected is not None and "请检查人数与金额" in expected
    assert any(expected in line for line in shown)
    assert result.has_errors


def test_a_new_empty_class_row_is_one_problem_in_the_window(window: MainWindow) -> None:
    window.document.classes.add_row()
    assert window.document.problems == ["培训班第 1 行:尚未填写,请填写或删除此行"]
    assert window.results.tabs.tabText(0) == "问题 (1)"
    assert window.current_result() is None  # an unfinished row still blocks the totals
    window.document.classes.setData(window.document.classes.index(0, ClassColumn.OCCUPATION), "焊工")
    assert len(window.document.problems) > 1 and "培训班第 1 行:班级编号必须填写" in window.document.problems
