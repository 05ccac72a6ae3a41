"""Bundle entry of the command line (`subsidy-calc-cli`, console): the same function as the installed script.
Its executable has no PySide6 run-time hook, so `calc` and `rules` never load Qt (see subsidy-calc.spec)."""

import sys

from ui.entry import cli_main

if __name__ == "__main__":
    sys.exit(cli_main())
