"""The lab spec: the one user-facing description of an HA OpenStack control plane.

``LabSpec()`` is the default lab. Constructing a spec validates it
completely: pydantic checks the structure, then every cross-field rule of
rules.py runs, and a broken lab raises ``LabError`` listing every problem
(not just the first). ``model_copy(update=...)`` skips validation (pydantic
behaviour); ``derive_plan`` checks the rules again, so such a copy cannot
reach a plan unchecked.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, ValidationInfo, model_validator

from openstack_ha.model.base import Frozen, Str
from openstack_ha.model.groups import (
    BrokerGroup,
    ControllerGroup,
    ConvergedGroup,
    DatabaseGroup,
    LoadBalancerGroup,
)
from openstack_ha.model.ha import CorosyncSpec, FencingSpec, PacemakerSpec, Platform
from openstack_ha.model.networks import Networks
from openstack_ha.model.os_families import OS_FAMILIES, OsFamily, OsFamilyName
from openstack_ha.model.platforms import LibvirtSettings, OpenStackSettings
from openstack_ha.model.vips import Vips

__all__ = ["SKIP_RULES", "LabSpec", "Layout"]

Layout = Literal["dedicated", "collapsed"]

# Validation context key: the loader validates the structure first and runs
# the rules itself, so it can report structural errors and rule problems of
# the sound parts of a lab together.
SKIP_RULES = "openstack_ha.skip_rules"


class LabSpec(Frozen):
    """An HA OpenStack control-plane lab: networks, node groups, VIPs, cluster settings."""

    name: Str = Field(
        default="ha-lab",
        description=(
            "Lab name: prefixes platform resource names (libvirt domains, networks, volumes; "
            "OpenStack servers and ports). A DNS label, at most 32 characters. Default ha-lab."
        ),
    )
    domain: Str | None = Field(
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

    @model_validator(mode="after")
    def _check_rules(self, info: ValidationInfo) -> Self:
        if info.context and info.context.get(SKIP_RULES):
            return self
        # Imported here: rules.py reads LabSpec's fields, spec.py must not import it at load.
        from openstack_ha.model.errors import LabError  # noqa: PLC0415
        from openstack_ha.model.rules import check_rules  # noqa: PLC0415

        problems = check_rules(self)
        if problems:
            raise LabError(problems)
        return self

    @property
    def os(self) -> OsFamily:
        """The OS family's packages, paths and services."""
        return OS_FAMILIES[self.os_family]

    @property
    def resolved_domain(self) -> str:
        return self.domain if self.domain is not None else f"{self.name}.internal"
