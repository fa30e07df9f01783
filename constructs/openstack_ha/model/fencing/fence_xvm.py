"""fence_xvm: multicast requests to fence_virtd on the libvirt hosts, signed with a shared key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from openstack_ha.model.fencing.base import (
    FenceAgentModule,
    FenceFile,
    FencePort,
    register_fence_agent,
)
from openstack_ha.model.services import FENCE_XVM

if TYPE_CHECKING:
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import PacemakerCluster, Plan, SecretNeed
    from openstack_ha.model.spec import LabSpec

__all__ = ["FenceXvm"]


class FenceXvm(FenceAgentModule):
    name = "fence_xvm"
    agent_type = "fence_xvm"
    platforms = ("libvirt",)
    bootstrap_install = "bootstrap-fence-xvm.sh.j2"

    def params(self, spec: LabSpec, os: OsFamily, cluster: str) -> dict[str, str]:
        xvm = spec.fencing.fence_xvm
        return {
            "multicast_address": str(xvm.multicast_address),
            "ipport": str(xvm.port),
            "key_file": os.paths.fence_xvm_key,
        }

    def port_rules(self, spec: LabSpec, group: str) -> Iterator[FencePort]:
        yield FencePort("hypervisor", group, "tcp", FENCE_XVM, "fence_virtd answers fence_xvm")
        yield FencePort(
            group,
            "hypervisor",
            "udp",
            FENCE_XVM,
            f"fence_xvm request to {spec.fencing.fence_xvm.multicast_address}",
        )

    def secrets(self, spec: LabSpec, os: OsFamily) -> Iterator[SecretNeed]:
        from openstack_ha.model.plan import SecretNeed  # noqa: PLC0415  (see sbd.py)

        yield SecretNeed(
            name="fence_xvm_key",
            kind="bytes",
            length=4096,
            purpose=(
                f"{os.paths.fence_xvm_key} on every cluster node AND in fence_virtd's "
                "configuration on each hypervisor (installed there by the operator)"
            ),
        )

    def fencing_plan(self, spec: LabSpec, os: OsFamily) -> dict[str, Any]:
        xvm = spec.fencing.fence_xvm
        return {
            "xvm_multicast_address": xvm.multicast_address,
            "xvm_port": xvm.port,
            "xvm_key_path": os.paths.fence_xvm_key,
        }

    def files(self, plan: Plan) -> tuple[FenceFile, ...]:
        # Written base64 (it is random bytes); the bootstrap decodes it into place.
        return (FenceFile(f"{plan.fencing.xvm_key_path}.b64", "fence_xvm_key"),)

    def bootstrap_context(self, plan: Plan, cluster: PacemakerCluster) -> dict[str, Any]:
        return {"key_b64": f"{plan.fencing.xvm_key_path}.b64", "key": plan.fencing.xvm_key_path}


AGENT = register_fence_agent(FenceXvm())
