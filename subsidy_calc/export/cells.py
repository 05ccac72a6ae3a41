"""Spreadsheet safety: text that a spreadsheet would run as a formula is neutralised before it is written."""

from __future__ import annotations

# A cell starting with one of these is taken as a formula (or DDE) by Excel, LibreOffice or Google Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True for text a spreadsheet would evaluate: =HYPERLINK(…), +1, -1+2, @SUM(…), tab or CR first."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """For CSV: prefix formula-like text with an apostrophe so no spreadsheet runs it (OWASP rule)."""
    return "'" + text if is_formula_like(text) else text
