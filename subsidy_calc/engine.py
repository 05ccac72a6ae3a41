"""The calculation: claim + rule set → ClaimResult, pure and deterministic, every amount explained.

One class line is made by named steps (engine_steps): rate → period → advance → outcomes, then the class
checks and the balance (engine_checks); the people's shares and eligibility (engine_people); and the
claim-level steps after the class lines (engine_claim). Each step returns a small frozen result that carries
its own explanation text and notices; this module only puts them together.
"""

from __future__ import annotations

from datetime import date

from .engine_checks import balance, caution_notices, headcount_notices, hours_notices, not_in_force
from .engine_claim import adjusted_gross, claim_limits, claim_notices
from .engine_people import KnownRoster, apprentice_amounts, overlapping_classes
from .engine_steps import advance_claim_step, advance_step, period_step, rate_step, settlement_step
from .enums import Stage
from .models import Claim, OutcomeCounts, TrainingClass, tally_roster
from .money import ZERO, totals_problem
from .results import AdvanceStep, ClaimResult, ClassLine, Explanation, Notice, PeriodStep, RateStep, Severity
from .rule_schema import RuleSet


def _header(tc: TrainingClass) -> str:
    return (f"班级 {tc.class_id} · {tc.occupation} · {tc.level.label} · {tc.apprentice_type.label} · "
            f"计划 {tc.planned} 人")


def _zero_line(tc: TrainingClass, counts: OutcomeCounts, from_roster: bool, ruleset: RuleSet,
               message: str) -> ClassLine:
    """A class the rule set cannot calculate: nothing earned, the advance recorded is owed back, one ERROR."""
    advance = tc.advance_paid or ZERO
    return ClassLine(
        training_class=tc, counts=counts, counts_from_roster=from_roster,
        rate=RateStep(annual=ZERO, text=""), period=PeriodStep(months_actual=0, months_counted=0, factor=ZERO,
                                                               text=""),
        advance=AdvanceStep(per_person=ZERO, total=ZERO, text=""), outcome_amounts=(), gross=ZERO,
        advance_paid=advance, advance_assumed=False, payable=-advance,
        explanation=Explanation((_header(tc), message), ruleset.id, ruleset.version, None, "—"),
        notices=(Notice(Severity.ERROR, message, tc.class_id),),
    )


def class_line(tc: TrainingClass, counts: OutcomeCounts, from_roster: bool, stage: Stage, claim_date: date,
               ruleset: RuleSet) -> ClassLine:
    """Step 5: one class's line from its steps, with the parameters in force on its start date."""
    blocked = not_in_force(tc, ruleset)
    in_force = ruleset.values_on(tc.start_date)
    if blocked or in_force is None:
        return _zero_line(tc, counts, from_roster, ruleset, blocked)
    effective, values = in_force
    rate = rate_step(tc, values)
    period = period_step(tc, values)
    advance = advance_step(tc, values, rate, period, claim_date, stage)
    if stage is Stage.ADVANCE:
        earned = advance_claim_step(tc, advance, claim_date)
    else:
        earned = settlement_step(tc, counts, values, rate, period, advance, claim_date)
    owed = balance(tc, earned.gross, earned.advance_paid, values)
    checks = [*caution_notices(tc, ruleset), *hours_notices(tc, values), *headcount_notices(tc, counts)]
    steps = (_header(tc), period.text, f"年标准:{rate.text}", *earned.texts, owed.text)
    return ClassLine(
        training_class=tc, counts=counts, counts_from_roster=from_roster, rate=rate, period=period,
        advance=advance, outcome_amounts=earned.amounts, gross=earned.gross, advance_paid=earned.advance_paid,
        advance_assumed=earned.advance_assumed, payable=owed.payable,
        explanation=Explanation(steps, ruleset.id, ruleset.version, effective, values.clause),
        notices=(*rate.notices, *period.notices, *advance.notices, *earned.notices, *checks, *owed.notices),
    )


class EngineCache:
    """Memo of class lines for one rule set, for a caller that recalculates after every small edit.

    A class line depends only on the class, its counts, the stage, the claim date and the rule set, so an
    unchanged class is not worked out again. The cache forgets everything when given another rule set.
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self._ruleset: RuleSet | None = None
        self._lines: dict[tuple[TrainingClass, OutcomeCounts, bool, Stage, date], ClassLine] = {}
        self._max = max_entries

    def line(self, tc: TrainingClass, counts: OutcomeCounts, from_roster: bool, stage: Stage, claim_date: date,
             ruleset: RuleSet) -> ClassLine:
        if ruleset is not self._ruleset:
            self._ruleset, self._lines = ruleset, {}
        key = (tc, counts, from_roster, stage, claim_date)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) >= self._max:
                self._lines.clear()
            found = self._lines[key] = class_line(tc, counts, from_roster, stage, claim_date, ruleset)
        return found


def calculate(claim: Claim, ruleset: RuleSet, cache: EngineCache | None = None,
              known: KnownRoster | None = None) -> ClaimResult:
    """Calculate a claim under a rule set. Pure: same inputs, same result; never touches files or clocks.

    `cache` only memoises class lines between calls (see EngineCache); `known` is what the caller already
    worked out about this claim's roster (an import: see KnownRoster). The result is the same without them.
    """
    if known is None or not known.tally.describes(claim.roster):
        known = KnownRoster(tally_roster(claim.roster))
    notices = claim_notices(claim, ruleset)
    from_roster = known.tally.counts
    lines: dict[str, ClassLine] = {}
    for tc in claim.classes:
        counts = from_roster.get(tc.class_id)
        args = (tc, counts if counts is not None else tc.typed_counts, counts is not None, claim.stage,
                claim.claim_date, ruleset)
        lines[tc.class_id] = cache.line(*args) if cache is not None else class_line(*args)
    amounts = apprentice_amounts(claim, lines, ruleset, notices, known.checked)
    notices.extend(overlapping_classes(claim, known.tally.ids_unique))
    class_lines = tuple(lines.values())
    adjustments, limit_notices = claim_limits(claim, class_lines, ruleset)
    notices.extend(limit_notices)
    gross = adjusted_gross(class_lines, adjustments)
    advance = sum((line.advance_paid for line in class_lines), ZERO)
    too_large = totals_problem(gross, advance, gross - advance)
    if too_large is not None:
        notices.append(Notice(Severity.ERROR, too_large))
    return ClaimResult(
        ruleset=ruleset, stage=claim.stage, claim_date=claim.claim_date, classes=class_lines,
        adjustments=adjustments, roster=tuple(claim.roster), apprentice_amounts=amounts, gross=gross,
        advance_paid=advance, payable=gross - advance, notices=tuple(notices),
    )
