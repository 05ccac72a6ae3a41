"""Formula cells without a cached value are found as the regular expression over the whole sheet found them, in time
linear in the sheet (that expression scanned to the end of the sheet again for every cell left open)."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from subsidy_calc.importer.safety import _formula_gaps, column_index

# What the pre-scan ran until 2026-11-27: the definition the one-pass scan must keep.
REFERENCE_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
REFERENCE_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')


def reference_gaps(xml: bytes) -> set[tuple[int, int]]:
    gaps: set[tuple[int, int]] = set()
    for match in REFERENCE_CELL.finditer(xml):
        inner = match.group(2) or b""
        if b"<f" in inner and b"<v" not in inner and b"<is>" not in inner:
            ref = REFERENCE_REF.search(match.group(1))
            if ref:
                gaps.add((int(ref.group(2)), column_index(ref.group(1))))
    return gaps


TOKENS = ['<c r="A1">', '<c r="B2" t="s">', '<c t="str" r="C3">', '<c r="AB12"/>', "<c>", "<c/>", '<c r="D4"/>',
          "<col>", '<cr="E5">', '<c\nr="F6">', "<c", "</c>", "</c", "<f>1+1</f>", "<f/>", '<f t="shared"/>', "<v>1</v>",
          "<v/>", "<is><t>x</t></is>", "<is>", ">", "/", "/>", "<", "c", " ", ' r="G7"', 'r="H8"', '"', "<row>",
          "</row>", "<x:c>", "é", "_", "1"]
sheet_xml = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join).map(str.encode)


@settings(max_examples=4000, suppress_health_check=[HealthCheck.too_slow])
@given(sheet_xml)
@example(b'<c r="A1"><f>1</f></c><c r="B1"><v>1</v>')  # an unclosed cell after the last </c>
@example(b'<c r="A1"><c r="B1"><f>1</f></c>')  # a cell left open: the first <c> takes the rest
@example(b'<c r="A1"/><c r="B2"><f>1</f></c>')
@example(b'<c r="A1"<c r="B2"><f>1</f></c>')
@example(b'<col><c r="A1"><f>1</f></c>')  # <col> is no cell
@example(b'<c t="s"><f r="B2">1</f></c>')  # a reference inside the cell is not its own
def test_formula_gaps_equal_the_reference(xml: bytes) -> None:
    assert _formula_gaps(xml) == reference_gaps(xml)


def test_unclosed_cells_take_linear_time() -> None:
    """300,000 cells left open after a formula cell, and 500,000 '<c' with no '>' between them: well under a second
    (the reference took hours on the first)."""
    opened = b'<row r="1"><c r="A1"><f>1+1</f></c>' + b'<c r="B1"><v>1</v>' * 300_000
    bare = b'<c r="A2"><f>1+1</f></c>' + b"<c" * 500_000 + b"</c>"
    started = time.process_time()
    assert _formula_gaps(opened) == {(1, 0)}
    assert _formula_gaps(bare) == {(2, 0)}
    assert time.process_time() - started < 1.0
