"""TrueType Chinese fonts for the PDF: found on disk, registered with ReportLab, chosen glyph by glyph.

The first font found is the body font; a character it lacks (䶮 U+4DAE in Extension A, 𠮷 U+20BB7 in
Extension B) is drawn with the next installed font that has it (HanaMinA/B on Debian, SimSun-ExtB on
Windows). Only TrueType outlines are used: their text extracts exactly from the PDF (CFF fonts such as Noto
CJK extract as look-alike radicals, and ReportLab cannot embed them anyway).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts

from ..font_hints import font_advice

# Preference order; the first that exists and has Chinese glyphs is the body font. TrueType only.
FONT_FILES = (
    "wqy-microhei.ttc", "wqy-zenhei.ttc", "msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf",
    "STHeiti Medium.ttc", "STHeiti Light.ttc", "Arial Unicode.ttf",  # macOS's TrueType Chinese fonts
    "HanaMinA.ttf", "HanaMinB.ttf", "simsunb.ttf", "mingliub.ttc", "seguisym.ttf", "DejaVuSans.ttf",
)
INSTALL_HINT = font_advice()[1]  # this platform's advice (never a developer's script)


class FontMissingError(RuntimeError):
    """No usable Chinese font, or a character no installed font has: nothing may be written; str() says why,
    in Chinese."""


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    ReportLab (5.1) writes `<%04X>` of the code point, so 𠮷 U+20BB7 became the invalid `<20BB7>` and
    extracted as ₻; a PDF CMap wants UTF-16BE (`<D842DFB7>`)."""
    def hex16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{hex16(code)}>" for index, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up by name when each subset is written


def font_directories() -> list[Path]:
    """Where fonts are installed on Windows, macOS and Linux (the user's own folders included)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = Path(os.environ.get("XDG_DATA_HOME", str(home / ".local" / "share")))
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data / "fonts", home / ".fonts"]


def _walk(directory: Path) -> Iterator[Path]:
    for root, _dirs, files in os.walk(directory):
        for name in files:
            yield Path(root) / name


@cache
def font_candidates() -> tuple[Path, ...]:
    """Installed font files of FONT_FILES, in preference order (one path per file name)."""
    wanted = {name.lower(): rank for rank, name in enumerate(FONT_FILES)}
    found: dict[int, Path] = {}
    for directory in font_directories():
        if directory.is_dir():
            for path in _walk(directory):
                rank = wanted.get(path.name.lower())
                if rank is not None and rank not in found:
                    found[rank] = path
    return tuple(found[rank] for rank in sorted(found))


@cache
def _load(path: Path) -> tuple[str, frozenset[int]]:
    """Register `path` with ReportLab once; its name and the characters it maps."""
    name = "cjk-" + path.stem.lower()
    try:
        font = ttfonts.TTFont(name, str(path), subfontIndex=0)
    except Exception:  # a damaged, CFF-only or embedding-restricted file: skipped, the next font is tried
        return "", frozenset()
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


@dataclass
class FontSet:
    """The installed fonts in preference order; fallbacks are loaded only when a character needs one."""

    paths: tuple[Path, ...]
    _loaded: dict[int, tuple[str, frozenset[int]]] = field(default_factory=dict)
    _choice: dict[str, str | None] = field(default_factory=dict)
    _body_chars: frozenset[str] = frozenset()  # what the body font draws, as characters (a fast subset test)

    def _font(self, index: int) -> tuple[str, frozenset[int]]:
        if index not in self._loaded:
            self._loaded[index] = _load(self.paths[index])
        return self._loaded[index]

    @property
    def body(self) -> str:
        """The body font's ReportLab name."""
        return self._font(0)[0]

    def _body_set(self) -> frozenset[str]:
        if not self._body_chars:
            self._body_chars = frozenset(chr(code) for code in self._font(0)[1]) | {" ", "\n", "\u3000", "\xa0"}
        return self._body_chars

    def font_for(self, char: str) -> str | None:
        """The first font that draws `char` (whitespace needs none: the body font), or None."""
        if char in self._choice:
            return self._choice[char]
        chosen: str | None = self.body if char.isspace() else None
        code = ord(char)
        for index in range(len(self.paths)):
            if chosen is not None:
                break
            name, chars = self._font(index)
            if code in chars:
                chosen = name
        self._choice[char] = chosen
        return chosen

    def missing(self, text: str) -> str | None:
        """The first character of `text` that no installed font has."""
        return next((ch for ch in text if self.font_for(ch) is None), None)

    def plain(self, text: str) -> bool:
        """True when the body font draws all of `text` (then no markup is needed)."""
        return self._body_set().issuperset(text)

    def markup(self, text: str, where: str) -> str:
        """`text` as Paragraph markup: escaped, with a <font> run for every stretch the body font lacks.

        Raises FontMissingError naming `where` and the character when no installed font has it."""
        body = self.body
        if self.plain(text):
            return _run(body, text, body)
        parts: list[str] = []
        run_font, run = body, ""
        for ch in text:
            font = self.font_for(ch)
            if font is None:
                raise glyph_missing(where, ch)
            if font != run_font:
                parts.append(_run(run_font, run, body))
                run_font, run = font, ""
            run += ch
        parts.append(_run(run_font, run, body))
        return "".join(parts)


def _run(font: str, text: str, body: str) -> str:
    if not text:
        return ""
    escaped = escape(text).replace("\n", "<br/>")
    return escaped if font == body else f'<font name="{font}">{escaped}</font>'


def glyph_missing(where: str, char: str) -> FontMissingError:
    code = f"U+{ord(char):04X}"
    return FontMissingError(
        f"无法打印{where}中的字“{char}”({code}):已安装的字体都没有这个字,PDF 会显示方框,已停止生成。"
        f"{INSTALL_HINT}\n"
        f"Cannot print the character {char} ({code}) in {where}: no installed font has it, so nothing was "
        "written. Install a font covering CJK Extensions A/B (Debian: fonts-hanazono; Windows ships SimSun-ExtB)."
    )


def chinese_fonts(paths: tuple[Path, ...] | None = None) -> FontSet:
    """The installed fonts with a usable Chinese body font first; FontMissingError when there is none."""
    candidates = font_candidates() if paths is None else paths
    body = next((p for p in candidates if {ord("中"), ord("元")} <= _load(p)[1]), None)
    if body is None:
        raise FontMissingError(
            "未安装中文字体,生成的 PDF 中的中文会显示为方框,已停止生成。" + INSTALL_HINT + "\n"
            "No Chinese TrueType font is installed, so Chinese text would show as boxes; nothing was written. "
            + font_advice()[0]
        )
    return FontSet((body, *(p for p in candidates if p != body)))  # a file that fails to load maps nothing
