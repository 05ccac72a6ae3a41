"""Fixtures of the export tests: a realistic two-class claim (30 apprentices) calculated by the engine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from subsidy_calc.models import Claim
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_schema import RuleSet
from tests.report.samples import calculated, make_claim


@pytest.fixture
def sample() -> tuple[Claim, ClaimResult, RuleSet]:
    return calculated(make_claim())


def pypdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def squeeze(text: str) -> str:
    """Text without whitespace: extractors differ in the spaces they put between CJK glyphs."""
    return "".join(text.split())
