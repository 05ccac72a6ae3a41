"""The command line reads a workbook ahead, while pydantic and the engine are imported (importer/ahead.py):
the same output as reading it when the import asks, nothing heavy imported for it, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bench.samples import make_id, make_roster_workbook
from subsidy_calc.importer import ahead
from subsidy_calc.importer.reading import Table
from ui.entry import cli_main

from .conftest import WriteBook, class_row, no_block_threads, person

ROOT = Path(__file__).resolve().parents[3]
CALC = ["--rules", "jinchang-2024", "--stage", "settlement", "--claim-date", "2025-03-10", "--json"]


pytestmark = pytest.mark.usefixtures("tiny_blocks")


@pytest.fixture(autouse=True)
def _isolated_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUBSIDY_CALC_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each ahead.take: True when it handed over what was read ahead (tables, or the refusal it raises)."""
    calls: list[bool] = []
    original = ahead.take

    def recording(path: Path) -> list[Table] | None:
        try:
            found = original(path)
        except Exception:
            calls.append(True)
            raise
        calls.append(found is not None)
        return found

    monkeypatch.setattr(ahead, "take", recording)
    return calls




def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = cli_main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_calc_reads_ahead_with_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               taken: list[bool]) -> None:
    path = tmp_path / "roster.xlsx"
    make_roster_workbook(path, n_apprentices=300, n_classes=5, bad_rows=20, seed=4)
    ahead_run = run(capsys, ["calc", str(path), *CALC])
    assert taken == [True]  # the file right after `calc`: read ahead and used
    later_run = run(capsys, ["calc", *CALC, str(path)])  # options first: read when the import asks
    assert taken == [True, False]
    assert ahead_run == later_run and "JC2023-001" in ahead_run[1]
    assert not ahead._waiting and no_block_threads()


def test_a_refusal_read_ahead_is_reported_where_the_import_reports_it(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      taken: list[bool]) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_text("班级编号,姓名\nC1,张三\n", encoding="utf-8")
    ahead_run = run(capsys, ["calc", str(path), *CALC])
    assert taken == [True] and ahead._waiting == []  # the refusal was kept and raised by take
    assert ahead_run == run(capsys, ["calc", *CALC, str(path)]) and ahead_run[0] == 2 and "不是有效的" in ahead_run[2]


def test_a_read_ahead_the_command_never_uses_is_dropped(write_book: WriteBook,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(300)]
    path = write_book([class_row(planned=300)], people)
    code, _, err = run(capsys, ["calc", str(path)])  # no --rules/--stage: refused before the file is read
    assert code == 2 and "--rules" in err
    with pytest.raises(SystemExit):  # argparse stops first
        cli_main(["calc", str(path), "--stage", "nonsense"])
    assert not ahead._waiting and no_block_threads()


def test_a_changed_or_other_file_is_read_again(write_book: WriteBook) -> None:
    people = [person(id_number=make_id("110101", date(1995, 5, 17), n), seq=n) for n in range(50)]
    path = write_book([class_row(planned=50)], people)
    other = write_book([class_row(planned=50)], people)
    ahead.start(path)
    assert ahead.take(other) is None and not ahead._waiting
    ahead.start(path)
    before = os.stat(path)
    path.write_bytes(path.read_bytes() + b"\0")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert ahead.take(path) is None
    for not_a_workbook in (tmp := path.with_suffix(".csv"), path.with_name("missing.xlsx")):
        tmp.write_text("班级编号\n", encoding="utf-8")
        ahead.start(not_a_workbook)
        assert not ahead._waiting
    assert no_block_threads()


def test_reading_ahead_imports_neither_pydantic_nor_the_models(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    make_roster_workbook(path, n_apprentices=30_000, n_classes=5, seed=5)  # big enough for blocks
    code = ("import sys; from ui.entry import cli_main; from subsidy_calc.cli_ahead import read_ahead; "
            "from subsidy_calc.importer import ahead, blocks; "
            f"read_ahead(['calc', {str(path)!r}]); "
            "tables = ahead._waiting[0].tables; "
            "print(isinstance(tables[1].rows, blocks.BlockRows), "
            "[m for m in ('pydantic', 'subsidy_calc.models', 'subsidy_calc.engine') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "[]"], done.stdout + done.stderr
