"""Reading CSV text files in the encodings Chinese offices produce (UTF-8, UTF-8 BOM, GB18030)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from .input_errors import InputError, InputProblem

MAX_CSV_BYTES = 100 * 1024 * 1024


def decode_text(raw: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), else GB18030; refuse binary files with a clear message."""
    if b"\x00" in raw[:8192]:
        raise InputError([InputProblem(None, "", "", f"文件“{name}”含有二进制内容(NUL 字节),不是 CSV 文本文件")])
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError([InputProblem(None, "", "", f"无法识别文件“{name}”的编码,请另存为 UTF-8 或 GB18030 的 CSV")])


def read_csv_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Headers and (row number, {header: text}) pairs; row numbers count the header as row 1."""
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise InputError(
                [InputProblem(None, "", "", f"文件“{path.name}”超过 {MAX_CSV_BYTES // 1024 // 1024} MB 的上限")]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([InputProblem(None, "", "", f"找不到文件“{path}”")]) from None
    except OSError as exc:
        raise InputError([InputProblem(None, "", "", f"无法读取文件“{path}”:{exc.strerror or exc}")]) from None
    text = decode_text(raw, path.name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError([InputProblem(None, "", "", f"文件“{path.name}”是空的")]) from None
    except csv.Error as exc:
        raise InputError([InputProblem(1, "", "", f"CSV 格式错误:{exc}")]) from None

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for number, cells in enumerate(reader, start=2):
                yield number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers)}
        except csv.Error as exc:
            raise InputError([InputProblem(reader.line_num, "", "", f"CSV 格式错误:{exc}")]) from None

    return headers, rows()
