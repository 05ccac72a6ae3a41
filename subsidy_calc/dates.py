"""The one date parser for every input: classes CSV, roster cells, claim files edited by hand, the window.

Accepted, all meaning the same day: 2023-03-01, 2023/3/1, 2023.3.1, 2023年3月1日, 20230301, date cells,
and Excel serial numbers (days since 1899-12-30, as a number or as digits). Anything else raises
`DateError` with one Chinese message; callers add the cell or column it came from.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated

from pydantic import BeforeValidator

EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers of 1954-10-03 … 2119-01-08: a training or contract date in any realistic claim, and never
# a yyyymmdd number (those are eight digits).
SERIAL_RANGE = (20_000, 80_000)
_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$", re.ASCII)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$", re.ASCII)
_SERIAL = re.compile(r"^\s*(\d{5})(?:\.0+)?\s*$", re.ASCII)
FORMATS_HINT = "应为 YYYY-MM-DD(例如 2024-03-01),也可写 2024/3/1、2024.3.1 或 2024年3月1日"


class DateError(ValueError):
    """A value that is not a date in any accepted spelling; str() is the Chinese message."""


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _from_serial(serial: int, value: object) -> date:
    low, high = SERIAL_RANGE
    if not low <= serial <= high:
        raise DateError(f"日期“{_shown(value)}”格式错误,{FORMATS_HINT}")
    return EXCEL_EPOCH + timedelta(days=serial)


def parse_date(value: object) -> date:
    """A date from a cell value or text in any accepted spelling; DateError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise DateError(f"日期“{_shown(value)}”格式错误,{FORMATS_HINT}")
    if isinstance(value, int | float):
        if not float(value).is_integer():
            raise DateError(f"日期“{_shown(value)}”格式错误,{FORMATS_HINT}")
        number = int(value)
        if 19_000_101 <= number <= 21_001_231:
            return parse_date(str(number))
        return _from_serial(number, value)
    if not isinstance(value, str):
        raise DateError(f"日期“{_shown(value)}”格式错误,{FORMATS_HINT}")
    match = _TEXT.match(value) or _COMPACT.match(value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise DateError(f"日期“{_shown(value.strip())}”不存在,请核对年月日") from None
    serial = _SERIAL.match(value)
    if serial:
        return _from_serial(int(serial.group(1)), value)
    if not value.strip():
        raise DateError("日期未填写")
    raise DateError(f"日期“{_shown(value.strip())}”格式错误,{FORMATS_HINT}")


def _lenient(value: object) -> object:
    """For pydantic: every accepted spelling becomes a date; other values go on to pydantic's own check."""
    if value is None or isinstance(value, date):
        return value
    return parse_date(value)


# A date field of the models: claim files edited by hand may use any accepted spelling.
AnyDate = Annotated[date, BeforeValidator(_lenient)]
