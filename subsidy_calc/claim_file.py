"""The claim file format (versioned JSON, docs/claim-file.md): complete claims and drafts, atomic save, clear errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import __version__
from .atomic import atomic_write_text
from .models import Claim
from .pydantic_messages import describe_validation_error

FORMAT_NAME = "subsidy-claim"
FORMAT_VERSION = 2  # 2: drafts ("status": "draft", typed texts cell by cell) and the "ruleset" stamp
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LISTED_PROBLEMS = 20  # a message box can show this many; the rest are counted
STATUS_COMPLETE = "complete"
STATUS_DRAFT = "draft"
DRAFT_TABLES = ("classes", "roster")


class ClaimFileError(Exception):
    """A claim file that cannot be read; the message (Chinese) says where and what."""


@dataclass(frozen=True)
class ClaimDraft:
    """A claim as the user typed it, valid or not: form fields and table rows as texts keyed by field name.

    `problems` are the messages the app showed when the draft was saved (the app works them out again on
    open; the command line names them when it refuses the draft)."""

    fields: dict[str, str]
    classes: list[dict[str, str]] = field(default_factory=list)
    roster: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimFile:
    """What a claim file holds: a complete claim or a draft, and the stamp of the rule set it was made with.

    `ruleset` is `{"id": …, "version": …, "fingerprint": …}` when the file has one (format 2 and later);
    missing keys are simply absent."""

    content: Claim | ClaimDraft
    ruleset: dict[str, str] | None = None

    @property
    def is_draft(self) -> bool:
        return isinstance(self.content, ClaimDraft)


def _header(status: str, ruleset: dict[str, str] | None) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": status,
        "ruleset": dict(ruleset) if ruleset else None,
    }


def claim_to_dict(claim: Claim, ruleset: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON document of a complete claim: format header plus the claim (Decimals as strings, dates ISO)."""
    document = _header(STATUS_COMPLETE, ruleset or {"id": claim.ruleset_id})
    document["claim"] = claim.model_dump(mode="json")
    return document


def draft_to_dict(draft: ClaimDraft, ruleset: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON document of a draft: the typed texts, cell by cell, and the problems seen at saving."""
    stamp = ruleset or ({"id": draft.fields["ruleset_id"]} if draft.fields.get("ruleset_id") else None)
    document = _header(STATUS_DRAFT, stamp)
    document["draft"] = {
        "fields": dict(draft.fields),
        "classes": [dict(row) for row in draft.classes],
        "roster": [dict(row) for row in draft.roster],
    }
    document["problems"] = list(draft.problems)
    return document


def _listing(problems: list[str], what: str = "处错误") -> str:
    details = ";".join(problems[:MAX_LISTED_PROBLEMS])
    if len(problems) > MAX_LISTED_PROBLEMS:
        details += f";……另有 {len(problems) - MAX_LISTED_PROBLEMS} {what}"
    return details


def _check_header(document: object, source: str) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ClaimFileError(f"{source}不是本软件的申请文件(缺少 format = \"{FORMAT_NAME}\")")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ClaimFileError(f"{source}的 format_version 无效:{version!r}")
    if version > FORMAT_VERSION:
        raise ClaimFileError(
            f"{source}由更新版本的软件保存(格式版本 {version},本软件支持到 {FORMAT_VERSION}),请升级软件"
        )
    return document


def _ruleset_stamp(document: dict[str, Any], source: str) -> dict[str, str] | None:
    stamp = document.get("ruleset")
    if stamp is None:
        return None
    if not isinstance(stamp, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in stamp.items()):
        raise ClaimFileError(f"{source}的 ruleset 应为 {{\"id\": …, \"version\": …, \"fingerprint\": …}} 文字")
    return dict(stamp)


def _texts(value: object, where: str, source: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ClaimFileError(f"{source}的 {where} 应为“字段名: 文字”的对象")
    return dict(value)


def _draft_from_dict(document: dict[str, Any], source: str) -> ClaimDraft:
    body = document.get("draft")
    if not isinstance(body, dict):
        raise ClaimFileError(f"{source}是草稿,但缺少 draft 部分")
    tables: dict[str, list[dict[str, str]]] = {}
    for table in DRAFT_TABLES:
        rows = body.get(table, [])
        if not isinstance(rows, list):
            raise ClaimFileError(f"{source}的 draft.{table} 应为列表")
        tables[table] = [_texts(row, f"draft.{table}[{n}]", source) for n, row in enumerate(rows)]
    problems = document.get("problems", [])
    if not isinstance(problems, list) or not all(isinstance(p, str) for p in problems):
        raise ClaimFileError(f"{source}的 problems 应为文字列表")
    return ClaimDraft(_texts(body.get("fields", {}), "draft.fields", source),
                      tables["classes"], tables["roster"], list(problems))


def claim_file_from_dict(document: object, source: str = "申请文件") -> ClaimFile:
    """Any claim file document (format 1 or 2, complete or draft) → ClaimFile; ClaimFileError says what is wrong."""
    checked = _check_header(document, source)
    ruleset = _ruleset_stamp(checked, source)
    status = checked.get("status", STATUS_COMPLETE)  # format 1 files are always complete claims
    if status == STATUS_DRAFT:
        return ClaimFile(_draft_from_dict(checked, source), ruleset)
    if status != STATUS_COMPLETE:
        raise ClaimFileError(f"{source}的 status 应为 \"{STATUS_COMPLETE}\" 或 \"{STATUS_DRAFT}\":{status!r}")
    try:
        claim = Claim.model_validate(checked.get("claim"))
    except ValidationError as exc:
        problems = describe_validation_error(exc, prefix="claim")
        raise ClaimFileError(f"{source}内容有误:{_listing(problems)}") from None
    return ClaimFile(claim, ruleset)


def claim_from_dict(document: object, source: str = "申请文件") -> Claim:
    """A complete claim; a draft is refused with its problems named (a draft cannot be calculated)."""
    loaded = claim_file_from_dict(document, source)
    if isinstance(loaded.content, ClaimDraft):
        raise ClaimFileError(draft_refusal(loaded.content, source))
    return loaded.content


def draft_refusal(draft: ClaimDraft, source: str) -> str:
    """The message for a draft where a complete claim is needed (command line, exports)."""
    if not draft.problems:
        return f"{source}是草稿,尚未完成,请在窗口中打开并改正后保存"
    return (f"{source}是草稿,还有 {len(draft.problems)} 个问题,请在窗口中改正后再计算:"
            f"{_listing(draft.problems, '个问题')}")


def save_claim(path: Path, claim: Claim, ruleset: dict[str, str] | None = None) -> None:
    """Save a complete claim atomically: a crash or a full disk leaves the previous file intact."""
    _write(path, claim_to_dict(claim, ruleset))


def save_draft(path: Path, draft: ClaimDraft, ruleset: dict[str, str] | None = None) -> None:
    """Save a draft atomically (the same file name and extension as a complete claim)."""
    _write(path, draft_to_dict(draft, ruleset))


def _write(path: Path, document: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def read_document(path: Path, name: str) -> object:
    """The parsed JSON of a claim file; every failure is a ClaimFileError naming the file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ClaimFileError(f"{name}超过 {MAX_FILE_BYTES // 1024 // 1024} MB,不是有效的申请文件")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ClaimFileError(f"找不到{name}") from None
    except OSError as exc:
        raise ClaimFileError(f"无法读取{name}:{exc.strerror or exc}") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ClaimFileError(f"{name}不是 UTF-8 文本,可能已损坏") from None
    except json.JSONDecodeError as exc:
        raise ClaimFileError(
            f"{name}已损坏或被改动:第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误({exc.msg})"
        ) from None


def _file_name(path: Path) -> str:
    return f"申请文件“{path.name}”"


def read_claim_file(path: Path) -> ClaimFile:
    """Load a claim file, complete or draft (the window opens both)."""
    name = _file_name(path)
    return claim_file_from_dict(read_document(path, name), name)


def load_claim(path: Path) -> Claim:
    """Load a complete claim; a draft or a bad file is a ClaimFileError with a Chinese message naming the file."""
    return load_claim_and_stamp(path)[0]


def load_claim_and_stamp(path: Path) -> tuple[Claim, dict[str, str] | None]:
    """A complete claim and the stamp of the rule set it was saved with (None in older files)."""
    name = _file_name(path)
    loaded = claim_file_from_dict(read_document(path, name), name)
    if isinstance(loaded.content, ClaimDraft):
        raise ClaimFileError(draft_refusal(loaded.content, name))
    return loaded.content, loaded.ruleset
