"""What to tell a user who has no Chinese font, per platform: English first (without a Chinese font a Chinese
sentence would itself be boxes), then Chinese. Never a developer's script: users run the installed app."""

from __future__ import annotations

import sys

_ADVICE = {
    "win32": (
        "Windows normally has Microsoft YaHei, SimSun and SimSun-ExtB: add them in Settings > Apps > Optional "
        "features > Chinese (Simplified) Supplemental Fonts, or ask your IT department, then restart the app.",
        "Windows 通常自带微软雅黑、宋体与 SimSun-ExtB:请在“设置 > 应用 > 可选功能”中添加“简体中文补充字体”,"
        "或联系信息部门,然后重新启动本程序。",
    ),
    "darwin": (
        "macOS normally has PingFang SC: restore it with Font Book (File > Restore Standard Fonts), then restart "
        "the app.",
        "macOS 通常自带苹方字体:请在“字体册”中恢复标准字体,然后重新启动本程序。",
    ),
    "linux": (
        "Install a Chinese TrueType font with your system's software manager, for example fonts-wqy-microhei "
        "(Debian, Ubuntu, UOS, Kylin; fonts-hanazono adds rare characters) or wqy-microhei-fonts (Fedora), "
        "then restart the app.",
        "请用系统的软件管理器安装中文字体,例如 fonts-wqy-microhei(Debian、Ubuntu、统信UOS、麒麟;"
        "生僻字另装 fonts-hanazono),然后重新启动本程序。",
    ),
}


def font_advice(platform: str | None = None) -> tuple[str, str]:
    """(English, Chinese): how to get a Chinese font on `platform` (default: this one)."""
    name = platform or sys.platform
    key = "win32" if name.startswith(("win", "cygwin")) else "darwin" if name == "darwin" else "linux"
    return _ADVICE[key]
