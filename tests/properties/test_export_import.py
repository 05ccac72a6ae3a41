"""Importing an export: the xlsx the app exports, read back by the roster importer, is the same claim.

What survives today: classes (id, occupation, level, type, dates, headcounts) and the roster (class, name,
ID number, status, certificate number). What does not, recorded as strict xfails so they flip to errors the
day they are fixed: the 合计 (totals) row of the exported 培训班 sheet comes back as a bad class row, the
advance already received and the shortage flag are lost (so the money differs), and the classes CSV export
is refused outright by the CSV reader.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from subsidy_calc.engine import calculate
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.export.csv_export import classes_csv_bytes
from subsidy_calc.export.summary import build_summary
from subsidy_calc.export.xlsx import workbook_bytes
from subsidy_calc.importer import ImportResult, import_file
from subsidy_calc.models import Claim
from subsidy_calc.periods import add_months

from .strategies import CATALOG, claims

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLASS_FIELDS = ("class_id", "occupation", "level", "apprentice_type", "start_date", "end_date", "planned")


def _reimport(claim: Claim) -> ImportResult:
    ruleset = CATALOG.get(claim.ruleset_id)
    result = calculate(claim, ruleset)
    data = workbook_bytes(build_summary(claim, result, ruleset, full_ids=True), result)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "导出.xlsx"
        path.write_bytes(data)
        return import_file(path, rules=ruleset)


def _adults(claim: Claim) -> bool:
    """The importer (rightly) rejects people under 16 at the class start; keep to importable claims."""
    starts = {c.class_id: c.start_date for c in claim.classes}
    return all(p.birth_date <= add_months(starts[p.class_id], -16 * 12) for p in claim.roster)


@SETTINGS
@given(claims(stages=(Stage.SETTLEMENT,)))
def test_exported_workbook_reimports_classes_and_roster(claim: Claim) -> None:
    assume(_adults(claim))
    imported = _reimport(claim)
    totals_row = len(claim.classes) + 2  # header on row 1; see the xfail below
    assert [str(p) for p in imported.problems if p.row != totals_row or p.sheet != "培训班"] == []
    assert [tuple(getattr(c, f) for f in CLASS_FIELDS) for c in imported.classes] == [
        tuple(getattr(c, f) for f in CLASS_FIELDS) for c in claim.classes]
    for before, after in zip(claim.classes, imported.classes, strict=True):
        assert claim.counts_for(before) == after.typed_counts or not after.typed_counts.total
    people = [(p.class_id, p.name, p.id_number, p.status) for p in claim.roster]
    assert [(p.class_id, p.name, p.id_number, p.status) for p in imported.roster] == people
    for before, after in zip(claim.roster, imported.roster, strict=True):
        assert after.certificate_no == before.certificate_no or not before.certificate_no  # see the xfail below


@pytest.mark.xfail(strict=True, reason="an empty 证书编号 is exported as “—” and read back as the certificate "
                   "number “—”: a certified apprentice without a number then no longer raises the engine's "
                   "“状态为取证,但未填写证书编号” warning")
def test_missing_certificate_number_survives_the_round_trip() -> None:
    from ..subsidy_calc.factories import make_claim, make_class, make_roster

    people = [p.model_copy(update={"certificate_no": ""}) for p in make_roster("A01", [Outcome.CERTIFIED])]
    claim = make_claim([make_class("A01", planned=1)], Stage.SETTLEMENT, roster=people)
    assert [p.certificate_no for p in _reimport(claim).roster] == [""]


@pytest.mark.xfail(strict=True, reason="the exported 培训班 sheet ends with a 合计 row, which the importer reads "
                   "as a class with 培训职业, 培训等级, 开班日期, 结业日期 and 计划人数 missing")
def test_exported_workbook_reimports_without_problems() -> None:
    from ..faults.helpers import small_claim

    claim = small_claim().model_copy(update={"stage": Stage.SETTLEMENT})
    assert [str(p) for p in _reimport(claim).problems] == []


@pytest.mark.xfail(strict=True, reason="the exported 培训班 sheet names the advance 已预支(元), which the importer "
                   "does not read as 已预支金额 (the advance becomes the rule set's assumed one), and it has no "
                   "紧缺职业 column (the shortage uplift is lost)")
@SETTINGS
@given(claims(stages=(Stage.SETTLEMENT,)))
def test_exported_workbook_reimports_to_the_same_money(claim: Claim) -> None:
    assume(_adults(claim))
    imported = _reimport(claim)
    again = claim.model_copy(update={"classes": imported.classes, "roster": imported.roster})
    ruleset = CATALOG.get(claim.ruleset_id)
    first, second = calculate(claim, ruleset), calculate(again, ruleset)
    assert [(c.gross, c.advance_paid, c.payable) for c in second.classes] == [
        (c.gross, c.advance_paid, c.payable) for c in first.classes]


@pytest.mark.xfail(strict=True, reason="the classes CSV export adds computed columns (计入月数, 应得(元), …) and a "
                   "合计 row; the classes CSV reader refuses unknown columns, so an exported CSV cannot be read back")
def test_classes_csv_export_is_read_back_by_calc(tmp_path: Path) -> None:
    from subsidy_calc.classes_csv import read_classes_csv

    from ..faults.helpers import small_claim

    claim = small_claim()
    result = calculate(claim, CATALOG.get(claim.ruleset_id))
    path = tmp_path / "培训班.csv"
    path.write_bytes(classes_csv_bytes(result))
    assert read_classes_csv(path) == claim.classes
