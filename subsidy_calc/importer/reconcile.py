"""Typed class headcounts against the roster: counts come from the roster, disagreement is reported."""

from __future__ import annotations

from ..input_errors import InputProblem
from ..models import Apprentice, TrainingClass, roster_counts


def reconcile_counts(classes: list[TrainingClass], roster: list[Apprentice], sheet: str = "",
                     rows: dict[str, int] | None = None) -> tuple[list[TrainingClass], list[InputProblem]]:
    """Classes with typed counts set to 0 where the roster has rows and disagrees; a problem for each such class."""
    typed_classes = {tc.class_id for tc in classes if tc.typed_counts.total}
    if not typed_classes:
        return list(classes), []
    counted = roster_counts([p for p in roster if p.class_id in typed_classes])
    out: list[TrainingClass] = []
    problems: list[InputProblem] = []
    for tc in classes:
        found = counted.get(tc.class_id)
        typed = tc.typed_counts
        if found is None or not typed.total or typed == found:
            out.append(tc)
            continue
        problems.append(InputProblem(
            (rows or {}).get(tc.class_id), "取证人数", "",
            f"班级“{tc.class_id}”填写的人数(取证{typed.certified}、结业未取证{typed.completed_no_cert}、退出"
            f"{typed.dropped}、在训{typed.in_training})与导入的花名册(取证{found.certified}、结业未取证"
            f"{found.completed_no_cert}、退出{found.dropped}、在训{found.in_training})不一致,按花名册计算", sheet))
        out.append(tc.model_copy(update={"certified": 0, "completed_no_cert": 0, "dropped": 0, "in_training": 0}))
    return out, problems
