"""``derive_plan(spec) -> Plan``: pure and deterministic.

Same spec, same plan, byte for byte once dumped: every sequence is built in
a fixed order (networks in NETWORK_ORDER, nodes in GROUP_ORDER then index,
the port matrix sorted), nothing iterates a set or depends on hashing.
"""

from __future__ import annotations

from ipaddress import IPv4Address
from typing import Any, Literal

from openstack_ha.model.errors import LabError, Problem
from openstack_ha.model.fencing import fence_agent
from openstack_ha.model.groups import GROUP_ORDER, GroupName
from openstack_ha.model.ha import FenceAgent
from openstack_ha.model.networks import (
    NETWORK_ORDER,
    NetworkName,
    address_at,
    dhcp_bounds,
    gateway_of,
)
from openstack_ha.model.plan import (
    PLAN_SCHEMA_VERSION,
    Clone,
    ClusterMember,
    Colocation,
    FenceDevice,
    FencingPlan,
    GaleraArbitrator,
    GaleraMember,
    GaleraPlan,
    GroupPlan,
    HaproxyBind,
    HaproxyListener,
    HaproxyPlan,
    HaproxyServer,
    HostEntry,
    KeepalivedInstance,
    KeepalivedPeer,
    KeepalivedPlan,
    KnetLink,
    LinkAddress,
    Location,
    Node,
    NodeAddress,
    Op,
    Order,
    PacemakerCluster,
    Plan,
    PlanNetwork,
    PlanVip,
    PlanWarning,
    PortRule,
    Primitive,
    Quorum,
    RabbitmqMember,
    RabbitmqPlan,
    SecretNeed,
)
from openstack_ha.model.platforms import PLATFORM_PROFILES, platform_profile
from openstack_ha.model.registry import api_services
from openstack_ha.model.rules import check_rules
from openstack_ha.model.services import (
    AMQP,
    CLUSTERCHECK,
    COROSYNC_EXTRA,
    EPMD,
    GALERA_IST,
    GALERA_REPLICATION,
    GALERA_SST,
    MYSQL,
    PACEMAKER_REMOTE,
    PCSD,
    RABBITMQ_CLI,
    RABBITMQ_DIST,
    RABBITMQ_MANAGEMENT,
    SSH,
    corosync_port,
)
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import (
    ClusterSeed,
    NodeSeed,
    arbitrator_host,
    cluster_seeds,
    group_count,
    groups_in_use,
    node_seeds,
    vip_addresses,
    vip_holder,
)
from openstack_ha.model.vips import VipName

__all__ = ["derive_plan", "plan_invariant_problems"]

# The FencingPlan facts an agent may fill (FenceAgentModule.fencing_plan).
_FENCING_FACTS = (
    "xvm_multicast_address",
    "xvm_port",
    "xvm_key_path",
    "virsh_host",
    "virsh_user",
    "virsh_identity_file",
    "openstack_cloud",
    "openstack_clouds_yaml",
)

_PACEMAKER_VIPS: tuple[VipName, ...] = ("public", "internal", "database")
Protocol = Literal["tcp", "udp", "vrrp"]
_KEEPALIVED_VRID_BASE = 51
_GALERA_CONFIG_FILE = "99-openstack-ha-galera.cnf"
_TLS_CERTIFICATE = "/etc/haproxy/tls/public.pem"


def derive_plan(spec: LabSpec) -> Plan:
    """The full plan of a valid lab; raises ``LabError`` if the rules find a problem."""
    problems = check_rules(spec)
    if problems:
        raise LabError(problems)
    plan = _Builder(spec).build()
    broken = plan_invariant_problems(plan)
    if broken:
        raise LabError(broken)
    return plan


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


class _Builder:
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

    # ------------------------------------------------------------ build

    def build(self) -> Plan:
        spec = self.spec
        clusters = tuple(self._cluster(c) for c in self.cluster_seeds)
        nodes = tuple(self._node(s) for s in self.seeds)
        return Plan(
            schema_version=PLAN_SCHEMA_VERSION,
            lab=spec.name,
            domain=spec.resolved_domain,
            platform=spec.platform,
            layout=spec.layout,
            os_family=spec.os_family,
            os=self.os,
            networks=self._networks(),
            groups=self._groups(),
            nodes=nodes,
            vips=self._vips(),
            clusters=clusters,
            fencing=self._fencing(),
            haproxy=self._haproxy(),
            keepalived=self._keepalived(),
            galera=self._galera(),
            rabbitmq=self._rabbitmq(),
            **self._platform_sections(),
            hosts=tuple(
                HostEntry(
                    address=self._addr(s, "management"),
                    names=(f"{s.hostname}.{spec.resolved_domain}", s.hostname),
                )
                for s in self.seeds
            ),
            port_matrix=self._port_matrix(),
            secrets=self._secrets(),
            warnings=self._warnings(),
        )

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

    def _flavor(self, group: GroupName) -> str | None:
        return self.profile.flavor(self.spec, group)

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

    # ------------------------------------------------------------ Pacemaker clusters

    def _cluster(self, seed: ClusterSeed) -> PacemakerCluster:
        spec = self.spec
        links = tuple(
            KnetLink(linknumber=i, network=net, port=corosync_port(i))
            for i, net in enumerate(spec.corosync.links)
        )
        members: list[ClusterMember] = []
        for member in seed.members:
            _, kind, nodeid = self.membership[member.hostname]
            link_addresses = (
                tuple(
                    LinkAddress(
                        linknumber=link.linknumber,
                        network=link.network,
                        address=self._addr(member, link.network),
                    )
                    for link in links
                )
                if kind == "full"
                else ()
            )
            members.append(
                ClusterMember(
                    hostname=member.hostname,
                    kind="full" if kind == "full" else "remote",
                    nodeid=nodeid,
                    management_address=self._addr(member, "management"),
                    link_addresses=link_addresses,
                )
            )
        full = sum(1 for m in members if m.kind == "full")
        two_node = full == 2
        quorum = Quorum(
            expected_votes=full,
            quorum_votes=full // 2 + 1,
            two_node=two_node,
            wait_for_all=two_node,
        )
        fencing_on = self.agent != "none"
        properties = _kv(
            **{
                "cluster-name": seed.name,
                "stonith-enabled": "true" if fencing_on else "false",
                "no-quorum-policy": spec.pacemaker.no_quorum_policy,
            }
        )
        vips: list[VipName] = []
        if "vips" in seed.duties:
            vips += list(_PACEMAKER_VIPS)
        if "broker" in seed.duties:
            vips.append("broker")
        primitives: list[Primitive] = []
        clones: list[Clone] = []
        colocations: list[Colocation] = []
        orders: list[Order] = []
        for vip in vips:
            primitives.append(self._ipaddr2(vip))
        if "haproxy" in seed.duties:
            primitives.append(
                Primitive(
                    id="haproxy",
                    agent_class="service",
                    provider=None,
                    agent_type=self.os.services.haproxy,
                    params={},
                    meta={},
                    ops=(
                        Op(name="start", interval_s=0, timeout_s=60),
                        Op(name="stop", interval_s=0, timeout_s=60),
                        Op(name="monitor", interval_s=10, timeout_s=20),
                    ),
                )
            )
            clones.append(
                Clone(
                    id="haproxy-clone",
                    child="haproxy",
                    promotable=False,
                    meta={"interleave": "true"},
                )
            )
            # TripleO's pattern: the VIP goes only where HAProxy runs, and an
            # Optional order so moving a VIP never restarts HAProxy elsewhere.
            for vip in _PACEMAKER_VIPS:
                colocations.append(
                    Colocation(
                        id=f"colocation-vip-{vip}-with-haproxy",
                        rsc=f"vip-{vip}",
                        with_rsc="haproxy-clone",
                        score="INFINITY",
                    )
                )
                orders.append(
                    Order(
                        id=f"order-vip-{vip}-then-haproxy",
                        first=f"vip-{vip}",
                        then="haproxy-clone",
                        kind="Optional",
                    )
                )
        if "galera" in seed.duties:
            galera_members = self._members(self.db)
            paths = self.os.paths
            primitives.append(
                Primitive(
                    id="galera",
                    agent_class="ocf",
                    provider="heartbeat",
                    agent_type="galera",
                    params=_kv(
                        wsrep_cluster_address="gcomm://"
                        + ",".join(m.hostname for m in galera_members),
                        config=paths.mysql_config,
                        datadir=paths.mysql_datadir,
                        socket=paths.mysql_socket,
                        enable_creation="true",
                    ),
                    meta={},
                    # Timeouts from the agent's own metadata (resource-agents 4.12).
                    ops=(
                        Op(name="start", interval_s=0, timeout_s=120),
                        Op(name="stop", interval_s=0, timeout_s=120),
                        Op(name="promote", interval_s=0, timeout_s=300),
                        Op(name="demote", interval_s=0, timeout_s=120),
                        Op(name="monitor", interval_s=10, timeout_s=30, role="Promoted"),
                        Op(name="monitor", interval_s=30, timeout_s=30, role="Unpromoted"),
                    ),
                )
            )
            clones.append(
                Clone(
                    id="galera-clone",
                    child="galera",
                    promotable=True,
                    meta=_kv(
                        **{
                            "promotable": "true",
                            "promoted-max": str(len(galera_members)),
                            "interleave": "true",
                            "ordered": "true",
                        }
                    ),
                )
            )
        if "broker" in seed.duties:
            primitives.append(
                Primitive(
                    id="rabbitmq",
                    agent_class="service",
                    provider=None,
                    agent_type=self.os.services.rabbitmq,
                    params={},
                    meta={},
                    ops=(
                        Op(name="start", interval_s=0, timeout_s=120),
                        Op(name="stop", interval_s=0, timeout_s=120),
                        Op(name="monitor", interval_s=10, timeout_s=40),
                    ),
                )
            )
            colocations.append(
                Colocation(
                    id="colocation-rabbitmq-with-vip-broker",
                    rsc="rabbitmq",
                    with_rsc="vip-broker",
                    score="INFINITY",
                )
            )
            orders.append(
                Order(
                    id="order-vip-broker-then-rabbitmq",
                    first="vip-broker",
                    then="rabbitmq",
                    kind="Mandatory",
                )
            )
        devices = self._fence_devices(seed, members)
        locations = tuple(
            Location(
                id=f"location-{d.id}-avoids-{d.target}",
                rsc=d.id,
                node=d.target,
                score="-INFINITY",
            )
            for d in devices
        )
        return PacemakerCluster(
            name=seed.name,
            group=seed.group,
            duties=seed.duties,
            members=tuple(members),
            transport="knet",
            crypto_cipher=spec.corosync.crypto_cipher,
            crypto_hash=spec.corosync.crypto_hash,
            token_timeout_ms=spec.corosync.token_timeout_ms,
            links=links,
            quorum=quorum,
            properties=properties,
            resource_defaults={"resource-stickiness": str(spec.pacemaker.resource_stickiness)},
            fencing_agent=self.agent,
            fence_devices=devices,
            sbd=self.fence.shared_disk(spec, seed.name) if self.fence is not None else None,
            vips=tuple(vips),
            primitives=tuple(primitives),
            clones=tuple(clones),
            colocations=tuple(colocations),
            orders=tuple(orders),
            locations=locations,
        )

    def _ipaddr2(self, vip: VipName) -> Primitive:
        network, address = self.vip_addrs[vip]
        # No `nic`: IPaddr2 picks the interface whose subnet holds the VIP, so
        # guest interface names (ens3, eth0...) never matter.
        return Primitive(
            id=f"vip-{vip}",
            agent_class="ocf",
            provider="heartbeat",
            agent_type="IPaddr2",
            params=_kv(ip=str(address), cidr_netmask=str(self._net(network)[1])),
            meta={},
            ops=(Op(name="monitor", interval_s=10, timeout_s=20),),
        )

    def _fence_devices(
        self, seed: ClusterSeed, members: list[ClusterMember]
    ) -> tuple[FenceDevice, ...]:
        fence = self.fence
        if fence is None:
            return ()
        two_node = sum(1 for m in members if m.kind == "full") == 2
        agent_params = fence.params(self.spec, self.os, seed.name)
        out = []
        for position, member in enumerate(members, start=1):
            target = member.hostname
            # The delay goes on the device fencing the LAST member: the VIPs
            # start on the first, so its death is fenced at once (measured: a
            # delay on lb1 made VIP failover 7-17 s, tests/live); in a split
            # the undelayed side wins and the VIPs move once.
            delay = self.spec.fencing.delay_max_s if two_node and position == len(members) else None
            plug = fence.plug(self.spec, target)
            params: dict[str, str] = {"pcmk_host_list": target, **agent_params, "port": plug}
            if delay is not None:
                params["pcmk_delay_max"] = f"{delay}s"
            out.append(
                FenceDevice(
                    id=f"fence-{target}",
                    agent=self.agent,
                    target=target,
                    plug=plug,
                    delay_max_s=delay,
                    primitive=Primitive(
                        id=f"fence-{target}",
                        agent_class="stonith",
                        provider=None,
                        agent_type=fence.agent_type,
                        params=params,
                        meta={},
                        ops=(Op(name="monitor", interval_s=60, timeout_s=20),),
                    ),
                )
            )
        return tuple(out)

    # ------------------------------------------------------------ services

    def _haproxy(self) -> HaproxyPlan:
        spec = self.spec
        lb = spec.load_balancers
        backends = self._members(self.ctl)
        public = self.vip_addrs["public"][1]
        internal = self.vip_addrs["internal"][1]
        listeners: list[HaproxyListener] = []
        for service in api_services():
            binds: list[HaproxyBind] = []
            redirect = False
            if service.public:
                if lb.tls and service.tls_port is not None:
                    binds.append(
                        HaproxyBind(vip="public", address=public, port=service.port, tls=False)
                    )
                    binds.append(
                        HaproxyBind(vip="public", address=public, port=service.tls_port, tls=True)
                    )
                    redirect = True
                else:
                    binds.append(
                        HaproxyBind(vip="public", address=public, port=service.port, tls=lb.tls)
                    )
            if service.internal:
                binds.append(
                    HaproxyBind(vip="internal", address=internal, port=service.port, tls=False)
                )
            listeners.append(
                HaproxyListener(
                    name=service.name,
                    mode=service.mode,
                    binds=tuple(binds),
                    servers=tuple(
                        HaproxyServer(
                            name=b.hostname,
                            address=self._addr(b, "management"),
                            port=service.port,
                            backup=False,
                        )
                        for b in backends
                    ),
                    balance="roundrobin",
                    check=service.check,
                    check_port=None,
                    http_check=(
                        f"GET {service.http_check_path}" if service.check == "http" else None
                    ),
                    stick_on_dst=False,
                    timeout_client=None,
                    timeout_server=None,
                    redirect_to_https=redirect,
                )
            )
        db_members = self._members(self.db)
        listeners.append(
            HaproxyListener(
                name="galera",
                mode="tcp",
                binds=(
                    HaproxyBind(
                        vip="database", address=self.vip_addrs["database"][1], port=MYSQL, tls=False
                    ),
                ),
                # One writer, the others backup: Galera certification conflicts
                # between concurrent writers surface as deadlocks in OpenStack.
                servers=tuple(
                    HaproxyServer(
                        name=m.hostname,
                        address=self._addr(m, "management"),
                        port=MYSQL,
                        backup=i > 0,
                    )
                    for i, m in enumerate(db_members)
                ),
                balance="first",
                check="http",
                check_port=CLUSTERCHECK,
                http_check="GET /",
                stick_on_dst=True,
                # Long-lived pooled connections of the OpenStack services.
                timeout_client="90m",
                timeout_server="90m",
                redirect_to_https=False,
            )
        )
        return HaproxyPlan(
            nodes=tuple(m.hostname for m in self._members(self.lb)),
            config_path=self.os.paths.haproxy_cfg,
            maxconn_global=lb.maxconn_global,
            maxconn_defaults=lb.maxconn_defaults,
            open_files_limit=max(16384, 2 * lb.maxconn_global + 1024),
            tls=lb.tls,
            tls_certificate_path=_TLS_CERTIFICATE if lb.tls else None,
            stats_port=lb.stats_port,
            listeners=tuple(listeners),
            managed_by="pacemaker" if lb.vip_manager == "pacemaker" else "systemd",
        )

    def _keepalived(self) -> KeepalivedPlan | None:
        if self.spec.load_balancers.vip_manager != "keepalived":
            return None
        holders = self._members(self.lb)
        instances = []
        # One VRRP instance per network: its VIPs move together. Its VRID is
        # the base plus the position of its first VIP (public 51, internal 52).
        by_network: dict[NetworkName, list[VipName]] = {}
        for vip in _PACEMAKER_VIPS:
            by_network.setdefault(self.vip_addrs[vip][0], []).append(vip)
        for network, vips in by_network.items():
            prefix = self._net(network)[1]
            instances.append(
                KeepalivedInstance(
                    name=f"vips-{network}",
                    network=network,
                    vips=tuple(vips),
                    addresses=tuple(f"{self.vip_addrs[v][1]}/{prefix}" for v in vips),
                    virtual_router_id=_KEEPALIVED_VRID_BASE + _PACEMAKER_VIPS.index(vips[0]),
                    advert_int_s=1,
                    peers=tuple(
                        KeepalivedPeer(
                            hostname=h.hostname,
                            priority=150 - (h.index - 1),
                            address=self._addr(h, network),
                        )
                        for h in holders
                    ),
                )
            )
        return KeepalivedPlan(
            nodes=tuple(h.hostname for h in holders),
            config_path=self.os.paths.keepalived_conf,
            instances=tuple(instances),
        )

    def _galera(self) -> GaleraPlan:
        spec = self.spec
        db = spec.database
        members = self._members(self.db)
        paths = self.os.paths
        arbitrator = None
        if self.arbitrator is not None:
            arbitrator = GaleraArbitrator(
                hostname=self.arbitrator.hostname,
                address=self._addr(self.arbitrator, "management"),
                config_path=paths.garbd_config,
            )
        return GaleraPlan(
            cluster_name=db.cluster_name,
            members=tuple(
                GaleraMember(hostname=m.hostname, address=self._addr(m, "management"))
                for m in members
            ),
            network="management",
            wsrep_cluster_address="gcomm://"
            + ",".join(str(self._addr(m, "management")) for m in members),
            sst_method=db.sst_method,
            gcache_size_mib=db.gcache_size_mib,
            max_connections=db.max_connections,
            open_files_limit=db.open_files_limit,
            port=MYSQL,
            replication_port=GALERA_REPLICATION,
            ist_port=GALERA_IST,
            sst_port=GALERA_SST,
            clustercheck_port=CLUSTERCHECK,
            provider_path=paths.galera_provider,
            config_path=f"{paths.galera_config_dir}/{_GALERA_CONFIG_FILE}",
            datadir=paths.mysql_datadir,
            arbitrator=arbitrator,
        )

    def _rabbitmq(self) -> RabbitmqPlan:
        spec = self.spec
        clustered = spec.brokers.mode == "clustered"
        members = self._members(self.mq)
        vip = None if clustered else self.vip_addrs["broker"][1]
        hosts = (
            tuple(f"{self._addr(m, 'management')}:{AMQP}" for m in members)
            if clustered
            else (f"{vip}:{AMQP}",)
        )
        paths = self.os.paths
        return RabbitmqPlan(
            mode=spec.brokers.mode,
            members=tuple(
                RabbitmqMember(
                    hostname=m.hostname,
                    address=self._addr(m, "management"),
                )
                for m in members
            ),
            network="management",
            cluster_partition_handling="pause_minority" if clustered else "ignore",
            queue_type="quorum" if clustered else "classic",
            amqp_port=AMQP,
            dist_port=RABBITMQ_DIST,
            management_port=RABBITMQ_MANAGEMENT,
            vip=vip,
            transport_hosts=hosts,
            open_files_limit=spec.brokers.open_files_limit,
            config_path=paths.rabbitmq_conf,
            env_path=paths.rabbitmq_env,
            cookie_path=paths.rabbitmq_cookie,
        )

    # ------------------------------------------------------------ fencing / platform

    def _fencing(self) -> FencingPlan:
        agent = self.agent
        facts: dict[str, Any] = dict.fromkeys(_FENCING_FACTS)
        if self.fence is not None:
            facts.update(self.fence.fencing_plan(self.spec, self.os))
        return FencingPlan(
            agent=agent,
            enabled=agent != "none",
            delay_max_s=self.spec.fencing.delay_max_s,
            **facts,
        )

    # ------------------------------------------------------------ port matrix

    def _port_matrix(self) -> tuple[PortRule, ...]:
        spec = self.spec
        rules: list[PortRule] = []

        # A row of a table: positional arguments read like its columns.
        def add(  # noqa: PLR0917
            source: str,
            target: str,
            protocol: Protocol,
            ports: tuple[int, int] | None,
            network: NetworkName,
            /,
            purpose: str,
        ) -> None:
            rules.append(
                PortRule(
                    source=source,
                    target=target,
                    protocol=protocol,
                    port_min=ports[0] if ports else None,
                    port_max=ports[1] if ports else None,
                    network=network,
                    purpose=purpose,
                )
            )

        def one(port: int) -> tuple[int, int]:
            return (port, port)

        for group in groups_in_use(spec):
            add("network", group, "tcp", one(SSH), "management", "ssh from operators")
        for cluster in self.cluster_seeds:
            g = cluster.group
            for i, network in enumerate(spec.corosync.links):
                low = COROSYNC_EXTRA if i == 0 else corosync_port(i)
                add(g, g, "udp", (low, corosync_port(i)), network, f"corosync knet link {i}")
            add(g, g, "tcp", one(PCSD), "management", "pcsd")
            if any(self.membership[m.hostname][1] == "remote" for m in cluster.members):
                add(g, g, "tcp", one(PACEMAKER_REMOTE), "management", "pacemaker_remote")
            if self.fence is not None:
                for row in self.fence.port_rules(spec, g):
                    add(
                        row.source,
                        row.target,
                        row.protocol,
                        one(row.port),
                        row.network,  # type: ignore[arg-type]
                        row.purpose,
                    )
        lb, ctl, db, mq = self.lb, self.ctl, self.db, self.mq
        lbs = spec.load_balancers
        for service in api_services():
            if service.public:
                add(
                    "network",
                    lb,
                    "tcp",
                    one(service.port),
                    "external",
                    f"{service.name} API on the public VIP",
                )
                if lbs.tls and service.tls_port is not None:
                    add(
                        "network",
                        lb,
                        "tcp",
                        one(service.tls_port),
                        "external",
                        f"{service.name} API on the public VIP (TLS)",
                    )
            if service.internal:
                add(
                    "network",
                    lb,
                    "tcp",
                    one(service.port),
                    "management",
                    f"{service.name} API on the internal VIP",
                )
            add(lb, ctl, "tcp", one(service.port), "management", f"{service.name} API backend")
        add("network", lb, "tcp", one(lbs.stats_port), "management", "HAProxy stats")
        add(ctl, lb, "tcp", one(MYSQL), "management", "MariaDB through the database VIP")
        add(lb, db, "tcp", one(MYSQL), "management", "HAProxy to MariaDB")
        add(lb, db, "tcp", one(CLUSTERCHECK), "management", "HAProxy health check (clustercheck)")
        add(db, db, "tcp", one(GALERA_REPLICATION), "management", "Galera replication")
        add(db, db, "udp", one(GALERA_REPLICATION), "management", "Galera replication")
        add(db, db, "tcp", one(GALERA_IST), "management", "Galera IST")
        add(db, db, "tcp", one(GALERA_SST), "management", "Galera SST")
        if self.arbitrator is not None:
            arb: GroupName = self.arbitrator.group
            for proto in ("tcp", "udp"):
                add(db, arb, proto, one(GALERA_REPLICATION), "management", "Galera to garbd")
                add(arb, db, proto, one(GALERA_REPLICATION), "management", "garbd to Galera")
        add(ctl, mq, "tcp", one(AMQP), "management", "AMQP")
        add("network", mq, "tcp", one(RABBITMQ_MANAGEMENT), "management", "RabbitMQ management UI")
        if spec.brokers.mode == "clustered":
            add(mq, mq, "tcp", one(EPMD), "management", "epmd")
            add(mq, mq, "tcp", one(RABBITMQ_DIST), "management", "RabbitMQ inter-node")
            add(mq, mq, "tcp", RABBITMQ_CLI, "management", "RabbitMQ CLI tools")
        if lbs.vip_manager == "keepalived":
            for vip in _PACEMAKER_VIPS:
                add(lb, lb, "vrrp", None, self.vip_addrs[vip][0], "VRRP (keepalived)")
        group_rank = {g: i for i, g in enumerate(GROUP_ORDER)}

        def key(rule: PortRule) -> tuple[int, int, str, int, int, str, str]:
            return (
                group_rank.get(rule.target, len(GROUP_ORDER)),  # type: ignore[call-overload]
                NETWORK_ORDER.index(rule.network),
                rule.protocol,
                rule.port_min or 0,
                rule.port_max or 0,
                rule.source,
                rule.purpose,
            )

        unique = {
            (r.source, r.target, r.protocol, r.port_min, r.port_max, r.network, r.purpose): r
            for r in rules
        }
        return tuple(sorted(unique.values(), key=key))

    # ------------------------------------------------------------ secrets, warnings

    def _secrets(self) -> tuple[SecretNeed, ...]:
        spec = self.spec
        out = [
            SecretNeed(
                name="corosync_authkey",
                kind="bytes",
                length=256,
                purpose="/etc/corosync/authkey: knet crypto key, one per lab",
            ),
            SecretNeed(
                name="hacluster_password",
                kind="password",
                length=32,
                purpose="password of the hacluster user (pcs/crmsh)",
            ),
        ]
        if any(kind == "remote" for _, kind, _ in self.membership.values()):
            out.append(
                SecretNeed(
                    name="pacemaker_authkey",
                    kind="bytes",
                    length=4096,
                    purpose="/etc/pacemaker/authkey shared with pacemaker_remote nodes",
                )
            )
        if spec.database.sst_method == "mariabackup":
            out.append(
                SecretNeed(
                    name="galera_sst_password",
                    kind="password",
                    length=32,
                    purpose="MariaDB user of the mariabackup SST",
                )
            )
        out += [
            SecretNeed(
                name="clustercheck_password",
                kind="password",
                length=32,
                purpose="MariaDB user the clustercheck service queries wsrep state with",
            ),
            SecretNeed(
                name="rabbitmq_erlang_cookie",
                kind="password",
                length=32,
                purpose="Erlang cookie shared by the brokers (letters only)",
            ),
            SecretNeed(
                name="rabbitmq_password",
                kind="password",
                length=32,
                purpose="RabbitMQ user of the OpenStack services",
            ),
            SecretNeed(
                name="haproxy_stats_password",
                kind="password",
                length=32,
                purpose="HAProxy stats page (management network)",
            ),
        ]
        if self.fence is not None:
            out += self.fence.secrets(spec, self.os)
        return tuple(out)

    def _warnings(self) -> tuple[PlanWarning, ...]:
        out = []
        if self.agent == "none":
            out.append(
                PlanWarning(
                    code="fencing_off",
                    loc="fencing.agent",
                    message=(
                        "fencing is switched off (stonith-enabled=false): a node that stops "
                        "answering is never fenced, so a split cluster can run Galera, the VIPs "
                        "and the brokers twice and corrupt data; use "
                        + _or_list(self.profile.fence_agents)
                        + " for anything but a throwaway lab"
                    ),
                )
            )
        if not self.os.verified:
            out.append(
                PlanWarning(
                    code="os_unverified",
                    loc="os_family",
                    message=(
                        f"{self.os.label} package names and paths come from its documentation; "
                        "this project's tests only install and run debian12"
                    ),
                )
            )
        return tuple(out)


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
