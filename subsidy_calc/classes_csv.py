"""The classes table (one row per class, Chinese headers) as read from CSV or any sheet of rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from .dates import parse_date
from .digits import FOLDED_NOTE, ascii_digits, fold_full_width, is_ascii_digits
from .enums import ApprenticeType, SkillLevel
from .input_errors import InputError, InputProblem
from .limits import MAX_INTEGER_DIGITS, shown_value
from .models import TrainingClass
from .money import to_decimal
from .pydantic_messages import chinese_message, validation_errors
from .textfile import read_csv_rows


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    required: bool


CLASS_COLUMNS: tuple[Column, ...] = (
    Column("班级编号", "class_id", True),
    Column("培训职业", "occupation", True),
    Column("培训等级", "level", True),
    Column("学徒类型", "apprentice_type", False),
    Column("开班日期", "start_date", True),
    Column("结业日期", "end_date", True),
    Column("计划人数", "planned", True),
    Column("取证人数", "certified", False),
    Column("结业未取证人数", "completed_no_cert", False),
    Column("退出人数", "dropped", False),
    Column("人均培训费用", "cost_per_person", False),
    Column("紧缺职业", "shortage", False),
    Column("已预支金额", "advance_paid", False),
    Column("在训人数", "in_training", False),
    Column("集中授课学时", "classroom_hours", False),
    Column("岗位实操学时", "practice_hours", False),
    Column("学徒月实习津贴", "monthly_allowance", False),
)
CLASS_HEADERS = tuple(c.header for c in CLASS_COLUMNS)
# Columns that the exports (subsidy_calc/export/class_table.py) add after the input columns: read back, they
# are ignored, so an exported classes table can be imported again. A 合计 row is skipped for the same reason.
RESULT_HEADERS = ("计入月数", "年标准(元/人·年)", "应得(元)", "应预支(元)", "已预支(元)", "本次应付(元)", "计算说明")
TOTALS_LABELS = frozenset({"合计", "总计"})
ADJUSTMENT_PREFIX = "申请限额:"  # a claim-level line of an exported table (engine_claim), skipped like 合计
_BY_FIELD = {c.field: c for c in CLASS_COLUMNS}
_COUNT_FIELDS = ("planned", "certified", "completed_no_cert", "dropped", "in_training")
_HOUR_FIELDS = ("classroom_hours", "practice_hours")
_NUMBER_FIELDS = (*_COUNT_FIELDS, *_HOUR_FIELDS, "cost_per_person", "advance_paid", "monthly_allowance")


def _whole_number(text: str, value: str, what: str, hint: str = "") -> int:
    """A non-negative whole number typed as `value` (ASCII digits after folding); `what` names it."""
    if value.endswith(".0"):
        value = value[:-2]
    if not is_ascii_digits(value.lstrip("-")) or len(value) > MAX_INTEGER_DIGITS:
        raise ValueError(f"{what}“{shown_value(text)}”应为整数{hint}")
    number = int(value)
    if number < 0:
        raise ValueError(f"{what}不能为负数(填写了 {number})")
    return number


def parse_count(text: str) -> int:
    value, _ = ascii_digits(text.strip(), "人数")
    return _whole_number(text, value, "人数")


def parse_hours(text: str) -> int:
    value, _ = ascii_digits(text.strip().removesuffix("学时").removesuffix("小时").strip(), "学时")
    return _whole_number(text, value, "学时", "(每年学时数)")


def parse_yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in ("", "否", "no", "n", "false", "0", "非紧缺"):
        return False
    if value in ("是", "yes", "y", "true", "1", "紧缺"):
        return True
    raise ValueError(f"“{text}”应为 是 或 否")


def _convert(field: str, text: str) -> object:
    if field in ("start_date", "end_date"):
        return parse_date(text)
    if field in _COUNT_FIELDS:
        return parse_count(text)
    if field in _HOUR_FIELDS:
        return parse_hours(text)
    if field in ("cost_per_person", "advance_paid", "monthly_allowance"):
        amount = to_decimal(text, _BY_FIELD[field].header)
        if amount < 0:
            raise ValueError(f"{_BY_FIELD[field].header}不能为负数")
        return amount
    if field == "shortage":
        return parse_yes_no(text)
    if field == "level":
        return SkillLevel.parse(text)
    if field == "apprentice_type":
        return ApprenticeType.parse(text)
    return text.strip()


def parse_class_row(
    row: Mapping[str, str], row_number: int | None, sheet: str = "", notes: list[InputProblem] | None = None
) -> TrainingClass | list[InputProblem]:
    """One row of texts keyed by header → a TrainingClass, or every problem of the row (never half).

    `notes` receives a warning for each number typed in full-width digits (read as ASCII)."""
    values: dict[str, object] = {}
    problems: list[InputProblem] = []
    for column in CLASS_COLUMNS:
        text = (row.get(column.header) or "").strip()
        if not text:
            if column.required:
                problems.append(InputProblem(row_number, column.header, "", "必须填写", sheet))
            continue
        try:
            values[column.field] = _convert(column.field, text)
        except ValueError as exc:
            problems.append(InputProblem(row_number, column.header, shown_value(text), str(exc), sheet))
            continue
        if notes is not None and column.field in _NUMBER_FIELDS and fold_full_width(text) != text:
            notes.append(InputProblem(row_number, column.header, text, FOLDED_NOTE, sheet))
    start, end = values.get("start_date"), values.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        problems.append(InputProblem(row_number, "结业日期", end.isoformat(),
                                     f"结业日期早于开班日期 {start.isoformat()},请检查是否填反", sheet))
    if problems:
        return problems
    try:
        return TrainingClass.model_validate(values)
    except ValidationError as exc:
        for error in validation_errors(exc):
            field = str(error["loc"][0]) if error["loc"] else ""
            found = _BY_FIELD.get(field)
            header = found.header if found else ("结业日期" if "结业日期" in error.get("msg", "") else "")
            raw = (row.get(header) or "") if header else ""
            problems.append(InputProblem(row_number, header, raw, chinese_message(error), sheet))
        return problems


def check_headers(headers: Iterable[str], sheet: str = "") -> list[InputProblem]:
    present = {h.strip() for h in headers}
    problems = [
        InputProblem(1, c.header, "", "缺少必填列", sheet)
        for c in CLASS_COLUMNS
        if c.required and c.header not in present
    ]
    unknown = sorted(h for h in present - set(CLASS_HEADERS) - set(RESULT_HEADERS) if h)
    if unknown:
        problems.append(
            InputProblem(1, "、".join(unknown), "", f"不认识的列;可用的列:{'、'.join(CLASS_HEADERS)}", sheet)
        )
    return problems


def classes_from_rows(headers: list[str], rows: Iterable[tuple[int, Mapping[str, str]]],
                      sheet: str = "", notes: list[InputProblem] | None = None,
                      ) -> tuple[list[TrainingClass], list[InputProblem]]:
    """Parse every row; good rows become classes, bad rows become problems (duplicates included)."""
    problems = check_headers(headers, sheet)
    if problems:
        return [], problems
    classes: list[TrainingClass] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        if not any((v or "").strip() for v in row.values()):
            continue
        first = (row.get("班级编号") or "").strip()
        if first in TOTALS_LABELS or first.startswith(ADJUSTMENT_PREFIX):
            continue
        parsed = parse_class_row(row, number, sheet, notes)
        if isinstance(parsed, list):
            problems.extend(parsed)
            continue
        if parsed.class_id in seen:
            problems.append(
                InputProblem(
                    number, "班级编号", parsed.class_id, f"与第 {seen[parsed.class_id]} 行的班级编号重复", sheet
                )
            )
            continue
        seen[parsed.class_id] = number
        classes.append(parsed)
    return classes, problems


def read_classes_csv(path: Path, notes: list[InputProblem] | None = None) -> list[TrainingClass]:
    """Read a classes CSV (UTF-8, UTF-8 with BOM or GB18030); InputError lists every bad row."""
    headers, rows = read_csv_rows(path)
    classes, problems = classes_from_rows(headers, rows, notes=notes)
    if problems:
        raise InputError(problems)
    if not classes:
        raise InputError([InputProblem(None, "", "", f"文件“{path.name}”中没有培训班数据")])
    return classes
