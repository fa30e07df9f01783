"""The one rule behind every range and name pattern declared on a field (model/limits.py).

It walks the spec and reports each value outside its field's ``Range`` or
``Pattern`` with the code and message declared there. One table row per
section of the lab, so that a structural error in one section of a lab
file (whose values are then stand-ins) only skips that section's limits.

The sizing of a node group (count, hostname prefix, vCPUs, memory, disk) is
checked only when the layout uses the group: otherwise ``layout_ignored``
reports any value that differs from its default.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from openstack_ha.model.errors import Problem
from openstack_ha.model.groups import GROUP_ORDER, SIZING_FIELDS
from openstack_ha.model.limits import Range, field_limits
from openstack_ha.model.rules.base import Check, Rule, problem
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import groups_in_use

__all__ = ["LIMIT_RULES"]

# Sections whose messages read another part of the lab (a domain's fix names the lab).
_ALSO_READS: dict[str, tuple[str, ...]] = {"domain": ("name",)}


def _declared(model: type[BaseModel], loc: str) -> Iterator[tuple[str, type[BaseModel], str]]:
    """(loc, owning model class, field name) of every limited field under ``model``."""
    for name, field in model.model_fields.items():
        here = f"{loc}.{name}" if loc else name
        if field_limits(model, name):
            yield here, model, name
        for candidate in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                yield from _declared(candidate, here)


def _violations(spec: LabSpec, model: BaseModel, name: str, loc: str) -> Iterator[Problem]:
    value = getattr(model, name)
    if value is None:  # unset: the default applies
        return
    for limit in field_limits(type(model), name):
        if isinstance(limit, Range):
            found = limit.complaint(value) if limit.applies(model) else None
        else:
            found = limit.complaint(value, spec)
        if found is not None:
            yield problem(found.code, loc, found.what, value, found.fix)


def _instance(spec: LabSpec, loc: str) -> BaseModel | None:
    """The model holding the field at ``loc`` (``None`` when a parent is unset)."""
    node: object = spec
    for part in loc.split(".")[:-1]:
        node = getattr(node, part)
        if node is None:
            return None
    assert isinstance(node, BaseModel)
    return node


def _section_check(section: str, locs: tuple[str, ...], *, sizing: bool) -> Check:
    def check(spec: LabSpec) -> Iterator[Problem]:
        if sizing and section not in groups_in_use(spec):
            return
        for loc in locs:
            model = _instance(spec, loc)
            if model is not None:
                yield from _violations(spec, model, loc.rsplit(".", 1)[-1], loc)

    return check


def _codes(owner: type[BaseModel], name: str) -> list[str]:
    out = []
    for limit in field_limits(owner, name):
        out.append(limit.code)
        if isinstance(limit, Range) and limit.below is not None:
            out.append(limit.below.code)
    return out


def _rules() -> tuple[Rule, ...]:
    sections: dict[tuple[str, bool], list[tuple[str, type[BaseModel], str]]] = {}
    for loc, owner, name in _declared(LabSpec, ""):
        section = loc.split(".", 1)[0]
        sizing = section in GROUP_ORDER and loc == f"{section}.{name}" and name in SIZING_FIELDS
        sections.setdefault((section, sizing), []).append((loc, owner, name))
    rows = []
    for (section, sizing), fields in sections.items():
        codes = tuple(dict.fromkeys(c for _, owner, name in fields for c in _codes(owner, name)))
        reads = (section, *_ALSO_READS.get(section, ()), *(("layout",) if sizing else ()))
        what = "sizing of the group in use" if sizing else "settings"
        rows.append(
            Rule(
                codes,
                reads,
                f"{section}: {what} inside the ranges and patterns their fields declare",
                _section_check(section, tuple(loc for loc, _, _ in fields), sizing=sizing),
            )
        )
    return tuple(rows)


LIMIT_RULES: tuple[Rule, ...] = _rules()
