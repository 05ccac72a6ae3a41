"""Row drafts (the user's raw cell texts + per-cell errors + the validated object) and their conversion."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from subsidy_calc.classes_csv import parse_count, parse_hours, parse_yes_no
from subsidy_calc.dates import parse_date
from subsidy_calc.enums import ApprenticeType, Outcome, SkillLevel
from subsidy_calc.models import Apprentice, TrainingClass
from subsidy_calc.money import to_decimal
from subsidy_calc.pydantic_messages import chinese_message, validation_errors

from .columns import ClassColumn, ColumnSpec, Editor, RosterColumn

T = TypeVar("T", bound=BaseModel)
# The one problem of a row with nothing typed in it: listed once, not as every required cell (no red cells).
BLANK_ROW = "尚未填写,请填写或删除此行"


class RowDraft(Generic[T]):
    """One table row as the user typed it; `value` is the validated domain object, None while invalid.

    A draft made from an already validated object computes its texts only when a view asks for them,
    so putting 10,000 imported apprentices into the window costs next to nothing.
    """

    __slots__ = ("_schema", "_texts", "errors", "value")

    def __init__(self, texts: tuple[str, ...] | None, errors: dict[int, str] | None = None,
                 value: T | None = None, schema: RowSchema[T] | None = None) -> None:
        self._texts = texts
        self.errors: dict[int, str] = errors if errors is not None else {}
        self.value: T | None = value
        self._schema = schema

    @property
    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            assert self._schema is not None and self.value is not None
            self._texts = self._schema.texts_of(self.value)
        return self._texts

    @property
    def valid(self) -> bool:
        return self.value is not None

    @property
    def blank(self) -> bool:
        """Nothing typed in the row yet (a new row): one problem for the row, none marked on its cells."""
        return self.value is None and not any(text.strip() for text in self.texts)


def _convert(spec: ColumnSpec, text: str) -> object:
    """Cell text → the value handed to the pydantic model (Chinese ValueError when it cannot be read)."""
    kind = spec.editor
    if kind is Editor.DATE:
        return parse_date(text)
    if kind is Editor.COUNT:
        return parse_count(text.replace(",", ""))
    if kind is Editor.HOURS:
        return parse_hours(text.replace(",", ""))
    if kind is Editor.MONEY:
        amount = to_decimal(text, spec.header)
        if amount < 0:
            raise ValueError(f"{spec.header}不能为负数")
        return amount
    if kind is Editor.YES_NO:
        return parse_yes_no(text)
    return text


def _to_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, SkillLevel | ApprenticeType | Outcome):
        return value.label
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


class RowSchema(Generic[T]):
    """How rows of one table convert between raw texts and a pydantic domain model."""

    def __init__(self, model: type[T], columns: Sequence[IntEnum], specs: dict[IntEnum, ColumnSpec],
                 whole_row_column: IntEnum, what: str) -> None:
        self.model = model
        self.columns = tuple(columns)
        self.specs = [specs[c] for c in self.columns]
        self.whole_row_column = int(whole_row_column)
        self.what = what
        self._by_field = {s.field: i for i, s in enumerate(self.specs)}

    @property
    def column_count(self) -> int:
        return len(self.columns)

    def header(self, column: int) -> str:
        return self.specs[column].header

    def empty(self) -> RowDraft[T]:
        return self.validate(("",) * self.column_count)

    def from_value(self, value: T) -> RowDraft[T]:
        """A draft for an already validated object (no second validation: imports of 10,000 rows stay fast)."""
        return RowDraft(None, {}, value, self)

    def texts_of(self, value: T) -> tuple[str, ...]:
        return tuple(_to_text(getattr(value, spec.field)) for spec in self.specs)

    def validate(self, texts: Sequence[str]) -> RowDraft[T]:
        """Texts → draft with the object, or with a Chinese message on each offending cell."""
        texts = tuple(texts) + ("",) * (self.column_count - len(texts))  # a shorter row: the rest blank
        if not any(text.strip() for text in texts):
            return RowDraft(texts, {}, None)  # blank: RowDraft.blank, listed once as BLANK_ROW
        data: dict[str, object] = {}
        errors: dict[int, str] = {}
        for column, (spec, raw) in enumerate(zip(self.specs, texts, strict=True)):
            text = raw.strip()
            if not text:
                continue
            try:
                data[spec.field] = _convert(spec, text)
            except ValueError as exc:
                message = str(exc)
                errors[column] = message if spec.header in message else f"{spec.header}:{message}"
        try:
            value = self.model.model_validate(data)
        except ValidationError as exc:
            for error in validation_errors(exc):
                loc = error["loc"]
                found = self._by_field.get(str(loc[0])) if loc else None
                column = self.whole_row_column if found is None else found
                if column in errors:
                    continue
                message = chinese_message(error)
                if error.get("type") != "value_error":
                    message = f"{self.specs[column].header}{message}"
                errors[column] = message
            return RowDraft(texts, errors, None)
        if errors:
            return RowDraft(texts, errors, None)
        return RowDraft(texts, {}, value)

    def with_text(self, draft: RowDraft[T], column: int, text: str) -> RowDraft[T]:
        texts = list(draft.texts)
        texts[column] = text
        return self.validate(texts)


CLASS_SCHEMA: RowSchema[TrainingClass] = RowSchema(
    TrainingClass, list(ClassColumn), {c: c.spec for c in ClassColumn}, ClassColumn.END_DATE, "培训班",
)
ROSTER_SCHEMA: RowSchema[Apprentice] = RowSchema(
    Apprentice, list(RosterColumn), {c: c.spec for c in RosterColumn}, RosterColumn.CONTRACT_END, "学徒名册",
)
