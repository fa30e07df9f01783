"""Whether a value is an engine token or a Terraform expression."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from tfbindgen.engine import Token, Tokenization

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
