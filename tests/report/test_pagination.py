"""Pagination of a 40-class claim with a 1,200-person roster: no class block or row cut by a page break, the
roster's headings on every roster page, rare names (䶮, 𠮷) printed and extractable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from subsidy_calc.export.summary import ROSTER_HEADERS, SummaryDocument, build_summary
from tests.report.conftest import squeeze
from tests.report.samples import RARE_NAMES, calculated, make_big_claim
from ui.report import pdf


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[SummaryDocument, list[str]]:
    """The big claim's summary and the text of each PDF page (pdftotext, pages split at form feeds)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    claim, result, ruleset = calculated(make_big_claim(40, 30))
    summary = build_summary(claim, result, ruleset)
    path = Path(tmp_path_factory.mktemp("big")) / "big.pdf"
    pdf.write_pdf(path, summary)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return summary, [squeeze(page) for page in text.split("\f")[:-1]]


def test_every_class_heading_and_its_payable_share_a_page(big):
    summary, pages = big
    assert len(summary.classes) == 40
    for number, block in enumerate(summary.classes, start=1):
        heading = squeeze(f"({number})培训班 {block.heading}")
        found = [i for i, page in enumerate(pages) if heading in page]
        assert len(found) == 1, heading  # printed once (a block that fits is never split)
        page = pages[found[0]]
        after = page[page.index(heading):]
        following = re.search(r"\(\d+\)培训班", after[len(heading):])
        own = after[:len(heading) + following.start()] if following else after
        assert squeeze(block.payable_label) in own and squeeze(block.payable) in own, heading
        assert squeeze(block.gross) in own, heading


def test_every_roster_page_carries_the_headings_and_no_row_is_cut(big):
    summary, pages = big
    roster_pages = [i for i, page in enumerate(pages) if any(row.id_number in page for row in summary.roster[:1])]
    first = roster_pages[0]
    last = max(i for i, page in enumerate(pages) if summary.roster[-1].id_number in page)
    assert last - first + 1 >= 30  # 1,200 people over many pages
    headings = "".join(ROSTER_HEADERS)
    for index in range(first, last + 1):
        assert headings in pages[index], f"page {index + 1} lacks the roster headings"
    roster_text = pages[first:last + 1]
    for row in summary.roster:  # every cell of a row, in order, on one page
        cells = squeeze("".join(row.cells()))
        assert any(cells in page for page in roster_text), f"row {row.number} is cut or missing"


def test_rare_names_print_in_the_big_claim(big):
    _summary, pages = big
    text = "".join(pages)
    for name in RARE_NAMES:
        assert name in text, name
    assert all(f"共{len(pages)}页" in page for page in pages)


def test_a_class_taller_than_a_page_breaks_between_rows_and_repeats_its_heading(qapp, tmp_path):
    from dataclasses import replace

    claim, result, ruleset = calculated(make_big_claim(2, 5))
    summary = build_summary(claim, result, ruleset)
    notices = tuple(f"提示 {n}:学徒第 {n} 号的劳动合同期限需核实,请补充合同复印件。" for n in range(1, 121))
    tall = replace(summary.classes[0], notices=notices)
    summary = replace(summary, classes=(tall, *summary.classes[1:]))
    path = tmp_path / "tall.pdf"
    pdf.write_pdf(path, summary)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = [squeeze(page) for page in text.split("\f")[:-1]]
    heading = squeeze(f"(1)培训班 {tall.heading}")
    holding = [i for i, page in enumerate(pages) if heading in page]
    assert len(holding) >= 2  # the block spans pages, its heading row on each
    for n in range(1, 121):  # every notice whole, on a page that carries the class heading
        needle = squeeze(notices[n - 1])
        assert any(needle in pages[i] for i in holding), n
