"""Claim files are recognised by extension whatever its case (Windows shows and keeps CLAIM.SUBSIDY.JSON)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from subsidy_calc.claim_file import save_claim
from subsidy_calc.claim_file_name import is_claim_file
from tests.subsidy_calc.factories import make_claim, make_class

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["a.subsidy.json", "A.SUBSIDY.JSON", "申请.Subsidy.Json", "x.json"])
def test_claim_file_suffix_in_any_case(name: str) -> None:
    assert is_claim_file(name) and is_claim_file(Path("C:/Users/hr") / name)


@pytest.mark.parametrize("name", ["a.csv", "a.json.bak", "ajson", "a.xlsx"])
def test_other_files_are_not_claim_files(name: str) -> None:
    assert not is_claim_file(name)


def test_cli_calculates_an_upper_case_claim_file(tmp_path: Path) -> None:
    path = tmp_path / "CLAIM.SUBSIDY.JSON"
    save_claim(path, make_claim([make_class("A01")]))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "calc", str(path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["classes"][0]["class_id"] == "A01"
