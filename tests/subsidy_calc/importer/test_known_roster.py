"""What an import already knows about its roster gives the engine exactly the result it works out alone.

The command line hands the engine the claim's roster tally and, per class, the limits the importer checked every
person against (`ImportResult.to_claim_known`); the engine then counts nothing again and leaves out the ERROR
tests for those people. Proved here through the real importer (hypothesis): every imported person is free of
ERROR facts under the limits recorded, and the result with what is known equals the result without, under the
rule set of the import and under every other one.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.samples import ROSTER_HEADERS, make_id
from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.eligibility import eligibility_for, no_error_quickly, person_findings
from subsidy_calc.engine import calculate
from subsidy_calc.engine_people import KnownRoster
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.importer import import_file
from subsidy_calc.importer.xlsxraw import write_raw_xlsx
from subsidy_calc.input_errors import InputError
from subsidy_calc.models import Claim, tally_roster
from subsidy_calc.rule_loading import load_catalog
from subsidy_calc.rule_schema import EligibilityRule, RuleSet

from ..factories import make_class, make_roster

CATALOG = load_catalog()
JINCHANG = CATALOG.get("jinchang-2024")


def _with_eligibility(ruleset: RuleSet, rule: EligibilityRule) -> RuleSet:
    values = {day: block.model_copy(update={"eligibility": rule}) for day, block in ruleset.values.items()}
    return ruleset.model_copy(update={"values": values})


STRICT = _with_eligibility(JINCHANG, EligibilityRule(min_age=18, min_contract_months=24,
                                                     min_social_insurance_months=12))
RULESETS: list[RuleSet | None] = [None, STRICT, *CATALOG.rulesets.values()]
CLASSES = {"A": (date(2023, 3, 1), "职工学徒"), "B": (date(2024, 2, 29), "职工学徒"),
           "S": (date(2023, 3, 1), "学生学徒")}
HEADERS = [*ROSTER_HEADERS, "社保连续缴费月数"]


def class_rows(typed: bool) -> list[list[object]]:
    rows = []
    for class_id, (start, kind) in CLASSES.items():
        values: dict[str, object] = {"班级编号": class_id, "培训职业": "电工", "培训等级": "中级工", "学徒类型": kind,
                                     "开班日期": start, "结业日期": start + timedelta(days=700), "计划人数": 30,
                                     "取证人数": 1 if typed else None}
        rows.append([values.get(h) for h in CLASS_HEADERS])
    return rows


@st.composite
def roster_row(draw: st.DrawFn) -> list[object]:
    """A row around every edge of the checks: 16th and 18th birthdays, contracts near the class start and near
    12 and 24 whole months, blank or odd cells, social-insurance months blank or near 12, a missing certificate."""
    class_id = draw(st.sampled_from(["A", "B", "S", "Z"]))
    start = CLASSES.get(class_id, (date(2023, 3, 1), ""))[0]
    birth = draw(st.one_of(st.integers(-3, 3).map(lambda d: date(start.year - 16, 3, 1) + timedelta(days=d)),
                           st.integers(-3, 3).map(lambda d: date(start.year - 18, 3, 1) + timedelta(days=d)),
                           st.dates(date(1970, 1, 1), date(2000, 1, 1))))
    contract_start: object = start - timedelta(days=draw(st.one_of(st.integers(-2, 2), st.integers(0, 900))))
    contract_end: object = draw(st.one_of(
        st.integers(-2, 2).map(lambda d: start + timedelta(days=d)),
        st.integers(-40, 40).map(lambda d: start + timedelta(days=365 + d)),
        st.integers(-40, 40).map(lambda d: start + timedelta(days=730 + d)),
        st.sampled_from([None, "无固定期限"])))
    if draw(st.integers(0, 5)) == 0:
        contract_start = draw(st.sampled_from([None, ""]))
    return [class_id, draw(st.sampled_from(["张三", "李四"])), make_id("110101", birth, draw(st.integers(0, 999))),
            draw(st.sampled_from(["在训", "取证", "结业未取证", "退出", None])), draw(st.sampled_from(["S1", None])),
            contract_start, contract_end, draw(st.sampled_from([None, 0, 11, 12, 30]))]


def _imported(rows: list[list[object]], typed: bool, with_social: bool, rules: RuleSet | None) -> object:
    headers = HEADERS if with_social else HEADERS[:-1]
    roster = [row if with_social else row[:-1] for row in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.xlsx"
        write_raw_xlsx(path, [("培训班", [list(CLASS_HEADERS), *class_rows(typed)]),
                              ("学徒花名册", [headers, *roster])])
        return import_file(path, rules=rules)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(roster_row(), max_size=14), st.booleans(), st.booleans(), st.sampled_from(RULESETS),
       st.sampled_from(RULESETS), st.sampled_from(list(Stage)))
def test_known_roster_gives_the_result_the_engine_works_out_alone(
        rows: list[list[object]], typed: bool, with_social: bool, import_rules: RuleSet | None,
        engine_rules: RuleSet | None, stage: Stage) -> None:
    result = _imported(rows, typed, with_social, import_rules)
    args = ("jinchang-2024", stage, date(2025, 3, 10))
    try:
        claim, known = result.to_claim_known(*args, None, import_rules)  # type: ignore[attr-defined]
    except InputError:  # the same person twice in one class of two roster rows the importer let through
        return
    assert claim == result.to_claim(*args)  # type: ignore[attr-defined]
    assert known.tally.describes(claim.roster)
    for person in claim.roster:
        rule = known.checked[person.class_id]
        tc = next(c for c in claim.classes if c.class_id == person.class_id)
        assert rule == eligibility_for(tc, import_rules)
        assert no_error_quickly(person, rule), person  # the importer's promise, checked person by person
        assert all(f.severity.value == "warning" for f in person_findings(person, rule))
    ruleset = engine_rules or JINCHANG
    assert calculate(claim, ruleset, known=known) == calculate(claim, ruleset)


def _claim_with_a_minor() -> Claim:
    """Three people of class A01; the second is 15 at the class start (an ERROR under every rule set)."""
    roster = make_roster("A01", [Outcome.CERTIFIED, Outcome.DROPPED, Outcome.IN_TRAINING], seed=1)
    roster[1] = roster[1].model_copy(update={"id_number": make_id("620302", date(2007, 6, 1), 7)})
    return Claim(ruleset_id="jinchang-2024", stage=Stage.SETTLEMENT, claim_date=date(2025, 3, 10),
                 classes=[make_class("A01", planned=3)], roster=roster)


def _errors(claim: Claim, known: KnownRoster | None) -> list[str]:
    return [n.message for n in calculate(claim, JINCHANG, known=known).all_notices() if n.severity.value == "error"]


def test_a_known_roster_is_used_only_for_its_own_list_and_limits() -> None:
    claim = _claim_with_a_minor()
    alone = _errors(claim, None)
    assert len(alone) == 1 and "未满 16 岁" in alone[0]
    limits = {"A01": eligibility_for(claim.classes[0], JINCHANG)}
    # the same people in another list (a roster changed since it was tallied): worked out again in full
    assert _errors(claim, KnownRoster(tally_roster(list(claim.roster)), limits)) == alone
    # limits other than the engine's own (another rule set at import): judged in full
    assert _errors(claim, KnownRoster(tally_roster(claim.roster), {"A01": eligibility_for(claim.classes[0], STRICT)})) \
        == alone
    # the engine takes the caller's word for its own list under its own limits: that is why only the importer,
    # which rejected every person with an ERROR fact, gives it (ImportResult.to_claim_known)
    assert _errors(claim, KnownRoster(tally_roster(claim.roster), limits)) == []
