"""A fixed-width text summary of a plan: nodes, addresses, VIPs, clusters.

Printed by ``openstack-ha validate``; plain text, deterministic, no colour.
Warnings are not part of it: commands print them to stderr.
"""

from __future__ import annotations

from collections.abc import Sequence

from openstack_ha.model.plan import Plan

__all__ = ["format_summary"]


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        out.append((indent + "  ".join(cells)).rstrip())
    return out


def format_summary(plan: Plan) -> str:
    """The summary as text, ending with a newline."""
    nodes = len(plan.nodes)
    clusters = len(plan.clusters)
    lines = [
        f"lab {plan.lab}: platform {plan.platform}, {plan.layout} layout, {plan.os_family}, "
        f"{nodes} node{'s' if nodes != 1 else ''}, {clusters} Pacemaker "
        f"cluster{'s' if clusters != 1 else ''}, fencing {plan.fencing.agent}",
        "networks:",
    ]
    lines += _table(
        [
            [
                n.name,
                str(n.cidr),
                f"gateway {n.gateway}",
                f"dhcp {n.dhcp_start}-{n.dhcp_end}",
                f"vlan {n.vlan_id}" if n.vlan_id is not None else "untagged",
                n.network_type or "",
            ]
            for n in plan.networks
        ]
    )
    lines.append("nodes:")
    network_names = [n.name for n in plan.networks]
    rows = [["host", "group", *network_names, "cluster"]]
    for node in plan.nodes:
        by_net = {a.network: str(a.address) for a in node.addresses}
        cluster = ""
        if node.cluster is not None:
            role = f"#{node.corosync_nodeid}" if node.corosync_nodeid else "remote"
            cluster = f"{node.cluster} {role}"
        rows.append(
            [node.hostname, node.group, *[by_net.get(n, "-") for n in network_names], cluster]
        )
    lines += _table(rows)
    lines.append("vips:")
    lines += _table(
        [
            [
                v.name,
                str(v.address),
                v.network,
                f"held by {v.holder_group} ({v.manager})",
                "given" if v.given else "derived",
            ]
            for v in plan.vips
        ]
    )
    lines.append("clusters:")
    rows = []
    for c in plan.clusters:
        q = c.quorum
        quorum = (
            "two_node, wait_for_all"
            if q.two_node
            else f"quorum {q.quorum_votes} of {q.expected_votes}"
        )
        remote = [m.hostname for m in c.members if m.kind == "remote"]
        members = " ".join(m.hostname for m in c.full_members())
        if remote:
            members += f" (+{len(remote)} remote)"
        links = " ".join(f"{link.network}:{link.port}" for link in c.links)
        rows.append(
            [
                c.name,
                members,
                quorum,
                f"links {links}",
                f"fencing {c.fencing_agent}",
                "runs " + ",".join(c.duties),
            ]
        )
    lines += _table(rows)
    return "\n".join(lines) + "\n"
