"""Test-wide settings: Qt runs headless (offscreen) unless a display platform is chosen explicitly,
and each test gets its own app data folder (recovery files) and its own, empty, user rule folder."""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Catalogs loaded while test modules are imported must not see the developer's own local rule sets.
os.environ["SUBSIDY_CALC_RULES_DIR"] = tempfile.mkdtemp(prefix="subsidy-calc-user-rules-")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUBSIDY_CALC_DATA_DIR", str(tmp_path / "app-data"))
    monkeypatch.setenv("SUBSIDY_CALC_RULES_DIR", str(tmp_path / "user-rules"))
