"""What the window shows in class cells beyond the typed text: counts taken from the roster (read-only, 据名册)
and the engine's refusals (a level or apprentice type the rule set does not fund) in the cell they are about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from subsidy_calc.engine_checks import headcount_notices
from subsidy_calc.enums import ApprenticeType, Outcome
from subsidy_calc.models import Apprentice, TrainingClass, roster_counts
from subsidy_calc.results import ClaimResult, Severity

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


def _refusal_column(tc: TrainingClass, result: ClaimResult) -> int:
    found = result.ruleset.values_on(tc.start_date)
    if tc.apprentice_type is ApprenticeType.STUDENT and (found is None or found[1].student_rate is None):
        return int(ClassColumn.APPRENTICE_TYPE)
    return int(ClassColumn.LEVEL)


def _engine_notes(row: int, tc: TrainingClass, result: ClaimResult, notes: Notes) -> None:
    try:
        line = result.line(tc.class_id)
    except KeyError:
        return
    refusals = [n.message for n in line.rate.notices if n.severity is Severity.ERROR]
    if refusals:
        notes[(row, _refusal_column(tc, result))] = CellNote("\n".join(refusals), error=True)
    over = headcount_notices(tc, line.counts)  # the engine's own check: more people than planned
    if over:
        notes[(row, int(ClassColumn.PLANNED))] = CellNote("\n".join(n.message for n in over), error=True)


def class_notes(drafts: list[RowDraft[Any]], roster: list[Apprentice | None],
                result: ClaimResult | None) -> Notes:
    """The notes of every class cell that needs one (valid roster rows are counted, invalid ones are not)."""
    counted = roster_counts([person for person in roster if person is not None])
    notes: Notes = {}
    for row, draft in enumerate(drafts):
        _roster_notes(row, draft, counted, notes)
        if result is not None and draft.value is not None:
            _engine_notes(row, draft.value, result, notes)
    return notes
