"""The PDF: exact, searchable text (pypdf and pdftotext), real ink on page 1, page footers, font refusal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QFontDatabase, QImage

from subsidy_calc.export.summary import build_summary
from tests.report.conftest import pdftotext, pypdf_text, squeeze
from tests.report.samples import ENTERPRISE_NAME, calculated, make_claim
from ui import fonts
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
    assert text.count("企业新型学徒制培训补贴申请表") == 1
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
    assert "学徒名册" in "".join(texts) and result.apprentices[-1].name in texts[-1]


def test_no_chinese_font_refuses_and_writes_nothing(qapp, sample, tmp_path, monkeypatch):
    claim, result, ruleset = sample
    monkeypatch.setattr(pdf, "best_chinese_family", lambda: None)
    path = tmp_path / "none.pdf"
    with pytest.raises(pdf.FontMissingError, match="未安装中文字体"):
        pdf.write_pdf(path, build_summary(claim, result, ruleset))
    assert list(tmp_path.iterdir()) == []


def test_font_lacking_glyphs_refuses_naming_them(qapp, sample, tmp_path, monkeypatch):
    if "DejaVu Sans" not in QFontDatabase.families():
        pytest.skip("needs a font without Chinese glyphs (DejaVu Sans)")
    claim, result, ruleset = sample
    monkeypatch.setattr(pdf, "best_chinese_family", lambda: "DejaVu Sans")
    path = tmp_path / "boxes.pdf"
    with pytest.raises(pdf.FontMissingError) as caught:
        pdf.write_pdf(path, build_summary(claim, result, ruleset))
    message = str(caught.value)
    assert "DejaVu Sans" in message and "缺少以下字符" in message and "lacks these characters" in message
    assert "捌" in message and "申" in message
    assert list(tmp_path.iterdir()) == []


def test_existing_file_untouched_when_refused(qapp, sample, tmp_path, monkeypatch):
    claim, result, ruleset = sample
    path = tmp_path / "old.pdf"
    path.write_bytes(b"old")
    monkeypatch.setattr(pdf, "best_chinese_family", lambda: None)
    with pytest.raises(pdf.FontMissingError):
        pdf.write_pdf(path, build_summary(claim, result, ruleset))
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_rare_character_in_a_name_refuses_with_the_real_font(qapp, tmp_path):
    rare = "\U00020000"  # CJK Extension B: missing from WenQuanYi Micro Hei and most system fonts
    family = fonts.best_chinese_family()
    if family is None or fonts.missing_glyphs(family, rare) == set():
        pytest.skip("the installed Chinese font covers CJK Extension B")
    claim, result, ruleset = calculated(make_claim(name=f"金昌{rare}业有限公司"))
    with pytest.raises(pdf.FontMissingError) as caught:
        pdf.write_pdf(tmp_path / "rare.pdf", build_summary(claim, result, ruleset))
    assert rare in str(caught.value)
    assert list(tmp_path.iterdir()) == []
