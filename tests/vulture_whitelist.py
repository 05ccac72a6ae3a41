"""Names vulture cannot see used: Qt calls them (virtual overrides), pydantic calls them (validators,
model_config), pyside6-lupdate reads them (translation catalogues), or they are API kept on purpose.

`scripts/test.sh` runs: vulture subsidy_calc ui main.py bench scripts tests tests/vulture_whitelist.py
"""

# ruff: noqa: B018
# mypy checks that every name below exists; vulture only reads them.
from bench import child_startup
from subsidy_calc import exit_status, models, periods, rule_rates, rule_schema
from ui import columns, commands, flow_layout, i18n_catalog, importing, main_window, narrow_widgets, table_model
from ui.importing import problem_model
from ui.report import preview_pages

# Qt virtual overrides, called by Qt itself
child_startup.FirstPaint.eventFilter  # type: ignore[attr-defined]  # a class inside a function
commands.SetFieldCommand.mergeWith
flow_layout.FlowLayout.expandingDirections
main_window.MainWindow.dragEnterEvent
main_window.MainWindow.closeEvent
narrow_widgets.WrappedText.hasHeightForWidth
narrow_widgets.WrappedText.wheelEvent
table_model.DraftTableModel.flags
problem_model.ProblemTableModel.flags
preview_pages.PageDelegate.paint
importing.__getattr__  # PEP 562 lazy attributes

# pydantic: configuration and validators run by model_validate
models.StrictModel.model_config
rule_rates.RuleModel.model_config
rule_schema.Caution.model_config
models.TrainingClass._parse_level
models.TrainingClass._parse_type
models.TrainingClass._check_dates
models.Apprentice._parse_status
models.Apprentice._check_contract
models.Claim._parse_stage
models.Claim._check_consistency
rule_rates.CostRate._check
rule_rates.StudentAllowanceRate._check
rule_rates.LevelTableModel._parse_levels
rule_schema.ShortageRule._parse_level
rule_schema.PeriodRule._parse_levels
rule_schema.AdvanceRule._check
rule_schema.RuleSet._inherit
rule_schema.RuleSet._a_file_name_on_windows
rule_schema.RuleSet._check

# pyside6-lupdate reads these lists of strings translated at run time
i18n_catalog.COLUMN_HEADERS
i18n_catalog.FORM_LABELS
i18n_catalog.RULE_FIELD_TITLES
i18n_catalog.WINDOW_TITLE

# kept on purpose
columns.ClassColumn.CLASSROOM_HOURS  # table columns are used by iterating over the enum
columns.ClassColumn.PRACTICE_HOURS
columns.ClassColumn.MONTHLY_ALLOWANCE
exit_status.ExitStatus.INTERNAL_ERROR  # documented status; the CLI's catch-all returns it
periods.Period.contains  # part of the one Period type (issue 15)

# ReportLab looks this function up by name when it writes each font subset (replaced in pdf_fonts)
from reportlab.pdfbase import ttfonts  # noqa: E402

ttfonts.makeToUnicodeCMap
