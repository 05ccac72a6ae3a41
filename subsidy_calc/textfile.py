"""Reading CSV text files in the encodings Chinese offices produce (UTF-8, UTF-8 BOM, GB18030)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from .input_errors import InputError, InputProblem
from .limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_CSV_BYTES, MAX_ROWS, exceeded, megabytes

__all__ = ["MAX_CSV_BYTES", "csv_error_message", "csv_reader", "decode_text", "read_csv_rows"]


def csv_reader(text: str) -> Iterator[list[str]]:
    """csv.reader over a text with the cell-length limit set (the csv module's limit is process-wide)."""
    csv.field_size_limit(MAX_CELL_CHARS)
    return csv.reader(io.StringIO(text, newline=""))


def csv_error_message(exc: csv.Error) -> str:
    """A csv.Error in Chinese (its own text is English)."""
    if "field larger than field limit" in str(exc):
        return exceeded("一个单元格的长度", MAX_CELL_CHARS, f"多于 {MAX_CELL_CHARS:,} 个字符")
    if "NUL" in str(exc):
        return "CSV 格式错误:含有 NUL 字符"
    if "EOF" in str(exc) or "newline" in str(exc):
        return "CSV 格式错误:引号没有配对(某个单元格以引号开始却没有结束)"
    return "CSV 格式错误,请用 Excel 或 WPS 重新另存为 CSV"


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
            message = exceeded(f"文件“{path.name}”的大小", MAX_CSV_BYTES // 1024 // 1024, megabytes(size), " MB")
            raise InputError([InputProblem(None, "", "", message)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([InputProblem(None, "", "", f"找不到文件“{path}”")]) from None
    except OSError as exc:
        raise InputError([InputProblem(None, "", "", f"无法读取文件“{path}”:{exc.strerror or exc}")]) from None
    text = decode_text(raw, path.name)
    reader = csv_reader(text)
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError([InputProblem(None, "", "", f"文件“{path.name}”是空的")]) from None
    except csv.Error as exc:
        raise InputError([InputProblem(1, "", "", csv_error_message(exc))]) from None
    if len(headers) > MAX_COLUMNS:
        message = exceeded(f"文件“{path.name}”的列数", MAX_COLUMNS, len(headers), " 列")
        raise InputError([InputProblem(1, "", "", message)])

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        number = 1
        try:
            for number, cells in enumerate(reader, start=2):
                if number > MAX_ROWS + 1:
                    message = exceeded(f"文件“{path.name}”的数据行数", MAX_ROWS, f"多于 {MAX_ROWS:,} 行")
                    raise InputError([InputProblem(None, "", "", message + ",请拆分成多个文件后分别导入")])
                yield number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers)}
        except csv.Error as exc:
            raise InputError([InputProblem(number + 1, "", "", csv_error_message(exc))]) from None

    return headers, rows()
