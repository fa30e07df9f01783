"""Render a lab and check every file with the real program that will read it.

Prints a table (checker, file, result). Exits 1 when any check fails.
A checker whose program is not installed is listed as MISSING with the
package to install; with ``--strict`` a missing checker also fails the run
(CI uses the strict mode, so nothing is skipped silently).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from openstack_ha.check import check_lab, format_table, terminal_progress
from openstack_ha.commands.lab import add_lab_argument, load_plan, print_warnings
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import render_lab

NAME = "check"
HELP = "render a lab and run every available real checker on the files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_lab_argument(parser)
    parser.add_argument(
        "--strict", action="store_true", help="fail when a checker's program is missing"
    )


def run(args: argparse.Namespace) -> int:
    plan = load_plan(args)
    if plan is None:
        return 1
    print_warnings(plan)
    lab = render_lab(plan, Secrets.for_tests())
    with tempfile.TemporaryDirectory(prefix="openstack-ha-check-") as tmp:
        results = check_lab(plan, lab, Path(tmp), progress=terminal_progress(sys.stderr))
    sys.stdout.write(format_table(results))
    failed = [r for r in results if r.status == "fail"]
    missing = sorted({r.detail for r in results if r.status == "missing"})
    for line in missing:
        print(f"missing checker: {line}", file=sys.stderr)
    print(
        f"{len(results)} checks: {sum(r.ok for r in results)} ok, {len(failed)} failed, "
        f"{sum(r.status == 'missing' for r in results)} missing a program"
    )
    if failed or (missing and args.strict):
        return 1
    return 0
