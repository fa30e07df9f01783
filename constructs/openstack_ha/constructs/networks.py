"""The segregated networks (management, storage, tenant, external, storage management)."""

from __future__ import annotations

from collections.abc import Mapping

from openstack_ha.model.plan import Plan
from openstack_ha.platforms.base import NetworkHandle, Platform
from tfbindgen.engine import Construct


class SegregatedNetworks(Construct):
    """One platform network per plan network; construct ids are the network names.

    ``networks`` maps each name to its handle (the plan entry, with CIDR and
    ranges, and the resource ids); ``management``, ``storage``, ``tenant``
    and ``external`` are shortcuts.
    """

    def __init__(self, scope: Construct, id_: str, *, plan: Plan, platform: Platform) -> None:
        super().__init__(scope, id_)
        platform.ensure_bound(scope, plan)
        self.networks: Mapping[str, NetworkHandle] = {
            network.name: platform.network(self, plan, network) for network in plan.networks
        }

    @property
    def management(self) -> NetworkHandle:
        return self.networks["management"]

    @property
    def storage(self) -> NetworkHandle:
        return self.networks["storage"]

    @property
    def tenant(self) -> NetworkHandle:
        return self.networks["tenant"]

    @property
    def external(self) -> NetworkHandle:
        return self.networks["external"]
