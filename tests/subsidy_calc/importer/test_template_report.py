"""The template round-trips through the importer; the problem report is injection-safe."""

from __future__ import annotations

from pathlib import Path

from subsidy_calc.importer import import_file
from subsidy_calc.importer.problem_list import REPORT_HEADERS, write_problem_report
from subsidy_calc.importer.safety import safe_openpyxl
from subsidy_calc.importer.template import LEVEL_CHOICES, STATUS_CHOICES, TYPE_CHOICES, write_template
from subsidy_calc.input_errors import InputProblem


def test_template_sheets_validations_and_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    openpyxl = safe_openpyxl()
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["培训班", "学徒花名册", "说明"]
    classes, roster = book["培训班"], book["学徒花名册"]
    assert [c.value for c in roster[1]] == ["班级编号", "姓名", "身份证号", "状态", "证书编号", "劳动合同开始",
                                           "劳动合同结束"]
    assert classes["A1"].value == "班级编号" and classes.column_dimensions["A"].width >= 12
    formulas = {dv.formula1 for sheet in (classes, roster) for dv in sheet.data_validations.dataValidation}
    for choices in (LEVEL_CHOICES, STATUS_CHOICES, TYPE_CHOICES):
        assert f'"{",".join(choices)}"' in formulas
    assert "身份证号" in book["说明"]["A5"].value
    result = import_file(path)
    assert result.problems == [] and len(result.classes) == 1 and len(result.roster) == 1


def test_problem_report_is_injection_safe(tmp_path: Path) -> None:
    path = tmp_path / "问题.xlsx"
    problems = [InputProblem(2, "姓名", "=HYPERLINK(\"http://x\",\"y\")", "必须填写", "学徒花名册"),
                InputProblem(3, "-1+2", "+SUM(A1)", "@cmd", "\tsheet"),
                InputProblem(None, "", "", "文件级问题")]
    warnings = [InputProblem(4, "证书编号", "\r=1", "状态为取证,但未填写证书编号")]
    assert write_problem_report(path, problems, warnings) == 4
    openpyxl = safe_openpyxl()
    sheet = openpyxl.load_workbook(path)["问题清单"]
    assert [c.value for c in sheet[1]] == list(REPORT_HEADERS)
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0][:5] == ["学徒花名册", 2, "姓名", "=HYPERLINK(\"http://x\",\"y\")", "必须填写"]
    assert values[3][5] == "提示"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type in ("s", "n"), cell.coordinate  # never a formula
            if isinstance(cell.value, str) and cell.value and cell.value[0] in "=+-@\t\r":
                assert cell.quotePrefix
    import zipfile

    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml
