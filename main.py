"""Entry point: with a subcommand (calc, rules, export) run the CLI; without one, open the window."""

from __future__ import annotations

import sys

CLI_COMMANDS = {"calc", "rules", "export", "template", "-h", "--help"}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in CLI_COMMANDS:
        from subsidy_calc.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from ui.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
