"""fence_openstack: Nova stop/start with the credentials of a clouds.yaml entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from openstack_ha.model.fencing.base import FenceAgentModule, FenceFile, register_fence_agent

if TYPE_CHECKING:
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import PacemakerCluster, Plan, SecretNeed
    from openstack_ha.model.spec import LabSpec

__all__ = ["FenceOpenstack"]


class FenceOpenstack(FenceAgentModule):
    name = "fence_openstack"
    agent_type = "fence_openstack"
    platforms = ("openstack",)
    # The plan only knows server names; the agent needs UUIDs, resolved on the node.
    bootstrap_cib = "bootstrap-fence-openstack.sh.j2"

    def params(self, spec: LabSpec, os: OsFamily, cluster: str) -> dict[str, str]:
        return {"cloud": spec.fencing.fence_openstack.cloud}

    def secrets(self, spec: LabSpec, os: OsFamily) -> Iterator[SecretNeed]:
        from openstack_ha.model.plan import SecretNeed  # noqa: PLC0415  (see sbd.py)

        yield SecretNeed(
            name="fence_openstack_clouds_yaml",
            kind="variable",
            length=None,
            purpose=(
                f"clouds.yaml (username/password/project of a fencing user) under "
                f"'{spec.fencing.fence_openstack.cloud}', written to "
                f"{os.paths.openstack_clouds_yaml}"
            ),
        )

    def fencing_plan(self, spec: LabSpec, os: OsFamily) -> dict[str, Any]:
        return {
            "openstack_cloud": spec.fencing.fence_openstack.cloud,
            "openstack_clouds_yaml": os.paths.openstack_clouds_yaml,
        }

    def files(self, plan: Plan) -> tuple[FenceFile, ...]:
        assert plan.fencing.openstack_clouds_yaml is not None
        return (FenceFile(plan.fencing.openstack_clouds_yaml, "fence_openstack_clouds_yaml"),)

    def bootstrap_context(self, plan: Plan, cluster: PacemakerCluster) -> dict[str, Any]:
        return {
            "cloud": plan.fencing.openstack_cloud,
            "plugs": tuple(d.plug for d in cluster.fence_devices),
        }


AGENT = register_fence_agent(FenceOpenstack())
