"""The entry point: a command run as the whole process freezes what is left for the exit; a call in-process
(as every test makes it) leaves the garbage collector as it found it."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from ui.entry import cli_main

ROOT = Path(__file__).resolve().parents[1]


def test_a_call_in_process_leaves_the_collector_alone() -> None:
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    assert cli_main(["rules"]) == 0
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)


def test_the_whole_process_freezes_before_it_exits(tmp_path: Path) -> None:
    code = ("import gc, sys; from ui.entry import main; sys.argv = ['main.py', 'rules']; rc = main(); "
            "print(rc, gc.get_freeze_count() > 0, gc.isenabled())")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SUBSIDY_CALC_DATA_DIR": str(tmp_path / "data")})
    assert done.stdout.split()[-3:] == ["0", "True", "True"], done.stdout + done.stderr


def test_the_commands_read_ahead_take_their_input_first() -> None:
    """cli_ahead.INPUT_FIRST names the commands whose first argument is the input: the parser agrees, and
    main() may send them to the command line without importing it to ask."""
    from subsidy_calc import cli
    from subsidy_calc.cli_ahead import INPUT_FIRST

    parser = cli.build_parser()
    for command in INPUT_FIRST:
        assert cli.is_command_line([command])
        assert parser.parse_args([command, "名册.xlsx"]).input == Path("名册.xlsx")
