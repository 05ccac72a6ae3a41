"""The bad-input table: every field of the classes table with wrong values and the exact Chinese message.

Shared by the CLI sweep and the window's class table sweep, so both front ends are held to the same words.
"""

from __future__ import annotations

from typing import NamedTuple

from subsidy_calc.classes_csv import CLASS_HEADERS


class Bad(NamedTuple):
    column: str
    value: str
    message: str  # the message the user must see (as a fragment of the full line)


GOOD_ROW = dict(zip(CLASS_HEADERS, ["A01", "焊工", "中级工", "职工学徒", "2023-03-01", "2025-02-28", "20", "15", "3",
                                    "2", "", "否", "", "0", "", "", ""], strict=True))

LEVEL_HINT = "应为 中级工/四级、高级工/三级、技师/二级、高级技师/一级 之一"

SWEEP: tuple[Bad, ...] = (
    Bad("班级编号", "", "必须填写"),
    Bad("班级编号", "X" * 51, "过长(最多 50 个字符)"),
    Bad("培训职业", "", "必须填写"),
    Bad("培训职业", "职" * 101, "过长(最多 100 个字符)"),
    Bad("培训等级", "", "必须填写"),
    Bad("培训等级", "特级工", f"无法识别的培训等级“特级工”,{LEVEL_HINT}"),
    Bad("培训等级", "7", f"无法识别的培训等级“7”,{LEVEL_HINT}"),
    Bad("学徒类型", "临时工", "无法识别的学徒类型“临时工”,应为 职工学徒 或 学生学徒"),
    Bad("开班日期", "", "必须填写"),
    Bad("开班日期", "2023-13-01", "日期“2023-13-01”不存在,请核对年月日"),
    Bad("开班日期", "昨天", "日期“昨天”格式错误,应为 YYYY-MM-DD"),
    Bad("结业日期", "", "必须填写"),
    Bad("结业日期", "2023-02-30", "日期“2023-02-30”不存在"),
    Bad("结业日期", "2022-01-01", "早于开班日期 2023-03-01,请检查是否填反"),
    Bad("计划人数", "", "必须填写"),
    Bad("计划人数", "-1", "人数不能为负数(填写了 -1)"),
    Bad("计划人数", "0", "不能小于 1"),
    Bad("计划人数", "100001", "不能大于 100000"),
    Bad("计划人数", "二十", "人数“二十”应为整数"),
    Bad("计划人数", "3.5", "人数“3.5”应为整数"),
    Bad("取证人数", "-2", "人数不能为负数(填写了 -2)"),
    Bad("取证人数", "100001", "不能大于 100000"),
    Bad("取证人数", "abc", "人数“abc”应为整数"),
    Bad("结业未取证人数", "-1", "人数不能为负数(填写了 -1)"),
    Bad("结业未取证人数", "1e3", "人数“1e3”应为整数"),
    Bad("退出人数", "-1", "人数不能为负数(填写了 -1)"),
    Bad("退出人数", "x", "人数“x”应为整数"),
    Bad("在训人数", "-1", "人数不能为负数(填写了 -1)"),
    Bad("在训人数", "100001", "不能大于 100000"),
    Bad("人均培训费用", "-100", "人均培训费用不能为负数"),
    Bad("人均培训费用", "abc", "人均培训费用“abc”不是数字"),
    Bad("人均培训费用", "12.345", "最多两位小数"),
    Bad("人均培训费用", "1e20", "人均培训费用“1e20”过大(上限为一万亿元)"),
    Bad("人均培训费用", "NaN", "人均培训费用“NaN”不是有限数字"),
    Bad("紧缺职业", "也许", "“也许”应为 是 或 否"),
    Bad("已预支金额", "-1", "已预支金额不能为负数"),
    Bad("已预支金额", "四万", "已预支金额“四万”不是数字"),
    Bad("已预支金额", "1.001", "最多两位小数"),
    Bad("已预支金额", "Infinity", "已预支金额“Infinity”不是有限数字"),
    Bad("集中授课学时", "一百", "学时“一百”应为整数"),
    Bad("集中授课学时", "-5", "学时不能为负数(填写了 -5)"),
    Bad("岗位实操学时", "2.5", "学时“2.5”应为整数"),
    Bad("岗位实操学时", "10001", "不能大于 10000"),
    Bad("学徒月实习津贴", "-1", "学徒月实习津贴不能为负数"),
    Bad("学徒月实习津贴", "三千", "学徒月实习津贴“三千”不是数字"),
)


def case_id(bad: Bad) -> str:
    return f"{bad.column}={bad.value[:8] or 'empty'}"


def csv_text(row: dict[str, str]) -> str:
    return ",".join(CLASS_HEADERS) + "\n" + ",".join(row[h] for h in CLASS_HEADERS) + "\n"
