"""Console output that never crashes: a Windows console or pipe in GBK (cp936) or cp1252 gets a near equivalent
for a character its code page lacks (− → -, ¥ → ￥), or "?" as the last resort, instead of UnicodeEncodeError
(which would end the program with exit status 1, "the claim has errors")."""

from __future__ import annotations

import codecs
import io
import sys
from typing import TextIO

ERROR_HANDLER = "subsidy-console"

# Typographic characters the engine, the rule sets and the tables use, with stand-ins tried in order.
_STAND_INS: dict[str, tuple[str, ...]] = {
    "\u2212": ("-",),  # minus sign: 应得 … − 已预支 …
    "\u2013": ("-",),  # en dash
    "\u2014": ("\u2014", "--"),  # em dash (GBK has it, cp1252 too; ASCII last)
    "\u00a5": ("\uffe5", "Y"),  # ¥: GBK has only the full-width ￥
    "\uffe5": ("\u00a5", "Y"),  # ￥: cp1252 has only ¥
    "\u00b7": ("\u00b7", "."),  # middle dot (元/人·年)
    "\u00d7": ("\u00d7", "x"),  # multiplication sign
    "\u201c": ('"',), "\u201d": ('"',), "\u2018": ("'",), "\u2019": ("'",),
    "\u00a0": (" ",),
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    replaced = []
    for char in error.object[error.start:error.end]:
        for candidate in (*_STAND_INS.get(char, ()), "?"):
            try:
                candidate.encode(error.encoding)
            except UnicodeEncodeError:
                continue
            replaced.append(candidate)
            break
    return "".join(replaced), error.end


codecs.register_error(ERROR_HANDLER, _stand_in)


def make_console_safe(*streams: TextIO | None) -> None:
    """Let standard output and error write any text in whatever encoding the console or pipe has."""
    for stream in streams or (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=ERROR_HANDLER)
