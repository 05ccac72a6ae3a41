"""The missing-font advice fits each platform and never sends a user to a developer's shell script; the PDF's
refusal carries it."""

from __future__ import annotations

import pytest

from subsidy_calc.export.pdf_fonts import FontMissingError, chinese_fonts
from subsidy_calc.font_hints import font_advice


@pytest.mark.parametrize(("platform", "english", "chinese"), [
    ("win32", "Microsoft YaHei", "微软雅黑"),
    ("cygwin", "SimSun", "宋体"),
    ("darwin", "PingFang", "苹方"),
    ("linux", "fonts-wqy-microhei", "fonts-wqy-microhei"),
    ("freebsd14", "fonts-wqy-microhei", "中文字体"),
])
def test_advice_per_platform(platform: str, english: str, chinese: str) -> None:
    advice = font_advice(platform)
    assert english in advice[0] and advice[0].isascii() and chinese in advice[1]
    for text in advice:
        assert ".sh" not in text and "bash" not in text and "setup" not in text
        text.encode("gbk")  # shown in a Chinese Windows console too


def test_pdf_without_a_chinese_font_gives_this_platforms_advice() -> None:
    with pytest.raises(FontMissingError) as caught:
        chinese_fonts(paths=())
    message = str(caught.value)
    assert font_advice()[0] in message and font_advice()[1] in message and ".sh" not in message
