"""Every field of the rule schema has an editor in the form: walks the models, so a new key is covered or fails."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QTableWidget

from subsidy_calc.rule_draft import KeyPath, path_text
from subsidy_calc.rule_fields import ListShape, ModelShape, Scalar, Shape, TableShape, UnionShape, fields_of
from subsidy_calc.rule_schema import RuleSet
from ui.rules_editor.form import FormHost, RuleForm

SAMPLE = {"decimal": "1", "int": 1, "bool": True, "str": "x", "date": "2024-01-01"}


def _max_members(shape: Shape, seen: set[type]) -> int:
    """The largest number of members of any union in the schema (how many drafts cover them all)."""
    if isinstance(shape, UnionShape):
        return max(len(shape.members), *(_max_members(ModelShape(m), seen) for _, m in shape.members))
    if isinstance(shape, ModelShape):
        if shape.model in seen:
            return 1
        return max([1, *(_max_members(s.shape, seen | {shape.model}) for s in fields_of(shape.model))])
    if isinstance(shape, TableShape):
        return _max_members(shape.value, seen)
    if isinstance(shape, ListShape):
        return _max_members(shape.item, seen)
    return 1


def full_data(shape: Shape, variant: int) -> Any:
    """Data with every optional table present, one item in every list, union member number `variant`."""
    if isinstance(shape, Scalar):
        return shape.choices[0][0] if shape.choices else SAMPLE[shape.kind]
    if isinstance(shape, ModelShape):
        return {spec.key: full_data(spec.shape, variant) for spec in fields_of(shape.model)}
    if isinstance(shape, UnionShape):
        tag, model = shape.members[variant % len(shape.members)]
        data = full_data(ModelShape(model), variant)
        data[shape.discriminator] = tag
        return data
    if isinstance(shape, TableShape):
        if isinstance(shape.value, ModelShape | UnionShape):
            return {"2024-01-01": full_data(shape.value, variant)}
        return {}
    return [full_data(shape.item, variant)]


def expected_paths(shape: Shape, path: KeyPath, data: Any) -> list[str]:
    """The key path of every field reachable in `data` (each must have an editor)."""
    found: list[str] = []
    model = None
    if isinstance(shape, ModelShape):
        model = shape.model
    elif isinstance(shape, UnionShape):
        model = shape.member(data[shape.discriminator])
        found.append(path_text((*path, shape.discriminator)))
    if model is not None:
        for spec in fields_of(model):
            child = (*path, spec.key)
            found.append(path_text(child))
            found += expected_paths(spec.shape, child, data[spec.key])
    elif isinstance(shape, TableShape) and isinstance(shape.value, ModelShape | UnionShape):
        for key, value in data.items():
            found += expected_paths(shape.value, (*path, key), value)
    elif isinstance(shape, ListShape) and not isinstance(shape.item, Scalar):
        for index, value in enumerate(data):
            found += expected_paths(shape.item, (*path, index), value)
    return found


VARIANTS = range(_max_members(ModelShape(RuleSet), set()))


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_field_of_the_schema_has_an_editor(qtbot: Any, variant: int) -> None:
    data = full_data(ModelShape(RuleSet), variant)
    form = RuleForm(FormHost(data, lambda *_a: None, lambda *_a: None))
    qtbot.addWidget(form)
    paths = expected_paths(ModelShape(RuleSet), (), data)
    assert len(paths) > 40
    missing = [p for p in paths if p not in form.editors]
    assert not missing, f"no editor for: {missing}"


def test_scalar_editors_have_the_right_kind(qtbot: Any) -> None:
    data = full_data(ModelShape(RuleSet), 0)
    form = RuleForm(FormHost(data, lambda *_a: None, lambda *_a: None))
    qtbot.addWidget(form)
    editors = form.editors
    assert isinstance(editors["status"], QComboBox)
    assert isinstance(editors["review_after"], QLineEdit)
    assert isinstance(editors["assumptions"], QPlainTextEdit)
    assert isinstance(editors["values.2024-01-01.rate.levels"], QTableWidget)
    assert "values.2024-01-01.rate.apprentice_types" not in editors  # the key became [student_rate]
    assert isinstance(editors["values.2024-01-01.rate.cap_at_cost"], QCheckBox)
    assert isinstance(editors["values.2024-01-01.period.max_months"], QLineEdit)
