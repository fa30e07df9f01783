"""Rules that hold on one platform only, kept apart for the platform adapters.

``PLATFORM_RULES`` maps a platform to its rows; ``check_rules`` runs the
rows of the lab's platform after the common table. The seam: a platform
adapter can register its own rows here instead of them being listed below.
``fencing_platform`` is common (it reads the data table
``FENCE_AGENTS_BY_PLATFORM``) and sits in the common table.
"""

from __future__ import annotations

from collections.abc import Iterator

from openstack_ha.model.errors import Problem, format_choices
from openstack_ha.model.groups import GROUP_ORDER
from openstack_ha.model.ha import FENCE_AGENTS_BY_PLATFORM
from openstack_ha.model.networks import LIBVIRT_DEFAULT_NETWORK
from openstack_ha.model.rules.base import Rule, problem
from openstack_ha.model.rules.networks import ordinary_unicast
from openstack_ha.model.spec import LabSpec
from openstack_ha.model.topology import groups_in_use

__all__ = ["PLATFORM_RULES", "check_fencing_platform"]


def check_fencing_platform(spec: LabSpec) -> Iterator[Problem]:
    agent = spec.fencing.agent
    if agent is None or agent == "none":
        return
    allowed = FENCE_AGENTS_BY_PLATFORM[spec.platform]
    if agent not in allowed:
        what = "libvirt guests" if spec.platform == "libvirt" else "OpenStack servers"
        yield problem(
            "fencing_platform",
            "fencing.agent",
            f"{agent} cannot fence {what}",
            agent,
            f"use {format_choices(allowed)} (or none to switch fencing off)",
        )


# ---------------------------------------------------------------- libvirt


def _check_libvirt_settings(spec: LabSpec) -> Iterator[Problem]:
    lv = spec.libvirt
    if not lv.hypervisor_uris:
        yield problem(
            "platform_settings",
            "libvirt.hypervisor_uris",
            "at least one hypervisor is needed",
            [],
            "use [qemu:///system]",
        )
    for i, uri in enumerate(lv.hypervisor_uris):
        if "://" not in uri:
            yield problem(
                "platform_settings",
                f"libvirt.hypervisor_uris[{i}]",
                "a libvirt connection URI has a scheme",
                uri,
                "use e.g. qemu:///system or qemu+ssh://root@host/system",
            )
    for loc, value in (
        ("libvirt.base_image", lv.base_image),
        ("libvirt.storage_pool", lv.storage_pool),
    ):
        if value is not None and not value.strip():
            yield problem(
                "platform_settings",
                loc,
                "the setting must not be empty",
                value,
                "remove it to use the default",
            )


def _check_libvirt_sbd(spec: LabSpec) -> Iterator[Problem]:
    uris = spec.libvirt.hypervisor_uris
    if spec.fencing.resolved_agent(spec.platform) == "sbd" and len(uris) > 1:
        yield problem(
            "fencing_settings",
            "fencing.agent",
            "sbd needs one disk shared by every member of a cluster, which libvirt can only "
            f"attach on a single host, and the lab has {len(uris)} hypervisor_uris",
            "sbd",
            "use fence_xvm or fence_virsh, or one hypervisor",
        )


def _check_libvirt_default_network(spec: LabSpec) -> Iterator[Problem]:
    for name, network in spec.networks.defined():
        cidr = network.cidr
        # A CIDR that is no ordinary unicast space is reported once, as that (network_cidr).
        if ordinary_unicast(cidr) and cidr.overlaps(LIBVIRT_DEFAULT_NETWORK):
            yield problem(
                "network_cidr",
                f"networks.{name}.cidr",
                f"it overlaps libvirt's default network {LIBVIRT_DEFAULT_NETWORK}, active on "
                "most libvirt hosts",
                str(cidr),
                "use another range, e.g. 10.20.0.0/24",
            )


# ---------------------------------------------------------------- openstack


def _check_openstack_settings(spec: LabSpec) -> Iterator[Problem]:
    os_ = spec.openstack
    values: list[tuple[str, str | None]] = [
        ("openstack.image_name", os_.image_name),
        ("openstack.external_network", os_.external_network),
        ("openstack.region", os_.region),
    ]
    values += [(f"openstack.flavors.{g}", getattr(os_.flavors, g)) for g in groups_in_use(spec)]
    for loc, value in values:
        if value is not None and not value.strip():
            yield problem(
                "platform_settings",
                loc,
                "the setting must not be empty",
                value,
                "remove it to use the default",
            )


PLATFORM_RULES: dict[str, tuple[Rule, ...]] = {
    "libvirt": (
        Rule(
            ("platform_settings",),
            ("platform", "libvirt"),
            "libvirt settings are usable",
            _check_libvirt_settings,
        ),
        Rule(
            ("fencing_settings",),
            ("fencing", "platform", "libvirt"),
            "sbd only on one hypervisor (libvirt shares a disk on one host only)",
            _check_libvirt_sbd,
        ),
        Rule(
            ("network_cidr",),
            ("networks", "platform"),
            "subnets clear of libvirt's default network",
            _check_libvirt_default_network,
        ),
    ),
    "openstack": (
        Rule(
            ("platform_settings",),
            ("platform", "openstack", *GROUP_ORDER, "layout"),
            "OpenStack settings are usable",
            _check_openstack_settings,
        ),
    ),
}
