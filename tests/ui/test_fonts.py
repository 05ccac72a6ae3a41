"""Font lookup on each platform (Qt's font list simulated): Windows, macOS and localized family names; the
missing-font hint fits the platform and never sends a user to a developer's shell script."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase

from ui import fonts

WINDOWS_FAMILIES = ["Arial", "Segoe UI", "SimSun", "NSimSun", "SimHei", "Microsoft YaHei", "Microsoft YaHei UI"]
CHINESE_WINDOWS_FAMILIES = ["Arial", "宋体", "新宋体", "黑体", "微软雅黑"]
MACOS_FAMILIES = ["Helvetica", "Hiragino Sans GB", "PingFang SC", "STHeiti"]
CHINESE_LINUX_FAMILIES = ["DejaVu Sans", "HanaMinA", "文泉驿微米黑"]


@pytest.mark.parametrize(("families", "best"), [
    (WINDOWS_FAMILIES, "Microsoft YaHei"),
    (CHINESE_WINDOWS_FAMILIES, "微软雅黑"),
    (["Arial", "SimSun"], "SimSun"),
    (["Arial", "SimHei"], "SimHei"),
    (MACOS_FAMILIES, "PingFang SC"),
    (CHINESE_LINUX_FAMILIES, "文泉驿微米黑"),
    (["Some CJK Font"], "Some CJK Font"),
    ([], None),
])
def test_best_family_per_platform(families: list[str], best: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda _system=None: list(families)))
    assert fonts.best_chinese_family() == best
    assert fonts.has_chinese_font() == bool(families)


@pytest.mark.parametrize(("platform", "expected"), [
    ("win32", "Microsoft YaHei"),
    ("cygwin", "Microsoft YaHei"),
    ("darwin", "PingFang"),
    ("linux", "fonts-wqy-microhei"),
])
def test_missing_font_hint_fits_the_platform(platform: str, expected: str) -> None:
    hint, banner = fonts.install_hint(platform), fonts.missing_font_message(platform)
    assert hint.startswith("No Chinese font is installed") and expected in hint
    assert banner.startswith(hint) and "未安装中文字体" in banner
    for text in (hint, banner):
        assert ".sh" not in text and "bash" not in text and "setup" not in text
        text.encode("gbk")  # printable in a Chinese Windows console
