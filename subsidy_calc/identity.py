"""Checks for Chinese identifiers: resident ID numbers (GB 11643) and unified credit codes (GB 32100)."""

from __future__ import annotations

from datetime import date

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Province-level codes of GB/T 2260 (the first two digits of a resident ID number).
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()  # noqa: SIM905
)


def id_check_digit(body: str) -> str:
    """The GB 11643 check character of the first 17 digits (same as python-stdnum's cn.ric)."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def normalise_id_number(value: str) -> str:
    """Validate an 18-digit resident ID number and return it with an upper-case X; ValueError in Chinese."""
    text = "".join(str(value).split()).upper()
    if len(text) != 18:
        raise ValueError(f"身份证号应为18位,实际{len(text)}位")
    if not (text[:17].isdigit() and (text[17].isdigit() or text[17] == "X")):
        raise ValueError("身份证号格式错误:前17位应为数字,末位为数字或X")
    if text[:2] not in _PROVINCES:
        raise ValueError(f"身份证号前两位“{text[:2]}”不是有效的省级行政区划代码")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValueError(f"身份证号中的出生日期“{text[6:14]}”无效") from None
    if born.year < 1900 or born > date.today():
        raise ValueError(f"身份证号中的出生日期“{text[6:14]}”不合理")
    if id_check_digit(text[:17]) != text[17]:
        raise ValueError("身份证号校验位错误(GB 11643),请核对号码")
    return text


def birth_date_of(id_number: str) -> date:
    """Birth date encoded in a (validated) 18-digit ID number."""
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def sex_of(id_number: str) -> str:
    """男 or 女, from the 17th digit (odd = male)."""
    return "男" if int(id_number[16]) % 2 == 1 else "女"


def mask_id_number(id_number: str) -> str:
    """620102199001011234 → 620102********123X style: keep the region and the last four characters."""
    if len(id_number) < 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def normalise_credit_code(value: str) -> str:
    """Validate an 18-character 统一社会信用代码 (GB 32100 check character); ValueError in Chinese."""
    text = "".join(str(value).split()).upper()
    if len(text) != 18:
        raise ValueError(f"统一社会信用代码应为18位,实际{len(text)}位")
    try:
        uscc.validate(text)
    except InvalidChecksum:
        raise ValueError("统一社会信用代码校验码错误(GB 32100),请核对") from None
    except (InvalidFormat, InvalidLength, InvalidComponent):
        raise ValueError("统一社会信用代码含有不允许的字符(不使用 I、O、Z、S、V)") from None
    return text
