"""The platforms the model knows: each module holds one platform's settings, facts and rules.

Both settings sections always exist in a lab (with defaults); only the one
named by ``platform`` is used, so one lab file switches platform with a
single key. ``platform_profile(name)`` is the lookup everything else uses.
"""

from openstack_ha.model.platforms.base import (
    PLATFORM_PROFILES,
    PlatformProfile,
    platform_profile,
    register_platform_profile,
)
from openstack_ha.model.platforms.libvirt import LIBVIRT_DEFAULT_NETWORK, LibvirtSettings
from openstack_ha.model.platforms.openstack import OpenStackFlavors, OpenStackSettings

__all__ = [
    "LIBVIRT_DEFAULT_NETWORK",
    "PLATFORM_PROFILES",
    "LibvirtSettings",
    "OpenStackFlavors",
    "OpenStackSettings",
    "PlatformProfile",
    "platform_profile",
    "register_platform_profile",
]
