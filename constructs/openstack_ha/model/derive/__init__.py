"""``derive_plan(spec) -> Plan``: pure and deterministic.

Same spec, same plan, byte for byte once dumped: every sequence is built in
a fixed order (networks in NETWORK_ORDER, nodes in GROUP_ORDER then index,
the port matrix sorted), nothing iterates a set or depends on hashing.
"""

from __future__ import annotations

from openstack_ha.model.derive.clusters import ClustersMixin
from openstack_ha.model.derive.invariants import plan_invariant_problems
from openstack_ha.model.derive.nodes import NodesMixin
from openstack_ha.model.derive.service_plans import ServicePlansMixin
from openstack_ha.model.derive.tables import TablesMixin
from openstack_ha.model.errors import LabError
from openstack_ha.model.plan import PLAN_SCHEMA_VERSION, HostEntry, Plan
from openstack_ha.model.rules import validate_lab
from openstack_ha.model.spec import LabSpec

__all__ = ["derive_plan", "plan_invariant_problems"]


def derive_plan(spec: LabSpec) -> Plan:
    """The full plan of a valid lab; raises ``LabError`` listing every problem the rules find.

    The entry point that validates: a ``LabSpec`` checks only its structure
    when it is built, so this runs every range, pattern and cross-field rule.
    """
    validate_lab(spec)
    plan = _Builder(spec).build()
    broken = plan_invariant_problems(plan)
    if broken:
        raise LabError(broken)
    return plan


class _Builder(NodesMixin, ClustersMixin, ServicePlansMixin, TablesMixin):
    """Assembles the plan from its parts (each part is one module of this package)."""

    # ------------------------------------------------------------ build

    def build(self) -> Plan:
        spec = self.spec
        clusters = tuple(self._cluster(c) for c in self.cluster_seeds)
        nodes = tuple(self._node(s) for s in self.seeds)
        return Plan(
            schema_version=PLAN_SCHEMA_VERSION,
            lab=spec.name,
            domain=spec.resolved_domain,
            platform=spec.platform,
            layout=spec.layout,
            os_family=spec.os_family,
            os=self.os,
            networks=self._networks(),
            groups=self._groups(),
            nodes=nodes,
            vips=self._vips(),
            clusters=clusters,
            fencing=self._fencing(),
            haproxy=self._haproxy(),
            keepalived=self._keepalived(),
            galera=self._galera(),
            rabbitmq=self._rabbitmq(),
            **self._platform_sections(),
            hosts=tuple(
                HostEntry(
                    address=self._addr(s, "management"),
                    names=(f"{s.hostname}.{spec.resolved_domain}", s.hostname),
                )
                for s in self.seeds
            ),
            port_matrix=self._port_matrix(),
            secrets=self._secrets(),
            warnings=self._warnings(),
        )
