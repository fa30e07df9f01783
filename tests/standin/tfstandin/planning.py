"""What the stand-in answers to plan, apply, read and import: pure functions on values.

Values are decoded cty values (see ``cty``): dicts for objects and maps, lists
for lists, sets and tuples, ``cty.Unknown`` for values known after apply.

Plan (``PlanResourceChange``)
    Start from Terraform's proposed new state (configuration merged with the
    prior state). An attribute that is still null gets its static default from
    the extras when it has one, else, when the schema says it is computed, it
    becomes unknown — "known after apply". Prior computed values therefore
    stay as they were on an update. On an update every ForceNew /
    RequiresReplace path whose value changes is returned in
    ``requires_replace``, so Terraform plans a replacement exactly where the
    real provider would.

Apply (``ApplyResourceChange``)
    The planned state with every unknown replaced by a deterministic fake
    value (see ``fakes``); nothing else changes.

Read (``ReadResource``) returns the prior state: nothing drifts.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .cty import UNKNOWN, Unknown, equal, type_kind
from .fakes import Faker
from .schema import Block, ReplaceRule, TypeSchema


@dataclass(frozen=True)
class Key:
    """A map key in a value path (a plain ``str`` step is an attribute name)."""

    key: str


Path = tuple[str | int | Key, ...]


def _walk_objects(
    block: Block, obj: dict[str, Any], path: Path
) -> Iterator[tuple[Block, dict[str, Any], Path]]:
    """Every (block, object) pair in a value: the object itself and each nested block element."""
    yield block, obj, path
    for name, nb in block.blocks.items():
        value = obj.get(name)
        if value is None or isinstance(value, Unknown):
            continue
        if nb.nesting in ("single", "group"):
            yield from _walk_objects(nb.block, value, (*path, name))
        elif nb.nesting == "map":
            for key in sorted(value):
                if isinstance(value[key], dict):
                    yield from _walk_objects(nb.block, value[key], (*path, name, Key(key)))
        else:  # list, set
            for i, element in enumerate(value):
                if isinstance(element, dict):
                    yield from _walk_objects(nb.block, element, (*path, name, i))


def _schema_path(path: Path) -> tuple[str, ...]:
    """A value path without element keys: how extras name attributes ("disk.scsi")."""
    return tuple(step for step in path if isinstance(step, str))


def plan(ts: TypeSchema, prior: Any, proposed: Any) -> tuple[Any, list[Path]]:
    """The planned state and the paths that force a replacement."""
    if proposed is None:  # destroy
        return None, []
    planned = copy.deepcopy(proposed)
    for block, obj, path in _walk_objects(ts.block, planned, ()):
        base = _schema_path(path)
        for name, attr in block.attributes.items():
            if obj.get(name) is not None:
                continue
            default = ts.defaults.get((*base, name))
            if default is not None and (attr.optional or attr.computed):
                obj[name] = copy.deepcopy(default)
            elif attr.computed:
                obj[name] = UNKNOWN
    replace: list[Path] = []
    if prior is not None:
        for rule in ts.replace_rules:
            replace.extend(_changed_paths(rule, ts.block, prior, planned))
    return planned, replace


def _changed_paths(rule: ReplaceRule, block: Block, prior: Any, planned: Any) -> list[Path]:
    """Concrete paths under ``rule.path`` where prior and planned differ."""
    out: list[Path] = []

    def visit(steps: tuple[str, ...], blk: Block | None, a: Any, b: Any, path: Path) -> None:
        if not steps:
            if equal(a, b):
                return
            if rule.ignore_to_null and b is None:
                return
            if rule.ignore_empty_to_null and a == "" and b is None:
                return
            out.append(path)
            return
        name, rest = steps[0], steps[1:]
        a_obj = a if isinstance(a, dict) else {}
        b_obj = b if isinstance(b, dict) else {}
        av, bv = a_obj.get(name), b_obj.get(name)
        here = (*path, name)
        nb = blk.blocks.get(name) if blk is not None else None
        if not rest or nb is None:
            # The rule names an attribute (or something inside an object
            # attribute, compared as a whole): compare here.
            visit((), None, av, bv, here)
            return
        if isinstance(av, Unknown) or isinstance(bv, Unknown) or nb.nesting == "set":
            # A set element has no stable index: compare the whole set.
            visit((), None, av, bv, here)
        elif nb.nesting in ("single", "group"):
            visit(rest, nb.block, av, bv, here)
        elif nb.nesting == "map":
            for key in sorted(set(av or {}) | set(bv or {})):
                visit(rest, nb.block, (av or {}).get(key), (bv or {}).get(key), (*here, Key(key)))
        else:
            al, bl = av or [], bv or []
            for i in range(max(len(al), len(bl))):
                visit(
                    rest,
                    nb.block,
                    al[i] if i < len(al) else None,
                    bl[i] if i < len(bl) else None,
                    (*here, i),
                )

    visit(rule.path, block, prior, planned, ())
    return out


def apply(ts: TypeSchema, planned: Any, config: Any) -> Any:
    """The new state: the plan with every unknown filled with a deterministic fake."""
    if planned is None:  # destroy
        return None
    faker = Faker(ts.name, config)
    new = copy.deepcopy(planned)
    _fill_unknowns(faker, ts.block, new, ())
    return new


def _fill_unknowns(faker: Faker, block: Block, obj: dict[str, Any], path: Path) -> None:
    for name, attr in block.attributes.items():
        value = obj.get(name)
        if _has_unknown(value):
            obj[name] = faker.fill(attr.type, value, (*path, name), obj)
    for name, nb in block.blocks.items():
        value = obj.get(name)
        if isinstance(value, Unknown):
            # A whole block collection unknown (a dynamic block over an unknown
            # collection): it comes out empty.
            obj[name] = None if nb.nesting == "single" else ({} if nb.nesting == "map" else [])
            continue
        if value is None:
            continue
        if nb.nesting in ("single", "group"):
            _fill_unknowns(faker, nb.block, value, (*path, name))
        elif nb.nesting == "map":
            for key in sorted(value):
                _fill_unknowns(faker, nb.block, value[key], (*path, name, Key(key)))
        else:
            for i, element in enumerate(value):
                _fill_unknowns(faker, nb.block, element, (*path, name, i))


def _has_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(_has_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_unknown(v) for v in value)
    return False


def read_data_source(ts: TypeSchema, config: Any) -> Any:
    """The data source's state: its configuration, every null computed attribute faked.

    Faked exactly like an apply would, so the values are fixed by the data
    source's type and configuration (an image looked up by name always gets
    the same id).
    """
    planned, _ = plan(ts, None, config)
    return apply(ts, planned, config)


def null_object(block: Block) -> dict[str, Any]:
    """An object of ``block`` with every attribute null and no nested block elements."""
    obj: dict[str, Any] = dict.fromkeys(block.attributes)
    for name, nb in block.blocks.items():
        if nb.nesting == "group":
            obj[name] = null_object(nb.block)
        elif nb.nesting == "single":
            obj[name] = None
        elif nb.nesting == "map":
            obj[name] = {}
        else:
            obj[name] = []
    return obj


def imported(ts: TypeSchema, resource_id: str) -> dict[str, Any]:
    """What ``terraform import`` gets: only the id is known; the next read returns just that."""
    obj = null_object(ts.block)
    if "id" in ts.block.attributes and type_kind(ts.block.attributes["id"].type) == "string":
        obj["id"] = resource_id
    return obj
