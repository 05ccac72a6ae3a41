"""Checks for Chinese identifiers: resident ID numbers (GB 11643) and unified credit codes (GB 32100)."""

from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path

_region_cache: dict[str, bool] = {}


def region_known(code: str) -> bool:
    """Whether a 6-digit administrative division code is in python-stdnum's GB/T 2260 table (cached).

    Deliberately not stdnum's birth-year test: the code in an ID number is that of the household
    registration when the number was issued, so a person born in 1970 in Lanzhou rightly holds 620102,
    a code stdnum dates from 1983 — its cn.ric.validate would refuse that real number.
    """
    known = _region_cache.get(code)
    if known is None:
        counties = _county_codes()
        if counties is not None:
            known = code in counties
        else:
            from stdnum import numdb

            info = {k: v for _, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
            known = "county" in info
        _region_cache[code] = known
    return known


@functools.cache
def _county_codes() -> frozenset[str] | None:
    """The codes with a county entry in stdnum's cn/loc.dat, read straight from the file (None if unreadable).

    stdnum.numdb gives the same answers (checked for every 6-digit code) but importing stdnum and parsing its
    tree costs ≈ 65 ms of CPU, paid by the first ID check of every process; this costs ≈ 6 ms. The file is
    two levels: an unindented 2-digit province line, then indented 4-digit lines (`  0102 county="…"`).
    """
    # the file `import stdnum` would find (first on sys.path), located without importing stdnum
    found = (Path(entry) / "stdnum" / "cn" / "loc.dat" for entry in sys.path if entry)
    path = next((p for p in found if p.is_file()), None)
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    codes: set[str] = set()
    province = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            province = line[:2]
        elif "county=" in line:
            codes.add(province + line.lstrip()[:4])
    return frozenset(codes)


def id_check_digit(body: str) -> str:
    """The GB 11643 check character of the first 17 digits (same as python-stdnum's cn.ric).

    Σ wᵢ·dᵢ mod 11 with wᵢ = 2^(17-i) mod 11 equals 2·int(body, 13) mod 11, which Python does in C.
    """
    return "10X98765432"[(2 * int(body, 13)) % 11]


def normalise_id_number(value: str) -> str:
    """Validate an 18-digit resident ID number and return it with an upper-case X; ValueError in Chinese.

    The checks of python-stdnum's cn.ric (check digit, birth date, region code in its GB/T 2260 table) but
    see region_known for the birth-year test left out; cached, as stdnum's validate costs 60-125 us a number.
    """
    text = "".join(str(value).split()).upper()
    if len(text) != 18:
        raise ValueError(f"身份证号应为18位,实际{len(text)}位")
    if not (text[:17].isdigit() and (text[17].isdigit() or text[17] == "X")):
        raise ValueError("身份证号格式错误:前17位应为数字,末位为数字或X")
    if id_check_digit(text[:17]) != text[17]:
        raise ValueError("身份证号校验位错误(GB 11643),请核对号码")
    try:
        date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValueError(f"身份证号中的出生日期“{text[6:14]}”无效") from None
    if not region_known(text[:6]):
        raise ValueError(f"身份证号前6位“{text[:6]}”不是有效的行政区划代码")
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
    from stdnum.cn import uscc  # imports stdnum (≈ 30 ms of CPU): only when a credit code is checked
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    try:
        uscc.validate(text)
    except InvalidChecksum:
        raise ValueError("统一社会信用代码校验码错误(GB 32100),请核对") from None
    except (InvalidFormat, InvalidLength, InvalidComponent):
        raise ValueError("统一社会信用代码含有不允许的字符(不使用 I、O、Z、S、V)") from None
    return text
