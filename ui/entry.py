"""Where the program starts: the window, or the command line.

The command line is the core's own (`subsidy_calc.cli`, which never imports Qt: the PDF is drawn by ReportLab
there); this module only chooses between it and the window, and imports no Qt itself.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from subsidy_calc.cli_ahead import INPUT_FIRST, forget, read_ahead
from subsidy_calc.console import make_console_safe


def cli_main(argv: Sequence[str] | None = None) -> int:
    """The command line (`subsidy-calc-cli`): every subcommand, PDF export included.

    A command is one short batch, so cyclic garbage collection is paused while it runs: each collection would
    re-walk every object alive (100,000 apprentices and their results: ≈ 15 % of `calc` on such a workbook),
    and what a command allocates is freed by reference counting anyway. Restored afterwards (tests call this
    in-process, always with `argv`).

    Without `argv` (the installed script, the bundle, main.py) the call is the whole process, which ends when it
    returns: what is still alive (modules, classes, pydantic's validators: ≈ 40,000 objects) is frozen, so the
    interpreter's garbage collection at exit neither walks nor tears down its cycles (≈ 35 ms of every command;
    os._exit saves no more, and skips flushing)."""
    make_console_safe()  # a Chinese Windows console or pipe (cp936) cannot show every character
    args = list(sys.argv[1:] if argv is None else argv)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        read_ahead(args)  # a workbook given to calc/export is read while the imports below run
        from subsidy_calc import cli

        return cli.main(args)
    finally:
        forget()
        if was_enabled:
            gc.enable()
        if argv is None:
            gc.freeze()


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The window (`subsidy-calc`); a claim file may follow the program name."""
    from .app import run_gui

    return run_gui([sys.argv[0] if sys.argv else "subsidy-calc", *(sys.argv[1:] if argv is None else argv)])


def main(argv: Sequence[str] | None = None) -> int:
    """`main.py`: with a subcommand run the command line, otherwise open the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not (args and args[0] in INPUT_FIRST):  # those are commands: decided without importing the command line
        from subsidy_calc import cli

        if not cli.is_command_line(args):
            return gui_main(args)
    return cli_main(None if argv is None else args)
