"""The classes of a calculated claim as CSV (UTF-8 with BOM for Excel): a row per class and a totals row."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from ..enums import Stage
from ..money import format_yuan
from ..results import ClaimResult
from .cells import neutralise
from .class_table import Cell, adjustment_row, class_table_headers, class_table_row, totals_row


def headers_for(stage: Stage) -> tuple[str, ...]:
    return class_table_headers(stage)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_yuan(value, thousands=False)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def classes_csv_bytes(result: ClaimResult) -> bytes:
    """The CSV document: amounts are the engine's Decimals with two decimals and no separators. The input
    columns come first, so `main.py calc` reads an exported file back (result columns and 合计 are skipped)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers_for(result.stage))
    for line in result.classes:
        writer.writerow([_text(v) for v in class_table_row(line)])
    for adjustment in result.adjustments:
        writer.writerow([_text(v) for v in adjustment_row(adjustment)])
    writer.writerow([_text(v) for v in totals_row(result.gross, result.advance_paid, result.payable)])
    return out.getvalue().encode("utf-8-sig")

