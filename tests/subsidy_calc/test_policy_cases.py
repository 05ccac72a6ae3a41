"""Each shipped rule set against the policy facts: table-driven cases kept in cases/<ruleset>.toml.

A case gives the claim (stage, date, `[[case.classes]]`, optional `[[case.roster]]`), the totals and the words,
fragments that must appear among its warnings and errors (no `errors` = the claim must have none), and per
class optionally `expect_gross`, `expect_months` and `expect_explained` (fragments of the explanation)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.engine import calculate
from subsidy_calc.models import Claim
from subsidy_calc.results import Severity
from subsidy_calc.rule_loading import load_catalog

CASES_DIR = Path(__file__).parent / "cases"
CATALOG = load_catalog()
_EXPECT_KEYS = ("expect_gross", "expect_months", "expect_explained")


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in document["case"]:
            params.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return params


def test_every_shipped_rule_set_has_cases() -> None:
    covered = {p.stem for p in CASES_DIR.glob("*.toml")}
    assert set(CATALOG.rulesets) <= covered, "each rule set needs policy cases"


@pytest.mark.parametrize(("ruleset_id", "case"), _cases())
def test_policy_case(ruleset_id: str, case: dict[str, Any]) -> None:
    classes = [{k: v for k, v in c.items() if k not in _EXPECT_KEYS} for c in case["classes"]]
    claim = Claim.model_validate({
        "ruleset_id": ruleset_id, "stage": case["stage"], "claim_date": case["claim_date"], "classes": classes,
        "roster": case.get("roster", []),
    })
    result = calculate(claim, CATALOG.get(ruleset_id))

    assert result.gross == Decimal(case["gross"])
    assert result.advance_paid == Decimal(case["advance_paid"])
    assert result.payable == Decimal(case["payable"])
    assert result.payable_in_words == case["words"]
    for expected, line in zip(case["classes"], result.classes, strict=True):
        if "expect_gross" in expected:
            assert line.gross == Decimal(expected["expect_gross"]), line.explanation.text()
        if "expect_months" in expected:
            assert line.months_counted == expected["expect_months"]
        for fragment in expected.get("expect_explained", []):
            assert fragment in line.explanation.text(), line.explanation.text()
    notices = result.all_notices()
    warnings = " ".join(n.message for n in notices)
    for fragment in case.get("warnings", []):
        assert fragment in warnings, warnings
    errors = " ".join(n.message for n in notices if n.severity is Severity.ERROR)
    for fragment in case.get("errors", []):
        assert fragment in errors, errors
    assert result.has_errors == bool(case.get("errors"))
