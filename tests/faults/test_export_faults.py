"""Exporting onto a failing disk: a clear Chinese error, exit 2, no half-written or temporary file."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.exit_status import ExitStatus
from ui.entry import cli_main

from .helpers import disk_full_under, permission_bits_ignored, saved, small_claim


@pytest.mark.parametrize("kind", ["pdf", "xlsx", "csv"])
def test_export_to_a_full_disk(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str], qapp: Any) -> None:
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    disk = tmp_path / "U盘"
    disk.mkdir()
    out = disk / f"申请表.{kind}"
    out.write_bytes(b"previous export")
    disk_full_under(disk, monkeypatch)
    assert cli_main(["export", str(source), f"--{kind}", str(out)]) == ExitStatus.OUTPUT_FAILED
    err = capsys.readouterr().err
    assert f"错误:无法写入“{out}”:{os.strerror(errno.ENOSPC)}" in err and "Traceback" not in err
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in disk.iterdir()) == [out.name]


def test_export_to_a_folder_that_refuses_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Simulated with PermissionError when running as root (root ignores chmod), a real chmod otherwise."""
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    folder = tmp_path / "只读"
    folder.mkdir()
    if permission_bits_ignored():
        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr("subsidy_calc.atomic.tempfile.mkstemp", refuse)
    else:
        folder.chmod(0o500)
    try:
        assert cli_main(["export", str(source), "--xlsx", str(folder / "申请表.xlsx")]) == ExitStatus.OUTPUT_FAILED
    finally:
        folder.chmod(0o700)
    err = capsys.readouterr().err
    assert "错误:无法写入" in err and os.strerror(errno.EACCES) in err
    assert list(folder.iterdir()) == []


def test_export_into_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    assert cli_main(["export", str(source), "--xlsx", str(tmp_path / "没有" / "申请表.xlsx")]) == 2
    assert "不存在" in capsys.readouterr().err


def test_a_failed_second_output_leaves_none_of_the_new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str], qapp: Any) -> None:
    """--pdf A --xlsx B with B's disk full: A is not left behind, and the message names B."""
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    good, full = tmp_path / "本地", tmp_path / "U盘"
    good.mkdir()
    full.mkdir()
    disk_full_under(full, monkeypatch)
    pdf_out, xlsx_out = good / "申请表.pdf", full / "申请表.xlsx"
    assert cli_main(["export", str(source), "--pdf", str(pdf_out), "--xlsx", str(xlsx_out)]) == ExitStatus.OUTPUT_FAILED
    err = capsys.readouterr().err
    assert f"无法写入“{xlsx_out}”" in err and "所有输出文件均未写入" in err
    assert list(good.iterdir()) == [] and list(full.iterdir()) == []


def test_a_failed_rename_restores_the_files_already_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             qapp: Any) -> None:
    """The xlsx target is a folder, so its rename fails after the PDF was renamed: the old PDF comes back."""
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    pdf_out, csv_out, xlsx_out = tmp_path / "申请表.pdf", tmp_path / "新.csv", tmp_path / "申请表.xlsx"
    pdf_out.write_bytes(b"old pdf")
    (xlsx_out / "占位").mkdir(parents=True)
    args = ["export", str(source), "--pdf", str(pdf_out), "--csv", str(csv_out), "--xlsx", str(xlsx_out)]
    assert cli_main(args) == ExitStatus.OUTPUT_FAILED
    assert f"无法写入“{xlsx_out}”" in capsys.readouterr().err
    assert pdf_out.read_bytes() == b"old pdf" and not csv_out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, pdf_out.name, xlsx_out.name])


def test_template_and_problem_list_are_written_whole_or_not_at_all(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while saving the roster template or the problem list leaves the old file, no temporary."""
    from subsidy_calc.importer.problem_list import write_problem_report
    from subsidy_calc.importer.template import write_template
    from subsidy_calc.input_errors import InputProblem

    disk = tmp_path / "U盘"
    disk.mkdir()
    template, problems = disk / "花名册模板.xlsx", disk / "问题清单.xlsx"
    template.write_bytes(b"old template")
    problems.write_bytes(b"old list")
    disk_full_under(disk, monkeypatch)
    with pytest.raises(OSError):
        write_template(template)
    with pytest.raises(OSError):
        write_problem_report(problems, [InputProblem(2, "姓名", "", "姓名不能为空")])
    assert template.read_bytes() == b"old template" and problems.read_bytes() == b"old list"
    assert sorted(p.name for p in disk.iterdir()) == sorted([template.name, problems.name])
