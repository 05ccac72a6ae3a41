"""Bounds on a rule file (rules/*.toml) checked before tomllib parses it, and its errors in Chinese.

tomllib recurses once per nested array or inline table (10,000 `[` end in a RecursionError) and the
pydantic errors of a huge value are huge; these checks refuse such a file by name, with the line.
"""

from __future__ import annotations

import re
import tomllib

from .limits import MAX_RULE_FILE_BYTES, MAX_RULE_LINE_CHARS, MAX_RULE_NESTING, exceeded

_TABLE_HEADER = re.compile(r"\s*+\[\[?[^\[\]=]*+\]\]?\s*+$")
_LOCATION = re.compile(r"\(at line (\d+), column (\d+)\)")
_STRING = re.compile(r"\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*+\"|'[^'\n]*+'|#[^\n]*+", re.DOTALL)


def size_problem(size: int) -> str | None:
    if size > MAX_RULE_FILE_BYTES:
        return exceeded("文件大小", MAX_RULE_FILE_BYTES // 1024, size // 1024, " KB")
    return None


def text_problem(text: str) -> tuple[int | None, str] | None:
    """(line, message) for the first line over the length limit or the first nesting over the limit."""
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_RULE_LINE_CHARS:
            return number, exceeded("这一行的长度", MAX_RULE_LINE_CHARS, len(line), " 个字符")
    depth = 0
    bare = _STRING.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for number, line in enumerate(bare.split("\n"), start=1):
        if depth == 0 and _TABLE_HEADER.match(line):  # a table header [a.b] / [[a]] opens no value
            continue
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth > MAX_RULE_NESTING:
                    found = f"多于 {MAX_RULE_NESTING} 层"
                    return number, exceeded("数组与内联表的嵌套层数", MAX_RULE_NESTING, found, " 层")
            elif ch in "]}":
                depth = max(depth - 1, 0)
    return None


def toml_message(exc: tomllib.TOMLDecodeError) -> tuple[int | None, str]:
    """A TOML syntax error as (line, Chinese message); tomllib's own text is English."""
    found = _LOCATION.search(str(exc))
    if found is None:
        return None, "TOML 语法错误"
    return int(found.group(1)), f"TOML 语法错误(第 {found.group(1)} 行第 {found.group(2)} 列)"
