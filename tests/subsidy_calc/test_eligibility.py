"""One fact, one severity: the engine's notice and the importer's verdict on the same person agree."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subsidy_calc.eligibility import (
    SEVERITY,
    Fact,
    Verdict,
    contract_finding,
    eligibility_for,
    no_error_quickly,
    no_warning_quickly,
    passes_quickly,
    person_findings,
)
from subsidy_calc.engine import calculate
from subsidy_calc.enums import ApprenticeType, Outcome, Stage
from subsidy_calc.importer import import_file
from subsidy_calc.models import Apprentice, Claim, TrainingClass
from subsidy_calc.results import Severity
from subsidy_calc.rule_loading import load_catalog
from subsidy_calc.rule_schema import EligibilityRule, RuleSet

from .factories import make_class, make_id

JINCHANG = load_catalog().get("jinchang-2024")
START = date(2023, 3, 1)


def with_social_insurance(ruleset: RuleSet, months: int) -> RuleSet:
    values = {day: block.model_copy(update={"eligibility": EligibilityRule(min_social_insurance_months=months)})
              for day, block in ruleset.values.items()}
    return ruleset.model_copy(update={"values": values})


SOCIAL = with_social_insurance(JINCHANG, 12)
ADULT = make_id(date(1990, 5, 1), 1)

# (what, person fields, rule set, the fact expected or None)
CASES: list[tuple[str, dict[str, object], RuleSet, Fact | None]] = [
    ("eligible", {}, JINCHANG, None),
    ("under age", {"id_number": make_id(date(2008, 6, 1), 2)}, JINCHANG, Fact.UNDER_AGE),
    ("contract of 6 months", {"contract_start": date(2023, 1, 1), "contract_end": date(2023, 6, 30)}, JINCHANG,
     Fact.CONTRACT_TOO_SHORT),
    ("contract starts after the class", {"contract_start": date(2023, 4, 1), "contract_end": date(2026, 1, 1)},
     JINCHANG, Fact.CONTRACT_STARTS_LATE),
    ("contract ended before the class", {"contract_start": date(2020, 1, 1), "contract_end": date(2022, 12, 31)},
     JINCHANG, Fact.CONTRACT_ENDED),
    ("open-ended contract", {"contract_start": date(2022, 1, 1), "contract_end": None}, JINCHANG, None),
    ("exactly 12 months", {"contract_start": date(2022, 3, 2), "contract_end": date(2023, 3, 1)}, JINCHANG, None),
    ("social insurance 6 of 12 months", {"social_insurance_months": 6}, SOCIAL, Fact.SOCIAL_INSURANCE_SHORT),
    ("social insurance 12 of 12 months", {"social_insurance_months": 12}, SOCIAL, None),
    ("social insurance blank", {"social_insurance_months": None}, SOCIAL, Fact.SOCIAL_INSURANCE_UNKNOWN),
    ("certified without certificate number", {"status": Outcome.CERTIFIED, "certificate_no": ""}, JINCHANG,
     Fact.CERTIFICATE_MISSING),
]


def person(**changes: object) -> Apprentice:
    values: dict[str, object] = {"name": "张三", "id_number": ADULT, "class_id": "A01", "status": Outcome.DROPPED,
                                 "contract_start": date(2022, 1, 1), "contract_end": date(2027, 12, 31),
                                 "social_insurance_months": 24}
    values.update(changes)
    return Apprentice.model_validate(values)


def the_class() -> TrainingClass:
    return make_class("A01", start_date=START, planned=1, advance_paid="0")


@pytest.mark.parametrize(("what", "changes", "ruleset", "fact"), CASES, ids=[c[0] for c in CASES])
def test_the_module_names_the_fact(what: str, changes: dict[str, object], ruleset: RuleSet,
                                   fact: Fact | None) -> None:
    findings = person_findings(person(**changes), eligibility_for(the_class(), ruleset))
    assert [f.fact for f in findings] == ([fact] if fact else []), what


@pytest.mark.parametrize(("what", "changes", "ruleset", "fact"), CASES, ids=[c[0] for c in CASES])
def test_the_engine_gives_the_fact_its_severity(what: str, changes: dict[str, object], ruleset: RuleSet,
                                                fact: Fact | None) -> None:
    claim = Claim(ruleset_id=ruleset.id, stage=Stage.SETTLEMENT, claim_date=date(2025, 3, 10),
                  classes=[the_class()], roster=[person(**changes)])
    result = calculate(claim, ruleset)
    about = [n for n in result.all_notices() if "张三" in n.message or "社保" in n.message]
    if fact is None:
        assert about == [], what
        return
    expected = Severity.ERROR if SEVERITY[fact] is Verdict.ERROR else Severity.WARNING
    assert [n.severity for n in about] == [expected], (what, about)


def _roster_csv(tmp_path: Path, changes: dict[str, object]) -> Path:
    p = person(**changes)
    cells = [p.class_id, p.name, p.id_number, p.status.label, p.certificate_no,
             p.contract_start.isoformat() if p.contract_start else "",
             p.contract_end.isoformat() if p.contract_end else "",
             "" if p.social_insurance_months is None else str(p.social_insurance_months)]
    path = tmp_path / "花名册.csv"
    path.write_text("班级编号,姓名,身份证号,状态,证书编号,劳动合同开始,劳动合同结束,社保连续缴费月数\n"
                    + ",".join(cells) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("what", "changes", "ruleset", "fact"), CASES, ids=[c[0] for c in CASES])
def test_the_importer_gives_the_fact_the_same_severity(tmp_path: Path, what: str, changes: dict[str, object],
                                                       ruleset: RuleSet, fact: Fact | None) -> None:
    claim = Claim(ruleset_id=ruleset.id, stage=Stage.SETTLEMENT, claim_date=date(2025, 3, 10),
                  classes=[the_class()])
    result = import_file(_roster_csv(tmp_path, changes), existing_claim=claim, rules=ruleset)
    if fact is None:
        assert (len(result.roster), result.problems, result.warnings) == (1, [], []), what
    elif SEVERITY[fact] is Verdict.ERROR:
        assert len(result.roster) == 0 and len(result.problems) == 1, what
    else:
        assert len(result.roster) == 1 and result.problems == [] and len(result.warnings) == 1, what


def test_students_have_no_contract_requirement() -> None:
    student = make_class("A01", start_date=START, planned=1, apprentice_type=ApprenticeType.STUDENT)
    rule = eligibility_for(student, JINCHANG)
    assert rule.min_contract_months == 0
    assert contract_finding(date(2023, 1, 1), date(2023, 6, 30), rule) is None


ALL_RULES: list[RuleSet | None] = [None, SOCIAL, *load_catalog().rulesets.values()]
CLASS_STARTS = (date(2023, 3, 1), date(2024, 2, 29), date(2024, 12, 31))


@st.composite
def anyone(draw: st.DrawFn) -> Apprentice:
    """People around every edge the quick tests decide: 16th birthdays, contracts near the class starts and
    near 12 whole months, open-ended or undated contracts, social-insurance months blank or near 12."""
    birth = draw(st.one_of(st.sampled_from(CLASS_STARTS).map(lambda d: date(d.year - 16, d.month, min(d.day, 28))),
                           st.dates(date(2006, 1, 1), date(2009, 12, 31)),
                           st.dates(date(1960, 1, 1), date(2005, 1, 1))))
    start = draw(st.one_of(st.none(), st.dates(date(2021, 1, 1), date(2025, 1, 31)),
                           st.sampled_from(CLASS_STARTS)))
    end = None
    if start is not None and draw(st.booleans()):
        end = start + timedelta(days=draw(st.one_of(st.integers(0, 1500), st.integers(330, 400))))
    return person(id_number=make_id(birth, draw(st.integers(0, 999))), contract_start=start, contract_end=end,
                  status=draw(st.sampled_from(list(Outcome))), certificate_no=draw(st.sampled_from(["", "Z1"])),
                  social_insurance_months=draw(st.one_of(st.none(), st.sampled_from([11, 12, 13]),
                                                                  st.integers(0, 30))))


@settings(max_examples=1500, deadline=None)
@given(anyone(), st.sampled_from(CLASS_STARTS), st.sampled_from(list(ApprenticeType)), st.sampled_from(ALL_RULES))
def test_the_quick_tests_equal_the_findings(someone: Apprentice, start: date, kind: ApprenticeType,
                                            ruleset: RuleSet | None) -> None:
    """passes_quickly and its two halves say exactly what person_findings says, severity by severity (the
    engine skips the ERROR half for people the importer already checked: engine_people.KnownRoster)."""
    rule = eligibility_for(make_class("A01", start_date=start, end_date=start + timedelta(days=700), planned=1,
                                      apprentice_type=kind), ruleset)
    severities = {SEVERITY[f.fact] for f in person_findings(someone, rule)}
    assert no_error_quickly(someone, rule) == (Verdict.ERROR not in severities)
    assert no_warning_quickly(someone, rule) == (Verdict.WARNING not in severities)
    assert passes_quickly(someone, rule) == (not severities)
