"""Run Pacemaker's scheduler (crm_simulate) on the rendered CIBs.

Without ``--fail``: the whole single-failure matrix of every Pacemaker
cluster (the loss of each member, the loss of quorum, a Galera failure),
each judged: the lost node is fenced, its VIPs and roles move to survivors,
nothing on a survivor restarts, without quorum everything stops. With
``--fail NODE ...``: those nodes fail together (per cluster). Prints what is
fenced and what moves, starts or stops where; exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from openstack_ha.check.simulate import (
    Scenario,
    SimulationError,
    banned_nodes,
    failure_matrix,
    format_scenario,
    judge_node_loss,
    simulate,
    steady_state,
)
from openstack_ha.commands.lab import add_lab_argument, load_plan, print_warnings
from openstack_ha.render.cib import cib_for_cluster, to_xml

NAME = "simulate"
HELP = "simulate node failures on the rendered CIBs with crm_simulate"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_lab_argument(parser)
    parser.add_argument(
        "--fail", nargs="+", metavar="NODE", help="nodes that fail together (default: the matrix)"
    )


def run(args: argparse.Namespace) -> int:
    plan = load_plan(args)
    if plan is None:
        return 1
    print_warnings(plan)
    if not plan.clusters:
        print("this lab has no Pacemaker cluster: nothing to simulate")
        return 0
    scenarios: list[Scenario] = []
    try:
        if not args.fail:
            for cluster in plan.clusters:
                scenarios += failure_matrix(cluster, to_xml(cib_for_cluster(cluster)))
        else:
            members = {m.hostname: c for c in plan.clusters for m in c.full_members()}
            hosts = [n.hostname for n in plan.nodes]
            for name in args.fail:
                if name not in hosts:
                    print(
                        f"error: --fail {name}: no such node; nodes: {', '.join(hosts)}",
                        file=sys.stderr,
                    )
                    return 2
                if name not in members:
                    print(
                        f"{name}: not a full member of any Pacemaker cluster; "
                        "its loss changes nothing Pacemaker manages"
                    )
            for cluster in plan.clusters:
                lost = [n for n in args.fail if members.get(n) is cluster]
                if not lost:
                    continue
                galera = "galera" in cluster.duties
                full = [m.hostname for m in cluster.full_members()]
                with tempfile.TemporaryDirectory(prefix="openstack-ha-sim-") as tmp:
                    steady = steady_state(
                        to_xml(cib_for_cluster(cluster)), Path(tmp), promote=full if galera else ()
                    )
                    survivors = set(full) - set(lost)
                    # crm_simulate keeps quorum unless told: a minority of
                    # survivors must see the cluster without it.
                    needed = 1 if cluster.quorum.two_node else cluster.quorum.quorum_votes
                    quorate = len(survivors) >= needed
                    name = f"lose {', '.join(lost)}" + ("" if quorate else " (quorum lost)")
                    s = simulate(steady, name=name, cluster=cluster.name, fail=lost, quorum=quorate)
                    if quorate:
                        fencing = cluster.properties.get("stonith-enabled") == "true"
                        judge_node_loss(s, set(lost), fencing, survivors, banned_nodes(cluster))
                    else:
                        running = sorted(
                            rid
                            for rid, placed in s.after.items()
                            if any(node in survivors for node, _ in placed)
                        )
                        if running:
                            s.problems.append(f"still running without quorum: {', '.join(running)}")
                    scenarios.append(s)
    except SimulationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for scenario in scenarios:
        print("\n".join(format_scenario(scenario)))
    bad = [s for s in scenarios if not s.ok]
    folded = sum(len(s.stands_for) for s in scenarios)
    also = f" (+{folded} node losses judged by their failure class)" if folded else ""
    print(f"{len(scenarios)} scenarios run{also}, {len(bad)} with problems")
    return 1 if bad else 0
