"""What counts as a digit, written once: ASCII 0-9; full-width forms are folded (and said); others refused.

Python's str.isdigit(), int() and Decimal() accept any Unicode decimal digit (０, ٣, ७ …), so one ID number
could be spelled several ways and count as several people. Every field of digits (ID numbers, credit codes,
counts, money) goes through `ascii_digits` before it is checked or compared.
"""

from __future__ import annotations

import unicodedata

# The full-width forms block U+FF01-U+FF5E is ASCII shifted by 0xFEE0 (what NFKC does to it); U+3000 is the
# ideographic space. Only these are folded: ² or ٣ are not "the same digit typed in a Chinese IME".
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
FOLDED_NOTE = "全角字符已转换为半角"


def fold_full_width(text: str) -> str:
    """Full-width letters, digits and punctuation as their ASCII forms (the NFKC of that block)."""
    return text if text.isascii() else text.translate(_FULL_WIDTH)


def ascii_digits(text: str, what: str) -> tuple[str, bool]:
    """The text with full-width forms folded, and whether anything was folded.

    ValueError (Chinese, naming the character) when a digit other than 0-9 remains: Arabic-Indic,
    Devanagari, superscripts, circled numbers and the like."""
    if text.isascii():
        return text, False
    folded = text.translate(_FULL_WIDTH)
    for ch in folded:
        if not ch.isascii() and ch.isdigit():  # Nd and No digits (٣, ७, ², ①); 二 is a word, not a digit
            name = unicodedata.name(ch, "")
            shown = f"“{ch}”(U+{ord(ch):04X}{' ' + name if name else ''})"
            raise ValueError(f"{what}含有非标准数字{shown},请只用 0-9 填写")
    return folded, folded != text


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 only (str.isdigit alone also accepts ٣ and ²)."""
    return text.isascii() and text.isdigit()
