"""Fence agent settings that cannot work whatever the platform.

Their numeric ranges (delay, port, watchdog timeout, SBD disk size) are
declared on the fields (model/ha.py) and checked by the limits rule; which
agent a platform can use is in rules/platforms.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem
from openstack_ha.model.rules.base import problem
from openstack_ha.model.spec import LabSpec

__all__ = ["check_fencing_settings"]


def check_fencing_settings(spec: LabSpec) -> Iterator[Problem]:
    fencing = spec.fencing
    if not fencing.fence_xvm.multicast_address.is_multicast:
        yield problem(
            "fencing_settings",
            "fencing.fence_xvm.multicast_address",
            "fence_virtd listens on a multicast group",
            str(fencing.fence_xvm.multicast_address),
            "use 225.0.0.12 (its default)",
        )
    for loc, value in (
        ("fencing.fence_virsh.user", fencing.fence_virsh.user),
        ("fencing.fence_virsh.identity_file", fencing.fence_virsh.identity_file),
        ("fencing.fence_openstack.cloud", fencing.fence_openstack.cloud),
    ):
        if not value.strip():
            yield problem(
                "fencing_settings",
                loc,
                "the setting must not be empty",
                value,
                "remove it to use the default",
            )
    if not fencing.fence_virsh.identity_file.startswith("/"):
        yield problem(
            "fencing_settings",
            "fencing.fence_virsh.identity_file",
            "the key path must be absolute",
            fencing.fence_virsh.identity_file,
            "use e.g. /etc/cluster/fence_virsh_id_ed25519",
        )
