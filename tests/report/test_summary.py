"""The summary builder: contents, amounts exactly as the engine gives them, masking, refunds, errors."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from subsidy_calc.enums import Stage
from subsidy_calc.export.summary import BANNER_ERRORS, ERROR_BANNER, build_summary
from subsidy_calc.identity import mask_id_number
from subsidy_calc.money import amount_in_words, format_yuan
from subsidy_calc.results import Notice, Severity
from tests.report.samples import calculated, make_claim


def test_title_names_the_stage(sample):
    claim, result, ruleset = sample
    assert build_summary(claim, result, ruleset).title == "企业新型学徒制培训补贴申请表(清算)"
    claim, result, ruleset = calculated(make_claim(stage=Stage.ADVANCE))
    assert build_summary(claim, result, ruleset).title == "企业新型学徒制培训补贴申请表(预支)"


def test_totals_are_the_engine_amounts(sample):
    claim, result, ruleset = sample
    doc = build_summary(claim, result, ruleset)
    assert result.payable == Decimal("83000.00")
    assert doc.totals.payable == format_yuan(result.payable) == "83,000.00"
    assert doc.totals.payable_words == result.payable_in_words == "捌万叁仟元整"
    assert doc.totals.gross == format_yuan(result.gross)
    assert [b.payable for b in doc.classes] == [format_yuan(line.payable) for line in result.classes]
    assert not doc.totals.refund and doc.totals.payable_label == "本次申请金额"


def test_roster_ids_masked_unless_full_requested(sample):
    claim, result, ruleset = sample
    first = result.apprentices[0].id_number
    masked = build_summary(claim, result, ruleset)
    assert masked.roster[0][3] == mask_id_number(first) == first[:6] + "********" + first[-4:]
    assert all(p.id_number not in masked.plain_text() for p in result.apprentices)
    full = build_summary(claim, result, ruleset, full_ids=True)
    assert full.roster[0][3] == first
    assert len(full.roster) == len(result.apprentices) == 30


def test_negative_payable_prints_as_refund():
    claim, result, ruleset = calculated(make_claim(advances=(Decimal(150000), Decimal(30000))))
    assert result.payable < 0
    doc = build_summary(claim, result, ruleset)
    assert doc.totals.refund and doc.totals.payable_label == "本次应退回金额"
    assert doc.totals.payable == format_yuan(-result.payable)
    assert doc.totals.payable_words == amount_in_words(-result.payable)
    assert "应退回" in doc.plain_text()
    refunding = [b for b, line in zip(doc.classes, result.classes, strict=True) if line.payable < 0]
    assert refunding and all(b.payable_label == "本次应退回(元)" and "-" not in b.payable for b in refunding)


def test_errors_print_a_banner(sample):
    claim, result, ruleset = sample
    assert build_summary(claim, result, ruleset).error_banner is None
    broken = replace(result, notices=(*result.notices, Notice(Severity.ERROR, "测试错误")))
    doc = build_summary(claim, broken, ruleset)
    assert doc.error_banner == ERROR_BANNER
    assert any("测试错误" in e for e in doc.errors)
    assert ERROR_BANNER in doc.plain_text()


def test_assumed_ruleset_lists_its_assumptions(sample):
    claim, result, ruleset = sample
    assert ruleset.status == "assumed"
    doc = build_summary(claim, result, ruleset)
    assert doc.assumptions == tuple(ruleset.assumptions)
    assert all(a in doc.plain_text() for a in ruleset.assumptions)
    effective = dict((i.label, i.value) for i in doc.ruleset)["参数施行日期"]
    assert effective == "2021-01-01"


def test_markup_in_user_text_prints_as_typed(qapp, tmp_path):
    from tests.report.conftest import pdftotext, squeeze
    from ui.report import pdf

    claim, result, ruleset = calculated(make_claim(name="<b>甲</b>&公司"))
    path = tmp_path / "markup.pdf"
    pdf.write_pdf(path, build_summary(claim, result, ruleset))
    assert "<b>甲</b>&公司" in squeeze(pdftotext(path))


def test_advance_stage_labels_the_advance():
    claim, result, ruleset = calculated(make_claim(stage=Stage.ADVANCE, advances=(None, None)))
    doc = build_summary(claim, result, ruleset)
    assert doc.totals.gross_label == "应预支合计" and doc.totals.gross == format_yuan(result.gross)
    assert all(b.gross_label == "应预支金额(元)" and b.outcomes == () for b in doc.classes)
    assert "应预支合计" in doc.plain_text()


def test_the_banner_quotes_ten_errors_and_counts_the_rest_which_are_all_under_notices(sample):
    claim, result, ruleset = sample
    many = tuple(Notice(Severity.ERROR, f"测试错误{n:03d}") for n in range(120))
    doc = build_summary(claim, replace(result, notices=(*result.notices, *many)), ruleset)
    assert len(doc.errors) == BANNER_ERRORS + 1
    assert doc.errors[:BANNER_ERRORS] == tuple(str(n) for n in many[:BANNER_ERRORS])
    assert doc.errors[-1] == "另有 110 条错误,全部错误均列于下方“提示与警告”"
    assert all(any(str(n) in line for line in doc.notices) for n in many)  # every one, once, further down
    few = build_summary(claim, replace(result, notices=(*result.notices, *many[:BANNER_ERRORS])), ruleset)
    assert few.errors == tuple(str(n) for n in many[:BANNER_ERRORS])
