"""The claim as an Excel workbook (申请表, 培训班, 学徒名册) written with xlsxwriter, formula-safe.

Money cells are real numbers so that sums and filters work. xlsx stores numbers as IEEE doubles: the engine's
Decimal is written as float(value). Every amount with two decimals below 10^12 (the limit of amount_in_words)
has at most 14 significant digits, and a double keeps 15, so reading the cell back and rounding to the cent
(`Decimal(str(round(value, 2)))`) gives the engine's Decimal exactly. The capitals (大写) are written as text.

All text goes through write_string with `strings_to_formulas` off, so text such as "=HYPERLINK(…)" is stored
as a string, never as a formula; formula-like text also gets Excel's quote prefix (shown as typed, not run).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

import xlsxwriter

from ..results import ClaimResult
from .cells import is_formula_like
from .class_table import Cell, class_table_headers, class_table_row, totals_row
from .summary import EMPTY, ROSTER_HEADERS, Item, SummaryDocument

MONEY_FORMAT = "#,##0.00;[Red]-#,##0.00"
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
CLASS_WIDTHS = (10, 14, 10, 10, 12, 12, 9, 9, 9, 9, 12, 9, 12, 9, 12, 12, 12, 9, 14, 14, 14, 14, 60)
ROSTER_WIDTHS = (6, 10, 10, 21, 11, 18, 13)


class _Sheet:
    """A worksheet with the workbook's formats: text is always a string, money always a number."""

    def __init__(self, workbook: Any, name: str) -> None:
        self.ws = workbook.add_worksheet(name)
        self.f = {
            "title": workbook.add_format({"bold": True, "font_size": 14, "align": "center"}),
            "head": workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True,
                                         "valign": "vcenter", "align": "center"}),
            "label": workbook.add_format({"bold": True, "bg_color": "#EEEEEE"}),
            "text": workbook.add_format({}),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "quoted": workbook.add_format({"quote_prefix": True}),
            "money": workbook.add_format({"num_format": MONEY_FORMAT}),
            "money_bold": workbook.add_format({"num_format": MONEY_FORMAT, "bold": True}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd", "align": "left"}),
            "red": workbook.add_format({"bold": True, "font_color": "#C00000", "font_size": 12}),
        }

    def text(self, row: int, col: int, value: str, style: str = "text") -> None:
        fmt = self.f["quoted"] if is_formula_like(value) else self.f[style]
        self.ws.write_string(row, col, value, fmt)

    def money(self, row: int, col: int, value: Decimal, bold: bool = False) -> None:
        self.ws.write_number(row, col, float(value), self.f["money_bold" if bold else "money"])

    def day(self, row: int, col: int, value: date) -> None:
        self.ws.write_datetime(row, col, value, self.f["date"])

    def header(self, row: int, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
        for col, (title, width) in enumerate(zip(headers, widths, strict=True)):
            self.ws.write_string(row, col, title, self.f["head"])
            self.ws.set_column(col, col, width)
        self.ws.freeze_panes(row + 1, 0)


def _items(sheet: _Sheet, row: int, heading: str, items: tuple[Item, ...]) -> int:
    sheet.text(row, 0, heading, "label")
    for item in items:
        row += 1
        sheet.text(row, 0, item.label)
        sheet.text(row, 1, item.value)
    return row + 2


def _application(workbook: Any, doc: SummaryDocument, result: ClaimResult) -> None:
    sheet = _Sheet(workbook, "申请表")
    ws = sheet.ws
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 60)
    ws.merge_range(0, 0, 0, 1, doc.title, sheet.f["title"])
    sheet.text(1, 0, "申领日期")
    sheet.text(1, 1, doc.claim_date)
    ws.freeze_panes(1, 0)
    row = 3
    if doc.error_banner:
        sheet.text(row, 0, doc.error_banner, "red")
        for error in doc.errors:
            row += 1
            sheet.text(row, 1, error, "wrap")
        row += 2
    row = _items(sheet, row, "申请单位", doc.enterprise)
    row = _items(sheet, row, "培训机构", doc.institution)
    row = _items(sheet, row, "适用规则", doc.ruleset)
    if doc.assumptions:
        sheet.text(row, 0, "规则集假设(须核实)", "label")
        for assumption in doc.assumptions:
            sheet.text(row, 1, assumption, "wrap")
            row += 1
        row += 1
    totals = doc.totals
    sheet.text(row, 0, "补贴合计", "label")
    sheet.text(row + 1, 0, f"{totals.gross_label}(元)")
    sheet.money(row + 1, 1, result.gross)
    sheet.text(row + 2, 0, "已预支合计(元)")
    sheet.money(row + 2, 1, result.advance_paid)
    sheet.text(row + 3, 0, f"{totals.payable_label}(元)")
    sheet.money(row + 3, 1, -result.payable if totals.refund else result.payable, bold=True)
    sheet.text(row + 4, 0, f"{totals.payable_label}(大写)")
    sheet.text(row + 4, 1, totals.payable_words)
    row += 6
    if doc.notices:
        sheet.text(row, 0, "提示与警告", "label")
        for notice in doc.notices:
            sheet.text(row, 1, notice, "wrap")
            row += 1
        row += 1
    sheet.text(row, 0, "生成")
    sheet.text(row, 1, doc.generated_text)


def _cell(sheet: _Sheet, row: int, col: int, value: Cell, bold: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, Decimal):
        sheet.money(row, col, value, bold)
    elif isinstance(value, date):
        sheet.day(row, col, value)
    elif isinstance(value, int):
        sheet.ws.write_number(row, col, value)
    else:
        sheet.text(row, col, value, "label" if bold else "text")


def _classes(workbook: Any, result: ClaimResult) -> None:
    """Input columns first (the sheet can be imported again), then the engine's results and a 合计 row."""
    sheet = _Sheet(workbook, "培训班")
    sheet.header(0, class_table_headers(result.stage), CLASS_WIDTHS)
    row = 0
    for row, line in enumerate(result.classes, start=1):
        for col, value in enumerate(class_table_row(line)):
            _cell(sheet, row, col, value)
    for col, value in enumerate(totals_row(result.gross, result.advance_paid, result.payable)):
        _cell(sheet, row + 1, col, value, bold=True)


def _roster(workbook: Any, doc: SummaryDocument, result: ClaimResult) -> None:
    sheet = _Sheet(workbook, "学徒名册")
    sheet.header(0, ROSTER_HEADERS, ROSTER_WIDTHS)
    for row, (cells, person) in enumerate(zip(doc.roster, result.apprentices, strict=True), start=1):
        sheet.ws.write_number(row, 0, row)
        for col in range(1, 6):
            if cells[col] != EMPTY:  # an empty 证书编号 stays empty (the PDF shows —)
                sheet.text(row, col, cells[col])
        sheet.money(row, 6, person.amount)
    if doc.roster:
        sheet.ws.autofilter(0, 0, len(doc.roster), len(ROSTER_HEADERS) - 1)


def workbook_bytes(doc: SummaryDocument, result: ClaimResult) -> bytes:
    """The workbook in memory; `doc` must be built from `result` (its masked roster is used as is)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    _application(workbook, doc, result)
    _classes(workbook, result)
    _roster(workbook, doc, result)
    workbook.close()
    return buffer.getvalue()

