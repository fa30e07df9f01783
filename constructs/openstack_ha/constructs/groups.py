"""Node groups: controllers, the Galera cluster, the brokers, the load balancers.

A group builds its nodes from the plan: each node's cloud-init is rendered
from the plan and the lab's secrets (tokens, filled in by Terraform at
apply) and handed to the platform with the node. Node construct ids are the
hostnames, so adding a node adds resources and changes none.
"""

from __future__ import annotations

from collections.abc import Mapping
from ipaddress import IPv4Address
from typing import ClassVar

from openstack_ha.constructs.networks import SegregatedNetworks
from openstack_ha.constructs.userdata import terraform_template
from openstack_ha.model.connections import Connections
from openstack_ha.model.plan import GroupPlan, Plan, PlanVip
from openstack_ha.platforms.base import NodeHandle, Platform
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import LabRender, render_lab
from tfbindgen.engine import Construct


class NodeGroup(Construct):
    """The nodes of one plan group on a platform.

    Read-only attributes: ``group`` (the plan's group), ``nodes`` (handles by
    hostname), ``connections`` (what the group lets in), ``vips`` (the VIPs
    its members hold) and ``addresses(network)``. ``rendered`` passes the
    lab's rendered files when the caller has them already (rendered with the
    same ``secrets``).
    """

    GROUP: ClassVar[str | None] = None

    def __init__(
        self,
        scope: Construct,
        id_: str,
        *,
        plan: Plan,
        platform: Platform,
        networks: SegregatedNetworks,
        secrets: Secrets,
        group: str | None = None,
        rendered: LabRender | None = None,
    ) -> None:
        super().__init__(scope, id_)
        name = group or self.GROUP
        known = [g.name for g in plan.groups]
        if name not in known:
            raise ValueError(
                f"{type(self).__name__}: the lab has no {name!r} group "
                f"(layout {plan.layout!r} has {', '.join(known)}); "
                "use the construct of a group the layout has"
            )
        platform.ensure_bound(scope, plan)
        self.plan = plan
        self.group: GroupPlan = next(g for g in plan.groups if g.name == name)
        self.connections = Connections.of_group(plan, self.group.name)
        self.vips: tuple[PlanVip, ...] = tuple(
            v for v in plan.vips if v.holder_group == self.group.name
        )
        shared = platform.group(
            self, plan, group=self.group, connections=self.connections, networks=networks.networks
        )
        # Rendering is per lab (every node's files come from one pass); the
        # cloud renders once for all its groups, a group on its own renders here.
        trees = {t.hostname: t for t in (rendered or render_lab(plan, secrets)).nodes}
        nodes: dict[str, NodeHandle] = {}
        for node in plan.nodes_of(self.group.name):
            tree = trees[node.hostname]
            nodes[node.hostname] = platform.node(
                Construct(self, node.hostname),
                plan,
                node=node,
                user_data=terraform_template(tree.user_data),
                group=shared,
                networks=networks.networks,
            )
        self.nodes: Mapping[str, NodeHandle] = nodes

    def addresses(self, network: str = "management") -> tuple[IPv4Address, ...]:
        """Every member's address on ``network``, in node order."""
        return tuple(
            a.address
            for handle in self.nodes.values()
            for a in handle.node.addresses
            if a.network == network
        )


class ControllerNodes(NodeGroup):
    """The stateless API controllers behind HAProxy."""

    GROUP = "controllers"


class GaleraCluster(NodeGroup):
    """The MariaDB Galera cluster (a Pacemaker promotable clone on its own cluster)."""

    GROUP = "database"

    @property
    def cluster_address(self) -> str:
        """``gcomm://`` list of every member, as Galera and its clients use it."""
        return self.plan.galera.wsrep_cluster_address


class BrokerCluster(NodeGroup):
    """The RabbitMQ brokers (clustered with quorum queues, or active/passive)."""

    GROUP = "brokers"

    @property
    def transport_hosts(self) -> tuple[str, ...]:
        """``host:port`` of every broker (or the VIP), for OpenStack's transport_url."""
        return self.plan.rabbitmq.transport_hosts


class LoadBalancerNodes(NodeGroup):
    """The HAProxy nodes holding the API VIPs."""

    GROUP = "load_balancers"


class ConvergedNodes(NodeGroup):
    """The collapsed layout's converged nodes, carrying every role."""

    GROUP = "converged"


GROUP_CONSTRUCTS: dict[str, type[NodeGroup]] = {
    cls.GROUP: cls
    for cls in (ControllerNodes, GaleraCluster, BrokerCluster, LoadBalancerNodes, ConvergedNodes)
    if cls.GROUP is not None
}
