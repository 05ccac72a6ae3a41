"""No Chinese font: the PDF writer refuses (nothing written) instead of printing boxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.export import pdf_fonts
from ui.entry import cli_main

from .helpers import saved, small_claim


def test_pdf_writer_refuses_without_a_chinese_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], qapp: Any) -> None:
    monkeypatch.setattr(pdf_fonts, "font_candidates", lambda: ())
    source = tmp_path / "申请.subsidy.json"
    saved(source, small_claim())
    out = tmp_path / "申请表.pdf"
    assert cli_main(["export", str(source), "--pdf", str(out)]) == 2
    err = capsys.readouterr().err
    assert "未安装中文字体" in err and "已停止生成" in err
    assert not out.exists()
