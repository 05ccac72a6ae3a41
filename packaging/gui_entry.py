"""Bundle entry of the window (`subsidy-calc`, windowed): the same function as the installed gui-script."""

import sys

from ui.entry import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
