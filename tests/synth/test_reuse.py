"""The constructs work one by one in someone else's stack."""

from __future__ import annotations

import json
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from tfstandin.plancheck import Schemas, check_config

from openstack_ha.constructs import GaleraCluster, HaOpenStackCloud, LabSecrets, SegregatedNetworks
from openstack_ha.model import DatabaseGroup, LabError, LabSpec, derive_plan
from openstack_ha.platforms import LibvirtPlatform, OpenStackPlatform
from tfbindgen import engine
from tfbindgen.engine import App, TerraformStack

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("platform", [LibvirtPlatform, OpenStackPlatform])
def test_a_foreign_stack_with_only_the_networks_and_a_galera_cluster_synthesizes(
    platform: type[LibvirtPlatform] | type[OpenStackPlatform],
) -> None:
    spec = LabSpec(platform="openstack" if platform is OpenStackPlatform else "libvirt")
    plan = derive_plan(spec)
    stack = TerraformStack(App(stack_traces=False), "their-stack")
    adapter = platform()
    secrets = LabSecrets(stack, "secrets", plan=plan)
    networks = SegregatedNetworks(stack, "net", plan=plan, platform=adapter)
    database = GaleraCluster(
        stack, "db", plan=plan, platform=adapter, networks=networks, secrets=secrets.secrets
    )
    config = json.loads(engine.Testing.synth(stack))

    assert database.addresses() == (
        IPv4Address("10.20.0.40"),
        IPv4Address("10.20.0.41"),
        IPv4Address("10.20.0.42"),
    )
    assert database.cluster_address == "gcomm://10.20.0.40,10.20.0.41,10.20.0.42"
    assert sorted(database.nodes) == ["db1", "db2", "db3"]
    assert networks.management.plan.cidr == plan.network("management").cidr
    assert {p.ports for p in database.connections.ingress if p.peer.source == "database"}
    servers = "libvirt_domain" if platform is LibvirtPlatform else "openstack_compute_instance_v2"
    assert len(config["resource"][servers]) == 3
    schemas = Schemas.load(sorted((ROOT / "providers").glob("*.json")))
    assert [str(p) for p in check_config(config, schemas)] == []


def test_a_group_the_layout_lacks_is_refused_clearly() -> None:
    plan = derive_plan(LabSpec(layout="collapsed"))
    stack = TerraformStack(App(stack_traces=False), "collapsed")
    adapter = LibvirtPlatform()
    secrets = LabSecrets(stack, "secrets", plan=plan)
    networks = SegregatedNetworks(stack, "net", plan=plan, platform=adapter)
    with pytest.raises(
        ValueError, match=r"^GaleraCluster: the lab has no 'database' group"
    ) as info:
        GaleraCluster(
            stack, "db", plan=plan, platform=adapter, networks=networks, secrets=secrets.secrets
        )
    assert str(info.value).endswith(
        "(layout 'collapsed' has converged); use the construct of a group the layout has"
    )


def test_one_platform_instance_serves_one_lab() -> None:
    stack = TerraformStack(App(stack_traces=False), "two")
    adapter = LibvirtPlatform()
    SegregatedNetworks(stack, "a", plan=derive_plan(LabSpec()), platform=adapter)
    with pytest.raises(ValueError, match="already serves lab 'ha-lab'; use one platform instance"):
        SegregatedNetworks(stack, "b", plan=derive_plan(LabSpec(name="other")), platform=adapter)


def test_the_top_construct_validates_the_lab_before_adding_anything() -> None:
    stack = TerraformStack(App(stack_traces=False), "bad")
    spec = LabSpec(name="Bad_Lab", database=DatabaseGroup(count=4))  # structure only: no error
    with pytest.raises(LabError) as caught:
        HaOpenStackCloud(stack, "cloud", spec=spec)
    assert [(p.code, p.loc) for p in caught.value.problems] == [
        ("galera_even", "database.count"),
        ("invalid_name", "name"),
    ]
    assert stack.node.children == []
