"""The app's icon (one SVG, shipped as package data; installers use PNG/.ico renderings of the same file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

# Beside this module, as ui/i18n finds its .qm files (importlib.resources costs ≈ 10 ms before the first frame).
ICON_PATH = Path(__file__).resolve().parent / "icons" / "subsidy-calc.svg"


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))
