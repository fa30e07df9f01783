"""fence_virsh: virsh over ssh to the libvirt host (a key authorized there by the operator)."""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Address
from typing import TYPE_CHECKING, Any

from openstack_ha.model.fencing.base import (
    FenceAgentModule,
    FenceFile,
    FencePort,
    register_fence_agent,
)
from openstack_ha.model.networks import gateway_of
from openstack_ha.model.services import SSH

if TYPE_CHECKING:
    from openstack_ha.model.os_families import OsFamily
    from openstack_ha.model.plan import Plan, SecretNeed
    from openstack_ha.model.spec import LabSpec

__all__ = ["FenceVirsh"]


def virsh_host(spec: LabSpec) -> IPv4Address:
    """The hypervisor fence_virsh logs in to: given, or the management gateway."""
    given = spec.fencing.fence_virsh.host
    return given if given is not None else gateway_of(spec.networks.management)


class FenceVirsh(FenceAgentModule):
    name = "fence_virsh"
    agent_type = "fence_virsh"
    platforms = ("libvirt",)

    def params(self, spec: LabSpec, os: OsFamily, cluster: str) -> dict[str, str]:
        virsh = spec.fencing.fence_virsh
        return {
            "ip": str(virsh_host(spec)),
            "username": virsh.user,
            "identity_file": virsh.identity_file,
        }

    def port_rules(self, spec: LabSpec, group: str) -> Iterator[FencePort]:
        yield FencePort(group, "hypervisor", "tcp", SSH, "fence_virsh over ssh")

    def secrets(self, spec: LabSpec, os: OsFamily) -> Iterator[SecretNeed]:
        from openstack_ha.model.plan import SecretNeed  # noqa: PLC0415  (see sbd.py)

        virsh = spec.fencing.fence_virsh
        yield SecretNeed(
            name="fence_virsh_ssh_key",
            kind="variable",
            length=None,
            purpose=(
                f"private key written to {virsh.identity_file}; its public key must be "
                f"authorized for {virsh.user} on each hypervisor"
            ),
        )

    def fencing_plan(self, spec: LabSpec, os: OsFamily) -> dict[str, Any]:
        virsh = spec.fencing.fence_virsh
        return {
            "virsh_host": virsh_host(spec),
            "virsh_user": virsh.user,
            "virsh_identity_file": virsh.identity_file,
        }

    def files(self, plan: Plan) -> tuple[FenceFile, ...]:
        assert plan.fencing.virsh_identity_file is not None
        return (FenceFile(plan.fencing.virsh_identity_file, "fence_virsh_ssh_key"),)


AGENT = register_fence_agent(FenceVirsh())
