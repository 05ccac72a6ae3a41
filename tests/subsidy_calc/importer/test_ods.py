"""OpenDocument spreadsheets (.ods, e.g. from WPS or LibreOffice) import through calamine too."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from bench.samples import make_id
from subsidy_calc.importer import import_file
from subsidy_calc.input_errors import InputError

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def cell(value: object) -> str:
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat()}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def write_ods(path: Path, sheets: list[tuple[str, list[list[object]]]], prolog: str = "",
              hidden: frozenset[str] = frozenset()) -> None:
    """An .ods of these sheets; the `hidden` ones get a table style with table:display="false", as WPS and
    LibreOffice hide a sheet."""
    styles = ('<office:automatic-styles><style:style style:name="hidden" style:family="table">'
              '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
              if hidden else "")
    tables = "".join(
        f'<table:table table:name="{name}"' + (' table:style-name="hidden"' if name in hidden else "") + ">"
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>" for name, rows in sheets)
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS} office:version="1.2">'
               f"{styles}<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)

MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")


def test_ods_roster_and_classes(tmp_path: Path) -> None:
    path = tmp_path / "r.ods"
    write_ods(path, [
        ("培训班", [["班级编号", "培训职业", "培训等级", "开班日期", "结业日期", "计划人数"],
                 ["C1", "电工", "四级", date(2023, 3, 1), date(2025, 2, 28), 2]]),
        ("学徒花名册", [["班级编号", "姓名", "身份证号", "状态", "劳动合同开始"],
                   ["C1", "张三", make_id("110101", date(1995, 5, 17), 1), "在训", date(2022, 1, 1)],
                   ["C1", "李四", "123", "在训", date(2022, 1, 1)]]),
    ])
    result = import_file(path)
    assert [c.class_id for c in result.classes] == ["C1"]
    assert [p.name for p in result.roster] == ["张三"] and result.roster[0].contract_start == date(2022, 1, 1)
    assert result.problems[0].row == 3 and result.problems[0].column == "身份证号"


def test_ods_entity_declaration_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.ods"
    write_ods(path, [("学徒花名册", [["班级编号"]])], prolog='<!DOCTYPE x [<!ENTITY a "aaaa">]>')
    with pytest.raises(InputError, match="实体"):
        import_file(path)


def test_a_hidden_ods_sheet_is_imported_and_named_like_a_hidden_excel_sheet(tmp_path: Path) -> None:
    """WPS and LibreOffice hide a sheet through its table style (table:display="false"); calamine reads that
    mark for .ods as it reads state="hidden" for .xlsx, and the importer names the sheet in a warning."""
    classes: list[list[object]] = [["班级编号", "培训职业", "培训等级", "开班日期", "结业日期", "计划人数"],
               ["C1", "电工", "四级", date(2023, 3, 1), date(2025, 2, 28), 1]]
    roster: list[list[object]] = [["班级编号", "姓名", "身份证号", "状态"],
                                  ["C1", "张三", make_id("110101", date(1995, 5, 17), 1), "在训"]]

    path = tmp_path / "hidden.ods"
    write_ods(path, [("培训班", classes), ("学徒花名册", roster)], hidden=frozenset({"培训班"}))
    result = import_file(path)
    assert len(result.classes) == 1 and len(result.roster) == 1
    warnings = [w.message for w in result.warnings]
    assert any("工作表“培训班”在 Excel 中是隐藏的" in w for w in warnings), warnings
    assert not any("学徒花名册”在 Excel 中是隐藏的" in w for w in warnings)
