"""The Pacemaker CIB as data, and its XML dump.

The data model mirrors the CIB itself (primitives with instance and meta
attribute sets and operations, clones, groups, constraints, fencing topology),
so that dumping it is a plain walk with ``xml.etree``: no templated XML, and
every value is escaped by the XML library. The ids follow crmsh's conventions
(``<rsc>-instance_attributes-<name>``, ``<rsc>-<op>-interval-<n>``) so that
``crm configure show`` of a loaded CIB reads naturally.

Pacemaker 2.1.5 (Debian 12) writes ``crm_feature_set="3.16.1"`` and validates
against ``pacemaker-3.9``; both are parameters of :func:`to_xml` so a newer
Pacemaker can be targeted without touching the walk.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from openstack_ha.model.plan import PacemakerCluster
from openstack_ha.model.plan import Primitive as PlanPrimitive

__all__ = [
    "CRM_FEATURE_SET",
    "VALIDATE_WITH",
    "Cib",
    "Clone",
    "Colocation",
    "FencingLevel",
    "Group",
    "Location",
    "Node",
    "Op",
    "Order",
    "Primitive",
    "Resource",
    "ServiceClass",
    "cib_for_cluster",
    "node_state_attrs",
    "resource_ids",
    "to_xml",
]

# What Pacemaker 2.1.5 (Debian 12) writes into a fresh CIB; a CIB whose
# feature set is newer than the installed Pacemaker is refused by crm_verify.
CRM_FEATURE_SET = "3.16.1"
VALIDATE_WITH = "pacemaker-3.9"

Attrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Op:
    """One ``<op>``: an action with its interval and timeout, in seconds."""

    name: str
    interval_s: int = 0
    timeout_s: int = 20
    role: str | None = None
    on_fail: str | None = None

    def op_id(self, rsc_id: str) -> str:
        role = f"-{self.role.lower()}" if self.role else ""
        return f"{rsc_id}-{self.name}{role}-interval-{self.interval_s}s"


@dataclass(frozen=True)
class Primitive:
    """A ``<primitive>``: ``cls`` is the standard (ocf, stonith, service, lsb, systemd)."""

    id: str
    cls: str
    type: str
    provider: str | None = None
    params: Attrs = ()
    meta: Attrs = ()
    ops: tuple[Op, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Group:
    """A ``<group>``: members start in order, stop in reverse, live on one node."""

    id: str
    members: tuple[Primitive, ...]
    meta: Attrs = ()


@dataclass(frozen=True)
class Clone:
    """A ``<clone>``; ``promotable`` is set through its meta attributes."""

    id: str
    child: Primitive | Group
    meta: Attrs = ()


Resource = Primitive | Group | Clone


@dataclass(frozen=True)
class Colocation:
    """``rsc`` is placed where ``with_rsc`` runs (in ``with_rsc_role`` when given)."""

    id: str
    rsc: str
    with_rsc: str
    score: str = "INFINITY"
    rsc_role: str | None = None
    with_rsc_role: str | None = None


@dataclass(frozen=True)
class Order:
    """Start ``then`` after ``first`` (``first_action`` e.g. ``promote``)."""

    id: str
    first: str
    then: str
    kind: Literal["Mandatory", "Optional", "Serialize"] = "Mandatory"
    first_action: str | None = None
    then_action: str | None = None


@dataclass(frozen=True)
class Location:
    id: str
    rsc: str
    node: str
    score: str


Constraint = Colocation | Order | Location


@dataclass(frozen=True)
class FencingLevel:
    """One ``<fencing-level>``: ``devices`` are tried together for ``target``."""

    target: str
    index: int
    devices: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"fl-{self.target}-{self.index}"


@dataclass(frozen=True)
class Node:
    """A cluster node: its Corosync nodeid (full members) or its name (remote), and ``uname``."""

    id: int | str
    uname: str
    remote: bool = False


@dataclass(frozen=True)
class Cib:
    cluster_name: str
    nodes: tuple[Node, ...]
    properties: Attrs
    resources: tuple[Resource, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    rsc_defaults: Attrs = ()
    op_defaults: Attrs = ()
    fencing_levels: tuple[FencingLevel, ...] = ()
    # Free-form notes for people reading the dump; not part of the CIB.
    notes: tuple[str, ...] = field(default=(), compare=False)


def resource_ids(resources: Iterable[Resource]) -> list[str]:
    """Every resource id, containers first, in document order."""
    out: list[str] = []
    for rsc in resources:
        out.append(rsc.id)
        if isinstance(rsc, Clone):
            out.extend(resource_ids([rsc.child]))
        elif isinstance(rsc, Group):
            out.extend(m.id for m in rsc.members)
    return out


def _nvset(parent: ET.Element, tag: str, set_id: str, attrs: Sequence[tuple[str, str]]) -> None:
    if not attrs:
        return
    nvset = ET.SubElement(parent, tag, {"id": set_id})
    for name, value in attrs:
        ET.SubElement(nvset, "nvpair", {"id": f"{set_id}-{name}", "name": name, "value": value})


def _primitive(parent: ET.Element, prim: Primitive) -> None:
    attrs = {"id": prim.id, "class": prim.cls}
    if prim.provider is not None:
        attrs["provider"] = prim.provider
    attrs["type"] = prim.type
    if prim.description is not None:
        attrs["description"] = prim.description
    el = ET.SubElement(parent, "primitive", attrs)
    _nvset(el, "instance_attributes", f"{prim.id}-instance_attributes", prim.params)
    _nvset(el, "meta_attributes", f"{prim.id}-meta_attributes", prim.meta)
    if prim.ops:
        ops = ET.SubElement(el, "operations")
        for op in prim.ops:
            op_attrs = {
                "id": op.op_id(prim.id),
                "name": op.name,
                "interval": f"{op.interval_s}s",
                "timeout": f"{op.timeout_s}s",
            }
            if op.role is not None:
                op_attrs["role"] = op.role
            if op.on_fail is not None:
                op_attrs["on-fail"] = op.on_fail
            ET.SubElement(ops, "op", op_attrs)


def _resource(parent: ET.Element, rsc: Resource) -> None:
    if isinstance(rsc, Primitive):
        _primitive(parent, rsc)
    elif isinstance(rsc, Group):
        el = ET.SubElement(parent, "group", {"id": rsc.id})
        for member in rsc.members:
            _primitive(el, member)
        _nvset(el, "meta_attributes", f"{rsc.id}-meta_attributes", rsc.meta)
    else:
        el = ET.SubElement(parent, "clone", {"id": rsc.id})
        _resource(el, rsc.child)
        _nvset(el, "meta_attributes", f"{rsc.id}-meta_attributes", rsc.meta)


def _constraint(parent: ET.Element, con: Constraint) -> None:
    if isinstance(con, Colocation):
        attrs = {"id": con.id, "score": con.score, "rsc": con.rsc}
        if con.rsc_role is not None:
            attrs["rsc-role"] = con.rsc_role
        attrs["with-rsc"] = con.with_rsc
        if con.with_rsc_role is not None:
            attrs["with-rsc-role"] = con.with_rsc_role
        ET.SubElement(parent, "rsc_colocation", attrs)
    elif isinstance(con, Order):
        attrs = {"id": con.id, "kind": con.kind, "first": con.first}
        if con.first_action is not None:
            attrs["first-action"] = con.first_action
        attrs["then"] = con.then
        if con.then_action is not None:
            attrs["then-action"] = con.then_action
        ET.SubElement(parent, "rsc_order", attrs)
    else:
        ET.SubElement(
            parent,
            "rsc_location",
            {"id": con.id, "rsc": con.rsc, "node": con.node, "score": con.score},
        )


def configuration_element(cib: Cib) -> ET.Element:
    """The ``<configuration>`` element (what ``cibadmin --replace`` loads)."""
    conf = ET.Element("configuration")
    crm_config = ET.SubElement(conf, "crm_config")
    _nvset(crm_config, "cluster_property_set", "cib-bootstrap-options", cib.properties)
    nodes = ET.SubElement(conf, "nodes")
    for node in cib.nodes:
        attrs = {"id": str(node.id), "uname": node.uname}
        if node.remote:
            attrs["type"] = "remote"
        ET.SubElement(nodes, "node", attrs)
    resources = ET.SubElement(conf, "resources")
    for rsc in cib.resources:
        _resource(resources, rsc)
    constraints = ET.SubElement(conf, "constraints")
    for con in cib.constraints:
        _constraint(constraints, con)
    if cib.fencing_levels:
        topo = ET.SubElement(conf, "fencing-topology")
        for level in cib.fencing_levels:
            ET.SubElement(
                topo,
                "fencing-level",
                {
                    "id": level.id,
                    "target": level.target,
                    "index": str(level.index),
                    "devices": ",".join(level.devices),
                },
            )
    if cib.rsc_defaults:
        rsc_defaults = ET.SubElement(conf, "rsc_defaults")
        _nvset(rsc_defaults, "meta_attributes", "rsc-options", cib.rsc_defaults)
    if cib.op_defaults:
        op_defaults = ET.SubElement(conf, "op_defaults")
        _nvset(op_defaults, "meta_attributes", "op-options", cib.op_defaults)
    return conf


def status_element(cib: Cib, online: Iterable[str] | None = None) -> ET.Element:
    """A synthetic ``<status>``: the named nodes (default: all) online and members.

    Only for the checkers (``crm_verify`` warns about every node without a
    state, ``crm_simulate`` needs one to place anything); a live cluster
    writes its own status.
    """
    up = {n.uname for n in cib.nodes} if online is None else set(online)
    status = ET.Element("status")
    for node in cib.nodes:
        if node.uname in up:
            ET.SubElement(
                status, "node_state", node_state_attrs(str(node.id), node.uname, node.remote)
            )
    return status


def node_state_attrs(node_id: str, uname: str, remote: bool) -> dict[str, str]:
    """A ``node_state`` of a node that is up: a full member, or a connected remote node."""
    if remote:
        return {
            "id": node_id,
            "uname": uname,
            "remote_node": "true",
            "in_ccm": "true",
            "crm-debug-origin": "openstack-ha",
        }
    return {
        "id": node_id,
        "uname": uname,
        "in_ccm": "true",
        "crmd": "online",
        "crm-debug-origin": "openstack-ha",
        "join": "member",
        "expected": "member",
    }


def to_xml(
    cib: Cib,
    *,
    with_status: bool = False,
    online: Iterable[str] | None = None,
    have_quorum: bool = True,
    crm_feature_set: str = CRM_FEATURE_SET,
    validate_with: str = VALIDATE_WITH,
) -> str:
    """The whole ``<cib>`` document as text (UTF-8, two-space indent, final newline).

    ``epoch`` starts at 1 and ``admin_epoch`` at 0: a live cluster bumps them
    on every change, and ``cibadmin --replace`` accepts a lower epoch only
    for a fresh cluster, which is when the bootstrap loads this file.
    """
    root = ET.Element(
        "cib",
        {
            "crm_feature_set": crm_feature_set,
            "validate-with": validate_with,
            "epoch": "1",
            "num_updates": "0",
            "admin_epoch": "0",
        },
    )
    if with_status:
        root.set("have-quorum", "1" if have_quorum else "0")
        if cib.nodes:
            # The DC is only meaningful for the checkers' synthetic status.
            root.set("dc-uuid", str(min(n.id for n in cib.nodes if isinstance(n.id, int))))
    root.append(configuration_element(cib))
    if with_status:
        root.append(status_element(cib, online))
    else:
        ET.SubElement(root, "status")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="unicode") + "\n"


ServiceClass = Literal["service", "systemd", "lsb"]


def cib_for_cluster(cluster: PacemakerCluster, *, service_class: ServiceClass = "service") -> Cib:
    """The CIB of one Pacemaker cluster of the plan (a plain walk: the plan decided).

    Resources come in this order: fence devices, then every primitive in the
    plan's start order, a cloned primitive appearing inside its clone at
    the place of the primitive.

    ``service_class``: the standard of the plan's ``service:`` resources
    (HAProxy, the active-passive RabbitMQ). ``service`` (default) lets
    Pacemaker pick systemd when the unit exists and the LSB init script
    otherwise, so the same CIB runs on the VMs (systemd), passes ``crm
    configure verify`` here (no systemd in CI) and runs in the live tests'
    namespaces (init scripts). ``systemd`` pins systemd (a VM-only CIB);
    ``lsb`` pins the init scripts. There is no ``ocf:heartbeat:haproxy``.
    """
    clone_of = {c.child: c for c in cluster.clones}
    resources: list[Resource] = [_primitive_from_plan(d.primitive) for d in cluster.fence_devices]
    for plan_prim in cluster.primitives:
        prim = plan_prim
        if prim.agent_class == "service":
            prim = prim.model_copy(update={"agent_class": service_class})
        clone = clone_of.get(prim.id)
        if clone is None:
            resources.append(_primitive_from_plan(prim))
            continue
        meta = dict(clone.meta)
        if clone.promotable:
            meta.setdefault("promotable", "true")
        resources.append(Clone(clone.id, _primitive_from_plan(prim), tuple(meta.items())))
    # Members beyond Corosync's limit join as pacemaker_remote nodes: the
    # cluster reaches each through an ocf:pacemaker:remote resource named
    # after it (Pacemaker Remote docs, "Configuring a remote node").
    for member in cluster.members:
        if member.kind == "remote":
            resources.append(
                Primitive(
                    id=member.hostname,
                    cls="ocf",
                    provider="pacemaker",
                    type="remote",
                    params=(
                        ("server", str(member.management_address)),
                        ("reconnect_interval", "60s"),
                    ),
                    ops=(Op("monitor", 30, 30),),
                )
            )
    known = {p.id for p in cluster.primitives}
    missing = sorted(set(clone_of) - known)
    if missing:
        raise ValueError(f"cluster {cluster.name!r}: clones of unknown primitives {missing}")
    constraints: list[Constraint] = [
        Colocation(c.id, c.rsc, c.with_rsc, c.score, c.rsc_role, c.with_rsc_role)
        for c in cluster.colocations
    ]
    constraints += [
        Order(
            o.id,
            o.first,
            o.then,
            o.kind,
            first_action=None if o.first_action == "start" else o.first_action,
            then_action=None if o.then_action == "start" else o.then_action,
        )
        for o in cluster.orders
    ]
    constraints += [Location(loc.id, loc.rsc, loc.node, loc.score) for loc in cluster.locations]
    nodes = tuple(
        Node(m.nodeid, m.hostname)
        for m in cluster.members
        if m.kind == "full" and m.nodeid is not None
    ) + tuple(
        Node(m.hostname, m.hostname, remote=True) for m in cluster.members if m.kind == "remote"
    )
    return Cib(
        cluster_name=cluster.name,
        nodes=nodes,
        properties=tuple(cluster.properties.items()),
        resources=tuple(resources),
        constraints=tuple(constraints),
        rsc_defaults=tuple(cluster.resource_defaults.items()),
    )


def _primitive_from_plan(prim: PlanPrimitive) -> Primitive:
    return Primitive(
        id=prim.id,
        cls=prim.agent_class,
        type=prim.agent_type,
        provider=prim.provider,
        params=tuple(prim.params.items()),
        meta=tuple(prim.meta.items()),
        ops=tuple(Op(o.name, o.interval_s, o.timeout_s, role=o.role) for o in prim.ops),
    )
