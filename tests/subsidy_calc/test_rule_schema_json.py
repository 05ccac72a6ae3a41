"""rules/schema.json and the key table of rules/README.md stay in step with the models; the README shows every key."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.rule_loading import load_ruleset_text
from subsidy_calc.rule_schema_json import README_PATH, SCHEMA_PATH, key_paths, main, readme_with_table, schema_text


def test_schema_file_is_generated_from_the_models() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run python -m subsidy_calc.rule_schema_json"


def test_readme_key_table_is_generated_from_the_models() -> None:
    readme = README_PATH.read_text(encoding="utf-8")
    assert readme == readme_with_table(readme), "run python -m subsidy_calc.rule_schema_json"
    for path, _ in key_paths():
        assert f"| `{path}` |" in readme


def test_check_fails_on_a_stale_schema(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import subsidy_calc.rule_schema_json as module

    stale = tmp_path / "schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(module, "SCHEMA_PATH", stale)
    assert main(["--check"]) != 0
    monkeypatch.setattr(module, "SCHEMA_PATH", SCHEMA_PATH)
    assert main(["--check"]) == 0


def _toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README_PATH.read_text(encoding="utf-8"), flags=re.S)


def _paths(node: Any, prefix: str = "") -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            name = "DATE" if prefix == "values." and isinstance(key, str | date) else str(key)
            if prefix in ("values.DATE.rate.levels.", "values.DATE.student_rate.levels.",
                          "values.DATE.period.standard_months."):
                continue
            path = f"{prefix}{name}"
            found.add(path)
            found |= _paths(value, f"{path}.")
    elif isinstance(node, list):
        for item in node:
            found |= _paths(item, prefix)
    return found


_OUTCOME_FIELD = re.compile(r"^(values\.DATE\.outcomes)\.\w+\.(\w+)$")


_MATERIAL_FIELD = re.compile(r"^(materials)\.(?:advance|settlement)\.(\w+)$")


def _same_shape(paths: set[str]) -> set[str]:
    """The four outcomes share one shape, and so do the two material lists: an example of a key in any of
    them shows the key."""
    return {_MATERIAL_FIELD.sub(r"\1.*.\2", _OUTCOME_FIELD.sub(r"\1.*.\2", path)) for path in paths}


def test_the_readme_example_shows_every_key() -> None:
    shown: set[str] = set()
    for block in _toml_blocks():
        document = tomllib.loads(block, parse_float=Decimal)
        shown |= _paths(document)
    missing = _same_shape({path for path, _ in key_paths()}) - _same_shape(shown)
    assert not missing, f"keys without an example in rules/README.md: {sorted(missing)}"


def test_the_readme_example_is_a_valid_rule_set() -> None:
    ruleset = load_ruleset_text(_toml_blocks()[0], Path("example-2025.toml"))
    assert ruleset.values[date(2026, 1, 1)].advance.student_ratio == Decimal("0.4")  # inherited
