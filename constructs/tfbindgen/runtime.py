"""What generated bindings call: specs, base classes, checks and synthesis.

Generated modules hold data (a :class:`Spec` per class) and thin
constructors; the logic lives here once:

* construction: unknown and missing arguments (:func:`checked`,
  :func:`block`), value types, enumerations, bounds, item counts and
  cross-field rules, all problems of one object reported in one
  :class:`BindingError` naming the construct path, the Terraform type, the
  attribute, the value it got and what is allowed;
* synthesis: ``_synthesize_attributes`` (JSON: plain values, unset omitted)
  and ``_synthesize_hcl_attributes`` (HCL: attribute descriptors whose text
  :mod:`tfbindgen.hclencode` made faithful);
* getters: descriptors returning a token for every attribute.

Engine tokens are accepted wherever a value is.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final, Generic, ParamSpec, Self, TypeAlias, TypeVar, overload

from tfbindgen import hclencode
from tfbindgen.engine import (
    Construct,
    FileProvisioner,
    IResolvable,
    ITerraformDependable,
    ITerraformIterator,
    LocalExecProvisioner,
    RemoteExecProvisioner,
    SSHProvisionerConnection,
    TerraformCount,
    TerraformDataSource,
    TerraformProvider,
    TerraformProviderGeneratorMetadata,
    TerraformResource,
    TerraformResourceLifecycle,
    Token,
    Tokenization,
    WinrmProvisionerConnection,
)

import jsii  # isort: skip - after the engine module has chosen the Node binary

__all__ = [
    "Attr",
    "BindingError",
    "Block",
    "Blocks",
    "Connection",
    "Construct",
    "Count",
    "DataSource",
    "IResolvable",
    "ITerraformDependable",
    "ITerraformIterator",
    "Lifecycle",
    "Problem",
    "Provider",
    "ProviderInfo",
    "Provisioner",
    "Resource",
    "Rule",
    "Spec",
    "TerraformProvider",
    "block",
    "checked",
]

Connection: TypeAlias = SSHProvisionerConnection | WinrmProvisionerConnection | Mapping[str, Any]
Count: TypeAlias = float | TerraformCount
Lifecycle: TypeAlias = TerraformResourceLifecycle | Mapping[str, Any]
Provisioner: TypeAlias = (
    FileProvisioner | LocalExecProvisioner | RemoteExecProvisioner | Mapping[str, Any]
)

# Integers beyond 2**53 lose precision on their way through JavaScript.
_MAX_SAFE_INTEGER: Final = 2**53

# ---------------------------------------------------------------------------
# Specs: what the generated modules declare


@dataclasses.dataclass(frozen=True, slots=True)
class Attr:
    """An argument of a resource, data source, provider or block."""

    tf: str
    py: str
    type: Any  # a tfbindgen.ctytype.Spec literal; None for nested_type objects
    required: bool = False
    one_of: tuple[Any, ...] | None = None
    ignore_case: bool = False
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    min_items: int = 0
    max_items: int = 0
    nested: type[Block] | None = None
    nesting: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Blocks:
    """A nested block type: its class, nesting mode and item counts."""

    tf: str
    py: str
    cls: type[Block]
    nesting: str  # single | list | set | map
    min_items: int = 0
    max_items: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class Rule:
    """A cross-field rule from the extras (ConflictsWith, ExactlyOneOf...)."""

    kind: str  # conflicts | requires | exactly_one_of | at_least_one_of | at_least_sum_of
    subject: str | None
    others: tuple[str, ...]


class Spec:
    """Everything the runtime knows about one generated class."""

    __slots__ = ("attrs", "blocks", "by_tf", "rules", "tf_type")

    def __init__(
        self,
        tf_type: str,
        *,
        attrs: tuple[Attr, ...] = (),
        blocks: tuple[Blocks, ...] = (),
        rules: tuple[Rule, ...] = (),
    ) -> None:
        self.tf_type = tf_type
        self.attrs = attrs
        self.blocks = blocks
        self.rules = rules
        items: list[Attr | Blocks] = [*attrs, *blocks]
        self.by_tf = {item.tf: item for item in items}


@dataclasses.dataclass(frozen=True, slots=True)
class ProviderInfo:
    """The provider a binding was generated for (pinned in required_providers)."""

    name: str
    source: str
    version: str | None

    def metadata(self) -> TerraformProviderGeneratorMetadata:
        return TerraformProviderGeneratorMetadata(
            provider_name=self.name, provider_version=self.version
        )


# ---------------------------------------------------------------------------
# Errors


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an argument: ``'<path>' <text>``."""

    path: str
    text: str

    def __str__(self) -> str:
        return f"{self.path!r} {self.text}" if self.path else self.text

    def under(self, prefix: str) -> Problem:
        return Problem(f"{prefix}.{self.path}" if self.path else prefix, self.text)


class BindingError(TypeError, ValueError):
    """Arguments a binding refuses; ``problems`` lists every one of them.

    A TypeError (wrong or unknown arguments) and a ValueError (values outside
    what the provider allows) at once, so either ``except`` catches it.
    """

    def __init__(self, where: str, problems: Sequence[Problem]) -> None:
        self.where = where
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            message = f"{where}: {self.problems[0]}"
        else:
            lines = "".join(f"\n  - {p}" for p in self.problems)
            message = f"{where}: {len(self.problems)} problems:{lines}"
        super().__init__(message)


def _show(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text}: {type(value).__name__}"


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _signature_problems(
    given: Sequence[str], allowed: Sequence[str], required: Sequence[str]
) -> list[Problem]:
    problems = []
    for name in sorted(set(given) - set(allowed)):
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        problems.append(
            Problem(name, f"is not an argument; {hint}allowed: {', '.join(sorted(allowed))}")
        )
    problems += [Problem(n, "is required (missing)") for n in sorted(set(required) - set(given))]
    return problems


_P = ParamSpec("_P")


def checked(init: Callable[_P, None]) -> Callable[_P, None]:
    """Clear messages for unknown and missing keyword arguments of a construct.

    Python's own TypeError names neither the construct nor the close match;
    this check runs first, from the constructor's code object (no inspect).
    """
    code = init.__code__
    positional = code.co_varnames[1 : code.co_argcount]  # scope, id_
    keywords = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    accepted = frozenset((*positional, *keywords))
    required = [n for n in keywords if n not in (init.__kwdefaults__ or {})]

    @functools.wraps(init)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> None:
        extra = len(args) - 1 - len(positional)
        if extra > 0 or not kwargs.keys() <= accepted or any(n not in kwargs for n in required):
            given = dict(zip(positional, args[1:], strict=False)) | kwargs
            problems = _signature_problems(
                [k for k in kwargs if k not in positional], keywords, required
            )
            if extra > 0:
                problems.insert(
                    0,
                    Problem(
                        "",
                        f"takes scope and id_ positionally, every other argument by keyword "
                        f"(got {extra} more positional)",
                    ),
                )
            raise BindingError(
                _where(type(args[0]), given.get("scope"), given.get("id_")), problems
            )
        init(*args, **kwargs)

    return wrapper


def _where(cls: type[Any], scope: object, id_: object) -> str:
    try:
        path = f"{scope.node.path}/{id_}" if isinstance(scope, Construct) else f"?/{id_}"
    except Exception:  # a message must come out whatever the scope is
        path = f"?/{id_}"
    return f"{path.lstrip('/')} ({cls.TF_RESOURCE_TYPE})"


# ---------------------------------------------------------------------------
# Tokens

_TOKEN_MARK: Final = "TfToken["


def is_token(value: object) -> bool:
    """Whether ``value`` is (or holds) an unresolved engine token.

    Cheap checks first: asking the engine costs a round trip to Node
    (~0.4 ms), so it is only asked about values that may be tokens.
    """
    if isinstance(value, str):
        return _TOKEN_MARK in value
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return False
    if isinstance(value, float):
        # Number tokens are encoded as huge negative doubles (about -1e289).
        return abs(value) > 1e200 and bool(Token.is_unresolved(value))
    if isinstance(value, list | tuple):
        return len(value) == 1 and isinstance(value[0], str) and value[0].startswith("#{TfToken[")
    if isinstance(value, Mapping):
        return any(isinstance(k, str) and k.startswith("&{TfToken[") for k in value)
    # Only jsii objects can be resolvables; asking jsii about anything else
    # (a set, a date) makes it try to marshal the value and crash.
    if getattr(value, "__jsii_ref__", None) is None and not hasattr(type(value), "__jsii_type__"):
        return False
    return bool(Tokenization.is_resolvable(value))


def is_expression(value: object) -> bool:
    """Whether ``value`` is only known when Terraform evaluates it: a token, or
    a string holding a template sequence (``${...}``, ``%{...}``)."""
    if isinstance(value, str):
        return _TOKEN_MARK in value or "${" in value or "%{" in value
    return is_token(value)


# ---------------------------------------------------------------------------
# Checks


class _Checker:
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
                self.add(path, f"must be a string (got {_show(value)})")
            else:
                self.template(value, path)
                self.enum(attr, value, path)
        elif cty == "number":
            self.number(attr, value, path)
        elif cty == "bool":
            if not isinstance(value, bool):
                self.add(path, f"must be a boolean (got {_show(value)})")
        elif cty == "dynamic":
            return self.plain(value, path)
        elif cty[0] in ("list", "set"):
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
                hint = (
                    "; sets have no stable order, pass a list (sorted if order does not matter)"
                    if isinstance(value, set | frozenset)
                    else ""
                )
                self.add(path, f"must be a list (got {_show(value)}){hint}")
                return value
            return [self.typed(cty[1], v, f"{path}[{i}]", attr) for i, v in enumerate(value)]
        elif cty[0] == "map":
            if not isinstance(value, Mapping):
                self.add(path, f"must be a mapping (got {_show(value)})")
                return value
            return {
                k: self.typed(cty[1], v, f"{path}[{k!r}]", attr) for k, v in self.keys(value, path)
            }
        elif cty[0] == "object":
            return self.object_value(cty[1], value, path)
        elif cty[0] == "tuple":
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
                self.add(path, f"must be a list (got {_show(value)})")
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
                self.add(path, f"keys must be strings (got {_show(key)})")
                continue
            yield key, item

    def object_value(self, fields: tuple[tuple[str, Any], ...], value: object, path: str) -> object:
        if not isinstance(value, Mapping):
            self.add(path, f"must be a mapping (got {_show(value)})")
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
        self.add(path, f"must be a string, number, boolean, list or mapping (got {_show(value)})")
        return value

    def plain_item(self, value: object, path: str) -> object:
        if value is None:
            self.add(path, "must not be None inside a collection; leave the element out")
            return value
        return self.plain(value, path)

    def number(self, attr: Attr | None, value: object, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, f"must be a number (got {_show(value)})")
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
            self.add(path, f"needs at least {_count(low, what)} (got {n})")
        if high and n > high:
            self.add(path, f"takes at most {_count(high, what)} (got {n})")

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
                self.add(path, f"must be a mapping of label to {cls.__name__} (got {_show(value)})")
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
        if isinstance(value, str | bytes | Mapping | Block) or not isinstance(value, Sequence):
            self.add(path, f"must be a list of {cls.__name__} (got {_show(value)})")
            return value
        items = [self.instance(cls, v, f"{path}[{i}]") for i, v in enumerate(value)]
        self.counts(path, items, low, high, "block")
        return items

    def instance(self, cls: type[Block], value: object, path: str) -> object:
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            allowed, required = _fields(cls)
            problems = _signature_problems(list(value), allowed, required)
            if problems:
                self.problems += [p.under(path) for p in problems]
                return value
            try:
                return cls(**value)
            except BindingError as exc:
                self.problems += [p.under(path) for p in exc.problems]
                return value
        self.add(
            path, f"must be a {cls.__name__} or a mapping of its arguments (got {_show(value)})"
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


def _check(spec: Spec, get: Callable[[str], object]) -> tuple[dict[str, object], list[Problem]]:
    """Problems of one object's arguments, and its normalised values by Python name."""
    checker = _Checker()
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
                checker.add(path, f"needs at least {_count(blocks.min_items, 'block')} (got none)")
            continue
        if is_expression(value):
            # Blocks are configuration syntax, not values: Terraform takes no
            # expression for them, and a TerraformDynamicBlock returned from a
            # Python binding reaches the engine as a plain `for` expression
            # (jsii loses what makes it a dynamic block). Refuse it here.
            checker.add(
                path,
                f"takes {blocks.cls.__name__} blocks, not an expression (got {_show(value)}); "
                "build them in Python, e.g. [... for item in items], or put for_each on "
                "the resource",
            )
            continue
        values[blocks.py] = checker.nested(
            blocks.cls, blocks.nesting, value, path, low=blocks.min_items, high=blocks.max_items
        )
    _check_rules(spec, values, checker)
    return values, checker.problems


def _lookup(spec: Spec, values: Mapping[str, object], path: str) -> object:
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


def _py_path(spec: Spec, path: str) -> str:
    """A dotted Terraform path in the Python names users write."""
    out = []
    current: Spec | None = spec
    for part in path.split("."):
        item = current.by_tf.get(part) if current else None
        out.append(item.py if item else part)
        current = item.cls._tf_spec if isinstance(item, Blocks) else None
    return ".".join(out)


def _check_rules(spec: Spec, values: Mapping[str, object], checker: _Checker) -> None:
    def name(path: str) -> str:
        return repr(_py_path(spec, path))

    def known(path: str) -> bool:
        # SDKv2 skips values unknown at plan time in ConflictsWith; so do we.
        value = _lookup(spec, values, path)
        return value is not None and not is_expression(value)

    def present(path: str) -> bool:
        return _lookup(spec, values, path) is not None

    for rule in spec.rules:
        subject = rule.subject or ""
        where = _py_path(spec, subject) if subject else ""
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
            parts = [_lookup(spec, values, o) for o in rule.others]
            if all(p is None or (isinstance(p, int | float) and not is_token(p)) for p in parts):
                total = sum(p for p in parts if isinstance(p, int | float))
                value = _lookup(spec, values, subject)
                if isinstance(value, int | float) and value < total:
                    checker.add(
                        where,
                        f"must be at least the sum of {', '.join(map(name, rule.others))} "
                        f"({total:g}) (got {value!r})",
                    )


# ---------------------------------------------------------------------------
# Blocks


_FIELDS: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _fields(cls: type[Block]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(argument names, required argument names) of a block dataclass."""
    found = _FIELDS.get(cls)
    if found is None:
        fields = [f for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
        required = tuple(
            f.name
            for f in fields
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        )
        found = _FIELDS[cls] = (tuple(f.name for f in fields), required)
    return found


class Block:
    """Base of generated nested-block (and nested_type object) dataclasses."""

    __slots__ = ()
    _tf_spec: ClassVar[Spec]

    def __post_init__(self) -> None:
        values, problems = _check(self._tf_spec, lambda name: getattr(self, name))
        if problems:
            raise BindingError(f"{type(self).__name__} ({self._tf_spec.tf_type})", problems)
        for name, value in values.items():
            object.__setattr__(self, name, value)


_B = TypeVar("_B", bound=Block)


def block(cls: type[_B]) -> type[_B]:
    """Class decorator: clear messages for unknown and missing block arguments."""
    init = cls.__init__

    def __init__(self: _B, *args: object, **kwargs: object) -> None:
        allowed, required = _fields(cls)
        if args or not (kwargs.keys() <= set(allowed)) or any(n not in kwargs for n in required):
            problems = _signature_problems(list(kwargs), allowed, required)
            if args:
                problems.insert(
                    0, Problem("", f"takes keyword arguments only (got {len(args)} positional)")
                )
            raise BindingError(f"{cls.__name__} ({cls._tf_spec.tf_type})", problems)
        init(self, **kwargs)

    functools.update_wrapper(__init__, init)
    setattr(cls, "__init__", __init__)  # noqa: B010 - mypy refuses assigning to a method
    return cls


# ---------------------------------------------------------------------------
# Synthesis


def _json(value: object) -> object:
    """A plain JSON-able value (blocks become dicts, tuples lists)."""
    if isinstance(value, Block):
        return _json_attributes(value._tf_spec, lambda name: getattr(value, name))
    if isinstance(value, Mapping) and not is_token(value):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple) and not is_token(value):
        return [_json(v) for v in value]
    return value


def _json_attributes(
    spec: Spec, get: Callable[[str], object], *, wrap: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    items: list[Attr | Blocks] = [*spec.attrs, *spec.blocks]
    for item in items:
        value = get(item.py)
        if value is None or (isinstance(item, Blocks) and value == []):
            continue  # an empty list of blocks is no block at all; HCL writes none
        value = _json(value)
        if wrap and isinstance(value, dict | list):
            # The engine snake_cases provider keys, map keys included;
            # a resolvable is left alone and resolves to the value itself.
            value = Token.as_any(value)
        out[item.tf] = value
    return out


def _stringify_tokens(value: object) -> object:
    """Every token inside a complex value as a string token, for HCL text."""
    if is_token(value):
        return value if isinstance(value, str) else Token.as_string(value)
    if isinstance(value, Block):
        return _stringify_tokens(_json(value))
    if isinstance(value, Mapping):
        return {k: _stringify_tokens(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_stringify_tokens(v) for v in value]
    return value


def _descriptor(kind: str, value: object, storage: str) -> dict[str, Any]:
    return {"value": value, "isBlock": False, "type": kind, "storageClassType": storage}


def _hcl_value(attr: Attr, value: object) -> dict[str, Any]:
    if is_token(value) and not isinstance(value, str):
        # Resolves to "${...}", which the renderer quotes: a template of one
        # interpolation, meaning the referenced value itself.
        return _descriptor("simple", value, "string")
    cty = attr.type
    if isinstance(value, str) and attr.nested is None:
        kind, text = hclencode.string_descriptor(value)
        return _descriptor(kind, text, "string")
    if cty == "number" or (
        cty == "dynamic" and isinstance(value, int | float) and not isinstance(value, bool)
    ):
        return _descriptor("simple", value, "number")
    if cty == "bool" or (cty == "dynamic" and isinstance(value, bool)):
        return _descriptor("simple", value, "boolean")
    kind, text = hclencode.complex_descriptor(_stringify_tokens(value))
    return _descriptor(kind, text, "reference")


def _hcl_attributes(
    spec: Spec, get: Callable[[str], object], *, wrap: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr in spec.attrs:
        value = get(attr.py)
        if value is not None:
            out[attr.tf] = _hcl_value(attr, value)
    for blocks in spec.blocks:
        value = get(blocks.py)
        if value is None:
            continue
        inner = blocks.cls._tf_spec

        def body(item: Block, inner: Spec = inner) -> Any:
            text = _hcl_attributes(inner, lambda name: getattr(item, name))
            return Token.as_any(text) if wrap else text

        if isinstance(value, Block):
            out[blocks.tf] = {
                "value": body(value),
                "isBlock": True,
                "type": "struct",
                "storageClassType": blocks.cls.__name__,
            }
        elif isinstance(value, Mapping):
            # Labelled blocks: the renderer writes the key as is, so the key
            # carries the label: `name "label" { ... }`.
            for label, item in value.items():
                out[f"{blocks.tf} {hclencode.block_label(label)}"] = {
                    "value": body(item),
                    "isBlock": True,
                    "type": "struct",
                    "storageClassType": blocks.cls.__name__,
                }
        elif isinstance(value, list) and value:  # checked values: lists of blocks
            out[blocks.tf] = {
                "value": [body(item) for item in value],
                "isBlock": True,
                "type": blocks.nesting,
                "storageClassType": blocks.cls.__name__,
            }
    return out


# ---------------------------------------------------------------------------
# Constructs


class Resource(TerraformResource):
    """Base of generated resources."""

    TF_RESOURCE_TYPE: ClassVar[str]
    _tf_spec: ClassVar[Spec]
    _tf_provider: ClassVar[ProviderInfo]

    def __init__(
        self,
        scope: Construct,
        id_: str,
        values: Mapping[str, object],
        *,
        connection: Connection | None = None,
        count: Count | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        for_each: ITerraformIterator | None = None,
        lifecycle: Lifecycle | None = None,
        provider: TerraformProvider | None = None,
        provisioners: Sequence[Provisioner] | None = None,
    ) -> None:
        checked_values, problems = _check(self._tf_spec, values.get)
        if problems:
            raise BindingError(_where(type(self), scope, id_), problems)
        super().__init__(
            scope,
            id_,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=self._tf_provider.metadata(),
            connection=connection,  # type: ignore[arg-type] # engine stubs want a Dict
            count=count,
            depends_on=depends_on,
            for_each=for_each,
            lifecycle=lifecycle,  # type: ignore[arg-type]
            provider=provider,
            provisioners=provisioners,  # type: ignore[arg-type]
        )
        self._tf_values = checked_values

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return _json_attributes(self._tf_spec, self._tf_values.get)

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return _hcl_attributes(self._tf_spec, self._tf_values.get)


class DataSource(TerraformDataSource):
    """Base of generated data sources."""

    TF_RESOURCE_TYPE: ClassVar[str]
    _tf_spec: ClassVar[Spec]
    _tf_provider: ClassVar[ProviderInfo]

    def __init__(
        self,
        scope: Construct,
        id_: str,
        values: Mapping[str, object],
        *,
        count: Count | None = None,
        depends_on: Sequence[ITerraformDependable] | None = None,
        for_each: ITerraformIterator | None = None,
        lifecycle: Lifecycle | None = None,
        provider: TerraformProvider | None = None,
    ) -> None:
        checked_values, problems = _check(self._tf_spec, values.get)
        if problems:
            raise BindingError(_where(type(self), scope, id_), problems)
        super().__init__(
            scope,
            id_,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=self._tf_provider.metadata(),
            count=count,
            depends_on=depends_on,
            for_each=for_each,
            lifecycle=lifecycle,  # type: ignore[arg-type]
            provider=provider,
        )
        self._tf_values = checked_values

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return _json_attributes(self._tf_spec, self._tf_values.get)

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return _hcl_attributes(self._tf_spec, self._tf_values.get)


class Provider(TerraformProvider):
    """Base of generated provider classes; ``alias`` selects a second configuration."""

    TF_RESOURCE_TYPE: ClassVar[str]
    _tf_spec: ClassVar[Spec]
    _tf_provider: ClassVar[ProviderInfo]

    def __init__(
        self, scope: Construct, id_: str, values: Mapping[str, object], *, alias: str | None = None
    ) -> None:
        checked_values, problems = _check(self._tf_spec, values.get)
        if alias is not None and not isinstance(alias, str):
            problems.append(Problem("alias", f"must be a string (got {_show(alias)})"))
        if problems:
            raise BindingError(_where(type(self), scope, id_), problems)
        super().__init__(
            scope,
            id_,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=self._tf_provider.metadata(),
            terraform_provider_source=self._tf_provider.source,
        )
        self._tf_values = checked_values
        self._tf_alias = alias

    # The engine reads `alias` through jsii (fqn, meta attributes); the base
    # class getter always answers undefined, generated providers override it.
    @property
    @jsii.member(jsii_name="alias")
    def alias(self) -> str | None:
        return self._tf_alias

    @alias.setter
    def alias(self, value: str | None) -> None:
        self._tf_alias = value

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return _json_attributes(self._tf_spec, self._tf_values.get, wrap=True)

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return _hcl_attributes(self._tf_spec, self._tf_values.get, wrap=True)


# ---------------------------------------------------------------------------
# Getters

_T = TypeVar("_T")
_Readable: TypeAlias = TerraformResource | TerraformDataSource


class _Getter(Generic[_T]):
    """Class attribute of a generated construct: reading it returns a token."""

    __slots__ = ("tf",)

    def __init__(self, tf: str) -> None:
        self.tf = tf

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: _Readable, owner: type[Any]) -> _T: ...
    def __get__(self, obj: _Readable | None, owner: type[Any]) -> Self | _T:
        if obj is None:
            return self
        return self.read(obj)

    def read(self, obj: _Readable) -> _T:
        raise NotImplementedError


class StringAttribute(_Getter[str]):
    def read(self, obj: _Readable) -> str:
        return obj.get_string_attribute(self.tf)


class NumberAttribute(_Getter[float]):
    def read(self, obj: _Readable) -> float:
        return obj.get_number_attribute(self.tf)


class BooleanAttribute(_Getter[IResolvable]):
    def read(self, obj: _Readable) -> IResolvable:
        return obj.get_boolean_attribute(self.tf)


class StringListAttribute(_Getter[list[str]]):
    def read(self, obj: _Readable) -> list[str]:
        return list(obj.get_list_attribute(self.tf))


class NumberListAttribute(_Getter[list[float]]):
    def read(self, obj: _Readable) -> list[float]:
        return list(obj.get_number_list_attribute(self.tf))


class StringMapAttribute(_Getter[Mapping[str, str]]):
    def read(self, obj: _Readable) -> Mapping[str, str]:
        return obj.get_string_map_attribute(self.tf)


class NumberMapAttribute(_Getter[Mapping[str, float]]):
    def read(self, obj: _Readable) -> Mapping[str, float]:
        return obj.get_number_map_attribute(self.tf)


class BooleanMapAttribute(_Getter[Mapping[str, bool]]):
    def read(self, obj: _Readable) -> Mapping[str, bool]:
        return obj.get_boolean_map_attribute(self.tf)


class AnyMapAttribute(_Getter[Mapping[str, Any]]):
    def read(self, obj: _Readable) -> Mapping[str, Any]:
        return obj.get_any_map_attribute(self.tf)


class ComplexAttribute(_Getter[IResolvable]):
    """Lists of objects, blocks, objects: a reference to use whole or with Fn.*."""

    def read(self, obj: _Readable) -> IResolvable:
        return obj.interpolation_for_attribute(self.tf)
