"""Bounded waits that explain themselves when they fail."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class WaitTimeout(AssertionError):
    """A condition did not become true in time (an AssertionError, so pytest shows it)."""


def tail(path: Path, lines: int = 40) -> str:
    """The last ``lines`` lines of a (possibly missing or binary) log file."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 64 * 1024))
            text = fh.read().decode(errors="replace")
    except OSError as exc:
        return f"({exc.strerror})"
    return "\n".join(text.splitlines()[-lines:])


def wait_until(
    predicate: Callable[[], T | None],
    *,
    timeout: float,
    what: str,
    interval: float = 0.25,
    logs: Iterable[Path] | Callable[[], Iterable[Path]] = (),
    log_lines: int = 40,
) -> T:
    """Call ``predicate`` until it returns something truthy; return that value.

    Exceptions raised by ``predicate`` count as "not yet" (a daemon still
    starting refuses connections); the last one is shown if time runs out.
    On timeout raises :class:`WaitTimeout` with ``what``, how long we waited,
    the last value or exception, and the tail of every log in ``logs`` (or of
    what a callable ``logs`` returns at that moment).
    """
    start = time.monotonic()
    deadline = start + timeout
    last: object = None
    while True:
        try:
            value = predicate()
        except Exception as exc:
            last = exc
        else:
            if value:
                return value
            last = value
        if time.monotonic() >= deadline:
            break
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
    paths = list(logs() if callable(logs) else logs)
    shown = "\n".join(f"--- {p} (last {log_lines} lines)\n{tail(p, log_lines)}" for p in paths)
    raise WaitTimeout(
        f"timed out after {time.monotonic() - start:.1f} s (limit {timeout:g} s) waiting for "
        f"{what}; last result: {last!r}" + (f"\n{shown}" if shown else "")
    )


def measure(predicate: Callable[[], object], *, timeout: float, what: str,
            interval: float = 0.1) -> float:
    """Seconds until ``predicate`` is truthy (for the figures), bounded like wait_until."""
    start = time.monotonic()
    wait_until(predicate, timeout=timeout, what=what, interval=interval)
    return time.monotonic() - start
