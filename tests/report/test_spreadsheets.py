"""Excel and CSV exports: totals to the cent after reopening, masked roster, no formula runs from text."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.export.cells import is_formula_like, neutralise
from subsidy_calc.export.csv_export import classes_csv_bytes, headers_for
from subsidy_calc.export.summary import build_summary
from subsidy_calc.export.xlsx import workbook_bytes
from tests.report.samples import calculated, make_claim

INJECTIONS = ['=HYPERLINK("http://evil.example","点我")', "+1", "-1+2", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


def _workbook(claim, result, ruleset, full_ids=False):
    data = workbook_bytes(build_summary(claim, result, ruleset, full_ids=full_ids), result)
    return openpyxl.load_workbook(io.BytesIO(data))


def _cents(value: object) -> Decimal:
    assert isinstance(value, int | float), value
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


def _labelled(sheet) -> dict[str, object]:
    return {row[0].value: row[1].value for row in sheet.iter_rows(min_col=1, max_col=2) if row[0].value}


def test_xlsx_reopens_with_the_same_totals(sample):
    claim, result, ruleset = sample
    book = _workbook(claim, result, ruleset)
    assert book.sheetnames == ["申请表", "培训班", "学徒名册", "申报材料清单"]
    application = _labelled(book["申请表"])
    assert _cents(application["应得补贴合计(元)"]) == result.gross
    assert _cents(application["已预支合计(元)"]) == result.advance_paid
    assert _cents(application["本次申请金额(元)"]) == result.payable
    assert application["本次申请金额(大写)"] == result.payable_in_words == "捌万叁仟元整"
    classes = book["培训班"]
    assert classes.freeze_panes == "A2"
    total_row = [c.value for c in classes[len(result.classes) + 2]]
    assert total_row[0] == "合计"
    gross = [c.value for c in classes[1]].index("应得(元)")  # the result columns follow the input columns
    assert [_cents(v) for v in total_row[gross:gross + 3]] == [result.gross, result.advance_paid, result.payable]
    for line, row in zip(result.classes, classes.iter_rows(min_row=2), strict=False):
        assert row[0].value == line.class_id
        assert _cents(row[gross + 2].value) == line.payable
        assert row[gross + 2].number_format.startswith("#,##0.00")
    roster = book["学徒名册"]
    amounts = [_cents(r[10].value) for r in roster.iter_rows(min_row=2)]
    assert amounts == [p.amount for p in result.apprentices]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"), places=2))
def test_two_decimal_amounts_survive_a_double_round_trip(amount):
    assert _cents(float(amount)) == amount


def test_xlsx_roster_masked_unless_full(sample):
    claim, result, ruleset = sample
    first = result.apprentices[0].id_number
    masked = _workbook(claim, result, ruleset)["学徒名册"]
    assert masked["D2"].value == first[:6] + "********" + first[-4:]
    assert all(first not in str(c.value) for row in masked.iter_rows() for c in row)
    assert _workbook(claim, result, ruleset, full_ids=True)["学徒名册"]["D2"].value == first


def test_refund_is_labelled_in_xlsx():
    claim, result, ruleset = calculated(make_claim(advances=(Decimal(150000), Decimal(30000))))
    application = _labelled(_workbook(claim, result, ruleset)["申请表"])
    assert _cents(application["本次应退回金额(元)"]) == -result.payable
    assert application["本次应退回金额(大写)"] == "叁万壹仟元整" == result.payable_in_words.removeprefix("负")


@pytest.mark.parametrize("evil", INJECTIONS)
def test_xlsx_stores_formula_like_text_as_strings(evil):
    claim, result, ruleset = calculated(make_claim(name=evil))
    kept = claim.enterprise.name  # the model strips surrounding whitespace (tab, CR)
    sheet = _workbook(claim, result, ruleset)["申请表"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == kept]
    assert cells, evil
    for cell in cells:
        assert cell.data_type == "s"  # a string, not a formula
        assert cell.quotePrefix == is_formula_like(cell.value)


@pytest.mark.parametrize("evil", INJECTIONS)
def test_xlsx_class_ids_are_never_formulas(evil):
    claim = make_claim()
    claim = claim.model_copy(update={"classes": [claim.classes[0].model_copy(update={"occupation": evil}),
                                                 claim.classes[1]]})
    claim, result, ruleset = calculated(claim)
    sheet = _workbook(claim, result, ruleset)["培训班"]
    # xlsx escapes a CR as _x000D_ (Excel decodes it; openpyxl shows it as stored).
    assert sheet["B2"].value in (evil, evil.replace("\r", "_x000D_"))
    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].quotePrefix


@pytest.mark.parametrize("evil", INJECTIONS)
def test_csv_neutralises_formula_like_text(evil):
    assert neutralise(evil) == "'" + evil
    claim = make_claim()
    claim = claim.model_copy(update={"classes": [claim.classes[0].model_copy(update={"occupation": evil}),
                                                 claim.classes[1]]})
    _, result, _ = calculated(claim)
    rows = list(csv.reader(io.StringIO(classes_csv_bytes(result).decode("utf-8-sig"), newline="")))
    assert rows[1][1] == "'" + evil


def test_plain_text_is_left_alone():
    for text in ("焊工", "A01", "1+1", "", "中级工=四级"):
        assert neutralise(text) == text


def test_csv_has_bom_a_row_per_class_and_totals(sample):
    _, result, _ = sample
    data = classes_csv_bytes(result)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == headers_for(result.stage)
    assert tuple(rows[0][:13]) == CLASS_HEADERS[:13]
    assert len(rows) == 1 + len(result.classes) + 1
    assert rows[1][0] == "A01" and Decimal(rows[1][-2]) == result.classes[0].payable
    assert rows[-1][0] == "合计"
    assert [Decimal(v) for v in rows[-1][-4:-1]] == [result.gross, result.advance_paid, result.payable]


def test_exported_csv_is_read_back_as_the_same_classes(sample, tmp_path):
    from subsidy_calc.classes_csv import read_classes_csv

    claim, result, _ = sample
    path = tmp_path / "classes.csv"
    path.write_bytes(classes_csv_bytes(result))
    again = read_classes_csv(path)
    assert [(c.class_id, c.level, c.start_date, c.end_date, c.planned, c.cost_per_person, c.shortage,
             c.advance_paid) for c in again] == [
        (c.class_id, c.level, c.start_date, c.end_date, c.planned, c.cost_per_person, c.shortage,
         c.advance_paid) for c in claim.classes]
    assert [c.typed_counts for c in again] == [claim.counts_for(c) for c in claim.classes]


def test_advance_stage_headings_say_advance_not_earned():
    from subsidy_calc.enums import Stage

    _, result, _ = calculated(make_claim(stage=Stage.ADVANCE))
    rows = list(csv.reader(io.StringIO(classes_csv_bytes(result).decode("utf-8-sig"), newline="")))
    assert "应预支(元)" in rows[0] and "应得(元)" not in rows[0]
    book = _workbook(*calculated(make_claim(stage=Stage.ADVANCE)))
    headings = [c.value for c in book["培训班"][1]]
    assert "应预支(元)" in headings and "应得(元)" not in headings


def test_xlsx_prints_as_a_form(sample):
    """A4 fitted to the width, headings repeated and frozen, 第 &P 页 共 &N 页, seal and signature cells."""
    claim, result, ruleset = sample
    book = _workbook(claim, result, ruleset)
    for name, titles, frozen in (("申请表", "$1:$2", "A3"), ("培训班", "$1:$1", "A2"), ("学徒名册", "$1:$1", "A2"),
                                 ("申报材料清单", "$1:$1", "A2")):
        sheet = book[name]
        assert sheet.page_setup.paperSize == 9, name  # A4
        # fitToWidth is left out when it is 1 (the OOXML default), so openpyxl reads None
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1), name
        assert sheet.page_setup.fitToHeight == 0, name  # as many pages down as needed
        assert sheet.print_title_rows == titles, name
        assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页", name
        assert sheet.freeze_panes == frozen, name
    assert book["学徒名册"].page_setup.orientation == "landscape"
    cells = [c.value for row in book["申请表"].iter_rows() for c in row if isinstance(c.value, str)]
    for label in ("申请单位(盖章):", "法定代表人/负责人(签字):", "经办人(签字):", "联系电话:0935-8221234"):
        assert label in cells, label
    assert any(c.startswith("日期:") and "年" in c and "月" in c for c in cells)
    roster = book["学徒名册"]
    assert [c.value for c in roster[1]] == ["序号", "姓名", "性别", "身份证号", "班级编号", "培训职业", "培训等级",
                                            "劳动合同起止", "状态", "证书编号", "补贴金额(元)"]
    assert roster["A2"].data_type == "n" and roster["K2"].data_type == "n"  # numbers stay numbers


def test_xlsx_text_that_looks_like_a_formula_stays_text():
    claim = make_claim(name="=HYPERLINK(\"http://x\",\"y\")")
    people = list(claim.roster)
    people[0] = people[0].model_copy(update={"name": "@SUM(A1)"})
    claim, result, ruleset = calculated(claim.model_copy(update={"roster": people}))
    book = _workbook(claim, result, ruleset)
    assert book["学徒名册"]["B2"].value == "@SUM(A1)" and book["学徒名册"]["B2"].data_type == "s"
    values = [c for row in book["申请表"].iter_rows() for c in row if c.value == claim.enterprise.name]
    assert values and all(c.data_type == "s" for c in values)
