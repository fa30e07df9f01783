"""Print a lab's nodes, addresses, VIPs and groups as tables and write its topology as SVG.

The diagram (``--svg``, default ``topology.svg``) shows the node groups,
their Pacemaker clusters, every network with each node's attachment, and
where each VIP lives. The same lab gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from openstack_ha.commands.lab import add_lab_argument, load_plan, print_warnings
from openstack_ha.diagram import render_svg
from openstack_ha.model.plan import Plan
from openstack_ha.model.platforms import platform_profile

NAME = "plan"
HELP = "print the lab's nodes, addresses, VIPs and groups; write a topology diagram (SVG)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_lab_argument(parser)
    parser.add_argument(
        "--svg",
        metavar="FILE",
        default="topology.svg",
        help="where to write the topology diagram (default topology.svg; '-' for none)",
    )


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with columns as wide as their widest cell."""
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)]) + "\n"


def format_tables(plan: Plan) -> str:
    networks = [n.name for n in plan.networks]
    profile = platform_profile(plan.platform)
    place = profile.placement
    node_rows = []
    for node in plan.nodes:
        by_network = {a.network: str(a.address) for a in node.addresses}
        where = profile.placement_of(node)
        node_rows.append(
            [
                node.hostname,
                node.group,
                ",".join(node.roles),
                node.cluster or "-",
                *(by_network.get(n, "-") for n in networks),
                where or "-",
            ]
        )
    vip_rows = [
        [v.name, str(v.address), v.network, v.holder_group, v.manager, v.cluster or "-"]
        for v in plan.vips
    ]
    group_rows = [
        [g.name, str(g.count), ",".join(g.roles), f"{g.vcpus}", f"{g.memory_mib}", f"{g.disk_gib}"]
        for g in plan.groups
    ]
    return (
        f"lab {plan.lab}: {plan.layout} layout on {plan.platform}, {len(plan.nodes)} nodes\n\n"
        + table(["node", "group", "roles", "cluster", *networks, place], node_rows)
        + "\n"
        + table(["vip", "address", "network", "held by", "manager", "cluster"], vip_rows)
        + "\n"
        + table(["group", "nodes", "roles", "vcpus", "memory_mib", "disk_gib"], group_rows)
    )


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as out:
            out.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    plan = load_plan(args)
    if plan is None:
        return 1
    print_warnings(plan)
    sys.stdout.write(format_tables(plan))
    if args.svg != "-":
        write_atomically(Path(args.svg), render_svg(plan))
        print(f"\ntopology diagram: {args.svg}")
    return 0
