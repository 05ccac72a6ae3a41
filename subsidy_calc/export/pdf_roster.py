"""附件二 学徒名册 as PDF tables: widths measured so that class ids and ID numbers never wrap, headings on every
page, or a sentence (and no empty table) when the claim has no roster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .summary import ROSTER_HEADERS, SummaryDocument

if TYPE_CHECKING:
    from .pdf_story import Styles

WRAPPING = (1, 5)  # 姓名 and 培训职业 may wrap; every other column is as wide as its widest text
NUMBERS = (0,)
PADDING = 3.0
FONT_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
MIN_WRAPPING_WIDTH = 34.0  # points: at least four characters of a name per line
CHUNK_ROWS = 2000  # a table splits page by page; 2,000-row tables keep that linear for 100,000 people
GAP = "\xa0" * 4  # one handwritten character wide (a paragraph collapses other white space)
SEAL_LINE = f"申请单位(盖章):{GAP * 14}日期:{GAP * 4}年{GAP * 3}月{GAP * 3}日"


def _widths(doc: SummaryDocument, font: str, size: float, width: float) -> list[float] | None:
    """Column widths at `size`, or None when the non-wrapping columns do not fit at that size."""
    widest = [max(stringWidth(h, font, size) for h in header.split("\n")) for header in ROSTER_HEADERS]
    for row in doc.roster:
        for col, text in enumerate(row.cells()):
            w = stringWidth(text, font, size)
            if w > widest[col]:
                widest[col] = w
    needed = [w + 2 * PADDING + 1 for w in widest]
    fixed = sum(w for col, w in enumerate(needed) if col not in WRAPPING)
    free = width - fixed
    if free < MIN_WRAPPING_WIDTH * len(WRAPPING):
        return None
    want = sum(needed[col] for col in WRAPPING)
    for col in WRAPPING:  # share what is left in proportion to what the column would like, never more
        needed[col] = max(MIN_WRAPPING_WIDTH, min(needed[col], free * needed[col] / want))
    scale = width / sum(needed)  # what is left is shared in proportion: a wide column stays the widest
    return [w * scale for w in needed]


def _layout(doc: SummaryDocument, font: str, width: float) -> tuple[float, list[float]]:
    for size in FONT_SIZES:
        widths = _widths(doc, font, size, width)
        if widths is not None:
            return size, widths
    size = FONT_SIZES[-1]
    return size, [width / len(ROSTER_HEADERS)] * len(ROSTER_HEADERS)  # absurdly long ids: they wrap


def _rows(s: Styles, doc: SummaryDocument, size: float, widths: list[float]) -> list[list[object]]:
    fonts = s.fonts
    cell = ParagraphStyle("cell", parent=s.body, fontSize=size, leading=size * 1.25)
    number = ParagraphStyle("cellnum", parent=cell, alignment=TA_RIGHT)
    rows: list[list[object]] = []
    for row in doc.roster:
        out: list[object] = []
        for col, text in enumerate(row.cells()):
            too_wide = stringWidth(text, fonts.body, size) > widths[col] - 2 * PADDING - 0.5
            if fonts.plain(text) and not too_wide:
                out.append(text)
                continue
            where = f"学徒名册第 {row.number} 行“{row.name}”的{ROSTER_HEADERS[col]}"
            if col == 1:
                where = f"学徒名册第 {row.number} 行“{row.name}”(姓名)"
            out.append(Paragraph(fonts.markup(text, where), number if col in NUMBERS else cell))
        rows.append(out)
    return rows


def _table(header: list[object], rows: list[list[object]], widths: list[float], size: float, font: str) -> Table:
    style = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("FONT", (0, 0), (-1, -1), font, size, size * 1.25),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ])
    return Table([header, *rows], colWidths=widths, repeatRows=1, style=style)


def roster_flowables(s: Styles, doc: SummaryDocument, width: float) -> list[Flowable]:
    """The annex: heading, the sentence, then the table (its headings repeated on every page) and a seal line."""
    story: list[Flowable] = [s.p("附件二:学徒名册", s.heading), s.p(doc.roster_note)]
    if not doc.roster:
        return story
    size, widths = _layout(doc, s.fonts.body, width)
    head_style = ParagraphStyle("head", parent=s.body, fontSize=size, leading=size * 1.25, alignment=TA_CENTER)
    header: list[object] = [s.p(h, head_style) for h in ROSTER_HEADERS]
    rows = _rows(s, doc, size, widths)
    story.append(Spacer(1, 4))
    for start in range(0, len(rows), CHUNK_ROWS):
        story.append(_table(header, rows[start:start + CHUNK_ROWS], widths, size, s.fonts.body))
    story += [Spacer(1, 10), s.p(SEAL_LINE)]
    return story
