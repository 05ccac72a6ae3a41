"""Column enums of the classes and roster tables: header, model field, editor kind (no bare numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum


class Editor(Enum):
    """Which editor a cell gets and how its text is converted before the model validates it."""

    TEXT = "text"
    DATE = "date"
    LEVEL = "level"
    APPRENTICE_TYPE = "apprentice_type"
    STATUS = "status"
    COUNT = "count"
    MONEY = "money"
    YES_NO = "yes_no"
    ID_NUMBER = "id_number"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    header: str
    field: str
    editor: Editor
    width: int = 90


class ClassColumn(IntEnum):
    """Columns of the classes table, in the order of the CLI's classes CSV headers."""

    CLASS_ID = 0
    OCCUPATION = 1
    LEVEL = 2
    APPRENTICE_TYPE = 3
    START_DATE = 4
    END_DATE = 5
    PLANNED = 6
    CERTIFIED = 7
    COMPLETED_NO_CERT = 8
    DROPPED = 9
    COST_PER_PERSON = 10
    SHORTAGE = 11
    ADVANCE_PAID = 12
    IN_TRAINING = 13

    @property
    def spec(self) -> ColumnSpec:
        return CLASS_SPECS[self]


CLASS_SPECS: dict[ClassColumn, ColumnSpec] = {
    ClassColumn.CLASS_ID: ColumnSpec("班级编号", "class_id", Editor.TEXT, 85),
    ClassColumn.OCCUPATION: ColumnSpec("培训职业", "occupation", Editor.TEXT, 70),
    ClassColumn.LEVEL: ColumnSpec("培训等级", "level", Editor.LEVEL, 68),
    ClassColumn.APPRENTICE_TYPE: ColumnSpec("学徒类型", "apprentice_type", Editor.APPRENTICE_TYPE, 70),
    ClassColumn.START_DATE: ColumnSpec("开班日期", "start_date", Editor.DATE, 86),
    ClassColumn.END_DATE: ColumnSpec("结业日期", "end_date", Editor.DATE, 86),
    ClassColumn.PLANNED: ColumnSpec("计划人数", "planned", Editor.COUNT, 62),
    ClassColumn.CERTIFIED: ColumnSpec("取证人数", "certified", Editor.COUNT, 62),
    ClassColumn.COMPLETED_NO_CERT: ColumnSpec("结业未取证人数", "completed_no_cert", Editor.COUNT, 96),
    ClassColumn.DROPPED: ColumnSpec("退出人数", "dropped", Editor.COUNT, 62),
    ClassColumn.COST_PER_PERSON: ColumnSpec("人均培训费用", "cost_per_person", Editor.MONEY, 86),
    ClassColumn.SHORTAGE: ColumnSpec("紧缺职业", "shortage", Editor.YES_NO, 62),
    ClassColumn.ADVANCE_PAID: ColumnSpec("已预支金额", "advance_paid", Editor.MONEY, 80),
    ClassColumn.IN_TRAINING: ColumnSpec("在训人数", "in_training", Editor.COUNT, 62),
}


class RosterColumn(IntEnum):
    """Columns of the roster (学徒名册) table."""

    NAME = 0
    ID_NUMBER = 1
    CLASS_ID = 2
    STATUS = 3
    CERTIFICATE_NO = 4
    CONTRACT_START = 5
    CONTRACT_END = 6

    @property
    def spec(self) -> ColumnSpec:
        return ROSTER_SPECS[self]


ROSTER_SPECS: dict[RosterColumn, ColumnSpec] = {
    RosterColumn.NAME: ColumnSpec("姓名", "name", Editor.TEXT, 80),
    RosterColumn.ID_NUMBER: ColumnSpec("身份证号", "id_number", Editor.ID_NUMBER, 160),
    RosterColumn.CLASS_ID: ColumnSpec("班级编号", "class_id", Editor.TEXT, 85),
    RosterColumn.STATUS: ColumnSpec("状态", "status", Editor.STATUS, 90),
    RosterColumn.CERTIFICATE_NO: ColumnSpec("证书编号", "certificate_no", Editor.TEXT, 130),
    RosterColumn.CONTRACT_START: ColumnSpec("劳动合同开始", "contract_start", Editor.DATE, 100),
    RosterColumn.CONTRACT_END: ColumnSpec("劳动合同结束", "contract_end", Editor.DATE, 100),
}
