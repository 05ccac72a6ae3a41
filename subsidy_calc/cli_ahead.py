"""The command line's read-ahead: the workbook a command will read is started before the heavy imports.

`calc` and `export` take their input as their first argument (`cli_inputs.add_input_arguments`). When it follows
the subcommand directly (`main.py calc roster.xlsx …`), `read_ahead` starts reading it (`importer.ahead`) before
`subsidy_calc.cli`, and with it pydantic, the models and the engine, is imported: ≈ 0.1 s sooner done for a
100,000-row workbook (docs/performance.md). Any other spelling of the command (options first, `--help`) reads
nothing ahead: the same command, only not sooner. This module imports nothing heavy itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

INPUT_FIRST = ("calc", "export")  # subcommands whose first argument is the input file (tests/test_entry.py)


def read_ahead(argv: Sequence[str]) -> None:
    """Start reading the input of `argv` when it is a workbook given right after `calc` or `export`."""
    if len(argv) > 1 and argv[0] in INPUT_FIRST and not argv[1].startswith("-"):
        from .importer import ahead

        ahead.start(Path(argv[1]))


def forget() -> None:
    """Drop a read-ahead the command did not use (it stopped before reading its input)."""
    from .importer import ahead

    ahead.discard()
