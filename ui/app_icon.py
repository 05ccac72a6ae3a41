"""The app's icon (one SVG, shipped as package data; installers use PNG/.ico renderings of the same file)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_PATH = Path(str(resources.files("ui") / "icons" / "subsidy-calc.svg"))


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))
