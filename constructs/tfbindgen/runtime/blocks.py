"""The ``@block`` class decorator of generated block dataclasses."""

from __future__ import annotations

import functools
from typing import TypeVar

from tfbindgen.runtime.checks import fields
from tfbindgen.runtime.errors import BindingError, Problem, signature_problems
from tfbindgen.runtime.specs import Block

_B = TypeVar("_B", bound=Block)


def block(cls: type[_B]) -> type[_B]:
    """Class decorator: clear messages for unknown and missing block arguments."""
    init = cls.__init__

    def __init__(self: _B, *args: object, **kwargs: object) -> None:
        allowed, required = fields(cls)
        if args or not (kwargs.keys() <= set(allowed)) or any(n not in kwargs for n in required):
            problems = signature_problems(list(kwargs), allowed, required)
            if args:
                problems.insert(
                    0, Problem("", f"takes keyword arguments only (got {len(args)} positional)")
                )
            raise BindingError(f"{cls.__name__} ({cls._tf_spec.tf_type})", problems)
        init(self, **kwargs)

    functools.update_wrapper(__init__, init)
    setattr(cls, "__init__", __init__)  # noqa: B010 - mypy refuses assigning to a method
    return cls
