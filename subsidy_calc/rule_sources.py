"""Provenance of rule values: every value set in a `[values.DATE]` block names its source in `sources`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ModelWrapValidatorHandler

ASSUMPTION_PREFIX = "假设"
# Keys of a block that describe it rather than set a parameter: they need no source.
META_KEYS = frozenset({"clause", "reference", "sources"})
_SHOWN = 8  # at most this many uncovered paths are listed in one message

M = TypeVar("M", bound=BaseModel)


def is_assumption(text: str) -> bool:
    """A source text that starts with 假设 marks the value as an assumption, not a citation."""
    return text.strip().startswith(ASSUMPTION_PREFIX)


def _content(text: str) -> str:
    """What a source says beyond the 假设 mark and its colon."""
    rest = text.strip().removeprefix(ASSUMPTION_PREFIX)
    return re.sub(r"^[::\s]+", "", rest).strip()


def value_paths(block: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Dotted key paths of every value a block sets (tables are walked; lists are one value)."""
    paths: list[str] = []
    for key, value in block.items():
        if not prefix and key in META_KEYS:
            continue
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            paths.extend(value_paths(value, path + "."))
        else:
            paths.append(path)
    return paths


def _ancestors(path: str) -> list[str]:
    """The path itself and each ancestor: rate.levels.中级工, rate.levels, rate."""
    parts = path.split(".")
    return [".".join(parts[:end]) for end in range(len(parts), 0, -1)]


def source_of(sources: Mapping[str, str], path: str) -> str | None:
    """The source text covering a value: its own path's entry, else the nearest ancestor's."""
    for candidate in _ancestors(path):
        if candidate in sources:
            return sources[candidate]
    return None


def _under(path: str, paths: set[str]) -> bool:
    """True when `path` is one of `paths` or lies below one of them."""
    return any(path == p or path.startswith(p + ".") for p in paths)


def _subtree(block: Mapping[str, Any], path: str) -> Any:
    node: Any = block
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def inherit_sources(
    earlier: Mapping[str, str], later: Mapping[str, str], set_here: set[str], merged: Mapping[str, Any]
) -> dict[str, str]:
    """The sources of a later block merged over an earlier one (dating per parameter).

    An earlier source keeps covering the values the later block inherits, never a value the later block
    sets (those need the later block's own source): a source of a path set again is dropped, and a source of
    an ancestor of such a path (e.g. "advance" when the later block sets advance.ratio) is split into the
    inherited values below it (advance.basis, ...)."""
    kept: dict[str, str] = {}
    for path, text in earlier.items():
        if _under(path, set_here):
            continue
        if not any(p.startswith(path + ".") for p in set_here):
            kept[path] = text
            continue
        subtree = _subtree(merged, path)
        below = value_paths(subtree, path + ".") if isinstance(subtree, Mapping) else []
        kept.update((leaf, text) for leaf in below if not _under(leaf, set_here))
    kept.update(later)
    return kept


def source_problems(block: Mapping[str, Any]) -> list[str]:
    """Problems with a block's `sources` table, in Chinese, each naming the key path concerned."""
    raw = block.get("sources", {})
    if not isinstance(raw, Mapping):
        return []  # the field's own type check reports it
    sources = {str(k): v for k, v in raw.items()}
    problems: list[str] = []
    paths = value_paths(block)
    set_prefixes = {ancestor for path in paths for ancestor in _ancestors(path)}
    for key, text in sources.items():
        if key in META_KEYS:
            problems.append(f"sources.\"{key}\":{key} 是说明,不需要来源")
        elif key not in set_prefixes:
            problems.append(f"sources.\"{key}\":本块没有设置这个值(键名写错了?来源只能写给本块设置的值)")
        if isinstance(text, str) and not _content(text):
            problems.append(f"sources.\"{key}\":来源不能为空;假设请写“假设:”加上假设的内容")
    uncovered = [path for path in paths if source_of(sources, path) is None]
    if uncovered:
        listed = "、".join(uncovered[:_SHOWN]) + (f" 等 {len(uncovered)} 项" if len(uncovered) > _SHOWN else "")
        problems.append(
            f"这些值没有写明来源:{listed}。请在本块的 sources 中为该键或其上级键写明条款,"
            f"或以“{ASSUMPTION_PREFIX}:”开头说明这是假设"
        )
    return problems


def require_sources(cls: type[M], data: Any, handler: ModelWrapValidatorHandler[M]) -> M:
    """Wrap validator of a values block: its fields first, then every value set in it needs a source.

    pydantic calls it as a class method (hence `cls`, unused); the check reads the block as written, so only
    the values the file sets need a source, not the defaults."""
    del cls
    model = handler(data)
    if isinstance(data, Mapping):
        problems = source_problems(data)
        if problems:
            raise ValueError("\n".join(problems))
    return model
