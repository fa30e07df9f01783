"""Construction errors: one :class:`BindingError` listing every problem of an object.

Messages name the construct path, the Terraform type, the argument, the
value given and what is allowed.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Callable, Sequence
from typing import Any, ParamSpec

from tfbindgen.engine import Construct


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


def show(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text}: {type(value).__name__}"


def plural(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def signature_problems(
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
            problems = signature_problems(
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
            raise BindingError(where(type(args[0]), given.get("scope"), given.get("id_")), problems)
        init(*args, **kwargs)

    return wrapper


def where(cls: type[Any], scope: object, id_: object) -> str:
    try:
        path = f"{scope.node.path}/{id_}" if isinstance(scope, Construct) else f"?/{id_}"
    except Exception:  # a message must come out whatever the scope is
        path = f"?/{id_}"
    return f"{path.lstrip('/')} ({cls.TF_RESOURCE_TYPE})"
