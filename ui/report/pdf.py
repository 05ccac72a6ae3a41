"""The claim's PDF for the window and the command line: ReportLab renders it in memory (subsidy_calc.export
.pdf_render), it is written atomically, and the print preview and the printer show these same pages."""

from __future__ import annotations

from pathlib import Path

from subsidy_calc.atomic import atomic_write_bytes
from subsidy_calc.export.pdf_fonts import FontMissingError
from subsidy_calc.export.pdf_render import PageProgress, RenderCancelled, page_label, render_summary_pdf
from subsidy_calc.export.summary import SummaryDocument

__all__ = ["FontMissingError", "PageProgress", "RenderCancelled", "page_label", "render_pdf_bytes", "write_pdf"]


def render_pdf_bytes(summary: SummaryDocument, progress: PageProgress | None = None) -> tuple[bytes, int]:
    """The PDF in memory (A4, fonts embedded as subsets) and its page count; raises before anything is made."""
    return render_summary_pdf(summary, progress)


def write_pdf(path: Path, summary: SummaryDocument, progress: PageProgress | None = None) -> int:
    """Render fully, then replace `path` atomically: a failure leaves no partial file. Returns pages."""
    data, pages = render_pdf_bytes(summary, progress)
    atomic_write_bytes(path, data)
    return pages
