"""What an import produced: classes and roster kept, every problem and warning, counts; merging into a claim."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..eligibility import eligibility_for
from ..engine_people import KnownRoster
from ..enums import Stage
from ..input_errors import InputError, InputProblem
from ..models import (
    Apprentice,
    Claim,
    ClaimInconsistent,
    Enterprise,
    RosterTally,
    TrainingClass,
    TrainingInstitution,
)
from ..rule_schema import RuleSet
from .gcpause import paused_gc
from .reconcile import reconcile_counts
from .refused import RefusedPerson, RefusedWorth


class ImportCancelled(Exception):
    """The user cancelled the import; nothing was imported."""


@dataclass
class ImportResult:
    """Good rows imported, bad rows listed. `problems` are rows not imported (or counts overridden)."""

    source: Path
    classes: list[TrainingClass] = field(default_factory=list)
    roster: list[Apprentice] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[InputProblem] = field(default_factory=list)
    rows_imported: int = 0
    rows_rejected: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    roster_rows: list[int] = field(default_factory=list)
    refused: list[RefusedPerson] = field(default_factory=list)
    # The refused people of known classes with their settlement amount (import_file computes it when given a
    # rule set): what accepting the import as it is would leave out of the claim.
    refused_worth: list[RefusedWorth] = field(default_factory=list)

    def summary(self) -> str:
        """One line for a status bar or the CLI: how many rows were imported, rejected, skipped blank."""
        text = (f"导入 {self.rows_imported} 行(培训班 {len(self.classes)} 个,学徒 {len(self.roster)} 人),"
                f"未导入 {self.rows_rejected} 行")
        if self.warnings:
            text += f",提示 {len(self.warnings)} 条"
        blank = self.skipped.get("空行", 0)
        if blank:
            text += f",跳过空行 {blank} 行"
        return text

    def count_rejections(self) -> None:
        """Fill `skipped` with the number of rejected rows per column of their first problem."""
        first: dict[tuple[str, int | None], str] = {}
        for problem in self.problems:
            if problem.row is not None:
                first.setdefault((problem.sheet, problem.row), problem.column or "其他")
        blank = self.skipped.get("空行", 0)
        self.skipped = dict(Counter(first.values()))
        if blank:
            self.skipped["空行"] = blank

    def merged_classes_and_roster(self, existing: Claim | None) -> tuple[list[TrainingClass], list[Apprentice]]:
        """Imported classes replace those with the same id; imported roster rows replace the roster of their
        classes; everything else of the existing claim is kept."""
        if existing is None:
            return list(self.classes), list(self.roster)
        replacement = {tc.class_id: tc for tc in self.classes}
        classes = [replacement.get(tc.class_id, tc) for tc in existing.classes]
        have = {tc.class_id for tc in classes}
        classes += [tc for tc in self.classes if tc.class_id not in have]
        covered = {p.class_id for p in self.roster} | (set(replacement) if self.roster else set())
        roster = [p for p in existing.roster if p.class_id not in covered] + list(self.roster)
        # the import already reconciled its own classes with its own roster
        classes, _ = reconcile_counts(classes, roster)
        return classes, roster

    def to_claim(self, ruleset_id: str, stage: Stage, claim_date: date, enterprise: Enterprise | None = None,
                 existing: Claim | None = None) -> Claim:
        """A claim of the imported rows (merged into `existing` when given), checked for consistency."""
        return self._tallied_claim(ruleset_id, stage, claim_date, enterprise, existing)[0]

    def to_claim_known(self, ruleset_id: str, stage: Stage, claim_date: date, enterprise: Enterprise | None,
                       rules: RuleSet | None) -> tuple[Claim, KnownRoster]:
        """`to_claim` of the imported rows alone, with what the engine would otherwise work out again: the
        roster's tally, and per class the limits every imported person has passed. `rules` must be what
        import_file was given: its row checks rejected every person with an ERROR fact under
        `eligibility_for(their class, rules)` (docs/eligibility.md; a class's limits depend on its start date and
        apprentice type, which reconciling the typed counts leaves alone)."""
        claim, tally = self._tallied_claim(ruleset_id, stage, claim_date, enterprise, None)
        return claim, KnownRoster(tally, {tc.class_id: eligibility_for(tc, rules) for tc in claim.classes})

    def _tallied_claim(self, ruleset_id: str, stage: Stage, claim_date: date, enterprise: Enterprise | None,
                       existing: Claim | None) -> tuple[Claim, RosterTally]:
        try:
            with paused_gc():
                classes, roster = self.merged_classes_and_roster(existing)
                return Claim.tallied_rows(
                    enterprise=enterprise or (existing.enterprise if existing else Enterprise()),
                    institution=existing.institution if existing else TrainingInstitution(),
                    ruleset_id=ruleset_id, stage=stage, claim_date=claim_date, classes=classes, roster=roster,
                )
        except ClaimInconsistent as exc:
            raise InputError([InputProblem(None, "", "", p) for p in exc.problems]) from None
