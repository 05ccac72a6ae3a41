"""Writing a rule set as a readable, commented TOML file that loads back to the same rule set."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .rule_fields import ListShape, ModelShape, Shape, TableShape, UnionShape, field_by_key, scalar_text
from .rule_schema import RuleSet

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
INLINE_WIDTH = 100


def plain_data(value: object, only_set: bool = True) -> Any:
    """A model as file data: keys as written in the file, levels by name, None (not given) left out.

    `only_set`: only the fields the set was given (what its file wrote), not the defaults — a value a file
    writes needs a source, a default does not. With False every value is there (comparison, fingerprint)."""
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if item is not None and (not only_set or name in value.model_fields_set):
                out[info.alias or name] = plain_data(item, only_set)
        return out
    if isinstance(value, Mapping):
        return {scalar_text(k): plain_data(v, only_set) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(v, only_set) for v in value]
    if isinstance(value, Enum):
        return scalar_text(value)
    return value


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        return text
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return _string(str(value))


def _is_table(value: object) -> bool:
    return isinstance(value, Mapping)


def _inline(value: object) -> str:
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(str(k))} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return _scalar(value)


def _nested(value: Mapping[str, Any]) -> bool:
    return any(_is_table(v) or (isinstance(v, list) and any(_is_table(i) for i in v)) for v in value.values())


def _child_shape(shape: Shape | None, key: str, data: Mapping[str, Any]) -> tuple[Shape | None, str]:
    """The shape and title of `key` inside a table of `shape` (titles become comments)."""
    if isinstance(shape, TableShape):
        return shape.value, ""
    model: type[BaseModel] | None = None
    if isinstance(shape, ModelShape):
        model = shape.model
    elif isinstance(shape, UnionShape):
        model = shape.member(data.get(shape.discriminator))
    if model is None:
        return None, ""
    spec = field_by_key(model, key)
    return (spec.shape, spec.title) if spec is not None else (None, "")


def _item_shape(shape: Shape | None) -> Shape | None:
    return shape.item if isinstance(shape, ListShape) else None


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def table(self, path: list[str], data: Mapping[str, Any], shape: Shape | None, title: str,
              array: bool = False) -> None:
        kept = {k: v for k, v in data.items() if not self._empty_model(v, _child_shape(shape, k, data)[0])}
        simple = {k: v for k, v in kept.items() if not self._block(v, _child_shape(shape, k, data)[0])}
        blocks = {k: v for k, v in kept.items() if k not in simple}
        if path and (simple or array or not blocks):
            if self.lines:
                self.lines.append("")
            if title:
                self.lines.append(f"# {title}")
            header = ".".join(_key(p) for p in path)
            self.lines.append(f"[[{header}]]" if array else f"[{header}]")
        for key, value in simple.items():
            child, child_title = _child_shape(shape, key, data)
            line = f"{_key(key)} = {self._value(value)}"
            comment = f"  # {child_title}" if child_title and "\n" not in line else ""
            self.lines.append(line + comment)
        for key, value in blocks.items():
            child, child_title = _child_shape(shape, key, data)
            if isinstance(value, Mapping):
                self.table([*path, key], value, child, child_title)
            else:
                for item in value:
                    self.table([*path, key], item, _item_shape(child), child_title, array=True)

    @staticmethod
    def _empty_model(value: object, shape: Shape | None) -> bool:
        """An empty sub-table of a model: left out, it loads back as the same defaults."""
        return isinstance(shape, ModelShape) and isinstance(value, Mapping) and not value

    @staticmethod
    def _block(value: object, shape: Shape | None) -> bool:
        """A value written as its own [table] / [[array]] rather than inline."""
        if isinstance(value, Mapping):
            big_model = isinstance(shape, ModelShape | UnionShape) and len(value) > 2
            return bool(value) and (big_model or _nested(value) or len(_inline(value)) > INLINE_WIDTH)
        if isinstance(value, list):
            return bool(value) and all(isinstance(i, Mapping) for i in value)
        return False

    @staticmethod
    def _value(value: object) -> str:
        text = _inline(value)
        if isinstance(value, list) and len(text) > INLINE_WIDTH:
            return "[\n" + "".join(f"  {_inline(v)},\n" for v in value) + "]"
        return text


def dumps(data: Mapping[str, Any], heading: list[str] | None = None) -> str:
    """TOML text of rule-set data: heading comments, then the keys with their titles as comments."""
    writer = _Writer()
    writer.lines.extend(f"# {line}" for line in heading or [])
    writer.table([], data, ModelShape(RuleSet), "")
    return "\n".join(writer.lines) + "\n"


def ruleset_toml(ruleset: RuleSet, note: str = "") -> str:
    """The file of a rule set: readable, commented, and loading back equal to `ruleset`."""
    heading = [f"{ruleset.title}({ruleset.region})"]
    if note:
        heading.append(note)
    return dumps(plain_data(ruleset), heading)

