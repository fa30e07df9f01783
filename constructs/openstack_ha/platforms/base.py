"""The narrow interface every platform adapter implements.

Kept small on purpose: libvirt 0.8.3 today, the libvirt 0.9 rewrite or
another cloud later, each as one more adapter. The constructs call these in
order: ``bind`` (providers), ``network`` per segregated network, ``vips``,
``group`` per node group, ``node`` per node, and ``finish``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from openstack_ha.model.connections import Connections
from openstack_ha.model.plan import GroupPlan, Node, Plan, PlanNetwork
from openstack_ha.model.platforms import platform_profile
from tfbindgen.engine import Construct, TerraformResourceLifecycle, TerraformStack

# cloud-init reads user-data at first boot only, and it lists the lab's
# other members (hosts file, cluster nodelists, HAProxy backends): without
# this, adding a node would replace every VM whose user-data names it.
# Existing members learn of a new one by `openstack-ha render` + the
# bootstrap's reconfigure step, not by being rebuilt.
USER_DATA_IS_FIRST_BOOT_ONLY = TerraformResourceLifecycle(ignore_changes=["user_data"])


@dataclass(frozen=True)
class NetworkHandle:
    """A segregated network as built: its plan entry and the resource(s) for it."""

    plan: PlanNetwork
    # One id token per hypervisor (libvirt) or the single Neutron network.
    ids: Mapping[str, str]
    subnet_id: str | None = None
    resources: tuple[Construct, ...] = ()


@dataclass(frozen=True)
class GroupHandle:
    """Per-group resources (security group, server group, shared SBD disk)."""

    name: str
    resources: Mapping[str, Construct] = field(default_factory=dict)


@dataclass(frozen=True)
class NodeHandle:
    """A node as built: the VM resource and the resources it needs."""

    node: Node
    server: Construct
    resources: Mapping[str, Construct] = field(default_factory=dict)


ADAPTERS: dict[str, type[Platform]] = {}


def register_adapter(cls: type[Platform]) -> type[Platform]:
    """Class decorator: the adapter of the platform profile named ``cls.name``."""
    if cls.name in ADAPTERS:
        raise ValueError(f"platform {cls.name!r} already has an adapter: {ADAPTERS[cls.name]}")
    platform_profile(cls.name)  # its model-side profile must exist (KeyError says which do)
    ADAPTERS[cls.name] = cls
    return cls


class Platform(ABC):
    """Builds a plan's resources with one Terraform provider.

    One instance serves one lab in one stack: it remembers the providers it
    created so every resource uses them.
    """

    name: ClassVar[str]
    _bound_to: Plan | None = None

    def ensure_bound(self, scope: Construct, plan: Plan) -> None:
        """Create the providers once, in the stack that holds ``scope``."""
        if self._bound_to is None:
            self.bind(TerraformStack.of(scope), plan)
            self._bound_to = plan
        elif self._bound_to != plan:
            raise ValueError(
                f"{type(self).__name__}: this platform instance already serves lab "
                f"{self._bound_to.lab!r}; use one platform instance per lab"
            )

    @abstractmethod
    def bind(self, scope: Construct, plan: Plan) -> None:
        """Create the provider configuration(s) in ``scope``."""

    @abstractmethod
    def network(self, scope: Construct, plan: Plan, network: PlanNetwork) -> NetworkHandle:
        """Create one segregated network."""

    @abstractmethod
    def vips(
        self, scope: Construct, plan: Plan, networks: Mapping[str, NetworkHandle]
    ) -> Mapping[str, Construct]:
        """Reserve the VIP addresses where the platform needs it; by VIP name."""

    @abstractmethod
    def group(
        self,
        scope: Construct,
        plan: Plan,
        *,
        group: GroupPlan,
        connections: Connections,
        networks: Mapping[str, NetworkHandle],
    ) -> GroupHandle:
        """Create what a node group shares."""

    @abstractmethod
    def node(
        self,
        scope: Construct,
        plan: Plan,
        *,
        node: Node,
        user_data: str,
        group: GroupHandle,
        networks: Mapping[str, NetworkHandle],
    ) -> NodeHandle:
        """Create one node with its cloud-init ``user_data`` (a Terraform template)."""

    def finish(
        self,
        scope: Construct,
        plan: Plan,
        networks: Mapping[str, NetworkHandle],
        vips: Mapping[str, Construct],
    ) -> None:
        """Create what needs everything else (e.g. a floating IP); nothing by default."""
        del scope, plan, networks, vips
