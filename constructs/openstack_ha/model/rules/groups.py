"""Node groups: Galera and broker parity, the arbitrator, settings the layout ignores.

The groups' size ranges are declared on their ``count`` fields (model/groups.py)
and checked by the limits rule; the rules here only look at counts inside
those ranges, so a count out of range is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem
from openstack_ha.model.groups import GROUP_ORDER
from openstack_ha.model.limits import within_limits
from openstack_ha.model.rules.base import problem
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import defaults_differ

__all__ = ["check_brokers", "check_galera", "check_layout_ignored"]


def _galera_members(spec: LabSpec) -> int:
    return 3 if spec.layout == "collapsed" else spec.database.count


def check_galera(spec: LabSpec) -> Iterator[Problem]:
    members = _galera_members(spec)
    arbitrator = spec.database.arbitrator
    count = spec.database.count
    if (
        spec.layout == "dedicated"
        and within_limits(spec.database, "count")
        and count % 2 == 0
        and not arbitrator
    ):
        yield problem(
            "galera_even",
            "database.count",
            "Galera needs an odd number of members to keep quorum",
            count,
            "use 3, 5 or 7, or set database.arbitrator: true to add garbd as a tie-breaker",
        )
    if arbitrator and members % 2 == 1:
        yield problem(
            "galera_arbitrator_needless",
            "database.arbitrator",
            f"an arbitrator only breaks ties between an even number of members, and this "
            f"lab has {members}",
            True,
            "remove database.arbitrator, or use an even database.count in the dedicated layout",
        )


def check_brokers(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout != "dedicated" or spec.brokers.mode != "clustered":
        return
    count = spec.brokers.resolved_count()
    if within_limits(spec.brokers, "count") and count % 2 == 0:
        yield problem(
            "broker_even",
            "brokers.count",
            "cluster_partition_handling pause_minority stops both halves of an even split",
            count,
            f"use {count - 1} or {count + 1}",
        )


def check_layout_ignored(spec: LabSpec) -> Iterator[Problem]:
    if spec.layout == "collapsed":
        for group in GROUP_ORDER:
            if group == "converged":
                continue
            for name in defaults_differ(spec, group):
                yield problem(
                    "layout_ignored",
                    f"{group}.{name}",
                    f"the collapsed layout runs every role on the converged nodes, so "
                    f"{group}.{name} is not used",
                    getattr(getattr(spec, group), name),
                    "remove it (size the nodes with converged.*), or use layout: dedicated",
                )
    else:
        for name in defaults_differ(spec, "converged"):
            if name == "count":
                continue  # converged.count is checked in the collapsed layout only
            yield problem(
                "layout_ignored",
                f"converged.{name}",
                f"converged.{name} only applies to layout: collapsed",
                getattr(spec.converged, name),
                "remove it, or set layout: collapsed",
            )
        if spec.converged.count != 3:
            yield problem(
                "layout_ignored",
                "converged.count",
                "converged.count only applies to layout: collapsed",
                spec.converged.count,
                "remove it, or set layout: collapsed",
            )
