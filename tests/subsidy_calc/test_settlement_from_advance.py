"""A settlement draft from an advance claim (no Qt): parties, rule set and classes carried over, the advance
per class from the advance's result, outcomes left empty; the register sees one claim's two stages."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from subsidy_calc.claim_file import read_claim_file, save_draft
from subsidy_calc.engine import calculate
from subsidy_calc.enums import Outcome, SkillLevel, Stage
from subsidy_calc.models import Claim, Enterprise
from subsidy_calc.register import check_and_record
from subsidy_calc.rule_loading import load_catalog
from subsidy_calc.rule_schema import RuleSet
from subsidy_calc.settlement_from_advance import NotAnAdvanceClaim, advance_was_capped, settlement_from_advance

from .factories import make_claim, make_class, make_roster

CATALOG = load_catalog()


def _advance() -> Claim:
    classes = [make_class("A01", planned=3), make_class("A02", planned=2, occupation="电工")]
    roster = make_roster("A01", [Outcome.IN_TRAINING] * 3) + make_roster("A02", [Outcome.IN_TRAINING] * 2, seed=7)
    roster = [p.model_copy(update={"name": f"{p.class_id}-{p.name}"}) for p in roster]
    base = make_claim(classes, stage=Stage.ADVANCE, roster=roster, claim_date=date(2023, 3, 20))
    return base.model_copy(update={"enterprise": Enterprise(name="金昌某某有限公司")})


def _settlement_claim(advance: Claim, statuses: list[Outcome]) -> Claim:
    """What the user has after filling in the statuses of the generated draft."""
    draft = settlement_from_advance(advance, calculate(advance, CATALOG.get(advance.ruleset_id)), date(2025, 3, 10))
    classes = [{k: v for k, v in row.items() if v != "" and k != "shortage"} for row in draft.classes]
    roster = [{**{k: v for k, v in row.items() if v != ""}, "status": s.value}
              for row, s in zip(draft.roster, statuses, strict=True)]
    return Claim.model_validate({"enterprise": {"name": draft.fields["enterprise.name"]},
                                 "ruleset_id": draft.fields["ruleset_id"], "stage": "settlement",
                                 "claim_date": draft.fields["claim_date"], "classes": classes, "roster": roster})


def test_settlement_draft_carries_everything_over_and_leaves_outcomes_empty() -> None:
    advance = _advance()
    result = calculate(advance, CATALOG.get(advance.ruleset_id))
    draft = settlement_from_advance(advance, result, date(2025, 3, 10))
    assert draft.fields["stage"] == "settlement" and draft.fields["ruleset_id"] == advance.ruleset_id
    assert draft.fields["enterprise.name"] == "金昌某某有限公司"
    assert [row["class_id"] for row in draft.classes] == ["A01", "A02"]
    for row in draft.classes:
        assert row["advance_paid"] == f"{result.line(row['class_id']).gross:f}"
        assert row["certified"] == row["dropped"] == row["completed_no_cert"] == row["in_training"] == ""
    assert result.line("A01").gross > 0
    assert len(draft.roster) == 5 and all(row["status"] == "" for row in draft.roster)


def test_a_draft_made_by_a_script_is_a_claim_file(tmp_path: Path) -> None:
    advance = _advance()
    draft = settlement_from_advance(advance, calculate(advance, CATALOG.get(advance.ruleset_id)), date(2025, 3, 10))
    path = tmp_path / "清算.subsidy.json"
    save_draft(path, draft)
    assert read_claim_file(path).content == draft


def test_only_an_advance_claim_can_be_settled() -> None:
    settlement = make_claim([make_class()], stage=Stage.SETTLEMENT)
    with pytest.raises(NotAnAdvanceClaim, match="不是预支申请"):
        settlement_from_advance(settlement, calculate(settlement, CATALOG.get(settlement.ruleset_id)), date.today())


def test_register_sees_advance_and_settlement_as_one_claim_but_flags_a_second_settlement(tmp_path: Path) -> None:
    advance = _advance()
    register = tmp_path / "register.sqlite3"
    assert check_and_record(advance, "advance.json", register) == []
    settlement = _settlement_claim(advance, [Outcome.CERTIFIED] * 5)
    assert check_and_record(settlement, "settlement.json", register) == []
    again = check_and_record(settlement, "settlement-again.json", register)
    assert {o.other_claim_key for o in again} == {"settlement.json"}
    assert len(again) == 5


def test_an_advance_cut_by_a_claim_cap_leaves_each_class_advance_to_the_bureaus_notice() -> None:
    """Under a cap on one claim the advance's total is cut, but not per class: no class amount is guessed."""
    document = tomllib.loads((Path(__file__).parent / "rule_cases" / "hours_limits.toml").read_text("utf-8"))
    ruleset = RuleSet.model_validate(document["ruleset"])
    classes = [make_class("C1", level=SkillLevel.INTERMEDIATE, planned=10, start_date=date(2024, 3, 1),
                          end_date=date(2025, 2, 28), classroom_hours=100, practice_hours=200),
               make_class("C2", level=SkillLevel.ADVANCED, planned=15, start_date=date(2024, 3, 1),
                          end_date=date(2025, 2, 28), classroom_hours=100, practice_hours=200)]
    advance = make_claim(classes, stage=Stage.ADVANCE, ruleset_id=ruleset.id, claim_date=date(2024, 3, 20))
    result = calculate(advance, ruleset)
    assert advance_was_capped(result) and result.gross < sum(line.gross for line in result.classes)
    draft = settlement_from_advance(advance, result, date(2025, 3, 10))
    assert [row["advance_paid"] for row in draft.classes] == ["", ""]
    uncapped = _advance()
    assert not advance_was_capped(calculate(uncapped, CATALOG.get(uncapped.ruleset_id)))
