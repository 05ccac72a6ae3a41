"""The roster annex's columns: measured so that class ids, ID numbers and certificate numbers never wrap."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth

from subsidy_calc.export import pdf_fonts, pdf_roster
from subsidy_calc.export.pdf_render import MARGINS
from subsidy_calc.export.summary import ROSTER_HEADERS, build_summary
from tests.report.samples import calculated, make_big_claim, make_claim

WIDTH = landscape(A4)[0] - MARGINS[0] - MARGINS[2]
NEVER_WRAP = ("序号", "性别", "身份证号", "班级编号", "培训等级", "劳动合同起止", "状态", "证书编号")


def test_columns_fit_their_longest_text_and_the_page():
    claim = make_big_claim(4, 10)
    long_id = "HG2024-第二车间-数控-001"  # a long class id: still one line
    claim = claim.model_copy(update={
        "classes": [claim.classes[0].model_copy(update={"class_id": long_id}), *claim.classes[1:]],
        "roster": [p.model_copy(update={"class_id": long_id}) if p.class_id == claim.classes[0].class_id else p
                   for p in claim.roster]})
    summary = build_summary(*calculated(claim), full_ids=True)
    body = pdf_fonts.chinese_fonts().body
    size, widths = pdf_roster._layout(summary, body, WIDTH)
    assert abs(sum(widths) - WIDTH) < 0.01 and size >= 8
    for header in NEVER_WRAP:
        col = ROSTER_HEADERS.index(header)
        longest = max(stringWidth(row.cells()[col], body, size) for row in summary.roster)
        assert widths[col] >= longest + 2 * pdf_roster.PADDING, header
    assert any(row.class_id == long_id for row in summary.roster)


def test_rows_are_the_ten_columns_cities_ask_for(sample):
    summary = build_summary(*sample)
    assert ROSTER_HEADERS == ("序号", "姓名", "性别", "身份证号", "班级编号", "培训职业", "培训等级", "劳动合同起止",
                              "状态", "证书编号")
    first = summary.roster[0]
    assert first.sex in ("男", "女") and first.occupation == "焊工" and first.level == "中级工(四级)"
    dated = build_summary(*calculated(make_big_claim(1, 3)))
    assert dated.roster[0].contract == "2022-12-01至2026-11-30"
    assert build_summary(*calculated(make_claim())).roster[0].contract == "—"  # no contract dates: a dash
