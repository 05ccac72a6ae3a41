"""Every bound on what the app reads, in one place (documented in docs/limits.md), and the message for it.

Each limit is checked before the parser that it protects sees the input; the message names the limit and
the value found. The figures keep any input of up to 20 MB within 10 s and 1 GB on a 2-core machine
(tests/hostile proves it in a subprocess with a memory limit).
"""

from __future__ import annotations

MB = 1024 * 1024

# Files, by kind (bytes on disk)
MAX_WORKBOOK_BYTES = 50 * MB  # .xlsx / .xlsm / .xls / .ods
MAX_CSV_BYTES = 50 * MB  # classes or roster CSV
MAX_CLAIM_FILE_BYTES = 50 * MB  # saved claim (.json)
MAX_RULE_FILE_BYTES = 256 * 1024  # rules/*.toml

# Inside a workbook (zip): before any XML parser runs
MAX_UNCOMPRESSED_BYTES = 200 * MB  # all parts together
MAX_RATIO = 100  # uncompressed / compressed size of one part (checked from 1 MB on)
RATIO_CHECK_FROM = 1 * MB
MAX_ZIP_ENTRIES = 5000
MAX_XML_TAG_BYTES = 1 * MB  # one start tag (a sheet's cells and rows are tiny tags)

# A sheet (xlsx, ods, xls) or a CSV table
MAX_ROWS = 200_000  # data rows of one sheet or CSV
MAX_COLUMNS = 256  # columns of one sheet or CSV
MAX_SHEET_CELLS = 3_000_000  # rows × columns of the area the reader allocates
MAX_CELL_CHARS = 32_767  # characters in one cell (Excel's own limit)
MAX_SHOWN_VALUE_CHARS = 80  # a value quoted in a message is cut to this length

# Claim files (JSON)
MAX_JSON_DEPTH = 32  # nesting of arrays and objects (the format needs 4)
MAX_INTEGER_DIGITS = 15  # digits of an integer (counts, years)
MAX_CLASSES = 10_000  # classes in one claim
MAX_ROSTER = MAX_ROWS  # apprentices in one claim

# Rule files (TOML)
MAX_RULE_LINE_CHARS = 4000
MAX_RULE_NESTING = 16  # nesting of arrays and inline tables


def exceeded(what: str, limit: int, found: int | str, unit: str = "") -> str:
    """The one wording of a refused input: which limit, and what was found (both with units)."""
    shown_limit = f"{limit:,}{unit}"
    shown_found = f"{found:,}{unit}" if isinstance(found, int) else found
    return f"{what}超过上限(上限 {shown_limit},实际 {shown_found})"


def megabytes(size: int) -> str:
    """A byte count as the messages show it: 12.3 MB."""
    return f"{size / MB:,.1f} MB"


def shown_value(text: str) -> str:
    """A value quoted in a message, cut to MAX_SHOWN_VALUE_CHARS characters with the full length said."""
    if len(text) <= MAX_SHOWN_VALUE_CHARS:
        return text
    return f"{text[:MAX_SHOWN_VALUE_CHARS]}…(共 {len(text):,} 个字符)"
