"""What the window shows in class cells beyond the typed text: counts taken from the roster (read-only, 据名册)
and the engine's refusals (a level or apprentice type the rule set does not fund) in the cell they are about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from subsidy_calc.engine_checks import headcount_notices
from subsidy_calc.engine_steps import rate_step
from subsidy_calc.enums import ApprenticeType, Outcome
from subsidy_calc.models import Apprentice, OutcomeCounts, TrainingClass, roster_counts
from subsidy_calc.results import ClaimResult, Severity
from subsidy_calc.rule_schema import RuleSet

from .columns import ClassColumn
from .drafts import RowDraft
from .i18n import _tr

COUNT_COLUMNS = {
    ClassColumn.CERTIFIED: Outcome.CERTIFIED,
    ClassColumn.COMPLETED_NO_CERT: Outcome.COMPLETED_NO_CERT,
    ClassColumn.DROPPED: Outcome.DROPPED,
    ClassColumn.IN_TRAINING: Outcome.IN_TRAINING,
}


@dataclass(frozen=True)
class CellNote:
    """A note on one cell: `shown` replaces an empty cell's text, `error` paints it red, `read_only` locks it."""

    tooltip: str
    shown: str | None = None
    error: bool = False
    read_only: bool = False


Notes = dict[tuple[int, int], CellNote]


def _roster_notes(row: int, draft: RowDraft[Any], counted: dict[str, Any], notes: Notes) -> None:
    class_id = draft.texts[ClassColumn.CLASS_ID].strip()
    counts = counted.get(class_id)
    if counts is None:
        return
    for column, outcome in COUNT_COLUMNS.items():
        if draft.texts[column].strip():
            continue  # typed: kept as typed (a disagreement with the roster is listed as a problem)
        number = counts.get(outcome)
        notes[(row, int(column))] = CellNote(
            _tr("据名册:学徒名册中本班状态为“{0}”的有 {1} 人。此格按名册统计,不能直接修改;请修改名册中学徒的状态。")
            .format(outcome.label, number),
            shown=_tr("{0} 据名册").format(number), read_only=True)


def _refusal_column(tc: TrainingClass, ruleset: RuleSet) -> int:
    found = ruleset.values_on(tc.start_date)
    if tc.apprentice_type is ApprenticeType.STUDENT and (found is None or found[1].student_rate is None):
        return int(ClassColumn.APPRENTICE_TYPE)
    return int(ClassColumn.LEVEL)


def _rate_refusals(tc: TrainingClass, result: ClaimResult | None, ruleset: RuleSet) -> list[str]:
    """The engine's refusals of this class's rate: from the result, or, while the claim is a draft that the
    engine cannot take as a whole, from the engine's own rate step for this (valid) class alone."""
    if result is not None:
        try:
            notices = result.line(tc.class_id).rate.notices
        except KeyError:
            return []
    else:
        found = ruleset.values_on(tc.start_date)
        if found is None:
            return []  # not in force at all: the claim says so, not a cell
        notices = rate_step(tc, found[1]).notices
    return [n.message for n in notices if n.severity is Severity.ERROR]


def _engine_notes(row: int, tc: TrainingClass, counts: OutcomeCounts, refusals: list[str],
                  ruleset: RuleSet, notes: Notes) -> None:
    if refusals:
        notes[(row, _refusal_column(tc, ruleset))] = CellNote("\n".join(refusals), error=True)
    over = headcount_notices(tc, counts)  # the engine's own check: more people than planned
    if over:
        notes[(row, int(ClassColumn.PLANNED))] = CellNote("\n".join(n.message for n in over), error=True)


def class_notes(drafts: list[RowDraft[Any]], roster: list[Apprentice | None],
                result: ClaimResult | None, ruleset: RuleSet) -> Notes:
    """The notes of every class cell that needs one (valid roster rows are counted, invalid ones are not).

    A valid class row gets the engine's per-class checks even while other rows make the claim a draft."""
    counted = roster_counts([person for person in roster if person is not None])
    notes: Notes = {}
    for row, draft in enumerate(drafts):
        _roster_notes(row, draft, counted, notes)
        tc = draft.value
        if tc is None:
            continue
        counts = counted.get(tc.class_id) or tc.typed_counts
        _engine_notes(row, tc, counts, _rate_refusals(tc, result, ruleset), ruleset, notes)
    return notes
