"""What the core asks of a PDF renderer: the summary in, PDF bytes and a page count out.

The core never draws; a renderer is passed in by whoever may use Qt (`ui.entry` for the command line).
"""

from __future__ import annotations

from collections.abc import Callable

from .summary import SummaryDocument


class PdfRenderError(RuntimeError):
    """The PDF cannot be made (no usable font, a character no font has); str() says why, in Chinese."""


# Renders the whole document in memory; raises PdfRenderError before anything is produced.
PdfRenderer = Callable[[SummaryDocument], tuple[bytes, int]]
