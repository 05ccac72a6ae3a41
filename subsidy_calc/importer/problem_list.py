"""The problem list as an xlsx the user can save, fix from, and send on (formula injection neutralised)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..input_errors import InputProblem

REPORT_HEADERS = ("工作表", "行", "列", "值", "问题", "类别")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    """Text a spreadsheet (or a later CSV export) could take for a formula: leading = + - @ tab or CR."""
    return value.startswith(_DANGEROUS)


def write_problem_report(path: Path, problems: Iterable[InputProblem],
                         warnings: Iterable[InputProblem] = ()) -> int:
    """Write problems (and warnings) to an xlsx, every text cell as a string; returns the number of lines.

    Built in memory and written atomically: an existing file is replaced whole or left as it was."""
    import io

    import xlsxwriter

    from ..atomic import atomic_write_bytes

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_numbers": False,
                                            "strings_to_urls": False, "in_memory": True})
    count = 0
    try:
        sheet = workbook.add_worksheet("问题清单")
        head = workbook.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1})
        quoted = workbook.add_format({"quote_prefix": True})

        def text(row: int, col: int, value: str) -> None:
            # Always a string cell (never a formula); formula-like text also gets Excel's quote prefix.
            sheet.write_string(row, col, value, quoted if looks_like_formula(value) else None)

        for col, header in enumerate(REPORT_HEADERS):
            sheet.write_string(0, col, header, head)
        for kind, items in (("未导入", problems), ("提示", warnings)):
            for problem in items:
                count += 1
                text(count, 0, problem.sheet)
                if problem.row is not None:
                    sheet.write_number(count, 1, problem.row)
                text(count, 2, problem.column)
                text(count, 3, problem.value)
                text(count, 4, problem.message)
                sheet.write_string(count, 5, kind)
        for col, width in enumerate((14, 8, 16, 24, 80, 8)):
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(count, 1), len(REPORT_HEADERS) - 1)
    finally:
        workbook.close()
    atomic_write_bytes(path, buffer.getvalue())
    return count
