"""Which nodes exist, where they attach, and which Pacemaker clusters they form.

Pure functions of the spec, shared by the rules (which must see node
addresses and cluster sizes to check VIPs, DHCP ranges and knet links) and
by ``derive_plan``. Nothing here validates: callers decide what is wrong.

Cluster design (current practice):

- ``load_balancers`` (dedicated, vip_manager pacemaker): every VIP except the
  broker's (public, internal, database) as IPaddr2, colocated with an
  HAProxy clone. The database VIP lives here because HAProxy fronts Galera
  (one writer, the others backup), so the VIP must follow HAProxy, not
  MariaDB.
- ``database``: the Galera promotable clone (all members promoted), so the
  ``galera`` agent bootstraps and recovers the cluster (safe_to_bootstrap /
  highest seqno). No VIP.
- ``brokers`` (active-passive mode only): the broker VIP + rabbitmq-server,
  the whitepaper's first option. Clustered RabbitMQ needs no Pacemaker: it
  forms its own cluster and clients list every broker.
- controllers: no cluster. API services are not Pacemaker resources any more.
- collapsed layout: one ``converged`` cluster carrying all of the above.
"""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import IPv4Address

from openstack_ha.model.groups import (
    SIZING_FIELDS,
    BrokerGroup,
    ControllerGroup,
    ConvergedGroup,
    DatabaseGroup,
    GroupName,
    LoadBalancerGroup,
    Role,
    groups_in_layout,
)
from openstack_ha.model.networks import (
    GROUP_BLOCKS,
    NETWORK_ORDER,
    VIP_OFFSETS,
    NetworkName,
    address_at,
)
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.vips import VIP_NAMES, VipName

__all__ = [
    "GROUP_NETWORKS",
    "GROUP_ROLES",
    "ClusterSeed",
    "GroupSettings",
    "NodeSeed",
    "arbitrator_host",
    "cluster_seeds",
    "defaults_differ",
    "group_count",
    "group_settings",
    "groups_in_use",
    "node_seeds",
    "vip_addresses",
    "vip_holder",
    "vips_in_use",
]

GROUP_ROLES: dict[GroupName, tuple[Role, ...]] = {
    "controllers": ("controller",),
    "database": ("database",),
    "brokers": ("broker",),
    "load_balancers": ("load_balancer",),
    "converged": ("controller", "database", "broker", "load_balancer"),
}

# Networks each group attaches to (when the network is defined). Every node
# is on management and storage, so both can carry knet links; controllers
# also reach tenant (Neutron agents) and external (router gateways); load
# balancers hold the public VIP on external.
GROUP_NETWORKS: dict[GroupName, tuple[NetworkName, ...]] = {
    "controllers": ("management", "storage", "tenant", "external", "storage_management"),
    "database": ("management", "storage"),
    "brokers": ("management", "storage"),
    "load_balancers": ("management", "storage", "external"),
    "converged": ("management", "storage", "tenant", "external", "storage_management"),
}

# The cluster name of each group that forms one.
_CLUSTER_OF_GROUP: dict[GroupName, str] = {
    "load_balancers": "load_balancers",
    "database": "database",
    "brokers": "brokers",
    "converged": "converged",
}


@dataclass(frozen=True)
class NodeSeed:
    """A node before addresses are resolved: group, 1-based index, hostname, networks."""

    group: GroupName
    index: int
    hostname: str
    roles: tuple[Role, ...]
    networks: tuple[NetworkName, ...]

    @property
    def offset(self) -> int:
        """Host offset inside every subnet (the group's block start + index - 1)."""
        return GROUP_BLOCKS[self.group][0] + self.index - 1


@dataclass(frozen=True)
class ClusterSeed:
    """A Pacemaker cluster: its name, the group it is made of and its members in order."""

    name: str
    group: GroupName
    members: tuple[NodeSeed, ...]
    # What it runs: "vips", "haproxy", "galera", "broker".
    duties: tuple[str, ...]


def groups_in_use(spec: LabSpec) -> tuple[GroupName, ...]:
    return groups_in_layout(spec.layout)


GroupSettings = ControllerGroup | DatabaseGroup | BrokerGroup | LoadBalancerGroup | ConvergedGroup


def group_settings(spec: LabSpec, group: GroupName) -> GroupSettings:
    """The spec's model of ``group`` (ControllerGroup, DatabaseGroup, ...)."""
    settings: GroupSettings = getattr(spec, group)
    return settings


def group_count(spec: LabSpec, group: GroupName) -> int:
    if group == "brokers":
        return spec.brokers.resolved_count()
    count = group_settings(spec, group).count
    assert count is not None  # only brokers may leave it unset, handled above
    return count


def _prefix(spec: LabSpec, group: GroupName) -> str:
    return group_settings(spec, group).hostname_prefix


def node_seeds(spec: LabSpec) -> tuple[NodeSeed, ...]:
    """Every node of the lab, in GROUP_ORDER then index order."""
    defined = {name for name, _ in spec.networks.defined()}
    out: list[NodeSeed] = []
    for group in groups_in_use(spec):
        networks = tuple(n for n in GROUP_NETWORKS[group] if n in defined)
        prefix = _prefix(spec, group)
        for index in range(1, max(group_count(spec, group), 0) + 1):
            out.append(
                NodeSeed(
                    group=group,
                    index=index,
                    hostname=f"{prefix}{index}",
                    roles=GROUP_ROLES[group],
                    networks=networks,
                )
            )
    return tuple(out)


def vips_in_use(spec: LabSpec) -> tuple[VipName, ...]:
    """public, internal and database always; broker only in active-passive mode."""
    return tuple(v for v in VIP_NAMES if v != "broker" or spec.brokers.mode == "active-passive")


def vip_addresses(spec: LabSpec) -> dict[VipName, tuple[NetworkName, IPv4Address]]:
    """Network and address of every VIP in use (given or derived)."""
    out: dict[VipName, tuple[NetworkName, IPv4Address]] = {}
    for name in vips_in_use(spec):
        network_name, offset = VIP_OFFSETS[name]
        given = spec.vips.get(name).address
        network = spec.networks.get(network_name)
        assert network is not None  # VIP networks (external, management) are always defined
        out[name] = (network_name, given if given is not None else address_at(network, offset))
    return out


def vip_holder(spec: LabSpec, vip: VipName) -> GroupName:
    """The group whose nodes hold ``vip``."""
    if spec.layout == "collapsed":
        return "converged"
    return "brokers" if vip == "broker" else "load_balancers"


def cluster_seeds(spec: LabSpec) -> tuple[ClusterSeed, ...]:
    """The Pacemaker clusters of the lab, in GROUP_ORDER."""
    nodes = node_seeds(spec)
    pacemaker_vips = spec.load_balancers.vip_manager == "pacemaker"
    out: list[ClusterSeed] = []
    for group in groups_in_use(spec):
        duties: list[str] = []
        if group == "converged":
            if pacemaker_vips:
                duties += ["vips", "haproxy"]
            duties.append("galera")
            if spec.brokers.mode == "active-passive":
                duties.append("broker")
        elif group == "load_balancers" and pacemaker_vips:
            duties += ["vips", "haproxy"]
        elif group == "database":
            duties.append("galera")
        elif group == "brokers" and spec.brokers.mode == "active-passive":
            duties.append("broker")
        if duties:
            members = tuple(n for n in nodes if n.group == group)
            out.append(
                ClusterSeed(
                    name=_CLUSTER_OF_GROUP[group],
                    group=group,
                    members=members,
                    duties=tuple(duties),
                )
            )
    return tuple(out)


def arbitrator_host(spec: LabSpec) -> NodeSeed | None:
    """The node running garbd: the first controller, when database.arbitrator is on."""
    if not spec.database.arbitrator or spec.layout != "dedicated":
        return None
    for node in node_seeds(spec):
        if node.group == "controllers":
            return node
    return None


def defaults_differ(spec: LabSpec, group: GroupName) -> tuple[str, ...]:
    """Sizing fields of ``group`` whose value differs from the class default."""
    settings = group_settings(spec, group)
    fields = type(settings).model_fields
    out = []
    for name in SIZING_FIELDS:
        if getattr(settings, name) != fields[name].default:
            out.append(name)
    return tuple(out)


def network_order_index(name: NetworkName) -> int:
    return NETWORK_ORDER.index(name)
