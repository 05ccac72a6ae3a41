"""Turning spreadsheet cell values (text, float, date) into the texts and dates the models expect."""

from __future__ import annotations

from datetime import date, datetime


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


def id_text(value: object) -> tuple[str, str | None]:
    """An ID cell as text, and a message when Excel stored it as a number (digits after 15 are lost)."""
    if isinstance(value, float) and not isinstance(value, bool):
        return cell_text(value), "身份证号被 Excel 存成了数字,后几位已丢失;请把该列设为“文本”格式后重新填写"
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) > 15:
        return str(value), None
    return cell_text(value), None
