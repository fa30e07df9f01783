"""What every rule module shares: the ``Rule`` row and the message helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from openstack_ha.model.errors import Problem, format_value
from openstack_ha.model.spec import LabSpec

__all__ = ["Check", "Rule", "problem"]

Check = Callable[[LabSpec], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    """One row of the table: the codes it may yield, what it reads, why, and the check."""

    codes: tuple[str, ...]
    reads: tuple[str, ...]
    summary: str
    check: Check


def problem(code: str, loc: str, what: str, got: object, fix: str, *, raw: bool = False) -> Problem:
    """``<what>, got <value>; <fix>`` at ``loc`` (``raw``: a text ``got`` shown unquoted)."""
    shown = got if raw and isinstance(got, str) else format_value(got)
    return Problem(loc=loc, code=code, message=f"{what}, got {shown}; {fix}")
