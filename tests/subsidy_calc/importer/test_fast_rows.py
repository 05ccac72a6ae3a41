"""The roster reader's inline fast path gives exactly what the full per-row path gives (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.samples import ROSTER_HEADERS, make_id
from subsidy_calc.importer.roster import RosterReader
from subsidy_calc.models import TrainingClass

CLASSES = {
    "A": TrainingClass(class_id="A", occupation="电工", level="中级工", start_date=date(2023, 3, 1),
                       end_date=date(2025, 2, 28), planned=10),
    "B": TrainingClass(class_id="B", occupation="电工", level="高级工", start_date=date(2024, 2, 29),
                       end_date=date(2025, 12, 31), planned=10),
    "S": TrainingClass(class_id="S", occupation="电工", level="中级工", apprentice_type="学生学徒",
                       start_date=date(2023, 3, 1), end_date=date(2024, 2, 28), planned=10),
}
HEADERS = [*ROSTER_HEADERS, "性别"]
COLUMNS = dict(enumerate(["class_id", "name", "id_number", "status", "certificate_no", "contract_start",
                          "contract_end", "sex"]))

THRESHOLDS = (date(2007, 3, 1), date(2008, 2, 29), date(2008, 3, 1))  # 16th birthdays at the class starts
births = st.one_of(st.builds(lambda day, shift: day + timedelta(days=shift), st.sampled_from(THRESHOLDS),
                             st.integers(-2, 2)),
                   st.dates(date(1990, 1, 1), date(1991, 1, 1)))


@st.composite
def contract(draw: st.DrawFn, class_start: date) -> tuple[object, object]:
    """Contract periods around the class start and around 12 whole months, plus odd cells."""
    odd = st.sampled_from([None, "", "无固定期限", "2022-01-01"])
    if draw(st.integers(0, 4)) == 0:
        return draw(odd), draw(odd)
    start = class_start - timedelta(days=draw(st.one_of(st.integers(-2, 2), st.integers(-3, 500))))
    if draw(st.integers(0, 5)) == 0:
        return start, draw(odd)
    if draw(st.integers(0, 3)) == 0:
        return start, class_start + timedelta(days=draw(st.integers(-2, 2)))
    end = start + timedelta(days=draw(st.one_of(st.integers(330, 400), st.integers(-3, 1500))))
    return start, end


@st.composite
def roster_row(draw: st.DrawFn) -> list[object]:
    id_number = make_id(draw(st.sampled_from(["110101", "620302"])), draw(births), draw(st.integers(0, 5)))
    if draw(st.integers(0, 9)) == 0:
        id_number = id_number.lower() if id_number.endswith("X") else id_number[:17] + "0"
    class_id = draw(st.sampled_from(["A", "B", "S", "Z", " A"]))
    start, end = draw(contract(CLASSES[class_id.strip()].start_date if class_id.strip() in CLASSES
                               else date(2023, 3, 1)))
    return [class_id, draw(st.sampled_from(["张三", "李四", " 王五", ""])),
            id_number, draw(st.sampled_from(["在训", "取证", "结业未取证", "退出", "", "已取证", None])),
            draw(st.sampled_from(["S1", "", None, " S2"])), start, end,
            draw(st.sampled_from([None, "", "男", "女", "M", 1.0]))]


def outcome(rows: list[list[object]], fast: bool, with_sex: bool) -> tuple[object, ...]:
    columns = COLUMNS if with_sex else {k: v for k, v in COLUMNS.items() if v != "sex"}
    reader = RosterReader("学徒花名册", HEADERS, columns, CLASSES, None)
    table: list[list[object]] = [list(HEADERS), *rows]
    if fast:
        result = reader.read(table, 1)
    else:
        reader._class_limits()
        for index in range(1, len(table)):
            reader.row(index + 1, table[index])
        result = reader.out
    return (result.roster, result.rows, result.problems, result.warnings, result.rejected, result.blank)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(roster_row(), max_size=12), st.booleans())
def test_fast_rows_equal_full_rows(rows: list[list[object]], with_sex: bool) -> None:
    assert outcome(rows, True, with_sex) == outcome(rows, False, with_sex)


def test_fast_rows_keep_ordinary_rows() -> None:
    rows: list[list[object]] = [["A", "张三", make_id("110101", date(1990, 5, 1), 1), "取证", "S1", date(2022, 1, 1),
                                 date(2027, 1, 1), "男"]]
    assert len(outcome(rows, True, True)[0]) == 1  # type: ignore[arg-type]


def boundary_rows() -> list[list[object]]:
    """Every edge the inline checks decide: 16th birthday, contract start/end at the class start, 12 months."""
    rows: list[list[object]] = []
    seq = iter(range(0, 10_000))
    for class_id in ("A", "B"):
        class_start = CLASSES[class_id].start_date
        for birth in THRESHOLDS:
            for shift in (-1, 0, 1):
                rows.append([class_id, "张三", make_id("110101", birth + timedelta(days=shift), next(seq) % 1000),
                             "在训", None, date(2021, 1, 1), date(2030, 1, 1), None])
        for start_shift in (-1, 0, 1):
            rows.append([class_id, "孙七", make_id("110101", date(1990, 1, 1), next(seq) % 1000), "在训", None,
                         class_start + timedelta(days=start_shift), date(2030, 1, 1), None])
            for end_shift in (-1, 0, 1):
                start = class_start + timedelta(days=start_shift) - timedelta(days=400)
                rows.append([class_id, "李四", make_id("110101", date(1990, 1, 1), next(seq) % 1000), "在训", None,
                             class_start + timedelta(days=start_shift), class_start + timedelta(days=end_shift),
                             None])
                for end in (date(start.year + 1, start.month, 1) - timedelta(days=1),
                            class_start + timedelta(days=end_shift)):
                    rows.append([class_id, "王五", make_id("110101", date(1991, 1, 1), next(seq) % 1000), "在训",
                                 None, start, end, None])
        for months_end_shift in (-2, -1, 0, 1):
            start = date(2022, 3, 31)  # 12 whole months end on 2023-03-30 (month-end clamping)
            rows.append([class_id, "赵六", make_id("110101", date(1992, 1, 1), next(seq) % 1000), "在训", None, start,
                         date(2023, 3, 30) + timedelta(days=months_end_shift), None])
    return rows


def test_boundaries_fast_equals_full() -> None:
    rows = boundary_rows()
    fast = outcome(rows, True, False)
    assert fast == outcome(rows, False, False)
    assert 0 < len(fast[0]) < len(rows)  # type: ignore[arg-type]
