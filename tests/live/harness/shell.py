"""Running host commands with bounded time and errors that say what failed."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence


class CommandError(RuntimeError):
    """A command exited non-zero (or timed out); carries its output."""


def run(
    argv: Sequence[str],
    *,
    check: bool = True,
    timeout: float = 30.0,
    input_text: str | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv``, capture text output, never wait longer than ``timeout`` s.

    With ``check`` a non-zero exit raises :class:`CommandError` naming the
    command, its exit code and both output streams, so a failing set-up step
    explains itself in the pytest report.
    """
    try:
        proc = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            timeout=timeout,
            input=input_text,
            env=None if env is None else dict(env),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CommandError(f"{' '.join(argv)}: still running after {timeout:g} s") from exc
    if check and proc.returncode != 0:
        raise CommandError(
            f"{' '.join(argv)}: exit {proc.returncode}\n"
            f"stdout: {proc.stdout.strip()[-2000:]}\nstderr: {proc.stderr.strip()[-2000:]}"
        )
    return proc
