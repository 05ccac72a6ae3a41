"""The PDF's pages for the print preview: rendered by PDFium at the zoom and the screen's pixel ratio (sharp at any
scale), cached within a byte budget, and painted centred on a grey desk."""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QAbstractListModel, QMargins, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.report.preview_zoom import SCREEN_DPI, PageSize, logical_pixels

PAGE_MARGIN = 8  # grey around each page, logical pixels
MARGINS = QMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
CACHE_BYTES = 96 * 1024 * 1024  # ≈ 12 A4 pages at 100 % and 150 % scaling; three at 200 %
CACHE_MIN_PAGES = 2  # the pages just painted stay even when they alone pass the budget (a 400 % page is 128 MB
# at 150 % scaling): a viewport shows at most two pages at that size, and evicting one would render it again
# on every repaint

ModelIndex = QModelIndex | QPersistentModelIndex
CacheKey = tuple[int, float, float]  # page, scale, device pixel ratio


class PdfPages:
    """A PDF held in memory, each page rendered on request."""

    def __init__(self, data: bytes) -> None:
        self._pdf = pdfium.PdfDocument(data)
        self._sizes: list[PageSize] | None = None

    def __len__(self) -> int:
        return len(self._pdf)

    def sizes(self) -> list[PageSize]:
        """Every page's width and height in points, read once (without loading the pages)."""
        if self._sizes is None:
            self._sizes = [(float(w), float(h)) for w, h in (self._pdf.get_page_size(i) for i in range(len(self)))]
        return self._sizes

    def size_points(self, index: int) -> PageSize:
        return self.sizes()[index]

    def image(self, index: int, dpi: float) -> QImage:
        page = self._pdf[index]
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: the bitmap's buffer goes away with it

    def pixmap(self, index: int, scale: float, ratio: float) -> QPixmap:
        """The page for a screen: rendered at zoom × device pixel ratio (a 150 % screen gets 1.5 × the pixels, never
        an enlarged bitmap), marked with that ratio so Qt draws it one device pixel per pixel."""
        bitmap = self._pdf[index].render(scale=SCREEN_DPI / 72 * scale * ratio, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
        pixmap = QPixmap.fromImage(image)  # copies: BGRx is the screen's own format, nothing is converted
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def close(self) -> None:
        self._pdf.close()


class PageCache:
    """Rendered pages by (page, scale, pixel ratio), least recently used evicted past a byte budget."""

    def __init__(self, budget: int = CACHE_BYTES, keep: int = CACHE_MIN_PAGES) -> None:
        self.budget = budget
        self._keep = keep
        self._pixmaps: OrderedDict[CacheKey, QPixmap] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._pixmaps)

    def entries(self) -> list[CacheKey]:
        return list(self._pixmaps)

    def get(self, key: CacheKey) -> QPixmap | None:
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
        return pixmap

    def reserve(self, size: int) -> None:
        """Make room before rendering a page of `size` bytes, so the old pages are gone before the new one is made
        (at 400 % the pages are large enough for that to matter); the page just painted before stays."""
        self._evict(size, self._keep - 1)

    def put(self, key: CacheKey, pixmap: QPixmap) -> None:
        self._pixmaps[key] = pixmap
        self.bytes += _size(pixmap)
        self._evict(0, self._keep)

    def _evict(self, extra: int, keep: int) -> None:
        while self.bytes + extra > self.budget and len(self._pixmaps) > keep:
            _key, old = self._pixmaps.popitem(last=False)
            self.bytes -= _size(old)

    def clear(self) -> None:
        self._pixmaps.clear()
        self.bytes = 0


def _size(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(4, pixmap.depth() // 8)


class PageModel(QAbstractListModel):
    """The pages as list items at the current zoom; a page is rendered only when the view shows it."""

    def __init__(self, pages: PdfPages, scale: float = 1.0, ratio: float = 1.0) -> None:
        super().__init__()
        self._pages = pages
        self.scale = scale
        self.ratio = ratio
        self.cache = PageCache()

    def set_zoom(self, scale: float, ratio: float) -> None:
        """A new scale or device pixel ratio: every page has a new size (the view lays them out again)."""
        if (scale, ratio) == (self.scale, self.ratio):
            return
        self.layoutAboutToBeChanged.emit()
        self.scale, self.ratio = scale, ratio
        self.layoutChanged.emit()

    def page_size(self, row: int) -> QSize:
        """The page's size on screen at the current zoom, logical pixels (its pixmap's device-independent size)."""
        width, height = self._pages.size_points(row)
        return QSize(math.ceil(logical_pixels(width, self.scale)), math.ceil(logical_pixels(height, self.scale)))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DecorationRole:
            key = (row, self.scale, self.ratio)
            pixmap = self.cache.get(key)
            if pixmap is None:
                size = self.page_size(row) * self.ratio
                self.cache.reserve(size.width() * size.height() * 4)
                pixmap = self._pages.pixmap(row, self.scale, self.ratio)
                self.cache.put(key, pixmap)
            return pixmap
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.page_size(row).grownBy(MARGINS)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("第 {page} 页 共 {total} 页").format(page=row + 1, total=len(self._pages))
        return None


def page_rect(item: QRect, page: QSize) -> QRect:
    """Where a page is drawn in its item: centred across (the item is as wide as the viewport), below the margin."""
    left = item.x() + max(PAGE_MARGIN, (item.width() - page.width()) // 2)
    return QRect(QPoint(left, item.y() + PAGE_MARGIN), page)


class PageDelegate(QStyledItemDelegate):
    """Paints a page as paper on the desk: centred, a thin shadow, never tinted by selection or focus."""

    def __init__(self, model: PageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        target = page_rect(option.rect, self._model.page_size(index.row()))
        painter.fillRect(target.translated(2, 2), QColor(0, 0, 0, 90))
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap):
            painter.drawPixmap(target.topLeft(), pixmap)
