"""Networks: usable subnets that do not overlap, unique VLANs, DHCP ranges.

The VLAN id range is declared on its field (model/networks.py); what only
libvirt refuses (its default network) is in rules/platforms.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Address, IPv4Network

from openstack_ha.model.errors import Problem
from openstack_ha.model.limits import within_limits
from openstack_ha.model.networks import MAX_PREFIX_LENGTH, address_at, dhcp_bounds, gateway_of
from openstack_ha.model.rules.base import problem
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import node_seeds

__all__ = [
    "check_dhcp",
    "check_network_cidrs",
    "check_network_overlap",
    "check_vlans",
    "ordinary_unicast",
]


def ordinary_unicast(cidr: IPv4Network) -> bool:
    """Not loopback, multicast, link-local, reserved or 0.0.0.0/x: space a lab can use."""
    return not (
        cidr.is_loopback
        or cidr.is_multicast
        or cidr.is_link_local
        or cidr.is_unspecified
        or cidr.is_reserved
        or cidr.network_address == IPv4Address("0.0.0.0")
    )


def check_network_cidrs(spec: LabSpec) -> Iterator[Problem]:
    for name, network in spec.networks.defined():
        loc = f"networks.{name}.cidr"
        cidr = network.cidr
        if not ordinary_unicast(cidr):
            yield problem(
                "network_cidr",
                loc,
                "a lab network must be ordinary unicast address space",
                str(cidr),
                "use a private range, e.g. 10.20.0.0/24",
            )
            continue
        if cidr.prefixlen > MAX_PREFIX_LENGTH:
            yield problem(
                "network_cidr",
                loc,
                "the address plan needs a /24 or larger (gateway .1, VIPs .10–.19, nodes "
                ".20–.189, DHCP .200–.250)",
                str(cidr),
                f"use {cidr.supernet(new_prefix=MAX_PREFIX_LENGTH)}",
            )


def check_network_overlap(spec: LabSpec) -> Iterator[Problem]:
    defined = spec.networks.defined()
    for i, (name, network) in enumerate(defined):
        for other_name, other in defined[:i]:
            if network.cidr.overlaps(other.cidr):
                yield problem(
                    "network_overlap",
                    f"networks.{name}.cidr",
                    f"it overlaps networks.{other_name}.cidr {other.cidr}",
                    str(network.cidr),
                    "give each network its own subnet",
                )
                break


def check_vlans(spec: LabSpec) -> Iterator[Problem]:
    seen: dict[int, str] = {}
    for name, network in spec.networks.defined():
        vlan = network.vlan_id
        if vlan is None:
            continue
        loc = f"networks.{name}.vlan_id"
        if not within_limits(network, "vlan_id"):
            continue  # the limits rule reports it
        if vlan in seen:
            yield problem(
                "network_vlan",
                loc,
                f"networks.{seen[vlan]}.vlan_id is the same VLAN, which would join the two "
                "networks",
                vlan,
                "give each network its own VLAN",
            )
        else:
            seen[vlan] = name


def check_dhcp(spec: LabSpec) -> Iterator[Problem]:
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
                yield problem(
                    "dhcp_range",
                    f"networks.{name}.{field}",
                    f"the DHCP range must lie inside {cidr} (not its network or broadcast address)",
                    str(value),
                    f"use an address of {cidr}, e.g. {address_at(network, example)}",
                )
        if bad:
            continue
        if start > end:
            yield problem(
                "dhcp_range",
                f"networks.{name}.dhcp_start",
                f"the DHCP range starts after its end {end}",
                str(start),
                "give dhcp_start ≤ dhcp_end",
            )
            continue
        gateway = gateway_of(network)
        if start <= gateway <= end:
            yield problem(
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
            yield problem(
                "dhcp_range",
                f"networks.{name}.dhcp_start",
                f"the DHCP range {start}–{end} covers {len(inside)} node address"
                f"{'es' if len(inside) != 1 else ''} ({first.hostname} is "
                f"{address_at(network, first.offset)})",
                str(start),
                "keep DHCP clear of .20–.189, e.g. .200–.250",
            )
