"""A rule set's validity as people see it: the window, `main.py rules` and the printed claim say the same."""

from __future__ import annotations

from datetime import date

import pytest

from subsidy_calc.cli import main
from subsidy_calc.exit_status import ExitStatus
from subsidy_calc.rule_loading import RULES_DIR, load_catalog
from subsidy_calc.rule_schema import RuleSet
from subsidy_calc.rule_validity import Validity, expiry_warning, validity_on, validity_period, validity_text

CATALOG = load_catalog()
GUANGDONG = CATALOG.get("guangdong-2023")  # 2023-08-15 至 2025-12-31
ZHEJIANG = CATALOG.get("zhejiang-2019")  # 2019-08-15 起
NANTONG = CATALOG.get("nantong-2019")  # no window known


@pytest.mark.parametrize(
    ("ruleset", "day", "state", "text"),
    [
        (GUANGDONG, date(2023, 8, 14), Validity.NOT_YET, "2023-08-15 至 2025-12-31(尚未生效)"),
        (GUANGDONG, date(2023, 8, 15), Validity.IN_FORCE, "2023-08-15 至 2025-12-31(有效)"),
        (GUANGDONG, date(2025, 12, 31), Validity.IN_FORCE, "2023-08-15 至 2025-12-31(有效)"),
        (GUANGDONG, date(2026, 1, 1), Validity.EXPIRED, "2023-08-15 至 2025-12-31(已于 2025-12-31 到期)"),
        (ZHEJIANG, date(2019, 8, 14), Validity.NOT_YET, "2019-08-15 起,未注明截止日期(尚未生效)"),
        (ZHEJIANG, date(2030, 1, 1), Validity.UNSTATED, "2019-08-15 起,未注明截止日期"),
        (NANTONG, date(2030, 1, 1), Validity.UNSTATED, "未注明"),
    ],
)
def test_validity_on_a_day(ruleset: RuleSet, day: date, state: Validity, text: str) -> None:
    assert validity_on(ruleset, day) is state
    assert validity_text(ruleset, day) == text


def test_an_end_date_alone_is_shown_too() -> None:
    only_end = GUANGDONG.model_copy(update={"valid_from": None})
    assert validity_period(only_end) == "至 2025-12-31"


def test_the_expiry_warning_names_the_date_and_what_still_counts() -> None:
    assert expiry_warning(GUANGDONG, date(2025, 12, 31)) == ""
    warning = expiry_warning(GUANGDONG, date(2026, 3, 1))
    assert "2025-12-31 到期" in warning and "此前开班的仍按本规则集计算" in warning
    assert expiry_warning(NANTONG, date(2030, 1, 1)) == ""


def test_rules_lists_every_sets_validity_and_marks_the_expired(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--on", "2026-01-01"]) == ExitStatus.OK
    out = capsys.readouterr().out
    blocks = {block.split("\t", 1)[0]: block for block in ("\n" + out).split("\n") if block and block[0] != "\t"}
    assert set(blocks) == set(CATALOG.rulesets)
    assert "[已过期]" in blocks["guangdong-2023"] and "[已过期]" not in blocks["zhejiang-2019"]
    assert "有效期:2023-08-15 至 2025-12-31(已于 2025-12-31 到期)" in out
    assert out.count("有效期:") == len(CATALOG.rulesets)


def test_rules_on_a_day_inside_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--on", "2024年3月1日"]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert "有效期:2023-08-15 至 2025-12-31(有效)" in out and "[已过期]" not in out


def test_rules_check_shows_the_validity(capsys: pytest.CaptureFixture[str]) -> None:
    path = RULES_DIR / "guangdong-2023.toml"
    assert main(["rules", "--check", str(path), "--on", "2026-02-01"]) == ExitStatus.OK
    assert "有效期:2023-08-15 至 2025-12-31(已于 2025-12-31 到期)" in capsys.readouterr().out


def test_rules_rejects_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["rules", "--on", "2026-02-30"])
    assert stopped.value.code == ExitStatus.BAD_INPUT
    assert "--on" in capsys.readouterr().err
