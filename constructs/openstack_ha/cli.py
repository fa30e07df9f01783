"""``openstack-ha``: the command line. Subcommands live in ``openstack_ha.commands``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from openstack_ha import __version__
from openstack_ha.commands import COMMANDS

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openstack-ha",
        description="HA OpenStack control-plane labs: validate, render and synthesize them.",
    )
    parser.add_argument("--version", action="version", version=f"openstack-ha {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        child = sub.add_parser(command.NAME, help=command.HELP, description=command.__doc__)
        command.add_arguments(child)
        child.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; returns its exit code (2 for usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
