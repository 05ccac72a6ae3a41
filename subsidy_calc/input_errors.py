"""Input problems located by row and column, and the error that carries them (CLI exit status 2)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One problem in an input file: which row (1-based, as a spreadsheet shows it), column, value, what."""

    row: int | None
    column: str
    value: str
    message: str
    sheet: str = ""

    def __str__(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"列“{self.column}”")
        where = " ".join(parts)
        value = f"(值:{self.value})" if self.value else ""
        return f"{where}:{self.message}{value}" if where else f"{self.message}{value}"

    def to_json(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.value,
                "problem": self.message}


class InputError(Exception):
    """An input that cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
