"""Facts every derived plan must satisfy (a problem here is a bug in the derivation)."""

from __future__ import annotations

from ipaddress import IPv4Address

from openstack_ha.model.errors import Problem
from openstack_ha.model.plan import (
    Plan,
)
from openstack_ha.model.services import (
    corosync_port,
)

__all__ = ["plan_invariant_problems"]


def plan_invariant_problems(plan: Plan) -> tuple[Problem, ...]:
    """Facts every plan must satisfy; a non-empty result is a bug in derive_plan.

    Checked on every derived plan (cheap), and tested on tampered plans.
    """
    out: list[Problem] = []

    def bad(code: str, loc: str, message: str) -> None:
        out.append(Problem(loc=loc, code=code, message=message))

    for cluster in plan.clusters:
        loc = f"clusters.{cluster.name}"
        full = cluster.full_members()
        n = len(full)
        q = cluster.quorum
        if q.expected_votes != n or q.quorum_votes != n // 2 + 1:
            bad("internal", loc, f"quorum must be floor(N/2)+1 of {n} full members, got {q}")
        if q.two_node != (n == 2) or (q.two_node and not q.wait_for_all):
            bad(
                "internal", loc, f"two_node only for exactly 2 members (with wait_for_all), got {q}"
            )
        if n > 32:
            bad("cluster_size", loc, f"more than 32 full members, got {n}")
        if cluster.fencing_agent != "none":
            covered = {d.target for d in cluster.fence_devices}
            for member in cluster.members:
                if member.hostname not in covered:
                    bad(
                        "fencing_uncovered",
                        f"{loc}.members",
                        f"no fence device covers {member.hostname}, got devices for "
                        f"{sorted(covered)}; every cluster member needs one",
                    )
            delayed = [d for d in cluster.fence_devices if d.delay_max_s is not None]
            if n == 2 and len(delayed) != 1:
                bad(
                    "internal",
                    loc,
                    f"a 2-node cluster needs exactly one delayed fence device, got {len(delayed)}",
                )
        links = [link.linknumber for link in cluster.links]
        if links != list(range(len(links))) or not 1 <= len(links) <= 8:
            bad("corosync_links", loc, f"knet links must be numbered 0..7, got {links}")
        for link in cluster.links:
            if link.port != corosync_port(link.linknumber):
                bad(
                    "internal", loc, f"link {link.linknumber} must use port 5405+N, got {link.port}"
                )
        for clone in cluster.clones:
            if clone.meta.get("interleave") != "true":
                bad("internal", loc, f"clone {clone.id} needs interleave=true")
    addresses: dict[IPv4Address, str] = {}
    for node in plan.nodes:
        for entry in node.addresses:
            if entry.address in addresses:
                bad(
                    "internal",
                    f"nodes.{node.hostname}",
                    f"address {entry.address} is also {addresses[entry.address]}'s",
                )
            addresses[entry.address] = node.hostname
    for vip in plan.vips:
        if vip.address in addresses:
            bad(
                "vip_collision",
                f"vips.{vip.name}",
                f"VIP {vip.address} is also {addresses[vip.address]}'s address",
            )
    return tuple(out)
