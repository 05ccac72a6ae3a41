"""The claim summary (申请表) as plain data built from the engine's ClaimResult; renderers only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from .. import __version__
from ..enums import Stage
from ..identity import mask_id_number, sex_of
from ..materials import ChecklistLine, checklist
from ..models import Apprentice, Claim
from ..money import capitals_shown, format_yuan
from ..results import ClaimResult, ClassLine, Severity
from ..rule_loading import RuleOrigin
from ..rule_schema import RuleSet
from ..rule_validity import expiry_warning, validity_text

TITLE = "企业新型学徒制培训补贴申请表"
ERROR_BANNER = "本申请存在错误,不可提交"
BANNER_ERRORS = 10  # the banner quotes this many; every error is listed again under 提示与警告
SIGNATURE_LABELS = ("申请单位(盖章)", "法定代表人/负责人(签字)", "经办人(签字)", "联系电话", "日期")
ROSTER_HEADERS = (
    "序号", "姓名", "性别", "身份证号", "班级编号", "培训职业", "培训等级", "劳动合同起止", "状态", "证书编号",
)
MATERIALS_TITLE = "申报材料清单"
DECLARATION = "申请单位承诺:以上内容及所附材料真实、准确,如有虚假,愿承担相应责任。"
EMPTY = "—"


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled value of the form."""

    label: str
    value: str


class RosterRow(NamedTuple):
    """One apprentice as the roster annex prints it (ROSTER_HEADERS), plus the share for the Excel sheet."""

    number: str
    name: str
    sex: str
    id_number: str
    class_id: str
    occupation: str
    level: str
    contract: str
    status: str
    certificate: str
    amount: Decimal

    def cells(self) -> tuple[str, ...]:
        """The printed cells, in ROSTER_HEADERS order."""
        return tuple(self[:10])


@dataclass(frozen=True, slots=True)
class ClassBlock:
    """One class as a bordered grid: pairs of (label, value) per row, a row of outcome amounts, totals."""

    heading: str
    rows: tuple[tuple[Item, ...], ...]
    outcomes: tuple[tuple[str, str, str, str, str], ...]  # outcome, people, per person, factor, amount
    gross: str
    advance: str
    payable: str
    notices: tuple[str, ...]
    payable_label: str = "本次应付(元)"
    gross_label: str = "应得金额(元)"


@dataclass(frozen=True, slots=True)
class Totals:
    """The claim's totals in figures (format_yuan of the engine's Decimals) and in capitals."""

    gross: str
    advance: str
    payable: str
    payable_words: str
    refund: bool
    gross_label: str = "应得补贴合计"

    @property
    def payable_label(self) -> str:
        return "本次应退回金额" if self.refund else "本次申请金额"


@dataclass(frozen=True)
class SummaryDocument:
    """Everything the printed summary shows, already formatted; PDF, preview and Excel render this."""

    title: str
    stage_label: str
    claim_date: str
    error_banner: str | None
    errors: tuple[str, ...]
    enterprise: tuple[Item, ...]
    institution: tuple[Item, ...]
    ruleset: tuple[Item, ...]
    assumptions: tuple[str, ...]
    classes: tuple[ClassBlock, ...]
    totals: Totals
    notices: tuple[str, ...]
    explanations: tuple[tuple[str, tuple[str, ...]], ...]
    roster: tuple[RosterRow, ...]
    roster_note: str  # the annex's sentence: how many people, masked IDs, or where counts come from
    materials: tuple[ChecklistLine, ...]
    materials_note: str
    full_ids: bool
    app_version: str
    generated_at: str
    signatures: tuple[str, ...] = field(default=SIGNATURE_LABELS)

    @property
    def generated_text(self) -> str:
        return f"补贴计算软件 {self.app_version} · 生成时间 {self.generated_at}"

    def plain_text(self) -> str:
        """Every character the document prints (for the font coverage check and for tests)."""
        parts: list[str] = [self.title, self.stage_label, self.claim_date, self.generated_text]
        parts += [self.error_banner or "", *self.errors, *self.assumptions, *self.notices, *self.signatures]
        for item in (*self.enterprise, *self.institution, *self.ruleset):
            parts += [item.label, item.value]
        for block in self.classes:
            parts += [block.heading, block.gross, block.advance, block.payable, *block.notices]
            parts += [block.payable_label, block.gross_label]
            parts += [text for row in block.rows for item in row for text in (item.label, item.value)]
            parts += [text for row in block.outcomes for text in row]
        t = self.totals
        parts += [t.gross, t.advance, t.payable, t.payable_words, t.payable_label, t.gross_label]
        for heading, steps in self.explanations:
            parts += [heading, *steps]
        parts += [*ROSTER_HEADERS, self.roster_note, *(cell for row in self.roster for cell in row.cells())]
        parts += [MATERIALS_TITLE, self.materials_note]
        parts += [text for line in self.materials for text in (line.text, line.note, line.source)]
        return "\n".join(parts)


def _or_empty(text: str) -> str:
    return text.strip() or EMPTY


def _class_block(line: ClassLine, stage: Stage) -> ClassBlock:
    counts = line.counts
    count_text = (
        f"计划 {line.planned} 人;取证 {counts.certified}、结业未取证 {counts.completed_no_cert}、"
        f"退出 {counts.dropped}、在训 {counts.in_training}"
        + ("(据学徒名册)" if line.counts_from_roster else "")
    )
    uplift = f"{(line.uplift * 100).normalize():f}%" if line.uplift else "无"
    rows = (
        (Item("班级编号", line.class_id), Item("培训职业(工种)", line.occupation)),
        (Item("培训等级", f"{line.level.label}({line.level.grade})"), Item("学徒类型", line.apprentice_type.label)),
        (Item("培训期", f"{line.start_date.isoformat()} 至 {line.end_date.isoformat()}"),
         Item("计入月数", f"{line.months_counted} 个月(实际 {line.months_actual} 个月)")),
        (Item("人数", count_text),),
        (Item("补贴标准", _or_empty(line.rate_text)), Item("紧缺职业上浮", uplift)),
    )
    outcomes = tuple(
        (a.outcome.label, str(a.count), format_yuan(a.per_person), a.factor_text, format_yuan(a.amount))
        for a in line.outcome_amounts
    ) if stage is Stage.SETTLEMENT else ()
    advance = format_yuan(line.advance_paid) + ("(未填写,按规则应预支额计)" if line.advance_assumed else "")
    return ClassBlock(
        heading=f"{line.class_id} · {line.occupation} · {line.level.label}",
        rows=rows, outcomes=outcomes, gross=format_yuan(line.gross), advance=advance,
        payable=format_yuan(-line.payable if line.payable < 0 else line.payable),
        notices=tuple(str(n) for n in line.notices),
        payable_label="本次应退回(元)" if line.payable < 0 else "本次应付(元)",
        gross_label="应预支金额(元)" if stage is Stage.ADVANCE else "应得金额(元)",
    )


def _banner_errors(errors: tuple[str, ...]) -> tuple[str, ...]:
    """The errors under the banner at the top: the first BANNER_ERRORS and how many more there are (120
    under-age apprentices would otherwise fill the first pages before the claim itself begins)."""
    if len(errors) <= BANNER_ERRORS:
        return errors
    more = f"另有 {len(errors) - BANNER_ERRORS} 条错误,全部错误均列于下方“提示与警告”"
    return (*errors[:BANNER_ERRORS], more)


def _totals(result: ClaimResult) -> Totals:
    refund = result.refund_owed
    shown: Decimal = -result.payable if refund else result.payable
    return Totals(
        gross=format_yuan(result.gross), advance=format_yuan(result.advance_paid), payable=format_yuan(shown),
        payable_words=capitals_shown(shown), refund=refund,
        gross_label="应预支合计" if result.stage is Stage.ADVANCE else "应得补贴合计",
    )


def _notices(result: ClaimResult, ruleset: RuleSet | None) -> tuple[str, ...]:
    """The engine's notices, after a warning when the rule set's document has expired on the claim date."""
    expired = expiry_warning(ruleset, result.claim_date) if ruleset is not None else ""
    return ((expired,) if expired else ()) + tuple(str(n) for n in result.all_notices())


def _ruleset_items(result: ClaimResult, ruleset: RuleSet | None, origin: RuleOrigin | None) -> tuple[Item, ...]:
    effective = validity = EMPTY
    if ruleset is not None:
        found = ruleset.values_on(result.claim_date)
        if found is not None:
            effective = found[0].isoformat()
        validity = validity_text(ruleset, result.claim_date)
    status = "假设(须核实)" if result.ruleset_status == "assumed" else "正式"
    return (
        Item("规则集", f"{result.ruleset_title}({result.ruleset_id})"),
        Item("地区", _or_empty(result.ruleset_region)),
        Item("文号", _or_empty(result.ruleset_document)),
        Item("版本", result.ruleset_version),
        Item("参数施行日期", effective),
        Item("文件有效期", validity),
        Item("状态", status),
        *((Item("来源", origin.describe()),) if origin is not None and origin.local else ()),
    )


def _contract(person: Apprentice) -> str:
    def day(value: date | None) -> str:
        return value.isoformat() if value is not None else "?"

    if person.contract_start is None and person.contract_end is None:
        return EMPTY
    return f"{day(person.contract_start)}至{day(person.contract_end)}"


def _roster(result: ClaimResult, full_ids: bool) -> tuple[RosterRow, ...]:
    classes = {line.class_id: line for line in result.classes}
    rows = []
    for number, (line, person) in enumerate(zip(result.apprentices, result.roster, strict=True), start=1):
        cls = classes.get(line.class_id)
        rows.append(RosterRow(
            str(number), line.name, sex_of(line.id_number) if len(line.id_number) == 18 else EMPTY,
            line.id_number if full_ids else mask_id_number(line.id_number), line.class_id,
            cls.occupation if cls is not None else EMPTY,
            f"{cls.level.label}({cls.level.grade})" if cls is not None else EMPTY,
            _contract(person), line.outcome.label, line.certificate_no or EMPTY, line.amount,
        ))
    return tuple(rows)


def _roster_note(result: ClaimResult, full_ids: bool) -> str:
    if not result.roster:
        return ("本申请未附学徒名册:各班人数取自培训班表(计划人数及取证、结业未取证、退出、在训人数),"
                "以培训班补贴明细为准。")
    ids = "身份证号为完整号码。" if full_ids else "身份证号已隐去中间 8 位(仅保留前 6 位与后 4 位)。"
    return f"共 {len(result.roster)} 人。{ids}"


def _materials_note(ruleset: RuleSet | None, result: ClaimResult) -> str:
    if ruleset is None or not ruleset.materials.for_stage(result.stage):
        return "本规则集未列明申报材料,请向当地人社部门索取材料清单。"
    return ("方框供整理材料时逐项勾选;本软件已生成或已有数据的材料已预先打勾。份数以当地人社部门要求为准,"
            "出处栏注明该项的依据。")


def build_summary(
    claim: Claim,
    result: ClaimResult,
    ruleset: RuleSet | None,
    *,
    full_ids: bool = False,
    generated_at: datetime | None = None,
    origin: RuleOrigin | None = None,
) -> SummaryDocument:
    """Lay the engine's result out as the summary; amounts are the engine's Decimals, never recomputed.

    ID numbers on the roster are masked (620102********123X) unless `full_ids` is asked for. A local rule
    set (`origin.local`) is named as such, with its file, among the rule-set items.
    """
    enterprise, institution = claim.enterprise, claim.institution
    errors = _banner_errors(tuple(str(n) for n in result.all_notices() if n.severity is Severity.ERROR))
    roster = _roster(result, full_ids)
    assumptions: tuple[str, ...] = ()
    if result.ruleset_status == "assumed":
        assumptions = tuple(ruleset.assumptions) if ruleset is not None and ruleset.assumptions else (
            "规则集标记为假设,具体假设内容见规则文件",)
    when = (generated_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    return SummaryDocument(
        title=f"{TITLE}({result.stage.label})",
        stage_label=result.stage.label,
        claim_date=result.claim_date.isoformat(),
        error_banner=ERROR_BANNER if result.has_errors else None,
        errors=errors,
        enterprise=(
            Item("单位名称", _or_empty(enterprise.name)),
            Item("统一社会信用代码", _or_empty(enterprise.credit_code)),
            Item("开户银行", _or_empty(enterprise.bank)),
            Item("银行账号", _or_empty(enterprise.account)),
            Item("经办人", _or_empty(enterprise.contact)),
            Item("联系电话", _or_empty(enterprise.phone)),
        ),
        institution=(
            Item("培训机构名称", _or_empty(institution.name)),
            Item("统一社会信用代码", _or_empty(institution.code)),
            Item("联系人", _or_empty(institution.contact)),
        ),
        ruleset=_ruleset_items(result, ruleset, origin),
        assumptions=assumptions,
        classes=tuple(_class_block(line, result.stage) for line in result.classes),
        totals=_totals(result),
        notices=_notices(result, ruleset),
        explanations=tuple(
            (f"班级 {line.class_id}({line.occupation})", tuple(line.explanation.text().splitlines()))
            for line in result.classes
        ) + tuple((f"申请限额:{a.label}", (a.text, f"依据:{a.clause}")) for a in result.adjustments),
        roster=roster,
        roster_note=_roster_note(result, full_ids),
        materials=checklist(ruleset.materials, result.stage, claim) if ruleset is not None else (),
        materials_note=_materials_note(ruleset, result),
        full_ids=full_ids,
        app_version=__version__,
        generated_at=when,
    )
