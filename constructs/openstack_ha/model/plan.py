"""The derived plan: every fact the renderers, constructs and platforms need.

A ``Plan`` is what ``derive_plan(spec)`` returns: frozen, JSON-able with a
stable order (``plan.model_dump(mode="json")``), and complete, so the
layers after it never re-derive an address, a port or a membership.

Conventions:
- hostnames are ``<prefix><index>``; ``platform_name`` (``<lab>-<hostname>``)
  names the libvirt domain / OpenStack server and its disks and ports;
- every sequence is ordered: networks in NETWORK_ORDER, nodes in GROUP_ORDER
  then index, cluster members by nodeid, VIPs public/internal/database/broker;
- no secret values: ``secrets`` lists what must be generated, by name.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network
from typing import Literal

from pydantic import Field

from openstack_ha.model.base import Frozen
from openstack_ha.model.groups import BrokerMode, GroupName, Role, SstMethod, VipManager
from openstack_ha.model.ha import FenceAgent, Platform
from openstack_ha.model.networks import NetworkName, TenantNetworkType
from openstack_ha.model.os_families import OsFamily
from openstack_ha.model.vips import VipName

__all__ = [
    "PLAN_SCHEMA_VERSION",
    "Clone",
    "ClusterMember",
    "Colocation",
    "FenceDevice",
    "FencingPlan",
    "GaleraArbitrator",
    "GaleraMember",
    "GaleraPlan",
    "GroupPlan",
    "HaproxyBind",
    "HaproxyListener",
    "HaproxyPlan",
    "HaproxyServer",
    "HostEntry",
    "KeepalivedInstance",
    "KeepalivedPeer",
    "KeepalivedPlan",
    "KnetLink",
    "LibvirtPlan",
    "LinkAddress",
    "Location",
    "Node",
    "NodeAddress",
    "Op",
    "OpenStackPlan",
    "Order",
    "PacemakerCluster",
    "Plan",
    "PlanNetwork",
    "PlanVip",
    "PlanWarning",
    "PortRule",
    "Primitive",
    "Quorum",
    "RabbitmqMember",
    "RabbitmqPlan",
    "SbdPlan",
    "SecretNeed",
]

# Bumped whenever a field changes meaning or disappears (additions keep it).
PLAN_SCHEMA_VERSION = 2


# ---------------------------------------------------------------- networks and nodes


class PlanNetwork(Frozen):
    name: NetworkName
    platform_name: str = Field(description="libvirt network / Neutron network name.")
    cidr: IPv4Network
    prefix_length: int
    gateway: IPv4Address
    vlan_id: int | None
    dhcp_start: IPv4Address
    dhcp_end: IPv4Address
    network_type: TenantNetworkType | None = Field(
        description="Neutron tenant network type; set on the tenant network only."
    )
    nat: bool = Field(
        description=(
            "True for networks with a route out (management and external: libvirt NAT, "
            "an OpenStack router); storage, tenant and storage_management are isolated."
        )
    )


class NodeAddress(Frozen):
    network: NetworkName
    address: IPv4Address
    prefix_length: int
    mac: str = Field(
        description=(
            "52:54:00:<network index>:<offset high>:<offset low>: unique per lab, stable, "
            "used to match interfaces in the guest's network config."
        )
    )
    nic_index: int = Field(description="Position of this NIC on the VM (0-based).")


class Node(Frozen):
    hostname: str
    fqdn: str
    platform_name: str = Field(description="<lab>-<hostname>: libvirt domain / Nova server name.")
    group: GroupName
    index: int = Field(description="1-based index inside its group.")
    roles: tuple[Role, ...]
    addresses: tuple[NodeAddress, ...]
    vcpus: int
    memory_mib: int
    disk_gib: int
    hypervisor_uri: str | None = Field(description="libvirt only: the host it runs on.")
    availability_zone: str | None = Field(description="OpenStack only, when zones are given.")
    flavor: str | None = Field(description="OpenStack only.")
    cluster: str | None = Field(description="Name of the Pacemaker cluster it belongs to.")
    pacemaker_role: Literal["full", "remote"] | None
    corosync_nodeid: int | None = Field(description="Full members only.")
    services: tuple[str, ...] = Field(
        description=(
            "What the node runs (systemd-level): corosync, pacemaker, pacemaker_remote, sbd, "
            "haproxy, keepalived, mariadb, clustercheck, garbd, rabbitmq, openstack_api."
        )
    )
    packages: tuple[str, ...] = Field(description="OS packages to install, sorted.")
    sysctls: dict[str, str] = Field(
        description="Kernel settings, e.g. net.ipv4.ip_nonlocal_bind=1 where VIPs may land."
    )

    def address_on(self, network: NetworkName) -> IPv4Address | None:
        for entry in self.addresses:
            if entry.network == network:
                return entry.address
        return None


class GroupPlan(Frozen):
    name: GroupName
    roles: tuple[Role, ...]
    hostname_prefix: str
    count: int
    members: tuple[str, ...]
    networks: tuple[NetworkName, ...]
    vcpus: int
    memory_mib: int
    disk_gib: int
    flavor: str | None = Field(description="OpenStack only.")


class PlanVip(Frozen):
    name: VipName
    network: NetworkName
    address: IPv4Address
    prefix_length: int
    given: bool = Field(description="True when the lab gave the address, False when derived.")
    holder_group: GroupName
    manager: VipManager
    cluster: str | None = Field(description="The Pacemaker cluster moving it (pacemaker manager).")
    candidates: tuple[str, ...] = Field(
        description=(
            "Hostnames that may hold the VIP: on OpenStack, their ports on the VIP's network "
            "list it in allowed_address_pairs."
        )
    )
    resource_id: str = Field(description="Id of its IPaddr2 primitive / keepalived instance.")


# ---------------------------------------------------------------- Pacemaker / Corosync


class KnetLink(Frozen):
    linknumber: int
    network: NetworkName
    port: int = Field(description="UDP 5405 + linknumber.")


class LinkAddress(Frozen):
    linknumber: int
    network: NetworkName
    address: IPv4Address


class ClusterMember(Frozen):
    hostname: str
    kind: Literal["full", "remote"]
    nodeid: int | None = Field(description="Corosync nodeid (1-based); None for remote nodes.")
    management_address: IPv4Address
    link_addresses: tuple[LinkAddress, ...] = Field(
        description="ringN_addr per knet link (full members; empty for remote nodes)."
    )


class Quorum(Frozen):
    """votequorum facts of the full members (remote nodes do not vote)."""

    expected_votes: int
    quorum_votes: int = Field(description="floor(N/2)+1.")
    two_node: bool = Field(description="Only for exactly 2 full members.")
    wait_for_all: bool = Field(description="Implied by two_node.")


class Op(Frozen):
    name: str
    interval_s: int
    timeout_s: int
    role: Literal["Promoted", "Unpromoted"] | None = None


class Primitive(Frozen):
    id: str
    agent_class: Literal["ocf", "stonith", "service", "systemd", "lsb"]
    provider: str | None
    agent_type: str
    params: dict[str, str]
    meta: dict[str, str]
    ops: tuple[Op, ...]

    @property
    def agent(self) -> str:
        """``class:provider:type`` as crmsh writes it."""
        parts = [self.agent_class, self.provider, self.agent_type]
        return ":".join(p for p in parts if p)


class Clone(Frozen):
    id: str
    child: str = Field(description="Id of the cloned primitive (listed in primitives).")
    promotable: bool
    meta: dict[str, str]


class Colocation(Frozen):
    id: str
    rsc: str
    with_rsc: str
    score: str
    rsc_role: str | None = None
    with_rsc_role: str | None = None


class Order(Frozen):
    id: str
    first: str
    then: str
    kind: Literal["Mandatory", "Optional", "Serialize"]
    first_action: str = "start"
    then_action: str = "start"


class Location(Frozen):
    id: str
    rsc: str
    node: str
    score: str


class FenceDevice(Frozen):
    """One stonith device per target node (so a 2-node cluster can delay exactly one)."""

    id: str
    agent: FenceAgent
    target: str = Field(description="Hostname this device fences.")
    plug: str = Field(
        description=(
            "What the agent calls the target: libvirt domain name (fence_xvm, fence_virsh), "
            "the node name in its SBD slot (sbd), or the Nova server NAME (fence_openstack, "
            "which needs the server UUID: the bootstrap resolves the name with the fence "
            "credential, since a server's user data cannot contain its own id)."
        )
    )
    delay_max_s: int | None = Field(
        description="pcmk_delay_max, set on one device per 2-node cluster."
    )
    primitive: Primitive


class SbdPlan(Frozen):
    """SBD of one cluster: a shareable raw disk attached to every member, and a watchdog."""

    disk_name: str = Field(description="Volume name (<lab>-<cluster>-sbd).")
    disk_mib: int
    disk_serial: str = Field(description="Serial given to the disk, so the guest path is stable.")
    device_path: str = Field(description="/dev/disk/by-id/virtio-<serial> inside the guests.")
    watchdog_model: str = Field(description="Emulated watchdog device model (i6300esb).")
    watchdog_device: str
    watchdog_timeout_s: int
    msgwait_s: int


class PacemakerCluster(Frozen):
    name: str
    group: GroupName
    duties: tuple[str, ...] = Field(description="vips, haproxy, galera, broker.")
    members: tuple[ClusterMember, ...]
    transport: Literal["knet"]
    crypto_cipher: str
    crypto_hash: str
    token_timeout_ms: int
    links: tuple[KnetLink, ...]
    quorum: Quorum
    properties: dict[str, str] = Field(description="crm_config cluster properties.")
    resource_defaults: dict[str, str]
    fencing_agent: FenceAgent
    fence_devices: tuple[FenceDevice, ...]
    sbd: SbdPlan | None
    vips: tuple[VipName, ...]
    primitives: tuple[Primitive, ...] = Field(
        description="Every non-fence primitive, clone children included, in start order."
    )
    clones: tuple[Clone, ...]
    colocations: tuple[Colocation, ...]
    orders: tuple[Order, ...]
    locations: tuple[Location, ...]

    def full_members(self) -> tuple[ClusterMember, ...]:
        return tuple(m for m in self.members if m.kind == "full")


# ---------------------------------------------------------------- services


class HaproxyServer(Frozen):
    name: str
    address: IPv4Address
    port: int
    backup: bool


class HaproxyBind(Frozen):
    vip: VipName
    address: IPv4Address
    port: int
    tls: bool


class HaproxyListener(Frozen):
    name: str
    mode: Literal["http", "tcp"]
    binds: tuple[HaproxyBind, ...]
    servers: tuple[HaproxyServer, ...]
    balance: str
    check: Literal["tcp", "http"]
    check_port: int | None = Field(description="Port of the health check when not the server's.")
    http_check: str | None = Field(description="`option httpchk` request line, if any.")
    stick_on_dst: bool = Field(description="stick-table + `stick on dst` (Galera's one writer).")
    timeout_client: str | None
    timeout_server: str | None
    redirect_to_https: bool


class HaproxyPlan(Frozen):
    nodes: tuple[str, ...]
    config_path: str
    maxconn_global: int
    maxconn_defaults: int
    open_files_limit: int = Field(description="LimitNOFILE: 2 x maxconn_global + headroom.")
    tls: bool
    tls_certificate_path: str | None
    stats_port: int
    listeners: tuple[HaproxyListener, ...]
    managed_by: Literal["pacemaker", "systemd"] = Field(
        description="pacemaker: an HAProxy clone in the CIB; systemd: enabled unit (keepalived)."
    )


class GaleraMember(Frozen):
    hostname: str
    address: IPv4Address


class GaleraArbitrator(Frozen):
    hostname: str
    address: IPv4Address
    config_path: str


class GaleraPlan(Frozen):
    cluster_name: str
    members: tuple[GaleraMember, ...]
    network: NetworkName
    wsrep_cluster_address: str = Field(description="gcomm:// list of member addresses.")
    sst_method: SstMethod
    gcache_size_mib: int
    max_connections: int
    open_files_limit: int
    port: int
    replication_port: int
    ist_port: int
    sst_port: int
    clustercheck_port: int
    provider_path: str
    config_path: str
    datadir: str
    arbitrator: GaleraArbitrator | None


class RabbitmqMember(Frozen):
    hostname: str
    address: IPv4Address


class RabbitmqPlan(Frozen):
    mode: BrokerMode
    members: tuple[RabbitmqMember, ...]
    network: NetworkName
    cluster_partition_handling: Literal["pause_minority", "ignore"] = Field(
        description="pause_minority when clustered; ignore for the standalone A/P brokers."
    )
    queue_type: Literal["quorum", "classic"]
    amqp_port: int
    dist_port: int
    management_port: int
    vip: IPv4Address | None = Field(description="Broker VIP (active-passive only).")
    transport_hosts: tuple[str, ...] = Field(
        description=(
            "host:port entries clients put in transport_url: every broker when clustered, "
            "the VIP in active-passive mode."
        )
    )
    open_files_limit: int
    config_path: str
    env_path: str
    cookie_path: str


class KeepalivedPeer(Frozen):
    hostname: str
    priority: int
    address: IPv4Address


class KeepalivedInstance(Frozen):
    """One VRRP instance per VIP network: the VIPs of a network move together."""

    name: str = Field(description="vips-<network>.")
    network: NetworkName
    vips: tuple[VipName, ...]
    addresses: tuple[str, ...] = Field(description="address/prefix of each VIP, in vips order.")
    virtual_router_id: int
    advert_int_s: int
    peers: tuple[KeepalivedPeer, ...] = Field(
        description="Unicast peers, highest priority first (no multicast needed on OpenStack)."
    )


class KeepalivedPlan(Frozen):
    nodes: tuple[str, ...]
    config_path: str
    instances: tuple[KeepalivedInstance, ...]


# ---------------------------------------------------------------- fencing and platforms


class FencingPlan(Frozen):
    agent: FenceAgent
    enabled: bool
    delay_max_s: int
    xvm_multicast_address: IPv4Address | None
    xvm_port: int | None
    xvm_key_path: str | None
    virsh_host: IPv4Address | None
    virsh_user: str | None
    virsh_identity_file: str | None
    openstack_cloud: str | None
    openstack_clouds_yaml: str | None


class LibvirtPlan(Frozen):
    hypervisor_uris: tuple[str, ...]
    storage_pool: str
    base_image: str


class OpenStackPlan(Frozen):
    image_name: str
    external_network: str
    region: str | None
    availability_zones: tuple[str, ...]


# ---------------------------------------------------------------- cross-cutting tables


class PortRule(Frozen):
    """``source`` talks to ``target`` on ``network``: an ingress rule on the target.

    ``source``/``target`` are group names, or: ``network`` (any address of the
    rule's network, e.g. operators, compute nodes, API clients), ``hypervisor``
    (the libvirt host at the management gateway).
    """

    source: str
    target: str
    protocol: Literal["tcp", "udp", "vrrp"]
    port_min: int | None = Field(description="None for vrrp (IP protocol 112).")
    port_max: int | None
    network: NetworkName
    purpose: str


class HostEntry(Frozen):
    """An /etc/hosts line (management addresses): Corosync, Galera and RabbitMQ use names."""

    address: IPv4Address
    names: tuple[str, ...]


class SecretNeed(Frozen):
    """A secret the platform must create (random_* resource) or take from a variable."""

    name: str
    kind: Literal["password", "bytes", "variable"]
    length: int | None = Field(description="Characters (password) or bytes (bytes).")
    purpose: str


class PlanWarning(Frozen):
    """Something legal but dangerous: every render and synth prints ``str(warning)``."""

    code: str
    loc: str
    message: str

    def __str__(self) -> str:
        return f"warning: {self.loc}: {self.message}"


# ---------------------------------------------------------------- the plan


class Plan(Frozen):
    schema_version: int
    lab: str
    domain: str
    platform: Platform
    layout: Literal["dedicated", "collapsed"]
    os_family: str
    os: OsFamily
    networks: tuple[PlanNetwork, ...]
    groups: tuple[GroupPlan, ...]
    nodes: tuple[Node, ...]
    vips: tuple[PlanVip, ...]
    clusters: tuple[PacemakerCluster, ...]
    fencing: FencingPlan
    haproxy: HaproxyPlan
    keepalived: KeepalivedPlan | None
    galera: GaleraPlan
    rabbitmq: RabbitmqPlan
    libvirt: LibvirtPlan | None
    openstack: OpenStackPlan | None
    hosts: tuple[HostEntry, ...]
    port_matrix: tuple[PortRule, ...]
    secrets: tuple[SecretNeed, ...]
    warnings: tuple[PlanWarning, ...] = Field(
        description="Every render and synth must print these (e.g. fencing switched off)."
    )

    def node(self, hostname: str) -> Node:
        for node in self.nodes:
            if node.hostname == hostname:
                return node
        raise KeyError(f"plan has no node {hostname!r}; nodes: {[n.hostname for n in self.nodes]}")

    def nodes_of(self, group: GroupName) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if n.group == group)

    def cluster(self, name: str) -> PacemakerCluster:
        for cluster in self.clusters:
            if cluster.name == name:
                return cluster
        raise KeyError(f"plan has no cluster {name!r}; clusters: {[c.name for c in self.clusters]}")

    def network(self, name: NetworkName) -> PlanNetwork:
        for network in self.networks:
            if network.name == name:
                return network
        raise KeyError(f"plan has no network {name!r}")

    def vip(self, name: VipName) -> PlanVip:
        for vip in self.vips:
            if vip.name == name:
                return vip
        raise KeyError(f"plan has no {name!r} VIP; VIPs: {[v.name for v in self.vips]}")
