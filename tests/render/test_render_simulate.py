"""Pacemaker's scheduler on the rendered CIBs: the single-failure matrix of every cluster.

For every member of every Pacemaker cluster of every scenario: its loss
fences it, its VIPs and roles move to survivors, nothing on a survivor
restarts; quorum loss stops everything; a Galera failure touches nothing
but that Galera instance. Then proof that the judge catches the classic
interleave bug when it is introduced on purpose.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from render_helpers import ALL_SCENARIOS, plan_of, rendered

from openstack_ha.check.simulate import (
    RscAction,
    Scenario,
    failure_matrix,
    format_scenario,
    judge_node_loss,
)
from openstack_ha.model.plan import Order
from openstack_ha.render.cib import cib_for_cluster, to_xml

pytestmark = pytest.mark.checkers


@pytest.fixture
def simulator(require_programs: Callable[..., None]) -> None:
    require_programs("crm_simulate", "crm_attribute")


def _matrix(name: str, cluster: str, *, fold: bool = False) -> dict[str, Scenario]:
    c = plan_of(name).cluster(cluster)
    scenarios = failure_matrix(c, to_xml(rendered(name).cib(cluster)), fold=fold)
    return {s.name: s for s in scenarios}


def test_failure_classes_cover_every_member_and_give_the_same_verdict(simulator: None) -> None:
    cluster = plan_of("dedicated").cluster("database")
    every = _matrix("dedicated", "database")
    folded = _matrix("dedicated", "database", fold=True)
    # Every member is simulated or stood for, exactly once.
    simulated = [n.removeprefix("lose ") for n in folded if n.startswith("lose db")]
    stood_for = [m for s in folded.values() for m in s.stands_for]
    assert sorted(simulated + stood_for) == sorted(m.hostname for m in cluster.full_members())
    assert all(s.ok for s in every.values())
    assert all(s.ok for s in folded.values())


@pytest.mark.parametrize("name", sorted(ALL_SCENARIOS))
def test_the_single_failure_matrix_of_every_cluster_holds(name: str, simulator: None) -> None:
    plan = plan_of(name)
    for cluster in plan.clusters:
        scenarios = _matrix(name, cluster.name)
        report = "\n".join(line for s in scenarios.values() for line in format_scenario(s))
        assert all(s.ok for s in scenarios.values()), report
        expected = {"steady state", "lose quorum"} | {
            f"lose {m.hostname}" for m in cluster.full_members()
        }
        assert expected <= set(scenarios), report
        for member in cluster.full_members():
            lost = scenarios[f"lose {member.hostname}"]
            fenced = (member.hostname,) if plan.fencing.enabled else ()
            assert lost.fenced == fenced, report


def test_losing_the_vip_holder_moves_its_vips_and_leaves_haproxy_alone(simulator: None) -> None:
    scenarios = _matrix("dedicated", "load_balancers")
    steady = scenarios["steady state"].after
    holder = steady["vip-public"][0][0]
    survivor = "lb2" if holder == "lb1" else "lb1"
    lost = scenarios[f"lose {holder}"]
    assert lost.fenced == (holder,)
    assert lost.after["vip-public"] == ((survivor, "Started"),)
    assert (survivor, "Started") in lost.after["haproxy"]
    assert not [a for a in lost.actions if a.resource == "haproxy" and survivor in a.nodes()]


def test_a_galera_failure_recovers_only_that_instance(simulator: None) -> None:
    scenarios = _matrix("collapsed", "converged")
    failed = scenarios["galera fails on node1"]
    assert [(a.action, a.instance, a.node) for a in failed.actions] == [
        ("recover", "galera:0", "node1")
    ]
    # Every member stays promoted: promoted-max equals the member count.
    assert [role for _, role in scenarios["steady state"].after["galera"]] == ["Promoted"] * 3


def test_without_quorum_everything_stops_and_nobody_is_fenced(simulator: None) -> None:
    lost = _matrix("active-passive-broker", "brokers")["lose quorum"]
    assert lost.fenced == ()
    assert lost.after == {}
    assert {a.resource for a in lost.actions} == {
        "fence-mq1",
        "fence-mq2",
        "vip-broker",
        "rabbitmq",
    }


def test_the_judge_catches_the_interleave_bug_when_it_is_introduced(simulator: None) -> None:
    """HAProxy ordered after Galera: with interleave=false one Galera failure restarts
    HAProxy on every node (the bug crm_simulate caught for this project)."""
    cluster = plan_of("collapsed").cluster("converged")
    order = Order(
        id="order-galera-then-haproxy",
        first="galera-clone",
        then="haproxy-clone",
        kind="Mandatory",
        first_action="start",
        then_action="start",
    )

    def galera_failure(interleave: str) -> Scenario:
        clones = tuple(
            c.model_copy(update={"meta": {**c.meta, "interleave": interleave}})
            for c in cluster.clones
        )
        variant = cluster.model_copy(update={"orders": (*cluster.orders, order), "clones": clones})
        scenarios = failure_matrix(variant, to_xml(cib_for_cluster(variant)))
        return next(s for s in scenarios if s.name.startswith("galera fails"))

    buggy = galera_failure("false")
    assert not buggy.ok
    assert any("haproxy" in p and "nothing outside node1" in p for p in buggy.problems)
    restarted = {a.source for a in buggy.actions if a.resource == "haproxy"}
    assert restarted == {"node1", "node2", "node3"}
    fixed = galera_failure("true")
    assert fixed.ok, fixed.problems
    # With interleave, only the failed node's HAProxy follows its Galera.
    assert [str(a) for a in fixed.actions] == [
        "restart haproxy:0 on node1",
        "recover galera:0 (Promoted) on node1",
    ]


def test_judge_node_loss_rules() -> None:
    s = Scenario(
        name="lose a",
        cluster="c",
        fenced=("b",),
        actions=(RscAction("restart", "web", "web:1", node="b"),),
        before={"vip": (("a", "Started"),), "web": (("a", "Started"), ("b", "Started"))},
        after={"web": (("b", "Started"),)},
    )
    judge_node_loss(s, {"a"}, True, {"b"}, {})
    assert s.problems == [
        "a is not fenced",
        "also fences b",
        "vip ran on a and runs nowhere after",
        "restart web:1 on b disturbs a survivor",
    ]
