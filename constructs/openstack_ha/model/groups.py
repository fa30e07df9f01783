"""Node groups: how many nodes of each role, their size, and their service settings.

Dedicated layout (default, the whitepaper's figure 2): one group per role,
controllers 3 + database 3 + brokers 3 + load balancers 2 = 11 nodes.
Collapsed layout: 3 converged nodes carry every role; the role groups'
sizing fields (count, vcpus, memory_mib, disk_gib, hostname_prefix) are then
unused and must stay at their defaults (``layout_ignored``), while their
service settings (Galera SST method, broker mode, HAProxy limits...) apply
to the converged nodes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from openstack_ha.model.base import Bool, Frozen, Int, Str
from openstack_ha.model.limits import Complaint, Pattern, Range
from openstack_ha.model.names import HOSTNAME_PREFIX, WSREP_NAME, suggest_label
from openstack_ha.model.networks import GROUP_BLOCKS

__all__ = [
    "GROUP_ORDER",
    "SIZING_FIELDS",
    "BrokerGroup",
    "BrokerMode",
    "ControllerGroup",
    "ConvergedGroup",
    "DatabaseGroup",
    "GroupName",
    "LoadBalancerGroup",
    "Role",
    "SstMethod",
    "VipManager",
    "groups_in_layout",
]

GroupName = Literal["controllers", "database", "brokers", "load_balancers", "converged"]
# Hostnames, addresses and the plan's node list follow this order.
GROUP_ORDER: tuple[GroupName, ...] = (
    "controllers",
    "database",
    "brokers",
    "load_balancers",
    "converged",
)


def groups_in_layout(layout: str) -> tuple[GroupName, ...]:
    """The groups a lab of ``layout`` (dedicated or collapsed) has."""
    if layout == "collapsed":
        return ("converged",)
    return tuple(g for g in GROUP_ORDER if g != "converged")
Role = Literal["controller", "database", "broker", "load_balancer"]
BrokerMode = Literal["clustered", "active-passive"]
SstMethod = Literal["mariabackup", "rsync"]
VipManager = Literal["pacemaker", "keepalived"]
# Sizing of a node group: unused (and range-checked only) when the layout uses the group.
SIZING_FIELDS = ("count", "hostname_prefix", "vcpus", "memory_mib", "disk_gib")

_CONTROLLERS = GROUP_BLOCKS["controllers"][1]
_DATABASE = GROUP_BLOCKS["database"][1]

Prefix = Annotated[
    Str,
    Pattern(
        HOSTNAME_PREFIX,
        20,
        "invalid_name",
        "a hostname prefix must be lower-case letters, digits and '-', starting with "
        "a letter, at most 20 characters",
        lambda value, lab: f"use e.g. {suggest_label(value)[:20]!r}",
    ),
]
Vcpus = Annotated[
    Int,
    Range(1, None, "sizing", "each node needs at least {minimum} vCPU", "use {minimum} or more"),
]
MemoryMib = Annotated[
    Int,
    Range(1024, None, "sizing", "each node needs at least {minimum} MiB", "use {minimum} or more"),
]
DiskGib = Annotated[
    Int,
    Range(10, None, "sizing", "each node needs at least {minimum} GiB", "use {minimum} or more"),
]


def _open_files(service: str) -> Any:
    return Range(
        16384,
        None,
        "open_files",
        f"validated deployments give {service} at least {{minimum}} open files",
        "use {minimum} or more",
    )


def _count(default: int, what: str) -> Any:
    return Field(default=default, description=what)


def _prefix(default: str) -> Any:
    return Field(
        default=default,
        description=(
            f"Hostnames are <prefix><index> from 1 ({default}1, {default}2, ...). "
            "A DNS label: lower-case letters, digits and '-'."
        ),
    )


def _vcpus(default: int) -> Any:
    return Field(
        default=default,
        description=(
            f"vCPUs per node (libvirt). Default {default}. On OpenStack the flavor decides."
        ),
    )


def _memory(default: int) -> Any:
    return Field(
        default=default,
        description=f"Memory per node in MiB (libvirt). Default {default}; at least 1024.",
    )


def _disk(default: int) -> Any:
    return Field(
        default=default,
        description=f"Root disk per node in GiB. Default {default}; at least 10.",
    )


class ControllerGroup(Frozen):
    """Stateless OpenStack API services (behind HAProxy), at least 2 (the paper)."""

    count: Annotated[
        Int,
        Range(
            2,
            _CONTROLLERS,
            "group_size",
            "the whitepaper runs every API service on at least {minimum} nodes and the "
            "controllers' address block holds {maximum}",
            "use {minimum}–{maximum}",
        ),
    ] = _count(3, "Number of controllers, 2–20. Default 3.")
    hostname_prefix: Prefix = _prefix("ctl")
    vcpus: Vcpus = _vcpus(4)
    memory_mib: MemoryMib = _memory(8192)
    disk_gib: DiskGib = _disk(40)


class DatabaseGroup(Frozen):
    """MariaDB Galera, active-active, reached through HAProxy (one writer)."""

    # The parity of the count is a cross-field rule (it depends on arbitrator).
    count: Annotated[
        Int,
        Range(
            2,
            _DATABASE,
            "group_size",
            "the database address block holds {maximum} nodes",
            "use at most 19 (odd), or 20 with database.arbitrator: true",
            below=Complaint(
                "galera_too_few",
                "Galera needs at least 3 members to keep quorum when one fails",
                "use 3, 5 or 7",
            ),
        ),
    ] = _count(
        3,
        "Galera members: odd, 3–19 (quorum needs a strict majority). Default 3. "
        "With arbitrator: true an even count 2–20 is allowed.",
    )
    hostname_prefix: Prefix = _prefix("db")
    vcpus: Vcpus = _vcpus(2)
    memory_mib: MemoryMib = _memory(4096)
    disk_gib: DiskGib = _disk(40)
    arbitrator: Bool = Field(
        default=False,
        description=(
            "Run garbd (Galera arbitrator) on the first controller so that an even "
            "number of members keeps a tie-breaking vote. Default false: use an odd count."
        ),
    )
    cluster_name: Annotated[
        Str,
        Pattern(
            WSREP_NAME,
            None,
            "galera_settings",
            "wsrep_cluster_name must be 1–32 letters, digits, '_', '.' or '-'",
            "use e.g. 'openstack'",
        ),
    ] = Field(
        default="openstack",
        description="wsrep_cluster_name. Default 'openstack'.",
    )
    sst_method: SstMethod = Field(
        default="mariabackup",
        description=(
            "wsrep_sst_method for full state transfers. Default mariabackup "
            "(the donor stays writable); rsync blocks the donor during the copy."
        ),
    )
    gcache_size_mib: Annotated[
        Int,
        Range(
            128,
            65536,
            "galera_settings",
            "gcache.size must hold some write-set history (128 MiB) and fit a lab disk (64 GiB)",
            "use {minimum}–{maximum} (default 512)",
        ),
    ] = Field(
        default=512,
        description=(
            "gcache.size in MiB: how much write-set history a rejoining node can "
            "catch up by IST instead of a full SST. Default 512; 128–65536."
        ),
    )
    max_connections: Annotated[
        Int,
        Range(
            100,
            100000,
            "galera_settings",
            "OpenStack services need at least {minimum} connections; MariaDB caps it at {maximum}",
            "use {minimum}–{maximum} (default 4096)",
        ),
    ] = Field(
        default=4096,
        description="max_connections of each MariaDB server. Default 4096; 100–100000.",
    )
    open_files_limit: Annotated[Int, _open_files("MariaDB")] = Field(
        default=16384,
        description="LimitNOFILE of the MariaDB service. Default 16384 (the validated floor).",
    )


class BrokerGroup(Frozen):
    """RabbitMQ: a cluster with quorum queues (default) or the paper's active-passive pair."""

    mode: BrokerMode = Field(
        default="clustered",
        description=(
            "clustered: RabbitMQ cluster with quorum queues, cluster_partition_handling "
            "pause_minority, clients list every broker (no VIP). active-passive: 2 "
            "standalone brokers behind a Pacemaker VIP, as the whitepaper's first option "
            "(no message durability across a failover)."
        ),
    )
    # Odd or even is a cross-field rule; the ranges depend on the mode.
    count: (
        Annotated[
            Int,
            Range(
                3,
                15,
                "group_size",
                "the whitepaper caps a broker cluster at 16 and the count must be odd",
                "use at most {maximum}",
                below=Complaint(
                    "group_size",
                    "quorum queues need at least 3 clustered brokers",
                    "use 3, 5 or 7, or brokers.mode: active-passive for a pair",
                ),
                when=("mode", "clustered"),
            ),
            Range(
                2,
                2,
                "broker_active_passive_size",
                "active-passive mode is one active broker and one standby behind the broker VIP",
                "use 2, or remove brokers.count",
                when=("mode", "active-passive"),
            ),
        ]
        | None
    ) = Field(
        default=None,
        description=(
            "Number of brokers. Unset: 3 when clustered (odd, 3–15: quorum queues need 3, "
            "the paper caps clusters at 16 and pause_minority halts both halves of an "
            "even split), 2 when active-passive (exactly 2)."
        ),
    )
    hostname_prefix: Prefix = _prefix("mq")
    vcpus: Vcpus = _vcpus(2)
    memory_mib: MemoryMib = _memory(4096)
    disk_gib: DiskGib = _disk(20)
    open_files_limit: Annotated[Int, _open_files("RabbitMQ")] = Field(
        default=16384,
        description="LimitNOFILE of the RabbitMQ service. Default 16384 (the validated floor).",
    )

    def resolved_count(self) -> int:
        """``count``, or the mode's default when unset."""
        if self.count is not None:
            return self.count
        return 3 if self.mode == "clustered" else 2


class LoadBalancerGroup(Frozen):
    """HAProxy nodes holding the VIPs (2–100, the paper's range)."""

    count: Annotated[
        Int,
        Range(
            2,
            100,
            "group_size",
            "the whitepaper runs {minimum} to {maximum} HAProxy nodes",
            "use {minimum}–{maximum}",
        ),
    ] = _count(2, "Number of HAProxy nodes, 2–100. Default 2.")
    hostname_prefix: Prefix = _prefix("lb")
    vcpus: Vcpus = _vcpus(2)
    memory_mib: MemoryMib = _memory(2048)
    disk_gib: DiskGib = _disk(20)
    vip_manager: VipManager = Field(
        default="pacemaker",
        description=(
            "Who moves the VIPs: pacemaker (IPaddr2 resources colocated with the HAProxy "
            "clone, the paper's design) or keepalived (VRRP, IP protocol 112)."
        ),
    )
    maxconn_global: Annotated[
        Int,
        Range(
            20480,
            None,
            "haproxy_sizing",
            "validated deployments run HAProxy with a global maxconn of at least {minimum}",
            "use {minimum} or more",
        ),
    ] = Field(
        default=20480,
        description="HAProxy global maxconn. Default 20480 (the validated floor).",
    )
    maxconn_defaults: Annotated[
        Int,
        Range(
            4096,
            None,
            "haproxy_sizing",
            "validated deployments run HAProxy frontends with maxconn of at least {minimum}",
            "use {minimum} or more",
        ),
    ] = Field(
        default=4096,
        description="HAProxy defaults maxconn (per frontend). Default 4096 (the validated floor).",
    )
    tls: Bool = Field(
        default=False,
        description=(
            "Terminate TLS on the public VIP frontends (horizon moves to 443 and 80 "
            "redirects). Default false: plain HTTP everywhere."
        ),
    )
    stats_port: Annotated[
        Int, Range(1, 65535, "haproxy_sizing", "a port is {minimum}–{maximum}", "use 1936")
    ] = Field(
        default=1936,
        description=(
            "Port of the HAProxy stats page, bound on each node's management address "
            "only. Default 1936."
        ),
    )


class ConvergedGroup(Frozen):
    """The collapsed layout's nodes: every role on the same 3 nodes."""

    count: Annotated[
        Int,
        Range(
            3,
            3,
            "collapsed_size",
            "the collapsed layout runs every role on exactly 3 converged nodes",
            "use 3, or layout: dedicated for more nodes",
        ),
    ] = _count(3, "Number of converged nodes: exactly 3. Default 3.")
    hostname_prefix: Prefix = _prefix("node")
    vcpus: Vcpus = _vcpus(8)
    memory_mib: MemoryMib = _memory(16384)
    disk_gib: DiskGib = _disk(80)
