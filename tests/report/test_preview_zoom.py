"""Zoom in the print preview: steps and limits, fits computed from the viewport, pages rendered sharp at the
scale and the screen's pixel ratio, a bounded cache, the spot looked at kept in view, dragging, printing unchanged."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent, QPixmap, QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from subsidy_calc.export.summary import build_summary
from subsidy_calc.models import Claim
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_schema import RuleSet
from ui.report import pdf, preview, preview_zoom
from ui.report.preview_pages import CACHE_BYTES, PageCache, PdfPages, page_rect
from ui.report.preview_view import Fit, PageView

ROOT = Path(__file__).resolve().parents[2]
A4 = (595.2756, 841.8898)  # points
PIXELS_PER_POINT = 96 / 72


@pytest.fixture
def dialog(qtbot: QtBot, sample: tuple[Claim, ClaimResult, RuleSet]) -> Iterator[preview.PdfPreviewDialog]:
    parent = QWidget()
    qtbot.addWidget(parent)
    summary = build_summary(*sample)
    data, _pages = pdf.render_pdf_bytes(summary)
    shown = preview.PdfPreviewDialog(parent, summary, data)
    qtbot.addWidget(shown)
    shown.resize(900, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.reject()


def landscape_rows(view: PageView) -> list[int]:
    return [row for row, (w, h) in enumerate(view.pages.sizes()) if w > h]


def spot(view: PageView, point: QPoint) -> tuple[int, float, float]:
    """The page under `point` and where on it, as fractions of its width and height."""
    index = view.indexAt(point)
    assert index.isValid()
    page = page_rect(view.visualRect(index), view.page_model.page_size(index.row()))
    return index.row(), (point.x() - page.x()) / page.width(), (point.y() - page.y()) / page.height()


def test_steps_go_to_the_next_step_and_stop_at_the_limits() -> None:
    assert preview_zoom.step_in(0.74) == 0.9 and preview_zoom.step_out(0.74) == 0.67  # not to a 1 % step (75 %)
    assert preview_zoom.step_in(0.75) == 0.9 and preview_zoom.step_out(0.75) == 0.67
    assert preview_zoom.step_in(1.0) == 1.1 and preview_zoom.step_out(1.0) == 0.9
    assert preview_zoom.step_in(4.0) == 4.0 and preview_zoom.step_out(0.25) == 0.25
    assert preview_zoom.step_in(3.9) == 4.0 and preview_zoom.step_out(0.26) == 0.25
    assert preview_zoom.clamp(9.0) == 4.0 and preview_zoom.clamp(0.01) == 0.25
    assert preview_zoom.percent_text(0.7449) == "74%"


def test_buttons_step_through_every_zoom_and_are_disabled_at_the_limits(dialog: preview.PdfPreviewDialog) -> None:
    view = dialog.view
    seen = []
    while dialog.zoom_out_action.isEnabled():
        dialog.zoom_out_action.trigger()
        seen.append(view.scale)
    assert seen[-1] == preview_zoom.MIN_SCALE and dialog.zoom_label.text() == "25%"
    seen = [view.scale]
    while dialog.zoom_in_action.isEnabled():
        dialog.zoom_in_action.trigger()
        seen.append(view.scale)
    assert tuple(seen) == preview_zoom.STEPS and dialog.zoom_label.text() == "400%"
    assert not dialog.zoom_in_action.isEnabled() and dialog.zoom_out_action.isEnabled()
    dialog.actual_size_action.trigger()
    assert view.scale == 1.0 and dialog.zoom_label.text() == "100%"


def test_opens_fitted_to_the_width_of_the_widest_page(qtbot: QtBot, dialog: preview.PdfPreviewDialog) -> None:
    view = dialog.view
    assert view.fit == Fit.WIDTH and dialog.fit_width_action.isChecked() and not dialog.fit_page_action.isChecked()
    rows = landscape_rows(view)
    assert rows, "the roster annex is landscape"
    usable = view.viewport().width() - 2 * (view.spacing() + 8) - 1
    assert view.scale == pytest.approx(usable / (A4[1] * PIXELS_PER_POINT), abs=0.002)
    assert dialog.zoom_label.text() == preview_zoom.percent_text(view.scale)
    view.scrollTo(view.page_model.index(rows[0]))
    page = page_rect(view.visualRect(view.page_model.index(rows[0])), view.page_model.page_size(rows[0]))
    assert view.viewport().rect().contains(QPoint(page.left(), page.center().y()))
    assert view.viewport().rect().contains(QPoint(page.right(), page.center().y()))
    assert view.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    before = view.scale
    dialog.resize(1100, 700)
    qtbot.waitUntil(lambda: view.scale > before)  # the fit is kept while the window is resized
    assert view.scale == pytest.approx((view.viewport().width() - 2 * (view.spacing() + 8) - 1)
                                       / (A4[1] * PIXELS_PER_POINT), abs=0.002)


def test_fit_page_shows_every_page_whole_and_a_zoom_ends_the_fit(dialog: preview.PdfPreviewDialog) -> None:
    view = dialog.view
    dialog.fit_page_action.trigger()
    assert view.fit == Fit.PAGE and dialog.fit_page_action.isChecked() and not dialog.fit_width_action.isChecked()
    spare = 2 * (view.spacing() + 8) + 1
    height = view.viewport().height() - spare
    assert view.scale == pytest.approx(height / (A4[1] * PIXELS_PER_POINT), abs=0.002)  # portrait A4, by height
    for row in (0, landscape_rows(view)[0]):
        index = view.page_model.index(row)
        view.scrollTo(index, PageView.ScrollHint.PositionAtTop)
        page = page_rect(view.visualRect(index), view.page_model.page_size(row))
        assert view.viewport().rect().contains(page)
    dialog.zoom_in_action.trigger()
    assert dialog.view.fit == Fit.NONE and not dialog.fit_page_action.isChecked()


def test_pixmap_is_rendered_at_the_scale_times_the_pixel_ratio(qtbot: QtBot,
                                                                sample: tuple[Claim, ClaimResult, RuleSet]) -> None:
    data, _count = pdf.render_pdf_bytes(build_summary(*sample))
    pages = PdfPages(data)
    view = PageView(pages)
    qtbot.addWidget(view)
    model = view.page_model
    for scale, ratio in ((2.0, 1.5), (0.5, 1.5), (4.0, 1.0), (1.0, 2.0)):
        model.set_zoom(scale, ratio)
        for row in (0, landscape_rows(view)[0]):
            width, height = pages.size_points(row)
            pixmap = model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
            assert isinstance(pixmap, QPixmap)
            assert pixmap.devicePixelRatio() == ratio
            assert abs(pixmap.width() - width * scale * ratio * 96 / 72) <= 1
            assert abs(pixmap.height() - height * scale * ratio * 96 / 72) <= 1
            logical = model.page_size(row)
            assert abs(pixmap.deviceIndependentSize().width() - logical.width()) <= 1
    pages.close()


def test_the_view_renders_for_a_150_percent_screen() -> None:
    """Under QT_SCALE_FACTOR=1.5 (a Windows laptop at 150 %) the pages carry 1.5 × the pixels of their size."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from subsidy_calc.export.summary import build_summary\n"
        "from tests.report.samples import calculated, make_claim\n"
        "from ui.report import pdf, preview\n"
        "app = QApplication([])\n"
        "parent = QWidget()\n"
        "summary = build_summary(*calculated(make_claim()))\n"
        "dialog = preview.PdfPreviewDialog(parent, summary, pdf.render_pdf_bytes(summary)[0])\n"
        "dialog.show()\n"
        "app.processEvents()\n"
        "dialog.view.zoom_to(2.0)\n"
        "model = dialog.model\n"
        "pixmap = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)\n"
        "print(dialog.view.devicePixelRatioF(), model.ratio, pixmap.devicePixelRatio(), pixmap.width())\n"
        "dialog.reject()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    view_ratio, model_ratio, pixmap_ratio, width = done.stdout.split()
    assert float(view_ratio) == float(model_ratio) == float(pixmap_ratio) == 1.5
    assert abs(int(width) - A4[0] * 2.0 * 1.5 * 96 / 72) <= 1


def test_cache_stays_bounded_through_every_zoom(dialog: preview.PdfPreviewDialog) -> None:
    view, model = dialog.view, dialog.model
    view.scrollTo(model.index(landscape_rows(view)[0]))
    for scale in (*preview_zoom.STEPS, *reversed(preview_zoom.STEPS)):
        view.zoom_to(scale)
        view.viewport().grab()  # paints the visible pages, which renders them
        largest = max(math.ceil(w * scale * 96 / 72) * math.ceil(h * scale * 96 / 72) * 4
                      for w, h in view.pages.sizes())
        assert len(model.cache) >= 1 and any(key[1] == scale for key in model.cache.entries())
        assert model.cache.bytes <= max(CACHE_BYTES, 2 * largest)
    assert model.cache.bytes <= CACHE_BYTES  # back at 25 %: the big pages of 400 % are gone


def test_cache_evicts_the_least_recently_used_past_its_budget() -> None:
    cache = PageCache(budget=3 * 100 * 100 * 4, keep=2)
    pixmaps = [QPixmap(100, 100) for _ in range(5)]
    for row in range(3):
        cache.put((row, 1.0, 1.0), pixmaps[row])
    assert cache.get((0, 1.0, 1.0)) is pixmaps[0]  # used again: now the most recent
    cache.put((3, 1.0, 1.0), pixmaps[3])
    assert [key[0] for key in cache.entries()] == [2, 0, 3] and cache.bytes == 3 * 40_000
    big = PageCache(budget=10, keep=2)
    for row in range(4):
        big.put((row, 4.0, 1.5), pixmaps[row])
    assert [key[0] for key in big.entries()] == [2, 3]  # over budget, but the two just painted stay
    big.reserve(40_000)  # before rendering one more: only the page painted last is left
    assert [key[0] for key in big.entries()] == [3] and big.bytes == 40_000


def test_zooming_keeps_the_spot_in_view(dialog: preview.PdfPreviewDialog) -> None:
    view = dialog.view
    row = landscape_rows(view)[0]
    view.scrollTo(view.page_model.index(row), PageView.ScrollHint.PositionAtTop)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 150)
    centre = view.viewport().rect().center()
    before = spot(view, centre)
    for action in (dialog.zoom_in_action, dialog.zoom_in_action, dialog.zoom_out_action, dialog.fit_width_action):
        action.trigger()
        after = spot(view, centre)
        assert after[0] == before[0]
        assert after[1] == pytest.approx(before[1], abs=0.01) and after[2] == pytest.approx(before[2], abs=0.01)
    dialog.fit_page_action.trigger()  # the page that was at the centre, whole
    index = view.page_model.index(before[0])
    assert view.viewport().rect().contains(page_rect(view.visualRect(index), view.page_model.page_size(before[0])))


def test_ctrl_wheel_zooms_at_the_pointer_and_a_plain_wheel_scrolls(dialog: preview.PdfPreviewDialog) -> None:
    view = dialog.view
    view.scrollTo(view.page_model.index(2), PageView.ScrollHint.PositionAtTop)
    pointer = QPoint(view.viewport().width() // 3, view.viewport().height() // 3)

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(QPointF(pointer), QPointF(view.viewport().mapToGlobal(pointer)), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view.viewport(), event)

    start = view.scale
    before = spot(view, pointer)
    wheel(120, Qt.KeyboardModifier.ControlModifier)
    assert view.scale == preview_zoom.step_in(start) and view.fit == Fit.NONE
    after = spot(view, pointer)
    assert after[0] == before[0]
    assert after[1] == pytest.approx(before[1], abs=0.01) and after[2] == pytest.approx(before[2], abs=0.01)
    for _ in range(4):
        wheel(-30, Qt.KeyboardModifier.ControlModifier)  # a touchpad: four small deltas make one step
    assert view.scale == preview_zoom.step_out(preview_zoom.step_in(start))
    position = view.verticalScrollBar().value()
    wheel(-120, Qt.KeyboardModifier.NoModifier)
    assert view.scale == preview_zoom.step_out(preview_zoom.step_in(start))
    assert view.verticalScrollBar().value() > position


def test_dragging_moves_the_pages_like_paper(dialog: preview.PdfPreviewDialog) -> None:
    view = dialog.view
    view.zoom_to(2.0)
    horizontal, vertical = view.horizontalScrollBar(), view.verticalScrollBar()
    horizontal.setValue(horizontal.maximum() // 2)
    vertical.setValue(vertical.maximum() // 2)
    left, top = horizontal.value(), vertical.value()
    viewport = view.viewport()

    def mouse(kind: QEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, QPointF(at), QPointF(viewport.mapToGlobal(at)), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    start = QPoint(300, 300)
    mouse(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    assert viewport.cursor().shape() == Qt.CursorShape.ClosedHandCursor
    mouse(QEvent.Type.MouseMove, start + QPoint(40, -120), Qt.MouseButton.LeftButton)
    mouse(QEvent.Type.MouseButtonRelease, start + QPoint(40, -120), Qt.MouseButton.NoButton)
    assert (horizontal.value(), vertical.value()) == (left - 40, top + 120)  # the page went with the pointer
    assert viewport.cursor().shape() == Qt.CursorShape.OpenHandCursor
    mouse(QEvent.Type.MouseMove, start, Qt.MouseButton.NoButton)  # released: moving no longer drags
    assert (horizontal.value(), vertical.value()) == (left - 40, top + 120)


def test_zoom_shortcuts_are_the_standard_keys(qtbot: QtBot, dialog: preview.PdfPreviewDialog) -> None:
    zoom_in = QKeySequence(QKeySequence.StandardKey.ZoomIn)
    zoom_out = QKeySequence(QKeySequence.StandardKey.ZoomOut)
    assert zoom_in in dialog.zoom_in_action.shortcuts() and zoom_out in dialog.zoom_out_action.shortcuts()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    start = dialog.view.scale
    qtbot.keyClick(dialog.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.scale == preview_zoom.step_in(start)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.scale == preview_zoom.step_out(preview_zoom.step_out(preview_zoom.step_in(start)))


def test_printing_ignores_the_preview_zoom(dialog: preview.PdfPreviewDialog, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dialog.view.zoom_to(4.0)
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dpis: list[float] = []
    real = PdfPages.image

    def spy(self: PdfPages, index: int, dpi: float) -> object:
        dpis.append(dpi)
        return real(self, index, dpi)

    monkeypatch.setattr(PdfPages, "image", spy)
    assert preview.print_pages(printer, dialog.pages) == len(dialog.pages)
    assert dpis and set(dpis) == {min(printer.resolution(), preview.PRINT_DPI_CAP)}
