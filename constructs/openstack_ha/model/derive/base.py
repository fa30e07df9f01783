"""The derivation's shared state and helpers (addresses, members, names)."""

from __future__ import annotations

from ipaddress import IPv4Address

from openstack_ha.model.fencing import fence_agent
from openstack_ha.model.groups import GroupName
from openstack_ha.model.ha import FenceAgent
from openstack_ha.model.networks import (
    NETWORK_ORDER,
    NetworkName,
    address_at,
)
from openstack_ha.model.platforms import platform_profile
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import (
    NodeSeed,
    arbitrator_host,
    cluster_seeds,
    node_seeds,
    vip_addresses,
)
from openstack_ha.model.vips import VipName

# The VIPs the load balancers hold (Pacemaker or keepalived); the broker VIP is the brokers'.
_PACEMAKER_VIPS: tuple[VipName, ...] = ("public", "internal", "database")


def _mac(network: NetworkName, offset: int) -> str:
    # QEMU's locally administered OUI, then network index and host offset:
    # unique inside a lab by construction, stable when nodes are added.
    index = NETWORK_ORDER.index(network)
    return f"52:54:00:{index:02x}:{(offset >> 8) & 0xFF:02x}:{offset & 0xFF:02x}"


def _or_list(items: tuple[str, ...]) -> str:
    """``a, b or c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _kv(**items: str) -> dict[str, str]:
    return dict(items)


class _BuilderBase:
    """The spec, its seeds and the helpers every part of the derivation uses."""

    def __init__(self, spec: LabSpec) -> None:
        self.spec = spec
        self.os = spec.os
        self.profile = platform_profile(spec.platform)
        self.seeds = node_seeds(spec)
        self.cluster_seeds = cluster_seeds(spec)
        self.agent: FenceAgent = spec.fencing.resolved_agent(spec.platform)
        self.fence = fence_agent(self.agent) if self.agent != "none" else None
        self.vip_addrs = vip_addresses(spec)
        self.arbitrator = arbitrator_host(spec)
        collapsed = spec.layout == "collapsed"
        self.ctl: GroupName = "converged" if collapsed else "controllers"
        self.db: GroupName = "converged" if collapsed else "database"
        self.mq: GroupName = "converged" if collapsed else "brokers"
        self.lb: GroupName = "converged" if collapsed else "load_balancers"
        self.membership: dict[str, tuple[str, str, int | None]] = {}
        full_max = spec.pacemaker.max_full_members
        for cluster in self.cluster_seeds:
            for position, member in enumerate(cluster.members, start=1):
                if position <= full_max:
                    self.membership[member.hostname] = (cluster.name, "full", position)
                else:
                    self.membership[member.hostname] = (cluster.name, "remote", None)

    # ------------------------------------------------------------ helpers

    def _net(self, name: NetworkName) -> tuple[IPv4Address, int]:
        network = self.spec.networks.get(name)
        assert network is not None
        return network.cidr.network_address, network.cidr.prefixlen

    def _addr(self, seed: NodeSeed, network: NetworkName) -> IPv4Address:
        net = self.spec.networks.get(network)
        assert net is not None
        return address_at(net, seed.offset)

    def _members(self, group: GroupName) -> tuple[NodeSeed, ...]:
        return tuple(s for s in self.seeds if s.group == group)

    def _platform_name(self, hostname: str) -> str:
        return f"{self.spec.name}-{hostname}"

    def _flavor(self, group: GroupName) -> str | None:
        return self.profile.flavor(self.spec, group)
