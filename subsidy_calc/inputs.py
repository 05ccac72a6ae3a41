"""Loading a claim from whatever the user hands the CLI: a classes CSV or a saved claim file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from .claim_file import ClaimFileError, load_claim
from .classes_csv import read_classes_csv
from .enums import Stage
from .errors import describe_validation_error
from .models import Claim, Enterprise, TrainingInstitution
from .problems import InputError, InputProblem


@dataclass
class LoadedInput:
    """A claim ready for the engine, with what the import kept and what it rejected."""

    claim: Claim
    rows_imported: int
    rows_rejected: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    from_claim_file: bool = False


def build_claim(classes: list, ruleset_id: str, stage: Stage, claim_date: date,  # type: ignore[type-arg]
                enterprise: Enterprise | None = None, roster: list | None = None) -> Claim:  # type: ignore[type-arg]
    try:
        return Claim(
            enterprise=enterprise or Enterprise(), institution=TrainingInstitution(), ruleset_id=ruleset_id,
            stage=stage, claim_date=claim_date, classes=classes, roster=roster or [],
        )
    except ValidationError as exc:
        raise InputError([InputProblem(None, "", "", m) for m in describe_validation_error(exc)]) from None


def load_input(path: Path, ruleset_id: str | None, stage: Stage | None, claim_date: date,
               enterprise: Enterprise | None = None) -> LoadedInput:
    """Dispatch on the file's kind. A claim file brings its own rule set and stage unless overridden."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            claim = load_claim(path)
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
        return LoadedInput(claim, len(claim.classes), from_claim_file=True)
    if ruleset_id is None or stage is None:
        raise InputError([InputProblem(None, "", "", "从 CSV 计算时必须给出 --rules 和 --stage")])
    if suffix in (".csv", ".txt"):
        classes = read_classes_csv(path)
        return LoadedInput(build_claim(classes, ruleset_id, stage, claim_date, enterprise), len(classes))
    raise InputError(
        [InputProblem(None, "", "", f"不支持的文件类型“{path.suffix or path.name}”:请使用 .csv 或申请文件 .json")]
    )
