"""Test-wide settings: Qt runs headless (offscreen) unless a display platform is chosen explicitly,
and each test gets its own app data folder (recovery files)."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUBSIDY_CALC_DATA_DIR", str(tmp_path / "app-data"))
