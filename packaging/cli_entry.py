"""Bundle entry of the command line (`subsidy-calc-cli`, console): the same function as the installed script.
Its executable is built without PySide6 (see subsidy-calc.spec): no command of the CLI loads Qt."""

import sys

from ui.entry import cli_main

if __name__ == "__main__":
    sys.exit(cli_main())
