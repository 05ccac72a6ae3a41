"""Every roster field of a workbook with a wrong value: the row is not imported and the CLI names sheet, row,
column and the specific Chinese problem; the good rows are still calculated (exit 0, by design), never a
traceback. A workbook that cannot be used at all exits 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import xlsxwriter

from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.identity import id_check_digit
from ui.entry import cli_main

from ..subsidy_calc.factories import make_id
from .cases import GOOD_ROW, Bad

ROSTER_HEADERS = ("班级编号", "姓名", "身份证号", "状态", "证书编号", "劳动合同开始", "劳动合同结束")
GOOD_ID = make_id(date(1990, 5, 17), 11)
GOOD_PERSON = {"班级编号": "A01", "姓名": "王伟", "身份证号": make_id(date(1988, 2, 3), 12), "状态": "取证",
               "证书编号": "Z000001", "劳动合同开始": "2022-01-01", "劳动合同结束": "2027-12-31"}
def _with_check(body: str) -> str:
    """17 digits + their correct check character: the number fails only on what the case is about."""
    return body + id_check_digit(body)


WRONG_CHECK = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")

ROSTER_SWEEP: tuple[Bad, ...] = (
    Bad("姓名", "", "必须填写"),
    Bad("身份证号", "", "必须填写"),
    Bad("身份证号", WRONG_CHECK, "身份证号校验位错误(GB 11643),请核对号码"),
    Bad("身份证号", GOOD_ID[:17], "身份证号应为18位,实际17位"),
    Bad("身份证号", _with_check("62030219901317001"), "出生日期“19901317”无效"),
    Bad("身份证号", _with_check("990302199005170113"[:17]), "前6位“990302”不是有效的行政区划代码"),
    Bad("身份证号", make_id(date(2012, 1, 1), 5), "未满 16 岁"),
    Bad("班级编号", "Z99", "班级编号“Z99”在培训班工作表和当前申请中都不存在"),
    Bad("状态", "请假", "无法识别的状态“请假”"),
    Bad("劳动合同开始", "2022-13-45", "日期“2022-13-45”不存在"),
)


def _workbook(path: Path, bad: Bad) -> Path:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    classes = workbook.add_worksheet("培训班")
    for column, header in enumerate(CLASS_HEADERS):
        classes.write_string(0, column, header)
        value = GOOD_ROW[header] if header not in ("取证人数", "结业未取证人数", "退出人数", "在训人数") else ""
        classes.write_string(1, column, value)
    roster = workbook.add_worksheet("学徒花名册")
    bad_person = {**GOOD_PERSON, "姓名": "李娜", "身份证号": GOOD_ID, "证书编号": "Z000002", bad.column: bad.value}
    for row, person in enumerate(({h: h for h in ROSTER_HEADERS}, GOOD_PERSON, bad_person)):
        for column, header in enumerate(ROSTER_HEADERS):
            roster.write_string(row, column, person[header])
    workbook.close()
    return path


@pytest.mark.parametrize("bad", ROSTER_SWEEP, ids=lambda b: f"{b.column}={b.value[:8] or 'empty'}")
def test_bad_roster_value(tmp_path: Path, bad: Bad, capsys: pytest.CaptureFixture[str]) -> None:
    path = _workbook(tmp_path / "花名册.xlsx", bad)
    code = cli_main(["calc", str(path), "--rules", "jinchang-2024", "--stage", "settlement",
                     "--claim-date", "2025-03-10", "--json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    document = json.loads(out)
    assert document["rows_rejected"] == 1
    (problem,) = document["problems"]
    assert (problem["sheet"], problem["row"], problem["column"]) == ("学徒花名册", 3, bad.column)
    assert bad.message in problem["problem"], problem
    assert [c["certified"] for c in document["classes"]] == [1]  # the good person is still counted
    assert "Traceback" not in err


def test_roster_without_required_columns_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "花名册.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("学徒花名册")
    sheet.write_row(0, 0, ["序号", "备注"])
    sheet.write_row(1, 0, ["1", "无"])
    workbook.close()
    code = cli_main(["calc", str(path), "--rules", "jinchang-2024", "--stage", "settlement"])
    err = capsys.readouterr().err
    assert code == 2 and "错误:输入有误" in err and "Traceback" not in err
