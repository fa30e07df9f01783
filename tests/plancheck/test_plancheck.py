"""The offline schema check of synthesized configurations finds what Terraform would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tfstandin.plancheck import Problem, Schemas, check_config, check_value

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas.load(sorted((ROOT / "providers").glob("*.json")))


def domain(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "ctl-1",
        "vcpu": 2,
        "memory": 4096,
        "disk": [{"volume_id": "${libvirt_volume.ctl-1.id}"}],
        "network_interface": [
            {"network_id": "${libvirt_network.mgmt.id}", "addresses": ["10.0.0.5"]}
        ],
    }
    body.update(overrides)
    return {
        "provider": {"libvirt": [{"uri": "qemu:///system"}]},
        "resource": {"libvirt_domain": {"ctl-1": body}},
    }


def test_a_valid_configuration_has_no_problems(schemas: Schemas) -> None:
    assert check_config(domain(), schemas) == []


def test_an_unknown_argument_is_named_with_what_is_allowed(schemas: Schemas) -> None:
    problems = check_config(domain(vcpus=2), schemas)
    assert [p.path for p in problems] == ["resource.libvirt_domain.ctl-1.vcpus"]
    assert problems[0].message.startswith("unknown argument; allowed: ")
    assert "vcpu" in problems[0].message.split("allowed: ")[1].split(", ")


def test_a_wrong_type_is_reported_with_the_value(schemas: Schemas) -> None:
    problems = check_config(domain(memory="lots"), schemas)
    assert problems == [
        Problem("resource.libvirt_domain.ctl-1.memory", "expected number, got 'lots'")
    ]


def test_expressions_are_accepted_for_any_type(schemas: Schemas) -> None:
    assert check_config(domain(memory="${var.memory}", autostart="${var.on}"), schemas) == []


def test_a_missing_required_argument_is_reported(schemas: Schemas) -> None:
    config = domain()
    del config["resource"]["libvirt_domain"]["ctl-1"]["name"]
    assert check_config(config, schemas) == [
        Problem("resource.libvirt_domain.ctl-1.name", "required argument is not set")
    ]


def test_computed_only_attributes_cannot_be_set(schemas: Schemas) -> None:
    config = {"resource": {"random_password": {"p": {"length": 32, "result": "x"}}}}
    assert check_config(config, schemas) == [
        Problem(
            "resource.random_password.p.result", "is computed by the provider and cannot be set"
        )
    ]


def test_nested_blocks_are_checked_inside(schemas: Schemas) -> None:
    problems = check_config(domain(disk=[{"volume_id": "v", "scsi": "yes"}]), schemas)
    assert problems == [
        Problem("resource.libvirt_domain.ctl-1.disk[0].scsi", "expected bool, got 'yes'")
    ]


def test_single_blocks_accept_one_body_only(schemas: Schemas) -> None:
    config = {
        "resource": {
            "openstack_networking_port_v2": {
                "p": {
                    "network_id": "n",
                    "binding": [{"vnic_type": "normal"}, {"vnic_type": "direct"}],
                }
            }
        }
    }
    problems = check_config(config, schemas)
    assert [str(p) for p in problems] == [
        "resource.openstack_networking_port_v2.p.binding: at most 1 block(s) allowed, got 2"
    ]


def test_unknown_types_and_providers_are_reported(schemas: Schemas) -> None:
    config = {"provider": {"aws": [{}]}, "resource": {"aws_instance": {"i": {}}}}
    assert [str(p) for p in check_config(config, schemas)] == [
        "provider.aws[0]: no pinned schema for provider 'aws'",
        "resource.aws_instance.i: type 'aws_instance' is not in the pinned schemas",
    ]


def test_meta_arguments_are_not_attributes(schemas: Schemas) -> None:
    config = domain(depends_on=["libvirt_network.mgmt"], provider="libvirt.host2", lifecycle={})
    config["provider"]["libvirt"].append({"uri": "qemu+ssh://host2/system", "alias": "host2"})
    assert check_config(config, schemas) == []


@pytest.mark.parametrize(
    ("value", "cty", "expected"),
    [
        (["a", "b"], ["set", "string"], []),
        (
            ["a", "a"],
            ["set", "string"],
            ["x: a set holds each value once, got duplicates in ['a', 'a']"],
        ),
        ({"k": ["a"]}, ["map", ["list", "string"]], []),
        (
            {"k": "a"},
            ["map", ["list", "string"]],
            ["x['k']: expected [\"list\",\"string\"], got 'a'"],
        ),
        (True, "number", ["x: expected number, got True"]),
        (
            {"a": 1, "z": 2},
            ["object", {"a": "number"}],
            ["x.z: unknown object attribute; allowed: a"],
        ),
    ],
)
def test_values_are_checked_against_cty_types(value: Any, cty: Any, expected: list[str]) -> None:
    assert [str(p) for p in check_value(value, cty, "x")] == expected
