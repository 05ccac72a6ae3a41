"""What each field of the rule schema holds (scalar, table, list, sub-model, union), read from the models."""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo


@dataclass(frozen=True)
class Scalar:
    """One value typed in one field: kind is decimal, int, bool, str, date or choice (Literal / enum)."""

    kind: str
    choices: tuple[tuple[str, str], ...] = ()  # (value written to the file, label shown)
    enum: type[Enum] | None = None


@dataclass(frozen=True)
class ModelShape:
    """A nested table described by its own model."""

    model: type[BaseModel]


@dataclass(frozen=True)
class UnionShape:
    """A discriminated union: the value of `discriminator` chooses the model of the table."""

    discriminator: str
    members: tuple[tuple[str, type[BaseModel]], ...]  # (tag, model)

    def member(self, tag: object) -> type[BaseModel] | None:
        return next((model for value, model in self.members if value == tag), None)


@dataclass(frozen=True)
class TableShape:
    """A table from keys to values (level tables, sources, dated parameter blocks)."""

    key: Scalar
    value: Shape


@dataclass(frozen=True)
class ListShape:
    """An array of scalars or of tables."""

    item: Shape


Shape = Scalar | ModelShape | UnionShape | TableShape | ListShape


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model: its key in the file, its title, its shape and whether it may be left out."""

    name: str
    key: str
    title: str
    description: str
    shape: Shape
    optional: bool
    required: bool
    default: object = None  # a scalar default (shown when the file leaves the key out)


def _strip(annotation: Any) -> tuple[Any, bool, str | None]:
    """Remove Annotated and `| None`; report optionality and a discriminator given in Field()."""
    optional = False
    discriminator: str | None = None
    while True:
        if get_origin(annotation) is Annotated:
            inner, *meta = get_args(annotation)
            for item in meta:
                if isinstance(item, FieldInfo) and isinstance(item.discriminator, str):
                    discriminator = item.discriminator
            annotation = inner
            continue
        if get_origin(annotation) in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) < len(get_args(annotation)):
                optional = True
            if len(members) == 1:
                annotation = members[0]
                continue
            annotation = Union[tuple(members)]  # noqa: UP007 - rebuilt from a runtime tuple
        return annotation, optional, discriminator


def _enum_choices(enum: type[Enum]) -> tuple[tuple[str, str], ...]:
    return tuple((str(member.value), str(getattr(member, "label", member.value))) for member in enum)


def _literal_tag(model: type[BaseModel], field: str) -> str | None:
    info = model.model_fields.get(field)
    if info is None:
        return None
    inner, _, _ = _strip(info.annotation)
    if get_origin(inner) is Literal and len(get_args(inner)) == 1:
        return str(get_args(inner)[0])
    return None


def _union(members: tuple[Any, ...], discriminator: str | None) -> Shape:
    models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
    if len(models) != len(members):
        return Scalar("str")
    if discriminator is None:
        common = set.intersection(*(set(m.model_fields) for m in models))
        discriminator = next((f for f in sorted(common) if all(_literal_tag(m, f) for m in models)), None)
    if discriminator is None:
        return ModelShape(models[0])
    return UnionShape(discriminator, tuple((_literal_tag(m, discriminator) or "", m) for m in models))


def shape_of(annotation: Any, discriminator: str | None = None) -> Shape:
    """The shape of an annotation of the rule schema."""
    inner, _, found = _strip(annotation)
    discriminator = discriminator or found
    origin = get_origin(inner)
    if origin is Literal:
        values = tuple(str(v) for v in get_args(inner))
        return Scalar("choice", tuple((v, v) for v in values))
    if origin in (Union, types.UnionType):
        return _union(get_args(inner), discriminator)
    if origin is dict:
        key, value = get_args(inner)
        key_shape = shape_of(key)
        return TableShape(key_shape if isinstance(key_shape, Scalar) else Scalar("str"), shape_of(value))
    if origin in (list, tuple, set, frozenset):
        return ListShape(shape_of(get_args(inner)[0]))
    if isinstance(inner, type):
        if issubclass(inner, BaseModel):
            return ModelShape(inner)
        if issubclass(inner, Enum):
            return Scalar("choice", _enum_choices(inner), inner)
        for kind, cls in (("bool", bool), ("int", int), ("decimal", Decimal), ("date", date), ("str", str)):
            if issubclass(inner, cls):
                return Scalar(kind)
    return Scalar("str")


def fields_of(model: type[BaseModel]) -> list[FieldSpec]:
    """Every field of a model, in declaration order, with its key in the file (alias) and title."""
    specs = []
    for name, info in model.model_fields.items():
        _, optional, _ = _strip(info.annotation)
        discriminator = info.discriminator if isinstance(info.discriminator, str) else None
        specs.append(FieldSpec(
            name=name, key=info.alias or name, title=info.title or name, description=info.description or "",
            shape=shape_of(info.annotation, discriminator), optional=optional, required=info.is_required(),
            default=None if info.is_required() or info.default_factory is not None else info.default,
        ))
    return specs


def field_by_key(model: type[BaseModel], key: str) -> FieldSpec | None:
    return next((spec for spec in fields_of(model) if spec.key == key), None)


def scalar_text(value: object) -> str:
    """A scalar as it is written in the file and shown in a field (levels and types by their Chinese name)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        parse = getattr(type(value), "parse", None)
        if isinstance(label, str) and parse is not None:
            try:
                if parse(label) == value:
                    return label
            except ValueError:
                pass
        return str(value.value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
