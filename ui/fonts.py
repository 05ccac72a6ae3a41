"""Is a Chinese font installed? (Without one every Chinese glyph is a box, on screen and in PDFs.)"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

MISSING_FONT_MESSAGE = (
    "No Chinese font is installed, so Chinese text shows as boxes. "
    "Run `bash scripts/setup.sh` or install the package fonts-wqy-microhei "
    "(sudo apt-get install fonts-wqy-microhei), then restart the app.\n"
    "未安装中文字体,中文会显示为方框。请运行 bash scripts/setup.sh 或安装 fonts-wqy-microhei 后重新启动。"
)


def chinese_font_families() -> list[str]:
    """Font families that can write Simplified Chinese (needs a QGuiApplication)."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def has_chinese_font() -> bool:
    return bool(chinese_font_families())
