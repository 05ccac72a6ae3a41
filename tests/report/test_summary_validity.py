"""The printed claim states the rule set's validity, and warns when its document has expired."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from subsidy_calc.engine import calculate
from subsidy_calc.enums import Stage
from subsidy_calc.export.summary import SummaryDocument, build_summary
from subsidy_calc.models import Claim, TrainingClass
from subsidy_calc.rule_loading import load_catalog
from tests.report.conftest import pypdf_text, squeeze
from ui.report import pdf

CATALOG = load_catalog()


def _summary(ruleset_id: str, claim_date: date) -> SummaryDocument:
    tc = TrainingClass(class_id="G1", occupation="电工", level="高级工", start_date=date(2024, 6, 1),
                       end_date=date(2025, 5, 31), planned=10, certified=10)
    claim = Claim(ruleset_id=ruleset_id, stage=Stage.SETTLEMENT, claim_date=claim_date, classes=[tc])
    ruleset = CATALOG.get(ruleset_id)
    return build_summary(claim, calculate(claim, ruleset), ruleset)


def test_validity_is_printed_with_the_rule_set() -> None:
    doc = _summary("guangdong-2023", date(2025, 7, 1))
    items = {item.label: item.value for item in doc.ruleset}
    assert items["文件有效期"] == "2023-08-15 至 2025-12-31(有效)"
    assert not any("到期" in n for n in doc.notices)


def test_a_claim_after_the_document_expired_carries_a_warning_first() -> None:
    doc = _summary("guangdong-2023", date(2026, 3, 1))
    items = {item.label: item.value for item in doc.ruleset}
    assert items["文件有效期"] == "2023-08-15 至 2025-12-31(已于 2025-12-31 到期)"
    assert "2025-12-31 到期" in doc.notices[0]
    assert doc.errors == ()  # the class started inside the window: still calculated
    printed = doc.plain_text()  # every character the PDF and the workbook print
    assert "文件有效期" in printed and doc.notices[0] in printed


def test_a_rule_set_without_a_known_window_says_so() -> None:
    doc = _summary("nantong-2019", date(2025, 7, 1))
    assert {item.label: item.value for item in doc.ruleset}["文件有效期"] == "未注明"


def test_the_printed_pdf_states_the_validity_and_the_expiry(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "expired.pdf"
    pdf.write_pdf(path, _summary("guangdong-2023", date(2026, 3, 1)))
    text = squeeze("\n".join(pypdf_text(path)))
    assert squeeze("文件有效期 2023-08-15 至 2025-12-31(已于 2025-12-31 到期)") in text
    assert squeeze("规则集依据的文件已于 2025-12-31 到期") in text
