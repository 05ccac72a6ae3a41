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
from .class_table import Cell, adjustment_row, class_table_headers, class_table_row, totals_row
from .summary import DECLARATION, EMPTY, ROSTER_HEADERS, Item, SummaryDocument

MONEY_FORMAT = "#,##0.00;[Red]-#,##0.00"
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
CLASS_WIDTHS = (10, 14, 10, 10, 12, 12, 9, 9, 9, 9, 12, 9, 12, 9, 12, 12, 12, 9, 14, 14, 14, 14, 60)
ROSTER_WIDTHS = (6, 10, 5, 21, 12, 16, 12, 23, 10, 20, 13)
ROSTER_SHEET_HEADERS = (*ROSTER_HEADERS, "补贴金额(元)")
MATERIAL_HEADERS = ("已备", "序号", "材料", "要求", "份数", "本软件", "出处")
MATERIAL_WIDTHS = (5, 5, 40, 6, 6, 26, 40)
FOOTER = "&C第 &P 页 共 &N 页"
A4 = 9  # Excel's paper size code


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
            "box": workbook.add_format({"border": 1, "valign": "top", "text_wrap": True}),
            "box_right": workbook.add_format({"border": 1, "align": "right", "valign": "vcenter"}),
            "check": workbook.add_format({"border": 1, "align": "center", "valign": "vcenter", "font_size": 13}),
        }

    def print_setup(self, heading_rows: int, landscape: bool = False) -> None:
        """A4 fitted to the page width, the heading rows repeated on every page, 第 &P 页 共 &N 页 below."""
        ws = self.ws
        ws.set_paper(A4)
        if landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, heading_rows - 1)
        ws.set_footer(FOOTER)
        ws.set_margins(left=0.6, right=0.6, top=0.6, bottom=0.7)
        ws.center_horizontally()

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
    ws.freeze_panes(2, 0)
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
    row = _signatures(sheet, row, doc)
    sheet.text(row + 1, 0, "生成")
    sheet.text(row + 1, 1, doc.generated_text)
    sheet.print_setup(heading_rows=2)


def _signatures(sheet: _Sheet, row: int, doc: SummaryDocument) -> int:
    """The declaration and the cells of the PDF for seal, signatures, phone and date; returns the next row."""
    ws, box = sheet.ws, sheet.f["box"]
    phone = next((i.value for i in doc.enterprise if i.label == "联系电话"), "")
    ws.merge_range(row, 0, row, 1, DECLARATION, sheet.f["wrap"])
    sig = doc.signatures
    ws.set_row(row + 1, 120)  # room for a 4 cm round seal
    for col, label in enumerate(sig[:2]):
        ws.write_string(row + 1, col, f"{label}:", box)
    ws.set_row(row + 2, 36)
    ws.write_string(row + 2, 0, f"{sig[2]}:", box)
    ws.write_string(row + 2, 1, f"{sig[3]}:{'' if phone == EMPTY else phone}", box)
    ws.set_row(row + 3, 24)
    ws.merge_range(row + 3, 0, row + 3, 1, f"{sig[4]}:      年    月    日", sheet.f["box_right"])
    return row + 5


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
    sheet.print_setup(heading_rows=1, landscape=True)
    row = 0
    for row, line in enumerate(result.classes, start=1):
        for col, value in enumerate(class_table_row(line)):
            _cell(sheet, row, col, value)
    for adjustment in result.adjustments:
        row += 1
        for col, value in enumerate(adjustment_row(adjustment)):
            _cell(sheet, row, col, value)
    for col, value in enumerate(totals_row(result.gross, result.advance_paid, result.payable)):
        _cell(sheet, row + 1, col, value, bold=True)


def _roster(workbook: Any, doc: SummaryDocument) -> None:
    sheet = _Sheet(workbook, "学徒名册")
    sheet.header(0, ROSTER_SHEET_HEADERS, ROSTER_WIDTHS)
    sheet.print_setup(heading_rows=1, landscape=True)
    for row, person in enumerate(doc.roster, start=1):
        sheet.ws.write_number(row, 0, row)
        for col, value in enumerate(person.cells()[1:], start=1):
            if value != EMPTY:  # an empty 证书编号 stays empty (the PDF shows —)
                sheet.text(row, col, value)
        sheet.money(row, len(ROSTER_HEADERS), person.amount)
    if doc.roster:
        sheet.ws.autofilter(0, 0, len(doc.roster), len(ROSTER_SHEET_HEADERS) - 1)
    else:
        sheet.text(1, 0, doc.roster_note)


def _materials(workbook: Any, doc: SummaryDocument) -> None:
    sheet = _Sheet(workbook, "申报材料清单")
    sheet.header(0, MATERIAL_HEADERS, MATERIAL_WIDTHS)
    sheet.print_setup(heading_rows=1, landscape=True)
    for row, line in enumerate(doc.materials, start=1):
        sheet.ws.write_string(row, 0, "☑" if line.ready else "☐", sheet.f["check"])
        sheet.ws.write_number(row, 1, row)
        for col, value in enumerate((line.text, line.required_text, line.copies_text, line.note, line.source), 2):
            sheet.text(row, col, value, "wrap")
    sheet.text(len(doc.materials) + 2, 0, doc.materials_note)


def workbook_bytes(doc: SummaryDocument, result: ClaimResult) -> bytes:
    """The workbook in memory; `doc` must be built from `result` (its masked roster is used as is)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    _application(workbook, doc, result)
    _classes(workbook, result)
    _roster(workbook, doc)
    _materials(workbook, doc)
    workbook.close()
    return buffer.getvalue()

