"""Money helpers: exact Decimal parsing, rounding, display, and amounts in Chinese capitals (大写)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .digits import ascii_digits
from .limits import exceeded

CENT = Decimal("0.01")
ZERO = Decimal("0")
MAX_AMOUNT = Decimal("1000000000000")
OUT_OF_RANGE_WORDS = "—(金额超出上限,无法大写)"


def to_decimal(value: object, what: str = "金额") -> Decimal:
    """Parse a user or file value into an exact Decimal; floats are refused (they are not exact)."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise ValueError(f"{what}不是数字")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text, _ = ascii_digits(value.strip(), what)
        text = text.replace(",", "").replace(",", "").removeprefix("¥").removeprefix("￥")
        text = text.removesuffix("元")
        if len(text) > 40:
            raise ValueError(f"{what}过长(实际 {len(text):,} 个字符),不是有效金额")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{what}“{value}”不是数字") from None
    else:
        raise ValueError(f"{what}必须是精确的十进制数,不能是 {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"{what}“{value}”不是有限数字")
    if result.copy_abs() >= MAX_AMOUNT:
        raise ValueError(f"{what}“{value}”过大(上限为一万亿元)")
    return result


def cents(value: Decimal) -> Decimal:
    """Round to the cent, half up (used only for display and totals already exact to the cent)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(value: Decimal, thousands: bool = True) -> str:
    """1234.5 → '1,234.50' (two decimals, optional thousands separators)."""
    return f"{cents(value):,.2f}" if thousands else f"{cents(value):.2f}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("仟", "佰", "拾", "")


def _section_in_words(value: int) -> str:
    """0 < value < 10000 in capitals; inner runs of zeros read as one 零, trailing zeros not at all."""
    out: list[str] = []
    zero = False
    for digit, unit in zip(f"{value:04d}", _UNITS, strict=True):
        if digit == "0":
            zero = bool(out)
        else:
            if zero:
                out.append("零")
                zero = False
            out.append(_DIGITS[int(digit)] + unit)
    return "".join(out)


def _yuan_in_words(value: int) -> str:
    """Whole yuan (0 < value < 10^12) in capitals, by sections of 亿, 万 and units."""
    text = ""
    gap = False
    yi, rest = divmod(value, 10**8)
    wan, units = divmod(rest, 10**4)
    for section, name in ((yi, "亿"), (wan, "万"), (units, "")):
        if section == 0:
            gap = bool(text)
            continue
        if text and (gap or section < 1000):
            text += "零"  # zeros between two non-zero digits read as one 零, across sections too
        text += _section_in_words(section) + name
        gap = False
    return text


def amount_in_words(value: Decimal) -> str:
    """Amount in Chinese capitals by the banking convention: 217500 → 贰拾壹万柒仟伍佰元整.

    15 → 壹拾伍元整, 100005 → 壹拾万零伍元整, 1005.50 → 壹仟零伍元伍角, 1000.05 → 壹仟元零伍分,
    100005000 → 壹亿零伍仟元整. A negative amount (a refund owed) is prefixed with 负. Amounts are rounded to
    the cent first. cn2an gives the same text (tests/subsidy_calc/test_money.py compares them) except that
    it drops the 零 across an empty 万 section (壹亿伍仟元整), and its import compiles regular expressions
    for 0.3-0.5 s, which the window would pay at every start.
    """
    amount = cents(value)
    if amount.copy_abs() >= MAX_AMOUNT:
        raise ValueError("金额超过万亿,无法转换为大写")
    sign = "负" if amount < 0 else ""
    whole, fraction = divmod(int(amount.copy_abs() * 100), 100)
    jiao, fen = divmod(fraction, 10)
    if whole == 0:
        if fraction == 0:
            return "零元整"
        return sign + (_DIGITS[jiao] + "角" if jiao else "") + (_DIGITS[fen] + "分" if fen else "")
    text = sign + _yuan_in_words(whole) + "元"
    if fraction == 0:
        return text + "整"
    if fen == 0:
        return text + _DIGITS[jiao] + "角"
    if jiao == 0:
        return text + "零" + _DIGITS[fen] + "分"
    return text + _DIGITS[jiao] + "角" + _DIGITS[fen] + "分"


def totals_problem(*amounts: Decimal) -> str | None:
    """Why a claim's totals cannot be right, or None: one of them is 1,000,000,000,000 yuan or more, which no
    form, no amount in capitals and no payment has; the counts or amounts typed are wrong. The engine reports
    it as an ERROR notice (the window, the paper); the command line refuses the input with it (exit status 2)."""
    largest = max((amount.copy_abs() for amount in amounts), default=ZERO)
    if largest < MAX_AMOUNT:
        return None
    return exceeded("合计金额", int(MAX_AMOUNT), f"{largest:,.2f} 元", " 元") + ";请检查人数与金额"


def capitals_shown(value: Decimal) -> str:
    """The amount in capitals as the window and the paper show it: `amount_in_words`, or a dash and a note for
    an amount out of its range (`totals_problem` has made that an error of the claim)."""
    return OUT_OF_RANGE_WORDS if cents(value).copy_abs() >= MAX_AMOUNT else amount_in_words(value)
