"""The rule-file keys' behaviour, table-driven: each rule_cases/<name>.toml holds a rule set and its cases."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.engine import calculate
from subsidy_calc.models import Claim
from subsidy_calc.results import ClaimResult, Severity
from subsidy_calc.rule_schema import RuleSet

CASES_DIR = Path(__file__).parent / "rule_cases"
_EXPECT_KEYS = ("expect_gross", "expect_months")


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        ruleset = RuleSet.model_validate(document["ruleset"])
        for case in document["case"]:
            params.append(pytest.param(ruleset, case, id=f"{path.stem}: {case['name']}"))
    return params


def _texts(result: ClaimResult) -> str:
    return "\n".join([*(line.explanation.text() for line in result.classes),
                      *(f"{a.label}:{a.text};依据:{a.clause}" for a in result.adjustments)])


@pytest.mark.parametrize(("ruleset", "case"), _cases())
def test_rule_case(ruleset: RuleSet, case: dict[str, Any]) -> None:
    classes = [{k: v for k, v in c.items() if k not in _EXPECT_KEYS} for c in case["classes"]]
    claim = Claim.model_validate(
        {"ruleset_id": ruleset.id, "stage": case["stage"], "claim_date": case["claim_date"], "classes": classes}
    )
    result = calculate(claim, ruleset)
    texts = _texts(result)

    assert (result.gross, result.payable) == (Decimal(case["gross"]), Decimal(case["payable"])), texts
    assert result.gross == result.lines_gross + sum((a.amount for a in result.adjustments), Decimal(0))
    assert result.payable == result.gross - result.advance_paid
    if "lines_gross" in case:
        assert result.lines_gross == Decimal(case["lines_gross"])
    for expected, line in zip(case["classes"], result.classes, strict=True):
        if "expect_months" in expected:
            assert line.months_counted == expected["expect_months"]
    notices = result.all_notices()
    messages = " ".join(n.message for n in notices)
    for fragment in case.get("warnings", []):
        assert fragment in messages, messages
    for fragment in case.get("no_warnings", []):
        assert fragment not in messages, messages
    errors = " ".join(n.message for n in notices if n.severity is Severity.ERROR)
    for fragment in case.get("errors", []):
        assert fragment in errors, errors
    assert result.has_errors == bool(case.get("errors")), messages
    for fragment in case.get("explains", []):
        assert fragment in texts, texts
    adjustments = " ".join(a.text for a in result.adjustments)
    for fragment in case.get("adjustments", []):
        assert fragment in adjustments, adjustments
    if "adjustments" not in case:
        assert result.adjustments == ()


def test_the_claim_level_line_is_printed_and_in_the_json() -> None:
    from subsidy_calc.cli import render_table, result_to_json

    document = tomllib.loads((CASES_DIR / "hours_limits.toml").read_text(encoding="utf-8"))
    ruleset = RuleSet.model_validate(document["ruleset"])
    case = next(c for c in document["case"] if "lines_gross" in c)
    claim = Claim.model_validate({"ruleset_id": ruleset.id, "stage": case["stage"],
                                  "claim_date": case["claim_date"], "classes": case["classes"]})
    result = calculate(claim, ruleset)
    table = render_table(result)
    assert "单次申请补贴上限" in table and "-14,000.00" in table and "60,000.00" in table
    assert result_to_json(result)["adjustments"] == [{
        "label": "单次申请补贴上限", "amount": "-14000.00", "clause": result.adjustments[0].clause,
        "explanation": "各班应得合计 74,000.00 元,超过单次申请补贴上限 60,000.00 元,核减 14,000.00 元",
    }]


def test_exports_show_the_claim_level_line_so_the_columns_add_up() -> None:
    import csv
    import io

    from subsidy_calc.classes_csv import classes_from_rows
    from subsidy_calc.export.csv_export import classes_csv_bytes

    document = tomllib.loads((CASES_DIR / "hours_limits.toml").read_text(encoding="utf-8"))
    ruleset = RuleSet.model_validate(document["ruleset"])
    case = next(c for c in document["case"] if "lines_gross" in c)
    claim = Claim.model_validate({"ruleset_id": ruleset.id, "stage": case["stage"],
                                  "claim_date": case["claim_date"], "classes": case["classes"]})
    result = calculate(claim, ruleset)
    rows = list(csv.reader(io.StringIO(classes_csv_bytes(result).decode("utf-8-sig"))))
    headers, body = rows[0], rows[1:]
    gross = headers.index("应得(元)")
    assert body[-2][0] == "申请限额:单次申请补贴上限" and body[-2][gross] == "-14000.00"
    assert sum(Decimal(r[gross]) for r in body[:-1]) == Decimal(body[-1][gross]) == result.gross
    classes, problems = classes_from_rows(headers, [(i + 2, dict(zip(headers, r, strict=True)))
                                                    for i, r in enumerate(body)])
    assert problems == [] and [c.class_id for c in classes] == ["C1", "C2"]  # read back: the line is skipped
