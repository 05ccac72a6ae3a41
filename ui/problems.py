"""Where a problem of the claim is: a form field, a table cell, or the claim as a whole."""

from __future__ import annotations

from dataclasses import dataclass

CLASSES = "classes"
ROSTER = "roster"


@dataclass(frozen=True)
class Problem:
    """One problem in plain Chinese and the place it points at (for the problems panel)."""

    text: str
    table: str | None = None  # CLASSES or ROSTER
    row: int = -1
    column: int = -1
    field: str | None = None  # a form field key such as "enterprise.credit_code"
    class_id: str | None = None  # a whole-claim problem about one class
