"""The "add a fence agent" recipe of docs/ARCHITECTURE.md holds: one registration, nothing else.

A throw-away agent (defined here, its bootstrap fragment written here) is
registered for libvirt; a lab that names it gets its stonith devices, its
port-matrix rows, its packages and its step in the Pacemaker bootstrap.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openstack_ha.model import LabSpec, derive_plan
from openstack_ha.model.errors import LabError
from openstack_ha.model.fencing import FenceAgentModule, FencePort, registered_fence_agent
from openstack_ha.model.os_families import OsFamily
from openstack_ha.model.plan import PacemakerCluster, Plan
from openstack_ha.render import Secrets, render_lab
from openstack_ha.render.templates import add_template_dir

BOOTSTRAP = "/usr/local/sbin/openstack-ha-bootstrap"


class FenceTest(FenceAgentModule):
    name = "fence_test"
    agent_type = "fence_ipmilan"
    platforms = ("libvirt",)
    bootstrap_install = "test-bootstrap-fence-test.sh.j2"

    def params(self, spec: LabSpec, os: OsFamily, cluster: str) -> dict[str, str]:
        return {"ip": "10.20.0.1", "username": f"fence-{cluster}"}

    def packages(self, os: OsFamily) -> tuple[str, ...]:
        return ("fence-test-tools",)

    def port_rules(self, spec: LabSpec, group: str) -> Iterator[FencePort]:
        yield FencePort(group, "hypervisor", "udp", 623, "fence_test over IPMI")

    def bootstrap_context(self, plan: Plan, cluster: PacemakerCluster) -> dict[str, Any]:
        return {"members": len(cluster.members)}


@pytest.fixture
def fence_test(tmp_path: Path) -> Iterator[FenceAgentModule]:
    (tmp_path / "test-bootstrap-fence-test.sh.j2").write_text(
        'log "fence_test for {{ f.members }} members (loader {{ p.loader_name }})"\n',
        encoding="utf-8",
    )
    undo = add_template_dir(tmp_path)
    try:
        with registered_fence_agent(FenceTest()) as agent:
            yield agent
    finally:
        undo()


def test_a_registered_fence_agent_gets_devices_ports_packages_and_bootstrap_step(
    fence_test: FenceAgentModule,
) -> None:
    plan = derive_plan(LabSpec.model_validate({"fencing": {"agent": "fence_test"}}))
    database = plan.cluster("database")
    device = database.fence_devices[0]
    assert (device.agent, device.target, device.plug) == ("fence_test", "db1", "ha-lab-db1")
    assert device.primitive.agent == "stonith:fence_ipmilan"
    assert device.primitive.params == {
        "pcmk_host_list": "db1",
        "ip": "10.20.0.1",
        "username": "fence-database",
        "port": "ha-lab-db1",
    }
    rows = [r for r in plan.port_matrix if r.purpose == "fence_test over IPMI"]
    assert {(r.source, r.target, r.protocol, r.port_min) for r in rows} == {
        (c.group, "hypervisor", "udp", 623) for c in plan.clusters
    }
    assert all("fence-test-tools" in n.packages for n in plan.nodes if n.cluster is not None)
    assert not any("fence-test-tools" in n.packages for n in plan.nodes_of("controllers"))

    lab = render_lab(plan, Secrets.for_tests())
    script = lab.node("db1").file(BOOTSTRAP).content
    assert 'log "fence_test for 3 members (loader db1)"\n' in script
    assert script.index("chpasswd") < script.index("fence_test for") < script.index("quorate()")
    assert 'type="fence_ipmilan"' in lab.node("db1").file("/etc/openstack-ha/cib.xml").content


def test_an_agent_of_another_platform_is_refused_by_the_rules(
    fence_test: FenceAgentModule,
) -> None:
    with pytest.raises(LabError, match="fence_test cannot fence OpenStack servers"):
        derive_plan(
            LabSpec.model_validate({"platform": "openstack", "fencing": {"agent": "fence_test"}})
        )


def test_an_unregistered_agent_is_refused_with_the_registered_ones() -> None:
    with pytest.raises(ValueError, match="unknown fence agent 'fence_test'; use one of"):
        LabSpec.model_validate({"fencing": {"agent": "fence_test"}})


def test_the_schema_lists_registered_agents(fence_test: FenceAgentModule) -> None:
    schema = LabSpec.model_json_schema()
    text = repr(schema)
    assert "'fence_test'" in text
    assert "'sbd'" in text
