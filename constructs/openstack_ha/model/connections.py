"""What a node group lets in: peers and ports, as data a platform turns into rules.

Taken from the plan's port matrix: the rules whose target is the group. A
platform with security groups (OpenStack) makes one ingress rule per entry,
open only from the entry's network; libvirt's isolated networks need none.
"""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import IPv4Network
from typing import Literal

from openstack_ha.model.plan import Plan


@dataclass(frozen=True, order=True)
class PortRange:
    """``protocol`` ports ``low``..``high``; VRRP (IP protocol 112) has none."""

    protocol: Literal["tcp", "udp", "vrrp"]
    low: int | None
    high: int | None

    def __str__(self) -> str:
        if self.low is None:
            return self.protocol
        span = str(self.low) if self.low == self.high else f"{self.low}-{self.high}"
        return f"{span}/{self.protocol}"


@dataclass(frozen=True, order=True)
class Peer:
    """Who may connect: a group (or ``network``/``hypervisor``) on one network."""

    source: str
    network: str
    cidr: IPv4Network


@dataclass(frozen=True, order=True)
class Ingress:
    peer: Peer
    ports: PortRange
    purpose: str


@dataclass(frozen=True)
class Connections:
    """Every ingress a group needs, sorted; ``default_port`` is its main service's."""

    group: str
    ingress: tuple[Ingress, ...]

    @classmethod
    def of_group(cls, plan: Plan, group: str) -> Connections:
        cidrs = {network.name: network.cidr for network in plan.networks}
        # One entry per (peer, ports): in the collapsed layout several services
        # share a port between the same nodes (e.g. 3306 for HAProxy and for
        # the APIs); their purposes are joined.
        purposes: dict[tuple[Peer, PortRange], list[str]] = {}
        for rule in plan.port_matrix:
            if rule.target != group:
                continue
            key = (
                Peer(rule.source, rule.network, cidrs[rule.network]),
                PortRange(rule.protocol, rule.port_min, rule.port_max),
            )
            purposes.setdefault(key, [])
            if rule.purpose not in purposes[key]:
                purposes[key].append(rule.purpose)
        ingress = [
            Ingress(peer, ports, "; ".join(sorted(why))) for (peer, ports), why in purposes.items()
        ]
        return cls(group, tuple(sorted(ingress)))

    def ports_from(self, source: str) -> tuple[PortRange, ...]:
        """The ports ``source`` may reach on this group."""
        return tuple(sorted({i.ports for i in self.ingress if i.peer.source == source}))
