"""Terraform values on the wire: cty's msgpack encoding, and cty type expressions.

Terraform sends and expects ``DynamicValue.msgpack``: nulls are msgpack nil,
objects and maps are msgpack maps, lists, sets and tuples are arrays, and a
value not known until apply is a msgpack extension (type 0 for a plain
unknown, type 12 for an unknown that carries refinements such as "not null").
Unknowns are kept with their exact extension bytes so that a refined unknown
Terraform sent comes back unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import msgpack

# cty writes a plain unknown as fixext1 of type 0 with one zero byte.
_PLAIN_UNKNOWN_CODE = 0
_REFINED_UNKNOWN_CODE = 12


class Unknown:
    """A value known only after apply (never equal to anything, itself included)."""

    __slots__ = ("code", "data")

    def __init__(self, code: int = _PLAIN_UNKNOWN_CODE, data: bytes = b"\x00") -> None:
        self.code = code
        self.data = data

    def __repr__(self) -> str:
        return (
            "Unknown()" if self.code == _PLAIN_UNKNOWN_CODE else f"Unknown(refined {self.data!r})"
        )


UNKNOWN = Unknown()


def _ext_hook(code: int, data: bytes) -> Any:
    if code in (_PLAIN_UNKNOWN_CODE, _REFINED_UNKNOWN_CODE):
        return Unknown(code, data)
    raise ValueError(f"msgpack extension type {code} is not a cty value (only 0 and 12 are)")


def _default(obj: Any) -> Any:
    if isinstance(obj, Unknown):
        return msgpack.ExtType(obj.code, obj.data)
    raise TypeError(f"cannot encode {type(obj).__name__} as a cty msgpack value: {obj!r}")


def decode(data: bytes) -> Any:
    """Decode a ``DynamicValue.msgpack`` payload (empty bytes mean null)."""
    if not data:
        return None
    return msgpack.unpackb(data, raw=False, ext_hook=_ext_hook, strict_map_key=False)


def encode(value: Any) -> bytes:
    return msgpack.packb(value, use_bin_type=True, default=_default)  # type: ignore[no-any-return]


def is_known(value: Any) -> bool:
    """Whether ``value`` holds no unknown anywhere inside it."""
    if isinstance(value, Unknown):
        return False
    if isinstance(value, dict):
        return all(is_known(v) for v in value.values())
    if isinstance(value, list):
        return all(is_known(v) for v in value)
    return True


def equal(a: Any, b: Any) -> bool:
    """Deep equality where an unknown equals nothing (so a change to it always shows)."""
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def canonical(value: Any) -> str:
    """A stable text form of a value (keys sorted), used to seed fake values."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=repr)


# --- type expressions -------------------------------------------------------
# A cty type in JSON: "string" | "number" | "bool" | "dynamic" |
# ["list"|"set"|"map", T] | ["object", {name: T}] (+ optional-attribute list)
# | ["tuple", [T, ...]].


def type_kind(ty: Any) -> str:
    if isinstance(ty, str):
        return ty
    if isinstance(ty, list) and ty and isinstance(ty[0], str):
        return ty[0]
    raise ValueError(f"not a cty type expression: {ty!r}")
