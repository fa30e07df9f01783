"""Render a lab: one folder per node with its user-data and every file at its real path.

The lab is rendered completely in memory and into a temporary folder next
to ``--out`` first; only when everything succeeded does it replace
``--out``. A broken lab prints every problem, exits 1 and writes nothing.
An existing non-empty ``--out`` is replaced only with ``--force``.

Secrets: without ``--secrets`` the files carry obviously fake placeholder
values (fine for reading and checking, not for deploying: the CDK stacks
pass Terraform references instead). ``--secrets FILE`` takes a YAML mapping
of secret name to value (the names ``openstack-ha validate --json`` lists
under ``secrets``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from openstack_ha.commands.lab import add_lab_argument, load_plan, print_warnings
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import render_lab, write_lab

NAME = "render"
HELP = "render every node's user-data and configuration files into a folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_lab_argument(parser)
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write (one per node)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace DIR even if it exists and is not empty"
    )
    parser.add_argument(
        "--service-class",
        choices=("service", "systemd", "lsb"),
        default="service",
        help="standard of HAProxy/RabbitMQ resources in the CIB (default service: systemd "
        "units where they exist, else init scripts)",
    )
    parser.add_argument(
        "--secrets",
        metavar="FILE",
        help="YAML mapping of secret name to value (default: fake placeholder values)",
    )


def load_secrets(path: str | None) -> Secrets:
    """Placeholders, or the values of a YAML file (unknown names are errors)."""
    if path is None:
        return Secrets.for_tests()
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ValueError(f"{path}: must be a mapping of secret name to value")
    known = set(Secrets.for_tests().values())
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"{path}: unknown secrets {unknown}; known: {sorted(known)}")
    values = {k: None if v is None else str(v) for k, v in data.items()}
    required = [
        n
        for n in (
            "corosync_authkey",
            "hacluster_password",
            "clustercheck_password",
            "rabbitmq_erlang_cookie",
            "rabbitmq_password",
            "haproxy_stats_password",
        )
        if values.get(n) is None
    ]
    if required:
        raise ValueError(f"{path}: missing secrets {required}")
    return Secrets(**values)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not args.force:
        print(
            f"error: --out {out}: exists and is not an empty folder; pass --force to replace it",
            file=sys.stderr,
        )
        return 2
    plan = load_plan(args)
    if plan is None:
        return 1
    print_warnings(plan)
    try:
        secrets = load_secrets(args.secrets)
        lab = render_lab(plan, secrets, service_class=args.service_class)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.secrets is None:
        print(
            "note: rendered with fake placeholder secrets (pass --secrets FILE to deploy)",
            file=sys.stderr,
        )
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    try:
        write_lab(lab, staging)
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for tree in lab.nodes:
        print(f"{tree.hostname}: user-data + {len(tree.files)} files")
    print(f"rendered {len(lab.nodes)} nodes into {out}")
    return 0
