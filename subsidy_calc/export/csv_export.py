"""The classes of a calculated claim as CSV (UTF-8 with BOM for Excel): a row per class and a totals row."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..enums import Stage
from ..money import format_yuan
from ..results import ClaimResult, ClassLine
from .cells import neutralise
from .summary import gross_heading

HEADERS = (
    "班级编号", "培训职业", "培训等级", "学徒类型", "开班日期", "结业日期", "计划人数", "取证人数",
    "结业未取证人数", "退出人数", "在训人数", "计入月数", "年标准(元/人·年)", "应得(元)", "已预支(元)", "本次应付(元)",
)


def headers_for(stage: Stage) -> tuple[str, ...]:
    return tuple(gross_heading(stage) if h == "应得(元)" else h for h in HEADERS)


def _money(value: Decimal) -> str:
    return format_yuan(value, thousands=False)


def _row(line: ClassLine) -> list[str]:
    c = line.counts
    text = [neutralise(line.class_id), neutralise(line.occupation), line.level.label, line.apprentice_type.label]
    return [
        *text, line.start_date.isoformat(), line.end_date.isoformat(), str(line.planned), str(c.certified),
        str(c.completed_no_cert), str(c.dropped), str(c.in_training), str(line.months_counted),
        _money(line.annual_rate), _money(line.gross), _money(line.advance_paid), _money(line.payable),
    ]


def classes_csv_bytes(result: ClaimResult) -> bytes:
    """The CSV document: amounts are the engine's Decimals with two decimals and no separators."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers_for(result.stage))
    for line in result.classes:
        writer.writerow(_row(line))
    totals = ["合计"] + [""] * (len(HEADERS) - 4)
    writer.writerow([*totals, _money(result.gross), _money(result.advance_paid), _money(result.payable)])
    return out.getvalue().encode("utf-8-sig")


def write_classes_csv(path: Path, result: ClaimResult) -> None:
    atomic_write_bytes(path, classes_csv_bytes(result))
