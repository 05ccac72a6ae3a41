"""The summary as ReportLab platypus flowables: form tables kept whole, class blocks kept on one page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .pdf_fonts import FontSet
from .pdf_roster import roster_flowables
from .summary import DECLARATION, MATERIALS_TITLE, ClassBlock, Item, SummaryDocument

GREY = colors.HexColor("#eeeeee")
RED = colors.HexColor("#c00000")
AMBER = colors.HexColor("#b06000")


def blank(chars: int) -> str:
    """Room for `chars` handwritten characters: no-break spaces (a paragraph collapses other white space)."""
    return "\xa0" * (4 * chars)


class Styles:
    """The paragraph styles of the form, all in the body font (no bold: Chinese fonts ship one weight)."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        body = fonts.body
        self.body = ParagraphStyle("body", fontName=body, fontSize=10, leading=13.5, wordWrap="CJK")
        self.title = ParagraphStyle("title", parent=self.body, fontSize=17, leading=22, alignment=TA_CENTER,
                                    spaceAfter=2)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER, spaceAfter=4)
        self.heading = ParagraphStyle("heading", parent=self.body, fontSize=11.5, leading=15, spaceBefore=8,
                                      spaceAfter=3, keepWithNext=1)
        self.number = ParagraphStyle("number", parent=self.body, alignment=TA_RIGHT)
        self.red = ParagraphStyle("red", parent=self.body, textColor=RED)
        self.banner = ParagraphStyle("banner", parent=self.red, fontSize=14, leading=18)
        self.words = ParagraphStyle("words", parent=self.body, fontSize=11, leading=14.5)
        self.step = ParagraphStyle("step", parent=self.body, leftIndent=12)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.5, leading=11)

    def p(self, text: str, style: ParagraphStyle | None = None, where: str | None = None) -> Paragraph:
        """A paragraph of user or form text, each character in a font that has it."""
        shown = where or f"申请表中“{text[:24]}”"
        return Paragraph(self.fonts.markup(text, shown), style or self.body)


def grid_style(extra: list[tuple[object, ...]] | None = None) -> TableStyle:
    return TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        *(extra or []),
    ])


def _grid(s: Styles, items: tuple[Item, ...], width: float) -> Table:
    """Label/value pairs, two pairs per row (an odd last pair spans the row)."""
    rows: list[list[object]] = []
    spans: list[tuple[object, ...]] = []
    for start in range(0, len(items), 2):
        chunk = items[start:start + 2]
        row: list[object] = []
        for item in chunk:
            spans.append(("BACKGROUND", (len(row), len(rows)), (len(row), len(rows)), GREY))
            row += [s.p(item.label), s.p(item.value)]
        if len(chunk) == 1:
            row += ["", ""]
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append(row)
    widths = [width * f for f in (0.2, 0.3, 0.2, 0.3)]
    return Table(rows, colWidths=widths, style=grid_style(spans))


def _box(lines: list[Paragraph], color: colors.Color, width: float) -> Table:
    """A framed list, one row per line, so that a long list splits between lines."""
    return Table([[line] for line in lines], colWidths=[width], spaceBefore=4, style=TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.5, color),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]))


def class_table(s: Styles, block: ClassBlock, number: int, width: float) -> Table:
    """One class: its heading as the first row (repeated if the class must break between rows)."""
    rows: list[list[object]] = [[s.p(f"({number})培训班 {block.heading}"), "", "", ""]]
    extra: list[tuple[object, ...]] = [("SPAN", (0, 0), (3, 0)), ("BACKGROUND", (0, 0), (3, 0), GREY)]

    def spanned(label: str, value: Paragraph) -> None:
        extra.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append([s.p(label), value, "", ""])

    for pair in block.rows:
        if len(pair) == 1:
            spanned(pair[0].label, s.p(pair[0].value))
        else:
            extra.append(("BACKGROUND", (2, len(rows)), (2, len(rows)), GREY))
            rows.append([cell for item in pair for cell in (s.p(item.label), s.p(item.value))])
    if block.outcomes:
        lines = "\n".join(f"{outcome} {people} 人 × {per} 元 〔{factor}〕 = {amount} 元"
                          for outcome, people, per, factor, amount in block.outcomes)
        spanned("结果系数", s.p(lines))
    extra.append(("BACKGROUND", (2, len(rows)), (2, len(rows)), GREY))
    rows.append([s.p(block.gross_label), s.p(block.gross, s.number), s.p("已预支金额(元)"),
                 s.p(block.advance, s.number)])
    spanned(block.payable_label, s.p(block.payable, s.number))
    for index, notice in enumerate(block.notices):  # a row each: a long list breaks between notices
        spanned("提示" if index == 0 else "", s.p(notice))
    extra.append(("BACKGROUND", (0, 1), (0, -1), GREY))
    return Table(rows, colWidths=[width * f for f in (0.2, 0.3, 0.2, 0.3)], repeatRows=1, spaceBefore=6,
                 style=grid_style(extra))


def _totals(s: Styles, doc: SummaryDocument, width: float) -> list[Flowable]:
    t = doc.totals
    words = s.words if not t.refund else ParagraphStyle("refund", parent=s.words, textColor=RED)
    figures = ParagraphStyle("figures", parent=words, alignment=TA_RIGHT)
    rows = [
        [s.p(f"{t.gross_label}(元)"), s.p(t.gross, s.number)],
        [s.p("已预支合计(元)"), s.p(t.advance, s.number)],
        [s.p(f"{t.payable_label}(小写)"), s.p(f"¥ {t.payable}", figures)],
        [s.p(f"{t.payable_label}(大写)"), s.p(t.payable_words, words)],
    ]
    out: list[Flowable] = [Table(rows, colWidths=[width * 0.3, width * 0.7],
                                 style=grid_style([("BACKGROUND", (0, 0), (0, -1), GREY)]))]
    if t.refund:
        out.append(s.p("本次清算结果为应退回:申请单位应退回上表所列金额,不得申领补贴。", s.red))
    return out


def _signatures(s: Styles, doc: SummaryDocument, width: float) -> Table:
    """Seal and signature boxes; the seal box is tall enough for a 4 cm round seal."""
    sig = doc.signatures
    phone = next((i.value for i in doc.enterprise if i.label == "联系电话"), "")
    phone = "" if phone == "—" else phone
    gap = blank(4)
    rows = [
        [s.p(f"{sig[0]}:"), s.p(f"{sig[1]}:")],
        [s.p(f"{sig[2]}:"), s.p(f"{sig[3]}:{phone}")],
        [s.p(f"{sig[4]}:{gap}年{gap}月{gap}日", s.number), ""],
    ]
    style = grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (0, 2), (1, 2))])
    return Table(rows, colWidths=[width / 2] * 2, rowHeights=[46 * mm, 14 * mm, 10 * mm], style=style)


def _front(s: Styles, doc: SummaryDocument, width: float) -> list[Flowable]:
    story: list[Flowable] = [s.p(doc.title, s.title),
                             s.p(f"申领阶段:{doc.stage_label}{blank(2)}申领日期:{doc.claim_date}", s.center)]
    if doc.error_banner:
        story.append(_box([s.p(doc.error_banner, s.banner), *(s.p(e, s.red) for e in doc.errors)], RED, width))
    for heading, items in (("一、申请单位", doc.enterprise), ("二、培训机构", doc.institution),
                           ("三、适用规则", doc.ruleset)):
        story += [s.p(heading, s.heading), _grid(s, items, width)]
    if doc.assumptions:
        lines = [s.p("注意:本规则集含有假设内容,须向当地人社部门核实后方可作为申请依据:")]
        lines += [s.p(f"{n}. {a}") for n, a in enumerate(doc.assumptions, start=1)]
        story.append(_box(lines, AMBER, width))
    story.append(s.p("四、培训班补贴明细", s.heading))
    story += [KeepTogether([class_table(s, block, n, width)]) for n, block in enumerate(doc.classes, start=1)]
    story += [CondPageBreak(60 * mm), s.p("五、补贴合计", s.heading), *_totals(s, doc, width)]
    if doc.notices:
        story.append(s.p("六、提示与警告", s.heading))
        story += [s.p(f"{n}. {text}") for n, text in enumerate(doc.notices, start=1)]
    story.append(KeepTogether([Spacer(1, 8), s.p(DECLARATION), Spacer(1, 3), _signatures(s, doc, width)]))
    return story


def _explanations(s: Styles, doc: SummaryDocument) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), s.p("附件一:计算说明", s.heading)]
    for heading, steps in doc.explanations:
        story.append(KeepTogether([s.p(heading, ParagraphStyle("eh", parent=s.body, spaceBefore=6)),
                                   *(s.p(step, s.step) for step in steps)]))
    return story


class CheckBox(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A 4 mm box drawn as lines, ticked or empty: no font needs a ☐ or ☑ glyph."""

    def __init__(self, ticked: bool) -> None:
        super().__init__()
        self.ticked = ticked
        self.width = self.height = 4 * mm

    def draw(self) -> None:
        canvas, side = self.canv, 4 * mm
        canvas.setLineWidth(0.7)
        canvas.rect(0, 0, side, side)
        if self.ticked:
            canvas.setLineWidth(1.2)
            path = canvas.beginPath()
            path.moveTo(side * 0.18, side * 0.52)
            path.lineTo(side * 0.42, side * 0.22)
            path.lineTo(side * 0.86, side * 0.84)
            canvas.drawPath(path, stroke=1, fill=0)


def _materials(s: Styles, doc: SummaryDocument, width: float) -> list[Flowable]:
    story: list[Flowable] = [s.p(f"{MATERIALS_TITLE}({doc.stage_label})", s.title), s.p(doc.materials_note)]
    if not doc.materials:
        return story
    rows: list[list[object]] = [[s.p(h, s.small) for h in ("", "序号", "材料", "要求", "份数", "本软件", "出处")]]
    for n, line in enumerate(doc.materials, start=1):
        rows.append([CheckBox(line.ready), s.p(str(n), s.small), s.p(line.text),
                     s.p(line.required_text, s.small), s.p(line.copies_text, s.small),
                     s.p(line.note or "—", s.small), s.p(line.source, s.small)])
    fractions = (0.06, 0.06, 0.34, 0.07, 0.07, 0.18, 0.22)
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, spaceBefore=6,
                  style=grid_style([("BACKGROUND", (0, 0), (-1, 0), GREY)]))
    return [*story, table]


def story(s: Styles, doc: SummaryDocument, portrait_width: float, landscape_width: float) -> tuple[
        list[Flowable], list[Flowable], list[Flowable]]:
    """The form and annex one (portrait), the roster annex (landscape when it has rows), the checklist."""
    front = [*_front(s, doc, portrait_width), *_explanations(s, doc)]
    roster = roster_flowables(s, doc, landscape_width if doc.roster else portrait_width)
    return front, roster, _materials(s, doc, portrait_width)
