"""Entry point from a checkout: with a subcommand (calc, rules, export, template) run the CLI; without one,
open the window. The installed entry points call the same functions in `ui.entry`."""

from __future__ import annotations

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
