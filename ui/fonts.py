"""Chinese font detection: which installed families can draw Simplified Chinese, and does one cover a text."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

from subsidy_calc.font_hints import font_advice

# TrueType-outline fonts first: their text extracts exactly from PDFs (Noto CJK's CFF outlines do not).
# Each under its English and its Chinese name: Qt reports the localized family name on a Chinese system
# (微软雅黑 on Chinese Windows, 文泉驿微米黑 under a zh_CN locale on Linux).
PREFERRED_FAMILIES = (
    "WenQuanYi Micro Hei", "文泉驿微米黑", "文泉驛微米黑",  # Linux (Debian, Ubuntu, UOS, Kylin)
    "WenQuanYi Zen Hei", "文泉驿正黑", "文泉驛正黑",
    "Microsoft YaHei", "微软雅黑", "Microsoft YaHei UI",  # Windows
    "SimSun", "宋体", "NSimSun", "新宋体",
    "SimHei", "黑体",
    "PingFang SC", "苹方-简", "苹方",  # macOS
    "Hiragino Sans GB", "冬青黑体简体中文",
    "STHeiti", "华文黑体",
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "思源黑体",
)

_NO_FONT = "No Chinese font is installed, so Chinese text would show as empty boxes. "


def install_hint(platform: str = sys.platform) -> str:
    """What to do about a missing Chinese font on this platform (English)."""
    return _NO_FONT + font_advice(platform)[0]


def missing_font_message(platform: str = sys.platform) -> str:
    """The window's banner: the English hint, then the same in Chinese."""
    return install_hint(platform) + "\n未安装中文字体,中文会显示为方框。" + font_advice(platform)[1]


INSTALL_HINT = install_hint()


def chinese_font_families() -> list[str]:
    """Installed families that declare Simplified Chinese, preferred ones first. Needs a QGuiApplication."""
    found = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    preferred = [f for f in PREFERRED_FAMILIES if f in found]
    return preferred + sorted(f for f in found if f not in preferred)


def has_chinese_font() -> bool:
    return bool(chinese_font_families())


def best_chinese_family() -> str | None:
    families = chinese_font_families()
    return families[0] if families else None

