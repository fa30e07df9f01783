"""Print the JSON Schema of a lab file (for editors), keys sorted."""

from __future__ import annotations

import argparse
import json
import sys

from openstack_ha.model import lab_json_schema

NAME = "schema"
HELP = "print the JSON Schema of a lab file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    del args
    sys.stdout.write(json.dumps(lab_json_schema(), indent=2, sort_keys=True) + "\n")
    return 0
