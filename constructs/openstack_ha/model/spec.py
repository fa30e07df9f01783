"""The lab spec: the one user-facing description of an HA OpenStack control plane.

``LabSpec()`` is the default lab. Constructing a spec checks its structure
(pydantic: keys, types, choices); the ranges, name patterns and cross-field
rules run at the entry points, where a lab is about to be used:
``derive_plan`` (so the top construct and every command), the lab-file
loader and ``openstack-ha validate``, or ``validate_lab`` directly. They
raise ``LabError`` listing every problem, not just the first. A spec built
in Python, or changed by ``model_copy(update=...)``, therefore cannot reach
a plan unchecked.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from openstack_ha.model.base import Frozen, Str
from openstack_ha.model.groups import (
    BrokerGroup,
    ControllerGroup,
    ConvergedGroup,
    DatabaseGroup,
    LoadBalancerGroup,
)
from openstack_ha.model.ha import CorosyncSpec, FencingSpec, PacemakerSpec, Platform
from openstack_ha.model.limits import Pattern
from openstack_ha.model.names import DNS_DOMAIN, DNS_LABEL, suggest_label
from openstack_ha.model.networks import Networks
from openstack_ha.model.os_families import OS_FAMILIES, OsFamily, OsFamilyName
from openstack_ha.model.platforms import LibvirtSettings, OpenStackSettings
from openstack_ha.model.vips import Vips

__all__ = ["LabSpec", "Layout"]

Layout = Literal["dedicated", "collapsed"]


class LabSpec(Frozen):
    """An HA OpenStack control-plane lab: networks, node groups, VIPs, cluster settings."""

    name: Annotated[
        Str,
        Pattern(
            DNS_LABEL,
            32,
            "invalid_name",
            "the lab name must be a DNS label (lower-case letters, digits and '-', starting "
            "with a letter, at most 32 characters)",
            lambda value, lab: f"use e.g. {suggest_label(value)!r}",
        ),
    ] = Field(
        default="ha-lab",
        description=(
            "Lab name: prefixes platform resource names (libvirt domains, networks, volumes; "
            "OpenStack servers and ports). A DNS label, at most 32 characters. Default ha-lab."
        ),
    )
    domain: (
        Annotated[
            Str,
            Pattern(
                DNS_DOMAIN,
                200,
                "invalid_name",
                "the domain must be dot-separated DNS labels (lower-case letters, digits and '-')",
                lambda value, lab: f"use e.g. {lab.name}.internal, or remove it",
            ),
        ]
        | None
    ) = Field(
        default=None,
        description="DNS domain of the nodes (FQDN = hostname.domain). Unset: <name>.internal.",
    )
    platform: Platform = Field(
        default="libvirt",
        description="Where the VMs run: libvirt (default) or an existing OpenStack cloud.",
    )
    os_family: OsFamilyName = Field(
        default="debian12",
        description=(
            "Guest OS family: debian12 (default, verified), el9 (Rocky/Alma 9) or ubuntu2404."
        ),
    )
    layout: Layout = Field(
        default="dedicated",
        description=(
            "dedicated (default): one node group per role, the whitepaper's figure 2. "
            "collapsed: 3 converged nodes carry every role."
        ),
    )
    networks: Networks = Field(default=Networks())
    vips: Vips = Field(default=Vips())
    controllers: ControllerGroup = Field(default=ControllerGroup())
    database: DatabaseGroup = Field(default=DatabaseGroup())
    brokers: BrokerGroup = Field(default=BrokerGroup())
    load_balancers: LoadBalancerGroup = Field(default=LoadBalancerGroup())
    converged: ConvergedGroup = Field(
        default=ConvergedGroup(),
        description="Sizing of the collapsed layout's nodes (unused in the dedicated layout).",
    )
    corosync: CorosyncSpec = Field(default=CorosyncSpec())
    pacemaker: PacemakerSpec = Field(default=PacemakerSpec())
    fencing: FencingSpec = Field(default=FencingSpec())
    libvirt: LibvirtSettings = Field(
        default=LibvirtSettings(), description="Used when platform is libvirt."
    )
    openstack: OpenStackSettings = Field(
        default=OpenStackSettings(), description="Used when platform is openstack."
    )

    @property
    def os(self) -> OsFamily:
        """The OS family's packages, paths and services."""
        return OS_FAMILIES[self.os_family]

    @property
    def resolved_domain(self) -> str:
        return self.domain if self.domain is not None else f"{self.name}.internal"
