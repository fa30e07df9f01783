"""Validate a lab and print its derived plan's summary (nodes, addresses, VIPs, clusters).

On a broken lab, print every problem (file:line, location, message, code) to
stderr and exit 1. Plan warnings (e.g. fencing switched off) go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys

from openstack_ha.commands.lab import add_lab_argument, load_plan, print_warnings
from openstack_ha.model import format_summary

NAME = "validate"
HELP = "validate a lab and print its plan's summary, or every problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_lab_argument(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the whole derived plan as JSON instead of the summary",
    )


def run(args: argparse.Namespace) -> int:
    plan = load_plan(args)
    if plan is None:
        return 1
    print_warnings(plan)
    if args.json:
        sys.stdout.write(json.dumps(plan.model_dump(mode="json"), indent=2) + "\n")
    else:
        sys.stdout.write(format_summary(plan))
    return 0
