"""Generated roster workbooks for tests and benchmarks: valid IDs with correct check digits, chosen bad rows."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.identity import id_check_digit
from subsidy_calc.importer.xlsxraw import write_raw_xlsx

ROSTER_HEADERS = ("班级编号", "姓名", "身份证号", "状态", "证书编号", "劳动合同开始", "劳动合同结束")
# Region codes stdnum knows for every birth year the generator uses (1990-2005).
REGIONS = ("620302", "620321", "620102", "110101", "320602", "440305", "330381", "620300")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"
_LEVELS = ("中级工", "高级工", "技师", "高级技师")
_BAD_KINDS = ("check_digit", "unknown_class", "bad_date", "bad_status", "duplicate", "too_young", "no_name")


def make_id(region: str, birth: date, sequence: int) -> str:
    body = f"{region}{birth:%Y%m%d}{sequence % 1000:03d}"
    return body + id_check_digit(body)


@dataclass(frozen=True)
class SampleInfo:
    """What a generated workbook holds: valid apprentices, bad rows (and their row numbers), classes."""

    path: Path
    apprentices: int
    bad_rows: int
    classes: int
    bad_row_numbers: tuple[int, ...]


def _bad_row(k: int, class_ids: list[str], people: list[list[object]]) -> list[object]:
    """Roster row number `k` of the bad ones: a valid-looking row with exactly one problem of kind k mod 7."""
    kind = _BAD_KINDS[k % len(_BAD_KINDS)]
    birth = date(1990, 1, 1) + timedelta(days=k % 5000)
    row: list[object] = [class_ids[k % len(class_ids)], f"问题{k}", make_id("620302", birth, 500 + k % 400),
                         "在训", None, date(2022, 1, 1), date(2027, 12, 31)]
    if kind == "check_digit":
        good = str(row[2])
        row[2] = good[:17] + ("0" if good[17] != "0" else "1")
    elif kind == "unknown_class":
        row[0] = "不存在的班"
    elif kind == "bad_date":
        row[5] = "2022-13-45"
    elif kind == "bad_status":
        row[3] = "请假"
    elif kind == "duplicate" and people:
        row[0], row[2] = people[k % len(people)][0], people[k % len(people)][2]
    elif kind == "duplicate":
        row[2] = "123"
    elif kind == "too_young":
        row[2] = make_id("620302", date(2010, 6, 1), k)
    else:
        row[1] = None
    return row


_EXCEL_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()


def _as_serials(rows: list[list[object]]) -> list[list[object]]:
    """Every date cell as its Excel serial number (an int, written without a date format)."""
    return [[v.toordinal() - _EXCEL_EPOCH_ORDINAL if type(v) is date else v for v in row] for row in rows]


def make_roster_workbook(path: Path, n_apprentices: int, n_classes: int = 10, bad_rows: int = 0,
                         seed: int = 0, shared_strings: bool = True, serial_dates: bool = False) -> SampleInfo:
    """An xlsx with sheets 培训班 and 学徒花名册: `n_apprentices` valid rows plus `bad_rows` rows that each
    carry one problem (bad check digit, unknown class, bad date, bad status, duplicate ID, under 16, no name).
    Classes run 2023-03-01 … 2025-02-28 with typed counts left empty (the roster gives them).

    By default text goes to a shared-string table and dates are date cells, as Excel writes them. Other
    writers (WPS exports, report generators) use inline strings (`shared_strings=False`) and plain numbers for
    dates (`serial_dates=True`: Excel serials without a date format, which a reader sees as numbers)."""
    rng = random.Random(seed)
    class_ids = [f"JC2023-{n + 1:03d}" for n in range(max(n_classes, 1))]
    start, end = date(2023, 3, 1), date(2025, 2, 28)
    per_class = -(-n_apprentices // len(class_ids)) if n_apprentices else 1
    header = list(CLASS_HEADERS)
    class_rows: list[list[object]] = [list(header)]
    for n, class_id in enumerate(class_ids):
        row: dict[str, object] = {
            "班级编号": class_id, "培训职业": f"职业{n + 1}", "培训等级": _LEVELS[n % len(_LEVELS)],
            "学徒类型": "职工学徒", "开班日期": start, "结业日期": end, "计划人数": per_class,
        }
        class_rows.append([row.get(h) for h in header])
    used: set[str] = set()
    people: list[list[object]] = []
    for i in range(n_apprentices):
        while True:
            birth = date(1990, 1, 1) + timedelta(days=rng.randrange(0, 16 * 365))
            id_number = make_id(REGIONS[rng.randrange(len(REGIONS))], birth, rng.randrange(1000))
            if id_number not in used:
                used.add(id_number)
                break
        roll = rng.random()
        status = "取证" if roll < 0.7 else "结业未取证" if roll < 0.85 else "退出" if roll < 0.95 else "在训"
        certificate = f"S{2025000000 + i}" if status == "取证" else None
        contract_start = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 420))
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.6 else "")
        people.append([class_ids[i % len(class_ids)], name, id_number, status, certificate, contract_start,
                       date(2027, 12, 31)])
    for k in range(bad_rows):
        people.insert(rng.randrange(len(people) + 1), _bad_row(k, class_ids, people))
    roster_rows: list[list[object]] = [list(ROSTER_HEADERS), *people]
    bad_set = {id(r) for r in people if str(r[1] or "").startswith("问题") or r[1] is None}
    bad_numbers = [n for n, r in enumerate(roster_rows, 1) if id(r) in bad_set]
    if serial_dates:
        class_rows, roster_rows = _as_serials(class_rows), _as_serials(roster_rows)
    write_raw_xlsx(Path(path), [("培训班", class_rows), ("学徒花名册", roster_rows)], shared_strings=shared_strings)
    return SampleInfo(Path(path), n_apprentices, bad_rows, len(class_ids), tuple(bad_numbers))
