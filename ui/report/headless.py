"""PDF rendering for the command line: a QGuiApplication without a window, then the summary's one painter."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication

from subsidy_calc.export.summary import SummaryDocument

_app: QGuiApplication | None = None  # kept alive for the process once made


def needs_offscreen(platform: str = sys.platform, environ: dict[str, str] | None = None) -> bool:
    """Only Linux (and other X11/Wayland systems) without a display need the offscreen platform.

    Windows and macOS always have their own platform plugin with the system's font database; forcing
    offscreen there would leave Qt with no Chinese font (its offscreen font database scans only Qt's own
    fonts folder)."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def ensure_gui_application() -> QGuiApplication:
    """The running Q(Gui)Application, or a new windowless one."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "subsidy-calc"])
    return _app


def render_pdf(summary: SummaryDocument) -> tuple[bytes, int]:
    """A `PdfRenderer` for the core's `export` command."""
    ensure_gui_application()
    from .pdf import render_pdf_bytes

    return render_pdf_bytes(summary)
