"""The lab's networks as namespaces: one "switch" with a bridge per network.

Topology (all inside namespaces this run creates; nothing touches the root
namespace's interfaces or routes)::

    netns oha<pid>-sw:   br-management   br-storage   ...   (one bridge per network)
                           |  |  |
    veth pairs:          p<n>n<k> (switch side)  <->  <ifname> (node side)
    netns oha<pid>-<node>: lo + one interface per network the node is on

Both ends of each veth pair are created directly inside their namespaces
(``ip link add NAME netns A type veth peer name PEER netns B``), so interface
names only need to be unique within a namespace: the node side keeps the
name the rendered configuration expects (``eth0``, ``ens4``...), up to the
kernel's 15 characters.

"Cutting a node's links" sets its switch-side ports down: the node side loses
carrier, exactly like pulling the cables, and traffic to and from it stops on
every network at once. Restoring sets them up again.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from .shell import run

IFNAMSIZ = 15  # the kernel's limit for interface names (IFNAMSIZ - 1)


@dataclass(frozen=True)
class Network:
    """A segregated network (management, storage, tenant, external...)."""

    name: str
    cidr: str  # e.g. "10.10.0.0/24": node addresses and VIPs must fall inside

    @property
    def bridge(self) -> str:
        return f"br-{self.name}"[:IFNAMSIZ]

    @property
    def prefixlen(self) -> int:
        return ipaddress.ip_network(self.cidr).prefixlen

    def check_address(self, address: str, where: str) -> None:
        if ipaddress.ip_address(address) not in ipaddress.ip_network(self.cidr):
            raise ValueError(
                f"{where}: address {address} is outside network {self.name} ({self.cidr}); "
                f"use an address inside {self.cidr}"
            )


@dataclass(frozen=True)
class Attachment:
    """A node's interface on one network: the name inside the node and its address."""

    network: str
    ifname: str
    address: str  # plain address, the prefix length comes from the network

    def __post_init__(self) -> None:
        if not 0 < len(self.ifname) <= IFNAMSIZ or "/" in self.ifname or " " in self.ifname:
            raise ValueError(
                f"attachment to {self.network}: interface name {self.ifname!r} is not a valid "
                f"Linux interface name; use 1..{IFNAMSIZ} characters without '/' or spaces"
            )


@dataclass
class Switch:
    """The switch namespace and its bridges; tracks every port for cut/restore."""

    netns: str
    networks: dict[str, Network]
    ports: dict[str, list[str]] = field(default_factory=dict)  # node -> switch-side ports

    def create(self) -> None:
        bridges = [net.bridge for net in self.networks.values()]
        if len(set(bridges)) != len(bridges):
            raise ValueError(
                f"networks {sorted(self.networks)}: bridge names {bridges} collide after "
                f"truncation to {IFNAMSIZ} characters; give the networks names that differ "
                "in their first 12 characters"
            )
        run(["ip", "netns", "add", self.netns])
        run(["ip", "-n", self.netns, "link", "set", "lo", "up"])
        for net in self.networks.values():
            # No STP and no forwarding delay: a port forwards as soon as it is
            # up, so link restores and new nodes are reachable at once. No
            # multicast snooping: nothing here depends on IGMP joins.
            run(
                ["ip", "-n", self.netns, "link", "add", net.bridge, "type", "bridge",
                 "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0"]
            )
            run(["ip", "-n", self.netns, "link", "set", net.bridge, "up"])

    def attach(self, node: str, node_netns: str, node_index: int, att: Attachment) -> str:
        """Wire ``node``'s interface ``att.ifname`` into the network's bridge."""
        net = self.networks.get(att.network)
        if net is None:
            raise ValueError(
                f"node {node}: network {att.network!r} is not in this lab; "
                f"known networks: {sorted(self.networks)}"
            )
        net.check_address(att.address, f"node {node} on {att.network}")
        net_index = list(self.networks).index(att.network)
        port = f"p{node_index}n{net_index}"
        run(
            ["ip", "link", "add", "name", att.ifname, "netns", node_netns, "type", "veth",
             "peer", "name", port, "netns", self.netns]
        )
        run(["ip", "-n", self.netns, "link", "set", port, "master", net.bridge])
        run(["ip", "-n", self.netns, "link", "set", port, "up"])
        run(["ip", "-n", node_netns, "addr", "add", f"{att.address}/{net.prefixlen}",
             "dev", att.ifname])
        run(["ip", "-n", node_netns, "link", "set", att.ifname, "up"])
        self.ports.setdefault(node, []).append(port)
        return port

    def cut(self, node: str) -> None:
        """Pull every cable of ``node``: its switch-side ports go down."""
        for port in self.ports.get(node, []):
            run(["ip", "-n", self.netns, "link", "set", port, "down"])

    def restore(self, node: str) -> None:
        for port in self.ports.get(node, []):
            run(["ip", "-n", self.netns, "link", "set", port, "up"])

    def delete(self) -> None:
        run(["ip", "netns", "delete", self.netns], check=False)
