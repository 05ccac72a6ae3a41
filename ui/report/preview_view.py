"""The print preview's page view: zoom by steps, Ctrl+wheel, fit width / fit page (kept while the window is
resized), with the spot being looked at kept in place; the pages can be dragged with the mouse."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ui.report import preview_zoom as zoom
from ui.report.preview_pages import PAGE_MARGIN, PageDelegate, PageModel, PdfPages, page_rect

WHEEL_STEP = 120  # one notch of an ordinary mouse wheel; touchpads send smaller deltas that add up


class Fit(Enum):
    NONE = "none"
    WIDTH = "width"
    PAGE = "page"


@dataclass(frozen=True)
class Spot:
    """A point of a page as fractions of its width and height."""

    row: int
    x: float
    y: float


class PageView(QListView):
    """One column of pages at one scale (1.0 = real size); starts fitted to the width."""

    zoomChanged = Signal(float)

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.page_model = PageModel(pages)
        self.setModel(self.page_model)
        self.setItemDelegate(PageDelegate(self.page_model, self))
        self.setUniformItemSizes(False)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.horizontalScrollBar().setSingleStep(24)
        # always there, so fitting the width never makes it appear and the width change under the fit
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setStyleSheet("QListView { background: #808080; }")
        self.fit = Fit.WIDTH
        self._wheel = 0
        self._grab: tuple[QPoint, int, int] | None = None  # where a drag started, and the scroll bars then
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)

    @property
    def scale(self) -> float:
        return self.page_model.scale

    # What the controls call.
    def zoom_in(self) -> None:
        self.zoom_to(zoom.step_in(self.scale))

    def zoom_out(self) -> None:
        self.zoom_to(zoom.step_out(self.scale))

    def zoom_to(self, scale: float, anchor: QPoint | None = None) -> None:
        """A chosen scale (no longer fitted); the page point at `anchor` (default: the centre) stays there."""
        self.fit = Fit.NONE
        self._apply(scale, anchor)

    def fit_to(self, fit: Fit) -> None:
        """Fit the width or the whole page; with 适合页面 the page at the centre is then shown whole."""
        self.fit = fit
        centre = self.viewport().rect().center()
        spot = self._spot_at(centre)
        self._apply(self.fitted_scale(), centre)
        if fit == Fit.PAGE and spot is not None:
            self.scrollTo(self.page_model.index(spot.row), QAbstractItemView.ScrollHint.PositionAtTop)

    def fitted_scale(self) -> float:
        """The scale of the current fit, from the viewport's size (less the spacing and the page margins)."""
        spare = 2 * (self.spacing() + PAGE_MARGIN) + 1  # + 1: page sizes are rounded up
        width, height = self.viewport().width() - spare, self.viewport().height() - spare
        if self.fit == Fit.PAGE:
            return zoom.fit_page(self.pages.sizes(), width, height)
        return zoom.fit_width(self.pages.sizes(), width)

    # Qt's events.
    def wheelEvent(self, e: QWheelEvent) -> None:
        if not e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(e)
            return
        self._wheel += e.angleDelta().y()
        scale = self.scale
        while abs(self._wheel) >= WHEEL_STEP:
            up = self._wheel > 0
            scale = zoom.step_in(scale) if up else zoom.step_out(scale)
            self._wheel -= WHEEL_STEP if up else -WHEEL_STEP
        if scale != self.scale:
            self.zoom_to(scale, e.position().toPoint())
        e.accept()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        """The left button drags the pages like paper on a desk (the hand of PDF readers)."""
        if e.button() == Qt.MouseButton.LeftButton:
            self._grab = (e.position().toPoint(), self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            e.accept()
            return
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self._grab is None:
            super().mouseMoveEvent(e)
            return
        start, left, top = self._grab
        moved = e.position().toPoint() - start
        self.horizontalScrollBar().setValue(left - moved.x())
        self.verticalScrollBar().setValue(top - moved.y())
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self._grab is None or e.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(e)
            return
        self._grab = None
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        e.accept()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if self.fit != Fit.NONE:  # the fit follows the window; what is at the top stays there
            self._apply(self.fitted_scale(), QPoint(self.viewport().width() // 2, 1))

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.DevicePixelRatioChange:  # moved to a screen of another scaling
            self._apply(self.scale, None)
        return super().event(e)

    # The work.
    def _apply(self, scale: float, anchor: QPoint | None) -> None:
        scale = zoom.clamp(scale)
        ratio = self.devicePixelRatioF()
        if (scale, ratio) != (self.page_model.scale, self.page_model.ratio):
            point = anchor if anchor is not None else self.viewport().rect().center()
            spot = self._spot_at(point)
            self.page_model.set_zoom(scale, ratio)
            self.doItemsLayout()
            if spot is not None:
                self._show_spot(spot, point)
        self.zoomChanged.emit(scale)

    def _spot_at(self, point: QPoint) -> Spot | None:
        for dy in (0, self.spacing() + 1, -self.spacing() - 1):  # between two pages: the one below, or above
            index = self.indexAt(point + QPoint(0, dy))
            if index.isValid():
                page = page_rect(self.visualRect(index), self.page_model.page_size(index.row()))
                return Spot(index.row(), (point.x() - page.x()) / page.width(), (point.y() - page.y()) / page.height())
        return None

    def _show_spot(self, spot: Spot, point: QPoint) -> None:
        index = self.page_model.index(spot.row)
        page = page_rect(self.visualRect(index), self.page_model.page_size(spot.row))
        where = QPointF(page.x() + spot.x * page.width(), page.y() + spot.y * page.height())
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + round(where.x() - point.x()))
        vertical.setValue(vertical.value() + round(where.y() - point.y()))
