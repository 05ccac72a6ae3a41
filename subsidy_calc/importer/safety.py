"""Checks on a workbook before any parser sees it: file kind, zip bombs, entity declarations, sheet extents."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..input_errors import InputError, InputProblem
from ..limits import (
    MAX_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    MAX_WORKBOOK_BYTES,
    MAX_ZIP_ENTRIES,
    RATIO_CHECK_FROM,
    exceeded,
    megabytes,
)
from .extent import Extent, OdsExtent, XlsxExtent

__all__ = ["MAX_ROWS", "Extent", "ZipScan", "check_file", "refuse", "safe_openpyxl", "scan_zip", "sheet_parts"]
_CHUNK = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_BYTES = frozenset(bytes([b]) for b in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_FORMULA_TAG = re.compile(rb"<f[ >]")  # a formula element: "<f>" or "<f " (scans faster than two `in` tests)


def refuse(message: str) -> InputError:
    return InputError([InputProblem(None, "", "", message)])


def safe_openpyxl() -> Any:
    """openpyxl, after defusedxml has made the standard library XML parsers refuse entities."""
    import warnings

    import defusedxml

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # defusedxml touches its deprecated cElementTree
        defusedxml.defuse_stdlib()
    import openpyxl

    return openpyxl


@dataclass
class ZipScan:
    """What the pre-scan of an xlsx/ods found: formula cells with no cached value and the extent of every sheet
    (by sheet name; rows and columns are bounded by extent.py). Hidden sheets come from calamine (reading.py)."""

    formula_gaps: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    extents: dict[str, Extent] = field(default_factory=dict)


def column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


def _formula_gaps(xml: bytes) -> set[tuple[int, int]]:
    """(row, column index) of every formula cell that carries no cached value (<f> without <v>).

    Finds the cells `<c\\b([^>]*?)(?:/>|>(.*?)</c>)` (DOTALL) finds, left to right, in one pass: that pattern
    scanned to the end of the sheet again for every cell left open (a crafted sheet of 300,000 unclosed cells after
    a formula took hours). tests/subsidy_calc/importer/test_formula_gaps.py proves the two equal."""
    gaps: set[tuple[int, int]] = set()
    find = xml.find
    position = 0
    while (start := find(b"<c", position)) >= 0:
        if xml[start + 2:start + 3] in _WORD_BYTES:  # "<col", "<cr…": not a cell (the \b after the c)
            position = start + 1
            continue
        head_end = find(b">", start + 2)
        if head_end < 0:
            break  # no ">" left: no cell can end
        if xml[head_end - 1] == 0x2F and head_end > start + 2:  # "/>": an empty cell
            position = head_end + 1
            continue
        close = find(b"</c>", head_end + 1)
        if close < 0:
            break  # no "</c>" left: only empty cells can follow, and they hold no formula
        if (find(b"<f", head_end + 1, close) >= 0 and find(b"<v", head_end + 1, close) < 0
                and find(b"<is>", head_end + 1, close) < 0):
            ref = _REF.search(xml, start + 2, head_end)
            if ref:
                gaps.add((int(ref.group(2)), column_index(ref.group(1))))
        position = close + 4
    return gaps


def check_file(path: Path) -> str:
    """The kind of a spreadsheet file ('zip', 'ole' or 'csv'), or InputError with a clear message."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise refuse(f"找不到文件“{path}”") from None
    except OSError as exc:
        raise refuse(f"无法读取文件“{path}”:{exc.strerror or exc}") from None
    if size == 0:
        raise refuse(f"文件“{name}”是空的")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if size > MAX_WORKBOOK_BYTES:
        raise refuse(exceeded(f"文件“{name}”的大小", MAX_WORKBOOK_BYTES // 1024 // 1024, megabytes(size), " MB"))
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head == _OLE_MAGIC:
        if suffix == ".xls":
            return "ole"
        raise refuse(f"文件“{name}”不是有效的 Excel 文件(可能是加密的或旧版 .xls 文件被改了扩展名),请另存为 .xlsx")
    raise refuse(f"文件“{name}”不是有效的 Excel 文件(内容不是电子表格,可能是改了扩展名的文本或其他文件)")


def scan_zip(path: Path) -> ZipScan:
    """Refuse zip bombs (declared and actual sizes), entity declarations and sheets over the row limit."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise refuse(f"文件“{name}”不是有效的 Excel 文件(压缩结构已损坏)") from None
    scan = ZipScan()
    small: dict[zipfile.ZipInfo, bytes] = {}  # workbook.xml and its relationships: read once, for names and checks
    parts = _workbook_sheets(archive, small)
    names = {part: sheet for sheet, part in parts.items()}
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise refuse(f"文件“{name}”包含的部件过多({len(infos)} 个),不是正常的 Excel 文件")
        declared = sum(i.file_size for i in infos)
        if declared > MAX_UNCOMPRESSED_BYTES:
            limit = MAX_UNCOMPRESSED_BYTES // 1024 // 1024
            raise refuse(f"文件“{name}”解压后超过 {limit} MB 的上限,已拒绝(疑似压缩炸弹)")
        for info in infos:
            if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise refuse(f"文件“{name}”中的“{info.filename}”压缩比异常(超过 {MAX_RATIO} 倍),已拒绝(疑似压缩炸弹)")
        total = 0
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            total = _scan_entry(archive, info, name, total, scan, names, small.get(info))
    return scan


def _extent_scanner(part: str, names: dict[str, str]) -> XlsxExtent | OdsExtent | None:
    if part == "content.xml":
        return OdsExtent()
    if part.startswith("xl/worksheets/") and part.endswith(".xml"):
        return XlsxExtent(names.get(part, part.rsplit("/", 1)[-1]))
    return None


def _scan_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, total: int, scan: ZipScan,
                names: dict[str, str], cached: bytes | None = None) -> int:
    is_sheet = info.filename.startswith(("xl/worksheets/", "content.xml"))
    extent = _extent_scanner(info.filename, names)
    has_formula = False
    tail = b""
    seen = 0
    pieces = _chunks(archive, info, cached)
    try:
        for chunk in pieces:
            seen += len(chunk)
            total += len(chunk)
            if seen > info.file_size or total > MAX_UNCOMPRESSED_BYTES:
                raise refuse(f"文件“{name}”解压后的实际大小超过声明或上限,已拒绝(疑似压缩炸弹)")
            if seen <= _CHUNK and _declares_entities(tail + chunk):
                raise refuse(f"文件“{name}”含有 XML 实体声明(DOCTYPE/ENTITY),Excel 不会生成这种内容,已拒绝")
            if extent is not None:
                extent.feed(chunk)
            if is_sheet and not has_formula:  # one memchr pass when no "f" at all (the usual sheet)
                has_formula = _FORMULA_TAG.search(tail + chunk[:2]) is not None or (
                    b"f" in chunk and _FORMULA_TAG.search(chunk) is not None)
            tail = chunk[-2:]
    except zipfile.BadZipFile:
        raise refuse(f"文件“{name}”不是有效的 Excel 文件(压缩数据已损坏)") from None
    finally:
        pieces.close()  # closes the part's stream now, also when a check refused the file
    if isinstance(extent, XlsxExtent):
        found = extent.finish()
        scan.extents[found.sheet] = found
    elif isinstance(extent, OdsExtent):
        scan.extents.update((found.sheet, found) for found in extent.finish())
    if is_sheet and has_formula and info.file_size <= 64 * 1024 * 1024:
        scan.formula_gaps[info.filename] = _formula_gaps(archive.read(info))
    return total


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cached: bytes | None) -> Generator[bytes, None, None]:
    """The part in pieces of _CHUNK bytes: from `cached` when _workbook_sheets has already read it, else streamed."""
    if cached is not None:
        for start in range(0, len(cached), _CHUNK):
            yield cached[start:start + _CHUNK]
        return
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def _declares_entities(window: bytes) -> bool:
    """<!DOCTYPE or <!ENTITY; one memchr for the "!" they share answers for the usual part, which has none."""
    return b"!" in window and (b"<!DOCTYPE" in window or b"<!ENTITY" in window)


def sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name → worksheet part path of an xlsx (empty for anything else); parsed with defusedxml."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _workbook_sheets(archive)
    except (zipfile.BadZipFile, OSError):
        return {}


_SMALL_PART = 4 * 1024 * 1024


def _workbook_sheets(archive: zipfile.ZipFile, read: dict[zipfile.ZipInfo, bytes] | None = None) -> dict[str, str]:
    """Sheet name → worksheet part, from xl/workbook.xml and its relationships (defusedxml). The bytes of the two
    parts go into `read` when given, keyed by their ZipInfo (not their name: a zip may hold two parts of one name),
    so that the caller need not read them again."""
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        infos = [archive.getinfo("xl/workbook.xml"), archive.getinfo("xl/_rels/workbook.xml.rels")]
        if any(info.file_size > _SMALL_PART for info in infos):
            return {}
        data = read if read is not None else {}
        for info in infos:
            data[info] = archive.read(info)
        book = ElementTree.fromstring(data[infos[0]])
        rels = ElementTree.fromstring(data[infos[1]])
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{ns_main}sheet"):
        target = targets.get(sheet.get(f"{ns_rel}id"), "")
        target = target.lstrip("/")
        parts[sheet.get("name", "")] = target if target.startswith("xl/") else f"xl/{target}"
    return parts
