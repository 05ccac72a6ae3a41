"""The materials to file with a claim (申报材料清单): the rule file's `[materials]` lists and the checklist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .enums import Outcome, Stage
from .models import Claim

NATIONAL_SOURCE = "全国通用清单(本地未明确)"

# What the app itself produces or holds, so the checklist can tick an item: the printed claim form, its
# class details, the roster, the certificate numbers on the roster.
AppData = Literal["claim_form", "class_details", "roster", "certificates"]


class MaterialItem(BaseModel):
    """One document to attach: what it is, whether it is required, how many copies, where that is said."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built with RuleSet: faster start

    text: str = Field(min_length=1, max_length=200, title="材料")
    required: bool = Field(True, title="必交")
    copies: int | None = Field(None, ge=1, le=99, title="份数")
    source: str = Field(min_length=1, max_length=300, title="出处")
    app_data: AppData | None = Field(None, title="本软件提供的数据")


class Materials(BaseModel):
    """`[materials]` of a rule file: the lists for opening a class (advance) and for settlement."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built with RuleSet: faster start

    advance: list[MaterialItem] = Field(default_factory=list, title="预支(开班)材料")
    settlement: list[MaterialItem] = Field(default_factory=list, title="清算材料")

    def for_stage(self, stage: Stage) -> list[MaterialItem]:
        return self.advance if stage is Stage.ADVANCE else self.settlement


@dataclass(frozen=True, slots=True)
class ChecklistLine:
    """One line of the checklist as printed and shown: the item, and whether the app already has it."""

    text: str
    required: bool
    copies: int | None
    source: str
    ready: bool  # the app produced or holds this (ticked)
    note: str  # where in the printed claim it is, or what is still missing

    @property
    def copies_text(self) -> str:
        return f"{self.copies} 份" if self.copies else "—"

    @property
    def required_text(self) -> str:
        return "必交" if self.required else "按需"


def _certificates_ready(claim: Claim) -> tuple[bool, str]:
    certified = [p for p in claim.roster if p.status is Outcome.CERTIFIED]
    if not claim.roster:
        return False, "无学徒名册,证书编号须另附"
    lacking = sum(1 for p in certified if not p.certificate_no.strip())
    if lacking:
        return False, f"名册中 {lacking} 名取证学徒未填证书编号"
    return True, f"名册已列 {len(certified)} 个证书编号(附件二)"


def _status(item: MaterialItem, claim: Claim) -> tuple[bool, str]:
    if item.app_data == "claim_form":
        return True, "即本申请表"
    if item.app_data == "class_details":
        return True, "见本表“四、培训班补贴明细”与附件一"
    if item.app_data == "roster":
        if claim.roster:
            return True, f"见附件二,共 {len(claim.roster)} 人"
        return False, "本申请未录入学徒名册,须另附"
    if item.app_data == "certificates":
        return _certificates_ready(claim)
    return False, ""


def checklist(materials: Materials, stage: Stage, claim: Claim) -> tuple[ChecklistLine, ...]:
    """The stage's materials with a tick where the app has the data (e.g. 学徒名册 when a roster is present)."""
    lines = []
    for item in materials.for_stage(stage):
        ready, note = _status(item, claim)
        lines.append(ChecklistLine(item.text, item.required, item.copies, item.source, ready, note))
    return tuple(lines)
