"""The roster workbook template HR fills in: 培训班 and 学徒花名册 sheets, drop-downs, an instructions sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..classes_csv import CLASS_COLUMNS, CLASS_HEADERS
from ..enums import ApprenticeType, Outcome, SkillLevel
from .headers import ROSTER_FIELDS
from .safety import MAX_ROWS

# 社保连续缴费月数 is read when present but only needed where a rule set asks for it: not in the template.
ROSTER_TEMPLATE_HEADERS = tuple(f.header for f in ROSTER_FIELDS if f.name not in ("sex", "social_insurance_months"))
LEVEL_CHOICES = tuple(level.label for level in SkillLevel)
STATUS_CHOICES = tuple(outcome.label for outcome in Outcome)
TYPE_CHOICES = tuple(kind.label for kind in ApprenticeType)
_EXAMPLE_CLASS: dict[str, object] = {
    "班级编号": "JC2024-001", "培训职业": "电工", "培训等级": "高级工", "学徒类型": "职工学徒",
    "开班日期": date(2024, 3, 1), "结业日期": date(2025, 2, 28), "计划人数": 30, "人均培训费用": 5000,
    "紧缺职业": "否",
}
_EXAMPLE_PERSON: dict[str, object] = {
    "班级编号": "JC2024-001", "姓名": "张三", "身份证号": "11010119900307803X", "状态": "取证",
    "证书编号": "S000000000000001", "劳动合同开始": date(2023, 7, 1), "劳动合同结束": date(2026, 6, 30),
}
_INSTRUCTIONS = (
    "企业新型学徒制花名册模板 使用说明",
    "",
    "1. “培训班”工作表:每个学徒班一行。班级编号、培训职业、培训等级、开班日期、结业日期、计划人数必须填写。",
    "2. “学徒花名册”工作表:每名学徒一行。班级编号须与“培训班”中的班级编号一致。",
    "3. 身份证号须为18位(末位可为X),请把该列设为“文本”格式,否则 Excel 会把号码存成数字并丢失后几位。",
    "4. 状态:在训、取证、结业未取证、退出。状态为取证时请填写证书编号。",
    "5. 培训等级:中级工(四级)、高级工(三级)、技师(二级)、高级技师(一级),也可写“四级”等。",
    "6. 日期格式 YYYY-MM-DD,例如 2024-03-01。劳动合同须覆盖开班日期,期限不少于规则集规定(通常12个月)。",
    "7. 有花名册的班级,各状态人数按花名册统计;培训班中填写的人数若与花名册不一致,以花名册为准并提示。",
    f"8. 每个工作表最多 {MAX_ROWS:,} 行。示例行(第2行)请删除或改为真实数据。",
    "9. 导入时有问题的行不会导入,其他行照常导入;问题清单可另存为 Excel 文件,改正后重新导入。",
)


def write_template(path: Path) -> None:
    """Write the template workbook (xlsxwriter): headers, one example row each, drop-downs, widths, 说明.

    Built in memory and written atomically: an existing file is replaced whole or left as it was."""
    import io

    import xlsxwriter

    from ..atomic import atomic_write_bytes

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    try:
        head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        text = workbook.add_format({"num_format": "@"})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        classes = workbook.add_worksheet("培训班")
        roster = workbook.add_worksheet("学徒花名册")
        notes = workbook.add_worksheet("说明")
        for col, header in enumerate(CLASS_HEADERS):
            classes.write_string(0, col, header, head)
            classes.set_column(col, col, max(12, 2 * len(header) + 4), day if "日期" in header else None)
            value = _EXAMPLE_CLASS.get(header)
            if isinstance(value, date):
                classes.write_datetime(1, col, value, day)
            elif value is not None:
                classes.write(1, col, value)
        _dropdown(classes, CLASS_HEADERS.index("培训等级"), LEVEL_CHOICES)
        _dropdown(classes, CLASS_HEADERS.index("学徒类型"), TYPE_CHOICES)
        _dropdown(classes, CLASS_HEADERS.index("紧缺职业"), ("是", "否"))
        classes.freeze_panes(1, 0)
        required = {c.header for c in CLASS_COLUMNS if c.required}
        for col, header in enumerate(CLASS_HEADERS):
            if header in required:
                classes.write_comment(0, col, "必填")
        widths = {"身份证号": 22, "证书编号": 22, "姓名": 12}
        for col, header in enumerate(ROSTER_TEMPLATE_HEADERS):
            roster.write_string(0, col, header, head)
            fmt = day if header.startswith("劳动合同") else text
            roster.set_column(col, col, widths.get(header, 16), fmt)
            value = _EXAMPLE_PERSON.get(header)
            if isinstance(value, date):
                roster.write_datetime(1, col, value, day)
            elif isinstance(value, str):
                roster.write_string(1, col, value, text)
        _dropdown(roster, ROSTER_TEMPLATE_HEADERS.index("状态"), STATUS_CHOICES)
        roster.freeze_panes(1, 0)
        notes.set_column(0, 0, 110)
        for row, line in enumerate(_INSTRUCTIONS):
            notes.write_string(row, 0, line, head if row == 0 else None)
    finally:
        workbook.close()
    atomic_write_bytes(path, buffer.getvalue())


def _dropdown(sheet: object, col: int, choices: tuple[str, ...]) -> None:
    sheet.data_validation(1, col, MAX_ROWS, col, {  # type: ignore[attr-defined]
        "validate": "list", "source": list(choices), "error_title": "取值无效",
        "error_message": "请从下拉列表中选择:" + "、".join(choices),
    })
