"""Asking the user which column of an unrecognised file holds which field (姓名, 身份证号 …)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.importer.headers import Field, fields_for, match_headers

SKIP = ""


class HeaderMappingDialog(QDialog):
    """One combo box per header found in the file; OK only once every required field is assigned once."""

    def __init__(self, parent: QWidget | None, found_headers: list[str], fields: tuple[Field, ...],
                 required_fields: list[str], kind: str = "roster") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("指定各列的含义"))
        self._fields = fields
        self._required = [f for f in fields if f.header in required_fields or f.name in required_fields]
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("文件的表头无法自动识别。请为每一列选择它的含义(不需要的列选“不导入”)。"
                               "带 * 的是必填项。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for header in found_headers:
            if not header or header in self.combos:
                continue
            combo = QComboBox(self)
            combo.addItem(self.tr("不导入"), SKIP)
            for f in fields:
                star = " *" if f in self._required else ""
                combo.addItem(f"{f.header}{star}", f.name)
            guessed = match_headers([header], kind).get(0, SKIP)
            combo.setCurrentIndex(max(combo.findData(guessed), 0))
            combo.currentIndexChanged.connect(self._update)
            form.addRow(header, combo)
            self.combos[header] = combo
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def set_choice(self, header: str, field_name: str) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(max(combo.findData(field_name), 0))

    def mapping(self) -> dict[str, str]:
        """{file header: field name} for every header assigned a field."""
        return {h: str(c.currentData()) for h, c in self.combos.items() if c.currentData()}

    def problems(self) -> list[str]:
        chosen = list(self.mapping().values())
        out = [self.tr("请指定:") + f.header for f in self._required if f.name not in chosen]
        doubled = sorted({n for n in chosen if chosen.count(n) > 1})
        by_name = {f.name: f.header for f in self._fields}
        out += [self.tr("重复指定:") + by_name.get(n, n) for n in doubled]
        return out

    def _update(self) -> None:
        problems = self.problems()
        self.status.setText(";".join(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)

    @classmethod
    def ask(cls, parent: QWidget | None, found_headers: list[str], required_fields: list[str],
            kind: str = "roster") -> dict[str, str] | None:
        """Show the dialog; {file header: field name}, or None when cancelled. Tests monkeypatch this."""
        dialog = cls(parent, found_headers, fields_for(kind), required_fields, kind)
        try:
            return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
