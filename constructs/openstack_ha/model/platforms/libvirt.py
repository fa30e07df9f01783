"""The libvirt platform (dmacvicar/libvirt 0.8.3): its settings, facts and rules."""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Network
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from openstack_ha.model.base import Frozen, Str
from openstack_ha.model.errors import Problem
from openstack_ha.model.platforms.base import PlatformProfile, problem, register_platform_profile

if TYPE_CHECKING:
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import LibvirtPlan, Node
    from openstack_ha.model.spec import LabSpec

__all__ = ["LIBVIRT_DEFAULT_NETWORK", "LibvirtProfile", "LibvirtSettings"]

# libvirt's stock `default` network (virbr0): a lab network overlapping it
# cannot be created on a host where it is active.
LIBVIRT_DEFAULT_NETWORK = IPv4Network("192.168.122.0/24")


class LibvirtSettings(Frozen):
    """One or more libvirt hypervisors (dmacvicar/libvirt 0.8.3)."""

    hypervisor_uris: tuple[Str, ...] = Field(
        default=("qemu:///system",),
        description=(
            "libvirt connection URIs, one provider alias each. Default the local "
            "qemu:///system. With several, the members of each group are spread over them "
            "(member i of the g-th group in GROUP_ORDER goes to host (g + i - 1) mod n)."
        ),
    )
    base_image: Str | None = Field(
        default=None,
        description=(
            "URL or host path of the qcow2 cloud image each node's volume is based on. "
            "Unset: the OS family's generic cloud image URL."
        ),
    )
    storage_pool: Str = Field(
        default="default",
        description="libvirt storage pool for the volumes. Default 'default'.",
    )


class LibvirtProfile(PlatformProfile):
    name = "libvirt"
    fence_agents = ("sbd", "fence_xvm", "fence_virsh")
    guests = "libvirt guests"
    placement = "hypervisor"
    # No user-data size limit, and deflate output depends on the zlib build
    # (zlib-ng differs): plain text keeps libvirt plans the same on every machine.
    compress_user_data = False
    reserved_networks: ClassVar[tuple[tuple[IPv4Network, str], ...]] = (
        (
            LIBVIRT_DEFAULT_NETWORK,
            f"it overlaps libvirt's default network {LIBVIRT_DEFAULT_NETWORK}, active on "
            "most libvirt hosts",
        ),
    )

    def place(self, spec: LabSpec, slot: int) -> tuple[str | None, str | None]:
        uris = spec.libvirt.hypervisor_uris
        return uris[slot % len(uris)], None

    def shared_disk_hosts(self, spec: LabSpec) -> int:
        # A shared disk is attached by one libvirt host only.
        return len(spec.libvirt.hypervisor_uris)

    def placement_of(self, node: Node) -> str | None:
        return node.hypervisor_uri

    def plan_section(self, spec: LabSpec, os: OsFamily) -> LibvirtPlan:
        from openstack_ha.model.plan import LibvirtPlan  # noqa: PLC0415  (plan imports the model base)

        lv = spec.libvirt
        return LibvirtPlan(
            hypervisor_uris=lv.hypervisor_uris,
            storage_pool=lv.storage_pool,
            base_image=lv.base_image if lv.base_image is not None else os.base_image_url,
        )

    def settings_problems(self, spec: LabSpec) -> Iterator[Problem]:
        lv = spec.libvirt
        if not lv.hypervisor_uris:
            yield problem(
                "platform_settings",
                "libvirt.hypervisor_uris",
                "at least one hypervisor is needed",
                [],
                "use [qemu:///system]",
            )
        for i, uri in enumerate(lv.hypervisor_uris):
            if "://" not in uri:
                yield problem(
                    "platform_settings",
                    f"libvirt.hypervisor_uris[{i}]",
                    "a libvirt connection URI has a scheme",
                    uri,
                    "use e.g. qemu:///system or qemu+ssh://root@host/system",
                )
        for loc, value in (
            ("libvirt.base_image", lv.base_image),
            ("libvirt.storage_pool", lv.storage_pool),
        ):
            if value is not None and not value.strip():
                yield problem(
                    "platform_settings",
                    loc,
                    "the setting must not be empty",
                    value,
                    "remove it to use the default",
                )


PROFILE = register_platform_profile(LibvirtProfile())
