"""The real size of a sheet, read from its XML in a streaming scan before any spreadsheet reader sees it.

python-calamine allocates the whole used range of a sheet before it returns a row: a 3 KB xlsx with cells A1
and XFD1048576 asks for 17 billion cells and aborts the process. These scans read the sheet XML as bytes
(no XML parser, so no entity can expand) and refuse a sheet whose declared `<dimension>` or real extent
(highest row and column that hold a cell; .ods repeated rows and columns counted) passes the limits in
subsidy_calc/limits.py. They also note hidden rows, which the importer names in a warning.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..input_errors import InputError, InputProblem
from ..limits import MAX_COLUMNS, MAX_ROWS, MAX_SHEET_CELLS, MAX_XML_TAG_BYTES, exceeded

_P = rb"(?:[\w.-]+:)?"  # an optional namespace prefix (x:row, x:c)
_EQ = rb"\s*=\s*[\"']"  # "=" and the opening quote: XML allows spaces around "=", and python-calamine reads them
_ROW = re.compile(rb"<" + _P + rb"row(?=[\s>/])([^>]*)>")
_ROW_END = re.compile(rb"</" + _P + rb"row\s*>")
_CELL = re.compile(rb"<" + _P + rb"c(?=[\s>/])(?:[^>]*?\sr" + _EQ + rb"([A-Z]*)[0-9])?")
_R_ATTR = re.compile(rb"\sr" + _EQ + rb"([0-9]+)[\"']")
# Patterns that start with a literal (' r="') run at memchr speed; the \s variants are used only when a
# file separates attributes with tabs or newlines, quotes them with apostrophes or puts spaces around "=" (rare).
_ROW_NUMBER = (re.compile(rb' r="([0-9]+)"'), re.compile(rb"\sr" + _EQ + rb"([0-9]+)[\"']"))


# The patterns that depend on the widest column seen so far are compiled when first needed (functools.cache):
# all 78 at import cost ≈ 5 ms of every start (measured), and a roster needs the few up to its widest column.
@functools.cache
def _columns_above(n: int) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Column letters beyond the widest seen so far (n = 0…25: one letter above it, or any two or three letters;
    from Z on, _WIDE_REF: two or three letters), in one pass: both alternatives start with the literal ' r="'."""
    return (re.compile(b' r="([A-Z]{2,3}|[' + bytes([65 + n]) + b'-Z])[0-9]'),
            re.compile(rb"\sr" + _EQ + rb"([A-Z]{2,3}|[" + bytes([65 + n]) + rb"-Z])[0-9]"))


_WIDE_REF = (re.compile(rb' r="([A-Z]{2,3})[0-9]'), re.compile(rb"\sr" + _EQ + rb"([A-Z]{2,3})[0-9]"))
# For plain text (see _plain_tally): every <row tag, with its number when r="…" comes first in it (else b""); the 'w'
# is rare in sheet XML, so the pattern is tried at few places.
_ROW_TAGS = re.compile(rb'w(?<=<row)(?: r="([0-9]+)"|)')


@functools.cache
def _refs_above(n: int) -> re.Pattern[bytes]:
    """In one pass, the column letters the matching _columns_above / _WIDE_REF pattern finds and the first digit of
    any row number that does not open a <row r="…"> tag (there the tally is left to the careful path). The
    lookahead first turns away at once the references no alternative can match (one letter up to the widest
    column, a digit)."""
    return re.compile(b' r="' + (b"(?![A-" + bytes([64 + n]) + b'][0-9])' if n else b"")
                      + b'([0-9](?<!<row r="[0-9])|[A-Z]{2,3}(?=[0-9])|[' + bytes([65 + n]) + b'-Z](?=[0-9]))')


_REFS_WIDE = re.compile(rb' r="(?![A-Z][0-9])([0-9](?<!<row r="[0-9])|[A-Z]{2,3}(?=[0-9]))')
# Where the only white space is the space: an r with spaces around its "=" (or a word ending in r so written). The
# price of reading what python-calamine reads: ≈ 19 ms for 25 MB (the cheapest of the forms measured).
_SPACED_PLAIN = re.compile(rb"r (?= *=)|r= ")
# A byte that \s matches other than the space, or an apostrophe: where none occurs (and no r has spaces around "="),
# the \s / ["'] patterns above find exactly what their ' r="' twins find. Single bytes: memchr speed (≈ 0.1 ms a MB).
_NOT_PLAIN = (b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b"'")
_PREFIXED_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")
_ANY_R = re.compile(rb"\sr" + _EQ)
_SPACED_R = re.compile(rb"\sr(?:\s+=|=\s)")
_PREFIXED_ROW = re.compile(rb"<[\w.-]+:row[\s>/]")
_HIDDEN = re.compile(rb"\shidden" + _EQ + rb"(?:1|true)[\"']")
_DIMENSION = re.compile(rb"<" + _P + rb"dimension\b[^>]*?\sref" + _EQ + rb"([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?[\"']")
_ODS_TOKEN = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s>/])([^>]*?)(/?)>")
_ODS_NAME = re.compile(rb"\stable:name\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ODS_ROWS = re.compile(rb"\stable:number-rows-repeated" + _EQ + rb"([0-9]+)[\"']")
_ODS_COLUMNS = re.compile(rb"\stable:number-columns-repeated" + _EQ + rb"([0-9]+)[\"']")
_ODS_HIDDEN = re.compile(rb"\stable:visibility" + _EQ + rb"(?:collapse|filter)[\"']")
_ODS_VALUE = re.compile(rb"\soffice:value-type\s*=")


def refuse(message: str, _sheet: str = "") -> InputError:
    """The refusal of a sheet; the message already names the sheet."""
    return InputError([InputProblem(None, "", "", message)])


def column_number(letters: bytes) -> int:
    """A1-style column letters → 1-based column number (A = 1, XFD = 16384)."""
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


def check_area(sheet: str, rows: int, columns: int, what: str = "") -> None:
    """Refuse a sheet of more rows, columns or cells than the limits allow; the message names both."""
    label = f"工作表“{sheet}”" + (f"{what}中" if what else "")
    if rows - 1 > MAX_ROWS:
        raise refuse(exceeded(f"{label}的数据行数(表头除外)", MAX_ROWS, rows - 1, " 行")
                     + ",请拆分成多个文件后分别导入", sheet)
    if columns > MAX_COLUMNS:
        raise refuse(exceeded(f"{label}的列数", MAX_COLUMNS, columns, " 列")
                     + ",请删除多余的列(或其中的空格、格式)后另存", sheet)
    if rows * columns > MAX_SHEET_CELLS:
        raise refuse(exceeded(f"{label}的单元格数", MAX_SHEET_CELLS, f"{rows:,} 行 × {columns:,} 列 = "
                              f"{rows * columns:,} 个") + ",请删除多余的行列后另存或拆分文件", sheet)


@dataclass
class Extent:
    """What a scan of one sheet found: rows and columns of its used area, hidden rows (1-based)."""

    sheet: str
    rows: int = 0
    columns: int = 0
    hidden_rows: list[int] = field(default_factory=list)


class _Tally(NamedTuple):
    """What one piece of sheet XML holds: r attributes, row numbers (digits, as written), <row and <c tags, and the
    column letters of references beyond the widest column seen before it."""

    references: int
    numbered: list[bytes]
    rows: int
    cells: int
    letters: list[bytes]


def _careful_tally(text: bytes, columns: int) -> _Tally:
    """Any text: r= quoted with apostrophes or after a tab or newline takes the \\s patterns."""
    references = text.count(b' r="')
    # no r='…', no tab or newline before r=, no spaces around its "="
    plain = text.count(b"r=") == references and _SPACED_R.search(text) is None
    pick = 0 if plain else 1
    if not plain:
        references = len(_ANY_R.findall(text))
    numbered = _ROW_NUMBER[pick].findall(text)
    rows = text.count(b"<row")
    if rows < len(numbered):  # a namespace prefix (<x:row>): rare, so the slower pattern
        rows = len(_PREFIXED_ROW.findall(text))
    pattern = _columns_above(columns)[pick] if columns < 26 else _WIDE_REF[pick]
    return _Tally(references, numbered, rows, _cells(text, references, len(numbered)), pattern.findall(text))


def _plain_tally(text: bytes, columns: int) -> _Tally | None:
    """The same tally in fewer and cheaper passes, for text without tabs, newlines, apostrophes or an r with spaces
    around "=" (where the careful path's \\s patterns find what its ' r="' ones find) whose row numbers all open
    <row r="…"> tags; None for other text. tests/subsidy_calc/importer/test_extent.py proves it equal to
    _careful_tally."""
    if any(byte in text for byte in _NOT_PLAIN) or _SPACED_PLAIN.search(text):
        return None
    letters = (_refs_above(columns) if columns < 26 else _REFS_WIDE).findall(text)
    if letters and min(letters) < b"A":  # a digit: a row number elsewhere than first in a <row> tag
        return None
    tags = _ROW_TAGS.findall(text)
    numbered = list(filter(None, tags))
    references = text.count(b' r="')
    return _Tally(references, numbered, len(tags), _cells(text, references, len(numbered)), letters)


def _cells(text: bytes, references: int, numbered: int) -> int:
    """<c tags; counted again with the namespace-prefix pattern when there are fewer than cell references."""
    cells = text.count(b"<c")
    if cells < references - numbered:
        cells = len(_PREFIXED_CELL.findall(text))
    return cells


def largest(numbers: list[bytes]) -> int:
    """The largest of some row numbers written in digits: when all have as many digits, the last in byte order
    (no int() of each; ≈ 3 ms less for 100,000 rows)."""
    if len(set(map(len, numbers))) == 1:
        return int(max(numbers))
    return max(map(int, numbers))


class _Stream:
    """Feeds complete tags only: a chunk is cut after its last complete tag, the rest waits for the next."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.rest = b""

    def complete(self, chunk: bytes, final: bool = False) -> bytes:
        window = self.rest + chunk
        if final:
            self.rest = b""
            return window
        last = window.rfind(b"<")
        if last < 0 or window.find(b">", last) >= 0:
            self.rest = b""
            return window
        self.rest = window[last:]
        if len(self.rest) > MAX_XML_TAG_BYTES:
            raise refuse(exceeded(f"工作表“{self.sheet}”中一个 XML 标签的长度", MAX_XML_TAG_BYTES,
                                  len(self.rest), " 字节"), self.sheet)
        return window[:last]


class XlsxExtent(_Stream):
    """Streaming scan of one xlsx worksheet part (feed chunks of its bytes, then finish())."""

    def __init__(self, sheet: str) -> None:
        super().__init__(sheet)
        self.extent = Extent(sheet)
        self.declared: tuple[int, int] | None = None
        self.max_row = 0
        self.unnumbered_rows = 0
        self.cells = 0
        self.row_cells = 0  # cells so far in the open row (used only when cells lack an r attribute)
        self.widest_row = 0

    def feed(self, chunk: bytes, final: bool = False) -> None:
        """bytes.count, memchr tests and literal-led patterns only (C speed). Counts err on the large side (<c also
        counts <col, <row also <rowBreaks): never too few."""
        text = self.complete(chunk, final)
        has_d = b"d" in text  # memchr: "dimension" and "hidden" both need a d (most chunks of a sheet have none)
        if self.declared is None and has_d and b"dimension" in text:
            self._dimension(text)
        tally = _plain_tally(text, self.extent.columns) or _careful_tally(text, self.extent.columns)
        if tally.numbered:
            self.max_row = max(self.max_row, largest(tally.numbered))
        self.unnumbered_rows += max(tally.rows - len(tally.numbered), 0)
        if has_d and b"hidden" in text:
            self._hidden_rows(text)
        self.cells += tally.cells
        if tally.cells > tally.references - len(tally.numbered):  # some cells have no r attribute
            self._count_row_widths(text)
        if tally.letters:
            self.extent.columns = max(self.extent.columns, *(column_number(x) for x in set(tally.letters)))
        self.extent.rows = self.max_row + self.unnumbered_rows
        if self.cells > MAX_SHEET_CELLS:
            raise refuse(exceeded(f"工作表“{self.sheet}”的单元格数", MAX_SHEET_CELLS, self.cells, " 个")
                         + ",请拆分成多个文件后分别导入", self.sheet)
        check_area(self.sheet, self.extent.rows, max(self.extent.columns, self.widest_row))

    def _hidden_rows(self, text: bytes) -> None:
        for attributes in _ROW.findall(text):
            number = _R_ATTR.search(attributes)
            if number is not None and _HIDDEN.search(attributes) and len(self.extent.hidden_rows) < MAX_ROWS:
                self.extent.hidden_rows.append(int(number.group(1)))

    def _count_row_widths(self, text: bytes) -> None:
        """Cells without an r attribute sit one after another: the widest row bounds the columns."""
        parts = _ROW_END.split(text)
        for index, part in enumerate(parts):
            self.row_cells += len(_CELL.findall(part))
            self.widest_row = max(self.widest_row, self.row_cells)
            if index < len(parts) - 1:
                self.row_cells = 0

    def _dimension(self, text: bytes) -> None:
        found = _DIMENSION.search(text)
        if found is None:
            return
        last_letters, last_row = (found.group(3), found.group(4)) if found.group(3) else found.group(1, 2)
        self.declared = (int(last_row), column_number(last_letters))
        check_area(self.sheet, *self.declared, what="声明范围(dimension)")

    def finish(self) -> Extent:
        self.feed(b"", final=True)
        return self.extent


class OdsExtent(_Stream):
    """Streaming scan of an .ods content.xml: every table, repeated rows and columns counted."""

    def __init__(self) -> None:
        super().__init__("")
        self.extents: list[Extent] = []
        self.row_at = 0  # rows before the open row
        self.row_repeat = 1
        self.row_hidden = False
        self.column_at = 0
        self.last_content = 0

    def feed(self, chunk: bytes, final: bool = False) -> None:
        for closing, tag, attributes, empty in _ODS_TOKEN.findall(self.complete(chunk, final)):
            if tag == b"table":
                if not closing:
                    self._start_table(attributes)
            elif tag == b"table-row":
                self._row(closing, attributes, empty)
            elif not closing and self.extents:
                repeat = _ODS_COLUMNS.search(attributes)
                self.column_at += int(repeat.group(1)) if repeat else 1
                if not empty or _ODS_VALUE.search(attributes):
                    self.last_content = self.column_at

    def _start_table(self, attributes: bytes) -> None:
        name = _ODS_NAME.search(attributes)
        quoted = (name.group(1) if name.group(1) is not None else name.group(2)) if name else None
        self.sheet = quoted.decode("utf-8", "replace") if quoted is not None else f"第 {len(self.extents) + 1} 个工作表"
        self.extents.append(Extent(self.sheet))
        self.row_at = 0

    def _row(self, closing: bytes, attributes: bytes, empty: bytes) -> None:
        if not self.extents:
            return
        if not closing:
            repeat = _ODS_ROWS.search(attributes)
            self.row_repeat = int(repeat.group(1)) if repeat else 1
            self.row_hidden = bool(_ODS_HIDDEN.search(attributes))
            self.column_at = self.last_content = 0
            if not empty:
                return
        extent = self.extents[-1]
        if self.last_content:
            extent.rows = self.row_at + self.row_repeat
            extent.columns = max(extent.columns, self.last_content)
            if self.row_hidden and len(extent.hidden_rows) < MAX_ROWS:
                extent.hidden_rows.extend(range(self.row_at + 1, self.row_at + 1 + min(self.row_repeat, MAX_ROWS)))
            check_area(self.sheet, extent.rows, extent.columns)
        self.row_at += self.row_repeat
        self.last_content = 0

    def finish(self) -> list[Extent]:
        self.feed(b"", final=True)
        return self.extents
