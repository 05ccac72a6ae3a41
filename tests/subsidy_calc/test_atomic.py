"""Saving over a file another program holds open (Windows: Excel, WPS, an antivirus) — simulated on any OS by
a rename that raises PermissionError: a short retry, then 文件被占用 naming the file; the old file stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from subsidy_calc import atomic
from subsidy_calc.exit_status import ExitStatus
from tests.faults.helpers import saved, small_claim
from ui.entry import cli_main


class LockedTarget:
    """os.replace that fails with a sharing violation for the first `times` calls onto or away from `target`
    (Windows refuses both while another program holds the file)."""

    def __init__(self, target: Path, times: int) -> None:
        self.target, self.times, self.calls = target, times, 0
        self.real = os.replace

    def __call__(self, source: str, destination: str | Path) -> None:
        if self.target in (Path(source), Path(destination)) and self.calls < self.times:
            self.calls += 1
            raise PermissionError(13, "另一个程序正在使用此文件,进程无法访问。", str(destination))
        self.real(source, destination)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr("subsidy_calc.atomic.time.sleep", waited.append)
    return waited


def test_a_briefly_locked_file_is_saved_after_a_retry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      sleeps: list[float]) -> None:
    target = tmp_path / "申请表.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr("subsidy_calc.atomic.os.replace", LockedTarget(target, times=2))
    atomic.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sleeps == list(atomic.REPLACE_RETRY_DELAYS[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_file_that_stays_locked_is_named_and_left_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           sleeps: list[float]) -> None:
    target = tmp_path / "申请表.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr("subsidy_calc.atomic.os.replace", LockedTarget(target, times=1000))
    with pytest.raises(atomic.FileLockedError) as caught:
        atomic.atomic_write_bytes(target, b"new")
    assert isinstance(caught.value, PermissionError)
    assert caught.value.strerror is not None and "文件被占用" in caught.value.strerror
    assert str(target) in caught.value.strerror and caught.value.filename == str(target)
    assert sleeps == list(atomic.REPLACE_RETRY_DELAYS) and sum(sleeps) < 3
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left


def test_a_refused_new_file_is_not_called_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 sleeps: list[float]) -> None:
    target = tmp_path / "new.csv"
    monkeypatch.setattr("subsidy_calc.atomic.os.replace", LockedTarget(target, times=1000))
    with pytest.raises(PermissionError) as caught:
        atomic.atomic_write_bytes(target, b"data")
    assert not isinstance(caught.value, atomic.FileLockedError) and sleeps == []


def test_cli_export_onto_a_locked_workbook_says_which_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           sleeps: list[float],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    out = tmp_path / "申请表.xlsx"
    out.write_bytes(b"open in Excel")
    monkeypatch.setattr("subsidy_calc.atomic.os.replace", LockedTarget(out, times=1000))
    assert cli_main(["export", str(source), "--xlsx", str(out)]) == ExitStatus.OUTPUT_FAILED
    err = capsys.readouterr().err
    assert "文件被占用" in err and str(out) in err and "Traceback" not in err
    assert out.read_bytes() == b"open in Excel" and sleeps
