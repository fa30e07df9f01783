"""The rules of a lab, kept as ONE table: ``RULES`` (plus the platforms' rows).

Each row is ``Rule(codes, reads, summary, check)``: ``check(spec)`` yields a
``Problem`` for every violation (all of them, not the first), ``reads`` lists
the parts of the lab it depends on (so the loader can still run the rules
whose inputs were valid when other parts of a lab file had structural
errors), ``summary`` says which fact of the field it encodes.

Where things live:

- every numeric range and name pattern is declared on its field
  (model/limits.py) and checked by the rows of ``LIMIT_RULES`` (limits.py);
- the cross-field rules, one module per subject: names.py (unique names),
  groups.py (Galera and broker parity, layout), cluster.py (Pacemaker and
  Corosync), fencing.py, networks.py, vips.py, services.py (HAProxy);
- rules of one platform only: ``PLATFORM_RULES`` in platforms.py.

Message shape: ``<what is wrong>, got <value>; <what is allowed / the fix>``
(the location is ``Problem.loc``). The entry points (``derive_plan``, the
lab-file loader, the top construct) call ``validate_lab`` or ``check_rules``;
constructing a ``LabSpec`` checks only its structure.
"""

from __future__ import annotations

from collections.abc import Collection

from openstack_ha.model.errors import LabError, Problem
from openstack_ha.model.groups import GROUP_ORDER
from openstack_ha.model.rules.base import Rule
from openstack_ha.model.rules.cluster import (
    check_corosync_crypto,
    check_corosync_links,
    check_corosync_transport,
    check_no_quorum_policy,
)
from openstack_ha.model.rules.fencing import check_fencing_settings
from openstack_ha.model.rules.groups import check_brokers, check_galera, check_layout_ignored
from openstack_ha.model.rules.limits import LIMIT_RULES
from openstack_ha.model.rules.names import check_duplicate_hostnames, check_duplicate_settings
from openstack_ha.model.rules.networks import (
    check_dhcp,
    check_network_cidrs,
    check_network_overlap,
    check_vlans,
)
from openstack_ha.model.rules.platforms import PLATFORM_RULES, check_fencing_platform
from openstack_ha.model.rules.services import check_haproxy
from openstack_ha.model.rules.vips import check_vip_unused, check_vips
from openstack_ha.model.spec import LabSpec

__all__ = ["LIMIT_RULES", "PLATFORM_RULES", "RULES", "Rule", "check_rules", "validate_lab"]

RULES: tuple[Rule, ...] = (
    *LIMIT_RULES,
    Rule(
        ("duplicate_name",),
        (*GROUP_ORDER, "layout", "brokers"),
        "hostnames are unique across groups",
        check_duplicate_hostnames,
    ),
    Rule(
        ("duplicate_name",),
        ("libvirt", "openstack"),
        "hypervisors and availability zones are listed once",
        check_duplicate_settings,
    ),
    Rule(
        ("galera_even", "galera_arbitrator_needless"),
        ("database", "layout"),
        "Galera: an odd count, or an even count with garbd (and garbd only then)",
        check_galera,
    ),
    Rule(
        ("broker_even",),
        ("brokers", "layout"),
        "clustered brokers: an odd count (pause_minority)",
        check_brokers,
    ),
    Rule(
        ("layout_ignored",),
        (*GROUP_ORDER, "layout"),
        "sizing of groups the layout does not use stays at its default",
        check_layout_ignored,
    ),
    Rule(
        ("no_quorum_policy",),
        ("pacemaker", *GROUP_ORDER, "layout", "load_balancers"),
        "no-quorum-policy stop (not ignore) for clusters of 3 or more",
        check_no_quorum_policy,
    ),
    Rule(("corosync_transport",), ("corosync",), "knet only", check_corosync_transport),
    Rule(("corosync_crypto",), ("corosync",), "crypto on (cipher and hash)", check_corosync_crypto),
    Rule(
        ("corosync_links",),
        ("corosync", "networks", *GROUP_ORDER, "layout"),
        "1..8 knet links on networks every member is on",
        check_corosync_links,
    ),
    Rule(
        ("fencing_platform",),
        ("fencing", "platform"),
        "fence agent valid for the platform",
        check_fencing_platform,
    ),
    Rule(
        ("fencing_settings",),
        ("fencing",),
        "fence settings that can work (multicast group, key path)",
        check_fencing_settings,
    ),
    Rule(
        ("network_cidr",),
        ("networks",),
        "subnets /24 or larger, ordinary unicast space",
        check_network_cidrs,
    ),
    Rule(("network_overlap",), ("networks",), "CIDRs do not overlap", check_network_overlap),
    Rule(("network_vlan",), ("networks",), "VLAN ids unique", check_vlans),
    Rule(
        ("dhcp_range",),
        ("networks", *GROUP_ORDER, "layout"),
        "DHCP ranges inside the subnet, clear of gateway and node addresses",
        check_dhcp,
    ),
    Rule(
        ("vip_subnet", "vip_dhcp", "vip_collision"),
        ("vips", "networks", "brokers", *GROUP_ORDER, "layout"),
        "VIPs inside their subnet, outside DHCP, unique, not a node's or the gateway's",
        check_vips,
    ),
    Rule(
        ("vip_unused",),
        ("vips", "brokers"),
        "broker VIP only in active-passive mode",
        check_vip_unused,
    ),
    Rule(
        ("haproxy_sizing",),
        ("load_balancers",),
        "a frontend's maxconn within the global one; the stats port is free",
        check_haproxy,
    ),
)


def _overlaps(reads: tuple[str, ...], bad: Collection[str]) -> bool:
    for loc in bad:
        head = loc.split(".", 1)[0].split("[", 1)[0]
        if head == "" or head in reads:
            return True
    return False


def check_rules(spec: LabSpec, *, skip_reading: Collection[str] = ()) -> tuple[Problem, ...]:
    """Every problem the rules find, sorted; rules reading a loc in ``skip_reading`` are skipped.

    ``skip_reading`` holds locations that had structural errors (their values in
    ``spec`` are stand-ins), so rules that read them would report nonsense.
    """
    problems: list[Problem] = []
    for rule in (*RULES, *PLATFORM_RULES.get(spec.platform, ())):
        if skip_reading and _overlaps(rule.reads, skip_reading):
            continue
        problems.extend(rule.check(spec))
    return tuple(sorted(set(problems)))


def validate_lab(spec: LabSpec) -> LabSpec:
    """``spec`` itself when every rule holds; else ``LabError`` listing every problem."""
    problems = check_rules(spec)
    if problems:
        raise LabError(problems)
    return spec
