"""Virtual IPs: public API, internal API, database, broker (active-passive only).

Unset addresses are derived from the address plan (networks.VIP_OFFSETS):
public = external .10, internal = management .10, database = management .11,
broker = management .12. A given address must lie in its network, outside
the DHCP range, and collide with nothing.
"""

from __future__ import annotations

from ipaddress import IPv4Address
from typing import Literal

from pydantic import Field

from openstack_ha.model.base import Frozen

__all__ = ["VIP_NAMES", "Vip", "VipName", "Vips"]

VipName = Literal["public", "internal", "database", "broker"]
VIP_NAMES: tuple[VipName, ...] = ("public", "internal", "database", "broker")


class Vip(Frozen):
    address: IPv4Address | None = Field(
        default=None,
        description="The VIP's address. Unset: derived from the address plan.",
    )


class Vips(Frozen):
    public: Vip = Field(
        default=Vip(),
        description="Public API endpoints (external network). Unset address: external .10.",
    )
    internal: Vip = Field(
        default=Vip(),
        description="Internal API endpoints (management network). Unset address: management .10.",
    )
    database: Vip = Field(
        default=Vip(),
        description=(
            "MariaDB through HAProxy (management network), held with the other VIPs by the "
            "load balancers. Unset address: management .11."
        ),
    )
    broker: Vip = Field(
        default=Vip(),
        description=(
            "RabbitMQ in active-passive mode only (management network), held by the broker "
            "pair. Unset address: management .12. Must stay unset in clustered mode."
        ),
    )

    def get(self, name: VipName) -> Vip:
        vip: Vip = getattr(self, name)
        return vip
