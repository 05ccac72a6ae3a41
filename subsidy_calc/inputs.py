"""Loading a claim from whatever the user hands the CLI: a classes CSV, a roster workbook or a claim file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from .claim_file_name import is_claim_file
from .classes_csv import read_classes_csv
from .engine_people import KnownRoster
from .enums import Stage
from .importer.reading import WORKBOOK_SUFFIXES
from .input_errors import InputError, InputProblem
from .models import Apprentice, Claim, Enterprise, TrainingClass, TrainingInstitution
from .pydantic_messages import describe_validation_error
from .rule_schema import RuleSet
from .textfile import read_csv_rows


@dataclass
class LoadedInput:
    """A claim ready for the engine, with what the import kept and what it rejected."""

    claim: Claim
    rows_imported: int
    rows_rejected: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    from_claim_file: bool = False
    warnings: list[InputProblem] = field(default_factory=list)
    ruleset_stamp: dict[str, str] | None = None  # a claim file's record of the rule set it was saved with
    known: KnownRoster | None = None  # what the import already worked out about the roster (for the engine)


def build_claim(classes: list[TrainingClass], ruleset_id: str, stage: Stage, claim_date: date,
                enterprise: Enterprise | None = None, roster: list[Apprentice] | None = None) -> Claim:
    try:
        return Claim(
            enterprise=enterprise or Enterprise(), institution=TrainingInstitution(), ruleset_id=ruleset_id,
            stage=stage, claim_date=claim_date, classes=classes, roster=roster or [],
        )
    except ValidationError as exc:
        raise InputError([InputProblem(None, "", "", m) for m in describe_validation_error(exc)]) from None



def load_input(path: Path, ruleset_id: str | None, stage: Stage | None, claim_date: date,
               enterprise: Enterprise | None = None, ruleset: RuleSet | None = None) -> LoadedInput:
    """Dispatch on the file's kind. A claim file brings its own rule set and stage unless overridden.

    Workbooks and roster CSVs go through the importer (good rows kept, bad rows listed); `ruleset`, when
    given, supplies the eligibility limits (minimum age, labour contract) the importer checks."""
    suffix = path.suffix.lower()
    if is_claim_file(path):
        from .claim_file import ClaimFileError, load_claim_and_stamp  # ≈ 3 ms: only for a claim file

        try:
            claim, stamp = load_claim_and_stamp(path)
        except ClaimFileError as exc:
            raise InputError([InputProblem(None, "", "", str(exc))]) from None
        update: dict[str, object] = {}
        if ruleset_id:
            update["ruleset_id"] = ruleset_id
        if stage:
            update["stage"] = stage
        if enterprise is not None:
            update["enterprise"] = enterprise
        claim = claim.model_copy(update=update) if update else claim
        return LoadedInput(claim, len(claim.classes), from_claim_file=True, ruleset_stamp=stamp)
    if ruleset_id is None or stage is None:
        raise InputError([InputProblem(None, "", "", "从 CSV 计算时必须给出 --rules 和 --stage")])
    if suffix in WORKBOOK_SUFFIXES or (suffix in (".csv", ".txt") and is_roster_csv(path)):
        return _load_import(path, ruleset_id, stage, claim_date, enterprise, ruleset)
    if suffix in (".csv", ".txt"):
        notes: list[InputProblem] = []
        classes = read_classes_csv(path, notes)
        return LoadedInput(build_claim(classes, ruleset_id, stage, claim_date, enterprise), len(classes),
                           warnings=notes)
    raise InputError(
        [InputProblem(None, "", "", f"不支持的文件类型“{path.suffix or path.name}”:请用 .csv、.xlsx 或申请文件 .json")]
    )


def is_roster_csv(path: Path) -> bool:
    """True when a CSV's header row looks like a roster (it has an ID number column)."""
    from .importer.headers import guess_kind

    try:
        headers, _ = read_csv_rows(path)
    except InputError:
        return True  # let the importer explain (it also decodes UTF-16 with a BOM)
    return guess_kind(headers) == "roster"


def _load_import(path: Path, ruleset_id: str, stage: Stage, claim_date: date, enterprise: Enterprise | None,
                 ruleset: RuleSet | None) -> LoadedInput:
    from .importer import import_file

    result = import_file(path, rules=ruleset)
    if result.rows_imported == 0:
        raise InputError(result.problems or [InputProblem(None, "", "", f"文件“{path.name}”中没有可导入的数据")])
    claim, known = result.to_claim_known(ruleset_id, stage, claim_date, enterprise, ruleset)
    return LoadedInput(claim, result.rows_imported, result.rows_rejected, result.problems,
                       warnings=result.warnings, known=known)
