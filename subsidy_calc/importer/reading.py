"""Reading the sheets of a workbook (calamine) or a CSV file (textfile) into plain rows of cell values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..input_errors import InputError
from ..limits import MAX_ROWS, exceeded
from ..textfile import csv_error_message, csv_reader, read_csv_rows
from .blocks import BlockRows, big_parts
from .cells import cell_text
from .extent import check_area
from .safety import ZipScan, check_file, refuse, scan_zip, sheet_parts

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")  # read by calamine; anything else is a CSV or a claim file
ROSTER_SHEET_NAMES = ("学徒花名册", "花名册", "学徒名册", "名册", "roster")
CLASS_SHEET_NAMES = ("培训班", "班级", "培训班级", "classes")


@dataclass
class Table:
    """One sheet: its name, rows of cell values (str, float, int, bool, date, datetime), formula gaps,
    merged ranges, whether the workbook hides it and its hidden rows (1-based)."""

    name: str
    rows: Sequence[Sequence[object]]
    formula_gaps: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int, object]] = field(default_factory=list)
    hidden: bool = False
    hidden_rows: list[int] = field(default_factory=list)

    def close(self) -> None:
        """Stop reading blocks (a big sheet read in blocks; nothing to do for the others)."""
        if isinstance(self.rows, BlockRows):
            self.rows.close()


def fill_merged(rows: list[list[Any]], ranges: object) -> list[tuple[int, int, int, int, object]]:
    """Give every cell of a merged range the value of its top-left cell, as the sheet shows it to a person
    (HR often merges 班级编号 over the rows of a class). Returns (row1, col1, row2, col2, value), 0-based."""
    filled: list[tuple[int, int, int, int, object]] = []
    if not isinstance(ranges, list):
        return filled
    for (r1, c1), (r2, c2) in ranges:
        if r1 >= len(rows) or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        if value is None or value == "":
            continue
        last = min(r2, len(rows) - 1)
        for r in range(r1, last + 1):
            row = rows[r]
            for c in range(c1, c2 + 1):
                if c < len(row) and (row[c] is None or row[c] == ""):
                    row[c] = value
        if last > r1:
            filled.append((r1, c1, last, c2, value))
    return filled


def _utf16_bom(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(2)
    return head in (b"\xff\xfe", b"\xfe\xff")


def read_csv_table(path: Path) -> Table:
    if _utf16_bom(path):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse(f"文件“{path.name}”是 UTF-16 编码但内容已损坏,请另存为 UTF-8 的 CSV") from None
        import csv

        rows: list[list[object]] = []
        try:
            for line in csv_reader(text):
                rows.append(list(line))
                if len(rows) > MAX_ROWS + 1:
                    raise refuse(_too_many_rows(path.name))
        except csv.Error as exc:
            raise refuse(f"文件“{path.name}”第 {len(rows) + 1} 行:{csv_error_message(exc)}") from None
        return Table(path.stem, rows)
    headers, row_iter = read_csv_rows(path)
    table: list[list[object]] = [list(headers)]
    for _, cells in row_iter:
        table.append(list(cells.values()))
        if len(table) > MAX_ROWS + 1:
            raise refuse(_too_many_rows(path.name))
    return Table(path.stem, table)


def _too_many_rows(name: str) -> str:
    return exceeded(f"文件“{name}”的数据行数", MAX_ROWS, f"多于 {MAX_ROWS:,} 行") + ",请拆分成多个文件后分别导入"


def pick_sheets(names: list[str]) -> list[str]:
    """The sheets to read: 培训班 and/or 学徒花名册 (and common variants) when present, else the first."""
    wanted = [n for n in names if n.strip() in CLASS_SHEET_NAMES]
    wanted += [n for n in names if n.strip() in ROSTER_SHEET_NAMES]
    return wanted or names[:1]


def _other_kind(names: list[str], picked: list[str], load: Callable[[str], Table]) -> list[Table]:
    """When only one of 培训班 / 学徒花名册 is named, a differently named sheet whose headers look like the
    other kind is read too (e.g. 培训班 + Sheet1 holding the roster). At most five sheets are looked at."""
    stripped = [n.strip() for n in picked]
    has_roster = any(n in ROSTER_SHEET_NAMES for n in stripped)
    has_classes = any(n in CLASS_SHEET_NAMES for n in stripped)
    if has_roster == has_classes:
        return []
    from .headers import guess_kind  # the models and pydantic: not needed to read a workbook (importer/ahead.py)

    wanted = "classes" if has_roster else "roster"
    for name in [n for n in names if n not in picked][:5]:
        table = load(name)
        for cells in table.rows[:10]:
            kind = guess_kind([cell_text(c).strip() for c in cells])
            if kind == wanted:
                return [table]
            if kind is not None:
                break
    return []


def read_workbook(path: Path, blocks: bool = False) -> list[Table]:
    """Read the relevant sheets after the safety checks; every failure is an InputError in Chinese.

    `blocks`: a big xlsx sheet is read in blocks on a second thread while its rows are used (blocks.py); its
    rows may then raise blocks.ReadWhole, and the caller must close() every table."""
    kind = check_file(path)
    if kind == "csv":
        return [read_csv_table(path)]
    parts = sheet_parts(path) if kind == "zip" else {}
    early = _start_blocks(path, parts) if blocks else {}
    try:
        return _read_sheets(path, kind, parts, early)
    except BaseException:
        for rows in early.values():
            rows.close()
        raise


def _start_blocks(path: Path, parts: dict[str, str]) -> dict[str, BlockRows]:
    """Big sheets the importer will read, started in blocks before the pre-scan: their threads cut and copy
    while it runs, and parse nothing before it has passed the file (blocks.BlockRows)."""
    big = big_parts(path, parts)
    return {name: BlockRows(path, big[name]) for name in pick_sheets(list(parts)) if name in big}


def _read_sheets(path: Path, kind: str, parts: dict[str, str], early: dict[str, BlockRows]) -> list[Table]:
    import python_calamine

    scan = scan_zip(path) if kind == "zip" else None
    for name, rows in early.items():
        extent = scan.extents.get(name) if scan else None
        rows.cleared(extent.rows if extent else 0)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types, and ValueError for unknown formats
        raise refuse(f"文件“{path.name}”不是有效的 Excel 文件,或已损坏({type(exc).__name__})") from None
    try:
        names = list(workbook.sheet_names)
        # calamine reads each format's own mark (xlsx state="hidden", .xls, .ods table:display="false")
        hidden = {m.name for m in workbook.sheets_metadata if m.visible != python_calamine.SheetVisibleEnum.Visible}
        if not names:
            raise refuse(f"文件“{path.name}”中没有工作表")
        used: set[str] = set()  # the sheets read in blocks

        def load(name: str) -> Table:
            if name in early and scan is not None:
                used.add(name)
                return _in_blocks(name, early[name], scan, parts[name], name in hidden)
            try:
                sheet = workbook.get_sheet_by_name(name)
                check_area(name, sheet.height, sheet.width)
                rows = sheet.to_python(skip_empty_area=False)
                merged = fill_merged(rows, sheet.merged_cell_ranges)
            except InputError:
                raise
            except Exception as exc:
                raise refuse(f"无法读取工作表“{name}”:文件可能已损坏({type(exc).__name__})") from None
            gaps = scan.formula_gaps.get(parts.get(name, ""), set()) if scan else set()
            extent = scan.extents.get(name) if scan else None
            hidden_rows = extent.hidden_rows if extent else []
            return Table(name, rows, gaps, merged, name in hidden, hidden_rows)

        picked = pick_sheets(names)
        tables = [load(name) for name in picked]
        tables += _other_kind(names, picked, load)
        for name in early.keys() - used:  # started for a sheet not read after all (calamine names it differently)
            early[name].close()
        return tables
    finally:
        workbook.close()


def _in_blocks(name: str, rows: BlockRows, scan: ZipScan, part: str, hidden: bool) -> Table:
    """A big sheet whose rows arrive in blocks (no merged cells: blocks.cut_points reads such a sheet whole)."""
    extent = scan.extents.get(name)
    return Table(name, rows, scan.formula_gaps.get(part, set()), [], hidden, extent.hidden_rows if extent else [])
