"""The roster sheet, row by row: convert cells, validate (fast path or model), and the per-person checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from pydantic import ValidationError

from ..dates import parse_date
from ..digits import FOLDED_NOTE, fold_full_width
from ..eligibility import (
    Eligibility,
    Fact,
    Finding,
    Verdict,
    age_finding,
    certificate_finding,
    contract_finding,
    contract_ok,
    eligibility_for,
    social_insurance_finding,
)
from ..enums import Outcome
from ..input_errors import InputProblem
from ..models import Apprentice, TrainingClass
from ..pydantic_messages import chinese_message, validation_errors
from ..rule_schema import RuleSet
from .blocks import row_count_hint
from .cells import cell_text, id_text
from .fastpath import fast_apprentice, fast_fields
from .headers import ROSTER_FIELDS
from .refused import RefusedPerson

CHUNK_ROWS = 5000
_DATE_FIELDS = ("contract_start", "contract_end")
_OPEN_ENDED = {"无固定期限", "无固定", "长期", "无"}
FORMULA_GAP = "公式没有计算结果;请在 Excel 中打开、重新计算并保存后再导入"
_SEX = {"男": "男", "女": "女", "m": "男", "f": "女", "male": "男", "female": "女"}
_TITLES = {f.name: f.header for f in ROSTER_FIELDS}


@dataclass
class RosterOutcome:
    """Accepted apprentices (with their row numbers), problems of rejected rows, warnings, blank rows."""

    roster: list[Apprentice] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[InputProblem] = field(default_factory=list)
    rejected: int = 0
    blank: int = 0
    refused: list[RefusedPerson] = field(default_factory=list)


_FIELD_OF = {Fact.UNDER_AGE: "id_number", Fact.CONTRACT_STARTS_LATE: "contract_start",
             Fact.CONTRACT_TOO_SHORT: "contract_end", Fact.CONTRACT_ENDED: "contract_end",
             Fact.SOCIAL_INSURANCE_SHORT: "social_insurance_months",
             Fact.SOCIAL_INSURANCE_UNKNOWN: "social_insurance_months", Fact.CERTIFICATE_MISSING: "certificate_no"}


_SKIP = object()  # a cell that means "not given" (blank status, open-ended date, the derived 性别)


class _CellProblem(ValueError):
    """A cell read as text that is still wrong; `text` is what the problem list shows."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__(message)
        self.text, self.message = text, message


def _cell_value(name: str, cell: object) -> object:
    """One non-empty roster cell as the model expects it, or _SKIP; ValueError names what is wrong."""
    if name in _DATE_FIELDS:
        if isinstance(cell, str) and (cell.strip() in _OPEN_ENDED or not cell.strip()):
            return _SKIP
        return parse_date(cell)
    if name == "id_number":
        text, message = id_text(cell)
        if message:
            raise _CellProblem(text, message)
        return text
    if name == "sex":
        return _SKIP
    text = cell_text(cell)
    if name in ("status", "certificate_no") and not text.strip():
        return _SKIP
    return text


class RosterReader:
    """Reads roster rows against the known classes; one instance per sheet."""

    def __init__(self, sheet: str, headers: list[str], columns: dict[int, str], classes: dict[str, TrainingClass],
                 rules: RuleSet | None, formula_gaps: set[tuple[int, int]] | None = None) -> None:
        self.sheet = sheet
        self.headers = headers
        self.columns = sorted(columns.items())
        self.header_of = {name: headers[i].strip() or _TITLES[name] for i, name in columns.items()}
        self.classes = classes
        self.rules = rules
        self.gaps = formula_gaps or set()
        self.has_contract = "contract_start" in columns.values() or "contract_end" in columns.values()
        self.has_social = "social_insurance_months" in columns.values()
        self.seen: dict[str, list[tuple[int, str]]] = {}
        self.rejected_classes: set[str] = set()
        self._eligibility: dict[str, Eligibility] = {}
        self.out = RosterOutcome()

    def problem(self, row: int, name: str, value: object, message: str) -> InputProblem:
        return InputProblem(row, self.header_of.get(name, _TITLES.get(name, name)), cell_text(value), message,
                            self.sheet)

    def _class_limits(self) -> dict[str, Eligibility]:
        """Per class: what its rule set requires of each person (subsidy_calc.eligibility)."""
        for class_id, tc in self.classes.items():
            self._eligibility[class_id] = eligibility_for(tc, self.rules)
        return dict(self._eligibility)

    def read(self, rows: Sequence[Sequence[object]], first: int, cancelled: Callable[[], bool] | None = None,
             progress: Callable[[int, int], None] | None = None) -> RosterOutcome:
        """Rows[first:] are data; spreadsheet row number = list index + 1.

        Plain rows take the fast path (fast_fields + the same checks as `row`, inline); any row that fails
        or looks unusual goes through `row`, which produces the problems."""
        from .result import ImportCancelled

        total = row_count_hint(rows) - first
        at = {name: index for index, name in self.columns}
        fast_ok = True
        i_sex = at.get("sex", -1)
        gap_rows = {r for r, _ in self.gaps}
        width = max(at.values()) + 1
        i_class, i_name, i_id = at["class_id"], at["name"], at["id_number"]
        i_status, i_cert, i_start, i_end = (at.get(n, -1) for n in ("status", "certificate_no", "contract_start",
                                                                     "contract_end"))
        i_social = at.get("social_insurance_months", -1)
        limits = self._class_limits()
        seen = self.seen
        kept, kept_rows = self.out.roster, self.out.rows
        has_contract, has_social = self.has_contract, self.has_social
        certified = Outcome.CERTIFIED
        for index, cells in enumerate(islice(rows, first, None), first):  # rows may still be arriving (blocks.py)
            offset = index - first
            if offset % CHUNK_ROWS == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(offset, total)
            number = index + 1
            if fast_ok and len(cells) >= width and number not in gap_rows:
                rule = limits.get(cells[i_class])  # type: ignore[call-overload]
                if rule is not None:
                    person = fast_fields(
                        cells[i_name], cells[i_id], cells[i_class],
                        cells[i_status] if i_status >= 0 else None, cells[i_cert] if i_cert >= 0 else None,
                        cells[i_start] if i_start >= 0 else None, cells[i_end] if i_end >= 0 else None,
                        cells[i_social] if i_social >= 0 else None)
                    if person is not None:
                        id_number = person.id_number
                        ok = id_number[6:14] <= rule.latest_birth and id_number not in seen
                        if ok and i_sex >= 0 and cells[i_sex] is not None and cells[i_sex] != "":
                            sex = cells[i_sex]
                            ok = type(sex) is str and _SEX.get(sex.strip().lower()) == (
                                "男" if int(id_number[16]) % 2 else "女")
                        if ok and rule.min_contract_months:
                            start = person.contract_start
                            ok = not has_contract if start is None else contract_ok(start, person.contract_end, rule)
                        if ok and rule.min_social_insurance_months:
                            months = person.social_insurance_months
                            ok = not has_social if months is None else months >= rule.min_social_insurance_months
                        if ok and (person.status is not certified or person.certificate_no):
                            seen[id_number] = [(number, person.class_id)]
                            kept.append(person)
                            kept_rows.append(number)
                            continue
            self.row(number, cells)
        return self.out

    def row(self, number: int, cells: Sequence[object]) -> None:
        """One roster row on the slow path: cells → values (each cell's problem named) → person → checks."""
        values, raw, problems = self._cell_values(number, cells)
        if not raw and not problems:
            self.out.blank += 1
            return
        person = None if problems else fast_apprentice(values)
        if person is None:
            person = self._validate(number, values, raw, problems)
        tc = self._class_of(number, raw, problems)
        if person is not None and tc is not None and not problems:
            self._check_person(number, person, tc, raw, problems)
        if problems or person is None:
            self.out.problems.extend(problems)
            self.out.rejected += 1
            self.out.refused.append(RefusedPerson(
                self.sheet, number, cell_text(raw.get("name", "")).strip(),
                cell_text(raw.get("class_id", "")).strip(), cell_text(raw.get("status", "")).strip()))
            return
        self.seen.setdefault(person.id_number, []).append((number, person.class_id))
        typed = raw.get("id_number")
        if isinstance(typed, str) and fold_full_width(typed) != typed:
            self.out.warnings.append(self.problem(number, "id_number", typed, f"身份证号中的{FOLDED_NOTE}"))
        self.out.roster.append(person)
        self.out.rows.append(number)

    def _cell_values(self, number: int, cells: Sequence[object]
                     ) -> tuple[dict[str, object], dict[str, object], list[InputProblem]]:
        """The row's non-empty cells as model values, the cells as typed, and a problem per unreadable cell."""
        values: dict[str, object] = {}
        raw: dict[str, object] = {}
        problems: list[InputProblem] = []
        width = len(cells)
        for index, name in self.columns:
            cell = cells[index] if index < width else None
            if cell is None or cell == "":
                if (number, index) in self.gaps:
                    problems.append(self.problem(number, name, "", FORMULA_GAP))
                continue
            raw[name] = cell
            try:
                value = _cell_value(name, cell)
            except _CellProblem as exc:
                problems.append(self.problem(number, name, exc.text, exc.message))
                continue
            except ValueError as exc:
                problems.append(self.problem(number, name, cell, str(exc)))
                continue
            if value is not _SKIP:
                values[name] = value
        return values, raw, problems

    def _class_of(self, number: int, raw: dict[str, object], problems: list[InputProblem]) -> TrainingClass | None:
        """The row's class, or None with a problem saying why (unknown, or refused on the classes sheet)."""
        class_text = cell_text(raw.get("class_id", "")).strip()
        if not class_text:
            return None
        tc = self.classes.get(class_text)
        if tc is None and class_text in self.rejected_classes:
            problems.append(self.problem(number, "class_id", class_text,
                                         f"班级“{class_text}”在培训班工作表中有问题未导入,本行随之未导入"))
        elif tc is None:
            problems.append(self.problem(number, "class_id", class_text,
                                         f"班级编号“{class_text}”在培训班工作表和当前申请中都不存在"))
        return tc

    def _validate(self, number: int, values: dict[str, object], raw: dict[str, object],
                  problems: list[InputProblem]) -> Apprentice | None:
        failed = {p.column for p in problems}
        try:
            person = Apprentice.model_validate(values)
        except ValidationError as exc:
            for error in validation_errors(exc):
                name = str(error["loc"][0]) if error["loc"] else ""
                column = self.header_of.get(name, _TITLES.get(name, ""))
                if not name and "劳动合同" in str(error.get("msg", "")):
                    name, column = "contract_end", self.header_of.get("contract_end", "劳动合同结束")
                if column in failed:
                    continue
                problems.append(InputProblem(number, column, cell_text(raw.get(name, "")), chinese_message(error),
                                             self.sheet))
            return None
        return person if not problems else None

    def _check_person(self, number: int, person: Apprentice, tc: TrainingClass, raw: dict[str, object],
                      problems: list[InputProblem]) -> None:
        rule = self._eligibility.get(tc.class_id)
        if rule is None:
            rule = self._eligibility[tc.class_id] = eligibility_for(tc, self.rules)
        id_number = person.id_number
        self._judge(number, person, age_finding(person, rule), problems)
        sex = raw.get("sex")
        if sex is not None:
            given = _SEX.get(cell_text(sex).strip().lower())
            derived = "男" if int(id_number[16]) % 2 else "女"
            if given != derived:
                problems.append(self.problem(number, "sex", sex, f"性别与身份证号不符(按身份证号应为{derived})"))
        if rule.min_contract_months and person.contract_start is None and self.has_contract:
            self.out.warnings.append(self.problem(number, "contract_start", "",
                                                  "未填写劳动合同开始日期,无法核对劳动合同期限"))
        self._judge(number, person, contract_finding(person.contract_start, person.contract_end, rule), problems)
        social = social_insurance_finding(person.social_insurance_months, rule)
        if social is not None and (social.fact is not Fact.SOCIAL_INSURANCE_UNKNOWN or self.has_social):
            self._judge(number, person, social, problems)
        for other_row, other_class in self.seen.get(id_number, ()):
            if other_class == tc.class_id:
                problems.append(self.problem(number, "id_number", id_number,
                                             f"身份证号与第 {other_row} 行重复(同一班级),本行未导入"))
                break
            other = self.classes.get(other_class)
            if other is not None and other.period.overlaps(tc.period):
                problems.append(self.problem(
                    number, "id_number", id_number,
                    f"同一人已在第 {other_row} 行的班级“{other_class}”({other.start_date.isoformat()} 至 "
                    f"{other.end_date.isoformat()})中,与本班培训期重叠,本行未导入"))
                break
        if not problems:
            self._judge(number, person, certificate_finding(person), problems)

    def _judge(self, number: int, person: Apprentice, finding: Finding | None,
               problems: list[InputProblem]) -> None:
        """An eligibility ERROR rejects the row; a WARNING imports it with a warning (docs/eligibility.md)."""
        if finding is None:
            return
        name = _FIELD_OF[finding.fact]
        found = getattr(person, name)
        value = "" if found is None else found.isoformat() if isinstance(found, date) else str(found)
        if finding.severity is Verdict.ERROR:
            problems.append(self.problem(number, name, value, finding.message))
        else:
            suffix = ";已导入,申领清算前请补填" if finding.fact is Fact.CERTIFICATE_MISSING else ";已导入"
            self.out.warnings.append(self.problem(number, name, value, finding.message + suffix))
