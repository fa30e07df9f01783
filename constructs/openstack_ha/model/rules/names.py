"""Names that must be unique: hostnames across groups, listed hypervisors and zones.

Whether a single name is well formed is declared on its field (a
``Pattern``, model/names.py) and checked by the limits rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem
from openstack_ha.model.groups import GroupName
from openstack_ha.model.rules.base import problem
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import node_seeds

__all__ = ["check_duplicate_hostnames", "check_duplicate_settings"]


def check_duplicate_hostnames(spec: LabSpec) -> Iterator[Problem]:
    first: dict[str, tuple[GroupName, int]] = {}
    reported: set[GroupName] = set()
    for node in node_seeds(spec):
        if node.hostname not in first:
            first[node.hostname] = (node.group, node.index)
            continue
        if node.group in reported:
            continue
        reported.add(node.group)
        group, index = first[node.hostname]
        yield problem(
            "duplicate_name",
            f"{node.group}.hostname_prefix",
            f"{node.group} node {node.index} would be named {node.hostname!r}, which "
            f"{group} node {index} already is",
            getattr(spec, node.group).hostname_prefix,
            "give each group a prefix that is not another group's prefix followed by digits",
        )


def check_duplicate_settings(spec: LabSpec) -> Iterator[Problem]:
    lists: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("libvirt.hypervisor_uris", spec.libvirt.hypervisor_uris),
        ("openstack.availability_zones", spec.openstack.availability_zones),
    )
    for loc, values in lists:
        seen: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in seen:
                yield problem(
                    "duplicate_name",
                    f"{loc}[{i}]",
                    f"the same entry is already {loc}[{seen[value]}]",
                    value,
                    "list each one once",
                )
            else:
                seen[value] = i
