"""Functional: stacks built from each pinned provider's bindings, synthesized on both engines."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import hcl2
import pytest
from tfbindgen_testing import ENGINES, terraform_env

PINNED = ("libvirt", "openstack", "random")
PROGRAMS = (*PINNED, "fidelity")


@pytest.mark.parametrize("program", PROGRAMS)
def test_both_engines_give_byte_identical_hcl_and_the_same_json(
    synthesized: dict[str, dict[str, Any]], program: str
) -> None:
    first, second = (synthesized[engine][program] for engine in ENGINES)
    assert first["hcl"] == second["hcl"]
    # Testing.synth differs in whitespace only ("{}" vs "{\n}"), so compare values.
    assert json.loads(first["json"]) == json.loads(second["json"])


def _resources(program: str, synthesized: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return json.loads(synthesized["cdktn"][program]["json"])["resource"]


def _hcl(program: str, synthesized: dict[str, dict[str, Any]]) -> dict[str, Any]:
    parsed: dict[str, Any] = hcl2.loads(synthesized["cdktn"][program]["hcl"])
    return parsed


def _hcl_resource(parsed: dict[str, Any], kind: str, name: str) -> dict[str, Any]:
    for entry in parsed["resource"]:
        if f'"{kind}"' in entry and f'"{name}"' in entry[f'"{kind}"']:
            found: dict[str, Any] = entry[f'"{kind}"'][f'"{name}"']
            return found
    raise AssertionError(f"no resource {kind}.{name}")


def test_libvirt_domains_write_nested_blocks_as_blocks_and_keep_references(
    synthesized: dict[str, dict[str, Any]],
) -> None:
    resources = _resources("libvirt", synthesized)
    domain = resources["libvirt_domain"]["ctl1"]
    assert domain["disk"] == [
        {"volume_id": "${libvirt_volume.disk1.id}"},
        {"file": "/img/data\\disk.raw"},
    ]
    assert domain["network_interface"] == [
        {
            "addresses": ["10.10.0.11"],
            "hostname": "ctl1",
            "network_id": "${libvirt_network.mgmt.id}",
            "wait_for_lease": True,
        }
    ]
    assert domain["cmdline"] == [{"console": "ttyS0"}, {"panic": "-1"}]
    assert domain["cloudinit"] == "${libvirt_cloudinit_disk.seed1.id}"
    seed = resources["libvirt_cloudinit_disk"]["seed1"]
    assert seed["user_data"] == (
        "#cloud-config\nhostname: ctl1\nchpasswd:\n  list: |\n"
        "    root:${random_password.root.result}\n"
    )
    hcl = _hcl_resource(_hcl("libvirt", synthesized), "libvirt_domain", "ctl1")
    assert [d["__is_block__"] for d in hcl["disk"]] == [True, True]
    assert hcl["network_interface"][0]["__is_block__"] is True
    assert hcl["console"][0]["target_port"] == '"0"'
    # the user_data heredoc keeps exactly one final newline
    text = synthesized["cdktn"]["libvirt"]["hcl"]
    assert "user_data = <<EOF\n#cloud-config\nhostname: ctl1\n" in text
    assert "root:${random_password.root.result}\nEOF\n" in text
    assert 'file = "/img/data\\\\disk.raw"' in text


def test_openstack_ports_servers_and_the_provider_map_keep_their_shape(
    synthesized: dict[str, dict[str, Any]],
) -> None:
    document = json.loads(synthesized["cdktn"]["openstack"]["json"])
    # The engine snake_cases provider keys; map keys must survive untouched.
    assert document["provider"]["openstack"] == [
        {
            "cloud": "lab",
            "endpoint_overrides": {
                "computeV2": "https://nova/v2.1/",
                "network": "https://neutron/",
            },
            "region": "RegionOne",
        },
        {"alias": "region2", "cloud": "lab", "region": "RegionTwo"},
    ]
    # the alias reaches the engine through the generated class's jsii override
    elsewhere = document["resource"]["openstack_networking_network_v2"]["elsewhere"]
    assert elsewhere["provider"] == "openstack.region2"
    assert document["terraform"]["required_providers"]["openstack"] == {
        "source": "terraform-provider-openstack/openstack",
        "version": "3.4.0",
    }
    resources = document["resource"]
    port = resources["openstack_networking_port_v2"]["lb1_port"]
    assert port["allowed_address_pairs"] == [{"ip_address": "10.20.0.10"}]
    assert port["fixed_ip"] == [
        {
            "ip_address": "10.20.0.11",
            "subnet_id": "${openstack_networking_subnet_v2.mgmt_subnet.id}",
        }
    ]
    server = resources["openstack_compute_instance_v2"]["lb2"]
    assert server["image_id"] == "${data.openstack_images_image_v2.image.id}"
    assert server["metadata"] == {"index": "2", "role": "lb"}
    assert server["scheduler_hints"] == [{"group": "${openstack_compute_servergroup_v2.lbs.id}"}]
    rule = resources["openstack_networking_secgroup_rule_v2"]["corosync"]
    assert (rule["port_range_min"], rule["port_range_max"]) == (5405, 5406)
    text = synthesized["cdktn"]["openstack"]["hcl"]
    assert (
        'endpoint_overrides = {"computeV2" = "https://nova/v2.1/", "network" = "https://neutron/"}'
        in text
    )
    assert 'description = "ha \\"cluster\\""' in text
    hcl = _hcl_resource(_hcl("openstack", synthesized), "openstack_networking_port_v2", "lb1_port")
    assert hcl["allowed_address_pairs"][0]["__is_block__"] is True


def test_random_password_specials_survive_both_syntaxes(
    synthesized: dict[str, dict[str, Any]],
) -> None:
    password = _resources("random", synthesized)["random_password"]["db"]
    assert password["override_special"] == "!#$%&*()-_=+[]{}<>:?\\\"'"
    assert password["keepers"] == {"rotation": "2024-Q1"}
    text = synthesized["cdktn"]["random"]["hcl"]
    assert 'override_special = "!#$%&*()-_=+[]{}<>:?\\\\\\"\'"' in text


@pytest.mark.parametrize("program", PROGRAMS)
def test_terraform_fmt_accepts_the_hcl(
    synthesized: dict[str, dict[str, Any]], program: str
) -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform is not installed; the HCL was still parsed by python-hcl2")
    result = subprocess.run(
        [terraform, "fmt", "-"],
        env=terraform_env(),
        input=synthesized["cdktn"][program]["hcl"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
