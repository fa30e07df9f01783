"""Platform adapters: the only code that imports the generated provider bindings.

A platform turns the plan's networks, VIPs, node groups and nodes into
resources of one Terraform provider. ``platform_for(plan)`` picks the adapter
the lab names; a stack may also pass its own instance (e.g. with provider
settings).
"""

from __future__ import annotations

from openstack_ha.model.plan import Plan
from openstack_ha.platforms.base import (
    ADAPTERS,
    GroupHandle,
    NetworkHandle,
    NodeHandle,
    Platform,
    register_adapter,
)
from openstack_ha.platforms.libvirt import LibvirtPlatform
from openstack_ha.platforms.openstack import OpenStackPlatform

__all__ = [
    "ADAPTERS",
    "GroupHandle",
    "LibvirtPlatform",
    "NetworkHandle",
    "NodeHandle",
    "OpenStackPlatform",
    "Platform",
    "platform_for",
    "register_adapter",
]


def platform_for(plan: Plan) -> Platform:
    """The adapter for the platform the lab names."""
    return ADAPTERS[plan.platform]()
