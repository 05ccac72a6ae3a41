"""The form part of the window: enterprise, training institution, rule set, stage and claim date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from subsidy_calc.enums import Stage
from subsidy_calc.rule_schema import RuleSet
from subsidy_calc.rule_validity import Validity, validity_on, validity_text

from .document import ClaimDocument
from .i18n import _tr
from .narrow_widgets import ColumnForm, ElidingComboBox, WrappedText

# key → (objectName, placeholder)
PARTY_WIDGETS: dict[str, tuple[str, str]] = {
    "enterprise.name": ("enterpriseName", ""),
    "enterprise.credit_code": ("enterpriseCode", "18位,如 91620300MA71XXXXXX"),
    "enterprise.bank": ("enterpriseBank", ""),
    "enterprise.account": ("enterpriseAccount", ""),
    "enterprise.contact": ("enterpriseContact", ""),
    "enterprise.phone": ("enterprisePhone", ""),
    "institution.name": ("institutionName", ""),
    "institution.code": ("institutionCode", "18位统一社会信用代码"),
    "institution.contact": ("institutionContact", ""),
}
CODE_KEYS = ("enterprise.credit_code", "institution.code")
ERROR_STYLE = "QLineEdit { background: #ffd6d6; }"
BAND_STYLE = "QLabel { background: #fff3c4; border: 1px solid #e0b000; padding: 6px; color: #5a4300; }"
TEXT_BAND_STYLE = BAND_STYLE.replace("QLabel", "QTextEdit")
PLAIN_TEXT_STYLE = "QTextEdit { background: transparent; }"
# A line edit is never narrower than a 统一社会信用代码 (18 characters): a narrower column puts the fields under
# their labels (ColumnForm) instead of cutting the code off.
FIELD_SAMPLE = "91620300MA71ABCD16"


def field_width(edit: QLineEdit, sample: str) -> int:
    """The width at which `edit` shows `sample` whole: its size hint (17 × 'x' plus frame and margins, as
    QLineEdit computes it) with the sample in place of the x's."""
    metrics = edit.fontMetrics()
    return edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x") + metrics.horizontalAdvance(sample)


class FormPanel(QWidget):
    """Form fields bound to the document: every change is an undoable document edit."""

    def __init__(self, document: ClaimDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.edits: dict[str, QLineEdit] = {}
        self.code_status: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._settings_group())
        layout.addWidget(self._party_group(_tr("申请单位"), "enterprise"))
        layout.addWidget(self._party_group(_tr("培训机构"), "institution"))
        layout.addStretch(1)
        document.fieldChanged.connect(self._field_changed)
        for key in (*PARTY_WIDGETS, "ruleset_id", "stage", "claim_date"):
            self._field_changed(key, document.field(key))

    def _settings_group(self) -> QGroupBox:
        box = QGroupBox(_tr("申领设置"), self)
        form = ColumnForm(box)
        self.ruleset_combo = ElidingComboBox(box)
        self.ruleset_combo.setObjectName("rulesetCombo")
        # Width from the panel, not from the longest "region(status, local, expired)": the English labels are longer
        # and would push the panel into a horizontal scroll bar. A narrower box ends its text in '…'; the tooltip
        # and the open list show every label in full.
        self.ruleset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ruleset_combo.setMinimumContentsLength(10)
        self.fill_rulesets()
        self.ruleset_combo.currentIndexChanged.connect(self._ruleset_chosen)
        form.addRow(_tr("规则集:"), self.ruleset_combo)
        self.ruleset_info = WrappedText(box)  # title, 文号, a local set's file path: wraps inside long words too
        self.ruleset_info.setObjectName("rulesetInfo")
        self.ruleset_info.setStyleSheet(PLAIN_TEXT_STYLE)
        form.addRow(self.ruleset_info)
        self.assumption_band = WrappedText(box)
        self.assumption_band.setObjectName("assumptionBand")
        self.assumption_band.setStyleSheet(TEXT_BAND_STYLE)
        form.addRow(self.assumption_band)
        self.stage_combo = ElidingComboBox(box)  # "Settlement (after completion)" in English: elided when narrow
        self.stage_combo.setObjectName("stageCombo")
        self.stage_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stage_combo.setMinimumContentsLength(8)
        self.stage_combo.addItem(_tr("预支(开班时)"), Stage.ADVANCE.value)
        self.stage_combo.addItem(_tr("清算(结业后)"), Stage.SETTLEMENT.value)
        self.stage_combo.currentIndexChanged.connect(self._stage_chosen)
        form.addRow(_tr("申领阶段:"), self.stage_combo)
        self.claim_date = QDateEdit(box)
        self.claim_date.setObjectName("claimDate")
        self.claim_date.setDisplayFormat("yyyy-MM-dd")
        self.claim_date.setCalendarPopup(True)
        self.claim_date.dateChanged.connect(self._date_chosen)
        form.addRow(_tr("申领日期:"), self.claim_date)
        return box

    def _party_group(self, title: str, prefix: str) -> QGroupBox:
        box = QGroupBox(title, self)
        form = ColumnForm(box)
        for key, (name, placeholder) in PARTY_WIDGETS.items():
            if not key.startswith(prefix + "."):
                continue
            edit = QLineEdit(box)
            edit.setObjectName(name)
            edit.setMinimumWidth(field_width(edit, FIELD_SAMPLE))
            if placeholder:
                edit.setPlaceholderText(_tr(placeholder))
            edit.textChanged.connect(lambda text, k=key: self._document.edit_field(k, text, mergeable=True))
            self.edits[key] = edit
            title = self._document.field_title(key)
            form.addRow(_tr(title.removeprefix("培训机构") or title) + ":", edit)
            if key in CODE_KEYS:
                status = QLabel(box)
                status.setObjectName(name + "Status")
                status.setWordWrap(True)
                self.code_status[key] = status
                form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, status)  # no empty label row
        return box

    # --- widget → document ---------------------------------------------------------------------------
    def _ruleset_chosen(self, index: int) -> None:
        value = self.ruleset_combo.itemData(index)
        if isinstance(value, str):
            self._document.edit_field("ruleset_id", value)

    def _stage_chosen(self, index: int) -> None:
        value = self.stage_combo.itemData(index)
        if isinstance(value, str):
            self._document.edit_field("stage", value)

    def _date_chosen(self, day: QDate) -> None:
        self._document.edit_field("claim_date", day.toString("yyyy-MM-dd"), mergeable=True)

    # --- document → widget -----------------------------------------------------------------------------
    def _field_changed(self, key: str, value: str) -> None:
        if key in self.edits:
            edit = self.edits[key]
            if edit.text() != value:
                edit.setText(value)
            error = self._document.field_error(key)
            edit.setToolTip(error or "")
            edit.setStyleSheet(ERROR_STYLE if error else "")
            if key in self.code_status:
                label = self.code_status[key]
                if error:
                    label.setText(f"<span style='color:#b00020'>{error}</span>")
                else:
                    ok = _tr("校验码正确")
                    label.setText(f"<span style='color:#1b7f3b'>✓ {ok}</span>" if value else "")
        elif key == "ruleset_id":
            found = self.ruleset_combo.findData(value)
            if found != self.ruleset_combo.currentIndex():
                self.ruleset_combo.setCurrentIndex(found)  # -1 (nothing chosen) for an unknown rule set
            self._show_ruleset()
        elif key == "stage":
            found = self.stage_combo.findData(value)
            if found >= 0 and found != self.stage_combo.currentIndex():
                self.stage_combo.setCurrentIndex(found)
            self.stage_combo.setToolTip(self.stage_combo.currentText())
        elif key == "claim_date":
            day = QDate.fromString(value, "yyyy-MM-dd")
            if day.isValid() and day != self.claim_date.date():
                self.claim_date.setDate(day)

    def fill_rulesets(self) -> None:
        """(Re)list the catalog's sets, keeping the claim's choice (after a local set is saved or imported)."""
        catalog = self._document.catalog
        blocked = self.ruleset_combo.blockSignals(True)
        self.ruleset_combo.clear()
        for ruleset in sorted(catalog.rulesets.values(), key=lambda r: r.id):
            status = _tr("正式") if ruleset.status == "official" else _tr("假设")
            origin = catalog.origin(ruleset.id)
            local = _tr(",本地") if origin is not None and origin.local else ""
            expired = _tr(",已过期") if validity_on(ruleset, date.today()) is Validity.EXPIRED else ""
            self.ruleset_combo.addItem(f"{ruleset.region}({status}{local}{expired})", ruleset.id)
            self.ruleset_combo.setItemData(self.ruleset_combo.count() - 1,
                                           f"{ruleset.title}\n{ruleset.document}\n{ruleset.id} {ruleset.version}",
                                           Qt.ItemDataRole.ToolTipRole)
        self.ruleset_combo.setCurrentIndex(self.ruleset_combo.findData(self._document.field("ruleset_id")))
        self.ruleset_combo.blockSignals(blocked)
        if hasattr(self, "ruleset_info"):
            self._show_ruleset()

    @staticmethod
    def _validity_line(ruleset: RuleSet) -> str:
        """有效期 of the chosen set as of today; an expired document is marked ⚠."""
        today = date.today()
        mark = "⚠ " if validity_on(ruleset, today) is Validity.EXPIRED else ""
        return mark + _tr("有效期:{0}").format(validity_text(ruleset, today))

    def _show_ruleset(self) -> None:
        combo = self.ruleset_combo
        index = combo.currentIndex()  # the box may end its label in '…': the tooltip has it whole
        combo.setToolTip("" if index < 0 else
                         f"{combo.itemText(index)}\n{combo.itemData(index, Qt.ItemDataRole.ToolTipRole)}")
        ruleset = self._document.ruleset()
        status = _tr("正式文件") if ruleset.status == "official" else _tr("含假设,须核实")
        origin = self._document.catalog.origin(ruleset.id)
        self.ruleset_info.setText(
            f"{ruleset.title}\n" + _tr("文号:{0}").format(ruleset.document) + "\n"
            + _tr("状态:{0} · 版本 {1} · 编号 {2}").format(status, ruleset.version, ruleset.id)
            + ("\n" + _tr("本地规则集,文件:{0}").format(origin.path) if origin is not None and origin.local else "")
            + "\n" + self._validity_line(ruleset)
        )
        if ruleset.is_assumed:
            lines = "\n".join(f"• {item}" for item in ruleset.assumptions)
            self.assumption_band.setText(_tr("⚠ 本规则集含有假设内容,须向当地人社部门核实:") + "\n" + lines)
            self.assumption_band.show()
        else:
            self.assumption_band.hide()
            self.assumption_band.setText("")
