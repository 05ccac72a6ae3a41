"""Chinese font detection: which installed families can draw Simplified Chinese, and does one cover a text."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

# TrueType-outline fonts first: their text extracts exactly from PDFs (Noto CJK's CFF outlines do not).
PREFERRED_FAMILIES = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimSun",
    "SimHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
)

INSTALL_HINT = (
    "No Chinese font is installed, so Chinese text would show as empty boxes. "
    "Run `bash scripts/setup.sh` (installs fonts-wqy-microhei) or install a Chinese font, then restart."
)


def chinese_font_families() -> list[str]:
    """Installed families that declare Simplified Chinese, preferred ones first. Needs a QGuiApplication."""
    found = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    preferred = [f for f in PREFERRED_FAMILIES if f in found]
    return preferred + sorted(f for f in found if f not in preferred)


def has_chinese_font() -> bool:
    return bool(chinese_font_families())
