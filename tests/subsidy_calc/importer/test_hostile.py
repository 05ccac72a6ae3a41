"""Hostile files end in a clear message or a clean import, fast and with bounded memory."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from subsidy_calc.importer import import_file
from subsidy_calc.importer.safety import MAX_ROWS, safe_openpyxl
from subsidy_calc.input_errors import InputError

from .conftest import WriteBook, class_row, person


def rewrite(source: Path, target: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info)))
        for name in set(replace) - set(old.namelist()):
            new.writestr(name, replace[name])


def test_zip_bomb_refused_fast(tmp_path: Path, write_book: WriteBook) -> None:
    base = write_book([class_row()], [person()])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        with new.open("xl/worksheets/padding.xml", "w", force_zip64=True) as out:
            block = b" " * (1024 * 1024)
            for _ in range(300):
                out.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(InputError, match="压缩炸弹"):
        import_file(bomb)
    assert time.monotonic() - started < 2


def test_high_ratio_entry_refused(tmp_path: Path, write_book: WriteBook) -> None:
    base = write_book([class_row()], [person()])
    bomb = tmp_path / "ratio.xlsx"
    rewrite(base, bomb, {"xl/sharedStrings.xml": b"<sst>" + b"A" * (20 * 1024 * 1024) + b"</sst>"})
    with pytest.raises(InputError, match="压缩比"):
        import_file(bomb)


def test_lying_sizes_refused(tmp_path: Path, write_book: WriteBook) -> None:
    base = write_book([class_row()], [person()])
    liar = tmp_path / "liar.xlsx"
    rewrite(base, liar, {})
    data = bytearray(liar.read_bytes())
    with zipfile.ZipFile(liar) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    # Shrink the declared size in the central directory entry of sheet2 so the real data exceeds it.
    name = b"xl/worksheets/sheet2.xml"
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    assert info.file_size > 10
    with pytest.raises(InputError):
        import_file(liar)


ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + b"".join(f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" if i else "&lol;"}' .encode() * 1
                          + b'">' for i in range(1, 10))
               + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                 b'uniqueCount="1"><si><t>&lol9;</t></si></sst>')


def test_entity_bomb_refused_fast(tmp_path: Path, write_book: WriteBook) -> None:
    base = write_book([class_row()], [person()])
    bomb = tmp_path / "entities.xlsx"
    rewrite(base, bomb, {"xl/sharedStrings.xml": ENTITY_BOMB})
    started = time.monotonic()
    with pytest.raises(InputError, match="实体"):
        import_file(bomb)
    assert time.monotonic() - started < 2
    in_sheet = tmp_path / "entities-in-sheet.xlsx"
    rewrite(base, in_sheet, {"xl/worksheets/sheet2.xml": ENTITY_BOMB})
    with pytest.raises(InputError, match="实体"):
        import_file(in_sheet)


def test_openpyxl_is_defused(tmp_path: Path, write_book: WriteBook) -> None:
    base = write_book([class_row()], [person()])
    bomb = tmp_path / "entities.xlsx"
    rewrite(base, bomb, {"xl/worksheets/sheet1.xml": ENTITY_BOMB})
    openpyxl = safe_openpyxl()
    started = time.monotonic()
    with pytest.raises(Exception, match=r"(?i)entit|forbidden"):
        openpyxl.load_workbook(bomb)
    assert time.monotonic() - started < 2


def test_million_rows_refused_fast(tmp_path: Path, write_book: WriteBook) -> None:
    """The sheet XML is written by hand (numbers only, streamed): a 1,000,000-row file in about a second."""
    base = write_book(None, [person()])
    path = tmp_path / "million.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                new.writestr(info.filename, old.read(info))
        with new.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for block in range(0, 1_000_000, 50_000):
                out.write("".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'
                                  for n in range(block + 1, block + 50_001)).encode())
            out.write(b"</sheetData></worksheet>")
    assert path.stat().st_size < 20 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(InputError, match=f"{MAX_ROWS:,}"):
        import_file(path)
    assert time.monotonic() - started < 5


def test_million_row_csv_refused(tmp_path: Path) -> None:
    path = tmp_path / "million.csv"
    path.write_text("班级编号,姓名,身份证号\n" + "C1,张三,1\n" * 1_000_000, encoding="utf-8")
    with pytest.raises(InputError, match=f"{MAX_ROWS:,}"):
        import_file(path)


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("班级编号,姓名,身份证号\nC1,张三,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="不是有效的 Excel 文件"):
        import_file(path)


def test_empty_and_truncated_files(tmp_path: Path, write_book: WriteBook) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="空的"):
        import_file(empty)
    good = write_book([class_row()], [person()])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputError, match="不是有效的 Excel 文件"):
        import_file(cut)


def test_nul_bytes_in_cells_do_not_break_the_import(write_book: WriteBook) -> None:
    path = write_book([class_row()], [person(name="张\x01三", seq=1), person(seq=3)])
    result = import_file(path)
    assert len(result.roster) + result.rows_rejected == 2


def test_garbage_xls_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    with pytest.raises(InputError, match="不是有效的 Excel 文件"):
        import_file(path)


def test_ole_file_named_xlsx_refused(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    with pytest.raises(InputError, match=r"加密|旧版"):
        import_file(path)


def test_refusals_keep_memory_bounded(tmp_path: Path, write_book: WriteBook) -> None:
    """In a fresh interpreter: refusing a 300 MB zip bomb and a million-row CSV peaks under 250 MB."""
    import subprocess
    import sys

    base = write_book([class_row()], [person()])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            if info.filename != "xl/worksheets/sheet2.xml":
                new.writestr(info.filename, old.read(info))
                continue
            head, tail = old.read(info).split(b"</sheetData>")
            with new.open(info.filename, "w", force_zip64=True) as out:
                out.write(head)
                for _ in range(300):
                    out.write(b" " * (1024 * 1024))
                out.write(b"</sheetData>" + tail)
    million = tmp_path / "million.csv"
    with million.open("w", encoding="utf-8") as handle:
        handle.write("班级编号,姓名,身份证号\n")
        for _ in range(100):
            handle.write("C1,张三,1\n" * 10_000)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from subsidy_calc.importer import import_file\n"
        "from subsidy_calc.input_errors import InputError\n"
        "try:\n"
        "    import_file(Path(sys.argv[1]))\n"
        "except InputError as exc:\n"
        "    print(exc)\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(next(line.split()[1] for line in status.splitlines() if line.startswith('VmHWM')))\n"
    )
    for path, expected in ((bomb, "压缩"), (million, f"{MAX_ROWS:,}")):
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                              timeout=60, cwd=Path(__file__).resolve().parents[3])
        assert expected in done.stdout, done.stderr
        assert int(done.stdout.split()[-1]) < 250 * 1024  # peak resident set, kilobytes
