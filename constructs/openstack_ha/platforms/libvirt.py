"""libvirt adapter (dmacvicar/libvirt 0.8.3): a lab on one hypervisor or several.

One provider per hypervisor URI (aliases ``host1``.. when there are several).
Each segregated network is a ``libvirt_network`` on every host: NAT for
management and external (the nodes install packages through it), isolated
otherwise. With several hosts the networks are bridges the operator joins
across hosts (VLAN trunk or VXLAN) before applying: libvirt cannot span hosts
by itself. Nodes get fixed addresses from cloud-init network-config matched
by MAC, so DHCP only serves what else is attached; its range is the plan's
allocation range, which leaves the node addresses and VIPs out.
"""

from __future__ import annotations

from collections.abc import Mapping
from ipaddress import IPv4Address

import yaml

from openstack_ha.model.connections import Connections
from openstack_ha.model.plan import GroupPlan, Node, PacemakerCluster, Plan, PlanNetwork
from openstack_ha.platforms.base import (
    USER_DATA_IS_FIRST_BOOT_ONLY,
    GroupHandle,
    NetworkHandle,
    NodeHandle,
    Platform,
    register_adapter,
)
from tfbindgen.engine import Construct
from tfproviders.libvirt.cloudinit_disk import CloudinitDisk
from tfproviders.libvirt.domain import (
    Domain,
    DomainConsole,
    DomainDisk,
    DomainNetworkInterface,
    DomainXml,
)
from tfproviders.libvirt.network import Network, NetworkDhcp, NetworkDns, NetworkXml
from tfproviders.libvirt.provider import LibvirtProvider
from tfproviders.libvirt.volume import Volume

GIB = 1024**3
MIB = 1024**2

# Guest interface names set by network-config (≤ 15 characters).
INTERFACE_NAMES = {
    "management": "mgmt",
    "storage": "storage",
    "storage_management": "stmgmt",
    "tenant": "tenant",
    "external": "external",
}


def interface_name(network: str) -> str:
    return INTERFACE_NAMES.get(network, network[:15])


def _stylesheet(*templates: str) -> str:
    """An XSLT stylesheet copying the document except where ``templates`` match."""
    return (
        '<?xml version="1.0"?>\n'
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
        '  <xsl:output omit-xml-declaration="yes" indent="yes"/>\n'
        '  <xsl:template match="node()|@*">\n'
        '    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>\n'
        "  </xsl:template>\n" + "".join(templates) + "</xsl:stylesheet>\n"
    )


def dhcp_range_xslt(start: IPv4Address, end: IPv4Address) -> str:
    """Narrow the DHCP range libvirt would give (the whole subnet) to the plan's.

    The 0.8.3 provider has no range argument; its ``xml.xslt`` hook edits the
    network XML before libvirt sees it.
    """
    return _stylesheet(
        '  <xsl:template match="/network/ip/dhcp/range">\n'
        f'    <range start="{start}" end="{end}"/>\n'
        "  </xsl:template>\n"
    )


def sbd_domain_xslt(cluster: PacemakerCluster) -> str:
    """Make the SBD volume a shareable disk with a stable serial, and add the watchdog.

    SBD needs every member to see the same raw disk at a stable path
    (``/dev/disk/by-id/virtio-<serial>``) and a watchdog that resets the
    guest; 0.8.3 has no arguments for either.
    """
    assert cluster.sbd is not None
    sbd = cluster.sbd
    return _stylesheet(
        f"  <xsl:template match=\"/domain/devices/disk[source[contains(@file, '{sbd.disk_name}')"
        f" or @volume='{sbd.disk_name}']]\">\n"
        "    <xsl:copy>\n"
        '      <xsl:apply-templates select="node()|@*"/>\n'
        "      <shareable/>\n"
        f"      <serial>{sbd.disk_serial}</serial>\n"
        "    </xsl:copy>\n"
        "  </xsl:template>\n",
        '  <xsl:template match="/domain/devices">\n'
        "    <xsl:copy>\n"
        '      <xsl:apply-templates select="node()|@*"/>\n'
        f'      <watchdog model="{sbd.watchdog_model}" action="reset"/>\n'
        "    </xsl:copy>\n"
        "  </xsl:template>\n",
    )


def network_config(plan: Plan, node: Node) -> str:
    """cloud-init network-config v2: every NIC by MAC, fixed address, route via management."""
    ethernets: dict[str, object] = {}
    management = plan.network("management")
    for address in sorted(node.addresses, key=lambda a: a.nic_index):
        entry: dict[str, object] = {
            "match": {"macaddress": address.mac},
            "set-name": interface_name(address.network),
            "addresses": [f"{address.address}/{address.prefix_length}"],
        }
        if address.network == "management":
            entry["routes"] = [{"to": "default", "via": str(management.gateway)}]
            entry["nameservers"] = {
                "addresses": [str(management.gateway)],
                "search": [plan.domain],
            }
        ethernets[interface_name(address.network)] = entry
    return yaml.safe_dump({"version": 2, "ethernets": ethernets}, sort_keys=True)


def meta_data(node: Node) -> str:
    return yaml.safe_dump(
        {"instance-id": node.platform_name, "local-hostname": node.hostname}, sort_keys=True
    )


@register_adapter
class LibvirtPlatform(Platform):
    """Builds a lab on libvirt hypervisors; one instance serves one cloud."""

    name = "libvirt"

    def __init__(self) -> None:
        self._providers: dict[str, LibvirtProvider | None] = {}
        self._base_images: dict[str, Volume] = {}
        self._sbd_disks: dict[str, Volume] = {}

    def _host_ids(self, plan: Plan) -> dict[str, str]:
        assert plan.libvirt is not None
        uris = plan.libvirt.hypervisor_uris
        if len(uris) == 1:
            return {uris[0]: "host"}
        return {uri: f"host{index}" for index, uri in enumerate(uris, start=1)}

    def bind(self, scope: Construct, plan: Plan) -> None:
        assert plan.libvirt is not None, "the libvirt platform needs the plan's libvirt settings"
        hosts = self._host_ids(plan)
        for uri, host in hosts.items():
            alias = host if len(hosts) > 1 else None
            provider_id = "libvirt" if alias is None else f"libvirt-{host}"
            provider = LibvirtProvider(scope, provider_id, uri=uri, alias=alias)
            # Only aliased providers are named on resources: Terraform warns
            # on the quoted reference the engine writes for `provider`.
            self._providers[uri] = provider if alias else None
            self._base_images[uri] = Volume(
                scope,
                f"base-image-{host}",
                name=f"{plan.lab}-base.qcow2",
                pool=plan.libvirt.storage_pool,
                source=plan.libvirt.base_image,
                format="qcow2",
                provider=self._providers[uri],
            )

    def network(self, scope: Construct, plan: Plan, network: PlanNetwork) -> NetworkHandle:
        hosts = self._host_ids(plan)
        spans_hosts = len(hosts) > 1
        ids: dict[str, str] = {}
        resources: list[Construct] = []
        for uri, host in hosts.items():
            suffix = "" if not spans_hosts else f"-{host}"
            resource = Network(
                scope,
                f"{network.name}{suffix}",
                name=network.platform_name,
                mode="bridge" if spans_hosts else ("nat" if network.nat else "none"),
                bridge=f"br-{interface_name(network.name)}" if spans_hosts else None,
                addresses=None if spans_hosts else [str(network.cidr)],
                domain=plan.domain if network.name == "management" and not spans_hosts else None,
                autostart=True,
                dhcp=None if spans_hosts else [NetworkDhcp(enabled=True)],
                dns=(
                    [NetworkDns(enabled=True, local_only=True)]
                    if network.name == "management" and not spans_hosts
                    else None
                ),
                xml=(
                    None
                    if spans_hosts
                    else [NetworkXml(xslt=dhcp_range_xslt(network.dhcp_start, network.dhcp_end))]
                ),
                provider=self._providers[uri],
            )
            ids[uri] = resource.id
            resources.append(resource)
        return NetworkHandle(plan=network, ids=ids, resources=tuple(resources))

    def vips(
        self, scope: Construct, plan: Plan, networks: Mapping[str, NetworkHandle]
    ) -> Mapping[str, Construct]:
        # Nothing to reserve: VIPs sit outside the DHCP range and no node has them.
        del scope, plan, networks
        return {}

    def group(
        self,
        scope: Construct,
        plan: Plan,
        *,
        group: GroupPlan,
        connections: Connections,
        networks: Mapping[str, NetworkHandle],
    ) -> GroupHandle:
        # Isolated networks carry only the lab's own traffic: no firewall
        # resource in 0.8.3 to turn ``connections`` into.
        del connections, networks
        resources: dict[str, Construct] = {}
        for cluster in plan.clusters:
            if cluster.group != group.name or cluster.sbd is None:
                continue
            first = plan.node(cluster.members[0].hostname)
            assert plan.libvirt is not None
            assert first.hypervisor_uri is not None
            disk = Volume(
                scope,
                "sbd-disk",
                name=cluster.sbd.disk_name,
                pool=plan.libvirt.storage_pool,
                size=cluster.sbd.disk_mib * MIB,
                format="raw",
                provider=self._providers[first.hypervisor_uri],
            )
            self._sbd_disks[cluster.name] = disk
            resources["sbd-disk"] = disk
        return GroupHandle(name=group.name, resources=resources)

    def node(
        self,
        scope: Construct,
        plan: Plan,
        *,
        node: Node,
        user_data: str,
        group: GroupHandle,
        networks: Mapping[str, NetworkHandle],
    ) -> NodeHandle:
        assert plan.libvirt is not None
        assert node.hypervisor_uri is not None
        uri = node.hypervisor_uri
        provider = self._providers[uri]
        pool = plan.libvirt.storage_pool
        volume = Volume(
            scope,
            "volume",
            name=f"{node.platform_name}.qcow2",
            pool=pool,
            base_volume_id=self._base_images[uri].id,
            size=node.disk_gib * GIB,
            format="qcow2",
            provider=provider,
        )
        seed = CloudinitDisk(
            scope,
            "cloudinit",
            name=f"{node.platform_name}-cloudinit.iso",
            pool=pool,
            user_data=user_data,
            meta_data=meta_data(node),
            network_config=network_config(plan, node),
            provider=provider,
            lifecycle=USER_DATA_IS_FIRST_BOOT_ONLY,
        )
        disks = [DomainDisk(volume_id=volume.id)]
        xml = None
        cluster = plan.cluster(node.cluster) if node.cluster else None
        if cluster is not None and cluster.sbd is not None and node.pacemaker_role == "full":
            disks.append(DomainDisk(volume_id=self._sbd_disks[cluster.name].id))
            xml = [DomainXml(xslt=sbd_domain_xslt(cluster))]
        interfaces = [
            DomainNetworkInterface(
                network_id=networks[address.network].ids[uri],
                mac=address.mac,
                wait_for_lease=False,
            )
            for address in sorted(node.addresses, key=lambda a: a.nic_index)
        ]
        domain = Domain(
            scope,
            "domain",
            name=node.platform_name,
            vcpu=node.vcpus,
            memory=node.memory_mib,
            autostart=True,
            cloudinit=seed.id,
            disk=disks,
            network_interface=interfaces,
            console=[DomainConsole(type="pty", target_port="0", target_type="serial")],
            qemu_agent=False,
            xml=xml,
            provider=provider,
        )
        return NodeHandle(node=node, server=domain, resources={"volume": volume, "cloudinit": seed})
