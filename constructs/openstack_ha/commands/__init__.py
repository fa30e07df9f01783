"""The ``openstack-ha`` subcommands, one small module each, registered in ``COMMANDS``.

To add a command (``render``, ``check``, ``simulate``, ``plan``...): write a
module here with ``NAME``, ``HELP``, a module docstring (the command's
description), ``add_arguments(parser)`` and ``run(args) -> int``, then add
it to ``COMMANDS``. ``run`` prints to ``sys.stdout``/``sys.stderr`` and
returns the exit code: 0 success, 1 a lab or check failed, 2 usage.
Shared helpers for ``--lab`` live in ``commands/lab.py``.
"""

from __future__ import annotations

import argparse
from typing import Protocol

from openstack_ha.commands import check, plan, render, schema, simulate, validate

__all__ = ["COMMANDS", "Command"]


class Command(Protocol):
    NAME: str
    HELP: str
    __doc__: str | None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: tuple[Command, ...] = (schema, validate, plan, render, check, simulate)
