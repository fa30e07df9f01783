"""Terraform's cty types, as ``providers schema -json`` prints them.

A type is JSON: a primitive name (``"string"``, ``"number"``, ``"bool"``,
``"dynamic"``) or a list whose first element names a constructor:
``["list", T]``, ``["set", T]``, ``["map", T]``, ``["object", {name: T}]``
(optionally with a third element listing optional attribute names) and
``["tuple", [T, ...]]``.

We turn it into :data:`Spec`, a nested tuple the generated code embeds as a
literal (the compiler folds literal tuples into constants, so importing a
binding costs nothing to rebuild them), and from it derive the Python
annotation and the engine getter. Everything here is plain data; nothing
imports the CDK engine.
"""

from __future__ import annotations

from typing import Any, TypeAlias

PRIMITIVES = ("string", "number", "bool", "dynamic")
COLLECTIONS = ("list", "set", "map")

# "string" | ("list", Spec) | ("object", (("name", Spec), ...)) | ("tuple", (Spec, ...))
Spec: TypeAlias = str | tuple[Any, ...]


class CtyTypeError(ValueError):
    """A type in the schema document is not a cty type we know."""


def parse(raw: object, where: str) -> Spec:
    """The :data:`Spec` of one cty type JSON value; ``where`` names it in errors."""
    if isinstance(raw, str):
        if raw in PRIMITIVES:
            return raw
        raise CtyTypeError(
            f"{where}: unknown primitive type {raw!r}; allowed: {', '.join(PRIMITIVES)}"
        )
    if isinstance(raw, list) and raw and isinstance(raw[0], str):
        kind = raw[0]
        if kind in COLLECTIONS and len(raw) == 2:
            return (kind, parse(raw[1], f"{where}.{kind}"))
        if kind == "object" and len(raw) in (2, 3) and isinstance(raw[1], dict):
            # The optional-attribute list (third element) changes nothing for
            # what a configuration may write, so it is not kept.
            fields = tuple(
                (name, parse(sub, f"{where}.{name}")) for name, sub in sorted(raw[1].items())
            )
            return ("object", fields)
        if kind == "tuple" and len(raw) == 2 and isinstance(raw[1], list):
            return ("tuple", tuple(parse(sub, f"{where}[{i}]") for i, sub in enumerate(raw[1])))
    raise CtyTypeError(
        f"{where}: {raw!r} is not a cty type; expected a primitive name or "
        '["list"|"set"|"map", T], ["object", {...}], ["tuple", [...]]'
    )


def annotation(spec: Spec, *, top: bool = True) -> str:
    """The Python annotation of an argument of this type (without ``| None``).

    Engine tokens are accepted wherever a value is: string tokens are ``str``
    and number tokens ``float`` already; booleans and collections may also be
    an ``IResolvable`` (what ``get_boolean_attribute`` or ``Fn.*`` return).
    """
    if spec == "string":
        return "str"
    if spec == "number":
        return "float"
    if spec == "bool":
        return "bool | _rt.IResolvable"
    if spec == "dynamic":
        return "_t.Any"
    kind = spec[0]
    if kind in ("list", "set"):
        text = f"_t.Sequence[{annotation(spec[1], top=False)}]"
    elif kind == "map":
        text = f"_t.Mapping[str, {annotation(spec[1], top=False)}]"
    elif kind == "object":
        text = "_t.Mapping[str, _t.Any]"
    else:
        text = "_t.Sequence[_t.Any]"
    return f"{text} | _rt.IResolvable" if top else text


# The engine method that returns a token for an attribute of this type, named
# by the runtime descriptor that calls it (see tfbindgen.runtime).
_GETTERS: dict[Spec, str] = {
    "string": "StringAttribute",
    "number": "NumberAttribute",
    "bool": "BooleanAttribute",
    ("list", "string"): "StringListAttribute",
    ("set", "string"): "StringListAttribute",
    ("list", "number"): "NumberListAttribute",
    ("set", "number"): "NumberListAttribute",
    ("map", "string"): "StringMapAttribute",
    ("map", "number"): "NumberMapAttribute",
    ("map", "bool"): "BooleanMapAttribute",
}


def getter(spec: Spec) -> str:
    """The runtime descriptor class for reading an attribute of this type."""
    found = _GETTERS.get(spec)
    if found:
        return found
    if isinstance(spec, tuple) and spec[0] == "map":
        return "AnyMapAttribute"
    return "ComplexAttribute"


def describe(spec: Spec) -> str:
    """The type in Terraform's own notation, for docstrings: ``list(map(string))``."""
    if isinstance(spec, str):
        return spec
    kind = spec[0]
    if kind in COLLECTIONS:
        return f"{kind}({describe(spec[1])})"
    if kind == "object":
        inner = ", ".join(f"{name}={describe(sub)}" for name, sub in spec[1])
        return f"object({{{inner}}})"
    return f"tuple([{', '.join(describe(sub) for sub in spec[1])}])"
