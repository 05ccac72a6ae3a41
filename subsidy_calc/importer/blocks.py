"""A big xlsx sheet read in row blocks: calamine parses the next block on a second thread while the importer
checks the rows of the one before (calamine's parse releases the GIL; docs/performance.md has the figures).

The sheet XML is cut only between two rows (`</row><row r="…`), and each block is given to calamine as a
small workbook holding the original's parts with that sheet's rows replaced by the block's. Each cell's value
is therefore read by calamine exactly as in the whole sheet (same styles, same shared strings, same row and
column numbers), and the blocks are put together as `to_python(skip_empty_area=False)` returns the whole sheet:
rows above a block and cells left of it filled with "" and every row as wide as the header block.

Whenever that could differ from reading the sheet whole, the blocks give up (`ReadWhole`) and the caller reads
the file again the usual way: a sheet with merged cells, comments, CDATA or processing instructions among its
rows, a block whose rows are not all below the previous block's, a block wider than the first one, or any error
of calamine on a block. `workbook.import_file` catches it and starts the import again without blocks, so a
file gives the same result either way (tests/subsidy_calc/importer/test_blocks.py reads files both ways).

The thread cuts and copies while the pre-scan (safety.py) runs, but calamine parses no block before the pre-scan
has passed the whole file; every block is a part of the scanned sheet, so its extent is within the scanned limits.
"""

from __future__ import annotations

import io
import queue
import re
import threading
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from ..limits import MAX_UNCOMPRESSED_BYTES, MB

BLOCKS_FROM_BYTES = 6 * MB  # a sheet part smaller than this (uncompressed) is read whole
BLOCKS_UP_TO_BYTES = 64 * MB  # and a larger one too: the thread holds the sheet and the blocks' copy at once
FIRST_BLOCK_BYTES = 1 * MB  # small, so the first rows are checked early
BLOCK_BYTES = 5 * MB
_QUEUED_BLOCKS = 2  # parsed blocks waiting for the importer: bounds the memory the thread runs ahead with
_CUT = re.compile(rb'</row>(?=<row r=")')
_SHEET_DATA, _SHEET_DATA_END = b"<sheetData>", b"</sheetData>"


class ReadWhole(Exception):
    """The blocks cannot promise the whole sheet's rows: read the file again without blocks."""


@dataclass(frozen=True)
class _Block:
    """A parsed block: the 0-based row and column of its first cell, its last row and its rows."""

    row: int
    column: int
    last_row: int
    rows: list[list[object]]


def _markup_among_rows(xml: bytes, start: int, end: int) -> bool:
    """A comment, CDATA section or processing instruction between the rows (a cut could fall inside it).
    One-byte searches first (memchr: ≈ 2 ms for 25 MB, against 24 ms for each two-byte search they spare)."""
    return any(xml.find(mark, start, end) >= 0 and xml.find(b"<" + mark, start, end) >= 0 for mark in (b"!", b"?"))


def cut_points(xml: bytes) -> list[tuple[int, int]] | None:
    """Byte ranges of the blocks' rows inside the sheet XML, or None when the sheet is to be read whole."""
    first, size = FIRST_BLOCK_BYTES, BLOCK_BYTES
    start = xml.find(_SHEET_DATA)
    end = xml.rfind(_SHEET_DATA_END)
    if start < 0 or end < start:
        return None
    start += len(_SHEET_DATA)
    if b"<mergeCell" in xml[end:] or _markup_among_rows(xml, start, end):
        return None
    ranges: list[tuple[int, int]] = []
    at = start
    target = start + first
    while target < end:
        found = _CUT.search(xml, target, end)
        if found is None:
            break
        ranges.append((at, found.end()))
        at = found.end()
        target = at + size
    ranges.append((at, end))
    return ranges if len(ranges) > 1 else None


_SHEETS = re.compile(rb"<sheets>.*?</sheets>", re.DOTALL)
_RELS_END = b"</Relationships>"
_R_NS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET_TYPE = _R_NS + b"/worksheet"


def _kept(name: str) -> bool:
    """The parts the blocks' workbook copies: every XML part but the worksheets (pictures and embedded files,
    which no cell value comes from, are left out)."""
    return name.endswith((".xml", ".rels")) and not name.startswith("xl/worksheets/")


class _BlockSource:
    """The blocks as the sheets of one small workbook (so its shared strings are read once), parsed by calamine
    one after another on the thread. The workbook keeps the original's parts (styles, shared strings, the date
    system in workbook.xml) with its sheet list replaced by the blocks."""

    def __init__(self, path: Path, part: str) -> None:
        self.path, self.part = path, part
        self.count = 0

    def build(self) -> io.BytesIO | None:
        """The blocks' workbook as an in-memory xlsx; None: read the sheet whole. Only decompresses and copies
        (the pre-scan may still be running: nothing here parses XML, and zipfile reads no part beyond the size
        its directory declares, which big_parts has bounded)."""
        with zipfile.ZipFile(self.path) as archive:
            infos = archive.infolist()
            if len({info.filename for info in infos}) < len(infos):
                return None  # two parts of one name: which one a reader takes is its own choice
            xml = archive.read(self.part)
            files = {info.filename: archive.read(info) for info in infos if _kept(info.filename)}
        ranges = cut_points(xml)
        book, rels = files.get("xl/workbook.xml", b""), files.get("xl/_rels/workbook.xml.rels", b"")
        if ranges is None or len(_SHEETS.findall(book)) != 1 or rels.count(_RELS_END) != 1:
            return None
        self.count = len(ranges)
        head = xml[:xml.find(_SHEET_DATA) + len(_SHEET_DATA)]
        tail = xml[xml.rfind(_SHEET_DATA_END):]
        sheets = b"".join(b'<sheet xmlns:r="%s" name="b%d" sheetId="%d" r:id="rIdBlock%d"/>' % (_R_NS, k, k + 1, k)
                          for k in range(len(ranges)))
        links = b"".join(b'<Relationship Id="rIdBlock%d" Type="%s" Target="worksheets/block%d.xml"/>'
                         % (k, _WORKSHEET_TYPE, k) for k in range(len(ranges)))
        files["xl/workbook.xml"] = _SHEETS.sub(lambda _: b"<sheets>" + sheets + b"</sheets>", book)
        files["xl/_rels/workbook.xml.rels"] = rels.replace(_RELS_END, links + _RELS_END)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
            for name, data in files.items():
                out.writestr(name, data)
            rows = memoryview(xml)
            for k, (start, stop) in enumerate(ranges):
                with out.open(f"xl/worksheets/block{k}.xml", "w") as block:  # no joined copy of the rows
                    block.write(head)
                    block.write(rows[start:stop])
                    block.write(tail)
        buffer.seek(0)
        return buffer

    @staticmethod
    def parse(workbook: Any, k: int) -> _Block:
        """Block k (sheet "b{k}" of the blocks' workbook) read by calamine."""
        sheet = workbook.get_sheet_by_name(f"b{k}")
        first, last = sheet.start, sheet.end
        if first is None or last is None:
            return _Block(-1, 0, -1, [])
        rows: list[list[object]] = sheet.to_python(skip_empty_area=True)
        return _Block(first[0], first[1], last[0], rows)


class BlockRows(Sequence[Sequence[object]]):
    """The rows of a sheet as blocks arrive from the thread; indexing waits for the block it needs.

    The thread starts at once, cutting and copying the sheet while the pre-scan runs; it parses nothing before
    `cleared(expected)` says the pre-scan passed the file (`expected`: the pre-scan's row count, never below the
    real one, for progress only). Call close() when done (the thread stops after its current block). Raises
    ReadWhole (from any access) when the blocks cannot promise what reading the sheet whole would give."""

    def __init__(self, path: Path, part: str) -> None:
        self.expected = 0
        self.rows: list[list[object]] = []
        self._width = -1  # the header block's width; -1 before the first block with cells
        self._last_row = -1
        self._done = False
        self._queue: queue.Queue[_Block | BaseException | None] = queue.Queue(maxsize=_QUEUED_BLOCKS)
        self._stop = threading.Event()
        self._cleared = threading.Event()
        self._thread = threading.Thread(target=self._produce, args=(_BlockSource(path, part),),
                                        name="sheet blocks", daemon=True)
        self._thread.start()

    def _produce(self, source: _BlockSource) -> None:
        try:
            built = source.build()
            if built is None:
                self._put(ReadWhole())
                return
            while not self._cleared.wait(0.05):  # calamine parses nothing before the pre-scan has passed the file
                if self._stop.is_set():
                    return
            import python_calamine

            workbook = python_calamine.CalamineWorkbook.from_filelike(built)
            try:
                for k in range(source.count):
                    if self._stop.is_set():
                        return
                    self._put(source.parse(workbook, k))
            finally:
                workbook.close()
            self._put(None)
        except BaseException as exc:
            self._put(exc)

    def _put(self, item: _Block | BaseException | None) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def cleared(self, expected: int) -> None:
        """The pre-scan passed the file: the thread may hand the blocks to calamine."""
        self.expected = expected
        self._cleared.set()

    def close(self) -> None:
        """Stop the thread (it may finish the block it is parsing) and drop what it queued."""
        self._stop.set()
        self._done = True
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return

    def _next(self) -> bool:
        """Append the next block's rows; False when there are no more."""
        if self._done:
            return False
        item = self._queue.get()
        if item is None:
            self._done = True
            return False
        if isinstance(item, BaseException):
            self.close()
            raise ReadWhole() from item
        self._append(item)
        return True

    def _append(self, block: _Block) -> None:
        if not block.rows:
            return
        if block.row <= self._last_row:
            self.close()
            raise ReadWhole()
        rows = block.rows
        if block.column:
            rows = [[""] * block.column + row for row in rows]
        width = len(rows[0])
        if self._width < 0:
            self._width = width
        elif width > self._width:
            self.close()
            raise ReadWhole()
        elif width < self._width:
            pad = [""] * (self._width - width)
            rows = [row + pad for row in rows]
        self.rows.extend([""] * self._width for _ in range(block.row - len(self.rows)))
        self.rows.extend(rows)
        self._last_row = block.last_row

    def _until(self, count: int | None) -> None:
        """Wait for blocks until at least `count` rows are here (None: all of them)."""
        while (count is None or len(self.rows) < count) and self._next():
            pass

    def __len__(self) -> int:
        self._until(None)
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Sequence[object]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[object]]: ...

    def __getitem__(self, index: int | slice) -> Sequence[object] | Sequence[Sequence[object]]:
        if isinstance(index, slice):
            stop = index.stop
            whole = stop is None or stop < 0 or (index.start or 0) < 0 or (index.step or 1) < 0
            self._until(None if whole else stop)
            return self.rows[index]
        self._until(None if index < 0 else index + 1)
        return self.rows[index]

    def __iter__(self) -> Iterator[Sequence[object]]:
        at = 0
        while True:
            while at < len(self.rows):
                yield self.rows[at]
                at += 1
            if not self._next():
                return


def row_count_hint(rows: Sequence[Sequence[object]]) -> int:
    """The number of rows for a progress bar: exact for a list, the pre-scan's count while blocks arrive."""
    return rows.expected if isinstance(rows, BlockRows) else len(rows)


def big_parts(path: Path, parts: dict[str, str]) -> dict[str, str]:
    """The sheets (name → part) big enough to be read in blocks, of a workbook whose directory declares no more
    than the limit of all parts together (the pre-scan refuses more; here nothing is decompressed then)."""
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError):
        return {}
    if sum(sizes.values()) > MAX_UNCOMPRESSED_BYTES:
        return {}
    return {name: part for name, part in parts.items()
            if part.endswith(".xml") and BLOCKS_FROM_BYTES <= sizes.get(part, 0) <= BLOCKS_UP_TO_BYTES}
