"""The draft table models: Qt model contract, per-cell errors, undoable row operations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QUndoStack
from ui_helpers import WELDING, fill_row, id_number

from ui.columns import ClassColumn, RosterColumn
from ui.drafts import BLANK_ROW, CLASS_SCHEMA, ROSTER_SCHEMA
from ui.table_model import DraftTableModel

CLASS_HEADERS = [
    "班级编号", "培训职业", "培训等级", "学徒类型", "开班日期", "结业日期", "计划人数", "取证人数",
    "结业未取证人数", "退出人数", "人均培训费用", "紧缺职业", "已预支金额", "在训人数", "集中授课学时", "岗位实操学时",
    "学徒月实习津贴",
]


def test_class_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    qtmodeltester.check(model)
    model.add_row()
    fill_row(model, 0, WELDING)
    model.add_row()
    fill_row(model, 1, {ClassColumn.PLANNED: "many"})
    qtmodeltester.check(model)


def test_roster_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    model = DraftTableModel(ROSTER_SCHEMA, QUndoStack())
    model.add_row(texts=["张三", id_number(1), "B1", "取证", "Z-1", "", ""])
    model.add_row()
    qtmodeltester.check(model)
    assert model.draft(0).valid
    assert not model.draft(1).valid


def test_class_headers_are_the_csv_headers_in_order() -> None:
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == CLASS_HEADERS
    assert headers[ClassColumn.ADVANCE_PAID] == "已预支金额"


def test_invalid_cell_keeps_text_and_explains_in_chinese() -> None:
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    model.add_row()
    fill_row(model, 0, WELDING)
    index = model.index(0, ClassColumn.PLANNED)
    model.setData(index, "二十")
    assert model.data(index) == "二十"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "计划人数:人数“二十”应为整数"
    assert isinstance(model.data(index, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert model.data(model.index(0, ClassColumn.OCCUPATION), Qt.ItemDataRole.ToolTipRole) is None
    assert model.problems() == ["培训班第 1 行:计划人数:人数“二十”应为整数"]


def test_pydantic_errors_are_mapped_to_cells_in_chinese() -> None:
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    model.add_row()
    fill_row(model, 0, {**WELDING, ClassColumn.PLANNED: "0", ClassColumn.END_DATE: "2022-01-01",
                        ClassColumn.LEVEL: "大师"})
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, ClassColumn.PLANNED), tip) == "计划人数不能小于 1"
    assert "无法识别的培训等级“大师”" in model.data(model.index(0, ClassColumn.LEVEL), tip)
    model.setData(model.index(0, ClassColumn.LEVEL), "四级")
    model.setData(model.index(0, ClassColumn.PLANNED), "20")
    assert "早于开班日期" in model.data(model.index(0, ClassColumn.END_DATE), tip)
    model.setData(model.index(0, ClassColumn.CLASS_ID), "")
    assert model.data(model.index(0, ClassColumn.CLASS_ID), tip) == "班级编号必须填写"


def test_dates_in_common_spellings_are_accepted() -> None:
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    model.add_row()
    fill_row(model, 0, {**WELDING, ClassColumn.START_DATE: "2023/3/1", ClassColumn.END_DATE: "2025年2月28日"})
    value = model.draft(0).value
    assert value is not None
    assert value.start_date.isoformat() == "2023-03-01"
    assert model.data(model.index(0, ClassColumn.START_DATE)) == "2023/3/1"  # the user's text is kept


def test_row_operations_are_undoable() -> None:
    stack = QUndoStack()
    model = DraftTableModel(ROSTER_SCHEMA, stack)
    model.add_row(texts=["张三", id_number(1), "B1", "取证", "", "", ""])
    model.add_row(texts=["李四", id_number(2), "B1", "退出", "", "", ""])
    model.duplicate_rows([0])
    assert [model.data(model.index(r, RosterColumn.NAME)) for r in range(3)] == ["张三", "张三", "李四"]
    model.remove_rows([0, 2])
    assert [model.data(model.index(r, RosterColumn.NAME)) for r in range(model.rowCount())] == ["张三"]
    stack.undo()
    assert [model.data(model.index(r, RosterColumn.NAME)) for r in range(3)] == ["张三", "张三", "李四"]
    stack.undo()
    stack.undo()
    assert model.rowCount() == 1
    stack.redo()
    assert model.rowCount() == 2


def test_an_imported_row_keeps_its_social_insurance_months_when_edited() -> None:
    from subsidy_calc.models import Apprentice

    model = DraftTableModel(ROSTER_SCHEMA, QUndoStack())
    person = Apprentice(name="张三", id_number=id_number(1), class_id="B1", social_insurance_months=18)
    model.insert_drafts(0, [ROSTER_SCHEMA.from_value(person)])
    assert model.data(model.index(0, RosterColumn.SOCIAL_INSURANCE_MONTHS)) == "18"
    model.apply_text(0, RosterColumn.NAME, "张三丰")
    assert [(p.name, p.social_insurance_months) for p in model.values()] == [("张三丰", 18)]
    model.apply_text(0, RosterColumn.SOCIAL_INSURANCE_MONTHS, "十二")
    assert model.draft(0).errors.get(RosterColumn.SOCIAL_INSURANCE_MONTHS), "a bad month count is shown on its cell"


def test_a_row_with_nothing_typed_is_one_problem_and_marks_no_cell() -> None:
    """A new row lists once (BLANK_ROW) instead of every required cell; typing starts the per-cell checks."""
    model = DraftTableModel(CLASS_SCHEMA, QUndoStack())
    model.add_row()
    model.add_row()
    fill_row(model, 1, WELDING)  # a finished row: how an unmarked cell looks
    assert model.draft(0).blank and not model.draft(0).valid and not model.draft(1).blank
    assert model.problem_cells() == [(0, 0, f"培训班第 1 行:{BLANK_ROW}")]
    background = Qt.ItemDataRole.BackgroundRole
    for column in ClassColumn:
        assert model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) is None
        assert model.data(model.index(0, column), background) == model.data(model.index(1, column), background)
    model.setData(model.index(0, ClassColumn.CLASS_ID), "B1")
    assert not model.draft(0).blank
    assert [text for _, _, text in model.problem_cells()][:2] == ["培训班第 1 行:培训职业必须填写",
                                                                 "培训班第 1 行:培训等级必须填写"]
    assert model.data(model.index(0, ClassColumn.OCCUPATION), Qt.ItemDataRole.ToolTipRole) == "培训职业必须填写"
    model.setData(model.index(0, ClassColumn.CLASS_ID), "  ")  # emptied again: blank again
    assert model.draft(0).blank and len(model.problem_cells()) == 1
    roster = DraftTableModel(ROSTER_SCHEMA, QUndoStack())
    roster.add_row()
    roster.add_row(texts=["张三", id_number(1), "B1", "取证", "", "", ""])
    assert [text for _, _, text in roster.problem_cells()] == [f"学徒名册第 1 行:{BLANK_ROW}"]
