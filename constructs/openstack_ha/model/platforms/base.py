"""What the model knows of a platform: one ``PlatformProfile`` per platform, by name.

The platform's identity (which fence agents reach its guests, where a node
is placed, what its plan section holds, its own lab rules) lives in its
profile, so nothing outside the platform modules compares platform names.
The Terraform side of a platform (``openstack_ha.platforms``) registers its
adapter under the same name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from ipaddress import IPv4Network
from typing import TYPE_CHECKING, ClassVar

from openstack_ha.model.errors import Problem, format_value
from openstack_ha.model.fencing.base import FENCE_AGENTS

if TYPE_CHECKING:
    from openstack_ha.model.base import Frozen
    from openstack_ha.model.groups import GroupName
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import Node
    from openstack_ha.model.spec import LabSpec

__all__ = ["PLATFORM_PROFILES", "PlatformProfile", "platform_profile", "register_platform_profile"]


class PlatformProfile(ABC):
    """The model-level facts and rules of one platform."""

    name: ClassVar[str]
    # Agents that can fence this platform's guests; the first is the default.
    fence_agents: ClassVar[tuple[str, ...]]
    # How messages name the guests ("libvirt guests").
    guests: ClassVar[str]
    # What a node is placed on (plan tables): "hypervisor", "zone".
    placement: ClassVar[str]
    # Whether large non-secret cloud-init files are gzipped (a user-data size limit).
    compress_user_data: ClassVar[bool] = False
    # Networks the lab's subnets must not overlap (e.g. libvirt's default network).
    reserved_networks: ClassVar[tuple[tuple[IPv4Network, str], ...]] = ()

    def allowed_fence_agents(self) -> tuple[str, ...]:
        """``fence_agents``, then any other registered agent that claims this platform."""
        extra = tuple(
            name
            for name, agent in FENCE_AGENTS.items()
            if self.name in agent.platforms and name not in self.fence_agents
        )
        return self.fence_agents + extra

    @property
    def default_fence_agent(self) -> str:
        return self.fence_agents[0]

    @abstractmethod
    def place(self, spec: LabSpec, slot: int) -> tuple[str | None, str | None]:
        """(hypervisor URI, availability zone) of the node in spread slot ``slot``."""

    def flavor(self, spec: LabSpec, group: GroupName) -> str | None:
        """The group's instance flavor, where the platform sizes VMs by flavor."""
        del spec, group
        return None

    def shared_disk_hosts(self, spec: LabSpec) -> int:
        """How many hosts a disk shared by a cluster's members would have to span."""
        del spec
        return 1

    def placement_of(self, node: Node) -> str | None:
        """What the node is placed on, for the plan tables."""
        del node
        return None

    @abstractmethod
    def plan_section(self, spec: LabSpec, os: OsFamily) -> Frozen:
        """The plan's section of this platform (``Plan.<name>``)."""

    @abstractmethod
    def settings_problems(self, spec: LabSpec) -> Iterator[Problem]:
        """Problems of the lab's ``<name>`` settings section."""


def problem(code: str, loc: str, what: str, got: object, fix: str) -> Problem:
    """A problem in the one shape of ``model.rules``: what, the value got, the fix."""
    return Problem(loc=loc, code=code, message=f"{what}, got {format_value(got)}; {fix}")


PLATFORM_PROFILES: dict[str, PlatformProfile] = {}


def register_platform_profile(profile: PlatformProfile) -> PlatformProfile:
    if profile.name in PLATFORM_PROFILES:
        raise ValueError(f"platform {profile.name!r} is already registered")
    PLATFORM_PROFILES[profile.name] = profile
    return profile


def platform_profile(name: str) -> PlatformProfile:
    try:
        return PLATFORM_PROFILES[name]
    except KeyError:
        raise KeyError(
            f"no platform {name!r}; registered: {', '.join(sorted(PLATFORM_PROFILES))}"
        ) from None
