"""What the extras add to one resource: value checks, cross-field rules, the facts used.

The extras (ForceNew, enumerations, ConflictsWith...) come from the provider's
source, keyed by dotted attribute path; :class:`Context` records which were
used, so the ones naming nothing in the schema become notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tfbindgen.generator.schema import AttributeFacts, Block

if TYPE_CHECKING:
    from tfbindgen.generator.ir import ClassIR

Kind = Literal["resource", "data", "provider"]

# Extras enumerations copied from Go source sometimes hold expressions the
# extractor could not evaluate, e.g. "string(images.ImageVisibilityPublic)".
_UNRESOLVED_VALUE = re.compile(r"[A-Za-z_][\w.]*\(")


@dataclass
class Context:
    """What one resource's build needs to know and what it found."""

    kind: Kind
    tf_type: str
    facts: Mapping[str, AttributeFacts]
    notes: list[str]
    classes: list[ClassIR] = field(default_factory=list)
    class_names: set[str] = field(default_factory=set)
    used_facts: set[str] = field(default_factory=set)


def lookup(ctx: Context, dotted: str) -> AttributeFacts | None:
    found = ctx.facts.get(dotted)
    if found is not None:
        ctx.used_facts.add(dotted)
    return found


def validation(ctx: Context, dotted: str, facts: AttributeFacts) -> list[str]:
    """Spec arguments for the value checks the extras allow us to enforce."""
    v = facts.validate
    assert v is not None
    args: list[str] = []
    where = f"{ctx.tf_type}.{dotted}"
    if v.one_of:
        unresolved = [x for x in v.one_of if isinstance(x, str) and _UNRESOLVED_VALUE.match(x)]
        if unresolved:
            ctx.notes.append(
                f"extras: {where}: enumeration not enforced, values look like unresolved "
                f"source expressions: {unresolved[0]!r}"
            )
        elif v.also_accepted:
            ctx.notes.append(
                f"extras: {where}: enumeration not enforced, the provider also accepts "
                f"{v.also_accepted}"
            )
        else:
            args.append(f"one_of={tuple(v.one_of)!r}")
            if v.ignore_case:
                args.append("ignore_case=True")
    if v.min is not None:
        args.append(f"minimum={number(v.min)}")
    if v.max is not None:
        args.append(f"maximum={number(v.max)}")
    return args


def number(value: float) -> str:
    return repr(int(value)) if float(value).is_integer() else repr(value)


def rules_spec(ctx: Context, block: Block) -> str:
    """Cross-field rules (ConflictsWith, ExactlyOneOf...) as spec source."""
    settable = settable_paths(block, ())
    rules: list[str] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()

    def known(subject: str, paths: Iterable[str]) -> tuple[str, ...] | None:
        result = tuple(plain_path(p) for p in paths)
        missing = [p for p in result if p not in settable]
        if missing:
            ctx.notes.append(
                f"extras: {ctx.tf_type}.{subject}: rule names {missing[0]!r}, which is not a "
                "settable attribute; rule ignored"
            )
            return None
        return result

    for path in sorted(ctx.facts):
        facts = ctx.facts[path]
        if path not in settable:
            continue
        ctx.used_facts.add(path)
        for kind, others in (
            ("conflicts", facts.conflicts_with),
            ("requires", facts.required_with),
        ):
            targets = known(path, others) if others else None
            if targets and (kind, (path, *targets)) not in seen:
                seen.add((kind, (path, *targets)))
                rules.append(f"_rt.Rule({kind!r}, {path!r}, {targets!r})")
        for kind, group in (
            ("exactly_one_of", facts.exactly_one_of),
            ("at_least_one_of", facts.at_least_one_of),
        ):
            members = known(path, group) if group else None
            if members and (kind, tuple(sorted(members))) not in seen:
                seen.add((kind, tuple(sorted(members))))
                rules.append(f"_rt.Rule({kind!r}, None, {tuple(sorted(members))!r})")
        validate = facts.validate
        if validate and validate.at_least_sum_of:
            summands = known(path, validate.at_least_sum_of)
            if summands:
                rules.append(f"_rt.Rule('at_least_sum_of', {path!r}, {summands!r})")
    if not rules:
        return ""
    return "        rules=(\n" + "".join(f"            {r},\n" for r in rules) + "        ),\n"


def plain_path(path: str) -> str:
    """SDKv2 paths index list blocks (``target.0.path``); rules use ``target.path``."""
    return ".".join(part for part in path.split(".") if not part.isdigit())


def settable_paths(block: Block, prefix: tuple[str, ...]) -> set[str]:
    paths = {
        ".".join((*prefix, n)) for n, a in block.attributes.items() if a.required or a.optional
    }
    for n, bt in block.block_types.items():
        paths.add(".".join((*prefix, n)))
        paths |= settable_paths(bt.block, (*prefix, n))
    return paths
