"""An existing OpenStack cloud (terraform-provider-openstack 3.4.0): settings, facts, rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from openstack_ha.model.base import Frozen, Str
from openstack_ha.model.errors import Problem
from openstack_ha.model.groups import groups_in_layout
from openstack_ha.model.platforms.base import PlatformProfile, problem, register_platform_profile

if TYPE_CHECKING:
    from openstack_ha.model.groups import GroupName
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import Node, OpenStackPlan
    from openstack_ha.model.spec import LabSpec

__all__ = ["OpenStackFlavors", "OpenStackProfile", "OpenStackSettings"]


class OpenStackFlavors(Frozen):
    """Nova flavor per node group (the pinned provider has no flavor lookup)."""

    controllers: Str = Field(default="m1.large", description="Default m1.large.")
    database: Str = Field(default="m1.medium", description="Default m1.medium.")
    brokers: Str = Field(default="m1.medium", description="Default m1.medium.")
    load_balancers: Str = Field(default="m1.small", description="Default m1.small.")
    converged: Str = Field(default="m1.xlarge", description="Default m1.xlarge.")


class OpenStackSettings(Frozen):
    """An existing OpenStack cloud (terraform-provider-openstack 3.4.0)."""

    image_name: Str | None = Field(
        default=None,
        description="Glance image name. Unset: the OS family's usual name (e.g. debian-12).",
    )
    flavors: OpenStackFlavors = Field(
        default=OpenStackFlavors(),
        description=(
            "Flavor per group. On OpenStack the flavor sets vCPUs and memory; the groups' "
            "vcpus/memory_mib are not used, disk_gib sizes the boot volume."
        ),
    )
    external_network: Str = Field(
        default="public",
        description=(
            "Existing provider network for the router gateway and the public VIP's "
            "floating IP. Default 'public'."
        ),
    )
    availability_zones: tuple[Str, ...] = Field(
        default=(),
        description=(
            "Nova availability zones to spread each group over (like hypervisor_uris). "
            "Default none: Nova places the servers (anti-affinity server groups still apply)."
        ),
    )
    region: Str | None = Field(
        default=None,
        description="Region name. Unset: the provider's default (OS_REGION_NAME).",
    )


class OpenStackProfile(PlatformProfile):
    name = "openstack"
    fence_agents = ("fence_openstack",)
    guests = "OpenStack servers"
    placement = "zone"
    # Keeps user-data under Nova's 64 KiB.
    compress_user_data = True

    def place(self, spec: LabSpec, slot: int) -> tuple[str | None, str | None]:
        zones = spec.openstack.availability_zones
        return None, (zones[slot % len(zones)] if zones else None)

    def flavor(self, spec: LabSpec, group: GroupName) -> str | None:
        flavor: str = getattr(spec.openstack.flavors, group)
        return flavor

    def placement_of(self, node: Node) -> str | None:
        return node.availability_zone

    def plan_section(self, spec: LabSpec, os: OsFamily) -> OpenStackPlan:
        from openstack_ha.model.plan import OpenStackPlan  # noqa: PLC0415  (plan imports the model base)

        o = spec.openstack
        return OpenStackPlan(
            image_name=o.image_name if o.image_name is not None else os.openstack_image_name,
            external_network=o.external_network,
            region=o.region,
            availability_zones=o.availability_zones,
        )

    def settings_problems(self, spec: LabSpec) -> Iterator[Problem]:
        os_ = spec.openstack
        values: list[tuple[str, str | None]] = [
            ("openstack.image_name", os_.image_name),
            ("openstack.external_network", os_.external_network),
            ("openstack.region", os_.region),
        ]
        groups = groups_in_layout(spec.layout)
        values += [(f"openstack.flavors.{g}", getattr(os_.flavors, g)) for g in groups]
        for loc, value in values:
            if value is not None and not value.strip():
                yield problem(
                    "platform_settings",
                    loc,
                    "the setting must not be empty",
                    value,
                    "remove it to use the default",
                )


PROFILE = register_platform_profile(OpenStackProfile())
