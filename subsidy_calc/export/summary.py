"""The claim summary (申请表) as plain data built from the engine's ClaimResult; renderers only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from .. import __version__
from ..enums import Stage
from ..identity import mask_id_number
from ..models import Claim
from ..money import amount_in_words, format_yuan
from ..results import ClaimResult, ClassLine, Severity
from ..rule_schema import RuleSet

TITLE = "企业新型学徒制培训补贴申请表"
ERROR_BANNER = "本申请存在错误,不可提交"
SIGNATURE_LABELS = ("申请单位(盖章)", "法定代表人/负责人(签字)", "经办人(签字)", "联系电话", "日期")
ROSTER_HEADERS = ("序号", "班级编号", "姓名", "身份证号", "状态", "证书编号", "补贴金额(元)")
EMPTY = "—"


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled value of the form."""

    label: str
    value: str


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
    roster: tuple[tuple[str, ...], ...]
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
        parts += [*ROSTER_HEADERS, *(cell for row in self.roster for cell in row)]
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


def _totals(result: ClaimResult) -> Totals:
    refund = result.refund_owed
    shown: Decimal = -result.payable if refund else result.payable
    return Totals(
        gross=format_yuan(result.gross), advance=format_yuan(result.advance_paid), payable=format_yuan(shown),
        payable_words=amount_in_words(shown), refund=refund,
        gross_label="应预支合计" if result.stage is Stage.ADVANCE else "应得补贴合计",
    )


def _ruleset_items(result: ClaimResult, ruleset: RuleSet | None) -> tuple[Item, ...]:
    effective = EMPTY
    if ruleset is not None:
        found = ruleset.values_on(result.claim_date)
        if found is not None:
            effective = found[0].isoformat()
    status = "假设(须核实)" if result.ruleset_status == "assumed" else "正式"
    return (
        Item("规则集", f"{result.ruleset_title}({result.ruleset_id})"),
        Item("地区", _or_empty(result.ruleset_region)),
        Item("文号", _or_empty(result.ruleset_document)),
        Item("版本", result.ruleset_version),
        Item("参数施行日期", effective),
        Item("状态", status),
    )


def build_summary(
    claim: Claim,
    result: ClaimResult,
    ruleset: RuleSet | None,
    *,
    full_ids: bool = False,
    generated_at: datetime | None = None,
) -> SummaryDocument:
    """Lay the engine's result out as the summary; amounts are the engine's Decimals, never recomputed.

    ID numbers on the roster are masked (620102********123X) unless `full_ids` is asked for.
    """
    enterprise, institution = claim.enterprise, claim.institution
    errors = tuple(str(n) for n in result.all_notices() if n.severity is Severity.ERROR)
    mask = (lambda s: s) if full_ids else mask_id_number
    roster: list[tuple[str, ...]] = []
    for number, person in enumerate(result.apprentices, start=1):
        roster.append((
            str(number), person.class_id, person.name, mask(person.id_number), person.outcome.label,
            person.certificate_no or EMPTY, format_yuan(person.amount),
        ))
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
        ruleset=_ruleset_items(result, ruleset),
        assumptions=assumptions,
        classes=tuple(_class_block(line, result.stage) for line in result.classes),
        totals=_totals(result),
        notices=tuple(str(n) for n in result.all_notices()),
        explanations=tuple(
            (f"班级 {line.class_id}({line.occupation})", tuple(line.explanation.text().splitlines()))
            for line in result.classes
        ),
        roster=tuple(roster),
        full_ids=full_ids,
        app_version=__version__,
        generated_at=when,
    )
