"""The derived plan: golden plans, determinism, the add-a-node property, plan facts.

Golden plans live in tests/golden/plans/<name>.json and are compared byte for
byte. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/model/test_model_plan.py

and commit them with a message that says why they changed.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from openstack_ha.model import (
    BrokerGroup,
    ControllerGroup,
    CorosyncSpec,
    DatabaseGroup,
    FencingSpec,
    LabSpec,
    LibvirtSettings,
    LoadBalancerGroup,
    PacemakerSpec,
    Plan,
    derive_plan,
    load_lab,
    plan_invariant_problems,
)
from openstack_ha.model.loader import parse_lab_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "labs"
GOLDEN = ROOT / "tests" / "golden" / "plans"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# golden name -> example lab file
GOLDEN_LABS = {
    "default": "default.yaml",
    "collapsed": "collapsed.yaml",
    "active-passive-broker": "active-passive-broker.yaml",
    "openstack": "openstack.yaml",
    "keepalived-arbitrator": "keepalived-arbitrator.yaml",
}


def dump(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), indent=2) + "\n"


@pytest.mark.parametrize("name", sorted(GOLDEN_LABS))
def test_golden_plan(name: str) -> None:
    text = dump(derive_plan(load_lab(EXAMPLES / GOLDEN_LABS[name])))
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, (
        f"{path.name} differs from the derived plan; if the change is intended, run "
        "UPDATE_GOLDEN=1 pytest tests/model/test_model_plan.py and commit the golden file"
    )


def test_default_example_is_the_default_lab() -> None:
    assert load_lab(EXAMPLES / "default.yaml") == LabSpec()


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_lab_derives_a_sound_plan(path: Path) -> None:
    plan = derive_plan(load_lab(path))
    assert plan_invariant_problems(plan) == ()


# ---------------------------------------------------------------- determinism


def test_same_spec_same_bytes() -> None:
    spec = load_lab(EXAMPLES / "openstack.yaml")
    assert dump(derive_plan(spec)) == dump(derive_plan(spec))


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    return value


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_plan_does_not_depend_on_yaml_key_order(seed: int) -> None:
    text = (EXAMPLES / "large.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    reordered = _shuffled(doc, random.Random(seed))
    assert list(reordered) != list(doc)  # these seeds really reorder the top-level keys
    shuffled = yaml.safe_dump(reordered, sort_keys=False)
    assert dump(derive_plan(parse_lab_text(shuffled))) == dump(derive_plan(parse_lab_text(text)))


def test_plan_does_not_depend_on_hash_seed() -> None:
    program = (
        "import json, sys\n"
        "from openstack_ha.model import derive_plan, load_lab\n"
        "plan = derive_plan(load_lab(sys.argv[1]))\n"
        "sys.stdout.write(json.dumps(plan.model_dump(mode='json'), indent=2) + '\\n')\n"
    )
    lab = EXAMPLES / "large.yaml"
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", program, str(lab)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        outputs.add(result.stdout)
    assert outputs == {dump(derive_plan(load_lab(lab)))}


# ---------------------------------------------------------------- adding a node


def _assert_only_additions(before: Plan, after: Plan) -> None:
    """Every node, address, VIP, network and host entry of ``before`` is unchanged."""
    after_nodes = {n.hostname: n for n in after.nodes}
    for node in before.nodes:
        assert after_nodes[node.hostname] == node, node.hostname
    for old_vip, new_vip in zip(before.vips, after.vips, strict=True):
        # A new holder node becomes one more candidate; nothing else moves.
        assert new_vip.candidates[: len(old_vip.candidates)] == old_vip.candidates
        assert new_vip.model_copy(update={"candidates": ()}) == old_vip.model_copy(
            update={"candidates": ()}
        )
    assert after.networks == before.networks
    assert set(before.hosts) <= set(after.hosts)
    assert len(after.nodes) == len(before.nodes) + 1
    before_addresses = {(a.network, a.address, a.mac) for n in before.nodes for a in n.addresses}
    after_addresses = {(a.network, a.address, a.mac) for n in after.nodes for a in n.addresses}
    assert before_addresses < after_addresses


@pytest.mark.parametrize("count", [2, 3, 4, 10, 19])
def test_adding_a_controller_only_adds(count: int) -> None:
    before = derive_plan(LabSpec(controllers=ControllerGroup(count=count)))
    after = derive_plan(LabSpec(controllers=ControllerGroup(count=count + 1)))
    _assert_only_additions(before, after)
    # HAProxy gains one backend per API and keeps the others as they were.
    for old, new in zip(before.haproxy.listeners, after.haproxy.listeners, strict=True):
        if old.name != "galera":
            assert new.servers[: len(old.servers)] == old.servers
            assert len(new.servers) == len(old.servers) + 1


@pytest.mark.parametrize("count", [2, 3, 31, 32, 33, 99])
def test_adding_a_load_balancer_only_adds(count: int) -> None:
    before = derive_plan(LabSpec(load_balancers=LoadBalancerGroup(count=count)))
    after = derive_plan(LabSpec(load_balancers=LoadBalancerGroup(count=count + 1)))
    _assert_only_additions(before, after)
    old = before.cluster("load_balancers").members
    new = after.cluster("load_balancers").members
    assert new[: len(old)] == old


def test_adding_brokers_and_database_members_only_adds() -> None:
    before = derive_plan(LabSpec(database=DatabaseGroup(count=3), brokers=BrokerGroup(count=3)))
    after = derive_plan(LabSpec(database=DatabaseGroup(count=5), brokers=BrokerGroup(count=5)))
    after_nodes = {n.hostname: n for n in after.nodes}
    for node in before.nodes:
        assert after_nodes[node.hostname].addresses == node.addresses


def test_biggest_lab_has_unique_addresses_and_macs() -> None:
    plan = derive_plan(
        LabSpec(
            controllers=ControllerGroup(count=20),
            database=DatabaseGroup(count=19),
            brokers=BrokerGroup(count=15),
            load_balancers=LoadBalancerGroup(count=100),
        )
    )
    assert len(plan.nodes) == 154
    entries = [(a.network, a.address, a.mac) for n in plan.nodes for a in n.addresses]
    assert len({(net, addr) for net, addr, _ in entries}) == len(entries)
    assert len({mac for _, _, mac in entries}) == len(entries)
    vips = {v.address for v in plan.vips}
    assert not vips & {addr for _, addr, _ in entries}
    lbs = plan.cluster("load_balancers")
    assert [m.kind for m in lbs.members].count("full") == 32
    assert [m.kind for m in lbs.members].count("remote") == 68
    assert lbs.quorum.expected_votes == 32
    assert plan.nodes_of("load_balancers")[-1].addresses[0].address.packed[-1] == 179


# ---------------------------------------------------------------- plan facts


def test_default_lab_shape() -> None:
    plan = derive_plan(LabSpec())
    assert [g.name for g in plan.groups] == ["controllers", "database", "brokers", "load_balancers"]
    assert [n.hostname for n in plan.nodes] == [
        "ctl1",
        "ctl2",
        "ctl3",
        "db1",
        "db2",
        "db3",
        "mq1",
        "mq2",
        "mq3",
        "lb1",
        "lb2",
    ]
    assert [c.name for c in plan.clusters] == ["database", "load_balancers"]
    assert plan.fencing.agent == "sbd"
    assert plan.warnings == ()
    assert plan.keepalived is None
    assert plan.openstack is None
    assert plan.libvirt is not None
    assert plan.libvirt.base_image.endswith("debian-12-genericcloud-amd64.qcow2")


def test_quorum_two_node_and_fence_race_delay() -> None:
    plan = derive_plan(LabSpec())
    db = plan.cluster("database")
    assert (
        db.quorum.expected_votes,
        db.quorum.quorum_votes,
        db.quorum.two_node,
        db.quorum.wait_for_all,
    ) == (3, 2, False, False)
    assert [d.delay_max_s for d in db.fence_devices] == [None, None, None]
    lb = plan.cluster("load_balancers")
    assert (lb.quorum.two_node, lb.quorum.wait_for_all) == (True, True)
    # The delay sits on lb2's device: lb1, where the VIPs start, is fenced
    # without delay when it dies.
    assert [(d.target, d.delay_max_s) for d in lb.fence_devices] == [("lb1", None), ("lb2", 15)]
    assert lb.fence_devices[1].primitive.params["pcmk_delay_max"] == "15s"
    assert "pcmk_delay_max" not in lb.fence_devices[0].primitive.params
    for cluster in plan.clusters:
        assert cluster.properties["no-quorum-policy"] == "stop"
        assert cluster.properties["stonith-enabled"] == "true"
        assert {d.target for d in cluster.fence_devices} == {m.hostname for m in cluster.members}
        assert {(loc.rsc, loc.node, loc.score) for loc in cluster.locations} == {
            (f"fence-{m.hostname}", m.hostname, "-INFINITY") for m in cluster.members
        }


def test_knet_links_use_5405_plus_n_and_every_member_address() -> None:
    plan = derive_plan(LabSpec(corosync=CorosyncSpec(links=("storage", "management"))))
    for cluster in plan.clusters:
        assert [(k.linknumber, k.network, k.port) for k in cluster.links] == [
            (0, "storage", 5405),
            (1, "management", 5406),
        ]
        for member in cluster.members:
            node = plan.node(member.hostname)
            assert [(la.network, la.address) for la in member.link_addresses] == [
                ("storage", node.address_on("storage")),
                ("management", node.address_on("management")),
            ]
    corosync_rules = [r for r in plan.port_matrix if r.purpose.startswith("corosync")]
    assert {(r.network, r.protocol, r.port_min, r.port_max) for r in corosync_rules} == {
        ("storage", "udp", 5404, 5405),
        ("management", "udp", 5406, 5406),
    }
    # Cluster ports only from the cluster's own members, on the link's network.
    assert all(r.source == r.target for r in corosync_rules)


def test_galera_promotable_clone_matches_cluster_address() -> None:
    plan = derive_plan(LabSpec(database=DatabaseGroup(count=5)))
    db = plan.cluster("database")
    (clone,) = db.clones
    (galera,) = [p for p in db.primitives if p.id == "galera"]
    members = galera.params["wsrep_cluster_address"].removeprefix("gcomm://").split(",")
    assert members == ["db1", "db2", "db3", "db4", "db5"]
    assert clone.meta["promoted-max"] == "5"
    assert clone.promotable
    assert clone.meta["interleave"] == "true"
    assert plan.galera.wsrep_cluster_address == (
        "gcomm://10.20.0.40,10.20.0.41,10.20.0.42,10.20.0.43,10.20.0.44"
    )
    (listener,) = [x for x in plan.haproxy.listeners if x.name == "galera"]
    assert [(s.name, s.backup) for s in listener.servers] == [
        ("db1", False),
        ("db2", True),
        ("db3", True),
        ("db4", True),
        ("db5", True),
    ]
    assert (listener.check_port, listener.stick_on_dst) == (9200, True)


def test_fencing_none_warns_and_disables_stonith() -> None:
    plan = derive_plan(LabSpec(fencing=FencingSpec(agent="none")))
    assert [(w.code, w.loc) for w in plan.warnings] == [("fencing_off", "fencing.agent")]
    assert str(plan.warnings[0]).startswith("warning: fencing.agent: fencing is switched off")
    for cluster in plan.clusters:
        assert cluster.properties["stonith-enabled"] == "false"
        assert cluster.fence_devices == ()
        assert cluster.sbd is None


def test_unverified_os_family_warns() -> None:
    plan = derive_plan(LabSpec(os_family="el9"))
    assert [w.code for w in plan.warnings] == ["os_unverified"]
    assert plan.galera.provider_path == "/usr/lib64/galera/libgalera_smm.so"
    assert plan.galera.config_path == "/etc/my.cnf.d/99-openstack-ha-galera.cnf"
    assert "pcs" in plan.node("db1").packages


def test_invariant_check_catches_an_uncovered_member() -> None:
    plan = derive_plan(LabSpec())
    db = plan.cluster("database")
    tampered_db = db.model_copy(update={"fence_devices": db.fence_devices[:2]})
    tampered = plan.model_copy(
        update={
            "clusters": tuple(tampered_db if c.name == "database" else c for c in plan.clusters)
        }
    )
    assert [(p.code, p.loc, p.message) for p in plan_invariant_problems(tampered)] == [
        (
            "fencing_uncovered",
            "clusters.database.members",
            "no fence device covers db3, got devices for ['db1', 'db2']; every cluster member "
            "needs one",
        )
    ]


def test_invariant_check_catches_broken_quorum_and_links() -> None:
    plan = derive_plan(LabSpec())
    lb = plan.cluster("load_balancers")
    tampered_lb = lb.model_copy(
        update={
            "quorum": lb.quorum.model_copy(update={"two_node": False}),
            "links": lb.links[1:],
        }
    )
    tampered = plan.model_copy(
        update={
            "clusters": tuple(
                tampered_lb if c.name == "load_balancers" else c for c in plan.clusters
            )
        }
    )
    assert [p.code for p in plan_invariant_problems(tampered)] == ["internal", "corosync_links"]


def test_remote_members_beyond_max_full_members() -> None:
    plan = derive_plan(
        LabSpec(
            load_balancers=LoadBalancerGroup(count=5),
            pacemaker=PacemakerSpec(max_full_members=3),
        )
    )
    lb = plan.cluster("load_balancers")
    assert [(m.hostname, m.kind, m.nodeid) for m in lb.members] == [
        ("lb1", "full", 1),
        ("lb2", "full", 2),
        ("lb3", "full", 3),
        ("lb4", "remote", None),
        ("lb5", "remote", None),
    ]
    assert lb.members[3].link_addresses == ()
    assert lb.quorum.expected_votes == 3
    assert plan.node("lb4").services[0] == "pacemaker_remote"
    assert "pacemaker-remote" in plan.node("lb4").packages
    assert "corosync" not in plan.node("lb4").packages
    assert "pacemaker_authkey" in {s.name for s in plan.secrets}
    assert any(r.port_min == 3121 and r.target == "load_balancers" for r in plan.port_matrix)


def test_hypervisor_spread_keeps_group_members_apart() -> None:
    uris = ("qemu+ssh://h1/system", "qemu+ssh://h2/system", "qemu+ssh://h3/system")
    plan = derive_plan(
        LabSpec(
            libvirt=LibvirtSettings(hypervisor_uris=uris), fencing=FencingSpec(agent="fence_xvm")
        )
    )
    for group in plan.groups:
        hosts = [plan.node(h).hypervisor_uri for h in group.members]
        assert len(set(hosts)) == min(len(hosts), 3), group.name


def test_active_passive_broker_cluster() -> None:
    plan = derive_plan(LabSpec(brokers=BrokerGroup(mode="active-passive")))
    mq = plan.cluster("brokers")
    assert [m.hostname for m in mq.members] == ["mq1", "mq2"]
    assert mq.vips == ("broker",)
    assert [p.id for p in mq.primitives] == ["vip-broker", "rabbitmq"]
    assert plan.rabbitmq.transport_hosts == ("10.20.0.12:5672",)
    assert plan.rabbitmq.cluster_partition_handling == "ignore"
    assert plan.vip("broker").cluster == "brokers"
    assert not any(r.port_min == 25672 for r in plan.port_matrix)


def test_arbitrator_runs_on_the_first_controller() -> None:
    plan = derive_plan(LabSpec(database=DatabaseGroup(count=2, arbitrator=True)))
    assert plan.galera.arbitrator is not None
    assert plan.galera.arbitrator.hostname == "ctl1"
    assert "garbd" in plan.node("ctl1").services
    assert "galera-arbitrator-4" in plan.node("ctl1").packages
    assert "garbd" not in plan.node("ctl2").services
    garbd_rules = {
        (r.source, r.target, r.protocol)
        for r in plan.port_matrix
        if r.port_min == 4567 and "garbd" in r.purpose
    }
    assert garbd_rules == {
        ("database", "controllers", "tcp"),
        ("database", "controllers", "udp"),
        ("controllers", "database", "tcp"),
        ("controllers", "database", "udp"),
    }
