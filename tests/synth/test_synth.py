"""What a user gets from a synth: a complete, valid, secret-free, stable plan."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from synthlabs import Synthesized, lab, synthesize
from tfstandin.plancheck import Schemas, check_config

from openstack_ha.model.derive import derive_plan
from openstack_ha.model.spec import LabSpec
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import render_lab

ROOT = Path(__file__).resolve().parents[2]


def resource_counts(config: dict[str, Any]) -> dict[str, int]:
    return {t: len(instances) for t, instances in sorted(config.get("resource", {}).items())}


def test_the_default_lab_is_eleven_libvirt_vms_on_four_networks() -> None:
    counts = resource_counts(lab("libvirt-dedicated").config)
    assert counts == {
        "libvirt_cloudinit_disk": 11,
        "libvirt_domain": 11,
        "libvirt_network": 4,
        # one base image, one volume per node, one SBD disk per Pacemaker cluster
        "libvirt_volume": 1 + 11 + 2,
        "random_bytes": 1,
        "random_password": 6,
    }


def test_the_openstack_lab_has_ports_vips_security_groups_and_a_floating_ip() -> None:
    config = lab("openstack-dedicated").config
    counts = resource_counts(config)
    plan = derive_plan(lab("openstack-dedicated").spec)
    node_ports = sum(len(n.addresses) for n in plan.nodes)
    assert counts["openstack_compute_instance_v2"] == len(plan.nodes) == 11
    assert counts["openstack_networking_port_v2"] == node_ports + len(plan.vips)
    assert counts["openstack_networking_secgroup_v2"] == len(plan.groups)
    assert counts["openstack_networking_secgroup_rule_v2"] == len(
        {
            (r.source, r.target, r.network, r.protocol, r.port_min, r.port_max)
            for r in plan.port_matrix
        }
    )
    assert counts["openstack_compute_servergroup_v2"] == len(plan.groups)
    assert counts["openstack_networking_floatingip_v2"] == 1
    assert "libvirt_domain" not in counts
    variables = config["variable"]
    assert all(v["sensitive"] is True for v in variables.values())


def test_every_vip_is_an_allowed_address_pair_of_every_port_that_may_hold_it() -> None:
    synthesized = lab("openstack-dedicated")
    plan = derive_plan(synthesized.spec)
    ports = synthesized.config["resource"]["openstack_networking_port_v2"]
    by_name = {body["name"]: body for body in ports.values()}
    for vip in plan.vips:
        for node in plan.nodes:
            port = (
                by_name[f"{node.platform_name}-{vip.network}"]
                if any(a.network == vip.network for a in node.addresses)
                else None
            )
            if port is None:
                continue
            pairs = {p["ip_address"] for p in port.get("allowed_address_pairs", [])}
            assert (str(vip.address) in pairs) == (node.hostname in vip.candidates), (
                vip.name,
                node.hostname,
            )
            assert port["port_security_enabled"] is True


def test_security_group_rules_open_cluster_ports_only_from_the_cluster_network() -> None:
    synthesized = lab("openstack-dedicated")
    plan = derive_plan(synthesized.spec)
    cidrs = {n.name: str(n.cidr) for n in plan.networks}
    rules = list(synthesized.config["resource"]["openstack_networking_secgroup_rule_v2"].values())
    for rule in rules:
        assert rule["direction"] == "ingress"
        assert rule["remote_ip_prefix"] in cidrs.values()
    corosync = [r for r in plan.port_matrix if r.purpose.startswith("corosync")]
    assert corosync, "the clusters' corosync ports must be opened"
    for entry in corosync:
        matching = [
            r
            for r in rules
            if r["description"] == entry.purpose
            and r["port_range_min"] == entry.port_min
            and r["port_range_max"] == entry.port_max
            and r["protocol"] == entry.protocol
        ]
        assert matching, entry
        assert {r["remote_ip_prefix"] for r in matching} == {cidrs[entry.network]}


def test_every_lab_passes_the_offline_schema_check(any_lab: Synthesized) -> None:
    schemas = Schemas.load(sorted((ROOT / "providers").glob("*.json")))
    assert [str(p) for p in check_config(any_lab.config, schemas)] == []


def test_no_secret_value_reaches_the_plan_only_references_to_random_resources(
    any_lab: Synthesized,
) -> None:
    plan = derive_plan(any_lab.spec)
    secrets = Secrets.for_tests()
    rendered = render_lab(plan, secrets)
    text = "\n".join(node.user_data for node in rendered.nodes)
    # A multi-line secret (a clouds.yaml) is re-indented inside the YAML of
    # the user-data; count it in the files it is written to instead.
    files = "\n".join(f.content for node in rendered.nodes for f in node.files)
    hcl_and_json = any_lab.hcl + repr(any_lab.config)
    for need in plan.secrets:
        value = getattr(secrets, need.name)
        uses = text.count(value) if "\n" not in value else files.count(value)
        assert uses > 0, f"{need.name} is needed but never used"
        assert value not in hcl_and_json, f"{need.name} leaked into the plan"
        # Each use became a reference to the resource or variable holding it.
        kind = {"password": "random_password", "bytes": "random_bytes", "variable": "var"}[
            need.kind
        ]
        pattern = re.compile(
            r"\$\{" + re.escape(kind) + r"\.[A-Za-z0-9_]*" + re.escape(need.name) + r"[A-Za-z0-9_]*"
        )
        references = sum(len(pattern.findall(d["user_data"])) for d in user_data_of(any_lab))
        assert references == uses, need.name
    for resource in any_lab.config["resource"].get("random_password", {}).values():
        assert resource["special"] is False


def user_data_of(synthesized: Synthesized) -> list[dict[str, Any]]:
    resources = synthesized.config["resource"]
    bodies = list(resources.get("libvirt_cloudinit_disk", {}).values())
    bodies += list(resources.get("openstack_compute_instance_v2", {}).values())
    return bodies


def test_user_data_keeps_shell_and_template_text_literal(any_lab: Synthesized) -> None:
    plan = derive_plan(any_lab.spec)
    rendered = {n.hostname: n.user_data for n in render_lab(plan, Secrets.for_tests()).nodes}
    for body in user_data_of(any_lab):
        text = body["user_data"]
        # Every ${ that is not a reference to a secret is escaped as $${.
        for match in re.finditer(r"(?<!\$)\$\{(?!random_|var\.)", text):
            pytest.fail(
                f"unescaped template sequence at {match.start()}: {text[match.start() :][:40]!r}"
            )
        assert "%{" not in text.replace("%%{", "")
    assert len(user_data_of(any_lab)) == len(rendered)


def test_the_output_has_no_absolute_path_timestamp_or_engine_version(any_lab: Synthesized) -> None:
    for text in (any_lab.hcl, repr(any_lab.config)):
        assert str(ROOT) not in text
        assert "/tmp/" not in text
        assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:", text)
        assert "0.24.0" not in text
        assert "cdktn" not in text.lower()


def without_user_data(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != "user_data"}


@pytest.mark.parametrize("platform", ["libvirt", "openstack"])
def test_adding_a_controller_or_a_load_balancer_only_adds_resources(platform: str) -> None:
    before = lab(f"{platform}-dedicated").config["resource"]
    for change in ({"controllers": {"count": 4}}, {"load_balancers": {"count": 3}}):
        spec = LabSpec.model_validate({"platform": platform, **change})
        after = synthesize(spec).config["resource"]
        for type_, instances in before.items():
            for name, body in instances.items():
                # user_data lists the other members, so it does change; Terraform
                # ignores that (cloud-init reads it at first boot only).
                assert without_user_data(after[type_].get(name, {})) == without_user_data(body), (
                    f"{type_}.{name} changed with {change}"
                )
                if "user_data" in body:
                    assert body["lifecycle"]["ignore_changes"] == ["user_data"]
        added = {t: len(after[t]) - len(before.get(t, {})) for t in after}
        added = {t: n for t, n in added.items() if n}
        if platform == "libvirt":
            assert added == {
                "libvirt_cloudinit_disk": 1,
                "libvirt_domain": 1,
                "libvirt_volume": 1,
            }
        else:
            plan = derive_plan(spec)
            new_node = plan.nodes_of(
                "controllers" if "controllers" in change else "load_balancers"
            )[-1]
            assert added == {
                "openstack_compute_instance_v2": 1,
                "openstack_networking_port_v2": len(new_node.addresses),
            }


def test_the_hcl_has_every_resource_of_the_json() -> None:
    synthesized = lab("libvirt-dedicated")
    declared = Counter(re.findall(r'^resource "([a-z0-9_]+)" "', synthesized.hcl, re.M))
    assert dict(declared) == resource_counts(synthesized.config)
