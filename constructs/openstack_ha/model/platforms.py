"""Settings the synth needs per platform (libvirt or an existing OpenStack cloud).

Both sections always exist (with defaults); only the one named by
``platform`` is used. Keeping both lets one lab file switch platform with a
single key.
"""

from __future__ import annotations

from pydantic import Field

from openstack_ha.model.base import Frozen, Str

__all__ = ["LibvirtSettings", "OpenStackFlavors", "OpenStackSettings"]


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
