"""Chinese font detection: which installed families can draw Simplified Chinese, and does one cover a text."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

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

# English first in every hint: without a Chinese font a Chinese sentence would itself be boxes.
_HINTS = {
    "win32": (
        "Windows normally has Microsoft YaHei and SimSun: add them in Settings > Apps > Optional features > "
        "Chinese (Simplified) Supplemental Fonts, or ask your IT department, then restart the app.",
        "Windows 通常自带微软雅黑和宋体:请在“设置 > 应用 > 可选功能”中添加“简体中文补充字体”,"
        "或联系信息部门,然后重新启动本程序。",
    ),
    "darwin": (
        "macOS normally has PingFang SC: restore it with Font Book (File > Restore Standard Fonts), then restart "
        "the app.",
        "macOS 通常自带苹方字体:请在“字体册”中恢复标准字体,然后重新启动本程序。",
    ),
    "linux": (
        "Install a Chinese font with your system's software manager, for example fonts-wqy-microhei "
        "(Debian, Ubuntu, UOS, Kylin) or google-noto-sans-cjk-fonts (Fedora), then restart the app.",
        "请用系统的软件管理器安装中文字体,例如 fonts-wqy-microhei(Debian、Ubuntu、统信UOS、麒麟),"
        "然后重新启动本程序。",
    ),
}
_NO_FONT = "No Chinese font is installed, so Chinese text would show as empty boxes. "


def _platform_hints(platform: str) -> tuple[str, str]:
    key = "win32" if platform.startswith(("win", "cygwin")) else "darwin" if platform == "darwin" else "linux"
    return _HINTS[key]


def install_hint(platform: str = sys.platform) -> str:
    """What to do about a missing Chinese font on this platform (English)."""
    return _NO_FONT + _platform_hints(platform)[0]


def missing_font_message(platform: str = sys.platform) -> str:
    """The window's banner: the English hint, then the same in Chinese."""
    return install_hint(platform) + "\n未安装中文字体,中文会显示为方框。" + _platform_hints(platform)[1]


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

