"""The real Terraform validates, plans and applies every synthesized lab, offline.

The providers are stand-ins (tests/standin) serving the pinned schemas; so
Terraform core itself resolves every reference and expression, converts types,
counts blocks, finds cycles and computes the plan.

Golden plans change only on purpose:
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/offline`` and commit the files.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from offline_helpers import (
    VM_TYPE,
    Planned,
    actions,
    check_golden,
    normalise,
    resource_blocks,
    show_json,
    summary,
    synthesize,
    vm_count,
)
from tfstandin.wiring import Workspace

PlannedLab = Callable[[str], Planned]
AppliedLab = Callable[[str], Workspace]


# Warnings Terraform may print for a lab. The first is the stand-ins' wiring.
# The second is known: the CDK engine renders lifecycle.ignore_changes in HCL
# as quoted strings (["user_data"]), which Terraform 1.11 still accepts but
# calls deprecated. Any other warning fails the test.
KNOWN_WARNINGS = {
    "Provider development overrides are in effect",
    "Quoted references are deprecated",
}


def test_terraform_validate_passes(planned_lab: PlannedLab, lab_name: str) -> None:
    lab = planned_lab(lab_name)
    assert lab.validate.returncode == 0, lab.validate.output
    assert "Success! The configuration is valid" in lab.validate.stdout
    warnings = set(re.findall(r"^Warning: (.*)$", lab.validate.output, re.MULTILINE))
    assert warnings <= KNOWN_WARNINGS, lab.validate.output


def test_plan_creates_exactly_the_labs_resources(planned_lab: PlannedLab, lab_name: str) -> None:
    lab = planned_lab(lab_name)
    assert lab.plan.returncode == 0, lab.plan.output
    blocks = resource_blocks(lab.stack_dir)
    assert summary(lab.plan) == (blocks, 0, 0)
    planned = actions(lab.plan_json)
    managed = {a: act for a, act in planned.items() if not a.startswith("data.")}
    assert len(managed) == blocks
    assert set(managed.values()) == {("create",)}
    # One VM per node of the lab's derived plan, on the lab's platform.
    types = Counter(rc["type"] for rc in lab.plan_json["resource_changes"])
    assert types[VM_TYPE[lab.spec.platform]] == vm_count(lab.spec)


def test_plan_matches_the_golden_snapshot(planned_lab: PlannedLab, lab_name: str) -> None:
    lab = planned_lab(lab_name)
    assert lab.plan.returncode == 0, lab.plan.output
    check_golden(lab_name, normalise(lab.plan_json, lab.ws.root))


@pytest.mark.slow
def test_after_apply_an_unchanged_lab_plans_nothing(
    planned_lab: PlannedLab, applied_lab: AppliedLab, lab_name: str, tmp_path: Path
) -> None:
    ws = applied_lab(lab_name)
    # The same lab synthesized again, from scratch, against the applied state.
    ws.load(synthesize(planned_lab(lab_name).spec, tmp_path / "again"))
    again = ws.run("plan", "-no-color", "-input=false", "-detailed-exitcode", check=False)
    # -detailed-exitcode: 0 = no changes, 2 = changes, 1 = error.
    assert again.returncode == 0, again.output
    assert "No changes. Your infrastructure matches the configuration." in again.stdout


# --- secrets ------------------------------------------------------------------------

SECRET_ATTRS = {"random_password": ("result", "bcrypt_hash"), "random_bytes": ("base64", "hex")}


def test_plan_marks_every_generated_secret_sensitive(
    planned_lab: PlannedLab, lab_name: str
) -> None:
    lab = planned_lab(lab_name)
    secrets = [rc for rc in lab.plan_json["resource_changes"] if rc["type"] in SECRET_ATTRS]
    assert secrets, "the lab generates no secret"
    for rc in secrets:
        for attr in SECRET_ATTRS[rc["type"]]:
            assert rc["change"]["after_sensitive"].get(attr) is True, (rc["address"], attr)
            assert rc["change"]["after_unknown"].get(attr) is True, (rc["address"], attr)
    # Every plan line that shows a secret attribute hides its value.
    shown = re.findall(
        r"^\s*\+ (result|bcrypt_hash|base64|hex)\s+= (.*)$", lab.plan.stdout, re.MULTILINE
    )
    assert len(shown) == sum(len(SECRET_ATTRS[rc["type"]]) for rc in secrets)
    assert {value for _, value in shown} == {"(sensitive value)"}


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    else:
        yield path, value


def _marked(sensitive: Any, path: tuple[Any, ...]) -> bool:
    """Whether ``path`` is inside a part that a ``sensitive_values`` tree marks true."""
    node = sensitive
    for step in path:
        if node is True:
            return True
        if isinstance(node, dict) and isinstance(step, str):
            node = node.get(step, False)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        else:
            return False
    return node is True


@pytest.mark.slow
def test_state_shows_secrets_only_as_sensitive_values(
    planned_lab: PlannedLab, applied_lab: AppliedLab, lab_name: str
) -> None:
    lab = planned_lab(lab_name)
    ws = applied_lab(lab_name)
    state = show_json(ws)
    resources = state["values"]["root_module"]["resources"]
    # The generated secrets (fake, but in the places real ones would be) and
    # the placeholders given to sensitive variables.
    secrets = {
        r["values"][attr]
        for r in resources
        if r["type"] in SECRET_ATTRS
        for attr in SECRET_ATTRS[r["type"]]
    } | set(ws.placeholders.values())
    assert all(isinstance(s, str) and len(s) >= 16 for s in secrets), secrets
    # Wherever a secret appears in the state, even inside another value
    # (a cloud-init user-data that embeds a password), it is marked sensitive.
    exposures = 0
    for r in resources:
        for path, value in _leaves(r["values"]):
            if isinstance(value, str) and any(s in value for s in secrets):
                exposures += 1
                assert _marked(r["sensitive_values"], path), (r["address"], path)
    assert exposures >= len(secrets)
    # The state file records the same paths as sensitive.
    raw = json.loads((ws.dir / "terraform.tfstate").read_text())
    for res in raw["resources"]:
        if res["type"] in SECRET_ATTRS:
            marked = {
                step["value"]
                for inst in res["instances"]
                for p in inst.get("sensitive_attributes", [])
                for step in p[:1]
            }
            assert set(SECRET_ATTRS[res["type"]]) <= marked, (res["name"], marked)
    # What a person reads never shows a secret: `terraform show` of the state
    # and of the saved plan, and the plan output itself.
    human = ws.run("show", "-no-color").stdout + lab.plan.stdout
    human += lab.ws.run("show", "-no-color", "lab.tfplan").stdout
    leaked = sorted(s for s in secrets if s in human)
    assert not leaked, f"{len(leaked)} secret value(s) printed in clear"
    assert "(sensitive value)" in human


# --- the stand-ins themselves --------------------------------------------------------


def test_terraform_reads_the_pinned_schemas_unchanged(terraform: None, tmp_path: Path) -> None:
    """``terraform providers schema -json`` through the stand-ins equals the snapshots."""
    from tfstandin.schema import pinned_providers

    pinned = pinned_providers()
    stack = tmp_path / "stack-src"
    stack.mkdir()
    lines = ["terraform {", "  required_providers {"]
    lines += [f'    {p.name} = {{ source = "{p.source}" }}' for p in pinned.values()]
    lines += ["  }", "}", ""]
    (stack / "main.tf").write_text("\n".join(lines))
    ws = Workspace(tmp_path / "ws")
    ws.load(stack)
    served = json.loads(ws.run("providers", "schema", "-json").stdout)["provider_schemas"]
    for p in pinned.values():
        snapshot = json.loads(p.schema.read_text())["provider_schemas"]
        ((address, want),) = snapshot.items()
        assert served[address] == want, f"{address}: the served schema differs from {p.schema}"
    assert len(served) == len(pinned)
