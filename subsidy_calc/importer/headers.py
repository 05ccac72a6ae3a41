"""Header alias table: which file header means which field, for the roster and the classes sheets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..classes_csv import CLASS_COLUMNS
from ..input_errors import InputError, InputProblem


@dataclass(frozen=True)
class Field:
    """One field a sheet can carry: its id, the canonical Chinese header, whether it must be present."""

    name: str
    header: str
    required: bool
    aliases: tuple[str, ...] = ()


ROSTER_FIELDS: tuple[Field, ...] = (
    Field("class_id", "班级编号", True, (
        "班级", "班号", "班级号", "班级代码", "所在班级", "class", "class id", "class_id")),
    Field("name", "姓名", True, ("名字", "学徒姓名", "学员姓名", "name", "full name")),
    Field("id_number", "身份证号", True, (
        "身份证号码", "公民身份号码", "公民身份证号码", "证件号码", "证件号", "身份证", "身份证件号码", "id number",
        "id_number", "id no", "id", "id card", "resident id")),
    Field("status", "状态", False, ("培训状态", "学习状态", "结业状态", "培训结果", "status", "outcome")),
    Field("certificate_no", "证书编号", False, (
        "证书号", "证书号码", "职业技能等级证书编号", "技能等级证书编号", "证书", "certificate", "certificate no",
        "certificate_no")),
    Field("contract_start", "劳动合同开始", False, (
        "合同开始日期", "劳动合同开始日期", "合同开始", "劳动合同起始日期", "合同起始日期", "劳动合同起",
        "contract start", "contract_start")),
    Field("contract_end", "劳动合同结束", False, (
        "合同结束日期", "劳动合同结束日期", "合同结束", "劳动合同终止日期", "合同终止日期", "合同到期日期",
        "劳动合同止", "contract end", "contract_end")),
    Field("sex", "性别", False, ("sex", "gender")),
    Field("social_insurance_months", "社保连续缴费月数", False, (
        "社保缴费月数", "连续缴费月数", "社保月数", "社会保险连续缴费月数", "social insurance months",
        "social_insurance_months")),
)

_CLASS_ALIASES: dict[str, tuple[str, ...]] = {
    "class_id": ("班级", "班号", "班级号", "班级代码", "class", "class id"),
    "occupation": ("职业", "工种", "培训职业(工种)", "培训工种", "职业(工种)", "occupation"),
    "level": ("等级", "培训层次", "技能等级", "职业技能等级", "level"),
    "apprentice_type": ("类型", "学徒类别", "apprentice type"),
    "start_date": ("开班时间", "开始日期", "培训开始日期", "开课日期", "start date", "start"),
    "end_date": ("结业时间", "结束日期", "培训结束日期", "end date", "end"),
    "planned": ("计划培训人数", "开班人数", "人数", "planned"),
    "certified": ("取证数", "certified"),
    "completed_no_cert": ("结业未取证", "completed no cert"),
    "dropped": ("退出", "中途退出人数", "dropped"),
    "cost_per_person": ("人均费用", "培训费用(元/人)", "cost per person"),
    "shortage": ("是否紧缺职业", "紧缺", "shortage"),
    "advance_paid": ("已预支", "已预支金额(元)", "预支金额", "advance paid"),
    "in_training": ("在训", "in training"),
    "classroom_hours": ("集中授课", "授课学时", "classroom hours"),
    "practice_hours": ("岗位实操", "实操学时", "practice hours"),
    "monthly_allowance": ("月实习津贴", "实习津贴", "学徒津贴", "monthly allowance"),
}

CLASS_FIELDS: tuple[Field, ...] = tuple(
    Field(c.field, c.header, c.required, (c.field, *_CLASS_ALIASES.get(c.field, ()))) for c in CLASS_COLUMNS
)


def normalise_header(text: str) -> str:
    """Compare headers without spaces, full-width brackets, a trailing '*' (required mark) or case."""
    value = "".join(str(text).split()).replace("(", "(").replace(")", ")").lower()
    value = value.strip("*＊:：")
    return value.replace("_", "")


def _alias_table(fields: Iterable[Field]) -> dict[str, tuple[str, int]]:
    """Normalised alias → (field name, rank); the canonical header ranks first, generic words like "ID" last."""
    table: dict[str, tuple[str, int]] = {}
    for f in fields:
        for rank, alias in enumerate((f.header, *f.aliases)):
            table.setdefault(normalise_header(alias), (f.name, rank))
    return table


_ROSTER_TABLE = _alias_table(ROSTER_FIELDS)
_CLASS_TABLE = _alias_table(CLASS_FIELDS)


class HeaderMappingNeeded(InputError):
    """The headers could not be matched: which headers were found, which fields are required/known."""

    def __init__(self, sheet: str, kind: str, found_headers: list[str], missing: list[Field],
                 fields: tuple[Field, ...]) -> None:
        self.sheet = sheet
        self.kind = kind
        self.found_headers = found_headers
        self.missing_fields = missing
        self.fields = fields
        where = f"工作表“{sheet}”" if sheet else "文件"
        found = "、".join(h for h in found_headers if h) or "(无)"
        need = "、".join(f.header for f in missing)
        message = (f"{where}的表头无法识别:缺少必填列 {need};找到的列:{found}。"
                   f"请把表头改为模板中的名称,或在软件中指定各列的含义")
        super().__init__([InputProblem(1, need, "", message, sheet)])

    @property
    def required_fields(self) -> list[str]:
        return [f.header for f in self.fields if f.required]


def fields_for(kind: str) -> tuple[Field, ...]:
    return ROSTER_FIELDS if kind == "roster" else CLASS_FIELDS


def match_headers(headers: list[str], kind: str) -> dict[int, str]:
    """Column index → field name for every header recognised; for a field named by several columns the most
    specific alias wins (then the leftmost column)."""
    table = _ROSTER_TABLE if kind == "roster" else _CLASS_TABLE
    best: dict[str, tuple[int, int]] = {}  # field → (rank, column): "身份证号码" beats a sequence column "ID"
    for index, header in enumerate(headers):
        found = table.get(normalise_header(header))
        if found is not None:
            name, rank = found
            if name not in best or rank < best[name][0]:
                best[name] = (rank, index)
    return {index: name for name, (_, index) in sorted(best.items(), key=lambda item: item[1][1])}


def resolve_headers(headers: list[str], kind: str, sheet: str = "",
                    explicit: Mapping[str, str] | None = None) -> dict[int, str]:
    """Match headers (an explicit {file header: field name or canonical header} wins); raise if required missing."""
    fields = fields_for(kind)
    mapping = match_headers(headers, kind)
    if explicit:
        by_header = {f.header: f.name for f in fields}
        known = {f.name for f in fields}
        for header, target in explicit.items():
            name = by_header.get(target, target)
            if name not in known:
                continue
            for index, found in enumerate(headers):
                if found.strip() == header.strip():
                    mapping = {i: n for i, n in mapping.items() if n != name and i != index}
                    mapping[index] = name
    present = set(mapping.values())
    missing = [f for f in fields if f.required and f.name not in present]
    if missing:
        raise HeaderMappingNeeded(sheet, kind, [h.strip() for h in headers], missing, fields)
    return mapping


def guess_kind(headers: list[str]) -> str | None:
    """'roster' when the headers look like a roster (an ID column), 'classes' for a classes table."""
    roster = set(match_headers(headers, "roster").values())
    if "id_number" in roster or ("name" in roster and "class_id" in roster):
        return "roster"
    classes = set(match_headers(headers, "classes").values())
    if {"occupation", "start_date"} & classes:
        return "classes"
    return None
