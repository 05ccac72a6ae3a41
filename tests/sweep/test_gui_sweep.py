"""The same bad values as the CLI sweep, typed into the window's class and roster tables (model.setData): the cell's
tooltip carries the specific Chinese message, the cell is marked, the result says it cannot calculate, and
the window keeps running."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from subsidy_calc.classes_csv import CLASS_HEADERS
from ui import dialogs
from ui.main_window import MainWindow

from ..subsidy_calc.factories import make_id
from .cases import GOOD_ROW, SWEEP, Bad, case_id


@pytest.fixture(scope="module")
def window(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One window for the whole sweep (a fresh row per case), as a user would keep typing."""
    folder = tmp_path_factory.mktemp("gui-sweep")
    patch = pytest.MonkeyPatch()
    patch.setattr(dialogs.Messages, "warn", classmethod(lambda *_: None))
    patch.setattr(dialogs.RecoveryDialog, "ask", classmethod(lambda *_: False))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings, recovery_dir=folder / "recovery", autosave_ms=60_000)
    win.show()
    yield win
    win.undo_stack.setClean()
    win.close()
    patch.undo()


def _column(model: Any, header: str) -> int:
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) == header:
            return column
    raise LookupError(header)


def _good_row(model: Any, class_id: str) -> int:
    row: int = model.add_row()
    for header in CLASS_HEADERS:
        text = class_id if header == "班级编号" else GOOD_ROW[header]
        if text:
            assert model.setData(model.index(row, _column(model, header)), text)
    return row


def test_good_row_calculates(window: Any) -> None:
    model = window.document.classes
    model.remove_rows(list(range(model.rowCount())))
    row = _good_row(model, "G0")
    assert all(model.data(model.index(row, c), Qt.ItemDataRole.ToolTipRole) is None for c in range(14))
    assert window.document.result is not None


@pytest.mark.parametrize("bad", SWEEP, ids=case_id)
def test_bad_value_in_the_class_table(window: Any, bad: Bad) -> None:
    model = window.document.classes
    model.remove_rows(list(range(model.rowCount())))
    row = _good_row(model, "G1")
    column = _column(model, bad.column)
    model.setData(model.index(row, column), bad.value)
    tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
    assert tip is not None and bad.message in tip, tip
    assert model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole) is not None
    assert window.document.result is None
    assert any(bad.message in problem for problem in window.document.problems)
    assert window.isVisible()
    assert window.results.gross.text() == "—"


ROSTER_GOOD = {"姓名": "王伟", "身份证号": make_id(date(1988, 2, 3), 12), "班级编号": "G2", "状态": "取证",
               "证书编号": "Z000001", "劳动合同开始": "2022-01-01", "劳动合同结束": "2027-12-31"}
ROSTER_SWEEP = (
    Bad("姓名", "", "必须填写"),
    Bad("身份证号", ROSTER_GOOD["身份证号"][:17] + ("0" if ROSTER_GOOD["身份证号"][17] != "0" else "1"),
        "身份证号校验位错误(GB 11643),请核对号码"),
    Bad("身份证号", ROSTER_GOOD["身份证号"][:17], "身份证号应为18位,实际17位"),
    Bad("状态", "请假", "无法识别的状态“请假”"),
    Bad("劳动合同开始", "2022-13-45", "日期“2022-13-45”不存在"),
    Bad("劳动合同结束", "2021-01-01", "早于开始日期 2022-01-01,请检查是否填反"),
)


@pytest.mark.parametrize("bad", ROSTER_SWEEP, ids=case_id)
def test_bad_value_in_the_roster_table(window: Any, bad: Bad) -> None:
    classes, roster = window.document.classes, window.document.roster
    classes.remove_rows(list(range(classes.rowCount())))
    roster.remove_rows(list(range(roster.rowCount())))
    _good_row(classes, "G2")
    row = roster.add_row()
    for header, text in {**ROSTER_GOOD, bad.column: bad.value}.items():
        if text:
            roster.setData(roster.index(row, _column(roster, header)), text)
    column = _column(roster, bad.column)
    tip = roster.data(roster.index(row, column), Qt.ItemDataRole.ToolTipRole)
    assert tip is not None and bad.message in tip, tip
    assert window.document.result is None and window.isVisible()
