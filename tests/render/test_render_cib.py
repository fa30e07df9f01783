"""The CIB as data and its XML dump (exact output), and the walk over the plan."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from render_helpers import plan_of, rendered

from openstack_ha.model.plan import Clone as PlanClone
from openstack_ha.render.cib import (
    Cib,
    Clone,
    Colocation,
    Location,
    Node,
    Op,
    Order,
    Primitive,
    cib_for_cluster,
    resource_ids,
    to_xml,
)

TINY = Cib(
    "lab",
    (Node(1, "a"), Node(2, "b")),
    (("stonith-enabled", "true"), ("no-quorum-policy", "stop")),
    resources=(
        Primitive(
            "vip",
            "ocf",
            "IPaddr2",
            "heartbeat",
            params=(("ip", "10.0.0.5"),),
            ops=(Op("monitor", 10, 20),),
        ),
        Clone("web-clone", Primitive("web", "service", "haproxy"), meta=(("interleave", "true"),)),
    ),
    constraints=(
        Colocation("col", "vip", "web-clone"),
        Order("ord", "vip", "web-clone", "Optional"),
        Location("loc", "vip", "a", "-INFINITY"),
    ),
    rsc_defaults=(("resource-stickiness", "100"),),
)

CIB_ROOT = (
    '<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" '
    'admin_epoch="0">'
)
TINY_XML = (
    CIB_ROOT
    + """
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true" />
        <nvpair id="cib-bootstrap-options-no-quorum-policy" name="no-quorum-policy" value="stop" />
      </cluster_property_set>
    </crm_config>
    <nodes>
      <node id="1" uname="a" />
      <node id="2" uname="b" />
    </nodes>
    <resources>
      <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
        <instance_attributes id="vip-instance_attributes">
          <nvpair id="vip-instance_attributes-ip" name="ip" value="10.0.0.5" />
        </instance_attributes>
        <operations>
          <op id="vip-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
        </operations>
      </primitive>
      <clone id="web-clone">
        <primitive id="web" class="service" type="haproxy" />
        <meta_attributes id="web-clone-meta_attributes">
          <nvpair id="web-clone-meta_attributes-interleave" name="interleave" value="true" />
        </meta_attributes>
      </clone>
    </resources>
    <constraints>
      <rsc_colocation id="col" score="INFINITY" rsc="vip" with-rsc="web-clone" />
      <rsc_order id="ord" kind="Optional" first="vip" then="web-clone" />
      <rsc_location id="loc" rsc="vip" node="a" score="-INFINITY" />
    </constraints>
    <rsc_defaults>
      <meta_attributes id="rsc-options">
        <nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="100" />
      </meta_attributes>
    </rsc_defaults>
  </configuration>
  <status />
</cib>
"""
)


def test_a_small_cib_dumps_to_exactly_this_xml() -> None:
    assert to_xml(TINY) == TINY_XML


def test_values_are_escaped_by_the_xml_library_not_by_hand() -> None:
    cib = Cib(
        "c",
        (),
        (),
        resources=(Primitive("p", "ocf", "Dummy", "heartbeat", params=(("x", '<a & "b">'),)),),
    )
    text = to_xml(cib)
    assert 'value="&lt;a &amp; &quot;b&quot;&gt;"' in text
    assert ET.fromstring(text).find(".//nvpair").get("value") == '<a & "b">'  # type: ignore[union-attr]


def test_synthetic_status_marks_the_named_nodes_online_with_quorum() -> None:
    root = ET.fromstring(to_xml(TINY, with_status=True, online=["b"], have_quorum=False))
    assert root.get("have-quorum") == "0"
    assert root.get("dc-uuid") == "1"
    states = root.findall("status/node_state")
    assert [(s.get("uname"), s.get("crmd"), s.get("join")) for s in states] == [
        ("b", "online", "member")
    ]


def test_roles_and_on_fail_reach_the_op_element() -> None:
    prim = Primitive(
        "g",
        "ocf",
        "galera",
        "heartbeat",
        ops=(Op("monitor", 10, 30, role="Promoted", on_fail="block"),),
    )
    op = ET.fromstring(to_xml(Cib("c", (), (), resources=(prim,)))).find(".//op")
    assert op is not None
    assert op.attrib == {
        "id": "g-monitor-promoted-interval-10s",
        "name": "monitor",
        "interval": "10s",
        "timeout": "30s",
        "role": "Promoted",
        "on-fail": "block",
    }


def test_resource_ids_walks_clones_and_groups() -> None:
    assert resource_ids(TINY.resources) == ["vip", "web-clone", "web"]


def test_database_cluster_is_a_promotable_galera_clone_with_every_member_promoted() -> None:
    plan = plan_of("dedicated")
    cib = cib_for_cluster(plan.cluster("database"))
    assert [n.uname for n in cib.nodes] == ["db1", "db2", "db3"]
    ids = resource_ids(cib.resources)
    # Fence devices come first, one per member, then the clone.
    assert ids == ["fence-db1", "fence-db2", "fence-db3", "galera-clone", "galera"]
    clone = cib.resources[-1]
    assert isinstance(clone, Clone)
    meta = dict(clone.meta)
    assert meta["promotable"] == "true"
    assert meta["promoted-max"] == "3"
    assert meta["interleave"] == "true"
    assert isinstance(clone.child, Primitive)
    params = dict(clone.child.params)
    assert params["wsrep_cluster_address"] == "gcomm://db1,db2,db3"
    assert {c.id: c.score for c in cib.constraints if isinstance(c, Location)} == {
        "location-fence-db1-avoids-db1": "-INFINITY",
        "location-fence-db2-avoids-db2": "-INFINITY",
        "location-fence-db3-avoids-db3": "-INFINITY",
    }


def test_load_balancer_cluster_colocates_every_vip_with_haproxy_and_orders_it_first() -> None:
    cib = cib_for_cluster(plan_of("dedicated").cluster("load_balancers"))
    colocations = {
        (c.rsc, c.with_rsc, c.score) for c in cib.constraints if isinstance(c, Colocation)
    }
    orders = {(o.first, o.then, o.kind) for o in cib.constraints if isinstance(o, Order)}
    for vip in ("vip-public", "vip-internal", "vip-database"):
        assert (vip, "haproxy-clone", "INFINITY") in colocations
        assert (vip, "haproxy-clone", "Optional") in orders
    assert dict(cib.properties)["no-quorum-policy"] == "stop"
    assert dict(cib.rsc_defaults) == {"resource-stickiness": "100"}


def test_two_node_cluster_delays_exactly_one_fence_device() -> None:
    cib = cib_for_cluster(plan_of("dedicated").cluster("load_balancers"))
    delays = {
        r.id: dict(r.params).get("pcmk_delay_max")
        for r in cib.resources
        if isinstance(r, Primitive) and r.cls == "stonith"
    }
    assert delays == {"fence-lb1": None, "fence-lb2": "15s"}


def test_remote_members_get_a_remote_resource_and_a_remote_node_entry() -> None:
    cib = rendered("pacemaker-remote").cib("load_balancers")
    remote = next(r for r in cib.resources if r.id == "lb3")
    assert isinstance(remote, Primitive)
    assert (remote.cls, remote.provider, remote.type) == ("ocf", "pacemaker", "remote")
    assert dict(remote.params)["server"] == "10.20.0.82"
    assert [(n.uname, n.remote) for n in cib.nodes] == [
        ("lb1", False),
        ("lb2", False),
        ("lb3", True),
    ]
    root = ET.fromstring(to_xml(cib, with_status=True))
    assert root.find("configuration/nodes/node[@uname='lb3']").get("type") == "remote"  # type: ignore[union-attr]
    state = root.find("status/node_state[@uname='lb3']")
    assert state is not None
    assert state.get("remote_node") == "true"


def test_a_clone_of_an_unknown_primitive_is_a_bug_reported_clearly() -> None:
    cluster = plan_of("dedicated").cluster("database")
    broken = cluster.model_copy(
        update={"clones": (PlanClone(id="x-clone", child="nope", promotable=False, meta={}),)}
    )
    with pytest.raises(
        ValueError, match=r"cluster 'database': clones of unknown primitives \['nope'\]"
    ):
        cib_for_cluster(broken)


def test_service_resources_default_to_service_and_can_be_pinned_to_systemd() -> None:
    cluster = plan_of("active-passive-broker").cluster("brokers")
    default = {r.id: r.cls for r in cib_for_cluster(cluster).resources if isinstance(r, Primitive)}
    assert default["rabbitmq"] == "service"
    pinned = cib_for_cluster(cluster, service_class="systemd")
    classes = {r.id: r.cls for r in pinned.resources if isinstance(r, Primitive)}
    assert classes["rabbitmq"] == "systemd"
    assert classes["vip-broker"] == "ocf"
    lb = cib_for_cluster(plan_of("dedicated").cluster("load_balancers"), service_class="lsb")
    clone = next(r for r in lb.resources if isinstance(r, Clone))
    assert isinstance(clone.child, Primitive)
    assert clone.child.cls == "lsb"
