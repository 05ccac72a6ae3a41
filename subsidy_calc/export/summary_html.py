"""The summary as HTML in the subset QTextDocument understands: bordered tables on an A4 page, annexes."""

from __future__ import annotations

from html import escape

from .summary import ROSTER_HEADERS, ClassBlock, Item, SummaryDocument

# Separate cell borders (cellspacing 0) rather than border-collapse: collapsed borders look the same at
# print size but make Qt's layout of a long roster three times slower.
TABLE = (
    '<table border="0.5" cellspacing="0" cellpadding="4" width="100%" '
    'style="border-style: solid; border-color: #000000; margin-top: 4px;">'
)
ROSTER_ROWS_PER_PAGE = 34  # an A4 page holds about 37 one-line rows; leave room for a wrapped name
ROSTER_FIRST_PAGE_ROWS = 32  # under the annex heading
LABEL = ' style="background-color: #eeeeee;"'
# No bold anywhere: Chinese fonts ship one weight, and Qt's synthetic bold writes the text twice into the
# PDF, so copying or extracting bold text would give every character twice.
NUMBER = ' align="right"'


def _e(text: str) -> str:
    return escape(text, quote=True)


def _heading(text: str, page_break: bool = False) -> str:
    brk = "page-break-before: always; " if page_break else ""
    return f'<p style="{brk}margin-top: 10px; margin-bottom: 2px; font-size: 11.5pt;">{_e(text)}</p>'


def _grid(items: tuple[Item, ...], per_row: int = 2) -> str:
    """Label/value pairs, `per_row` pairs per table row (4 columns for 2 pairs)."""
    rows = []
    for start in range(0, len(items), per_row):
        chunk = items[start:start + per_row]
        cells = [f'<td width="20%"{LABEL}>{_e(i.label)}</td><td width="30%">{_e(i.value)}</td>' for i in chunk]
        if len(chunk) < per_row:
            last = chunk[-1]
            span = 1 + 2 * (per_row - len(chunk))
            cells[-1] = f'<td width="20%"{LABEL}>{_e(last.label)}</td><td colspan="{span}">{_e(last.value)}</td>'
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return TABLE + "".join(rows) + "</table>"


def _class_table(block: ClassBlock, number: int) -> str:
    rows = []
    for row in block.rows:
        if len(row) == 1:
            item = row[0]
            rows.append(f'<tr><td width="20%"{LABEL}>{_e(item.label)}</td><td colspan="3">{_e(item.value)}</td></tr>')
        else:
            rows.append("<tr>" + "".join(
                f'<td width="20%"{LABEL}>{_e(i.label)}</td><td width="30%">{_e(i.value)}</td>' for i in row
            ) + "</tr>")
    if block.outcomes:
        lines = "<br/>".join(
            _e(f"{outcome} {people} 人 × {per} 元 〔{factor}〕 = {amount} 元")
            for outcome, people, per, factor, amount in block.outcomes
        )
        rows.append(f'<tr><td{LABEL}>结果系数</td><td colspan="3">{lines}</td></tr>')
    rows.append(
        f'<tr><td{LABEL}>{_e(block.gross_label)}</td><td{NUMBER}>{_e(block.gross)}</td>'
        f'<td{LABEL}>已预支金额(元)</td><td{NUMBER}>{_e(block.advance)}</td></tr>'
        f'<tr><td{LABEL}>{_e(block.payable_label)}</td><td colspan="3"{NUMBER}>{_e(block.payable)}</td></tr>'
    )
    if block.notices:
        rows.append(f'<tr><td{LABEL}>提示</td><td colspan="3">{"<br/>".join(_e(n) for n in block.notices)}</td></tr>')
    caption = f'<p style="margin-top: 6px; margin-bottom: 0px;">({number})培训班 {_e(block.heading)}</p>'
    return caption + TABLE + "".join(rows) + "</table>"


def _totals(doc: SummaryDocument) -> str:
    t = doc.totals
    label = t.payable_label
    words_style = ' style="color: #b00000; font-size: 11pt;"' if t.refund else ' style="font-size: 11pt;"'
    return TABLE + (
        f'<tr><td width="30%"{LABEL}>{_e(t.gross_label)}(元)</td><td{NUMBER}>{_e(t.gross)}</td></tr>'
        f'<tr><td{LABEL}>已预支合计(元)</td><td{NUMBER}>{_e(t.advance)}</td></tr>'
        f'<tr><td{LABEL}>{_e(label)}(小写)</td><td{NUMBER}{words_style}>¥ {_e(t.payable)}</td></tr>'
        f'<tr><td{LABEL}>{_e(label)}(大写)</td><td{words_style}>{_e(t.payable_words)}</td></tr>'
    ) + "</table>" + (
        '<p style="color: #b00000;">本次清算结果为应退回:申请单位应退回上表所列金额,'
        "不得申领补贴。</p>" if t.refund else ""
    )


def _box(lines: list[str], color: str) -> str:
    body = "".join(f"<p style=\"margin: 0px;\">{line}</p>" for line in lines)
    return (f'<table border="2" cellspacing="0" cellpadding="6" width="100%" style="border-style: solid; '
            f'border-color: {color}; margin-top: 6px;"><tr><td>{body}</td></tr></table>')


def _signatures(doc: SummaryDocument) -> str:
    """Seal and signature boxes; the seal box is tall enough for a 4 cm round seal."""
    sig = doc.signatures
    phone = next((i.value for i in doc.enterprise if i.label == "联系电话"), "")
    seal = "<br/>" * 7
    return TABLE + (
        f'<tr><td width="50%">{_e(sig[0])}:{seal}</td><td width="50%">{_e(sig[1])}:{seal}</td></tr>'
        f'<tr><td>{_e(sig[2])}:<br/><br/></td><td>{_e(sig[3])}:{_e(phone if phone != "—" else "")}<br/><br/></td></tr>'
        f'<tr><td colspan="2" align="right">{_e(sig[4])}:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;年'
        "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;日&nbsp;&nbsp;&nbsp;&nbsp;</td></tr>"
    ) + "</table>"


def _roster(doc: SummaryDocument) -> str:
    """One table per page of ROSTER_ROWS_PER_PAGE people, each with its header (a single long table would
    repeat its header too, but Qt lays a thousand-row table out several times slower)."""
    widths = ("6%", "10%", "11%", "24%", "13%", "19%", "17%")
    head = "<thead><tr>" + "".join(
        f'<td width="{w}" align="center"{LABEL}>{_e(h)}</td>' for h, w in zip(ROSTER_HEADERS, widths, strict=True)
    ) + "</tr></thead>"
    rows = [
        "<tr>" + "".join(
            f"<td{NUMBER}>{_e(c)}</td>" if i in (0, 6) else f"<td>{_e(c)}</td>" for i, c in enumerate(row)
        ) + "</tr>"
        for row in doc.roster
    ]
    starts = [0, *range(ROSTER_FIRST_PAGE_ROWS, len(rows), ROSTER_ROWS_PER_PAGE)]
    ends = [*starts[1:], len(rows)]
    tables = [
        ('<p style="page-break-before: always; margin: 0px;"></p>' if start else "")
        + TABLE + head + "".join(rows[start:end]) + "</table>"
        for start, end in zip(starts, ends, strict=True)
    ]
    ids = "身份证号为完整号码。" if doc.full_ids else "身份证号已隐去中间 8 位(仅保留前 6 位与后 4 位)。"
    return (
        _heading("附件二:学徒名册", page_break=True)
        + f'<p style="margin: 0px;">共 {len(doc.roster)} 人。{ids}</p>'
        + "".join(tables)
        + '<p style="margin-top: 12px;">申请单位(盖章):'
        + "&nbsp;" * 40 + "日期:" + "&nbsp;" * 8 + "年" + "&nbsp;" * 5 + "月" + "&nbsp;" * 5 + "日</p>"
    )


def summary_html(doc: SummaryDocument) -> str:
    """The whole document as one HTML string (the caller sets the default font and the page size)."""
    parts = [f'<p align="center" style="font-size: 17pt; margin-bottom: 4px;">{_e(doc.title)}</p>']
    parts.append(
        f'<p align="center" style="margin-top: 0px;">申领阶段:{_e(doc.stage_label)}'
        f"&nbsp;&nbsp;&nbsp;&nbsp;申领日期:{_e(doc.claim_date)}</p>"
    )
    if doc.error_banner:
        lines = [f'<span style="font-size: 14pt; color: #c00000;">{_e(doc.error_banner)}</span>']
        lines += [f'<span style="color: #c00000;">{_e(e)}</span>' for e in doc.errors]
        parts.append(_box(lines, "#c00000"))
    parts += [_heading("一、申请单位"), _grid(doc.enterprise)]
    parts += [_heading("二、培训机构"), _grid(doc.institution)]
    parts += [_heading("三、适用规则"), _grid(doc.ruleset)]
    if doc.assumptions:
        lines = [f"{_e('注意:' + '本规则集含有假设内容,须向当地人社部门核实后方可作为申请依据:')}"]
        lines += [f"{n}. {_e(a)}" for n, a in enumerate(doc.assumptions, start=1)]
        parts.append(_box(lines, "#b06000"))
    parts.append(_heading("四、培训班补贴明细"))
    parts += [_class_table(block, n) for n, block in enumerate(doc.classes, start=1)]
    parts += [_heading("五、补贴合计"), _totals(doc)]
    if doc.notices:
        parts.append(_heading("六、提示与警告"))
        parts.append("".join(f'<p style="margin: 0px;">{n}. {_e(text)}</p>'
                             for n, text in enumerate(doc.notices, start=1)))
    parts.append('<p style="margin-top: 10px; margin-bottom: 2px;">申请单位承诺:以上内容及所附材料真实、准确,'
                 "如有虚假,愿承担相应责任。</p>")
    parts.append(_signatures(doc))
    parts.append(_heading("附件一:计算说明", page_break=True))
    for heading, steps in doc.explanations:
        parts.append(f'<p style="margin-top: 6px; margin-bottom: 0px;">{_e(heading)}</p>')
        parts.append("".join(f'<p style="margin: 0px; margin-left: 12px;">{_e(s)}</p>' for s in steps))
    parts.append(_roster(doc))
    return "<html><body>" + "".join(parts) + "</body></html>"
