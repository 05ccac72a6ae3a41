"""Money helpers: exact Decimal parsing, rounding, display, and amounts in Chinese capitals (大写)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0")
MAX_AMOUNT = Decimal("1000000000000")


def to_decimal(value: object, what: str = "金额") -> Decimal:
    """Parse a user or file value into an exact Decimal; floats are refused (they are not exact)."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise ValueError(f"{what}不是数字")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace(",", "").removeprefix("¥").removeprefix("￥")
        text = text.removesuffix("元")
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


def amount_in_words(value: Decimal) -> str:
    """Amount in Chinese capitals by the banking convention: 217500 → 贰拾壹万柒仟伍佰元整.

    A negative amount (a refund owed) is prefixed with 负. Amounts are rounded to the cent first.
    """
    amount = cents(value)
    if amount.copy_abs() >= MAX_AMOUNT:
        raise ValueError("金额超过万亿,无法转换为大写")
    import cn2an  # imported on first use: it costs ~0.3 s at start-up and most runs never need it

    sign = "负" if amount < 0 else ""
    text: str = cn2an.an2cn(f"{amount.copy_abs():.2f}", "rmb")
    return sign + text
