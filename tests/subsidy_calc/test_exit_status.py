"""The exit statuses are defined once and the README's table says the same."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from subsidy_calc.exit_status import ExitStatus

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_documents_every_status_and_no_other() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("Exit statuses"):]
    documented = {int(n) for n in re.findall(r"^\| (\d) \|", table, re.M)}
    assert documented == {int(s) for s in ExitStatus}


def test_statuses_are_distinct_and_small() -> None:
    values = [int(s) for s in ExitStatus]
    assert len(values) == len(set(values)) and all(0 <= v < 64 for v in values)


def test_no_bare_exit_numbers_in_the_command_line() -> None:
    """Every `return N` / `exit(N)` of the CLI modules names an ExitStatus, so a number keeps one meaning."""
    root = Path(__file__).resolve().parents[2] / "subsidy_calc"
    offenders = []
    for path in root.glob("cli*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\b(return|exit\()\s*[0-9]\b", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_a_reader_that_stops_early_gets_no_traceback_and_no_message() -> None:
    """`main.py rules | head -1`: the pipe closes before we write; a quiet status 3, not "Broken pipe"."""
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen([sys.executable, str(root / "main.py"), "rules"], cwd=root, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        error = process.stderr.read().decode("utf-8", "replace")
        status = process.wait(timeout=60)
    assert status == ExitStatus.OUTPUT_FAILED, error
    assert error == ""
