"""Scenarios shared by the render tests: named labs, rendered once per session."""

from __future__ import annotations

import functools
import os

import pytest

from openstack_ha.model import (
    BrokerGroup,
    CorosyncSpec,
    DatabaseGroup,
    FencingSpec,
    LabSpec,
    LoadBalancerGroup,
    PacemakerSpec,
    Plan,
    derive_plan,
)
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import LabRender, render_lab

# The four scenarios with golden files (issue 4), then variants that only
# run through the checkers and the simulator.
GOLDEN_SCENARIOS: dict[str, LabSpec] = {
    "dedicated": LabSpec(),
    "collapsed": LabSpec(layout="collapsed"),
    "active-passive-broker": LabSpec(brokers=BrokerGroup(mode="active-passive")),
    "openstack-fencing": LabSpec(
        platform="openstack", name="ha-cloud", load_balancers=LoadBalancerGroup(tls=True)
    ),
}
EXTRA_SCENARIOS: dict[str, LabSpec] = {
    "keepalived-arbitrator": LabSpec(
        load_balancers=LoadBalancerGroup(vip_manager="keepalived"),
        database=DatabaseGroup(count=2, arbitrator=True),
    ),
    "fence-xvm-five-members": LabSpec(
        fencing=FencingSpec(agent="fence_xvm"),
        database=DatabaseGroup(count=5, sst_method="rsync"),
        brokers=BrokerGroup(count=5),
        load_balancers=LoadBalancerGroup(count=4),
        corosync=CorosyncSpec(token_timeout_ms=1000),
    ),
    "fence-virsh-one-link": LabSpec(
        fencing=FencingSpec(agent="fence_virsh"),
        corosync=CorosyncSpec(links=("management",)),
    ),
    "pacemaker-remote": LabSpec(
        load_balancers=LoadBalancerGroup(count=3),
        pacemaker=PacemakerSpec(max_full_members=2),
    ),
    "fencing-off-el9": LabSpec(fencing=FencingSpec(agent="none"), os_family="el9"),
}
ALL_SCENARIOS = {**GOLDEN_SCENARIOS, **EXTRA_SCENARIOS}


@functools.cache
def plan_of(name: str) -> Plan:
    return derive_plan(ALL_SCENARIOS[name])


@functools.cache
def rendered(name: str) -> LabRender:
    return render_lab(plan_of(name), Secrets.for_tests())


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(available: bool, what: str) -> None:
    """Skip when ``what`` is missing here; FAIL in CI (``.ci/run`` installs it)."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} (CI=true: .ci/run installs the Debian packages, so this is an error)")
    pytest.skip(what)
