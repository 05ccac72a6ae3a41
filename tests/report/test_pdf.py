"""The PDF: exact, searchable text (pypdf and pdftotext), real ink on page 1, page footers, font refusal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from subsidy_calc.export import pdf_fonts
from subsidy_calc.export.summary import build_summary
from tests.report.conftest import pdftotext, pypdf_text, squeeze
from tests.report.samples import ENTERPRISE_NAME, calculated, make_claim
from ui.report import pdf


@pytest.fixture
def written(qapp, sample, tmp_path) -> tuple[Path, int]:
    claim, result, ruleset = sample
    path = tmp_path / "summary.pdf"
    pages = pdf.write_pdf(path, build_summary(claim, result, ruleset))
    return path, pages


def test_pdf_text_is_exact_with_pypdf(written, sample):
    path, pages = written
    text = squeeze("\n".join(pypdf_text(path)))  # a long name may wrap inside its table cell
    assert len(PdfReader(str(path)).pages) == pages
    for needle in (ENTERPRISE_NAME, "83,000.00", "捌万叁仟元整", "企业新型学徒制培训补贴申请表(清算)",
                   "149,000.00", "66,000.00", "申请单位(盖章)", "经办人", "法定代表人/负责人"):
        assert needle in text, needle
    # Each printed exactly as often as the form shows it (synthetic bold would double the text).
    assert text.count("捌万叁仟元整") == 1
    assert text.count("企业新型学徒制培训补贴申请表(清算)申领阶段") == 1  # the checklist names the form too
    assert f"第1页共{pages}页" in text


def test_pdf_text_is_exact_with_pdftotext(written):
    path, pages = written
    text = squeeze(pdftotext(path))
    for needle in (ENTERPRISE_NAME, "83,000.00", "捌万叁仟元整", "91620300MA71K8QP3T", "李晓红"):
        assert needle in text, needle
    assert f"第1页共{pages}页" in text
    assert "⼀" not in text  # no look-alike radicals (what CFF CJK fonts extract as)


def test_masked_ids_in_pdf_unless_full(qapp, sample, tmp_path):
    claim, result, ruleset = sample
    first = result.apprentices[0].id_number
    masked = tmp_path / "masked.pdf"
    pdf.write_pdf(masked, build_summary(claim, result, ruleset))
    text = squeeze(pdftotext(masked))
    assert first not in text
    assert first[:6] + "********" + first[-4:] in text
    full = tmp_path / "full.pdf"
    pdf.write_pdf(full, build_summary(claim, result, ruleset, full_ids=True))
    assert first in squeeze(pdftotext(full))


def test_page_one_is_not_blank(written, tmp_path):
    path, _ = written
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
                   check=True)
    image = QImage(str(next(tmp_path.glob("p-*1.png"))))
    assert not image.isNull()
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).lightness() < 128)
    assert dark > 500  # text and table borders, not an empty page


def test_long_roster_paginates_with_footer_on_every_page(qapp, tmp_path):
    claim, result, ruleset = calculated(make_claim((300, 120), advances=(None, None)))
    path = tmp_path / "long.pdf"
    pages = pdf.write_pdf(path, build_summary(claim, result, ruleset))
    texts = [squeeze(t) for t in pypdf_text(path)]
    assert pages == len(texts) > 10
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页共{pages}页" in text, number
    assert "学徒名册" in "".join(texts) and result.apprentices[-1].name in texts[-2]
    assert "申报材料清单" in texts[-1]


def only_fonts(monkeypatch, *names: str) -> None:
    """Pretend only the installed font files called `names` exist (in that order)."""
    found = {p.name: p for p in pdf_fonts.font_candidates()}
    if not all(name in found for name in names):
        pytest.skip(f"needs the fonts {names}")
    monkeypatch.setattr(pdf_fonts, "font_candidates", lambda: tuple(found[n] for n in names))


def test_no_chinese_font_refuses_and_writes_nothing(qapp, sample, tmp_path, monkeypatch):
    claim, result, ruleset = sample
    monkeypatch.setattr(pdf_fonts, "font_candidates", lambda: ())
    path = tmp_path / "none.pdf"
    with pytest.raises(pdf.FontMissingError, match="未安装中文字体"):
        pdf.write_pdf(path, build_summary(claim, result, ruleset))
    assert list(tmp_path.iterdir()) == []


def test_a_font_without_chinese_is_not_taken_for_one(qapp, sample, tmp_path, monkeypatch):
    only_fonts(monkeypatch, "DejaVuSans.ttf")
    with pytest.raises(pdf.FontMissingError, match="未安装中文字体"):
        pdf.write_pdf(tmp_path / "boxes.pdf", build_summary(*sample))
    assert list(tmp_path.iterdir()) == []


def test_existing_file_untouched_when_refused(qapp, sample, tmp_path, monkeypatch):
    claim, result, ruleset = sample
    path = tmp_path / "old.pdf"
    path.write_bytes(b"old")
    monkeypatch.setattr(pdf_fonts, "font_candidates", lambda: ())
    with pytest.raises(pdf.FontMissingError):
        pdf.write_pdf(path, build_summary(claim, result, ruleset))
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def rare_claim():
    claim = make_claim()
    people = list(claim.roster)
    people[4] = people[4].model_copy(update={"name": "王䶮"})
    people[6] = people[6].model_copy(update={"name": "李𠮷"})
    return calculated(claim.model_copy(update={"roster": people}))


def test_rare_names_print_glyph_by_glyph_and_extract(qapp, tmp_path):
    if not {"HanaMinA.ttf", "HanaMinB.ttf"} & {p.name for p in pdf_fonts.font_candidates()}:
        pytest.skip("no font covering CJK Extensions A/B (bash scripts/setup.sh installs fonts-hanazono)")
    path = tmp_path / "rare.pdf"
    pdf.write_pdf(path, build_summary(*rare_claim()))
    text = pdftotext(path)
    assert "王䶮" in text and "李𠮷" in text  # 𠮷 is beyond U+FFFF: the ToUnicode map must be UTF-16
    assert "王䶮" in squeeze("".join(pypdf_text(path))) and "李𠮷" in squeeze("".join(pypdf_text(path)))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "HanaMin" in fonts and "WenQuanYi" in fonts  # the body font, and the fallback for two glyphs only


def test_a_glyph_no_font_has_names_person_row_and_character(qapp, tmp_path, monkeypatch):
    only_fonts(monkeypatch, "wqy-microhei.ttc")
    with pytest.raises(pdf.FontMissingError) as caught:
        pdf.write_pdf(tmp_path / "rare.pdf", build_summary(*rare_claim()))
    message = str(caught.value)
    assert "学徒名册第 5 行“王䶮”(姓名)" in message and "“䶮”(U+4DAE)" in message
    assert "未安装中文字体" not in message and "fonts-hanazono" in message
    assert list(tmp_path.iterdir()) == []


def test_the_claim_ends_with_the_materials_checklist(qapp, sample, tmp_path):
    path = tmp_path / "checklist.pdf"
    pdf.write_pdf(path, build_summary(*sample))
    last = pypdf_text(path)[-1]
    assert "申报材料清单(清算)" in squeeze(last)
    for needle in ("即本申请表", "见附件二,共30人", "学徒签到册", "全国通用清单(本地未明确)"):
        assert needle in squeeze(last), needle
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "HanaMin" not in fonts  # the boxes are drawn: no fallback font is loaded for a ☐ glyph


def test_without_a_roster_the_annex_is_a_sentence_not_an_empty_list(qapp, tmp_path):
    claim = make_claim()
    claim, result, ruleset = calculated(claim.model_copy(update={"roster": []}))
    path = tmp_path / "no-roster.pdf"
    pdf.write_pdf(path, build_summary(claim, result, ruleset))
    text = squeeze(pdftotext(path))
    assert "附件二:学徒名册本申请未附学徒名册:各班人数取自培训班表" in text
    assert "共0人" not in text and "身份证号班级编号" not in text
