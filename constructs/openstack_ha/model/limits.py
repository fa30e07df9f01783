"""Ranges and name patterns, declared once as field metadata.

A field states its allowed values beside its type::

    count: Annotated[Int, Range(2, 20, "group_size", "...", "use {minimum}–{maximum}")]

and three readers take them from there, so they cannot drift apart:

- the JSON Schema (``openstack-ha schema``) gets ``minimum``/``maximum`` or
  ``pattern``/``maxLength``, so an editor rejects what ``validate`` rejects;
- ONE generic rule (``rules/limits.py``) reports every value outside them
  with the declared code and message;
- cross-field rules ask ``within_limits`` before checking what only makes
  sense inside the range (an even Galera count, a port already taken).

Pydantic does not enforce these while building a model: a spec is built
from its structure alone, and validation runs at the entry points
(``derive_plan``, the lab-file loader, the top construct), where every
problem of a lab is listed together with the cross-field ones.

A ``Range`` may hold for one value of a sibling field only
(``when=("mode", "active-passive")``); the schema then carries it as an
``if``/``then`` on the object.

Messages use the shape of errors.py: ``<what>, got <value>; <fix>``; in
``what`` and ``fix``, ``{minimum}`` and ``{maximum}`` stand for the bounds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

__all__ = [
    "Complaint",
    "Limit",
    "Pattern",
    "Range",
    "field_limits",
    "limits_json_schema",
    "minimum_of",
    "within_limits",
]


@dataclass(frozen=True)
class Complaint:
    """The code and message parts of one violated limit."""

    code: str
    what: str
    fix: str


@dataclass(frozen=True)
class Range:
    """Whole numbers ``minimum``..``maximum`` (either may be open).

    ``below`` replaces the complaint for values under ``minimum`` when the
    reason differs from the one for values over ``maximum``. ``when`` limits
    the range to models whose sibling field has the given value.
    """

    minimum: int | None
    maximum: int | None
    code: str
    what: str
    fix: str
    below: Complaint | None = None
    when: tuple[str, object] | None = None

    def applies(self, model: BaseModel) -> bool:
        if self.when is None:
            return True
        field, value = self.when
        return bool(getattr(model, field) == value)

    def complaint(self, value: int) -> Complaint | None:
        """What is wrong with ``value``, or ``None`` when it is inside the range."""
        if self.minimum is not None and value < self.minimum:
            return self._fill(self.below or Complaint(self.code, self.what, self.fix))
        if self.maximum is not None and value > self.maximum:
            return self._fill(Complaint(self.code, self.what, self.fix))
        return None

    def _fill(self, complaint: Complaint) -> Complaint:
        bounds = {"minimum": self.minimum, "maximum": self.maximum}
        return Complaint(
            complaint.code, complaint.what.format(**bounds), complaint.fix.format(**bounds)
        )

    def schema(self) -> dict[str, int]:
        out: dict[str, int] = {}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        if self.when is None:  # conditional ranges go on the object (limits_json_schema)
            json_schema.update(self.schema())
        return json_schema


# A fix may depend on the value given and on the whole lab (``lab`` is the
# LabSpec; typed loosely because this module sits below spec.py).
Fix = str | Callable[[str, Any], str]


@dataclass(frozen=True)
class Pattern:
    """Text matching ``regex`` (searched, as JSON Schema does), at most ``max_length`` long."""

    regex: str
    max_length: int | None
    code: str
    what: str
    fix: Fix

    def complaint(self, value: str, lab: Any) -> Complaint | None:
        too_long = self.max_length is not None and len(value) > self.max_length
        if not too_long and re.search(self.regex, value):
            return None
        fix = self.fix if isinstance(self.fix, str) else self.fix(value, lab)
        return Complaint(self.code, self.what, fix)

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        json_schema["pattern"] = self.regex
        if self.max_length is not None:
            json_schema["maxLength"] = self.max_length
        return json_schema


Limit = Range | Pattern


def field_limits(model: type[BaseModel], name: str) -> tuple[Limit, ...]:
    """The limits declared on ``model.name``, including inside an optional (``X | None``)."""
    field = model.model_fields[name]
    found = [m for m in field.metadata if isinstance(m, (Range, Pattern))]
    for arg in getattr(field.annotation, "__args__", ()):
        found += [m for m in getattr(arg, "__metadata__", ()) if isinstance(m, (Range, Pattern))]
    return tuple(found)


def minimum_of(model: type[BaseModel], name: str) -> int:
    """The lower bound of ``model.name``'s unconditional range (for readers outside the model)."""
    for limit in field_limits(model, name):
        if isinstance(limit, Range) and limit.when is None and limit.minimum is not None:
            return limit.minimum
    raise LookupError(f"{model.__name__}.{name} declares no lower bound")


def _ranges(model: BaseModel, name: str) -> Iterator[Range]:
    for limit in field_limits(type(model), name):
        if isinstance(limit, Range) and limit.applies(model):
            yield limit


def within_limits(model: BaseModel, name: str) -> bool:
    """Whether ``model.name`` is inside every range that applies to it (``None`` is)."""
    value = getattr(model, name)
    if value is None:
        return True
    return all(r.complaint(value) is None for r in _ranges(model, name))


def limits_json_schema(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Add the conditional ranges of ``model``'s fields to its JSON Schema as if/then.

    A condition on the field's default value also holds when the key is left
    out (the lab file is merged onto the default); any other value must be
    given. The second form is written with ``not`` twice instead of
    ``required`` because a lab file never requires a key.
    """
    conditions: list[dict[str, Any]] = []
    for name in model.model_fields:
        for limit in field_limits(model, name):
            if not isinstance(limit, Range) or limit.when is None:
                continue
            field, value = limit.when
            is_value = {"properties": {field: {"const": value}}}
            if value != model.model_fields[field].default:
                is_value = {"not": {"properties": {field: {"not": {"const": value}}}}}
            conditions.append({"if": is_value, "then": {"properties": {name: limit.schema()}}})
    if conditions:
        schema["allOf"] = conditions
