"""Rules that hold on one platform only: the platform profiles state them.

``PLATFORM_RULES`` maps each registered platform to its rows; ``check_rules``
runs the rows of the lab's platform after the common table. The facts
(settings problems, reserved networks, how many hosts a shared disk would
span, which agents can fence the guests) live in the platform's profile
(``model/platforms/<name>.py``), so a new platform brings its rules with it.
``fencing_platform`` is common and sits in the common table.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem, format_choices
from openstack_ha.model.groups import GROUP_ORDER
from openstack_ha.model.platforms.base import PLATFORM_PROFILES, platform_profile
from openstack_ha.model.rules.base import Rule, problem
from openstack_ha.model.rules.networks import ordinary_unicast
from openstack_ha.model.spec import LabSpec

__all__ = ["PLATFORM_RULES", "check_fencing_platform"]


def check_fencing_platform(spec: LabSpec) -> Iterator[Problem]:
    agent = spec.fencing.agent
    if agent is None or agent == "none":
        return
    profile = platform_profile(spec.platform)
    allowed = profile.allowed_fence_agents()
    if agent not in allowed:
        yield problem(
            "fencing_platform",
            "fencing.agent",
            f"{agent} cannot fence {profile.guests}",
            agent,
            f"use {format_choices(allowed)} (or none to switch fencing off)",
        )


def _check_settings(spec: LabSpec) -> Iterator[Problem]:
    yield from platform_profile(spec.platform).settings_problems(spec)


def _check_shared_disk(spec: LabSpec) -> Iterator[Problem]:
    hosts = platform_profile(spec.platform).shared_disk_hosts(spec)
    if spec.fencing.resolved_agent(spec.platform) == "sbd" and hosts > 1:
        yield problem(
            "fencing_settings",
            "fencing.agent",
            "sbd needs one disk shared by every member of a cluster, which libvirt can only "
            f"attach on a single host, and the lab has {hosts} hypervisor_uris",
            "sbd",
            "use fence_xvm or fence_virsh, or one hypervisor",
        )


def _check_reserved_networks(spec: LabSpec) -> Iterator[Problem]:
    reserved = platform_profile(spec.platform).reserved_networks
    for name, network in spec.networks.defined():
        cidr = network.cidr
        # A CIDR that is no ordinary unicast space is reported once, as that (network_cidr).
        if not ordinary_unicast(cidr):
            continue
        for net, why in reserved:
            if cidr.overlaps(net):
                yield problem(
                    "network_cidr",
                    f"networks.{name}.cidr",
                    why,
                    str(cidr),
                    "use another range, e.g. 10.20.0.0/24",
                )


def _rows(name: str) -> tuple[Rule, ...]:
    profile = PLATFORM_PROFILES[name]
    rows = [
        Rule(
            ("platform_settings",),
            ("platform", name, *GROUP_ORDER, "layout"),
            f"{name} settings are usable",
            _check_settings,
        ),
        Rule(
            ("fencing_settings",),
            ("fencing", "platform", name),
            "sbd only where one disk can be shared by a cluster's members",
            _check_shared_disk,
        ),
    ]
    if profile.reserved_networks:
        rows.append(
            Rule(
                ("network_cidr",),
                ("networks", "platform"),
                f"subnets clear of the networks {name} reserves",
                _check_reserved_networks,
            )
        )
    return tuple(rows)


PLATFORM_RULES: dict[str, tuple[Rule, ...]] = {name: _rows(name) for name in PLATFORM_PROFILES}
