"""The claim being edited: form fields, the two tables, the undo stack and the live engine result."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from subsidy_calc.engine import EngineCache, calculate
from subsidy_calc.enums import Stage
from subsidy_calc.models import (
    Apprentice,
    Claim,
    ClaimInconsistent,
    Enterprise,
    TrainingClass,
    TrainingInstitution,
)
from subsidy_calc.pydantic_messages import chinese_message, validation_errors
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_loading import RuleCatalog
from subsidy_calc.rule_schema import RuleSet

from .cell_notes import class_notes
from .commands import ReplaceContentCommand, SetFieldCommand
from .drafts import CLASS_SCHEMA, ROSTER_SCHEMA, RowDraft
from .i18n import _tr
from .problems import CLASSES, ROSTER, Problem
from .table_model import DraftTableModel

RECOVERY_FORMAT = "subsidy-calc-recovery"
PARTIES: dict[str, tuple[type[BaseModel], str]] = {
    "enterprise": (Enterprise, "申请单位"),
    "institution": (TrainingInstitution, "培训机构"),
}
PARTY_KEYS = tuple(f"{prefix}.{name}" for prefix, (model, _) in PARTIES.items() for name in model.model_fields)
SETTING_TITLES = {"ruleset_id": "规则集", "stage": "申领阶段", "claim_date": "申领日期"}


@dataclass(frozen=True)
class Snapshot:
    """Everything the user typed, as one value (undo of imports, recovery files)."""

    fields: dict[str, str]
    classes: list[RowDraft[Any]]
    roster: list[RowDraft[Any]]


class ClaimDocument(QObject):
    """Holds the drafts, validates what changed, builds the Claim and runs the engine synchronously."""

    fieldChanged = Signal(str, str)
    resultChanged = Signal()

    def __init__(self, catalog: RuleCatalog, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.undo_stack = undo_stack
        self.classes = DraftTableModel(CLASS_SCHEMA, undo_stack, self)
        self.roster = DraftTableModel(ROSTER_SCHEMA, undo_stack, self)
        self._fields = self.default_fields()
        self._field_errors: dict[str, str] = {}
        self._parties: dict[str, BaseModel | None] = {}
        self._batch = 0
        self.claim: Claim | None = None
        self.result: ClaimResult | None = None
        self._engine_cache = EngineCache()  # unchanged classes are not worked out again after an edit
        self.problem_items: list[Problem] = []
        for prefix in PARTIES:
            self._validate_party(prefix)
        self.classes.contentChanged.connect(self.recalculate)
        self.roster.contentChanged.connect(self.recalculate)
        self.recalculate()

    def default_fields(self) -> dict[str, str]:
        fields = dict.fromkeys(PARTY_KEYS, "")
        fields["ruleset_id"] = self.catalog.default_id or ""
        fields["stage"] = Stage.ADVANCE.value
        fields["claim_date"] = date.today().isoformat()
        return fields

    # --- fields ---------------------------------------------------------------------------------------
    def field(self, key: str) -> str:
        return self._fields[key]

    def field_error(self, key: str) -> str | None:
        return self._field_errors.get(key)

    def field_title(self, key: str) -> str:
        if key in SETTING_TITLES:
            return SETTING_TITLES[key]
        prefix, name = key.split(".", 1)
        model, _ = PARTIES[prefix]
        return model.model_fields[name].title or name

    def edit_field(self, key: str, value: str, mergeable: bool = False) -> None:
        """A user edit of a form field: undoable; consecutive typing in one field merges into one step."""
        old = self._fields[key]
        if value != old:
            self.undo_stack.push(SetFieldCommand(self, key, old, value, mergeable))

    def apply_field(self, key: str, value: str) -> None:
        self._fields[key] = value
        prefix = key.split(".", 1)[0]
        if prefix in PARTIES:
            self._validate_party(prefix)
        self.fieldChanged.emit(key, value)
        self.recalculate()

    def _validate_party(self, prefix: str) -> None:
        model, _ = PARTIES[prefix]
        data = {name: self._fields[f"{prefix}.{name}"] for name in model.model_fields}
        for name in model.model_fields:
            self._field_errors.pop(f"{prefix}.{name}", None)
        try:
            self._parties[prefix] = model.model_validate(data)
        except ValidationError as exc:
            self._parties[prefix] = None
            for error in validation_errors(exc):
                name = str(error["loc"][0]) if error["loc"] else next(iter(model.model_fields))
                message = chinese_message(error)
                if error.get("type") != "value_error":
                    message = f"{model.model_fields[name].title}{message}"
                self._field_errors.setdefault(f"{prefix}.{name}", message)

    # --- the calculation --------------------------------------------------------------------------------
    def ruleset(self) -> RuleSet:
        ruleset_id = self._fields["ruleset_id"]
        if ruleset_id in self.catalog.rulesets:
            return self.catalog.get(ruleset_id)
        return self.catalog.get(self.catalog.default_id or ruleset_id)

    def recalculate(self) -> None:
        """Drafts → Claim (from cached, already validated rows) → engine; problems when they do not fit."""
        if self._batch:
            return
        problems = self._draft_problems()
        ruleset_id = self._fields["ruleset_id"]
        claim: Claim | None = None
        if not problems:
            classes: list[TrainingClass] = self.classes.values()
            roster: list[Apprentice] = self.roster.values()
            enterprise, institution = self._parties["enterprise"], self._parties["institution"]
            assert isinstance(enterprise, Enterprise) and isinstance(institution, TrainingInstitution)
            try:
                claim = Claim.of_validated_rows(
                    enterprise=enterprise, institution=institution,
                    ruleset_id=ruleset_id, stage=Stage(self._fields["stage"]),
                    claim_date=date.fromisoformat(self._fields["claim_date"]), classes=classes, roster=roster,
                )
            except ClaimInconsistent as exc:
                problems = [Problem(text) for text in exc.problems]
        self.problem_items = problems
        self.claim = claim
        self.result = (
            calculate(claim, self.catalog.get(ruleset_id), self._engine_cache) if claim is not None else None
        )
        self.classes.set_notes(class_notes(self.classes.drafts(), self.roster.values(), self.result,
                                           self.ruleset()))
        self.resultChanged.emit()

    def _draft_problems(self) -> list[Problem]:
        """Problems of single fields and cells, each with the place it points at."""
        problems: list[Problem] = []
        for key in PARTY_KEYS:
            if key in self._field_errors:
                problems.append(Problem(f"{PARTIES[key.split('.')[0]][1]} {self._field_errors[key]}", field=key))
        for table, model in ((CLASSES, self.classes), (ROSTER, self.roster)):
            problems += [Problem(text, table, row, column) for row, column, text in model.problem_cells()]
        ruleset_id = self._fields["ruleset_id"]
        if ruleset_id not in self.catalog.rulesets:
            unknown = _tr("未知的规则集“{0}”,请在规则集中重新选择").format(ruleset_id)
            problems.append(Problem(unknown, field="ruleset_id"))
        return problems

    def is_blank(self) -> bool:
        """Nothing typed yet: no rows and every party field empty (a new claim greets with a hint, not errors)."""
        return (not self.classes.rowCount() and not self.roster.rowCount()
                and not any(self._fields[key].strip() for key in PARTY_KEYS))

    @property
    def problems(self) -> list[str]:
        """The problems in plain Chinese, in the order they are listed."""
        return [p.text for p in self.problem_items]

    # --- whole content ------------------------------------------------------------------------------------
    @contextmanager
    def batched(self) -> Iterator[None]:
        """Apply several changes and recalculate once at the end."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
        if not self._batch:
            self.recalculate()

    def snapshot(self) -> Snapshot:
        return Snapshot(dict(self._fields), self.classes.drafts(), self.roster.drafts())

    def restore(self, snapshot: Snapshot) -> None:
        with self.batched():
            self._fields = dict(snapshot.fields)
            for prefix in PARTIES:
                self._validate_party(prefix)
            for key, value in self._fields.items():
                self.fieldChanged.emit(key, value)
            self.classes.reset_drafts(snapshot.classes)
            self.roster.reset_drafts(snapshot.roster)

    def snapshot_of_claim(self, claim: Claim) -> Snapshot:
        """A claim that is already valid → drafts, without validating its rows a second time."""
        fields = self.default_fields()
        for prefix, party in (("enterprise", claim.enterprise), ("institution", claim.institution)):
            for name in type(party).model_fields:
                fields[f"{prefix}.{name}"] = str(getattr(party, name))
        fields["ruleset_id"] = claim.ruleset_id
        fields["stage"] = claim.stage.value
        fields["claim_date"] = claim.claim_date.isoformat()
        return Snapshot(fields, [CLASS_SCHEMA.from_value(c) for c in claim.classes],
                        [ROSTER_SCHEMA.from_value(p) for p in claim.roster])

    def replace(self, after: Snapshot, text: str) -> None:
        """Replace the content as one undoable step."""
        self.undo_stack.push(ReplaceContentCommand(self, self.snapshot(), after, text))

    # --- recovery files (raw texts, so even invalid drafts survive a crash) -------------------------
    def to_state(self) -> dict[str, Any]:
        return {
            "format": RECOVERY_FORMAT,
            "format_version": 1,
            "fields": dict(self._fields),
            "classes": [list(d.texts) for d in self.classes.drafts()],
            "roster": [list(d.texts) for d in self.roster.drafts()],
        }

    def snapshot_of_state(self, state: dict[str, Any]) -> Snapshot:
        """Recovery state → snapshot; raises ValueError when it is not a recovery file of this app."""
        if not isinstance(state, dict) or state.get("format") != RECOVERY_FORMAT:
            raise ValueError("不是本软件的恢复文件")
        fields = self.default_fields()
        stored = state.get("fields", {})
        for key in fields:
            if isinstance(stored.get(key), str):
                fields[key] = stored[key]
        try:
            date.fromisoformat(fields["claim_date"])
        except ValueError:
            fields["claim_date"] = date.today().isoformat()
        if fields["stage"] not in {s.value for s in Stage}:
            fields["stage"] = Stage.ADVANCE.value
        return Snapshot(fields, _rows(CLASS_SCHEMA, state.get("classes")), _rows(ROSTER_SCHEMA, state.get("roster")))


def _rows(schema: Any, rows: object) -> list[RowDraft[Any]]:
    if not isinstance(rows, list):
        return []
    drafts = []
    width = schema.column_count
    for row in rows:
        if isinstance(row, list):
            texts = [str(t) for t in row[:width]] + [""] * max(0, width - len(row))
            drafts.append(schema.validate(texts))
    return drafts
