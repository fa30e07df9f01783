"""Helpers shared by commands that take a lab: ``--lab FILE``, problems, warnings."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from openstack_ha.model import LabError, LabSpec, Plan, derive_plan, load_lab

__all__ = ["add_lab_argument", "load_plan", "print_problems", "print_warnings"]


def add_lab_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lab",
        metavar="FILE",
        help="YAML lab file stating what differs from the default lab (default: the default lab)",
    )


def load_plan(args: argparse.Namespace, err: TextIO | None = None) -> Plan | None:
    """The plan of ``--lab`` (or the default lab); prints every problem and returns None."""
    err = err or sys.stderr
    try:
        spec = load_lab(args.lab) if args.lab else LabSpec()
        return derive_plan(spec)
    except LabError as exc:
        print_problems(exc, args.lab or "the default lab", err)
        return None


def print_problems(error: LabError, what: str, err: TextIO) -> None:
    for problem in error.problems:
        print(f"error: {problem} [{problem.code}]", file=err)
    count = len(error.problems)
    print(f"{count} problem{'s' if count != 1 else ''} in {what}", file=err)


def print_warnings(plan: Plan, err: TextIO | None = None) -> None:
    err = err or sys.stderr
    for warning in plan.warnings:
        print(str(warning), file=err)
