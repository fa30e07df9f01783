"""The segregated networks and the fixed address plan inside each subnet.

Address plan (offsets from the network address; the same in every network,
so a subnet must hold at least 256 addresses, i.e. /24 or larger):

====================  =========================================================
offset                use
====================  =========================================================
.1                    gateway (libvirt NAT/host address, OpenStack router port)
.2 – .9               reserved for the platform (DNS/DHCP server ports)
.10 – .19             virtual IPs (public .10 on external; internal .10,
                      database .11, broker .12 on management) unless given
.20 – .39             controllers            (block of 20)
.40 – .59             database (Galera)      (block of 20)
.60 – .79             brokers (RabbitMQ)     (block of 20)
.80 – .179            load balancers         (block of 100: the paper's maximum)
.180 – .189           converged nodes of the collapsed layout (block of 10)
.190 – .199           spare
.200 – .250           DHCP / allocation range (default; configurable)
====================  =========================================================

Node *i* (1-based) of a group gets ``block start + i - 1`` on every network
it is attached to. Blocks are fixed per group, so adding a node never moves
an existing node's address, and the collapsed and dedicated layouts never
reuse each other's addresses.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network
from typing import Annotated, Literal

from pydantic import Field

from openstack_ha.model.base import Frozen, Int
from openstack_ha.model.limits import Range

__all__ = [
    "DEFAULT_DHCP_OFFSETS",
    "GATEWAY_OFFSET",
    "GROUP_BLOCKS",
    "MAX_PREFIX_LENGTH",
    "NETWORK_ORDER",
    "RESERVED_OFFSETS",
    "VIP_OFFSETS",
    "Network",
    "NetworkName",
    "Networks",
    "TenantNetwork",
    "TenantNetworkType",
    "address_at",
    "dhcp_bounds",
    "gateway_of",
]

NetworkName = Literal["management", "storage", "tenant", "external", "storage_management"]
NETWORK_ORDER: tuple[NetworkName, ...] = (
    "management",
    "storage",
    "tenant",
    "external",
    "storage_management",
)
TenantNetworkType = Literal["flat", "vlan", "vxlan", "gre"]

GATEWAY_OFFSET = 1
RESERVED_OFFSETS = range(2, 10)
# VIP name -> (network, offset) when the lab does not give the address.
VIP_OFFSETS: dict[str, tuple[NetworkName, int]] = {
    "public": ("external", 10),
    "internal": ("management", 10),
    "database": ("management", 11),
    "broker": ("management", 12),
}
# group -> (first offset, size of the block).
GROUP_BLOCKS: dict[str, tuple[int, int]] = {
    "controllers": (20, 20),
    "database": (40, 20),
    "brokers": (60, 20),
    "load_balancers": (80, 100),
    "converged": (180, 10),
}
DEFAULT_DHCP_OFFSETS = (200, 250)
# The plan above needs offsets up to .250: a /24 or larger.
MAX_PREFIX_LENGTH = 24


class Network(Frozen):
    """One segregated network: its subnet, optional VLAN and DHCP range."""

    cidr: IPv4Network = Field(
        description="IPv4 subnet in CIDR notation, /24 or larger (the address plan needs .1–.250)."
    )
    # Unique VLANs are a cross-field rule.
    vlan_id: (
        Annotated[
            Int,
            Range(
                1,
                4094,
                "network_vlan",
                "802.1Q VLAN ids are {minimum}–{maximum}",
                "use {minimum}–{maximum}, or remove it for an untagged network",
            ),
        ]
        | None
    ) = Field(
        default=None,
        description=(
            "802.1Q tag of this network on a trunk (1–4094). Unset: untagged; the "
            "platform gives the network its own bridge or Neutron network."
        ),
    )
    dhcp_start: IPv4Address | None = Field(
        default=None,
        description=(
            "First address left to DHCP/Neutron allocation. Unset: offset .200 of the subnet."
        ),
    )
    dhcp_end: IPv4Address | None = Field(
        default=None,
        description="Last address left to DHCP/Neutron allocation. Unset: offset .250.",
    )


class TenantNetwork(Network):
    """The tenant network, plus the segmentation type Neutron uses on it."""

    network_type: TenantNetworkType = Field(
        default="vxlan",
        description=(
            "Neutron tenant network type (ml2 tenant_network_types): flat, vlan, vxlan or gre. "
            "Default vxlan: tunnels over this network, no switch configuration needed."
        ),
    )


class Networks(Frozen):
    """Management, storage, tenant and external networks (+ optional storage management)."""

    management: Network = Field(
        default=Network(cidr=IPv4Network("10.20.0.0/24")),
        description=(
            "API, database, broker and cluster traffic; every node is on it. "
            "Default 10.20.0.0/24 (clear of libvirt's 192.168.122.0/24)."
        ),
    )
    storage: Network = Field(
        default=Network(cidr=IPv4Network("10.20.1.0/24")),
        description=(
            "Storage traffic and the second Corosync knet link; every node is on it. "
            "Default 10.20.1.0/24."
        ),
    )
    tenant: TenantNetwork = Field(
        default=TenantNetwork(cidr=IPv4Network("10.20.2.0/24")),
        description="Instance traffic between controllers (Neutron). Default 10.20.2.0/24.",
    )
    external: Network = Field(
        default=Network(cidr=IPv4Network("10.20.3.0/24")),
        description=(
            "Public API VIP and floating IPs; load balancers and controllers are on it. "
            "Default 10.20.3.0/24."
        ),
    )
    storage_management: Network | None = Field(
        default=None,
        description=(
            "Optional storage replication network (controllers only). Unset: no such "
            "network. Give at least its cidr, e.g. 10.20.4.0/24."
        ),
    )

    def get(self, name: NetworkName) -> Network | None:
        """The network called ``name`` (``None`` for an unset storage_management)."""
        network: Network | None = getattr(self, name)
        return network

    def defined(self) -> tuple[tuple[NetworkName, Network], ...]:
        """(name, network) for every defined network, in NETWORK_ORDER."""
        out: list[tuple[NetworkName, Network]] = []
        for name in NETWORK_ORDER:
            network = self.get(name)
            if network is not None:
                out.append((name, network))
        return tuple(out)


def address_at(network: Network, offset: int) -> IPv4Address:
    """The address ``offset`` places after the network address."""
    return network.cidr.network_address + offset


def gateway_of(network: Network) -> IPv4Address:
    return address_at(network, GATEWAY_OFFSET)


def dhcp_bounds(network: Network) -> tuple[IPv4Address, IPv4Address]:
    """The DHCP/allocation range, defaults resolved."""
    start = network.dhcp_start or address_at(network, DEFAULT_DHCP_OFFSETS[0])
    end = network.dhcp_end or address_at(network, DEFAULT_DHCP_OFFSETS[1])
    return start, end
