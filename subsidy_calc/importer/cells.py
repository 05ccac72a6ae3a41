"""Turning spreadsheet cell values (text, float, date) into the texts and dates the models expect."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def cell_text(value: object) -> str:
    """A cell as text: integral floats without '.0', dates as YYYY-MM-DD, empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cell_date(value: object) -> date:
    """A cell as a date: date cells, YYYY-MM-DD / YYYY/M/D / YYYY年M月D日 / YYYYMMDD text, Excel serials."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20_000 <= value <= 80_000 and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        if 19_000_101 <= value <= 21_001_231 and float(value).is_integer():
            return cell_date(str(int(value)))
        raise ValueError(f"日期“{cell_text(value)}”格式错误,应为 YYYY-MM-DD(例如 2024-03-01)")
    text = cell_text(value)
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise ValueError(f"日期“{text}”不存在,请核对年月日") from None
    raise ValueError(f"日期“{text}”格式错误,应为 YYYY-MM-DD(例如 2024-03-01)")


def id_text(value: object) -> tuple[str, str | None]:
    """An ID cell as text, and a message when Excel stored it as a number (digits after 15 are lost)."""
    if isinstance(value, float) and not isinstance(value, bool):
        return cell_text(value), "身份证号被 Excel 存成了数字,后几位已丢失;请把该列设为“文本”格式后重新填写"
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) > 15:
        return str(value), None
    return cell_text(value), None
