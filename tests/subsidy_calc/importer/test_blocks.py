"""A big sheet read in blocks on a second thread gives exactly the rows of the sheet read whole (blocks.py).

The block sizes are made tiny here so that files of a few hundred rows are cut into many blocks.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.samples import make_id, make_roster_workbook
from subsidy_calc.importer import HeaderMappingNeeded, ImportResult, blocks, import_file, reading, workbook
from subsidy_calc.importer.result import ImportCancelled
from subsidy_calc.rule_loading import load_catalog

from .conftest import WriteBook, class_row, no_block_threads, person

ROSTER_PART = "xl/worksheets/sheet2.xml"


pytestmark = pytest.mark.usefixtures("tiny_blocks")


@pytest.fixture
def imports(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each workbook._import call: True when big sheets may be read in blocks, False when read whole again."""
    calls: list[bool] = []
    original = workbook._import

    def counting(*args: Any, **options: Any) -> ImportResult:
        calls.append(options["blocks"])
        return original(*args, **options)

    monkeypatch.setattr(workbook, "_import", counting)
    return calls


def read_both(path: Path) -> tuple[list[list[list[object]]], list[list[list[object]]]]:
    """Every picked sheet's rows, read whole and read in blocks (ReadWhole propagates)."""
    whole = [[list(r) for r in t.rows] for t in reading.read_workbook(path, False)]
    tables = reading.read_workbook(path, True)
    try:
        return whole, [[list(r) for r in t.rows] for t in tables]
    finally:
        for table in tables:
            table.close()


def rewrite_sheet(path: Path, change: Callable[[bytes], bytes], part: str = ROSTER_PART) -> Path:
    """The workbook with one part's XML changed (written next to it)."""
    out = path.with_name(f"changed-{path.name}")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, change(data) if info.filename == part else data)
    return out


def block_count(path: Path, part: str = ROSTER_PART) -> int:
    with zipfile.ZipFile(path) as archive:
        found = blocks.cut_points(archive.read(part))
    return 0 if found is None else len(found)




def same_import(path: Path) -> tuple[ImportResult, ImportResult]:
    rules = load_catalog().get("jinchang-2024")
    in_blocks = import_file(path, rules=rules)
    saved = blocks.BLOCKS_FROM_BYTES
    blocks.BLOCKS_FROM_BYTES = 1 << 40  # nothing is big enough: read whole
    try:
        whole = import_file(path, rules=rules)
    finally:
        blocks.BLOCKS_FROM_BYTES = saved
    for field in ("classes", "roster", "roster_rows", "problems", "warnings", "skipped", "rows_rejected", "refused"):
        assert getattr(in_blocks, field) == getattr(whole, field), field
    return in_blocks, whole


@pytest.mark.parametrize("options", [{}, {"shared_strings": False, "serial_dates": True}])
def test_generated_rosters_read_the_same_in_blocks(tmp_path: Path, options: dict[str, bool],
                                                  imports: list[bool]) -> None:
    path = tmp_path / "roster.xlsx"
    make_roster_workbook(path, n_apprentices=300, n_classes=5, bad_rows=20, seed=3, **options)
    assert block_count(path) > 20
    whole, in_blocks = read_both(path)
    assert in_blocks == whole
    result, _ = same_import(path)
    assert len(result.roster) > 250 and result.problems
    assert imports == [True, True]  # one pass each: the import in blocks did not need to read again
    assert no_block_threads()


def _sparse_sheet(data: bytes) -> bytes:
    """Rows 1 and 2 empty (the header moves to row 3), gaps between rows, and column A left empty in rows
    40-89 (blocks starting right of column A), the last column empty in rows 100-159 (narrower blocks)."""
    def move(match: re.Match[bytes]) -> bytes:
        number = int(match.group(2))
        return match.group(1) + str(number * 2 + 1).encode()

    data = re.sub(rb'(<row r="|<c r="[A-Z]+)([0-9]+)', move, data)
    for row in range(40, 90):
        data = re.sub(rb'<c r="A%d"[^>]*?(/>|>.*?</c>)' % (row * 2 + 1), b"", data)
    for row in range(100, 160):
        data = re.sub(rb'<c r="G%d"[^>]*?(/>|>.*?</c>)' % (row * 2 + 1), b"", data)
    return data


def test_empty_rows_and_columns_between_blocks(write_book: WriteBook) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(200)]
    path = rewrite_sheet(write_book([class_row(planned=200)], people), _sparse_sheet)
    assert block_count(path) > 10
    whole, in_blocks = read_both(path)
    assert in_blocks == whole
    assert whole[1][0] == [""] * 7 and whole[1][3] == [""] * 7  # the moves above did happen
    same_import(path)


def _row_moved_up(data: bytes) -> bytes:
    """The XML's last row numbered 2: calamine puts it second, above rows written before it."""
    last = data.rindex(b'<row r="')
    number = re.match(rb'<row r="([0-9]+)"', data[last:])
    assert number is not None
    tail = data[last:].replace(b'r="%s"' % number.group(1), b'r="2"')
    tail = re.sub(rb'<c r="([A-Z]+)%s"' % number.group(1), rb'<c r="\g<1>2"', tail)
    moved = data[:last] + tail
    return re.sub(rb'<row r="2">.*?</row>', b"", moved, count=1)


def _note_far_right(data: bytes) -> bytes:
    """A note typed in column K of row 150: a block wider than the header's."""
    return data.replace(b'<row r="150">', b'<row r="150"><c r="K150" t="inlineStr"><is><t>note</t></is></c>')


def _merged(data: bytes) -> bytes:
    return data.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>')


def _comment(data: bytes) -> bytes:
    return data.replace(b'<row r="120">', b'<!-- </row><row r="9"> --><row r="120">')


def _instruction(data: bytes) -> bytes:
    return data.replace(b'<row r="120">', b'<?note </row><row r="9"> ?><row r="120">')


@pytest.mark.parametrize("change", [_row_moved_up, _note_far_right])
def test_blocks_that_cannot_promise_the_rows_read_whole(write_book: WriteBook, imports: list[bool],
                                                        change: Callable[[bytes], bytes]) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(200)]
    path = rewrite_sheet(write_book([class_row(planned=200)], people), change)
    with pytest.raises(blocks.ReadWhole):
        read_both(path)
    same_import(path)
    assert imports == [True, False, True]  # tried in blocks, then read whole (then the reference import)
    assert no_block_threads()


@pytest.mark.parametrize("change", [_merged, _comment, _instruction])
def test_sheets_that_are_not_cut(write_book: WriteBook, change: Callable[[bytes], bytes]) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(200)]
    plain = write_book([class_row(planned=200)], people)
    assert block_count(plain) > 10
    path = rewrite_sheet(plain, change)
    assert block_count(path) == 0
    with pytest.raises(blocks.ReadWhole):
        read_both(path)
    same_import(path)


def test_1904_date_system_kept(write_book: WriteBook) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(100)]
    plain = write_book([class_row(planned=100)], people)
    path = rewrite_sheet(plain, lambda xml: xml.replace(b"<sheets>", b'<workbookPr date1904="1"/><sheets>'),
                         part="xl/workbook.xml")
    whole, in_blocks = read_both(path)
    assert in_blocks == whole
    assert whole[1][1][5] != read_both(plain)[0][1][1][5]  # the 1904 system moved the dates: it was read


def test_thread_ends_when_the_import_stops_early(write_book: WriteBook) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(300)]
    unknown = write_book([class_row(planned=300)], people, roster_headers=["甲", "乙", "丙", "丁", "戊", "己", "庚"])
    with pytest.raises(HeaderMappingNeeded):
        import_file(unknown)
    assert no_block_threads()
    path = write_book([class_row(planned=300)], people)
    with pytest.raises(ImportCancelled):
        import_file(path, cancelled=lambda: True)
    assert no_block_threads()


def _iter_rows(path: Path) -> Iterator[int]:
    tables = reading.read_workbook(path, True)
    try:
        for table in tables:
            yield sum(1 for _ in table.rows)
    finally:
        for table in tables:
            table.close()


def test_row_access_in_any_order(write_book: WriteBook) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(150)]
    path = write_book([class_row(planned=150)], people)
    whole = reading.read_workbook(path, False)[1].rows
    tables = reading.read_workbook(path, True)
    rows = tables[1].rows
    assert isinstance(rows, blocks.BlockRows)
    assert blocks.row_count_hint(rows) >= len(whole)
    assert list(rows[3]) == list(whole[3]) and [list(r) for r in rows[:5]] == [list(r) for r in whole[:5]]
    assert list(rows[-1]) == list(whole[-1]) and len(rows) == len(whole)
    assert [list(r) for r in rows[10:20:3]] == [list(r) for r in whole[10:20:3]]
    for table in tables:
        table.close()
    assert list(_iter_rows(path)) == [2, 151]


def test_calamine_parses_no_block_before_the_pre_scan_passed(tmp_path: Path, write_book: WriteBook) -> None:
    """A big sheet with cells A1 and XFD1048576 makes python-calamine abort the process when it parses it:
    the pre-scan must refuse the file before the blocks' thread hands any block to calamine (a fresh
    interpreter, so a failure shows as a crash of that process, not of the test run)."""
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(300)]
    plain = write_book([class_row(planned=300)], people)
    path = rewrite_sheet(plain, lambda xml: xml.replace(b"</row>", b'<c r="XFD1048576"><v>1</v></c></row>', 1))
    script = (  # the pre-scan made slow: the thread has long built its blocks when the scan refuses the file
        "import sys, time\n"
        "from pathlib import Path\n"
        "from subsidy_calc.importer import blocks, import_file, reading\n"
        "from subsidy_calc.input_errors import InputError\n"
        "blocks.BLOCKS_FROM_BYTES, blocks.FIRST_BLOCK_BYTES, blocks.BLOCK_BYTES = 1, 300, 700\n"
        "scan = reading.scan_zip\n"
        "reading.scan_zip = lambda path: time.sleep(0.5) or scan(path)\n"
        "try:\n"
        "    import_file(Path(sys.argv[1]))\n"
        "except InputError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 0, done.stderr
    assert "行数" in done.stdout or "列数" in done.stdout or "单元格数" in done.stdout, done.stdout


def test_exclamation_and_question_marks_in_cells_do_not_stop_the_cut(write_book: WriteBook) -> None:
    """The markup test looks for '!' and '?' first: text holding them is still cut (and read the same)."""
    people = [person(name="张三!?" if n % 7 == 0 else "李四", id_number=make_id("110101", date(1995, 5, 17), n), seq=n)
              for n in range(200)]
    path = write_book([class_row(planned=200)], people)
    assert block_count(path) > 10
    whole, in_blocks = read_both(path)
    assert in_blocks == whole


def test_parts_named_twice_or_not_xml(write_book: WriteBook, imports: list[bool]) -> None:
    """A second part of the same name: which one a reader takes is its own choice, so the sheet is read whole.
    A picture is not copied into the blocks' workbook, and the rows are the same without it."""
    import warnings

    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(200)]
    plain = write_book([class_row(planned=200)], people)
    twice, picture = plain.with_name("twice.xlsx"), plain.with_name("picture.xlsx")
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(twice, "w") as new, zipfile.ZipFile(picture, "w") as pic:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
            pic.writestr(info.filename, old.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate name
            new.writestr("xl/styles.xml", old.read("xl/styles.xml"))
        pic.writestr("xl/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(5000))
    with pytest.raises(blocks.ReadWhole):
        read_both(twice)
    same_import(twice)
    assert imports == [True, False, True]
    whole, in_blocks = read_both(picture)
    assert in_blocks == whole
