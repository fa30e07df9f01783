"""Every validation rule, with a bad lab in Python and the same lab in YAML.

Each case pins the exact structured problems (code, loc, message). The YAML
form is the case's document dumped with PyYAML and loaded through the real
lab-file loader; the Python form builds the same lab with the model classes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network
from typing import Any

import pytest
import yaml
from model_helpers import triples

from openstack_ha.model import (
    CODES,
    PLATFORM_RULES,
    RULES,
    BrokerGroup,
    ControllerGroup,
    ConvergedGroup,
    CorosyncSpec,
    DatabaseGroup,
    FenceVirshSettings,
    FenceXvmSettings,
    FencingSpec,
    LabError,
    LabSpec,
    LibvirtSettings,
    LoadBalancerGroup,
    Network,
    Networks,
    OpenStackSettings,
    PacemakerSpec,
    Rule,
    SbdSettings,
    Vip,
    Vips,
    derive_plan,
    validate_lab,
)
from openstack_ha.model.loader import parse_lab_text


@dataclass(frozen=True)
class Case:
    id: str
    doc: dict[str, Any]
    build: Callable[[], LabSpec]
    expected: list[tuple[str, str, str]]


def net(cidr: str, **kw: Any) -> Network:
    return Network(cidr=IPv4Network(cidr), **kw)


DEFAULT_NETS = Networks()

CASES = [
    # ------------------------------------------------------------ names
    Case(
        "lab name not a DNS label",
        {"name": "Ha_Lab"},
        lambda: LabSpec(name="Ha_Lab"),
        [
            (
                "invalid_name",
                "name",
                "the lab name must be a DNS label (lower-case letters, digits and '-', starting "
                "with a letter, at most 32 characters), got 'Ha_Lab'; use e.g. 'ha-lab'",
            )
        ],
    ),
    Case(
        "domain not DNS labels",
        {"domain": "Lab..x"},
        lambda: LabSpec(domain="Lab..x"),
        [
            (
                "invalid_name",
                "domain",
                "the domain must be dot-separated DNS labels (lower-case letters, digits and "
                "'-'), got 'Lab..x'; use e.g. ha-lab.internal, or remove it",
            )
        ],
    ),
    Case(
        "hostname prefix not a label",
        {"controllers": {"hostname_prefix": "Ctl_"}},
        lambda: LabSpec(controllers=ControllerGroup(hostname_prefix="Ctl_")),
        [
            (
                "invalid_name",
                "controllers.hostname_prefix",
                "a hostname prefix must be lower-case letters, digits and '-', starting with a "
                "letter, at most 20 characters, got 'Ctl_'; use e.g. 'ctl'",
            )
        ],
    ),
    Case(
        "duplicate hostnames across groups",
        {"load_balancers": {"hostname_prefix": "db"}},
        lambda: LabSpec(load_balancers=LoadBalancerGroup(hostname_prefix="db")),
        [
            (
                "duplicate_name",
                "load_balancers.hostname_prefix",
                "load_balancers node 1 would be named 'db1', which database node 1 already is, "
                "got 'db'; give each group a prefix that is not another group's prefix "
                "followed by digits",
            )
        ],
    ),
    Case(
        "duplicate hypervisor URI",
        {
            "libvirt": {"hypervisor_uris": ["qemu:///system", "qemu:///system"]},
            "fencing": {"agent": "fence_xvm"},
        },
        lambda: LabSpec(
            libvirt=LibvirtSettings(hypervisor_uris=("qemu:///system", "qemu:///system")),
            fencing=FencingSpec(agent="fence_xvm"),
        ),
        [
            (
                "duplicate_name",
                "libvirt.hypervisor_uris[1]",
                "the same entry is already libvirt.hypervisor_uris[0], got 'qemu:///system'; "
                "list each one once",
            )
        ],
    ),
    Case(
        "duplicate availability zone",
        {"platform": "openstack", "openstack": {"availability_zones": ["az1", "az1"]}},
        lambda: LabSpec(
            platform="openstack", openstack=OpenStackSettings(availability_zones=("az1", "az1"))
        ),
        [
            (
                "duplicate_name",
                "openstack.availability_zones[1]",
                "the same entry is already openstack.availability_zones[0], got 'az1'; list "
                "each one once",
            )
        ],
    ),
    # ------------------------------------------------------------ group sizes
    Case(
        "one controller",
        {"controllers": {"count": 1}},
        lambda: LabSpec(controllers=ControllerGroup(count=1)),
        [
            (
                "group_size",
                "controllers.count",
                "the whitepaper runs every API service on at least 2 nodes and the controllers' "
                "address block holds 20, got 1; use 2–20",
            )
        ],
    ),
    Case(
        "21 controllers",
        {"controllers": {"count": 21}},
        lambda: LabSpec(controllers=ControllerGroup(count=21)),
        [
            (
                "group_size",
                "controllers.count",
                "the whitepaper runs every API service on at least 2 nodes and the controllers' "
                "address block holds 20, got 21; use 2–20",
            )
        ],
    ),
    Case(
        "two Galera members",
        {"database": {"count": 2}},
        lambda: LabSpec(database=DatabaseGroup(count=2)),
        [
            (
                "galera_even",
                "database.count",
                "Galera needs an odd number of members to keep quorum, got 2; use 3, 5 or 7, "
                "or set database.arbitrator: true to add garbd as a tie-breaker",
            )
        ],
    ),
    Case(
        "four Galera members",
        {"database": {"count": 4}},
        lambda: LabSpec(database=DatabaseGroup(count=4)),
        [
            (
                "galera_even",
                "database.count",
                "Galera needs an odd number of members to keep quorum, got 4; use 3, 5 or 7, "
                "or set database.arbitrator: true to add garbd as a tie-breaker",
            )
        ],
    ),
    Case(
        "one Galera member even with an arbitrator",
        {"database": {"count": 1, "arbitrator": True}},
        lambda: LabSpec(database=DatabaseGroup(count=1, arbitrator=True)),
        [
            (
                "galera_arbitrator_needless",
                "database.arbitrator",
                "an arbitrator only breaks ties between an even number of members, and this lab "
                "has 1, got true; remove database.arbitrator, or use an even database.count in "
                "the dedicated layout",
            ),
            (
                "galera_too_few",
                "database.count",
                "Galera needs at least 3 members to keep quorum when one fails, got 1; use 3, 5 "
                "or 7",
            ),
        ],
    ),
    Case(
        "21 Galera members",
        {"database": {"count": 21}},
        lambda: LabSpec(database=DatabaseGroup(count=21)),
        [
            (
                "group_size",
                "database.count",
                "the database address block holds 20 nodes, got 21; use at most 19 (odd), or 20 "
                "with database.arbitrator: true",
            )
        ],
    ),
    Case(
        "arbitrator next to an odd count",
        {"database": {"arbitrator": True}},
        lambda: LabSpec(database=DatabaseGroup(arbitrator=True)),
        [
            (
                "galera_arbitrator_needless",
                "database.arbitrator",
                "an arbitrator only breaks ties between an even number of members, and this lab "
                "has 3, got true; remove database.arbitrator, or use an even database.count in "
                "the dedicated layout",
            )
        ],
    ),
    Case(
        "arbitrator in the collapsed layout",
        {"layout": "collapsed", "database": {"arbitrator": True}},
        lambda: LabSpec(layout="collapsed", database=DatabaseGroup(arbitrator=True)),
        [
            (
                "galera_arbitrator_needless",
                "database.arbitrator",
                "an arbitrator only breaks ties between an even number of members, and this lab "
                "has 3, got true; remove database.arbitrator, or use an even database.count in "
                "the dedicated layout",
            )
        ],
    ),
    Case(
        "two clustered brokers",
        {"brokers": {"count": 2}},
        lambda: LabSpec(brokers=BrokerGroup(count=2)),
        [
            (
                "group_size",
                "brokers.count",
                "quorum queues need at least 3 clustered brokers, got 2; use 3, 5 or 7, or "
                "brokers.mode: active-passive for a pair",
            )
        ],
    ),
    Case(
        "four clustered brokers",
        {"brokers": {"count": 4}},
        lambda: LabSpec(brokers=BrokerGroup(count=4)),
        [
            (
                "broker_even",
                "brokers.count",
                "cluster_partition_handling pause_minority stops both halves of an even split, "
                "got 4; use 3 or 5",
            )
        ],
    ),
    Case(
        "17 clustered brokers",
        {"brokers": {"count": 17}},
        lambda: LabSpec(brokers=BrokerGroup(count=17)),
        [
            (
                "group_size",
                "brokers.count",
                "the whitepaper caps a broker cluster at 16 and the count must be odd, got 17; "
                "use at most 15",
            )
        ],
    ),
    Case(
        "three active-passive brokers",
        {"brokers": {"mode": "active-passive", "count": 3}},
        lambda: LabSpec(brokers=BrokerGroup(mode="active-passive", count=3)),
        [
            (
                "broker_active_passive_size",
                "brokers.count",
                "active-passive mode is one active broker and one standby behind the broker VIP, "
                "got 3; use 2, or remove brokers.count",
            )
        ],
    ),
    Case(
        "one load balancer",
        {"load_balancers": {"count": 1}},
        lambda: LabSpec(load_balancers=LoadBalancerGroup(count=1)),
        [
            (
                "group_size",
                "load_balancers.count",
                "the whitepaper runs 2 to 100 HAProxy nodes, got 1; use 2–100",
            )
        ],
    ),
    Case(
        "101 load balancers",
        {"load_balancers": {"count": 101}},
        lambda: LabSpec(load_balancers=LoadBalancerGroup(count=101)),
        [
            (
                "group_size",
                "load_balancers.count",
                "the whitepaper runs 2 to 100 HAProxy nodes, got 101; use 2–100",
            )
        ],
    ),
    Case(
        "five converged nodes",
        {"layout": "collapsed", "converged": {"count": 5}},
        lambda: LabSpec(layout="collapsed", converged=ConvergedGroup(count=5)),
        [
            (
                "collapsed_size",
                "converged.count",
                "the collapsed layout runs every role on exactly 3 converged nodes, got 5; use "
                "3, or layout: dedicated for more nodes",
            )
        ],
    ),
    Case(
        "controller count in the collapsed layout",
        {"layout": "collapsed", "controllers": {"count": 5}},
        lambda: LabSpec(layout="collapsed", controllers=ControllerGroup(count=5)),
        [
            (
                "layout_ignored",
                "controllers.count",
                "the collapsed layout runs every role on the converged nodes, so "
                "controllers.count is not used, got 5; remove it (size the nodes with "
                "converged.*), or use layout: dedicated",
            )
        ],
    ),
    Case(
        "converged sizing in the dedicated layout",
        {"converged": {"vcpus": 4, "count": 5}},
        lambda: LabSpec(converged=ConvergedGroup(vcpus=4, count=5)),
        [
            (
                "layout_ignored",
                "converged.count",
                "converged.count only applies to layout: collapsed, got 5; remove it, or set "
                "layout: collapsed",
            ),
            (
                "layout_ignored",
                "converged.vcpus",
                "converged.vcpus only applies to layout: collapsed, got 4; remove it, or set "
                "layout: collapsed",
            ),
        ],
    ),
    Case(
        "undersized database nodes",
        {"database": {"memory_mib": 512, "vcpus": 0, "disk_gib": 5}},
        lambda: LabSpec(database=DatabaseGroup(memory_mib=512, vcpus=0, disk_gib=5)),
        [
            (
                "sizing",
                "database.disk_gib",
                "each node needs at least 10 GiB, got 5; use 10 or more",
            ),
            (
                "sizing",
                "database.memory_mib",
                "each node needs at least 1024 MiB, got 512; use 1024 or more",
            ),
            ("sizing", "database.vcpus", "each node needs at least 1 vCPU, got 0; use 1 or more"),
        ],
    ),
    # ------------------------------------------------------------ Pacemaker / Corosync
    Case(
        "40 full members",
        {"pacemaker": {"max_full_members": 40}},
        lambda: LabSpec(pacemaker=PacemakerSpec(max_full_members=40)),
        [
            (
                "cluster_size",
                "pacemaker.max_full_members",
                "Corosync and Pacemaker support 2 to 32 full members per cluster, got 40; use "
                "2–32 (members beyond it join as pacemaker_remote nodes)",
            )
        ],
    ),
    Case(
        "one full member",
        {"pacemaker": {"max_full_members": 1}},
        lambda: LabSpec(pacemaker=PacemakerSpec(max_full_members=1)),
        [
            (
                "cluster_size",
                "pacemaker.max_full_members",
                "Corosync and Pacemaker support 2 to 32 full members per cluster, got 1; use "
                "2–32 (members beyond it join as pacemaker_remote nodes)",
            )
        ],
    ),
    Case(
        "no-quorum-policy ignore with a 3-node cluster",
        {"pacemaker": {"no_quorum_policy": "ignore"}},
        lambda: LabSpec(pacemaker=PacemakerSpec(no_quorum_policy="ignore")),
        [
            (
                "no_quorum_policy",
                "pacemaker.no_quorum_policy",
                "a partition without quorum must stop its resources in a cluster of 3 or more "
                "full members (cluster database has 3), got 'ignore'; use stop",
            )
        ],
    ),
    Case(
        "udpu transport, no cipher, unknown hash",
        {"corosync": {"transport": "udpu", "crypto_cipher": "none", "crypto_hash": "sha3"}},
        lambda: LabSpec(
            corosync=CorosyncSpec(transport="udpu", crypto_cipher="none", crypto_hash="sha3")
        ),
        [
            (
                "corosync_crypto",
                "corosync.crypto_cipher",
                "cluster traffic must be encrypted and authenticated, got 'none'; use aes256, "
                "aes192 or aes128",
            ),
            (
                "corosync_crypto",
                "corosync.crypto_hash",
                "unknown crypto_hash, got 'sha3'; use sha256, sha384, sha512, sha1 or md5; did "
                "you mean 'sha384'?",
            ),
            (
                "corosync_transport",
                "corosync.transport",
                "only knet can encrypt cluster traffic (udp and udpu are refused by upcoming "
                "corosync builds), got 'udpu'; use knet",
            ),
        ],
    ),
    Case(
        "crypto_hash none",
        {"corosync": {"crypto_hash": "none"}},
        lambda: LabSpec(corosync=CorosyncSpec(crypto_hash="none")),
        [
            (
                "corosync_crypto",
                "corosync.crypto_hash",
                "cluster traffic must be encrypted and authenticated, got 'none'; use sha256, "
                "sha384, sha512, sha1 or md5",
            )
        ],
    ),
    Case(
        "no knet link",
        {"corosync": {"links": []}},
        lambda: LabSpec(corosync=CorosyncSpec(links=())),
        [
            (
                "corosync_links",
                "corosync.links",
                "Corosync needs at least one knet link, got []; use [management, storage]",
            )
        ],
    ),
    Case(
        "nine knet links",
        {"corosync": {"links": ["management", "storage"] * 4 + ["management"]}},
        lambda: LabSpec(
            corosync=CorosyncSpec(links=("management", "storage") * 4 + ("management",))
        ),
        [
            (
                "corosync_links",
                "corosync.links",
                "knet supports at most 8 links, got 9 links; list at most 8 networks",
            ),
        ]
        + [
            (
                "corosync_links",
                f"corosync.links[{i}]",
                f"network {'management' if i % 2 == 0 else 'storage'} already carries link "
                f"{i % 2}, got '{'management' if i % 2 == 0 else 'storage'}'; list each network "
                "once",
            )
            for i in range(2, 9)
        ],
    ),
    Case(
        "knet link on an undefined network",
        {"corosync": {"links": ["management", "storage_management"]}},
        lambda: LabSpec(corosync=CorosyncSpec(links=("management", "storage_management"))),
        [
            (
                "corosync_links",
                "corosync.links[1]",
                "network storage_management is not defined, got 'storage_management'; define "
                "networks.storage_management, or remove the link",
            )
        ],
    ),
    Case(
        "knet link on a network the database is not on",
        {"corosync": {"links": ["management", "tenant"]}},
        lambda: LabSpec(corosync=CorosyncSpec(links=("management", "tenant"))),
        [
            (
                "corosync_links",
                "corosync.links[1]",
                "every member of cluster database needs an address on a link's network, and "
                "database nodes are not on tenant, got 'tenant'; use management or storage",
            )
        ],
    ),
    Case(
        "token timeout too short",
        {"corosync": {"token_timeout_ms": 100}},
        lambda: LabSpec(corosync=CorosyncSpec(token_timeout_ms=100)),
        [
            (
                "corosync_token",
                "corosync.token_timeout_ms",
                "a token timeout below 500 ms fences healthy nodes on a busy host, above 30 s "
                "stalls failover, got 100; use 500–30000 (default 3000)",
            )
        ],
    ),
    # ------------------------------------------------------------ fencing
    Case(
        "fence_openstack on libvirt",
        {"fencing": {"agent": "fence_openstack"}},
        lambda: LabSpec(fencing=FencingSpec(agent="fence_openstack")),
        [
            (
                "fencing_platform",
                "fencing.agent",
                "fence_openstack cannot fence libvirt guests, got 'fence_openstack'; use sbd, "
                "fence_xvm or fence_virsh (or none to switch fencing off)",
            )
        ],
    ),
    Case(
        "sbd on OpenStack",
        {"platform": "openstack", "fencing": {"agent": "sbd"}},
        lambda: LabSpec(platform="openstack", fencing=FencingSpec(agent="sbd")),
        [
            (
                "fencing_platform",
                "fencing.agent",
                "sbd cannot fence OpenStack servers, got 'sbd'; use fence_openstack (or none to "
                "switch fencing off)",
            )
        ],
    ),
    Case(
        "sbd (the default) over two hypervisors",
        {"libvirt": {"hypervisor_uris": ["qemu:///system", "qemu+ssh://root@h2/system"]}},
        lambda: LabSpec(
            libvirt=LibvirtSettings(hypervisor_uris=("qemu:///system", "qemu+ssh://root@h2/system"))
        ),
        [
            (
                "fencing_settings",
                "fencing.agent",
                "sbd needs one disk shared by every member of a cluster, which libvirt can only "
                "attach on a single host, and the lab has 2 hypervisor_uris, got 'sbd'; use "
                "fence_xvm or fence_virsh, or one hypervisor",
            )
        ],
    ),
    Case(
        "unusable fence settings",
        {
            "fencing": {
                "delay_max_s": 0,
                "fence_xvm": {"multicast_address": "10.0.0.1"},
                "sbd": {"watchdog_timeout_s": 0, "disk_mib": 4},
                "fence_virsh": {"identity_file": "id_rsa", "user": ""},
            }
        },
        lambda: LabSpec(
            fencing=FencingSpec(
                delay_max_s=0,
                fence_xvm=FenceXvmSettings(multicast_address=IPv4Address("10.0.0.1")),
                sbd=SbdSettings(watchdog_timeout_s=0, disk_mib=4),
                fence_virsh=FenceVirshSettings(identity_file="id_rsa", user=""),
            )
        ),
        [
            (
                "fencing_settings",
                "fencing.delay_max_s",
                "the fence race delay must be between 1 and 120 seconds, got 0; use e.g. 15",
            ),
            (
                "fencing_settings",
                "fencing.fence_virsh.identity_file",
                "the key path must be absolute, got 'id_rsa'; use e.g. "
                "/etc/cluster/fence_virsh_id_ed25519",
            ),
            (
                "fencing_settings",
                "fencing.fence_virsh.user",
                "the setting must not be empty, got ''; remove it to use the default",
            ),
            (
                "fencing_settings",
                "fencing.fence_xvm.multicast_address",
                "fence_virtd listens on a multicast group, got '10.0.0.1'; use 225.0.0.12 (its "
                "default)",
            ),
            (
                "fencing_settings",
                "fencing.sbd.disk_mib",
                "an SBD disk needs 8–1024 MiB (it holds 255 slots of one sector), got 4; use 16",
            ),
            (
                "fencing_settings",
                "fencing.sbd.watchdog_timeout_s",
                "the SBD watchdog timeout must be 1–60 seconds, got 0; use e.g. 5",
            ),
        ],
    ),
    # ------------------------------------------------------------ networks
    Case(
        "network smaller than /24",
        {"networks": {"external": {"cidr": "10.20.3.0/25"}}},
        lambda: LabSpec(networks=Networks(external=net("10.20.3.0/25"))),
        [
            (
                "network_cidr",
                "networks.external.cidr",
                "the address plan needs a /24 or larger (gateway .1, VIPs .10–.19, nodes "
                ".20–.189, DHCP .200–.250), got '10.20.3.0/25'; use 10.20.3.0/24",
            )
        ],
    ),
    Case(
        "libvirt's default network",
        {"networks": {"management": {"cidr": "192.168.122.0/24"}}},
        lambda: LabSpec(networks=Networks(management=net("192.168.122.0/24"))),
        [
            (
                "network_cidr",
                "networks.management.cidr",
                "it overlaps libvirt's default network 192.168.122.0/24, active on most libvirt "
                "hosts, got '192.168.122.0/24'; use another range, e.g. 10.20.0.0/24",
            )
        ],
    ),
    Case(
        "loopback network",
        {"networks": {"storage": {"cidr": "127.0.0.0/24"}}},
        lambda: LabSpec(networks=Networks(storage=net("127.0.0.0/24"))),
        [
            (
                "network_cidr",
                "networks.storage.cidr",
                "a lab network must be ordinary unicast address space, got '127.0.0.0/24'; use "
                "a private range, e.g. 10.20.0.0/24",
            )
        ],
    ),
    Case(
        "overlapping networks",
        {"networks": {"storage": {"cidr": "10.20.0.0/16"}}},
        lambda: LabSpec(networks=Networks(storage=net("10.20.0.0/16"))),
        [
            (
                "network_overlap",
                "networks.external.cidr",
                "it overlaps networks.storage.cidr 10.20.0.0/16, got '10.20.3.0/24'; give each "
                "network its own subnet",
            ),
            (
                "network_overlap",
                "networks.storage.cidr",
                "it overlaps networks.management.cidr 10.20.0.0/24, got '10.20.0.0/16'; give "
                "each network its own subnet",
            ),
            (
                "network_overlap",
                "networks.tenant.cidr",
                "it overlaps networks.storage.cidr 10.20.0.0/16, got '10.20.2.0/24'; give each "
                "network its own subnet",
            ),
        ],
    ),
    Case(
        "VLAN out of range and shared",
        {
            "networks": {
                "management": {"vlan_id": 4095},
                "storage": {"vlan_id": 10},
                "tenant": {"vlan_id": 10},
            }
        },
        lambda: LabSpec(
            networks=Networks(
                management=net("10.20.0.0/24", vlan_id=4095),
                storage=net("10.20.1.0/24", vlan_id=10),
                tenant=DEFAULT_NETS.tenant.model_copy(update={"vlan_id": 10}),
            )
        ),
        [
            (
                "network_vlan",
                "networks.management.vlan_id",
                "802.1Q VLAN ids are 1–4094, got 4095; use 1–4094, or remove it for an untagged "
                "network",
            ),
            (
                "network_vlan",
                "networks.tenant.vlan_id",
                "networks.storage.vlan_id is the same VLAN, which would join the two networks, "
                "got 10; give each network its own VLAN",
            ),
        ],
    ),
    Case(
        "DHCP start outside the subnet",
        {"networks": {"management": {"dhcp_start": "10.30.0.5"}}},
        lambda: LabSpec(
            networks=Networks(management=net("10.20.0.0/24", dhcp_start=IPv4Address("10.30.0.5")))
        ),
        [
            (
                "dhcp_range",
                "networks.management.dhcp_start",
                "the DHCP range must lie inside 10.20.0.0/24 (not its network or broadcast "
                "address), got '10.30.0.5'; use an address of 10.20.0.0/24, e.g. 10.20.0.200",
            )
        ],
    ),
    Case(
        "DHCP range reversed",
        {"networks": {"management": {"dhcp_start": "10.20.0.240", "dhcp_end": "10.20.0.230"}}},
        lambda: LabSpec(
            networks=Networks(
                management=net(
                    "10.20.0.0/24",
                    dhcp_start=IPv4Address("10.20.0.240"),
                    dhcp_end=IPv4Address("10.20.0.230"),
                )
            )
        ),
        [
            (
                "dhcp_range",
                "networks.management.dhcp_start",
                "the DHCP range starts after its end 10.20.0.230, got '10.20.0.240'; give "
                "dhcp_start ≤ dhcp_end",
            )
        ],
    ),
    Case(
        "DHCP range over the gateway and the nodes",
        {"networks": {"management": {"dhcp_start": "10.20.0.1"}}},
        lambda: LabSpec(
            networks=Networks(management=net("10.20.0.0/24", dhcp_start=IPv4Address("10.20.0.1")))
        ),
        [
            (
                "dhcp_range",
                "networks.management.dhcp_start",
                "the DHCP range 10.20.0.1–10.20.0.250 covers 11 node addresses (ctl1 is "
                "10.20.0.20), got '10.20.0.1'; keep DHCP clear of .20–.189, e.g. .200–.250",
            ),
            (
                "dhcp_range",
                "networks.management.dhcp_start",
                "the DHCP range 10.20.0.1–10.20.0.250 includes the gateway 10.20.0.1, got "
                "'10.20.0.1'; start after 10.20.0.1, e.g. 10.20.0.200",
            ),
        ],
    ),
    # ------------------------------------------------------------ VIPs
    Case(
        "public VIP outside the external subnet",
        {"vips": {"public": {"address": "10.20.0.50"}}},
        lambda: LabSpec(vips=Vips(public=Vip(address=IPv4Address("10.20.0.50")))),
        [
            (
                "vip_subnet",
                "vips.public.address",
                "the public VIP lives on the external network 10.20.3.0/24, got '10.20.0.50'; "
                "use a host address of 10.20.3.0/24 outside the DHCP range, e.g. 10.20.3.10",
            )
        ],
    ),
    Case(
        "VIP inside the DHCP range",
        {"vips": {"public": {"address": "10.20.3.210"}}},
        lambda: LabSpec(vips=Vips(public=Vip(address=IPv4Address("10.20.3.210")))),
        [
            (
                "vip_dhcp",
                "vips.public.address",
                "the address is inside the DHCP range 10.20.3.200–10.20.3.250 of "
                "networks.external, where a DHCP client could take it, got '10.20.3.210'; use "
                "an address outside it, e.g. 10.20.3.10",
            )
        ],
    ),
    Case(
        "VIP on the gateway",
        {"vips": {"internal": {"address": "10.20.0.1"}}},
        lambda: LabSpec(vips=Vips(internal=Vip(address=IPv4Address("10.20.0.1")))),
        [
            (
                "vip_collision",
                "vips.internal.address",
                "the address is the gateway of networks.management, got '10.20.0.1'; use .10–.19",
            )
        ],
    ),
    Case(
        "two VIPs on one address",
        {"vips": {"database": {"address": "10.20.0.10"}}},
        lambda: LabSpec(vips=Vips(database=Vip(address=IPv4Address("10.20.0.10")))),
        [
            (
                "vip_collision",
                "vips.database.address",
                "the internal VIP has the same address, got '10.20.0.10'; give each VIP its own "
                "address",
            )
        ],
    ),
    Case(
        "VIP on a node's address",
        {"vips": {"internal": {"address": "10.20.0.20"}}},
        lambda: LabSpec(vips=Vips(internal=Vip(address=IPv4Address("10.20.0.20")))),
        [
            (
                "vip_collision",
                "vips.internal.address",
                "the address is node ctl1's on management, got '10.20.0.20'; use .10–.19, which "
                "no node takes",
            )
        ],
    ),
    Case(
        "broker VIP with clustered brokers",
        {"vips": {"broker": {"address": "10.20.0.12"}}},
        lambda: LabSpec(vips=Vips(broker=Vip(address=IPv4Address("10.20.0.12")))),
        [
            (
                "vip_unused",
                "vips.broker.address",
                "clustered brokers have no VIP (clients list every broker), got '10.20.0.12'; "
                "remove it, or set brokers.mode: active-passive",
            )
        ],
    ),
    # ------------------------------------------------------------ services
    Case(
        "HAProxy below the validated sizing, stats on keystone's port",
        {"load_balancers": {"maxconn_global": 1000, "maxconn_defaults": 1000, "stats_port": 5000}},
        lambda: LabSpec(
            load_balancers=LoadBalancerGroup(
                maxconn_global=1000, maxconn_defaults=1000, stats_port=5000
            )
        ),
        [
            (
                "haproxy_sizing",
                "load_balancers.maxconn_defaults",
                "validated deployments run HAProxy frontends with maxconn of at least 4096, got "
                "1000; use 4096 or more",
            ),
            (
                "haproxy_sizing",
                "load_balancers.maxconn_global",
                "validated deployments run HAProxy with a global maxconn of at least 20480, got "
                "1000; use 20480 or more",
            ),
            (
                "haproxy_sizing",
                "load_balancers.stats_port",
                "the port is already used by keystone, got 5000; use 1936",
            ),
        ],
    ),
    Case(
        "frontend maxconn above the global one",
        {"load_balancers": {"maxconn_defaults": 30000}},
        lambda: LabSpec(load_balancers=LoadBalancerGroup(maxconn_defaults=30000)),
        [
            (
                "haproxy_sizing",
                "load_balancers.maxconn_defaults",
                "a frontend's limit cannot exceed the global maxconn 20480, got 30000; use at "
                "most 20480",
            )
        ],
    ),
    Case(
        "open files and Galera settings out of range",
        {
            "database": {
                "open_files_limit": 1024,
                "gcache_size_mib": 64,
                "max_connections": 10,
                "cluster_name": "open stack",
            },
            "brokers": {"open_files_limit": 1024},
        },
        lambda: LabSpec(
            database=DatabaseGroup(
                open_files_limit=1024,
                gcache_size_mib=64,
                max_connections=10,
                cluster_name="open stack",
            ),
            brokers=BrokerGroup(open_files_limit=1024),
        ),
        [
            (
                "galera_settings",
                "database.cluster_name",
                "wsrep_cluster_name must be 1–32 letters, digits, '_', '.' or '-', got 'open "
                "stack'; use e.g. 'openstack'",
            ),
            (
                "galera_settings",
                "database.gcache_size_mib",
                "gcache.size must hold some write-set history (128 MiB) and fit a lab disk (64 "
                "GiB), got 64; use 128–65536 (default 512)",
            ),
            (
                "galera_settings",
                "database.max_connections",
                "OpenStack services need at least 100 connections; MariaDB caps it at 100000, "
                "got 10; use 100–100000 (default 4096)",
            ),
            (
                "open_files",
                "brokers.open_files_limit",
                "validated deployments give RabbitMQ at least 16384 open files, got 1024; use "
                "16384 or more",
            ),
            (
                "open_files",
                "database.open_files_limit",
                "validated deployments give MariaDB at least 16384 open files, got 1024; use "
                "16384 or more",
            ),
        ],
    ),
    # ------------------------------------------------------------ platform
    Case(
        "no hypervisor, empty base image",
        {"libvirt": {"hypervisor_uris": [], "base_image": ""}},
        lambda: LabSpec(libvirt=LibvirtSettings(hypervisor_uris=(), base_image="")),
        [
            (
                "platform_settings",
                "libvirt.base_image",
                "the setting must not be empty, got ''; remove it to use the default",
            ),
            (
                "platform_settings",
                "libvirt.hypervisor_uris",
                "at least one hypervisor is needed, got []; use [qemu:///system]",
            ),
        ],
    ),
    Case(
        "hypervisor URI without a scheme",
        {"libvirt": {"hypervisor_uris": ["localhost"]}},
        lambda: LabSpec(libvirt=LibvirtSettings(hypervisor_uris=("localhost",))),
        [
            (
                "platform_settings",
                "libvirt.hypervisor_uris[0]",
                "a libvirt connection URI has a scheme, got 'localhost'; use e.g. "
                "qemu:///system or qemu+ssh://root@host/system",
            )
        ],
    ),
    Case(
        "blank OpenStack external network",
        {"platform": "openstack", "openstack": {"external_network": " "}},
        lambda: LabSpec(platform="openstack", openstack=OpenStackSettings(external_network=" ")),
        [
            (
                "platform_settings",
                "openstack.external_network",
                "the setting must not be empty, got ' '; remove it to use the default",
            )
        ],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_python_lab_is_rejected_with_exact_problems_by_derive_plan(case: Case) -> None:
    spec = case.build()  # the structure is sound: building a spec does not run the rules
    with pytest.raises(LabError) as caught:
        derive_plan(spec)
    assert triples(caught.value) == sorted(case.expected)
    assert all(p.source == "" for p in caught.value.problems)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_python_lab_is_rejected_with_exact_problems_by_validate_lab(case: Case) -> None:
    with pytest.raises(LabError) as caught:
        validate_lab(case.build())
    assert triples(caught.value) == sorted(case.expected)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_yaml_lab_is_rejected_with_exact_problems(case: Case) -> None:
    text = yaml.safe_dump(case.doc, sort_keys=False)
    with pytest.raises(LabError) as caught:
        parse_lab_text(text, source="lab.yaml")
    assert triples(caught.value) == sorted(case.expected)
    assert all(p.source.startswith("lab.yaml") for p in caught.value.problems)


def _all_rules() -> list[Rule]:
    return [*RULES, *(rule for rows in PLATFORM_RULES.values() for rule in rows)]


def test_every_rule_code_has_a_case() -> None:
    rule_codes = {code for rule in _all_rules() for code in rule.codes}
    cased = {code for case in CASES for code, _, _ in case.expected}
    assert rule_codes - cased == set()
    assert cased <= set(CODES)


def test_rule_codes_are_registered() -> None:
    for rule in _all_rules():
        assert set(rule.codes) <= set(CODES), rule.summary


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(LabSpec, id="default"),
        pytest.param(
            lambda: LabSpec(database=DatabaseGroup(count=2, arbitrator=True)),
            id="two Galera members with garbd",
        ),
        pytest.param(lambda: LabSpec(database=DatabaseGroup(count=5)), id="five Galera members"),
        pytest.param(
            lambda: LabSpec(brokers=BrokerGroup(mode="active-passive")),
            id="active-passive brokers default to 2",
        ),
        pytest.param(lambda: LabSpec(brokers=BrokerGroup(count=15)), id="15 brokers"),
        pytest.param(
            lambda: LabSpec(load_balancers=LoadBalancerGroup(count=100)), id="100 load balancers"
        ),
        pytest.param(lambda: LabSpec(controllers=ControllerGroup(count=20)), id="20 controllers"),
        pytest.param(lambda: LabSpec(layout="collapsed"), id="collapsed"),
        pytest.param(lambda: LabSpec(platform="openstack"), id="openstack"),
        pytest.param(lambda: LabSpec(fencing=FencingSpec(agent="none")), id="fencing none"),
        pytest.param(
            lambda: LabSpec(
                libvirt=LibvirtSettings(hypervisor_uris=("qemu:///system", "qemu+ssh://h2/system")),
                fencing=FencingSpec(agent="fence_xvm"),
            ),
            id="two hypervisors with fence_xvm",
        ),
        pytest.param(
            lambda: LabSpec(
                database=DatabaseGroup(count=2, arbitrator=True),
                pacemaker=PacemakerSpec(no_quorum_policy="ignore"),
            ),
            id="no-quorum-policy ignore when every cluster has 2 members",
        ),
        pytest.param(
            lambda: LabSpec(corosync=CorosyncSpec(links=("management",))), id="a single knet link"
        ),
        pytest.param(
            lambda: LabSpec(
                networks=Networks(storage_management=net("10.20.4.0/24")),
                corosync=CorosyncSpec(links=("management", "storage")),
            ),
            id="storage management network",
        ),
        pytest.param(
            lambda: LabSpec(vips=Vips(public=Vip(address=IPv4Address("10.20.3.195")))),
            id="a given VIP in the spare block",
        ),
    ],
)
def test_valid_labs_pass_every_rule_and_derive(build: Callable[[], LabSpec]) -> None:
    spec = build()
    plan = derive_plan(spec)
    assert plan.nodes
