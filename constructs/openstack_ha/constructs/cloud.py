"""The whole lab as one construct."""

from __future__ import annotations

import sys
from collections.abc import Mapping

from openstack_ha.constructs.groups import GROUP_CONSTRUCTS, NodeGroup
from openstack_ha.constructs.networks import SegregatedNetworks
from openstack_ha.constructs.secrets import LabSecrets
from openstack_ha.model.derive import derive_plan
from openstack_ha.model.plan import Plan
from openstack_ha.model.spec import LabSpec
from openstack_ha.platforms import Platform, platform_for
from openstack_ha.render.tree import render_lab
from tfbindgen.engine import Construct


class HaOpenStackCloud(Construct):
    """The HA OpenStack control plane of a lab spec, on a platform.

    ``spec`` is validated first, before anything is added to ``scope``
    (``derive_plan`` raises ``LabError`` with every problem); ``platform``
    defaults to the adapter for the platform the spec names. Read-only
    attributes: ``plan`` (the derived plan), ``secrets`` (the ``random_*``
    resources), ``networks``, ``groups`` (by group name) and ``vips``
    (platform resources reserving them, if any). Warnings of the plan
    (fencing switched off) are printed to stderr.
    """

    def __init__(
        self,
        scope: Construct,
        id_: str,
        *,
        spec: LabSpec,
        platform: Platform | None = None,
    ) -> None:
        plan = derive_plan(spec)  # the entry point validates: a bad lab leaves scope untouched
        super().__init__(scope, id_)
        self.plan: Plan = plan
        for warning in self.plan.warnings:
            print(f"openstack-ha: {warning}", file=sys.stderr)
        self.platform = platform or platform_for(self.plan)
        self.platform.ensure_bound(scope, self.plan)
        self.secrets = LabSecrets(self, "secrets", plan=self.plan)
        self.networks = SegregatedNetworks(self, "networks", plan=self.plan, platform=self.platform)
        self.vips: Mapping[str, Construct] = self.platform.vips(
            Construct(self, "vips"), self.plan, self.networks.networks
        )
        rendered = render_lab(self.plan, self.secrets.secrets)
        groups: dict[str, NodeGroup] = {}
        for group in self.plan.groups:
            construct = GROUP_CONSTRUCTS[group.name]
            groups[group.name] = construct(
                self,
                group.name,
                plan=self.plan,
                platform=self.platform,
                networks=self.networks,
                secrets=self.secrets.secrets,
                rendered=rendered,
            )
        self.groups: Mapping[str, NodeGroup] = groups
        self.platform.finish(self, self.plan, self.networks.networks, self.vips)
