"""The importing GUI: actions in a worker thread, mapping and result dialogs, problem model, drops."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from bench.samples import ROSTER_HEADERS, make_id, make_roster_workbook
from subsidy_calc.classes_csv import CLASS_HEADERS
from subsidy_calc.importer import ImportResult, import_file
from subsidy_calc.importer.headers import ROSTER_FIELDS
from subsidy_calc.importer.xlsxraw import write_raw_xlsx
from subsidy_calc.input_errors import InputProblem
from subsidy_calc.money import format_yuan
from subsidy_calc.rule_loading import load_catalog
from ui.importing import HeaderMappingDialog, ImportActions, ImportResultDialog, ProblemTableModel, accepts_drop


def workbook(tmp_path: Path, roster_headers: tuple[str, ...] = ROSTER_HEADERS, bad: bool = True) -> Path:
    classes: list[list[object]] = [
        list(CLASS_HEADERS), ["C1", "电工", "高级工", "职工学徒", date(2023, 3, 1), date(2025, 2, 28), 2]]
    people: list[list[object]] = [list(roster_headers),
              ["C1", "张三", make_id("110101", date(1995, 5, 17), 1), "取证", "S1", date(2022, 1, 1),
               date(2027, 1, 1)]]
    if bad:
        people.append(["C1", "李四", "123", "在训", None, None, None])
    path = tmp_path / "roster.xlsx"
    write_raw_xlsx(path, [("培训班", classes), ("学徒花名册", people)])
    return path


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def make_actions(parent: QWidget, applied: list[ImportResult]) -> ImportActions:
    return ImportActions(parent, lambda: None, applied.append, lambda: None)


def test_actions_have_chinese_text(parent: QWidget) -> None:
    actions = make_actions(parent, [])
    assert actions.import_action.text() == "导入花名册…"
    assert actions.save_template_action.text() == "保存花名册模板…"


def test_import_runs_in_worker_and_applies_on_confirm(qtbot, parent: QWidget, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    applied: list[ImportResult] = []
    shown: list[ImportResult] = []
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: shown.append(r) or True))
    actions = make_actions(parent, applied)
    path = workbook(tmp_path)
    monkeypatch.setattr(actions, "choose_import_path", lambda: path)
    with qtbot.waitSignal(actions.import_finished, timeout=20000):
        actions.import_action.trigger()
        assert actions.busy
    assert not actions.busy and actions.import_action.isEnabled()
    assert len(applied) == 1 and applied[0] is shown[0]
    assert len(applied[0].roster) == 1 and applied[0].rows_rejected == 1


def test_declined_result_applies_nothing(qtbot, parent: QWidget, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    applied: list[ImportResult] = []
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: False))
    actions = make_actions(parent, applied)
    with qtbot.waitSignal(actions.import_finished, timeout=20000):
        actions.import_path(workbook(tmp_path))
    assert applied == []


def test_unknown_headers_ask_mapping_then_import(qtbot, parent: QWidget, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[list[str], list[str]]] = []

    def ask(cls, p, found, required, kind="roster"):
        asked.append((found, required))
        return {"学员": "name", "号码": "id_number"}

    monkeypatch.setattr(HeaderMappingDialog, "ask", classmethod(ask))
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: True))
    applied: list[ImportResult] = []
    actions = make_actions(parent, applied)
    headers = ("班级编号", "学员", "号码", "状态", "证书编号", "劳动合同开始", "劳动合同结束")
    with qtbot.waitSignal(actions.import_finished, timeout=20000):
        actions.import_path(workbook(tmp_path, headers, bad=False))
    assert asked[0][0][:3] == ["班级编号", "学员", "号码"] and "身份证号" in asked[0][1]
    assert len(applied) == 1 and applied[0].roster[0].name == "张三"


def test_mapping_cancelled_imports_nothing(qtbot, parent: QWidget, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HeaderMappingDialog, "ask", classmethod(lambda cls, *a, **k: None))
    applied: list[ImportResult] = []
    actions = make_actions(parent, applied)
    with qtbot.waitSignal(actions.import_finished, timeout=20000):
        actions.import_path(workbook(tmp_path, ("甲", "乙", "丙", "丁", "戊", "己", "庚"), bad=False))
    assert applied == []


def test_bad_file_shows_error(qtbot, parent: QWidget, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    actions = make_actions(parent, [])
    monkeypatch.setattr(actions, "show_error", lambda title, message: errors.append(message))
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not excel", encoding="utf-8")
    with qtbot.waitSignal(actions.import_finished, timeout=20000):
        actions.import_path(fake)
    assert "不是有效的 Excel 文件" in errors[0]


def test_cancel_stops_the_import(qtbot, parent: QWidget, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    info = make_roster_workbook(tmp_path / "big.xlsx", 30_000, 5)
    confirmed: list[ImportResult] = []
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: confirmed.append(r) or True))
    applied: list[ImportResult] = []
    actions = make_actions(parent, applied)
    with qtbot.waitSignal(actions.import_finished, timeout=30000):
        actions.import_path(info.path)
        assert actions.progress_dialog is not None
        actions.progress_dialog.canceled.emit()  # what the dialog's 取消 button emits
    assert applied == [] and confirmed == []
    assert actions.import_action.isEnabled()


def test_save_template(parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions = make_actions(parent, [])
    monkeypatch.setattr(actions, "choose_template_path", lambda: tmp_path / "模板")
    saved = actions.save_template()
    assert saved == tmp_path / "模板.xlsx" and saved.exists()


def test_mapping_dialog_requires_each_field_once(qtbot) -> None:
    dialog = HeaderMappingDialog(None, ["班号", "学员", "号码", "备注"], ROSTER_FIELDS,
                                 ["班级编号", "姓名", "身份证号"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.mapping() == {"班号": "class_id"}  # aliases are pre-selected
    assert not ok.isEnabled() and "姓名" in dialog.status.text()
    dialog.set_choice("学员", "name")
    dialog.set_choice("号码", "id_number")
    assert ok.isEnabled()
    dialog.set_choice("备注", "name")
    assert not ok.isEnabled() and "重复" in dialog.status.text()
    dialog.set_choice("备注", "")
    assert dialog.mapping() == {"班号": "class_id", "学员": "name", "号码": "id_number"}


def test_problem_model(qtmodeltester) -> None:
    model = ProblemTableModel([InputProblem(3, "身份证号", "123", "身份证号应为18位,实际3位", "学徒花名册"),
                               InputProblem(None, "", "", "文件级问题")],
                              [InputProblem(4, "证书编号", "", "状态为取证,但未填写证书编号")])
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert model.index(0, 1).data() == "3" and model.index(1, 1).data() == ""
    assert model.index(2, 5).data() == "提示(已导入)" and model.index(0, 5).data() == "未导入"
    assert model.headerData(4, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "问题"


def test_result_dialog_counts_and_saves_report(qtbot, tmp_path: Path) -> None:
    result = import_file(workbook(tmp_path))
    dialog = ImportResultDialog(None, result)
    qtbot.addWidget(dialog)
    assert "未导入 1 行" in dialog.summary.text()
    assert dialog.model.rowCount() == 1 and dialog.apply_button is not None
    assert dialog.apply_button.text() == "导入 2 行"
    target = tmp_path / "问题清单"
    dialog.choose_report_path = lambda: target
    saved = dialog.save_report()
    assert saved == tmp_path / "问题清单.xlsx" and saved.exists()


def test_result_dialog_says_what_the_refused_people_would_have_earned(qtbot, tmp_path: Path) -> None:
    result = import_file(workbook(tmp_path), rules=load_catalog().get("jinchang-2024"))
    (worth,) = result.refused_worth
    dialog = ImportResultDialog(None, result)
    qtbot.addWidget(dialog)
    assert not dialog.refused_label.isHidden()
    text = dialog.refused_label.text()
    assert "1 人" in text and "第 3 行 李四(C1,在训)" in text and f"{format_yuan(worth.amount)} 元" in text


def test_result_dialog_without_a_rule_set_says_nothing_of_worth(qtbot, tmp_path: Path) -> None:
    dialog = ImportResultDialog(None, import_file(workbook(tmp_path)))
    qtbot.addWidget(dialog)
    assert dialog.refused_label.isHidden()


def test_result_dialog_without_rows_cannot_apply(qtbot, tmp_path: Path) -> None:
    result = ImportResult(tmp_path / "x.xlsx", problems=[InputProblem(2, "姓名", "", "必须填写")], rows_rejected=1)
    dialog = ImportResultDialog(None, result)
    qtbot.addWidget(dialog)
    assert dialog.apply_button is None


@pytest.mark.parametrize(("names", "expected"), [(["/tmp/a.xlsx"], "a.xlsx"), (["/tmp/a.CSV"], "a.CSV"),
                                                 (["/tmp/a.pdf"], None), (["/tmp/a.xlsx", "/tmp/b.xlsx"], None)])
def test_accepts_drop(names: list[str], expected: str | None) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(n) for n in names])
    found = accepts_drop(mime)
    assert (found.name if found else None) == expected


def test_accepts_drop_rejects_text_and_remote() -> None:
    mime = QMimeData()
    mime.setText("/tmp/a.xlsx")
    assert accepts_drop(mime) is None
    mime.setUrls([QUrl("https://example.com/a.xlsx")])
    assert accepts_drop(mime) is None


def test_shutdown_waits_for_a_running_import(qtbot, parent: QWidget, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    info = make_roster_workbook(tmp_path / "big.xlsx", 30_000, 5)
    applied: list[ImportResult] = []
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: True))
    actions = make_actions(parent, applied)
    actions.import_path(info.path)
    assert actions.busy
    actions.shutdown()
    assert not actions.busy and actions.import_action.isEnabled()
    qtbot.wait(50)  # queued signals of the finished worker arrive and are ignored
    assert applied == []


def test_queued_result_after_shutdown_is_ignored(qtbot, parent: QWidget, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    applied: list[ImportResult] = []
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: True))
    actions = make_actions(parent, applied)
    actions.import_path(workbook(tmp_path))
    thread = actions._thread
    assert thread is not None
    deadline = time.monotonic() + 20
    while not thread.isFinished() and time.monotonic() < deadline:
        time.sleep(0.01)  # no event processing: the worker's finished signal stays queued
    actions.shutdown()
    qtbot.wait(50)
    assert applied == []


def test_a_big_sheet_read_in_blocks_imports_as_read_whole(qtbot, parent: QWidget, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """30,000 rows: the window's import reads the roster in blocks on a second thread (importer/blocks.py),
    inside its own worker thread, and gets what reading the sheet whole gives."""
    from subsidy_calc.importer import blocks
    from subsidy_calc.importer.safety import sheet_parts

    path = make_roster_workbook(tmp_path / "big.xlsx", 30_000, 5, bad_rows=40, seed=9).path
    assert "学徒花名册" in blocks.big_parts(path, sheet_parts(path))
    monkeypatch.setattr(ImportResultDialog, "confirm", classmethod(lambda cls, p, r: True))
    applied: list[ImportResult] = []
    actions = make_actions(parent, applied)
    with qtbot.waitSignal(actions.import_finished, timeout=30000):
        actions.import_path(path)
    monkeypatch.setattr(blocks, "BLOCKS_FROM_BYTES", 1 << 40)  # nothing is read in blocks now
    whole = import_file(path)
    assert len(applied) == 1 and len(applied[0].roster) > 29_000
    assert (applied[0].roster, applied[0].problems, applied[0].warnings) == (whole.roster, whole.problems,
                                                                            whole.warnings)
