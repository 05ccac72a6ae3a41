"""The window's drafts ↔ the claim file's draft part (typed texts keyed by field name, cell by cell)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from subsidy_calc.claim_file import ClaimDraft
from subsidy_calc.enums import Stage

from .document import ClaimDocument, Snapshot
from .drafts import CLASS_SCHEMA, ROSTER_SCHEMA, RowDraft, RowSchema


def _row_texts(schema: RowSchema[Any], draft: RowDraft[Any]) -> dict[str, str]:
    return {spec.field: text for spec, text in zip(schema.specs, draft.texts, strict=True)}


def draft_of(document: ClaimDocument) -> ClaimDraft:
    """Everything typed in the window, valid or not, with the problems shown right now."""
    return ClaimDraft(
        fields={key: document.field(key) for key in document.default_fields()},
        classes=[_row_texts(CLASS_SCHEMA, d) for d in document.classes.drafts()],
        roster=[_row_texts(ROSTER_SCHEMA, d) for d in document.roster.drafts()],
        problems=list(document.problems),
    )


def _rows(schema: RowSchema[Any], rows: Sequence[dict[str, str]]) -> list[RowDraft[Any]]:
    return [schema.validate([row.get(spec.field, "") for spec in schema.specs]) for row in rows]


def snapshot_of_draft(document: ClaimDocument, draft: ClaimDraft) -> Snapshot:
    """A draft read from a file → the window's content; every cell is validated again (its problems come back)."""
    fields = document.default_fields()
    for key in fields:
        if key in draft.fields:
            fields[key] = draft.fields[key]
    try:
        date.fromisoformat(fields["claim_date"])
    except ValueError:
        fields["claim_date"] = document.default_fields()["claim_date"]
    if fields["stage"] not in {s.value for s in Stage}:
        fields["stage"] = Stage.ADVANCE.value
    return Snapshot(fields, _rows(CLASS_SCHEMA, draft.classes), _rows(ROSTER_SCHEMA, draft.roster))
