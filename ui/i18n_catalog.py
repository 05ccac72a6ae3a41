"""Strings the UI translates at run time from data (headers, field titles), listed for pyside6-lupdate."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

COLUMN_HEADERS = [
    QT_TRANSLATE_NOOP("columns", "班级编号"),
    QT_TRANSLATE_NOOP("columns", "培训职业"),
    QT_TRANSLATE_NOOP("columns", "培训等级"),
    QT_TRANSLATE_NOOP("columns", "学徒类型"),
    QT_TRANSLATE_NOOP("columns", "开班日期"),
    QT_TRANSLATE_NOOP("columns", "结业日期"),
    QT_TRANSLATE_NOOP("columns", "计划人数"),
    QT_TRANSLATE_NOOP("columns", "取证人数"),
    QT_TRANSLATE_NOOP("columns", "结业未取证人数"),
    QT_TRANSLATE_NOOP("columns", "退出人数"),
    QT_TRANSLATE_NOOP("columns", "人均培训费用"),
    QT_TRANSLATE_NOOP("columns", "紧缺职业"),
    QT_TRANSLATE_NOOP("columns", "已预支金额"),
    QT_TRANSLATE_NOOP("columns", "在训人数"),
    QT_TRANSLATE_NOOP("columns", "集中授课学时"),
    QT_TRANSLATE_NOOP("columns", "岗位实操学时"),
    QT_TRANSLATE_NOOP("columns", "学徒月实习津贴"),
    QT_TRANSLATE_NOOP("columns", "姓名"),
    QT_TRANSLATE_NOOP("columns", "身份证号"),
    QT_TRANSLATE_NOOP("columns", "状态"),
    QT_TRANSLATE_NOOP("columns", "证书编号"),
    QT_TRANSLATE_NOOP("columns", "劳动合同开始"),
    QT_TRANSLATE_NOOP("columns", "劳动合同结束"),
    QT_TRANSLATE_NOOP("columns", "社保连续缴费月数"),
]
FORM_LABELS = [
    QT_TRANSLATE_NOOP("", "单位名称"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "开户银行"),
    QT_TRANSLATE_NOOP("", "银行账号"),
    QT_TRANSLATE_NOOP("", "经办人"),
    QT_TRANSLATE_NOOP("", "联系电话"),
    QT_TRANSLATE_NOOP("", "名称"),
    QT_TRANSLATE_NOOP("", "联系人"),
    QT_TRANSLATE_NOOP("", "18位,如 91620300MA71XXXXXX"),
    QT_TRANSLATE_NOOP("", "18位统一社会信用代码"),
]
WINDOW_TITLE = QT_TRANSLATE_NOOP("MainWindow", "新型学徒制培训补贴计算")
