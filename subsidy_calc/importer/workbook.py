"""Importing a roster workbook or CSV: pick the sheets, match the headers, read classes then roster."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path

from ..classes_csv import CLASS_HEADERS, classes_from_rows
from ..input_errors import InputError, InputProblem
from ..models import Apprentice, Claim, TrainingClass
from ..rule_schema import RuleSet
from . import ahead
from .blocks import ReadWhole
from .cells import cell_text
from .gcpause import paused_gc
from .headers import CLASS_FIELDS, HeaderMappingNeeded, guess_kind, resolve_headers
from .reading import CLASS_SHEET_NAMES, ROSTER_SHEET_NAMES, Table, read_workbook
from .reconcile import reconcile_counts
from .refused import refused_worth
from .result import ImportResult
from .roster import RosterReader

HEADER_SEARCH_ROWS = 10
_CLASS_HEADER = {f.name: f.header for f in CLASS_FIELDS}


def _find_header(table: Table, kind: str, mapping: Mapping[str, str] | None) -> tuple[int, dict[int, str]]:
    """The header row (0-based) and its column mapping: the first of the top rows that matches."""
    first_error: HeaderMappingNeeded | None = None
    for index, cells in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        headers = [cell_text(c).strip() for c in cells]
        if not any(headers):
            continue
        try:
            return index, resolve_headers(headers, kind, table.name, mapping)
        except HeaderMappingNeeded as exc:
            first_error = first_error or exc
    if first_error is None:
        raise InputError([InputProblem(None, "", "", f"工作表“{table.name}”是空的", table.name)])
    raise first_error


def _has_content(table: Table) -> bool:
    return any(any(c not in (None, "") for c in row) for row in table.rows[:HEADER_SEARCH_ROWS]) or any(
        any(c not in (None, "") for c in row) for row in table.rows[HEADER_SEARCH_ROWS:])


def _kind_of(table: Table) -> str:
    name = table.name.strip()
    if name in ROSTER_SHEET_NAMES:
        return "roster"
    if name in CLASS_SHEET_NAMES:
        return "classes"
    for cells in table.rows[:HEADER_SEARCH_ROWS]:
        kind = guess_kind([cell_text(c).strip() for c in cells])
        if kind:
            return kind
    return "roster"


def _class_rows(table: Table, first: int, columns: dict[int, str],
                problems: list[InputProblem]) -> Iterator[tuple[int, dict[str, str]]]:
    for index in range(first, len(table.rows)):
        cells = table.rows[index]
        number = index + 1
        row: dict[str, str] = {}
        gap = False
        for col, name in columns.items():
            if (number, col) in table.formula_gaps:
                gap = True
                problems.append(InputProblem(number, _CLASS_HEADER[name], "",
                                             "公式没有计算结果;请在 Excel 中打开、重新计算并保存后再导入", table.name))
            row[_CLASS_HEADER[name]] = cell_text(cells[col]) if col < len(cells) else ""
        if not gap:
            yield number, row


def read_classes(table: Table, mapping: Mapping[str, str] | None, notes: list[InputProblem] | None = None,
                 ) -> tuple[list[TrainingClass], list[InputProblem], dict[str, int], int, set[str]]:
    """Classes of a sheet, problems, the row of each class id, the number of rejected rows, rejected ids."""
    first, columns = _find_header(table, "classes", mapping)
    problems: list[InputProblem] = []
    classes, row_problems = classes_from_rows(list(CLASS_HEADERS), _class_rows(table, first + 1, columns, problems),
                                              table.name, notes)
    problems.extend(row_problems)
    rows: dict[str, int] = {}
    number_of = {tc.class_id: None for tc in classes}
    col = next((c for c, n in columns.items() if n == "class_id"), 0)
    for index in range(first + 1, len(table.rows)):
        cells = table.rows[index]
        key = cell_text(cells[col]).strip() if col < len(cells) else ""
        if key and key not in rows:
            rows[key] = index + 1
    rejected = len({p.row for p in problems if p.row is not None})
    failed = {key for key in rows if key not in number_of}
    return classes, problems, {k: v for k, v in rows.items() if k in number_of}, rejected, failed


def import_file(path: Path, *, existing_claim: Claim | None = None, rules: RuleSet | None = None,
                mapping: Mapping[str, str] | None = None, cancelled: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Import a roster workbook (.xlsx/.xlsm/.xls/.ods) or CSV. Good rows are kept, every bad row is listed.

    Raises InputError when the file cannot be used at all, HeaderMappingNeeded (an InputError) when the
    headers are not recognised — call again with `mapping` {file header: field name or canonical header} —
    and ImportCancelled when `cancelled()` turns true.
    """
    with paused_gc():
        try:
            return _import(Path(path), existing_claim, rules, mapping, cancelled, progress, blocks=True)
        except ReadWhole:  # the sheet's blocks could not promise its rows: the same import, the sheet read whole
            return _import(Path(path), existing_claim, rules, mapping, cancelled, progress, blocks=False)


def _import(path: Path, existing_claim: Claim | None, rules: RuleSet | None, mapping: Mapping[str, str] | None,
            cancelled: Callable[[], bool] | None, progress: Callable[[int, int], None] | None,
            blocks: bool) -> ImportResult:
    read_ahead = ahead.take(path) if blocks else None  # the command line may have read the file already
    tables = read_ahead if read_ahead is not None else read_workbook(path, blocks)
    try:
        return _import_tables(path, [t for t in tables if _has_content(t)], existing_claim, rules, mapping,
                              cancelled, progress)
    finally:
        for table in tables:
            table.close()


def _import_tables(path: Path, tables: list[Table], existing_claim: Claim | None, rules: RuleSet | None,
                   mapping: Mapping[str, str] | None, cancelled: Callable[[], bool] | None,
                   progress: Callable[[int, int], None] | None) -> ImportResult:
    result = ImportResult(Path(path), sheets=[t.name for t in tables])
    for table in tables:
        result.warnings.extend(hidden_notes(table))
    kinds = [(t, _kind_of(t)) for t in tables]
    class_rows: dict[str, int] = {}
    class_sheet = ""
    failed_classes: set[str] = set()
    for table, kind in kinds:
        if kind != "classes":
            continue
        classes, problems, rows, rejected, failed = read_classes(table, mapping, result.warnings)
        failed_classes |= failed
        result.classes.extend(classes)
        result.problems.extend(problems)
        result.rows_rejected += rejected
        class_rows.update(rows)
        class_sheet = table.name
    known: dict[str, TrainingClass] = {tc.class_id: tc for tc in existing_claim.classes} if existing_claim else {}
    known.update({tc.class_id: tc for tc in result.classes})
    for table, kind in kinds:
        if kind != "roster":
            continue
        first, columns = _find_header(table, "roster", mapping)
        headers = [cell_text(c).strip() for c in table.rows[first]]
        reader = RosterReader(table.name, headers, columns, known, rules, table.formula_gaps)
        reader.rejected_classes = failed_classes
        outcome = reader.read(table.rows, first + 1, cancelled, progress)
        result.roster.extend(outcome.roster)
        result.roster_rows.extend(outcome.rows)
        result.problems.extend(outcome.problems)
        result.warnings.extend(outcome.warnings)
        result.rows_rejected += outcome.rejected
        result.refused.extend(outcome.refused)
        result.skipped["空行"] = result.skipped.get("空行", 0) + outcome.blank
        result.warnings.extend(_merge_notes(table, first, headers))
        if existing_claim is not None:
            _against_existing(result, existing_claim, known, table.name)
    if result.roster:
        result.classes, count_problems = reconcile_counts(result.classes, result.roster, class_sheet, class_rows)
        result.problems.extend(count_problems)
    if existing_claim is not None and result.roster:
        # Classes of the claim being edited that get roster rows from this file: same rule, said out loud.
        mine = {tc.class_id for tc in result.classes}
        theirs = [tc for tc in existing_claim.classes if tc.class_id not in mine]
        merged_roster = result.merged_classes_and_roster(existing_claim)[1]
        _, count_problems = reconcile_counts(theirs, merged_roster, "当前申请")
        result.problems.extend(count_problems)
    result.rows_imported = len(result.classes) + len(result.roster)
    if rules is not None and result.refused:
        claim_date = existing_claim.claim_date if existing_claim is not None else date.today()
        result.refused_worth = refused_worth(result.refused, known, rules, claim_date)
    result.count_rejections()
    if progress is not None:
        progress(1, 1)
    return result


HIDDEN_ROWS_LISTED = 20


def hidden_notes(table: Table) -> list[InputProblem]:
    """Hidden sheets and rows are imported like the others (docs/import.md), each named in a warning."""
    notes = []
    if table.hidden:
        notes.append(InputProblem(None, "", "", f"工作表“{table.name}”在 Excel 中是隐藏的,其中的数据已照常导入,"
                                                "请确认这些数据确实属于本次申请", table.name))
    rows = [r for r in table.hidden_rows if r <= len(table.rows)
            and any(c not in (None, "") for c in table.rows[r - 1])]
    if rows:
        listed = "、".join(str(r) for r in rows[:HIDDEN_ROWS_LISTED])
        more = f" 等(共 {len(rows):,} 行)" if len(rows) > HIDDEN_ROWS_LISTED else ""
        notes.append(InputProblem(None, "", "", f"第 {listed} 行{more}在 Excel 中被隐藏,已照常导入,请确认这些行"
                                                "确实属于本次申请", table.name))
    return notes


def _merge_notes(table: Table, header_index: int, headers: list[str]) -> list[InputProblem]:
    """One warning per merged range below the header row whose value was used for each of its rows."""
    from .xlsxraw import column_letters

    notes = []
    for r1, c1, r2, c2, value in table.merged:
        if r2 <= header_index:
            continue
        where = f"{column_letters(c1)}{r1 + 1}:{column_letters(c2)}{r2 + 1}"
        column = headers[c1] if c1 < len(headers) else ""
        notes.append(InputProblem(r1 + 1, column, cell_text(value),
                                  f"合并单元格 {where} 的值已用于其中每一行(第 {r1 + 1}–{r2 + 1} 行)", table.name))
    return notes


def _against_existing(result: ImportResult, existing: Claim, known: dict[str, TrainingClass], sheet: str) -> None:
    """Reject imported people who are already in the claim's kept roster in an overlapping class."""
    covered = {p.class_id for p in result.roster}
    kept: dict[str, list[Apprentice]] = {}
    for person in existing.roster:
        if person.class_id not in covered:
            kept.setdefault(person.id_number, []).append(person)
    if not kept:
        return
    roster: list[Apprentice] = []
    rows: list[int] = []
    for person, number in zip(result.roster, result.roster_rows, strict=True):
        period = known[person.class_id].period
        clash = next((p for p in kept.get(person.id_number, ())
                      if p.class_id in known and known[p.class_id].period.overlaps(period)), None)
        if clash is None:
            roster.append(person)
            rows.append(number)
            continue
        result.problems.append(InputProblem(number, "身份证号", person.id_number,
                                            f"同一人已在当前申请的班级“{clash.class_id}”中,培训期重叠,本行未导入",
                                            sheet))
        result.rows_rejected += 1
    result.roster, result.roster_rows = roster, rows
