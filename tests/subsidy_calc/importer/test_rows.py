"""Row checks of the roster importer: every bad row is listed, every good row is kept."""

from __future__ import annotations

from datetime import date

import pytest

from bench.samples import make_id
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.importer import import_file
from subsidy_calc.importer.xlsxraw import Formula
from subsidy_calc.models import Apprentice, Claim, TrainingClass
from subsidy_calc.rule_loading import load_catalog

from .conftest import WriteBook, class_row, person


def messages(result: object) -> list[str]:
    return [f"{p.row}|{p.column}|{p.message}" for p in result.problems]  # type: ignore[attr-defined]


def test_good_rows_imported_with_counts_from_roster(write_book: WriteBook) -> None:
    path = write_book([class_row()], [person(seq=1), person(name="李四", seq=2, status="退出", cert=None)])
    result = import_file(path)
    assert result.problems == [] and result.warnings == []
    assert [p.name for p in result.roster] == ["张三", "李四"]
    assert result.roster[1].status is Outcome.DROPPED
    assert result.rows_imported == 3 and result.rows_rejected == 0
    assert result.roster_rows == [2, 3]
    claim = result.to_claim("jinchang-2024", Stage.SETTLEMENT, date(2025, 3, 31))
    assert claim.counts_for(claim.classes[0]).certified == 1


def test_bad_check_digit_rejected_good_row_kept(write_book: WriteBook) -> None:
    good = make_id("110101", date(1995, 5, 17), 7)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    result = import_file(write_book([class_row()], [person(id_number=bad), person(id_number=good, name="李四")]))
    assert [p.name for p in result.roster] == ["李四"]
    assert result.rows_rejected == 1
    assert result.problems[0].row == 2 and result.problems[0].column == "身份证号"
    assert "校验位" in result.problems[0].message
    assert result.problems[0].sheet == "学徒花名册"


@pytest.mark.parametrize("bad", ["12345", "11010119950517001", "1101011995051700AX", "110101199502300019"])
def test_malformed_ids(write_book: WriteBook, bad: str) -> None:
    result = import_file(write_book([class_row()], [person(id_number=bad)]))
    assert result.roster == [] and result.rows_rejected == 1
    assert result.problems[0].column == "身份证号"


def test_id_stored_as_number_gets_specific_message(write_book: WriteBook) -> None:
    row = person()
    row[2] = 1.10101199505170e17
    result = import_file(write_book([class_row()], [row]))
    assert "存成了数字" in result.problems[0].message


def test_lower_case_x_normalised(write_book: WriteBook) -> None:
    for seq in range(200):
        candidate = make_id("110101", date(1990, 1, 1), seq)
        if candidate.endswith("X"):
            break
    result = import_file(write_book([class_row()], [person(id_number=candidate.lower())]))
    assert result.roster[0].id_number == candidate


def test_under_age_rejected_default_16(write_book: WriteBook) -> None:
    young = make_id("110101", date(2007, 3, 2), 1)  # 15 on 2023-03-01, 16 the next day
    exactly = make_id("110101", date(2007, 3, 1), 3)
    result = import_file(write_book([class_row()], [person(id_number=young), person(id_number=exactly, name="李四")]))
    assert [p.name for p in result.roster] == ["李四"]
    assert "未满 16 岁" in result.problems[0].message


def test_min_age_from_ruleset(write_book: WriteBook) -> None:
    ruleset = load_catalog().get("jinchang-2024")
    min_age = ruleset.values_on(date(2023, 3, 1))[1].eligibility.min_age  # type: ignore[index]
    ruleset = ruleset.model_copy(deep=True)
    values = ruleset.values_on(date(2023, 3, 1))[1]  # type: ignore[index]
    object.__setattr__(values.eligibility, "min_age", 30)
    born = make_id("110101", date(1995, 5, 17), 1)  # 27 at the start
    result = import_file(write_book([class_row()], [person(id_number=born)]), rules=ruleset)
    assert "未满 30 岁" in result.problems[0].message
    assert min_age == 16


def test_sex_column_disagreeing(write_book: WriteBook) -> None:
    male = make_id("110101", date(1995, 5, 17), 1)  # 17th digit 1 → 男
    headers = ("班级编号", "姓名", "身份证号", "性别", "状态", "证书编号")
    rows = [["C1", "张三", male, "女", "取证", "S1"], ["C1", "李四", make_id("110101", date(1995, 5, 17), 3), "男",
                                                     "在训", None]]
    result = import_file(write_book([class_row()], rows, roster_headers=headers))
    assert [p.name for p in result.roster] == ["李四"]
    assert result.problems[0].column == "性别" and "应为男" in result.problems[0].message


def test_bad_dates_and_reversed_contract(write_book: WriteBook) -> None:
    rows = [person(contract_start="2022-13-45", seq=1), person(contract_start=date(2024, 1, 1),
                                                                contract_end=date(2023, 1, 1), seq=3),
            person(contract_start="2022/1/5", contract_end="2027年12月31日", seq=5)]
    result = import_file(write_book([class_row()], rows))
    assert len(result.roster) == 1 and result.roster[0].contract_start == date(2022, 1, 5)
    assert result.roster[0].contract_end == date(2027, 12, 31)
    texts = messages(result)
    assert any(t.startswith("2|劳动合同开始|") for t in texts)
    assert any(t.startswith("3|劳动合同") for t in texts)


def test_level_names_in_class_sheet(write_book: WriteBook) -> None:
    classes = [class_row("A", level="四级"), class_row("B", level="高级工(三级)"), class_row("C", level="大师")]
    result = import_file(write_book(classes, None))
    assert [c.level.label for c in result.classes] == ["中级工", "高级工"]
    assert result.problems[0].sheet == "培训班" and result.problems[0].column == "培训等级"
    assert result.rows_rejected == 1


def test_status_values(write_book: WriteBook) -> None:
    rows = [person(status="已取证", seq=1), person(status="请假", seq=3), person(status="", cert=None, seq=5)]
    result = import_file(write_book([class_row()], rows))
    assert [p.status for p in result.roster] == [Outcome.CERTIFIED, Outcome.IN_TRAINING]
    assert result.problems[0].column == "状态" and result.problems[0].row == 3


def test_duplicate_id_second_rejected_naming_first(write_book: WriteBook) -> None:
    rows = [person(seq=1), person(name="张三丰", seq=1)]
    result = import_file(write_book([class_row()], rows))
    assert len(result.roster) == 1
    assert result.problems[0].row == 3 and "第 2 行" in result.problems[0].message


def test_same_person_two_overlapping_classes(write_book: WriteBook) -> None:
    classes = [class_row("A"), class_row("B", start=date(2024, 1, 1), end=date(2025, 12, 31)),
               class_row("C", start=date(2025, 3, 1), end=date(2026, 2, 28))]
    rows = [person("A", seq=1), person("B", seq=1), person("C", seq=1)]
    result = import_file(write_book(classes, rows))
    assert [p.class_id for p in result.roster] == ["A", "C"]  # C starts after A ends: allowed
    assert "重叠" in result.problems[0].message and "第 2 行" in result.problems[0].message


def test_contract_checks(write_book: WriteBook) -> None:
    rows = [
        person(seq=1, contract_start=date(2022, 9, 1), contract_end=date(2023, 6, 30)),  # 10 months
        person(seq=3, contract_start=date(2023, 4, 1), contract_end=date(2026, 1, 1)),  # starts after class
        person(seq=5, contract_start=date(2020, 1, 1), contract_end=date(2022, 12, 31)),  # ended before
        person(seq=7, contract_start=date(2022, 3, 1), contract_end=date(2023, 2, 28)),  # exactly 12 months
        person(seq=9, contract_start=date(2022, 1, 1), contract_end="无固定期限"),
    ]
    result = import_file(write_book([class_row(start=date(2023, 2, 1))], rows))
    assert sorted(p.id_number[14:17] for p in result.roster) == ["007", "009"]
    assert [p.row for p in result.problems] == [2, 3, 4]


def test_contract_not_checked_for_students(write_book: WriteBook) -> None:
    rows = [person(seq=1, contract_start=date(2022, 9, 1), contract_end=date(2023, 6, 30))]
    result = import_file(write_book([class_row(kind="学生学徒")], rows))
    assert len(result.roster) == 1


def test_missing_contract_is_a_warning(write_book: WriteBook) -> None:
    result = import_file(write_book([class_row()], [person(contract_start=None, contract_end=None)]))
    assert len(result.roster) == 1 and result.problems == []
    assert "劳动合同" in result.warnings[0].message


def test_certified_without_certificate_warns_and_imports(write_book: WriteBook) -> None:
    result = import_file(write_book([class_row()], [person(cert=None)]))
    assert len(result.roster) == 1 and result.problems == []
    assert result.warnings[0].column == "证书编号" and result.warnings[0].row == 2


def test_unknown_class_rejected_existing_claim_class_accepted(write_book: WriteBook) -> None:
    path = write_book(None, [person("OLD", seq=1), person("NOPE", seq=3)])
    existing = Claim(ruleset_id="jinchang-2024", stage=Stage.SETTLEMENT, classes=[
        TrainingClass(class_id="OLD", occupation="焊工", level="中级工", start_date=date(2023, 3, 1),
                      end_date=date(2025, 2, 28), planned=5, certified=5)])
    result = import_file(path, existing_claim=existing)
    assert [p.class_id for p in result.roster] == ["OLD"]
    assert "NOPE" in result.problems[0].message
    assert result.problems[1].sheet == "当前申请" and "不一致" in result.problems[1].message
    claim = result.to_claim("jinchang-2024", Stage.SETTLEMENT, date(2025, 3, 1), existing=existing)
    assert claim.classes[0].certified == 0  # typed 5 disagreed with the roster (1): the roster counts
    assert claim.counts_for(claim.classes[0]).certified == 1
    assert Claim.model_validate(claim.model_dump()) == claim


def test_existing_roster_overlap_rejected(write_book: WriteBook) -> None:
    same = make_id("110101", date(1995, 5, 17), 1)
    existing = Claim(ruleset_id="jinchang-2024", stage=Stage.SETTLEMENT, classes=[
        TrainingClass(class_id="OLD", occupation="焊工", level="中级工", start_date=date(2023, 1, 1),
                      end_date=date(2024, 12, 31), planned=5)],
        roster=[Apprentice(name="张三", id_number=same, class_id="OLD")])
    result = import_file(write_book([class_row("NEW")], [person("NEW", id_number=same)]), existing_claim=existing)
    assert result.roster == [] and "OLD" in result.problems[0].message


def test_typed_counts_disagreeing_reported_and_zeroed(write_book: WriteBook) -> None:
    classes = [class_row("A", 取证人数=5), class_row("B", 取证人数=1)]
    rows = [person("A", seq=1), person("B", seq=3)]
    result = import_file(write_book(classes, rows))
    assert [(p.sheet, p.row) for p in result.problems] == [("培训班", 2)]
    assert "不一致" in result.problems[0].message
    assert [c.certified for c in result.classes] == [0, 1]
    claim = result.to_claim("jinchang-2024", Stage.SETTLEMENT, date(2025, 3, 1))
    assert Claim.model_validate(claim.model_dump()) == claim


def test_formula_without_cached_value_is_a_problem(write_book: WriteBook) -> None:
    rows = [person(seq=1), person(seq=3), person(seq=5)]
    rows[0][4] = Formula("CONCAT(\"S\",1)")
    rows[1][1] = Formula("\"李\"&\"四\"", cached="李四")
    rows[2][1] = Formula("A1")
    result = import_file(write_book([class_row()], rows))
    assert [p.name for p in result.roster] == ["李四"]
    assert {p.row for p in result.problems} == {2, 4}
    assert all("公式" in p.message for p in result.problems)


def test_blank_rows_and_title_row(write_book: WriteBook, tmp_path: object) -> None:
    from bench.samples import ROSTER_HEADERS
    from subsidy_calc.importer.xlsxraw import write_raw_xlsx

    path = tmp_path / "titled.xlsx"  # type: ignore[operator]
    write_raw_xlsx(path, [("培训班", []),
                          ("学徒花名册", [["某公司学徒花名册"], list(ROSTER_HEADERS), person(), [], [None, ""],
                                         person(seq=3)])])
    result = import_file(path, existing_claim=Claim(ruleset_id="x", stage=Stage.ADVANCE, classes=[
        TrainingClass(class_id="C1", occupation="电工", level="中级工", start_date=date(2023, 3, 1),
                      end_date=date(2025, 2, 28), planned=2)]))
    assert result.roster_rows == [3, 6]
    assert result.skipped["空行"] == 2


def test_rows_of_a_rejected_class_say_why(write_book: WriteBook) -> None:
    result = import_file(write_book([class_row("A", level="大师"), class_row("B")], [person("A"), person("B", seq=3)]))
    assert [p.class_id for p in result.roster] == ["B"]
    assert [(p.sheet, p.row) for p in result.problems] == [("培训班", 2), ("学徒花名册", 2)]
    assert "有问题未导入" in result.problems[1].message


def test_merged_class_cells_fill_down(tmp_path: object) -> None:
    import xlsxwriter

    from bench.samples import ROSTER_HEADERS
    from subsidy_calc.classes_csv import CLASS_HEADERS

    path = tmp_path / "merged.xlsx"  # type: ignore[operator]
    book = xlsxwriter.Workbook(str(path))
    classes = book.add_worksheet("培训班")
    classes.write_row(0, 0, list(CLASS_HEADERS))
    classes.write_row(1, 0, ["C1", "电工", "高级工", "职工学徒", "2023-03-01", "2025-02-28", 3])
    roster = book.add_worksheet("学徒花名册")
    roster.write_row(0, 0, list(ROSTER_HEADERS))
    roster.merge_range(1, 0, 3, 0, "C1")
    for r, seq in ((1, 1), (2, 3), (3, 5)):
        roster.write_row(r, 1, ["张三", make_id("110101", date(1995, 5, 17), seq), "在训"])
    book.close()
    result = import_file(path)
    assert [p.class_id for p in result.roster] == ["C1", "C1", "C1"] and result.problems == []
    assert any("合并单元格 A2:A4" in w.message for w in result.warnings)
