"""Generators of hostile files: each writes one crafted input of a few KB to a few MB and returns its path."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bench.samples import ROSTER_HEADERS, make_id
from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.importer.xlsxraw import write_raw_xlsx

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
START = date(2023, 3, 1)
END = date(2025, 2, 28)


def an_id(seq: int = 1, birth: date = date(1995, 5, 17)) -> str:
    return make_id("110101", birth, seq)


def class_row(class_id: str = "C1", planned: object = 10) -> list[object]:
    values: dict[str, object] = {"班级编号": class_id, "培训职业": "电工", "培训等级": "高级工", "学徒类型": "职工学徒",
                                 "开班日期": START, "结业日期": END, "计划人数": planned}
    return [values.get(h) for h in CLASS_HEADERS]


def person(name: str = "张三", id_number: str | None = None, seq: int = 1) -> list[object]:
    return ["C1", name, id_number or an_id(seq), "在训", "", date(2022, 1, 1), date(2027, 12, 31)]


def roster_book(path: Path, people: Sequence[Sequence[object]], classes: Sequence[Sequence[object]] | None = None,
                ) -> Path:
    write_raw_xlsx(path, [("培训班", [list(CLASS_HEADERS), *(classes or [class_row()])]),
                          ("学徒花名册", [list(ROSTER_HEADERS), *people])])
    return path


def replace_parts(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """A copy of a zip with some parts replaced (or added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, parts.get(info.filename, old.read(info)))
        for name in set(parts) - set(old.namelist()):
            new.writestr(name, parts[name])
    return target


def xlsx_with_sheet_xml(path: Path, sheet_xml: str | bytes) -> Path:
    """A valid workbook whose roster sheet (sheet2) is replaced by the given XML."""
    base = roster_book(path.with_suffix(".base.xlsx"), [person()])
    data = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
    return replace_parts(base, path, {"xl/worksheets/sheet2.xml": data})


def sheet(rows: str, dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f"<worksheet {NS}>{dim}<sheetData>{rows}</sheetData></worksheet>"


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def ods(path: Path, body: str, name: str = "学徒花名册") -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="{name}">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def ods_row(*texts: str, repeat: int = 1) -> str:
    attribute = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
                    for t in texts)
    return f"<table:table-row{attribute}>{cells}</table:table-row>"
