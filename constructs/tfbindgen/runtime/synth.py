"""Synthesis: an object's arguments as the engine wants them, in JSON and in HCL.

* JSON (``_synthesize_attributes``): plain values, unset arguments omitted.
* HCL (``_synthesize_hcl_attributes``): attribute descriptors whose text
  :mod:`tfbindgen.hclencode` made faithful.

Terraform reads some names at the top of a resource or data source block as
meta-arguments (``count``, ``provider``, ``lifecycle``...), never as the
provider's. A provider argument of such a name goes into Terraform's
escaping block ``_ { ... }``, whose content reaches the provider unchanged,
in HCL and in JSON alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from tfbindgen import hclencode
from tfbindgen.engine import Token
from tfbindgen.runtime.specs import Attr, Block, Blocks, Spec
from tfbindgen.runtime.tokens import is_token

# The meta-arguments Terraform takes from the top of each block kind
# (arguments and meta blocks alike).
META_ARGUMENTS: Final = {
    "resource": frozenset(
        {"count", "for_each", "provider", "depends_on", "lifecycle", "connection", "provisioner"}
    ),
    "data": frozenset({"count", "for_each", "provider", "depends_on", "lifecycle"}),
}
ESCAPE_BLOCK: Final = "_"

# The engine's HCL renderer writes an argument of these names, at any depth,
# as a block of the value's characters (`lifecycle { 0 = "l" ... }`). A key
# with a trailing space escapes that test and renders as `lifecycle  = ...`,
# which HCL reads (and terraform fmt lays out) as the same argument.
_RENDERER_META_BLOCKS: Final = frozenset({"lifecycle", "provisioner"})


def _json(value: object) -> object:
    """A plain JSON-able value (blocks become dicts, tuples lists)."""
    if isinstance(value, Block):
        return json_attributes(value._tf_spec, lambda name: getattr(value, name))
    if isinstance(value, Mapping) and not is_token(value):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple) and not is_token(value):
        return [_json(v) for v in value]
    return value


def _escape(out: dict[str, Any], reserved: frozenset[str], wrap: Callable[[Any], Any]) -> None:
    """Move the arguments Terraform would take as meta-arguments into ``_``."""
    moved = {name: out.pop(name) for name in list(out) if name in reserved}
    if moved:
        out[ESCAPE_BLOCK] = wrap(moved)


def json_attributes(
    spec: Spec,
    get: Callable[[str], object],
    *,
    wrap: bool = False,
    reserved: frozenset[str] = frozenset(),
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
    _escape(out, reserved, lambda moved: moved)
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


def _block_descriptor(value: object, kind: str, storage: str) -> dict[str, Any]:
    return {"value": value, "isBlock": True, "type": kind, "storageClassType": storage}


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


def hcl_attributes(
    spec: Spec,
    get: Callable[[str], object],
    *,
    wrap: bool = False,
    reserved: frozenset[str] = frozenset(),
    top: bool = True,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr in spec.attrs:
        value = get(attr.py)
        if value is not None:
            # At the top, a renderer meta block name is either escaped into
            # `_` (where it is nested) or an argument the renderer handles.
            nested = not top or attr.tf in reserved
            key = f"{attr.tf} " if nested and attr.tf in _RENDERER_META_BLOCKS else attr.tf
            out[key] = _hcl_value(attr, value)
    for blocks in spec.blocks:
        value = get(blocks.py)
        if value is None:
            continue
        inner = blocks.cls._tf_spec

        def body(item: Block, inner: Spec = inner) -> Any:
            text = hcl_attributes(inner, lambda name: getattr(item, name), top=False)
            return Token.as_any(text) if wrap else text

        storage = blocks.cls.__name__
        if isinstance(value, Block):
            out[blocks.tf] = _block_descriptor(body(value), "struct", storage)
        elif isinstance(value, Mapping):
            # Labelled blocks: the renderer writes the key as is, so the key
            # carries the label: `name "label" { ... }`.
            for label, item in value.items():
                key = f"{blocks.tf} {hclencode.block_label(label)}"
                out[key] = _block_descriptor(body(item), "struct", storage)
        elif isinstance(value, list) and value:  # checked values: lists of blocks
            out[blocks.tf] = _block_descriptor(
                [body(item) for item in value], blocks.nesting, storage
            )
    _escape(
        out,
        frozenset({*reserved, *(f"{n} " for n in reserved)}),
        lambda moved: _block_descriptor(moved, "struct", ESCAPE_BLOCK),
    )
    return out
