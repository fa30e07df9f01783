"""SBD: disk-based fencing on a disk shared by the cluster's members, with a watchdog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openstack_ha.model.fencing.base import FenceAgentModule, register_fence_agent

if TYPE_CHECKING:
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import PacemakerCluster, Plan, SbdPlan
    from openstack_ha.model.spec import LabSpec

__all__ = ["Sbd"]


class Sbd(FenceAgentModule):
    name = "sbd"
    agent_type = "fence_sbd"
    platforms = ("libvirt",)
    node_services = ("sbd",)
    bootstrap_install = "bootstrap-fence-sbd.sh.j2"

    def plug(self, spec: LabSpec, target: str) -> str:
        # The node's name in its SBD slot.
        del spec
        return target

    def params(self, spec: LabSpec, os: OsFamily, cluster: str) -> dict[str, str]:
        disk = self.shared_disk(spec, cluster)
        return {"devices": disk.device_path}

    def shared_disk(self, spec: LabSpec, cluster: str) -> SbdPlan:
        from openstack_ha.model.plan import SbdPlan  # noqa: PLC0415  (the plan imports the registry users)

        sbd = spec.fencing.sbd
        # virtio-blk serials are at most 20 characters.
        serial = f"sbd-{cluster}"[:20]
        return SbdPlan(
            disk_name=f"{spec.name}-{cluster}-sbd",
            disk_mib=sbd.disk_mib,
            disk_serial=serial,
            device_path=f"/dev/disk/by-id/virtio-{serial}",
            watchdog_model="i6300esb",
            watchdog_device="/dev/watchdog",
            watchdog_timeout_s=sbd.watchdog_timeout_s,
            msgwait_s=2 * sbd.watchdog_timeout_s,
        )

    def bootstrap_context(self, plan: Plan, cluster: PacemakerCluster) -> dict[str, Any]:
        assert cluster.sbd is not None
        return {"sbd": cluster.sbd, "service": plan.os.services.sbd}


AGENT = register_fence_agent(Sbd())
