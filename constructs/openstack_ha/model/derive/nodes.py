"""Networks, groups, nodes and VIPs of the plan."""

from __future__ import annotations

from typing import Any

from openstack_ha.model.derive.base import _BuilderBase, _mac
from openstack_ha.model.groups import GROUP_ORDER
from openstack_ha.model.networks import (
    dhcp_bounds,
    gateway_of,
)
from openstack_ha.model.plan import (
    GroupPlan,
    Node,
    NodeAddress,
    PlanNetwork,
    PlanVip,
)
from openstack_ha.model.platforms import PLATFORM_PROFILES
from openstack_ha.model.registry import api_services
from openstack_ha.model.topology import (
    NodeSeed,
    group_count,
    groups_in_use,
    vip_holder,
)
from openstack_ha.model.vips import VipName

__all__ = ["NodesMixin"]


class NodesMixin(_BuilderBase):
    """Networks, groups, nodes (services, packages, placement) and VIPs."""

    def _platform_sections(self) -> dict[str, Any]:
        """Plan.<platform>: the section of the lab's platform, None for the others."""
        sections: dict[str, Any] = dict.fromkeys(PLATFORM_PROFILES)
        sections[self.spec.platform] = self.profile.plan_section(self.spec, self.os)
        return sections

    def _networks(self) -> tuple[PlanNetwork, ...]:
        out = []
        for name, network in self.spec.networks.defined():
            start, end = dhcp_bounds(network)
            out.append(
                PlanNetwork(
                    name=name,
                    platform_name=f"{self.spec.name}-{name}",
                    cidr=network.cidr,
                    prefix_length=network.cidr.prefixlen,
                    gateway=gateway_of(network),
                    vlan_id=network.vlan_id,
                    dhcp_start=start,
                    dhcp_end=end,
                    network_type=getattr(network, "network_type", None),
                    nat=name in ("management", "external"),
                )
            )
        return tuple(out)

    def _groups(self) -> tuple[GroupPlan, ...]:
        out = []
        for group in groups_in_use(self.spec):
            settings = getattr(self.spec, group)
            members = self._members(group)
            out.append(
                GroupPlan(
                    name=group,
                    roles=members[0].roles if members else (),
                    hostname_prefix=settings.hostname_prefix,
                    count=group_count(self.spec, group),
                    members=tuple(m.hostname for m in members),
                    networks=members[0].networks if members else (),
                    vcpus=settings.vcpus,
                    memory_mib=settings.memory_mib,
                    disk_gib=settings.disk_gib,
                    flavor=self._flavor(group),
                )
            )
        return tuple(out)

    # ------------------------------------------------------------ nodes

    def _node(self, seed: NodeSeed) -> Node:
        spec = self.spec
        settings = getattr(spec, seed.group)
        addresses = []
        for nic, network in enumerate(seed.networks):
            _, prefix = self._net(network)
            addresses.append(
                NodeAddress(
                    network=network,
                    address=self._addr(seed, network),
                    prefix_length=prefix,
                    mac=_mac(network, seed.offset),
                    nic_index=nic,
                )
            )
        group_index = GROUP_ORDER.index(seed.group)
        hypervisor, zone = self.profile.place(spec, group_index + seed.index - 1)
        cluster, kind, nodeid = self.membership.get(seed.hostname, (None, None, None))
        services = self._services(seed, kind)
        return Node(
            hostname=seed.hostname,
            fqdn=f"{seed.hostname}.{spec.resolved_domain}",
            platform_name=self._platform_name(seed.hostname),
            group=seed.group,
            index=seed.index,
            roles=seed.roles,
            addresses=tuple(addresses),
            vcpus=settings.vcpus,
            memory_mib=settings.memory_mib,
            disk_gib=settings.disk_gib,
            hypervisor_uri=hypervisor,
            availability_zone=zone,
            flavor=self._flavor(seed.group),
            cluster=cluster,
            pacemaker_role="full" if kind == "full" else "remote" if kind == "remote" else None,
            corosync_nodeid=nodeid,
            services=services,
            packages=self._packages(seed, kind),
            sysctls=({"net.ipv4.ip_nonlocal_bind": "1"} if "load_balancer" in seed.roles else {}),
        )

    def _services(self, seed: NodeSeed, kind: str | None) -> tuple[str, ...]:
        out: list[str] = []
        if kind == "full":
            out += ["corosync", "pacemaker"]
        elif kind == "remote":
            out.append("pacemaker_remote")
        if kind is not None and self.fence is not None:
            out += self.fence.node_services
        if "load_balancer" in seed.roles:
            out.append("haproxy")
            if self.spec.load_balancers.vip_manager == "keepalived":
                out.append("keepalived")
        if "database" in seed.roles:
            out += ["mariadb", "clustercheck"]
        if self.arbitrator is not None and seed.hostname == self.arbitrator.hostname:
            out.append("garbd")
        if "broker" in seed.roles:
            out.append("rabbitmq")
        if "controller" in seed.roles:
            out.append("openstack_api")
        return tuple(out)

    def _packages(self, seed: NodeSeed, kind: str | None) -> tuple[str, ...]:
        pkgs = self.os.packages
        out: set[str] = set(pkgs.base)
        if kind == "full":
            out.update(pkgs.pacemaker)
        elif kind == "remote":
            out.update(pkgs.pacemaker_remote)
        if kind is not None and self.fence is not None:
            out.update(self.fence.packages(self.os))
        if "load_balancer" in seed.roles:
            out.update(pkgs.haproxy)
            if self.spec.load_balancers.vip_manager == "keepalived":
                out.update(pkgs.keepalived)
        if "database" in seed.roles:
            out.update(pkgs.galera)
            out.update(pkgs.galera_sst[self.spec.database.sst_method])
        if self.arbitrator is not None and seed.hostname == self.arbitrator.hostname:
            out.update(pkgs.galera_arbitrator)
        if "broker" in seed.roles:
            out.update(pkgs.rabbitmq)
        if "controller" in seed.roles:
            for service in api_services():
                out.update(service.packages)
        return tuple(sorted(out))

    # ------------------------------------------------------------ VIPs

    def _vip_manager(self, vip: VipName) -> str:
        if vip == "broker":
            return "pacemaker"
        return self.spec.load_balancers.vip_manager

    def _vip_cluster(self, vip: VipName) -> str | None:
        if self._vip_manager(vip) != "pacemaker":
            return None
        holder = vip_holder(self.spec, vip)
        for cluster in self.cluster_seeds:
            if cluster.group == holder:
                return cluster.name
        return None

    def _vips(self) -> tuple[PlanVip, ...]:
        out = []
        for vip, (network, address) in self.vip_addrs.items():
            holder = vip_holder(self.spec, vip)
            manager = self._vip_manager(vip)
            out.append(
                PlanVip(
                    name=vip,
                    network=network,
                    address=address,
                    prefix_length=self._net(network)[1],
                    given=self.spec.vips.get(vip).address is not None,
                    holder_group=holder,
                    manager="keepalived" if manager == "keepalived" else "pacemaker",
                    cluster=self._vip_cluster(vip),
                    candidates=tuple(m.hostname for m in self._members(holder)),
                    resource_id=f"vip-{vip}",
                )
            )
        return tuple(out)
