"""A settlement claim prepared from a saved advance claim: same parties, rule set and classes, the advance per
class taken from the advance claim's result, the roster carried over with its outcomes left to fill in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum

from pydantic import BaseModel

from .claim_file import ClaimDraft
from .enums import Stage
from .models import Apprentice, Claim, TrainingClass
from .results import ClaimResult

OUTCOME_FIELDS = ("certified", "completed_no_cert", "dropped", "in_training")  # filled in at settlement


class NotAnAdvanceClaim(ValueError):
    """The claim given is not an advance claim; the message is Chinese."""


def _text(value: object) -> str:
    """A model value as the text a user would type (what a draft keeps)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def _row(model: BaseModel) -> dict[str, str]:
    return {name: _text(getattr(model, name)) for name in type(model).model_fields}


def advance_was_capped(result: ClaimResult) -> bool:
    """Whether a claim-level limit cut the advance claim's total (单次申请上限): then how much each class was
    really advanced is not in the advance claim (the bureau's payment notice says it), only the total is."""
    return any(adjustment.amount != 0 for adjustment in result.adjustments)


def _class_row(training_class: TrainingClass, advanced: Decimal | None) -> dict[str, str]:
    row = _row(training_class)
    for name in OUTCOME_FIELDS:
        row[name] = ""
    row["advance_paid"] = _text(advanced)
    return row


def _person_row(person: Apprentice) -> dict[str, str]:
    row = _row(person)
    row["status"] = ""  # what became of each apprentice is known only now
    return row


def settlement_from_advance(advance: Claim, result: ClaimResult, claim_date: date) -> ClaimDraft:
    """The settlement draft of an advance claim and its result (the amount each class was advanced).

    A draft, not a claim: the outcomes (取证 / 结业未取证 / 退出 / 在训) of the classes and the people are left
    empty for the user to fill in; nothing is guessed. So when a claim-level cap cut the advance's total
    (`advance_was_capped`), each class's 已预支金额 is left empty too: splitting the cut among the classes would
    be a guess, and the engine then asks for each amount (未填写已预支金额)."""
    if advance.stage is not Stage.ADVANCE or result.stage is not Stage.ADVANCE:
        raise NotAnAdvanceClaim("所选申请不是预支申请,不能由它生成清算申请")
    fields = {f"enterprise.{name}": _text(getattr(advance.enterprise, name))
              for name in type(advance.enterprise).model_fields}
    fields.update({f"institution.{name}": _text(getattr(advance.institution, name))
                   for name in type(advance.institution).model_fields})
    fields.update(ruleset_id=advance.ruleset_id, stage=Stage.SETTLEMENT.value, claim_date=claim_date.isoformat())
    capped = advance_was_capped(result)
    classes = [_class_row(tc, None if capped else result.line(tc.class_id).gross) for tc in advance.classes]
    return ClaimDraft(fields, classes, [_person_row(person) for person in advance.roster])
