"""Why a file cannot be written, in Chinese: a name Windows refuses, or the reason of a failed write (OSError)."""

from __future__ import annotations

import errno

from .atomic import FileLockedError

FORBIDDEN_CHARACTERS = '<>:"/\\|?*'
# Device names Windows reserves whatever the extension (CON.toml opens the console, not a file).
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
MAX_NAME_LENGTH = 255  # UTF-16 code units, NTFS and FAT alike


def windows_name_problem(name: str) -> str | None:
    """What Windows refuses in a file name (without its folder), in Chinese; None for a name every system takes.
    Checked everywhere: a file written on Linux is often given to a colleague on Windows."""
    if not name.strip():
        return "文件名为空"
    bad = sorted({ch for ch in name if ch in FORBIDDEN_CHARACTERS or ord(ch) < 32})
    if bad:
        shown = "、".join(f"“{ch}”" if ord(ch) >= 32 else f"控制字符 {ord(ch):#04x}" for ch in bad)
        return f"文件名“{name}”含有 Windows 不允许的字符 {shown}"
    if name[-1] in ". ":
        return f"文件名“{name}”以句点或空格结尾,Windows 不允许"
    device = name.split(".", 1)[0].rstrip(" ").upper()
    if device in RESERVED_NAMES:
        return f"“{device}”是 Windows 保留的设备名,不能用作文件名(“{name}”)"
    if len(name.encode("utf-16-le")) // 2 > MAX_NAME_LENGTH:
        return f"文件名过长(超过 {MAX_NAME_LENGTH} 个字符)"
    return None


class BadFileNameError(OSError):
    """A name Windows refuses, refused before anything is written; strerror says why in Chinese."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(errno.EINVAL, problem, name)


_REASONS = {
    errno.EACCES: "没有写入权限(请换一个文件夹,如“文档”或桌面)",
    errno.EPERM: "没有写入权限(请换一个文件夹,如“文档”或桌面)",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已满",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.ENOENT: "文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "同名的文件夹已存在",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EINVAL: "文件名无效(Windows 不接受这个名字)",
    errno.EIO: "读写设备出错(U 盘或网络盘是否已拔出或断开?)",
}


def write_error_reason(exc: OSError) -> str:
    """The reason of a failed write in Chinese, the same on every system (Windows' own text follows its language)."""
    if isinstance(exc, FileLockedError | BadFileNameError):
        return str(exc.strerror)
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return reason
    return f"{exc.strerror or exc}"
