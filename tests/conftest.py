"""Test session setup: headless Qt before any Qt import, per-test data folder for the app."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUBSIDY_CALC_DATA_DIR", str(tmp_path / "app-data"))  # type: ignore[operator]
