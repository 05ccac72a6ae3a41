"""Reading a JSON document within the limits of subsidy_calc/limits.py, every failure a Chinese message.

json.loads alone turns a 5,000-digit integer into a ValueError, 10,000 nested brackets into a
RecursionError, NaN and 1e400 into floats, and reports syntax errors in English; this module refuses each
of them by name before the document reaches a model.
"""

from __future__ import annotations

import json

from .limits import MAX_INTEGER_DIGITS, MAX_JSON_DEPTH, exceeded, shown_value


class JsonBoundsError(ValueError):
    """A document that is not valid JSON or passes a limit; the message is Chinese."""


_SYNTAX = {
    "Expecting value": "此处缺少值",
    "Expecting property name enclosed in double quotes": "键名必须用双引号括起来",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting ',' delimiter": "缺少逗号",
    "Unterminated string starting at": "字符串没有结束引号",
    "Invalid control character at": "字符串中含有控制字符",
    "Invalid \\escape": "无效的转义字符",
    "Extra data": "文档结束后还有多余内容",
}


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INTEGER_DIGITS:
        raise JsonBoundsError(exceeded(f"整数“{shown_value(text)}”的位数", MAX_INTEGER_DIGITS, digits, " 位"))
    return int(text)


def _number(text: str) -> float:
    value = float(text)
    if len(text) > 40 or value in (float("inf"), float("-inf")):
        raise JsonBoundsError(f"数字“{shown_value(text)}”超出可以表示的范围")
    return value


def _constant(text: str) -> float:
    raise JsonBoundsError(f"“{text}”不是数字(JSON 不允许 NaN 或 Infinity)")


def depth_of(document: object) -> int:
    """The nesting depth of arrays and objects (iterative: no recursion on hostile documents)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        children: list[object]
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _bracket_depth(text: str) -> int:
    """The deepest bracket nesting of a text too deep for the parser (strings are skipped roughly)."""
    deepest = depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped = not escaped and ch == "\\"
            in_string = escaped or ch != '"'
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_json(text: str) -> object:
    """The document, or JsonBoundsError naming the line and column, the limit and the value found."""
    try:
        document = json.loads(text, parse_int=_integer, parse_float=_number, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        problem = next((v for k, v in _SYNTAX.items() if exc.msg.startswith(k)), "格式错误")
        raise JsonBoundsError(f"第 {exc.lineno} 行第 {exc.colno} 列 JSON {problem}") from None
    except RecursionError:
        found = _bracket_depth(text)
        raise JsonBoundsError(exceeded("JSON 的嵌套层数", MAX_JSON_DEPTH, found, " 层")) from None
    depth = depth_of(document)
    if depth > MAX_JSON_DEPTH:
        raise JsonBoundsError(exceeded("JSON 的嵌套层数", MAX_JSON_DEPTH, f"多于 {MAX_JSON_DEPTH} 层", " 层"))
    return document
