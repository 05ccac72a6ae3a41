"""Who may be claimed for: one set of person-level checks, the same facts and severities in engine and importer.

Every fact below is judged here once; the engine turns it into a Notice of the severity given, and the roster
importer turns an ERROR into a rejected row and a WARNING into an imported row with a warning
(docs/eligibility.md). Both are hot loops over up to 100,000 people, so the per-class limits are worked out
once (`Eligibility`) and the per-person checks are cheap comparisons that only build a message on failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from .enums import ApprenticeType, Outcome
from .models import Apprentice, TrainingClass
from .periods import add_months, age_on, whole_months
from .rule_schema import RuleSet

DEFAULT_MIN_AGE = 16
DEFAULT_MIN_CONTRACT_MONTHS = 12


class Verdict(StrEnum):
    """How serious a failed check is: ERROR = the person cannot be claimed for; WARNING = check it."""

    ERROR = "error"
    WARNING = "warning"


class Fact(StrEnum):
    """The eligibility facts about one person in one class."""

    UNDER_AGE = "under_age"
    CONTRACT_STARTS_LATE = "contract_starts_late"
    CONTRACT_TOO_SHORT = "contract_too_short"
    CONTRACT_ENDED = "contract_ended"
    SOCIAL_INSURANCE_SHORT = "social_insurance_short"
    SOCIAL_INSURANCE_UNKNOWN = "social_insurance_unknown"
    CERTIFICATE_MISSING = "certificate_missing"


SEVERITY: dict[Fact, Verdict] = {
    Fact.UNDER_AGE: Verdict.ERROR,
    Fact.CONTRACT_STARTS_LATE: Verdict.ERROR,
    Fact.CONTRACT_TOO_SHORT: Verdict.ERROR,
    Fact.CONTRACT_ENDED: Verdict.ERROR,
    Fact.SOCIAL_INSURANCE_SHORT: Verdict.ERROR,
    Fact.SOCIAL_INSURANCE_UNKNOWN: Verdict.WARNING,
    Fact.CERTIFICATE_MISSING: Verdict.WARNING,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed check: which fact, how serious, and the message (without the person's name or row)."""

    fact: Fact
    message: str

    @property
    def severity(self) -> Verdict:
        return SEVERITY[self.fact]


@dataclass(frozen=True, slots=True)
class Eligibility:
    """What one class's rule set requires of each person, worked out once per class."""

    class_start: date
    min_age: int
    min_contract_months: int  # 0: the contract is not checked (学生学徒, or the rule set says 0)
    min_social_insurance_months: int  # 0: not checked
    latest_birth: str  # YYYYMMDD: a person born after this day is under min_age at the class start

    def born_too_late(self, id_number: str) -> bool:
        return id_number[6:14] > self.latest_birth


def eligibility_for(tc: TrainingClass, rules: RuleSet | None) -> Eligibility:
    """The requirements in force at the class start; 16 years and 12 months' contract without a rule set."""
    in_force = rules.values_on(tc.start_date) if rules is not None else None
    if in_force is not None:
        rule = in_force[1].eligibility
        min_age, contract, social = rule.min_age, rule.min_contract_months, rule.min_social_insurance_months
    else:
        min_age, contract, social = DEFAULT_MIN_AGE, DEFAULT_MIN_CONTRACT_MONTHS, 0
    if tc.apprentice_type is not ApprenticeType.EMPLOYEE:
        contract = social = 0  # both are requirements on employees (职工学徒); students have neither
    cutoff = add_months(tc.start_date, -12 * min_age)
    return Eligibility(tc.start_date, min_age, contract, social, f"{cutoff:%Y%m%d}")


@lru_cache(maxsize=8192)
def min_contract_end(start: date, months: int) -> date:
    """The earliest end date that makes whole_months(start, end) >= months (whole_months is monotonic)."""
    return add_months(start, months) - timedelta(days=1)


def contract_ok(start: date | None, end: date | None, rule: Eligibility) -> bool:
    """The fast test: True when the contract passes (or cannot be judged: no start date, or no rule)."""
    if not rule.min_contract_months or start is None:
        return True
    if start > rule.class_start:
        return False
    return end is None or (end >= rule.class_start and end >= min_contract_end(start, rule.min_contract_months))


def age_finding(person: Apprentice, rule: Eligibility) -> Finding | None:
    if not rule.born_too_late(person.id_number):
        return None
    birth = person.birth_date
    age = age_on(birth, rule.class_start)
    return Finding(Fact.UNDER_AGE, f"开班时 {age} 岁,未满 {rule.min_age} 岁(按身份证号出生日期 "
                                   f"{birth.isoformat()},开班日期 {rule.class_start.isoformat()})")


def contract_finding(start: date | None, end: date | None, rule: Eligibility) -> Finding | None:
    """Why a labour contract does not qualify (an open-ended contract, end None, qualifies from its start)."""
    if contract_ok(start, end, rule):
        return None
    assert start is not None
    if start > rule.class_start:
        return Finding(Fact.CONTRACT_STARTS_LATE, f"劳动合同开始日期 {start.isoformat()} 晚于开班日期 "
                                                  f"{rule.class_start.isoformat()},未覆盖培训开始")
    assert end is not None
    months, _ = whole_months(start, end)
    if months < rule.min_contract_months:
        return Finding(Fact.CONTRACT_TOO_SHORT, f"劳动合同 {start.isoformat()} 至 {end.isoformat()} 共 {months} "
                                                f"个月,不满 {rule.min_contract_months} 个月")
    return Finding(Fact.CONTRACT_ENDED, f"劳动合同在开班日期 {rule.class_start.isoformat()} 前已结束"
                                        f"({end.isoformat()})")


def social_insurance_finding(months: int | None, rule: Eligibility) -> Finding | None:
    if not rule.min_social_insurance_months:
        return None
    if months is None:
        return Finding(Fact.SOCIAL_INSURANCE_UNKNOWN, f"未填写社保连续缴费月数,无法核对(规定至少 "
                                                      f"{rule.min_social_insurance_months} 个月)")
    if months < rule.min_social_insurance_months:
        return Finding(Fact.SOCIAL_INSURANCE_SHORT, f"社保连续缴费 {months} 个月,不满规定的 "
                                                    f"{rule.min_social_insurance_months} 个月")
    return None


def certificate_finding(person: Apprentice) -> Finding | None:
    if person.status is Outcome.CERTIFIED and not person.certificate_no:
        return Finding(Fact.CERTIFICATE_MISSING, "状态为取证,但未填写证书编号")
    return None


def person_findings(person: Apprentice, rule: Eligibility) -> list[Finding]:
    """Every failed check of one person, in a fixed order (age, contract, social insurance, certificate)."""
    found = [
        age_finding(person, rule),
        contract_finding(person.contract_start, person.contract_end, rule),
        social_insurance_finding(person.social_insurance_months, rule),
        certificate_finding(person),
    ]
    return [f for f in found if f is not None]


_CERTIFIED = Outcome.CERTIFIED  # a module constant: an enum member looked up on its class costs ≈ 50 ns a time


def passes_quickly(person: Apprentice, rule: Eligibility) -> bool:
    """True when `person_findings` would be empty, by comparisons only (the hot loop's test)."""
    return no_error_quickly(person, rule) and no_warning_quickly(person, rule)


def no_error_quickly(person: Apprentice, rule: Eligibility) -> bool:
    """True when no ERROR fact of `person_findings` applies (age, contract, social-insurance months too few)."""
    if person.id_number[6:14] > rule.latest_birth:
        return False
    start = person.contract_start
    if rule.min_contract_months and start is not None and not contract_ok(start, person.contract_end, rule):
        return False
    social = rule.min_social_insurance_months
    if social:
        months = person.social_insurance_months
        if months is not None and months < social:
            return False
    return True


def no_warning_quickly(person: Apprentice, rule: Eligibility) -> bool:
    """True when no WARNING fact of `person_findings` applies (social-insurance months blank, certificate missing).

    Alone, it is the whole test for a person already found free of ERROR facts under the same limits (the
    importer's checks: engine_people.KnownRoster)."""
    if rule.min_social_insurance_months and person.social_insurance_months is None:
        return False
    return person.status is not _CERTIFIED or bool(person.certificate_no)
