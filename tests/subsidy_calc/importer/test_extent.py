"""The pre-scan's shortcuts equal its careful path: the same tallies, extents and refusals for any sheet XML
(hypothesis), and the spellings a crafted file may use (tabs, newlines, apostrophes, x: prefixes, cells without r,
numbers outside the row tags, a tag cut by a chunk boundary) are still measured."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.samples import make_roster_workbook
from subsidy_calc.importer import extent as extent_module
from subsidy_calc.importer.extent import OdsExtent, XlsxExtent, _careful_tally, _plain_tally, largest
from subsidy_calc.importer.safety import ZipScan, scan_zip
from subsidy_calc.input_errors import InputError
from subsidy_calc.limits import MAX_COLUMNS, MAX_ROWS

MB = 1024 * 1024
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
TOKENS = [
    '<row r="1">', '<row r="2" spans="1:3">', '<row r="200002">', '<row r="007">', "<row>", '<row spans="1:2" r="9">',
    '<row r="12x">', "</row>", '<rowBreaks count="1">', '<x:row r="3">', "</x:row>", '<row r="4" hidden="1">',
    '<c r="A1">', '<c r="G7" t="s">', '<c r="H2">', '<c r="Z3"/>', '<c r="AA4">', '<c r="XFD5">', '<c r="IV6"/>',
    '<c r="ABCD7">', "<c>", '<c t="s">', "<c/>", '<c r="5">', '<x:c r="B2">', "<x:c>", '<col min="1" max="3"/>',
    "<cols>", "<c r='C3'>", '<c\tr="D4">', '<c\nr="E5">', '<c\rr="F6">', '<c\x0br="XFD6">', '<row\x0cr="300000">',
    '<foo r="ZZ9"/>', '<foo r="77"/>', '<c r = "XFD7">', '<c r ="AB8"/>', '<c r= "H9">', '<row r = "400000">',
    "<c r = 'Q3'>", '<foo r = "ZZ9"/>', '<row r="5" hidden = "1">', " r =", "= ", " r= ",
    '<c xr="A1">', '<c r="">', "<v>1</v>", "<is><t>O'Brien</t></is>", "<is><t>张三</t></is>", "</c>", "</x:c>",
    "<f>SUM(A1)</f>", '<dimension ref="A1:C3"/>', '<dimension ref="A1:XFD1048576"/>', " ", 'r="1"', ' r="', "hidden",
    "d", "<", ">", '"', "w", "9",
]
sheet_text = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join).map(str.encode)


@contextmanager
def careful_only() -> Iterator[None]:
    """XlsxExtent with its shortcut switched off: every piece of text takes the careful path."""
    def no_shortcut(text: bytes, columns: int) -> extent_module._Tally | None:
        return None

    shortcut = extent_module._plain_tally
    extent_module._plain_tally = no_shortcut
    try:
        yield
    finally:
        extent_module._plain_tally = shortcut


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(sheet_text, st.integers(0, 30))
@example(b'<row r="1"><c r="A1"/><c r="5"/>', 0)  # a number outside the row tag: the careful path
@example(b'<row r="1"><c\tr="XFD1"/>', 3)
def test_plain_tally_equals_careful_tally(text: bytes, columns: int) -> None:
    fast = _plain_tally(text, columns)
    if fast is not None:
        assert fast == _careful_tally(text, columns)


def test_ordinary_sheet_xml_takes_the_shortcut() -> None:
    generated = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>1</v></c><c r="G%d" s="1"><v>44580</v></c></row>'
                         % (n, n, n) for n in range(1, 500))
    excel = (b'<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="7" width="12" customWidth="1"/></cols>'
             b'<sheetData><row r="1" spans="1:7" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c>'
             b'<c r="B1" t="inlineStr"><is><t>x</t></is></c></row><row r="2" spans="1:7" hidden="1"><c r="C2">'
             b"<f>A1+1</f><v>1</v></c></row></sheetData>")
    for text, columns in ((generated, 0), (generated, 7), (generated, 26), (excel, 0), (excel, 2)):
        fast = _plain_tally(text, columns)
        assert fast is not None
        assert fast == _careful_tally(text, columns)


@pytest.mark.parametrize("text", [
    b'<row r="1"><c\tr="A1"/></row>', b'<row r="1"><c\nr="A1"/></row>', b"<row r='1'><c r='A1'/></row>",
    b'<row r="1"><c r="A1"><is><t>O\'Brien</t></is></c></row>',  # an apostrophe anywhere: careful
    b'<row r="1"><c r="7"/></row>', b'<row r="1"/><foo r="77"/>', b'<x:row r="1"><x:c r="A1"/></x:row>',
])
def test_other_spellings_take_the_careful_path(text: bytes) -> None:
    assert _plain_tally(text, 0) is None


def feed_all(xml: bytes, sizes: list[int]) -> tuple[object, ...]:
    """Everything an XlsxExtent ends with after the XML in pieces of the given sizes (cycled): its numbers, or the
    refusal's message and the numbers it had then."""
    scanner = XlsxExtent("学徒花名册")
    message = ""
    try:
        start, index = 0, 0
        while start < len(xml):
            size = sizes[index % len(sizes)]
            scanner.feed(xml[start:start + size])
            start, index = start + size, index + 1
        scanner.finish()
    except InputError as exc:
        message = str(exc)
    found = scanner.extent
    return (message, found.rows, found.columns, found.hidden_rows, scanner.declared, scanner.max_row,
            scanner.unnumbered_rows, scanner.cells, scanner.row_cells, scanner.widest_row)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(sheet_text, st.lists(st.integers(1, 60), min_size=1, max_size=5))
def test_feeding_in_any_pieces_equals_the_careful_path(xml: bytes, sizes: list[int]) -> None:
    fast = feed_all(xml, sizes)
    with careful_only():
        assert fast == feed_all(xml, sizes)


def plain_rows(size: int) -> bytes:
    """Rows as the bench's workbooks have them, about `size` bytes: every chunk of them takes the shortcut."""
    row = '<row r="{0}"><c r="A{0}" t="s"><v>17</v></c><c r="G{0}" s="1"><v>44580</v></c></row>'
    rows = [row.format(n).encode() for n in range(1, size // 60)]
    return b"".join(rows)


@pytest.mark.parametrize(("tag", "expected"), [
    ("<c r='XFD2'/>", "实际 16,384 列"), ('<c\tr="XFD2"/>', "实际 16,384 列"), ('<c\nr="XFD2"/>', "实际 16,384 列"),
    ('<x:c r="XFD2"/>', "实际 16,384 列"), ('<foo r="XFD2"/>', "实际 16,384 列"), ('<c r="AAA2"/>', "实际 703 列"),
    ('<c r="1048576"/>', "实际 1,048,575 行"), ('<row spans="1:1" r="1048576"/>', "实际 1,048,575 行"),
    ('<x:row r="1048576"/>', "实际 1,048,575 行"), ("<c/>" * (MAX_COLUMNS + 1), f"实际 {MAX_COLUMNS + 1} 列"),
    ("<row/>" * (MAX_ROWS + 1), f"上限 {MAX_ROWS:,} 行"),
])
@pytest.mark.parametrize("cut", [0, 1, 3])
def test_a_crafted_tag_after_a_megabyte_of_plain_rows_is_refused(tag: str, expected: str, cut: int) -> None:
    """The tag comes after the first 1 MB piece, its first `cut` bytes at the end of a piece and the rest in the next;
    the refusal and every number are the careful path's."""
    head = plain_rows(MB + 200_000) + b'<row r="99999">'
    body = head + tag.encode() + b"</row>"
    sizes = [MB, len(head) + cut - MB, len(body)]
    fast = feed_all(body, sizes)
    assert expected in str(fast[0])
    with careful_only():
        assert fast == feed_all(body, sizes)


def test_hidden_rows_and_the_declared_range_are_read_in_any_piece() -> None:
    rows = plain_rows(MB + 1000) + b'<row r="99999" hidden="1"><c r="A99999"/></row><row r="100000"/>'
    assert feed_all(rows, [MB])[3] == [99999]
    assert feed_all(b'<row r="4" hidden="true"><c r="A4"/></row>', [7])[3] == [4]
    declared = b'<dimension ref="A1:XFD1048576"/>' + plain_rows(1000)
    assert "声明范围(dimension)" in str(feed_all(declared, [5])[0])
    assert feed_all(plain_rows(MB + 1000) + b'<dimension ref="A1:C3"/>', [MB])[4] == (3, 3)


def test_largest_row_number() -> None:
    assert largest([b"9", b"10", b"8"]) == 10
    assert largest([b"007", b"012", b"011"]) == 12
    assert largest([b"0100", b"99"]) == 100
    assert largest([b"5"]) == 5


def zipped(path: Path, parts: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("at", [1, 2])
def test_a_formula_tag_cut_by_the_chunk_boundary_is_found(tmp_path: Path, at: int) -> None:
    """'<f>' with its first `at` bytes at the end of the first 1 MB of the sheet (the scan reads 1 MB at a time)."""
    start = f"<worksheet {NS}><sheetData>".encode()
    filler = b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    cell_open = b'</t></is></c></row><row r="2"><c r="A2">'
    padding = MB - len(start) - len(filler) - len(cell_open) - at
    text = random.Random(1).randbytes(padding).hex()[:padding].encode()  # hex: no zip-bomb ratio
    xml = start + filler + text + cell_open + b"<f>1+1</f></c></row></sheetData></worksheet>"
    assert xml[MB - at:MB - at + 3] == b"<f>"
    path = zipped(tmp_path / "formula.xlsx", [("xl/worksheets/sheet1.xml", xml)])
    assert scan_zip(path).formula_gaps == {"xl/worksheets/sheet1.xml": {(2, 0)}}


def test_every_part_of_a_repeated_name_is_checked(tmp_path: Path) -> None:
    """Two parts named xl/workbook.xml: the one the sheet names come from is read once, the other is still checked."""
    book = (f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="学徒花名册" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    entity = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><workbook/>'
    sheet = f'<worksheet {NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'.encode()
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = zipped(tmp_path / "twice.xlsx", [("xl/workbook.xml", entity), ("xl/workbook.xml", book),
                                                 ("xl/_rels/workbook.xml.rels", rels),
                                                 ("xl/worksheets/sheet1.xml", sheet)])
    with pytest.raises(InputError, match="实体声明"):
        scan_zip(path)
    clean = zipped(tmp_path / "once.xlsx", [("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels),
                                            ("xl/worksheets/sheet1.xml", sheet)])
    assert scan_zip(clean).extents["学徒花名册"].rows == 1


@pytest.mark.parametrize("inline", [False, True])
def test_generated_workbooks_scan_as_on_the_careful_path(tmp_path: Path, inline: bool) -> None:
    path = tmp_path / "roster.xlsx"
    make_roster_workbook(path, n_apprentices=12_000, n_classes=12, bad_rows=40 if inline else 0, seed=3,
                         shared_strings=not inline, serial_dates=inline)
    fast = scan_zip(path)
    with careful_only():
        careful = scan_zip(path)
    assert fast == careful and isinstance(fast, ZipScan)
    assert fast.extents["学徒花名册"].rows > 12_000 and fast.extents["学徒花名册"].columns == 7


@pytest.mark.parametrize(("row", "cell", "expected"), [
    ('<row r = "1048576">', '<c r = "XFD1048576">', "实际 1,048,575 行"),
    ('<row r="9">', '<c r= "XFD9">', "实际 16,384 列"), ('<row r ="300000">', '<c r="A300000">', "实际 299,999 行"),
    ('<row r="9">', "<c r = 'IW9'>", "实际 257 列"),
    ('<row r="9">', '<c r="A9"/><c r = "C9"/><c r= "IW9">', "实际 257 列"),
])
def test_a_reference_with_spaces_around_the_equals_sign_is_measured(tmp_path: Path, row: str, cell: str,
                                                                   expected: str) -> None:
    """XML allows spaces around "=" and python-calamine reads such an r: the first file (2 KB) aborted the process
    before the pre-scan measured these too (2026-11-27)."""
    book = (f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="学徒花名册" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    sheet = (f'<worksheet {NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
             f"{row}{cell}<v>1</v></c></row></sheetData></worksheet>").encode()
    path = zipped(tmp_path / "spaced.xlsx", [("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels),
                                             ("xl/worksheets/sheet1.xml", sheet)])
    with pytest.raises(InputError, match=expected):
        scan_zip(path)


@pytest.mark.parametrize("repeat", ['table:number-rows-repeated = "1000000"', "table:number-rows-repeated='1000000'"])
def test_ods_repeated_rows_with_spaces_or_apostrophes_are_counted(repeat: str) -> None:
    body = ('<table:table table:name = "学徒花名册"><table:table-row ' + repeat + '><table:table-cell '
            "office:value-type='string'><text:p>x</text:p></table:table-cell></table:table-row></table:table>").encode()
    scanner = OdsExtent()
    with pytest.raises(InputError, match=f"工作表“学徒花名册”的数据行数.*上限 {MAX_ROWS:,} 行"):
        scanner.feed(body)
        scanner.finish()
