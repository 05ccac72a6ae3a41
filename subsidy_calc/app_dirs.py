"""Where the app keeps its files, written once: the data folder (register, recovery files, local rule sets)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "subsidy-calc"
ENV_DATA_DIR = "SUBSIDY_CALC_DATA_DIR"  # set by tests and portable installs
REGISTER_FILE = "register.sqlite3"  # the double-claim register (register.py)


def data_dir() -> Path:
    """$SUBSIDY_CALC_DATA_DIR when set, else the platform's per-user data folder."""
    configured = os.environ.get(ENV_DATA_DIR)
    if configured:
        return Path(configured)
    from platformdirs import user_data_dir  # on first use: start-up reads no folder

    return Path(user_data_dir(APP, appauthor=False))


def register_path() -> Path:
    """Where the double-claim register is (subsidy_calc/register.py), whether or not it exists yet."""
    return data_dir() / REGISTER_FILE
