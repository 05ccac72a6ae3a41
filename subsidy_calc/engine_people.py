"""The people of a claim: each apprentice's share, the eligibility checks, one person in two overlapping classes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .eligibility import (
    Eligibility,
    Fact,
    Finding,
    Verdict,
    eligibility_for,
    no_warning_quickly,
    passes_quickly,
    person_findings,
)
from .enums import Outcome, Stage
from .identity import mask_id_number
from .models import Apprentice, Claim, RosterTally
from .results import ClassLine, Notice, Severity
from .rule_schema import RuleSet

_SEVERITY = {Verdict.ERROR: Severity.ERROR, Verdict.WARNING: Severity.WARNING}


@dataclass(frozen=True, slots=True)
class KnownRoster:
    """What the caller already knows about a claim's roster list, so that the engine does not work it out again.

    `tally`: the counts of the claim's consistency check (models.RosterTally). `checked`: per class id, the
    limits whose ERROR facts every person of that class on the list has already passed (the importer's row
    checks, docs/eligibility.md). The engine uses them only for the very list the tally describes, and a class's
    limits only when they equal those it works out itself; any other claim (the window, a claim file, a classes
    CSV) is counted and judged in full."""

    tally: RosterTally
    checked: Mapping[str, Eligibility] = field(default_factory=dict)


def _notice(person: Apprentice, finding: Finding, class_id: str) -> Notice:
    return Notice(_SEVERITY[finding.severity], f"{person.name} {finding.message}", class_id)


def apprentice_amounts(claim: Claim, lines: dict[str, ClassLine], ruleset: RuleSet, notices: list[Notice],
                       checked: Mapping[str, Eligibility]) -> tuple[Decimal, ...]:
    """Each apprentice's share, and the eligibility checks of each person (docs/eligibility.md).

    The hot loop of a large roster: amounts and a cheap pass test; messages only for people who fail. People of
    a class in `checked` (under limits equal to this class's) have no ERROR fact: only the WARNING test is left."""
    settlement = claim.stage is Stage.SETTLEMENT
    per_class: dict[str, tuple[dict[Outcome, Decimal], Eligibility, Callable[[Apprentice, Eligibility], bool]]] = {}
    for tc in claim.classes:
        line = lines[tc.class_id]
        amounts = {o: (line.per_person(o) if settlement else line.advance_per_person) for o in Outcome}
        rule = eligibility_for(tc, ruleset)
        per_class[tc.class_id] = (amounts, rule, no_warning_quickly if checked.get(tc.class_id) == rule
                                  else passes_quickly)
    unknown_insurance: Counter[str] = Counter()
    result: list[Decimal] = []
    append = result.append
    for person in claim.roster:
        class_id = person.class_id
        amounts, rule, passes = per_class[class_id]
        append(amounts[person.status])
        if passes(person, rule):
            continue
        for finding in person_findings(person, rule):
            if finding.fact is Fact.SOCIAL_INSURANCE_UNKNOWN:
                unknown_insurance[class_id] += 1  # one notice per class, not one per person
            else:
                notices.append(_notice(person, finding, class_id))
    for class_id, count in unknown_insurance.items():
        minimum = per_class[class_id][1].min_social_insurance_months
        notices.append(Notice(Severity.WARNING, f"{count} 人未填写社保连续缴费月数,无法核对(规定至少 {minimum} "
                                                "个月)", class_id))
    return tuple(result)


def overlapping_classes(claim: Claim, ids_unique: bool) -> list[Notice]:
    """One person in two classes of this claim whose periods overlap: a double claim inside the claim.

    `ids_unique`: the roster's tally found nobody on it twice (the usual case: nothing to look for)."""
    if ids_unique:
        return []
    classes_of: dict[str, list[str]] = {}
    for person in claim.roster:
        classes_of.setdefault(person.id_number, []).append(person.class_id)
    periods = {tc.class_id: tc.period for tc in claim.classes}
    names = {p.id_number: p.name for p in claim.roster}
    notices: list[Notice] = []
    for id_number, class_ids in classes_of.items():
        if len(class_ids) < 2:
            continue
        for i, first in enumerate(class_ids):
            for second in class_ids[i + 1:]:
                if periods[first].overlaps(periods[second]):
                    notices.append(Notice(
                        Severity.ERROR,
                        f"{names[id_number]}({mask_id_number(id_number)})同时在班级“{first}”和“{second}”,"
                        "两班培训期重叠,同一人同一时期只能申领一次",
                        second,
                    ))
    return notices
