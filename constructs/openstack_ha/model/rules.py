"""Cross-field rules of a lab, kept as ONE table: ``RULES``.

Each entry is ``Rule(codes, reads, summary, check)``: ``check(spec)`` yields a
``Problem`` for every violation (all of them, not the first), ``reads`` lists
the parts of the lab it depends on (so the loader can still run the rules
whose inputs were valid when other parts of a lab file had structural
errors), ``summary`` says which fact of the field it encodes.

Message shape: ``<what is wrong>, got <value>; <what is allowed / the fix>``
(the location is ``Problem.loc``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from ipaddress import IPv4Address

from openstack_ha.model.errors import Problem, did_you_mean, format_choices, format_value
from openstack_ha.model.groups import GROUP_ORDER, GroupName
from openstack_ha.model.ha import (
    CRYPTO_CIPHERS,
    CRYPTO_HASHES,
    MAX_KNET_LINKS,
)
from openstack_ha.model.networks import (
    GROUP_BLOCKS,
    MAX_PREFIX_LENGTH,
    VIP_OFFSETS,
    address_at,
    dhcp_bounds,
    gateway_of,
)
from openstack_ha.model.platforms import platform_profile
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import (
    cluster_seeds,
    defaults_differ,
    groups_in_use,
    node_seeds,
    vip_addresses,
    vips_in_use,
)

__all__ = ["RULES", "Rule", "check_rules"]

Check = Callable[[LabSpec], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    """One row of the table: the codes it may yield, what it reads, why, and the check."""

    codes: tuple[str, ...]
    reads: tuple[str, ...]
    summary: str
    check: Check


def _p(code: str, loc: str, what: str, got: object, fix: str, *, raw: bool = False) -> Problem:
    shown = got if raw and isinstance(got, str) else format_value(got)
    return Problem(loc=loc, code=code, message=f"{what}, got {shown}; {fix}")


# ---------------------------------------------------------------- names

_LABEL = re.compile(r"^[a-z]([a-z0-9-]*[a-z0-9])?$")
_PREFIX = re.compile(r"^[a-z][a-z0-9-]*$")


def _suggest_label(value: str) -> str:
    cleaned = re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = "lab-" + cleaned if cleaned else "ha-lab"
    return cleaned[:32].rstrip("-")


def _check_names(spec: LabSpec) -> Iterator[Problem]:
    if not _LABEL.match(spec.name) or len(spec.name) > 32:
        yield _p(
            "invalid_name",
            "name",
            "the lab name must be a DNS label (lower-case letters, digits and '-', starting "
            "with a letter, at most 32 characters)",
            spec.name,
            f"use e.g. {_suggest_label(spec.name)!r}",
        )
    if spec.domain is not None:
        labels = spec.domain.split(".")
        if len(spec.domain) > 200 or not all(_LABEL.match(label) for label in labels):
            yield _p(
                "invalid_name",
                "domain",
                "the domain must be dot-separated DNS labels (lower-case letters, digits and '-')",
                spec.domain,
                f"use e.g. {spec.name}.internal, or remove it",
            )
    for group in groups_in_use(spec):
        prefix = getattr(spec, group).hostname_prefix
        if not _PREFIX.match(prefix) or len(prefix) > 20:
            yield _p(
                "invalid_name",
                f"{group}.hostname_prefix",
                "a hostname prefix must be lower-case letters, digits and '-', starting with "
                "a letter, at most 20 characters",
                prefix,
                f"use e.g. {_suggest_label(prefix)[:20]!r}",
            )


def _check_duplicate_hostnames(spec: LabSpec) -> Iterator[Problem]:
    first: dict[str, tuple[GroupName, int]] = {}
    reported: set[GroupName] = set()
    for node in node_seeds(spec):
        if node.hostname not in first:
            first[node.hostname] = (node.group, node.index)
            continue
        if node.group in reported:
            continue
        reported.add(node.group)
        group, index = first[node.hostname]
        yield _p(
            "duplicate_name",
            f"{node.group}.hostname_prefix",
            f"{node.group} node {node.index} would be named {node.hostname!r}, which "
            f"{group} node {index} already is",
            getattr(spec, node.group).hostname_prefix,
            "give each group a prefix that is not another group's prefix followed by digits",
        )


def _check_duplicate_settings(spec: LabSpec) -> Iterator[Problem]:
    lists: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("libvirt.hypervisor_uris", spec.libvirt.hypervisor_uris),
        ("openstack.availability_zones", spec.openstack.availability_zones),
    )
    for loc, values in lists:
        seen: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in seen:
                yield _p(
                    "duplicate_name",
                    f"{loc}[{i}]",
                    f"the same entry is already {loc}[{seen[value]}]",
                    value,
                    "list each one once",
                )
            else:
                seen[value] = i


# ---------------------------------------------------------------- groups


def _check_controllers(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout != "dedicated":
        return
    count = spec.controllers.count
    if not 2 <= count <= GROUP_BLOCKS["controllers"][1]:
        yield _p(
            "group_size",
            "controllers.count",
            "the whitepaper runs every API service on at least 2 nodes and the controllers' "
            "address block holds 20",
            count,
            "use 2–20",
        )


def _galera_members(spec: LabSpec) -> int:
    return 3 if spec.layout == "collapsed" else spec.database.count


def _check_galera(spec: LabSpec) -> Iterator[Problem]:
    members = _galera_members(spec)
    arbitrator = spec.database.arbitrator
    if spec.layout == "dedicated":
        count = spec.database.count
        if count > GROUP_BLOCKS["database"][1]:
            yield _p(
                "group_size",
                "database.count",
                "the database address block holds 20 nodes",
                count,
                "use at most 19 (odd), or 20 with database.arbitrator: true",
            )
        elif count < 2:
            yield _p(
                "galera_too_few",
                "database.count",
                "Galera needs at least 3 members to keep quorum when one fails",
                count,
                "use 3, 5 or 7",
            )
        elif count % 2 == 0 and not arbitrator:
            yield _p(
                "galera_even",
                "database.count",
                "Galera needs an odd number of members to keep quorum",
                count,
                "use 3, 5 or 7, or set database.arbitrator: true to add garbd as a tie-breaker",
            )
    if arbitrator and members % 2 == 1:
        yield _p(
            "galera_arbitrator_needless",
            "database.arbitrator",
            f"an arbitrator only breaks ties between an even number of members, and this "
            f"lab has {members}",
            True,
            "remove database.arbitrator, or use an even database.count in the dedicated layout",
        )


def _check_brokers(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout != "dedicated":
        return
    count = spec.brokers.resolved_count()
    if spec.brokers.mode == "active-passive":
        if count != 2:
            yield _p(
                "broker_active_passive_size",
                "brokers.count",
                "active-passive mode is one active broker and one standby behind the broker VIP",
                count,
                "use 2, or remove brokers.count",
            )
        return
    if count < 3:
        yield _p(
            "group_size",
            "brokers.count",
            "quorum queues need at least 3 clustered brokers",
            count,
            "use 3, 5 or 7, or brokers.mode: active-passive for a pair",
        )
    elif count > 15:
        yield _p(
            "group_size",
            "brokers.count",
            "the whitepaper caps a broker cluster at 16 and the count must be odd",
            count,
            "use at most 15",
        )
    elif count % 2 == 0:
        yield _p(
            "broker_even",
            "brokers.count",
            "cluster_partition_handling pause_minority stops both halves of an even split",
            count,
            f"use {count - 1} or {count + 1}",
        )


def _check_load_balancers(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout != "dedicated":
        return
    count = spec.load_balancers.count
    if not 2 <= count <= 100:
        yield _p(
            "group_size",
            "load_balancers.count",
            "the whitepaper runs 2 to 100 HAProxy nodes",
            count,
            "use 2–100",
        )


def _check_collapsed(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout == "collapsed" and spec.converged.count != 3:
        yield _p(
            "collapsed_size",
            "converged.count",
            "the collapsed layout runs every role on exactly 3 converged nodes",
            spec.converged.count,
            "use 3, or layout: dedicated for more nodes",
        )


def _check_layout_ignored(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout == "collapsed":
        for group in GROUP_ORDER:
            if group == "converged":
                continue
            for name in defaults_differ(spec, group):
                yield _p(
                    "layout_ignored",
                    f"{group}.{name}",
                    f"the collapsed layout runs every role on the converged nodes, so "
                    f"{group}.{name} is not used",
                    getattr(getattr(spec, group), name),
                    "remove it (size the nodes with converged.*), or use layout: dedicated",
                )
    else:
        for name in defaults_differ(spec, "converged"):
            if name == "count":
                continue  # converged.count is checked in the collapsed layout only
            yield _p(
                "layout_ignored",
                f"converged.{name}",
                f"converged.{name} only applies to layout: collapsed",
                getattr(spec.converged, name),
                "remove it, or set layout: collapsed",
            )
        if spec.converged.count != 3:
            yield _p(
                "layout_ignored",
                "converged.count",
                "converged.count only applies to layout: collapsed",
                spec.converged.count,
                "remove it, or set layout: collapsed",
            )


_SIZING_FLOORS = (("vcpus", 1, " vCPU"), ("memory_mib", 1024, " MiB"), ("disk_gib", 10, " GiB"))


def _check_sizing(spec: LabSpec) -> Iterator[Problem]:
    for group in groups_in_use(spec):
        settings = getattr(spec, group)
        for name, floor, unit in _SIZING_FLOORS:
            value = getattr(settings, name)
            if value < floor:
                yield _p(
                    "sizing",
                    f"{group}.{name}",
                    f"each node needs at least {floor}{unit}",
                    value,
                    f"use {floor} or more",
                )


# ---------------------------------------------------------------- pacemaker / corosync


def _check_cluster_size(spec: LabSpec) -> Iterator[Problem]:
    value = spec.pacemaker.max_full_members
    if not 2 <= value <= 32:
        yield _p(
            "cluster_size",
            "pacemaker.max_full_members",
            "Corosync and Pacemaker support 2 to 32 full members per cluster",
            value,
            "use 2–32 (members beyond it join as pacemaker_remote nodes)",
        )


def _check_no_quorum_policy(spec: LabSpec) -> Iterator[Problem]:
    if spec.pacemaker.no_quorum_policy != "ignore":
        return
    full = min(spec.pacemaker.max_full_members, 32)
    big = [c for c in cluster_seeds(spec) if min(len(c.members), full) >= 3]
    if big:
        cluster = big[0]
        yield _p(
            "no_quorum_policy",
            "pacemaker.no_quorum_policy",
            f"a partition without quorum must stop its resources in a cluster of 3 or more "
            f"full members (cluster {cluster.name} has {min(len(cluster.members), full)})",
            "ignore",
            "use stop",
        )


def _check_corosync_transport(spec: LabSpec) -> Iterator[Problem]:
    if spec.corosync.transport != "knet":
        yield _p(
            "corosync_transport",
            "corosync.transport",
            "only knet can encrypt cluster traffic (udp and udpu are refused by upcoming "
            "corosync builds)",
            spec.corosync.transport,
            "use knet",
        )


def _check_corosync_crypto(spec: LabSpec) -> Iterator[Problem]:
    for name, allowed in (("crypto_cipher", CRYPTO_CIPHERS), ("crypto_hash", CRYPTO_HASHES)):
        value = getattr(spec.corosync, name)
        if value == "none":
            yield _p(
                "corosync_crypto",
                f"corosync.{name}",
                "cluster traffic must be encrypted and authenticated",
                value,
                f"use {format_choices(allowed)}",
            )
        elif value not in allowed:
            yield _p(
                "corosync_crypto",
                f"corosync.{name}",
                f"unknown {name}",
                value,
                f"use {format_choices(allowed)}{did_you_mean(value, allowed)}",
            )


def _check_corosync_links(spec: LabSpec) -> Iterator[Problem]:
    links = spec.corosync.links
    if not links:
        yield _p(
            "corosync_links",
            "corosync.links",
            "Corosync needs at least one knet link",
            [],
            "use [management, storage]",
        )
        return
    if len(links) > MAX_KNET_LINKS:
        yield _p(
            "corosync_links",
            "corosync.links",
            f"knet supports at most {MAX_KNET_LINKS} links",
            f"{len(links)} links",
            "list at most 8 networks",
            raw=True,
        )
    defined = {name for name, _ in spec.networks.defined()}
    seen: dict[str, int] = {}
    clusters = cluster_seeds(spec)
    for i, network in enumerate(links):
        loc = f"corosync.links[{i}]"
        if network in seen:
            yield _p(
                "corosync_links",
                loc,
                f"network {network} already carries link {seen[network]}",
                network,
                "list each network once",
            )
            continue
        seen[network] = i
        if network not in defined:
            yield _p(
                "corosync_links",
                loc,
                f"network {network} is not defined",
                network,
                f"define networks.{network}, or remove the link",
            )
            continue
        for cluster in clusters:
            outside = [m for m in cluster.members if network not in m.networks]
            if outside:
                yield _p(
                    "corosync_links",
                    loc,
                    f"every member of cluster {cluster.name} needs an address on a link's "
                    f"network, and {outside[0].group} nodes are not on {network}",
                    network,
                    "use management or storage",
                )
                break


def _check_corosync_token(spec: LabSpec) -> Iterator[Problem]:
    value = spec.corosync.token_timeout_ms
    if not 500 <= value <= 30000:
        yield _p(
            "corosync_token",
            "corosync.token_timeout_ms",
            "a token timeout below 500 ms fences healthy nodes on a busy host, above 30 s "
            "stalls failover",
            value,
            "use 500–30000 (default 3000)",
        )


# ---------------------------------------------------------------- fencing


def _check_fencing_platform(spec: LabSpec) -> Iterator[Problem]:
    agent = spec.fencing.agent
    if agent is None or agent == "none":
        return
    profile = platform_profile(spec.platform)
    allowed = profile.allowed_fence_agents()
    if agent not in allowed:
        what = profile.guests
        yield _p(
            "fencing_platform",
            "fencing.agent",
            f"{agent} cannot fence {what}",
            agent,
            f"use {format_choices(allowed)} (or none to switch fencing off)",
        )


def _check_fencing_settings(spec: LabSpec) -> Iterator[Problem]:
    fencing = spec.fencing
    agent = fencing.resolved_agent(spec.platform)
    hosts = platform_profile(spec.platform).shared_disk_hosts(spec)
    if agent == "sbd" and hosts > 1:
        yield _p(
            "fencing_settings",
            "fencing.agent",
            "sbd needs one disk shared by every member of a cluster, which libvirt can only "
            f"attach on a single host, and the lab has {hosts} hypervisor_uris",
            "sbd",
            "use fence_xvm or fence_virsh, or one hypervisor",
        )
    if not 1 <= fencing.delay_max_s <= 120:
        yield _p(
            "fencing_settings",
            "fencing.delay_max_s",
            "the fence race delay must be between 1 and 120 seconds",
            fencing.delay_max_s,
            "use e.g. 15",
        )
    if not fencing.fence_xvm.multicast_address.is_multicast:
        yield _p(
            "fencing_settings",
            "fencing.fence_xvm.multicast_address",
            "fence_virtd listens on a multicast group",
            str(fencing.fence_xvm.multicast_address),
            "use 225.0.0.12 (its default)",
        )
    if not 1 <= fencing.fence_xvm.port <= 65535:
        yield _p(
            "fencing_settings",
            "fencing.fence_xvm.port",
            "a port is 1–65535",
            fencing.fence_xvm.port,
            "use 1229 (its default)",
        )
    if not 1 <= fencing.sbd.watchdog_timeout_s <= 60:
        yield _p(
            "fencing_settings",
            "fencing.sbd.watchdog_timeout_s",
            "the SBD watchdog timeout must be 1–60 seconds",
            fencing.sbd.watchdog_timeout_s,
            "use e.g. 5",
        )
    if not 8 <= fencing.sbd.disk_mib <= 1024:
        yield _p(
            "fencing_settings",
            "fencing.sbd.disk_mib",
            "an SBD disk needs 8–1024 MiB (it holds 255 slots of one sector)",
            fencing.sbd.disk_mib,
            "use 16",
        )
    for loc, value in (
        ("fencing.fence_virsh.user", fencing.fence_virsh.user),
        ("fencing.fence_virsh.identity_file", fencing.fence_virsh.identity_file),
        ("fencing.fence_openstack.cloud", fencing.fence_openstack.cloud),
    ):
        if not value.strip():
            yield _p(
                "fencing_settings",
                loc,
                "the setting must not be empty",
                value,
                "remove it to use the default",
            )
    if not fencing.fence_virsh.identity_file.startswith("/"):
        yield _p(
            "fencing_settings",
            "fencing.fence_virsh.identity_file",
            "the key path must be absolute",
            fencing.fence_virsh.identity_file,
            "use e.g. /etc/cluster/fence_virsh_id_ed25519",
        )


# ---------------------------------------------------------------- networks


def _check_network_cidrs(spec: LabSpec) -> Iterator[Problem]:
    for name, network in spec.networks.defined():
        loc = f"networks.{name}.cidr"
        cidr = network.cidr
        if (
            cidr.is_loopback
            or cidr.is_multicast
            or cidr.is_link_local
            or cidr.is_unspecified
            or cidr.is_reserved
            or cidr.network_address == IPv4Address("0.0.0.0")
        ):
            yield _p(
                "network_cidr",
                loc,
                "a lab network must be ordinary unicast address space",
                str(cidr),
                "use a private range, e.g. 10.20.0.0/24",
            )
            continue
        if cidr.prefixlen > MAX_PREFIX_LENGTH:
            yield _p(
                "network_cidr",
                loc,
                "the address plan needs a /24 or larger (gateway .1, VIPs .10–.19, nodes "
                ".20–.189, DHCP .200–.250)",
                str(cidr),
                f"use {cidr.supernet(new_prefix=MAX_PREFIX_LENGTH)}",
            )
        for reserved, why in platform_profile(spec.platform).reserved_networks:
            if cidr.overlaps(reserved):
                yield _p(
                    "network_cidr", loc, why, str(cidr), "use another range, e.g. 10.20.0.0/24"
                )


def _check_network_overlap(spec: LabSpec) -> Iterator[Problem]:
    defined = spec.networks.defined()
    for i, (name, network) in enumerate(defined):
        for other_name, other in defined[:i]:
            if network.cidr.overlaps(other.cidr):
                yield _p(
                    "network_overlap",
                    f"networks.{name}.cidr",
                    f"it overlaps networks.{other_name}.cidr {other.cidr}",
                    str(network.cidr),
                    "give each network its own subnet",
                )
                break


def _check_vlans(spec: LabSpec) -> Iterator[Problem]:
    seen: dict[int, str] = {}
    for name, network in spec.networks.defined():
        vlan = network.vlan_id
        if vlan is None:
            continue
        loc = f"networks.{name}.vlan_id"
        if not 1 <= vlan <= 4094:
            yield _p(
                "network_vlan",
                loc,
                "802.1Q VLAN ids are 1–4094",
                vlan,
                "use 1–4094, or remove it for an untagged network",
            )
        elif vlan in seen:
            yield _p(
                "network_vlan",
                loc,
                f"networks.{seen[vlan]}.vlan_id is the same VLAN, which would join the two "
                "networks",
                vlan,
                "give each network its own VLAN",
            )
        else:
            seen[vlan] = name


def _check_dhcp(spec: LabSpec) -> Iterator[Problem]:
    nodes = node_seeds(spec)
    for name, network in spec.networks.defined():
        cidr = network.cidr
        if cidr.prefixlen > MAX_PREFIX_LENGTH:
            continue  # network_cidr reports it; the default range would not fit either
        start, end = dhcp_bounds(network)
        bad = False
        for field, value, example in (("dhcp_start", start, 200), ("dhcp_end", end, 250)):
            if value not in cidr or value in (cidr.network_address, cidr.broadcast_address):
                bad = True
                yield _p(
                    "dhcp_range",
                    f"networks.{name}.{field}",
                    f"the DHCP range must lie inside {cidr} (not its network or broadcast address)",
                    str(value),
                    f"use an address of {cidr}, e.g. {address_at(network, example)}",
                )
        if bad:
            continue
        if start > end:
            yield _p(
                "dhcp_range",
                f"networks.{name}.dhcp_start",
                f"the DHCP range starts after its end {end}",
                str(start),
                "give dhcp_start ≤ dhcp_end",
            )
            continue
        gateway = gateway_of(network)
        if start <= gateway <= end:
            yield _p(
                "dhcp_range",
                f"networks.{name}.dhcp_start",
                f"the DHCP range {start}–{end} includes the gateway {gateway}",
                str(start),
                f"start after {gateway}, e.g. {address_at(network, 200)}",
            )
        inside = [
            n for n in nodes if name in n.networks and start <= address_at(network, n.offset) <= end
        ]
        if inside:
            first = inside[0]
            yield _p(
                "dhcp_range",
                f"networks.{name}.dhcp_start",
                f"the DHCP range {start}–{end} covers {len(inside)} node address"
                f"{'es' if len(inside) != 1 else ''} ({first.hostname} is "
                f"{address_at(network, first.offset)})",
                str(start),
                "keep DHCP clear of .20–.189, e.g. .200–.250",
            )


# ---------------------------------------------------------------- VIPs


def _check_vips(spec: LabSpec) -> Iterator[Problem]:
    resolved = vip_addresses(spec)
    nodes = node_seeds(spec)
    taken: dict[IPv4Address, str] = {}
    for vip, (network_name, address) in resolved.items():
        loc = f"vips.{vip}.address"
        network = spec.networks.get(network_name)
        assert network is not None
        given = spec.vips.get(vip).address is not None
        cidr = network.cidr
        start, end = dhcp_bounds(network)
        example = address_at(network, VIP_OFFSETS[vip][1])
        if given and (
            address not in cidr or address in (cidr.network_address, cidr.broadcast_address)
        ):
            yield _p(
                "vip_subnet",
                loc,
                f"the {vip} VIP lives on the {network_name} network {cidr}",
                str(address),
                f"use a host address of {cidr} outside the DHCP range, e.g. {example}",
            )
            continue
        if given and start <= address <= end:
            yield _p(
                "vip_dhcp",
                loc,
                f"the address is inside the DHCP range {start}–{end} of networks.{network_name}, "
                "where a DHCP client could take it",
                str(address),
                f"use an address outside it, e.g. {example}",
            )
        if address == gateway_of(network):
            yield _p(
                "vip_collision",
                loc,
                f"the address is the gateway of networks.{network_name}",
                str(address),
                "use .10–.19",
            )
        elif address in taken:
            yield _p(
                "vip_collision",
                loc,
                f"the {taken[address]} VIP has the same address",
                str(address),
                "give each VIP its own address",
            )
        else:
            holder = next(
                (
                    n
                    for n in nodes
                    if network_name in n.networks and address_at(network, n.offset) == address
                ),
                None,
            )
            if holder is not None:
                yield _p(
                    "vip_collision",
                    loc,
                    f"the address is node {holder.hostname}'s on {network_name}",
                    str(address),
                    "use .10–.19, which no node takes",
                )
        taken.setdefault(address, vip)


def _check_vip_unused(spec: LabSpec) -> Iterator[Problem]:
    in_use = vips_in_use(spec)
    if "broker" not in in_use and spec.vips.broker.address is not None:
        yield _p(
            "vip_unused",
            "vips.broker.address",
            "clustered brokers have no VIP (clients list every broker)",
            str(spec.vips.broker.address),
            "remove it, or set brokers.mode: active-passive",
        )


# ---------------------------------------------------------------- services


def _check_haproxy(spec: LabSpec) -> Iterator[Problem]:
    lb = spec.load_balancers
    if lb.maxconn_global < 20480:
        yield _p(
            "haproxy_sizing",
            "load_balancers.maxconn_global",
            "validated deployments run HAProxy with a global maxconn of at least 20480",
            lb.maxconn_global,
            "use 20480 or more",
        )
    if lb.maxconn_defaults < 4096:
        yield _p(
            "haproxy_sizing",
            "load_balancers.maxconn_defaults",
            "validated deployments run HAProxy frontends with maxconn of at least 4096",
            lb.maxconn_defaults,
            "use 4096 or more",
        )
    elif lb.maxconn_defaults > lb.maxconn_global:
        yield _p(
            "haproxy_sizing",
            "load_balancers.maxconn_defaults",
            f"a frontend's limit cannot exceed the global maxconn {lb.maxconn_global}",
            lb.maxconn_defaults,
            f"use at most {lb.maxconn_global}",
        )
    # Imported here: services.py is data the rules only need for this check.
    from openstack_ha.model.services import reserved_ports  # noqa: PLC0415

    taken = reserved_ports()
    if not 1 <= lb.stats_port <= 65535:
        yield _p(
            "haproxy_sizing",
            "load_balancers.stats_port",
            "a port is 1–65535",
            lb.stats_port,
            "use 1936",
        )
    elif lb.stats_port in taken:
        yield _p(
            "haproxy_sizing",
            "load_balancers.stats_port",
            f"the port is already used by {taken[lb.stats_port]}",
            lb.stats_port,
            "use 1936",
        )


def _check_open_files(spec: LabSpec) -> Iterator[Problem]:
    for loc, value, service in (
        ("database.open_files_limit", spec.database.open_files_limit, "MariaDB"),
        ("brokers.open_files_limit", spec.brokers.open_files_limit, "RabbitMQ"),
    ):
        if value < 16384:
            yield _p(
                "open_files",
                loc,
                f"validated deployments give {service} at least 16384 open files",
                value,
                "use 16384 or more",
            )


_WSREP_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


def _check_galera_settings(spec: LabSpec) -> Iterator[Problem]:
    db = spec.database
    if not 128 <= db.gcache_size_mib <= 65536:
        yield _p(
            "galera_settings",
            "database.gcache_size_mib",
            "gcache.size must hold some write-set history (128 MiB) and fit a lab disk (64 GiB)",
            db.gcache_size_mib,
            "use 128–65536 (default 512)",
        )
    if not 100 <= db.max_connections <= 100000:
        yield _p(
            "galera_settings",
            "database.max_connections",
            "OpenStack services need at least 100 connections; MariaDB caps it at 100000",
            db.max_connections,
            "use 100–100000 (default 4096)",
        )
    if not _WSREP_NAME.match(db.cluster_name):
        yield _p(
            "galera_settings",
            "database.cluster_name",
            "wsrep_cluster_name must be 1–32 letters, digits, '_', '.' or '-'",
            db.cluster_name,
            "use e.g. 'openstack'",
        )


def _check_platform_settings(spec: LabSpec) -> Iterator[Problem]:
    # Each platform checks its own section (model/platforms/<name>.py).
    yield from platform_profile(spec.platform).settings_problems(spec)


# ---------------------------------------------------------------- the table

RULES: tuple[Rule, ...] = (
    Rule(
        ("invalid_name",),
        ("name", "domain", *GROUP_ORDER, "layout"),
        "names are DNS labels (hostnames, libvirt/OpenStack resource names)",
        _check_names,
    ),
    Rule(
        ("duplicate_name",),
        (*GROUP_ORDER, "layout", "brokers"),
        "hostnames are unique across groups",
        _check_duplicate_hostnames,
    ),
    Rule(
        ("duplicate_name",),
        ("libvirt", "openstack"),
        "hypervisors and availability zones are listed once",
        _check_duplicate_settings,
    ),
    Rule(
        ("group_size",),
        ("controllers", "layout"),
        "controllers: at least 2 (paper), block of 20",
        _check_controllers,
    ),
    Rule(
        ("galera_even", "galera_too_few", "galera_arbitrator_needless", "group_size"),
        ("database", "layout"),
        "Galera: at least 3 and odd, or an even count with garbd",
        _check_galera,
    ),
    Rule(
        ("group_size", "broker_even", "broker_active_passive_size"),
        ("brokers", "layout"),
        "brokers: clustered 3..15 odd (quorum queues, paper ≤16), active-passive 2",
        _check_brokers,
    ),
    Rule(
        ("group_size",),
        ("load_balancers", "layout"),
        "HAProxy nodes 2..100 (paper)",
        _check_load_balancers,
    ),
    Rule(
        ("collapsed_size",),
        ("converged", "layout"),
        "collapsed layout = 3 converged nodes",
        _check_collapsed,
    ),
    Rule(
        ("layout_ignored",),
        (*GROUP_ORDER, "layout"),
        "sizing of groups the layout does not use stays at its default",
        _check_layout_ignored,
    ),
    Rule(("sizing",), (*GROUP_ORDER, "layout"), "vCPU/memory/disk floors", _check_sizing),
    Rule(
        ("cluster_size",),
        ("pacemaker",),
        "Pacemaker cluster ≤ 32 full members, beyond that pacemaker_remote",
        _check_cluster_size,
    ),
    Rule(
        ("no_quorum_policy",),
        ("pacemaker", *GROUP_ORDER, "layout", "load_balancers"),
        "no-quorum-policy stop (not ignore) for clusters of 3 or more",
        _check_no_quorum_policy,
    ),
    Rule(("corosync_transport",), ("corosync",), "knet only", _check_corosync_transport),
    Rule(
        ("corosync_crypto",), ("corosync",), "crypto on (cipher and hash)", _check_corosync_crypto
    ),
    Rule(
        ("corosync_links",),
        ("corosync", "networks", *GROUP_ORDER, "layout"),
        "1..8 knet links on networks every member is on",
        _check_corosync_links,
    ),
    Rule(("corosync_token",), ("corosync",), "token timeout 500..30000 ms", _check_corosync_token),
    Rule(
        ("fencing_platform",),
        ("fencing", "platform"),
        "fence agent valid for the platform",
        _check_fencing_platform,
    ),
    Rule(
        ("fencing_settings",),
        ("fencing", "platform", "libvirt"),
        "fence settings that can work (sbd on one host, multicast group, delays)",
        _check_fencing_settings,
    ),
    Rule(
        ("network_cidr",),
        ("networks", "platform"),
        "subnets /24 or larger, unicast, clear of libvirt's default",
        _check_network_cidrs,
    ),
    Rule(("network_overlap",), ("networks",), "CIDRs do not overlap", _check_network_overlap),
    Rule(("network_vlan",), ("networks",), "VLAN ids 1..4094 and unique", _check_vlans),
    Rule(
        ("dhcp_range",),
        ("networks", *GROUP_ORDER, "layout"),
        "DHCP ranges inside the subnet, clear of gateway and node addresses",
        _check_dhcp,
    ),
    Rule(
        ("vip_subnet", "vip_dhcp", "vip_collision"),
        ("vips", "networks", "brokers", *GROUP_ORDER, "layout"),
        "VIPs inside their subnet, outside DHCP, unique, not a node's or the gateway's",
        _check_vips,
    ),
    Rule(
        ("vip_unused",),
        ("vips", "brokers"),
        "broker VIP only in active-passive mode",
        _check_vip_unused,
    ),
    Rule(
        ("haproxy_sizing",),
        ("load_balancers",),
        "HAProxy maxconn floors (20480 global, 4096 defaults)",
        _check_haproxy,
    ),
    Rule(
        ("open_files",),
        ("database", "brokers"),
        "MySQL/RabbitMQ open files ≥ 16384",
        _check_open_files,
    ),
    Rule(
        ("galera_settings",),
        ("database",),
        "gcache, max_connections, cluster name",
        _check_galera_settings,
    ),
    Rule(
        ("platform_settings",),
        ("platform", "libvirt", "openstack", *GROUP_ORDER, "layout"),
        "platform settings are usable",
        _check_platform_settings,
    ),
)


def _overlaps(reads: tuple[str, ...], bad: Collection[str]) -> bool:
    for loc in bad:
        head = loc.split(".", 1)[0].split("[", 1)[0]
        if head == "" or head in reads:
            return True
    return False


def check_rules(spec: LabSpec, *, skip_reading: Collection[str] = ()) -> tuple[Problem, ...]:
    """Every problem the rules find, sorted; rules reading a loc in ``skip_reading`` are skipped.

    ``skip_reading`` holds locations that had structural errors (their values in
    ``spec`` are stand-ins), so rules that read them would report nonsense.
    """
    problems: list[Problem] = []
    for rule in RULES:
        if skip_reading and _overlaps(rule.reads, skip_reading):
            continue
        problems.extend(rule.check(spec))
    return tuple(sorted(set(problems)))
