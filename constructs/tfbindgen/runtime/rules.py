"""Cross-field rules from the extras (ConflictsWith, ExactlyOneOf...), checked at construction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from tfbindgen.runtime.specs import Block, Blocks, Spec
from tfbindgen.runtime.tokens import is_expression, is_token

if TYPE_CHECKING:
    from tfbindgen.runtime.checks import Checker


def lookup(spec: Spec, values: Mapping[str, object], path: str) -> object:
    """The value at a dotted Terraform path; list blocks contribute their first
    element, as SDKv2's ``block.0.attr`` paths do."""
    current: object = values
    current_spec: Spec | None = spec
    for part in path.split("."):
        if current_spec is None or part not in current_spec.by_tf:
            return None
        item = current_spec.by_tf[part]
        if isinstance(current, Block):
            current = getattr(current, item.py)
        elif isinstance(current, Mapping):
            current = current.get(item.py)
        else:
            return None
        if isinstance(current, list) and current and isinstance(current[0], Block):
            current = current[0]
        current_spec = item.cls._tf_spec if isinstance(item, Blocks) else None
    return current


def py_path(spec: Spec, path: str) -> str:
    """A dotted Terraform path in the Python names users write."""
    out = []
    current: Spec | None = spec
    for part in path.split("."):
        item = current.by_tf.get(part) if current else None
        out.append(item.py if item else part)
        current = item.cls._tf_spec if isinstance(item, Blocks) else None
    return ".".join(out)


def check_rules(spec: Spec, values: Mapping[str, object], checker: Checker) -> None:
    def name(path: str) -> str:
        return repr(py_path(spec, path))

    def known(path: str) -> bool:
        # SDKv2 skips values unknown at plan time in ConflictsWith; so do we.
        value = lookup(spec, values, path)
        return value is not None and not is_expression(value)

    def present(path: str) -> bool:
        return lookup(spec, values, path) is not None

    for rule in spec.rules:
        subject = rule.subject or ""
        where = py_path(spec, subject) if subject else ""
        if rule.kind == "conflicts" and known(subject):
            for other in rule.others:
                if known(other):
                    checker.add(where, f"conflicts with {name(other)}: set only one of them")
        elif rule.kind == "requires" and present(subject):
            missing = [o for o in rule.others if not present(o)]
            if missing:
                checker.add(where, f"requires {', '.join(map(name, missing))} to be set too")
        elif rule.kind in ("exactly_one_of", "at_least_one_of"):
            chosen = [o for o in rule.others if present(o)]
            names = ", ".join(map(name, rule.others))
            got = ", ".join(map(name, chosen)) if chosen else "none"
            if rule.kind == "exactly_one_of" and len(chosen) != 1:
                checker.add("", f"exactly one of {names} must be set (got {got})")
            elif rule.kind == "at_least_one_of" and not chosen:
                checker.add("", f"at least one of {names} must be set (got none)")
        elif rule.kind == "at_least_sum_of" and known(subject):
            parts = [lookup(spec, values, o) for o in rule.others]
            if all(p is None or (isinstance(p, int | float) and not is_token(p)) for p in parts):
                total = sum(p for p in parts if isinstance(p, int | float))
                value = lookup(spec, values, subject)
                if isinstance(value, int | float) and value < total:
                    checker.add(
                        where,
                        f"must be at least the sum of {', '.join(map(name, rule.others))} "
                        f"({total:g}) (got {value!r})",
                    )
