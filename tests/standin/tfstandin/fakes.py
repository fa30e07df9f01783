"""Deterministic fake values for what a real provider learns at apply time.

Terraform's plugin protocol never tells a provider the address of the
resource it is working on: a request carries the resource type, the prior and
planned states and the configuration. Every fake value is therefore derived
from the resource type, the object's full configuration and the attribute's
path inside it (SHA-256 / SHAKE-256 of those). The same lab applied twice gets
the same values; two resources of one type with identical configuration get
identical values (the six ``random_password`` of a lab share one fake result).

| attribute                         | fake value                                                 |
|-----------------------------------|------------------------------------------------------------|
| ``id`` (any type)                 | UUID-shaped hex, e.g. ``3f2a…-…``                          |
| ``random_password.result``        | ``length`` characters from the enabled classes (upper,     |
|                                   | lower, numeric, special / ``override_special``)            |
| ``random_password.bcrypt_hash``   | ``$2a$10$`` + 53 characters of the bcrypt alphabet (not a  |
|                                   | real hash of anything)                                     |
| ``random_password.number``        | the value of ``numeric`` (the deprecated alias)            |
| ``random_bytes.base64`` / ``hex`` | one ``length``-byte string, in base64 and in hex           |
| other string                      | ``standin-<attribute>-<12 hex>``                           |
| other number / bool               | an integer 0..65535 / ``false``                            |
| list, set, map                    | empty                                                      |
| object, tuple                     | each attribute / element faked                             |

None of these is a secret: they are public functions of the configuration,
printed here so that nobody mistakes them for one.
"""

from __future__ import annotations

import base64
import hashlib
import string
from typing import TYPE_CHECKING, Any

from .cty import Unknown, canonical, type_kind

if TYPE_CHECKING:
    from .planning import Path

_BCRYPT_ALPHABET = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
# random_password's default special characters.
_SPECIAL = "!@#$%&*()-_=+[]{}<>:?"


class Faker:
    def __init__(self, type_name: str, config: Any) -> None:
        self.type_name = type_name
        self._seed = f"{type_name}\n{canonical(config)}".encode()

    def stream(self, path: Path, n: int) -> bytes:
        text = "/".join(step if isinstance(step, str) else repr(step) for step in path)
        return hashlib.shake_256(self._seed + b"\n" + text.encode()).digest(n)

    def fill(self, ty: Any, value: Any, path: Path, obj: dict[str, Any]) -> Any:
        """``value`` with every unknown inside it replaced (``obj`` is the enclosing object)."""
        if isinstance(value, Unknown):
            return self.fake(ty, path, obj)
        kind = type_kind(ty)
        if isinstance(value, list) and kind in ("list", "set"):
            return [self.fill(ty[1], v, (*path, i), obj) for i, v in enumerate(value)]
        if isinstance(value, list) and kind == "tuple":
            return [
                self.fill(t, v, (*path, i), obj)
                for i, (t, v) in enumerate(zip(ty[1], value, strict=True))
            ]
        if isinstance(value, dict) and kind == "map":
            return {k: self.fill(ty[1], v, (*path, k), obj) for k, v in value.items()}
        if isinstance(value, dict) and kind == "object":
            return {k: self.fill(ty[1][k], v, (*path, k), value) for k, v in value.items()}
        return value

    def fake(self, ty: Any, path: Path, obj: dict[str, Any]) -> Any:
        name = path[-1] if path and isinstance(path[-1], str) else ""
        special = self._special(name, path, obj)
        if special is not None:
            return special
        kind = type_kind(ty)
        digest = self.stream(path, 16)
        if name == "id" and kind == "string":
            h = digest.hex()
            return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}"
        if kind == "string":
            return f"standin-{name or 'value'}-{digest.hex()[:12]}"
        if kind == "number":
            return int.from_bytes(digest[:2], "big")
        if kind == "bool":
            return False
        if kind in ("list", "set"):
            return []
        if kind == "map":
            return {}
        if kind == "object":
            return {k: self.fake(t, (*path, k), obj) for k, t in ty[1].items()}
        if kind == "tuple":
            return [self.fake(t, (*path, i), obj) for i, t in enumerate(ty[1])]
        raise ValueError(
            f"{self.type_name}: cannot fake a value of type {ty!r} at {path!r} "
            "(dynamic attributes need a type; none of the pinned schemas has one)"
        )

    def _special(self, name: str, path: Path, obj: dict[str, Any]) -> Any:
        if len(path) != 1:
            return None
        if self.type_name == "random_password":
            if name == "result":
                return self._password(obj)
            if name == "bcrypt_hash":
                raw = self.stream(path, 53)
                return "$2a$10$" + "".join(_BCRYPT_ALPHABET[b % 64] for b in raw)
            if name == "number" and isinstance(obj.get("numeric"), bool):
                return obj["numeric"]
        if self.type_name == "random_bytes" and name in ("base64", "hex"):
            raw = self.stream(("bytes",), _int(obj.get("length"), 32))
            return base64.b64encode(raw).decode() if name == "base64" else raw.hex()
        return None

    def _password(self, obj: dict[str, Any]) -> str:
        classes = [
            (obj.get("upper"), string.ascii_uppercase),
            (obj.get("lower"), string.ascii_lowercase),
            (obj.get("numeric"), string.digits),
            (obj.get("special"), obj.get("override_special") or _SPECIAL),
        ]
        alphabet = "".join(chars for enabled, chars in classes if enabled is not False)
        length = _int(obj.get("length"), 16)
        raw = self.stream(("result",), length)
        return "".join(alphabet[b % len(alphabet)] for b in raw)


def _int(value: Any, default: int) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else default
