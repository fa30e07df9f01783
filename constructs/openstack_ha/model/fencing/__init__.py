"""The fence agents, one module each, registered on import (see base.py)."""

from openstack_ha.model.fencing import fence_openstack, fence_virsh, fence_xvm, sbd
from openstack_ha.model.fencing.base import (
    FENCE_AGENTS,
    FenceAgentModule,
    FenceFile,
    FencePort,
    fence_agent,
    register_fence_agent,
    registered_fence_agent,
)

__all__ = [
    "FENCE_AGENTS",
    "FenceAgentModule",
    "FenceFile",
    "FencePort",
    "fence_agent",
    "fence_openstack",
    "fence_virsh",
    "fence_xvm",
    "register_fence_agent",
    "registered_fence_agent",
    "sbd",
]
