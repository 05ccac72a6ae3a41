"""Crafted workbooks: huge declared or real ranges, repeated .ods rows, bombs, hidden sheets and rows."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from bench.samples import ROSTER_HEADERS
from subsidy_calc.limits import MAX_COLUMNS, MAX_ROWS, MAX_SHEET_CELLS

from .conftest import Probe
from .files import an_id, ods, ods_row, person, roster_book, sheet, text_cell, xlsx_with_sheet_xml


def test_dense_range_xlsx_of_3_kb_is_refused_in_under_a_second(tmp_path: Path, probe: Probe) -> None:
    path = xlsx_with_sheet_xml(tmp_path / "dense.xlsx", sheet(
        f'<row r="1">{text_cell("A1", "班级编号")}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    assert path.stat().st_size < 4096
    answer = probe("import", path)
    assert answer.outcome == "refused"
    assert f"上限 {MAX_ROWS:,} 行,实际 1,048,575 行" in answer.message and "学徒花名册" in answer.message
    assert answer.cpu < 1.0


def test_far_column_is_refused(tmp_path: Path, probe: Probe) -> None:
    path = xlsx_with_sheet_xml(tmp_path / "wide.xlsx", sheet(
        f'<row r="1">{text_cell("A1", "x")}</row><row r="20000"><c r="XFD20000"><v>1</v></c></row>'))
    answer = probe("import", path)
    assert f"列数超过上限(上限 {MAX_COLUMNS} 列,实际 16,384 列)" in answer.message


def test_declared_dimension_is_refused(tmp_path: Path, probe: Probe) -> None:
    path = xlsx_with_sheet_xml(tmp_path / "declared.xlsx", sheet(
        f'<row r="1">{text_cell("A1", "x")}</row>', dimension="A1:XFD1048576"))
    answer = probe("import", path)
    assert "声明范围(dimension)" in answer.message and "实际 1,048,575 行" in answer.message


def test_cells_without_references_are_counted(tmp_path: Path, probe: Probe) -> None:
    cells = "<c><v>1</v></c>" * (MAX_COLUMNS + 50)
    path = xlsx_with_sheet_xml(tmp_path / "noref.xlsx", sheet(f"<row>{cells}</row>"))
    answer = probe("import", path)
    assert f"实际 {MAX_COLUMNS + 50} 列" in answer.message


def test_area_over_the_cell_limit(tmp_path: Path, probe: Probe) -> None:
    rows = MAX_SHEET_CELLS // 200 + 10
    path = xlsx_with_sheet_xml(tmp_path / "area.xlsx", sheet(
        f'<row r="1">{text_cell("A1", "x")}</row><row r="{rows}"><c r="GR{rows}"><v>1</v></c></row>'))
    answer = probe("import", path)
    assert f"单元格数超过上限(上限 {MAX_SHEET_CELLS:,}" in answer.message and "200 列" in answer.message


def test_namespaced_sheet_xml_is_measured_too(tmp_path: Path, probe: Probe) -> None:
    xml = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
           '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
           '<x:row r="900000"><x:c r="A900000"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    answer = probe("import", xlsx_with_sheet_xml(tmp_path / "prefixed.xlsx", xml))
    assert "实际 899,999 行" in answer.message


def test_ods_repeated_rows_and_columns(tmp_path: Path, probe: Probe) -> None:
    body = ('<table:table-row table:number-rows-repeated="3000"><table:table-cell office:value-type="string" '
            'table:number-columns-repeated="3000"><text:p>x</text:p></table:table-cell></table:table-row>')
    answer = probe("import", ods(tmp_path / "repeat.ods", body))
    assert answer.outcome == "refused" and "实际 3,000 列" in answer.message


def test_ods_repeated_rows_only(tmp_path: Path, probe: Probe) -> None:
    answer = probe("import", ods(tmp_path / "rows.ods", ods_row("班级编号", "姓名") + ods_row("a", "b", repeat=10**6)))
    assert f"上限 {MAX_ROWS:,} 行" in answer.message


def test_ods_trailing_empty_rows_as_libreoffice_writes_them_are_fine(tmp_path: Path, probe: Probe) -> None:
    body = (ods_row(*ROSTER_HEADERS[:3]) + ods_row("C1", "张三", an_id())
            + '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row>')
    answer = probe("import", ods(tmp_path / "trailing.ods", body))
    assert answer.outcome == "accepted", answer.message


def test_zip_bomb(tmp_path: Path, probe: Probe) -> None:
    base = roster_book(tmp_path / "base.xlsx", [person()])
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        with new.open("xl/worksheets/padding.xml", "w", force_zip64=True) as out:
            for _ in range(300):
                out.write(b" " * (1024 * 1024))
    answer = probe("import", path)
    assert "压缩炸弹" in answer.message


def test_entity_declaration(tmp_path: Path, probe: Probe) -> None:
    xml = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
           + sheet(f'<row r="1">{text_cell("A1", "&b;")}</row>'))
    answer = probe("import", xlsx_with_sheet_xml(tmp_path / "entity.xlsx", xml))
    assert "实体声明" in answer.message


def test_one_enormous_tag(tmp_path: Path, probe: Probe) -> None:
    noise = os.urandom(1024 * 1024).hex()  # does not compress: no zip-bomb ratio
    xml = sheet(f'<row r="1" x{noise}="1">{text_cell("A1", "x")}</row>')
    answer = probe("import", xlsx_with_sheet_xml(tmp_path / "tag.xlsx", xml))
    assert "XML 标签的长度超过上限" in answer.message


def test_million_numbered_rows(tmp_path: Path, probe: Probe) -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 300_001))
    answer = probe("import", xlsx_with_sheet_xml(tmp_path / "rows.xlsx", sheet(rows)))
    assert f"上限 {MAX_ROWS:,} 行" in answer.message


def test_text_named_xlsx_truncated_xlsx_and_garbage_xls(tmp_path: Path, probe: Probe) -> None:
    text = tmp_path / "text.xlsx"
    text.write_text("班级编号,姓名\n", encoding="utf-8")
    assert "不是有效的 Excel 文件" in probe("import", text).message
    good = roster_book(tmp_path / "good.xlsx", [person()])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "不是有效的 Excel 文件" in probe("import", cut).message
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 8192)
    assert "不是有效的 Excel 文件" in probe("import", xls).message


def test_hidden_sheet_and_rows_are_named(tmp_path: Path, probe: Probe) -> None:
    base = roster_book(tmp_path / "base.xlsx", [person(seq=1), person(name="李四", seq=2)])
    with zipfile.ZipFile(base) as archive:
        book = archive.read("xl/workbook.xml").replace(b'name="\xe5\x9f\xb9\xe8\xae\xad\xe7\x8f\xad" ',
                                                       b'name="\xe5\x9f\xb9\xe8\xae\xad\xe7\x8f\xad" state="hidden" ')
        roster = archive.read("xl/worksheets/sheet2.xml").replace(b'<row r="3">', b'<row r="3" hidden="1">')
    from .files import replace_parts

    path = replace_parts(base, tmp_path / "hidden.xlsx", {"xl/workbook.xml": book, "xl/worksheets/sheet2.xml": roster})
    answer = probe("import", path)
    assert answer.outcome == "accepted"
    assert "工作表“培训班”在 Excel 中是隐藏的" in answer.message
    assert "工作表“学徒花名册”:第 3 行在 Excel 中被隐藏,已照常导入" in answer.message
