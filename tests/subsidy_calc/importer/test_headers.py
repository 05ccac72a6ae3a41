"""Header aliases, unknown headers (HeaderMappingNeeded) and the explicit mapping."""

from __future__ import annotations

import pytest

from subsidy_calc.importer import HeaderMappingNeeded, import_file
from subsidy_calc.importer.headers import guess_kind, match_headers, resolve_headers

from .conftest import WriteBook, class_row, person


@pytest.mark.parametrize("header", ["身份证号码", "公民身份号码", "证件号码", "身份证", "ID number", "身份证号*",
                                    " 身份证号 ", "id_number"])
def test_id_aliases(header: str) -> None:
    assert match_headers(["班级", header, "名字"], "roster") == {0: "class_id", 1: "id_number", 2: "name"}


@pytest.mark.parametrize(("header", "field"), [("培训状态", "status"), ("证书号", "certificate_no"),
                                               ("合同开始日期", "contract_start"), ("合同结束日期", "contract_end"),
                                               ("班号", "class_id"), ("Name", "name"), ("劳动合同结束(日期)", None)])
def test_other_aliases(header: str, field: str | None) -> None:
    assert match_headers([header], "roster").get(0) == field


def test_class_aliases() -> None:
    found = match_headers(["班级编号", "工种", "等级", "开始日期", "结束日期", "人数"], "classes")
    assert sorted(found.values()) == sorted(["class_id", "occupation", "level", "start_date", "end_date", "planned"])


def test_guess_kind() -> None:
    assert guess_kind(["姓名", "身份证号码"]) == "roster"
    assert guess_kind(["班级编号", "培训职业", "开班日期"]) == "classes"
    assert guess_kind(["甲", "乙"]) is None


def test_missing_required_raises_with_found_headers() -> None:
    with pytest.raises(HeaderMappingNeeded) as caught:
        resolve_headers(["班级编号", "学员", "号码"], "roster", "花名册")
    error = caught.value
    assert error.found_headers == ["班级编号", "学员", "号码"]
    assert [f.header for f in error.missing_fields] == ["姓名", "身份证号"]
    assert error.required_fields == ["班级编号", "姓名", "身份证号"]
    assert "缺少必填列" in str(error) and "学员" in str(error)


def test_explicit_mapping_by_field_or_header() -> None:
    mapping = resolve_headers(["班级编号", "学员", "号码"], "roster", "", {"学员": "name", "号码": "身份证号"})
    assert mapping == {0: "class_id", 1: "name", 2: "id_number"}


def test_explicit_mapping_overrides_alias() -> None:
    mapping = resolve_headers(["班级", "姓名", "身份证", "备用号码"], "roster", "", {"备用号码": "id_number"})
    assert mapping[3] == "id_number" and 2 not in mapping


def test_import_with_unknown_headers_then_mapping(write_book: WriteBook) -> None:
    path = write_book([class_row()], [person()], roster_headers=("班", "学员", "号码", "状态", "证书编号",
                                                                 "劳动合同开始", "劳动合同结束"))
    with pytest.raises(HeaderMappingNeeded) as caught:
        import_file(path)
    assert caught.value.sheet == "学徒花名册" and caught.value.kind == "roster"
    result = import_file(path, mapping={"班": "class_id", "学员": "name", "号码": "id_number"})
    assert len(result.roster) == 1 and result.problems == []


def test_first_sheet_used_when_names_differ(write_book: WriteBook) -> None:
    path = write_book(None, [person()], roster_sheet="Sheet1")
    result = import_file(path)
    assert result.sheets == ["Sheet1"]
    assert "不存在" in result.problems[0].message


def test_unnamed_roster_sheet_next_to_classes_sheet(tmp_path: object) -> None:
    from bench.samples import ROSTER_HEADERS
    from subsidy_calc.classes_csv import CLASS_HEADERS
    from subsidy_calc.importer.xlsxraw import write_raw_xlsx

    path = tmp_path / "two.xlsx"  # type: ignore[operator]
    write_raw_xlsx(path, [("说明", [["请按模板填写"]]), ("培训班", [list(CLASS_HEADERS), class_row()]),
                          ("Sheet1", [list(ROSTER_HEADERS), person()])])
    result = import_file(path)
    assert result.sheets == ["培训班", "Sheet1"]
    assert len(result.classes) == 1 and len(result.roster) == 1 and result.problems == []


def test_specific_alias_beats_generic_id_column() -> None:
    found = match_headers(["ID", "姓名", "班级", "公民身份号码"], "roster")
    assert found == {1: "name", 2: "class_id", 3: "id_number"}
    assert match_headers(["ID", "姓名"], "roster") == {0: "id_number", 1: "name"}
    assert match_headers(["身份证号", "身份证号码"], "roster") == {0: "id_number"}
