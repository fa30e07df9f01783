"""Construction checks: types, enumerations, bounds, item counts, blocks.

:func:`check` collects every problem of one object's arguments (never only
the first) and returns its values normalised (tuples made lists, mappings
made block instances).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final

from tfbindgen import hclencode
from tfbindgen.runtime.errors import BindingError, Problem, plural, show, signature_problems
from tfbindgen.runtime.rules import check_rules
from tfbindgen.runtime.specs import Attr, Block, Spec
from tfbindgen.runtime.tokens import is_expression, is_token

# Integers beyond 2**53 lose precision on their way through JavaScript.
_MAX_SAFE_INTEGER: Final = 2**53


class Checker:
    """Collects the problems of one object's arguments and normalises its values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, text: str) -> None:
        self.problems.append(Problem(path, text))

    def value(self, attr: Attr, value: object, path: str) -> object:
        if attr.nested is not None:
            return self.nested(
                attr.nested, attr.nesting, value, path, low=attr.min_items, high=attr.max_items
            )
        before = len(self.problems)
        result = self.typed(attr.type, value, path, attr)
        if not is_token(value):
            self.counts(path, value, attr.min_items, attr.max_items, "item")
        if len(self.problems) == before:
            self.writable(result, path)
        return result

    def writable(self, value: object, path: str) -> None:
        """Refuse now what HCL synthesis could not write faithfully later."""
        try:
            if isinstance(value, str):
                hclencode.string_descriptor(value)
            else:
                for text in _strings(value):
                    hclencode.quoted_body(text, in_expression=True)
        except hclencode.TemplateError as exc:
            self.add(path, f"cannot be written faithfully in HCL: {exc}")

    def typed(self, cty: Any, value: object, path: str, attr: Attr | None) -> object:
        """Check ``value`` against a cty type; returns it with tuples made lists."""
        if is_token(value):
            return value
        if value is None:
            self.add(path, "must not be None inside a collection; leave the element out")
            return value
        if cty == "string":
            if not isinstance(value, str):
                self.add(path, f"must be a string (got {show(value)})")
            else:
                self.template(value, path)
                self.enum(attr, value, path)
        elif cty == "number":
            self.number(attr, value, path)
        elif cty == "bool":
            if not isinstance(value, bool):
                self.add(path, f"must be a boolean (got {show(value)})")
        elif cty == "dynamic":
            return self.plain(value, path)
        elif cty[0] in ("list", "set"):
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
                hint = (
                    "; sets have no stable order, pass a list (sorted if order does not matter)"
                    if isinstance(value, set | frozenset)
                    else ""
                )
                self.add(path, f"must be a list (got {show(value)}){hint}")
                return value
            return [self.typed(cty[1], v, f"{path}[{i}]", attr) for i, v in enumerate(value)]
        elif cty[0] == "map":
            if not isinstance(value, Mapping):
                self.add(path, f"must be a mapping (got {show(value)})")
                return value
            return {
                k: self.typed(cty[1], v, f"{path}[{k!r}]", attr) for k, v in self.keys(value, path)
            }
        elif cty[0] == "object":
            return self.object_value(cty[1], value, path)
        elif cty[0] == "tuple":
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
                self.add(path, f"must be a list (got {show(value)})")
                return value
            if len(value) != len(cty[1]):
                self.add(path, f"must have {len(cty[1])} elements (got {len(value)})")
                return list(value)
            return [
                self.typed(t, v, f"{path}[{i}]", None)
                for i, (t, v) in enumerate(zip(cty[1], value, strict=True))
            ]
        return value

    def keys(self, value: Mapping[Any, Any], path: str) -> Iterator[tuple[str, Any]]:
        for key, item in value.items():
            if not isinstance(key, str):
                self.add(path, f"keys must be strings (got {show(key)})")
                continue
            yield key, item

    def object_value(self, fields: tuple[tuple[str, Any], ...], value: object, path: str) -> object:
        if not isinstance(value, Mapping):
            self.add(path, f"must be a mapping (got {show(value)})")
            return value
        types = dict(fields)
        result = {}
        for key, item in self.keys(value, path):
            if key not in types:
                self.add(
                    f"{path}.{key}",
                    f"is not an attribute of this object; allowed: {', '.join(types)}",
                )
                continue
            result[key] = self.typed(types[key], item, f"{path}.{key}", None)
        return result

    def plain(self, value: object, path: str) -> object:
        """A ``dynamic`` value: anything JSON can carry."""
        if is_token(value) or isinstance(value, bool | str):
            if isinstance(value, str):
                self.template(value, path)
            return value
        if isinstance(value, int | float):
            self.number(None, value, path)
            return value
        if isinstance(value, Mapping):
            return {k: self.plain_item(v, f"{path}[{k!r}]") for k, v in self.keys(value, path)}
        if isinstance(value, Sequence) and not isinstance(value, bytes):
            return [self.plain_item(v, f"{path}[{i}]") for i, v in enumerate(value)]
        self.add(path, f"must be a string, number, boolean, list or mapping (got {show(value)})")
        return value

    def plain_item(self, value: object, path: str) -> object:
        if value is None:
            self.add(path, "must not be None inside a collection; leave the element out")
            return value
        return self.plain(value, path)

    def number(self, attr: Attr | None, value: object, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, f"must be a number (got {show(value)})")
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.add(path, f"must be a finite number (got {value!r})")
            return
        if isinstance(value, int) and abs(value) > _MAX_SAFE_INTEGER:
            self.add(path, f"must be within ±2**53 to survive JavaScript (got {value})")
            return
        if attr is None:
            return
        if attr.integer and not float(value).is_integer():
            self.add(path, f"must be a whole number (got {value!r})")
        if attr.minimum is not None and value < attr.minimum:
            self.add(path, f"must be >= {attr.minimum:g} (got {value!r})")
        if attr.maximum is not None and value > attr.maximum:
            self.add(path, f"must be <= {attr.maximum:g} (got {value!r})")
        self.enum(attr, value, path)

    def enum(self, attr: Attr | None, value: str | float, path: str) -> None:
        if attr is None or not attr.one_of or is_expression(value):
            return
        if attr.ignore_case and isinstance(value, str):
            ok = value.lower() in {str(v).lower() for v in attr.one_of}
        else:
            ok = value in attr.one_of
        if not ok:
            allowed = ", ".join(repr(v) for v in attr.one_of)
            case = " (any case)" if attr.ignore_case else ""
            self.add(path, f"must be one of {allowed}{case} (got {value!r})")

    def template(self, value: str, path: str) -> None:
        if "{" in value and ("${" in value or "%{" in value):
            try:
                hclencode.split(value)
            except hclencode.TemplateError as exc:
                self.add(path, f"is not a valid Terraform template: {exc}")

    def counts(self, path: str, value: object, low: int, high: int, what: str) -> None:
        if not (low or high) or not isinstance(value, Sequence | Mapping) or isinstance(value, str):
            return
        n = len(value)
        if low and n < low:
            self.add(path, f"needs at least {plural(low, what)} (got {n})")
        if high and n > high:
            self.add(path, f"takes at most {plural(high, what)} (got {n})")

    def nested(
        self, cls: type[Block], mode: str, value: object, path: str, *, low: int, high: int
    ) -> object:
        """A block (or nested_type object) value in its nesting mode."""
        if is_token(value):
            return value
        if mode == "single":
            return self.instance(cls, value, path)
        if mode == "map":
            if not isinstance(value, Mapping):
                self.add(path, f"must be a mapping of label to {cls.__name__} (got {show(value)})")
                return value
            for label in value:
                if isinstance(label, str) and ("${" in label or "%{" in label):
                    self.add(
                        f"{path}[{label!r}]",
                        "is a block label with a template sequence; labels are literal strings",
                    )
            result = {k: self.instance(cls, v, f"{path}[{k!r}]") for k, v in self.keys(value, path)}
            self.counts(path, result, low, high, "block")
            return result
        if high == 1 and isinstance(value, Mapping | Block):
            value = [value]  # at most one block: the block alone will do, as in stock bindings
        if isinstance(value, str | bytes | Mapping | Block) or not isinstance(value, Sequence):
            self.add(path, f"must be a list of {cls.__name__} (got {show(value)})")
            return value
        items = [self.instance(cls, v, f"{path}[{i}]") for i, v in enumerate(value)]
        self.counts(path, items, low, high, "block")
        return items

    def instance(self, cls: type[Block], value: object, path: str) -> object:
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            allowed, required = fields(cls)
            problems = signature_problems(list(value), allowed, required)
            if problems:
                self.problems += [p.under(path) for p in problems]
                return value
            try:
                return cls(**value)
            except BindingError as exc:
                self.problems += [p.under(path) for p in exc.problems]
                return value
        self.add(
            path, f"must be a {cls.__name__} or a mapping of its arguments (got {show(value)})"
        )
        return value


def _strings(value: object) -> Iterator[str]:
    """Every string inside a plain value (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def check(spec: Spec, get: Callable[[str], object]) -> tuple[dict[str, object], list[Problem]]:
    """Problems of one object's arguments, and its normalised values by Python name."""
    checker = Checker()
    values: dict[str, object] = {}
    for attr in spec.attrs:
        value = get(attr.py)
        path = attr.py
        if value is None:
            if attr.required:
                checker.add(path, "is required (got None)")
            continue
        values[attr.py] = checker.value(attr, value, path)
    for blocks in spec.blocks:
        value = get(blocks.py)
        path = blocks.py
        if value is None:
            if blocks.min_items:
                checker.add(path, f"needs at least {plural(blocks.min_items, 'block')} (got none)")
            continue
        if is_expression(value):
            # Blocks are configuration syntax, not values: Terraform takes no
            # expression for them, and a TerraformDynamicBlock returned from a
            # Python binding reaches the engine as a plain `for` expression
            # (jsii loses what makes it a dynamic block). Refuse it here.
            checker.add(
                path,
                f"takes {blocks.cls.__name__} blocks, not an expression (got {show(value)}); "
                "build them in Python, e.g. [... for item in items], or put for_each on "
                "the resource",
            )
            continue
        values[blocks.py] = checker.nested(
            blocks.cls, blocks.nesting, value, path, low=blocks.min_items, high=blocks.max_items
        )
    check_rules(spec, values, checker)
    return values, checker.problems


_FIELDS: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def fields(cls: type[Block]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(argument names, required argument names) of a block dataclass."""
    found = _FIELDS.get(cls)
    if found is None:
        init_fields = [f for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
        required = tuple(
            f.name
            for f in init_fields
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        )
        found = _FIELDS[cls] = (tuple(f.name for f in init_fields), required)
    return found


def check_block(item: Block) -> None:
    """A block dataclass's own check, run from its ``__post_init__``."""
    spec = item._tf_spec
    values, problems = check(spec, lambda name: getattr(item, name))
    if problems:
        raise BindingError(f"{type(item).__name__} ({spec.tf_type})", problems)
    for name, value in values.items():
        object.__setattr__(item, name, value)
