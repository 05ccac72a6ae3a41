"""The claim file format (versioned JSON, docs/claim-file.md): atomic save, load with clear errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import __version__
from .atomic import atomic_write_text
from .models import Claim
from .pydantic_messages import describe_validation_error

FORMAT_NAME = "subsidy-claim"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LISTED_PROBLEMS = 20  # a message box can show this many; the rest are counted


class ClaimFileError(Exception):
    """A claim file that cannot be read; the message (Chinese) says where and what."""


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """The JSON document of a claim: format header plus the claim (Decimals as strings, dates ISO)."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "claim": claim.model_dump(mode="json"),
    }


def claim_from_dict(document: object, source: str = "申请文件") -> Claim:
    """Validate a JSON document back into a Claim; ClaimFileError names the key path and the problem."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ClaimFileError(f"{source}不是本软件的申请文件(缺少 format = \"{FORMAT_NAME}\")")
    version = document.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ClaimFileError(f"{source}的 format_version 无效:{version!r}")
    if version > FORMAT_VERSION:
        raise ClaimFileError(
            f"{source}由更新版本的软件保存(格式版本 {version},本软件支持到 {FORMAT_VERSION}),请升级软件"
        )
    try:
        return Claim.model_validate(document.get("claim"))
    except ValidationError as exc:
        problems = describe_validation_error(exc, prefix="claim")
        details = ";".join(problems[:MAX_LISTED_PROBLEMS])
        if len(problems) > MAX_LISTED_PROBLEMS:
            details += f";……另有 {len(problems) - MAX_LISTED_PROBLEMS} 处错误"
        raise ClaimFileError(f"{source}内容有误:{details}") from None


def save_claim(path: Path, claim: Claim) -> None:
    """Save atomically: a crash or a full disk leaves the previous file intact."""
    text = json.dumps(claim_to_dict(claim), ensure_ascii=False, indent=2)
    atomic_write_text(path, text + "\n")


def load_claim(path: Path) -> Claim:
    """Load a claim file; every failure is a ClaimFileError with a Chinese message naming the file."""
    name = f"申请文件“{path.name}”"
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ClaimFileError(f"{name}超过 {MAX_FILE_BYTES // 1024 // 1024} MB,不是有效的申请文件")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ClaimFileError(f"找不到{name}") from None
    except OSError as exc:
        raise ClaimFileError(f"无法读取{name}:{exc.strerror or exc}") from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ClaimFileError(f"{name}不是 UTF-8 文本,可能已损坏") from None
    except json.JSONDecodeError as exc:
        raise ClaimFileError(
            f"{name}已损坏或被改动:第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误({exc.msg})"
        ) from None
    return claim_from_dict(document, name)
