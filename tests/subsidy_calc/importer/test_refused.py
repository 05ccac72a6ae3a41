"""Refused roster rows and what each would have earned at settlement: the engine's own figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from bench.samples import ROSTER_HEADERS, make_id
from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.engine import calculate
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.importer.workbook import import_file
from subsidy_calc.importer.xlsxraw import write_raw_xlsx
from subsidy_calc.rule_loading import load_catalog


def _workbook(path: Path) -> Path:
    classes: list[list[object]] = [list(CLASS_HEADERS)]
    row: dict[str, object] = dict.fromkeys(CLASS_HEADERS, "")
    row.update({"班级编号": "C1", "培训职业": "焊工", "培训等级": "中级工", "开班日期": date(2023, 3, 1),
                "结业日期": date(2025, 2, 28), "计划人数": 4})
    classes.append([row[h] for h in CLASS_HEADERS])
    good = make_id("110101", date(1995, 5, 17), 1)
    bad = make_id("110101", date(1996, 6, 18), 3)[:17] + "X"
    people: list[list[object]] = [list(ROSTER_HEADERS)]
    rows = (("张三", good, "取证", "Z1"), ("李四", bad, "取证", "L1"), ("王五", bad[:-1] + "0", "结业未取证", None),
            ("钱七", "12", "", None))
    for name, id_number, status, certificate in rows:
        people.append(["C1", name, id_number, status, certificate, date(2022, 1, 1), date(2027, 12, 31)])
    people.append(["不存在", "赵六", good, "取证", "Z6", date(2022, 1, 1), date(2027, 12, 31)])
    write_raw_xlsx(path, [("培训班", classes), ("学徒花名册", people)])
    return path


def test_each_refused_person_of_a_known_class_is_valued_by_the_engine(tmp_path: Path) -> None:
    ruleset = load_catalog().get("jinchang-2024")
    result = import_file(_workbook(tmp_path / "r.xlsx"), rules=ruleset)
    assert [p.name for p in result.refused] == ["李四", "王五", "钱七", "赵六"]
    worth = {w.person.name: (w.outcome, w.amount) for w in result.refused_worth}
    assert set(worth) == {"李四", "王五", "钱七"}  # 赵六's class is unknown: nothing to say
    assert worth["王五"] == (Outcome.COMPLETED_NO_CERT, Decimal("0.00"))
    assert worth["钱七"][0] is Outcome.IN_TRAINING  # no status: counted as 在训, as the roster does
    # 李四 would have been one more certified person of C1: exactly what the engine adds for one.
    claim = result.to_claim("jinchang-2024", Stage.SETTLEMENT, date(2025, 3, 10))
    with_one_more = claim.model_copy(update={"roster": [*claim.roster, claim.roster[0].model_copy(
        update={"id_number": make_id("110101", date(1990, 1, 1), 7), "name": "李四"})]})
    gained = calculate(with_one_more, ruleset).gross - calculate(claim, ruleset).gross
    assert worth["李四"] == (Outcome.CERTIFIED, gained) and gained == Decimal("8000.00")


def test_without_a_rule_set_nothing_is_valued(tmp_path: Path) -> None:
    result = import_file(_workbook(tmp_path / "r.xlsx"))
    assert len(result.refused) == 4 and result.refused_worth == []
