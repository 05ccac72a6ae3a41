"""The classes table of the exports (xlsx 培训班 sheet, CSV): the input columns, then the engine's results.

The first columns are exactly the classes input (classes_csv.CLASS_HEADERS) with the values as entered, so an
exported table can be imported or calculated again; the result columns after them are ignored when read back.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..classes_csv import ADJUSTMENT_PREFIX, CLASS_HEADERS, RESULT_HEADERS
from ..enums import Stage
from ..results import ClaimAdjustment, ClassLine

Cell = str | int | date | Decimal | None



def class_table_headers(stage: Stage) -> tuple[str, ...]:
    """Input headers, then 计入月数, 年标准, 应得 (应预支 at the advance stage), 已预支, 本次应付, 计算说明."""
    results = [h for h in RESULT_HEADERS if h != ("应得(元)" if stage is Stage.ADVANCE else "应预支(元)")]
    return (*CLASS_HEADERS, *results)


def class_table_row(line: ClassLine) -> list[Cell]:
    """One class: counts as the engine counted them (from the roster when there is one), money as Decimals,
    人均培训费用 / 已预支金额 as entered (None when left blank: a blank advance is the rule set's assumption)."""
    typed, counts = line.source, line.counts
    return [
        line.class_id, line.occupation, line.level.label, line.apprentice_type.label, line.start_date,
        line.end_date, line.planned, counts.certified, counts.completed_no_cert, counts.dropped,
        typed.cost_per_person, "是" if typed.shortage else "否", typed.advance_paid, counts.in_training,
        typed.classroom_hours, typed.practice_hours, typed.monthly_allowance,
        line.months_counted, line.annual_rate, line.gross, line.advance_paid, line.payable,
        line.explanation.text(),
    ]


def adjustment_row(adjustment: ClaimAdjustment) -> list[Cell]:
    """A claim-level line (engine_claim) between the classes and 合计: its amount under 应得 and 本次应付, so
    the column sums equal the totals; skipped when the table is read back."""
    width = len(CLASS_HEADERS) + len(RESULT_HEADERS) - 1
    row: list[Cell] = [ADJUSTMENT_PREFIX + adjustment.label, *([None] * (width - 1))]
    row[-4], row[-2], row[-1] = adjustment.amount, adjustment.amount, f"{adjustment.text};依据:{adjustment.clause}"
    return row


def totals_row(gross: Decimal, advance: Decimal, payable: Decimal) -> list[Cell]:
    """合计 under the last three money columns (skipped when the table is read back)."""
    width = len(CLASS_HEADERS) + len(RESULT_HEADERS) - 1
    row: list[Cell] = ["合计", *([None] * (width - 1))]
    row[-4:-1] = [gross, advance, payable]
    return row
