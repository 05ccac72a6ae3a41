"""File names Windows refuses, and the Chinese reason of a failed write."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from subsidy_calc.atomic import FileLockedError
from subsidy_calc.file_problems import windows_name_problem, write_error_reason


@pytest.mark.parametrize("name", ["wuhan.toml", "jinchang-2024-local.toml", "武汉 规则.toml", "console.toml",
                                  "com10.toml", "nul-rules.toml", ".hidden.toml"])
def test_names_every_system_takes(name: str) -> None:
    assert windows_name_problem(name) is None


@pytest.mark.parametrize(("name", "words"), [
    ("", "为空"), ("  ", "为空"), ("a<b.toml", "“<”"), ('a"b.toml', "不允许的字符"), ("a\\b.toml", "“\\”"),
    ("a\tb.toml", "控制字符 0x09"), ("rules.", "句点或空格结尾"), ("rules ", "句点或空格结尾"),
    ("CON", "“CON”是 Windows 保留的设备名"), ("aux.toml", "“AUX”"), ("Com3.txt.toml", "“COM3”"),
    ("lpt9 .toml", "“LPT9”"), ("COM¹.toml", "“COM¹”"), ("一" * 256, "过长"),
])
def test_names_windows_refuses_say_why(name: str, words: str) -> None:
    problem = windows_name_problem(name)
    assert problem is not None and words in problem


@pytest.mark.parametrize(("code", "reason"), [
    (errno.EACCES, "没有写入权限"), (errno.EPERM, "没有写入权限"), (errno.ENOSPC, "磁盘已满"),
    (errno.EROFS, "只读"), (errno.ENOENT, "文件夹不存在"), (errno.EINVAL, "文件名无效"),
    (errno.ENAMETOOLONG, "过长"),
])
def test_write_errors_are_said_in_chinese(code: int, reason: str) -> None:
    assert reason in write_error_reason(OSError(code, "English reason", "x.toml"))


def test_a_locked_file_keeps_its_own_message_and_an_unknown_error_its_text() -> None:
    locked = FileLockedError(Path("wuhan.toml"))
    assert write_error_reason(locked) == locked.strerror and "文件被占用" in write_error_reason(locked)
    assert write_error_reason(OSError(errno.EBUSY, "Device or resource busy")) == "Device or resource busy"
