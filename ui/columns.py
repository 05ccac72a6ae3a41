"""Column enums of the classes and roster tables: header, model field, editor kind (no bare numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

from subsidy_calc.classes_csv import CLASS_COLUMNS


class Editor(Enum):
    """Which editor a cell gets and how its text is converted before the model validates it."""

    TEXT = "text"
    DATE = "date"
    LEVEL = "level"
    APPRENTICE_TYPE = "apprentice_type"
    STATUS = "status"
    COUNT = "count"
    MONEY = "money"
    HOURS = "hours"
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
    CLASSROOM_HOURS = 14
    PRACTICE_HOURS = 15
    MONTHLY_ALLOWANCE = 16

    @property
    def spec(self) -> ColumnSpec:
        return CLASS_SPECS[self]


# Header and field of each column come from the classes input definition (classes_csv.CLASS_COLUMNS), so the
# table's headers are the CLI's CSV headers by construction; only the editor and the width are the window's.
_CLASS_EDITORS: dict[str, tuple[Editor, int]] = {
    "class_id": (Editor.TEXT, 85),
    "occupation": (Editor.TEXT, 70),
    "level": (Editor.LEVEL, 68),
    "apprentice_type": (Editor.APPRENTICE_TYPE, 70),
    "start_date": (Editor.DATE, 86),
    "end_date": (Editor.DATE, 86),
    "planned": (Editor.COUNT, 62),
    "certified": (Editor.COUNT, 80),  # wide enough for "14 据名册"
    "completed_no_cert": (Editor.COUNT, 96),
    "dropped": (Editor.COUNT, 80),
    "cost_per_person": (Editor.MONEY, 86),
    "shortage": (Editor.YES_NO, 62),
    "advance_paid": (Editor.MONEY, 80),
    "in_training": (Editor.COUNT, 80),
    "classroom_hours": (Editor.HOURS, 80),
    "practice_hours": (Editor.HOURS, 80),
    "monthly_allowance": (Editor.MONEY, 90),
}
CLASS_SPECS: dict[ClassColumn, ColumnSpec] = {
    column: ColumnSpec(source.header, source.field, *_CLASS_EDITORS[source.field])
    for column, source in zip(ClassColumn, CLASS_COLUMNS, strict=True)
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
    SOCIAL_INSURANCE_MONTHS = 7

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
    # read by the model (a whole number of months), so an edited row keeps what the import brought in
    RosterColumn.SOCIAL_INSURANCE_MONTHS: ColumnSpec("社保连续缴费月数", "social_insurance_months", Editor.TEXT, 110),
}
