"""VIPs: inside their subnet, outside DHCP, colliding with nothing, and only when used."""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Address

from openstack_ha.model.errors import Problem
from openstack_ha.model.networks import VIP_OFFSETS, address_at, dhcp_bounds, gateway_of
from openstack_ha.model.rules.base import problem
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import node_seeds, vip_addresses, vips_in_use

__all__ = ["check_vip_unused", "check_vips"]


def check_vips(spec: LabSpec) -> Iterator[Problem]:
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
            yield problem(
                "vip_subnet",
                loc,
                f"the {vip} VIP lives on the {network_name} network {cidr}",
                str(address),
                f"use a host address of {cidr} outside the DHCP range, e.g. {example}",
            )
            continue
        if given and start <= address <= end:
            yield problem(
                "vip_dhcp",
                loc,
                f"the address is inside the DHCP range {start}–{end} of networks.{network_name}, "
                "where a DHCP client could take it",
                str(address),
                f"use an address outside it, e.g. {example}",
            )
        if address == gateway_of(network):
            yield problem(
                "vip_collision",
                loc,
                f"the address is the gateway of networks.{network_name}",
                str(address),
                "use .10–.19",
            )
        elif address in taken:
            yield problem(
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
                yield problem(
                    "vip_collision",
                    loc,
                    f"the address is node {holder.hostname}'s on {network_name}",
                    str(address),
                    "use .10–.19, which no node takes",
                )
        taken.setdefault(address, vip)


def check_vip_unused(spec: LabSpec) -> Iterator[Problem]:
    in_use = vips_in_use(spec)
    if "broker" not in in_use and spec.vips.broker.address is not None:
        yield problem(
            "vip_unused",
            "vips.broker.address",
            "clustered brokers have no VIP (clients list every broker)",
            str(spec.vips.broker.address),
            "remove it, or set brokers.mode: active-passive",
        )
