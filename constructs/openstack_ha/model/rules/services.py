"""Service settings that depend on each other: HAProxy's limits and its stats port.

The floors and ranges themselves (maxconn, open files, gcache, the stats
port) are declared on the fields (model/groups.py) and checked by the
limits rule; these checks only look at values inside them.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem
from openstack_ha.model.limits import within_limits
from openstack_ha.model.rules.base import problem
from openstack_ha.model.services import reserved_ports
from openstack_ha.model.spec import LabSpec

__all__ = ["check_haproxy"]


def check_haproxy(spec: LabSpec) -> Iterator[Problem]:
    lb = spec.load_balancers
    if within_limits(lb, "maxconn_defaults") and lb.maxconn_defaults > lb.maxconn_global:
        yield problem(
            "haproxy_sizing",
            "load_balancers.maxconn_defaults",
            f"a frontend's limit cannot exceed the global maxconn {lb.maxconn_global}",
            lb.maxconn_defaults,
            f"use at most {lb.maxconn_global}",
        )
    taken = reserved_ports()
    if within_limits(lb, "stats_port") and lb.stats_port in taken:
        yield problem(
            "haproxy_sizing",
            "load_balancers.stats_port",
            f"the port is already used by {taken[lb.stats_port]}",
            lb.stats_port,
            "use 1936",
        )
