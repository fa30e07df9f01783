"""Terraform plans the HCL and the JSON synthesis of a lab to the same changes.

The engines write HCL through a lossy renderer that our bindings work around
(tfbindgen.hclencode) and the synth then re-lays out (hclfmt, hclrefs). The
JSON synthesis has none of that. If Terraform itself plans both to the same
resource changes, attribute by attribute, the HCL means what the JSON means.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from offline_helpers import LABS, TIMEOUT_S, normalise, require_terraform, show_json, spec_of
from tfstandin.wiring import Workspace

from openstack_ha.model import derive_plan
from openstack_ha.stack import build, synth
from tfbindgen import engine


def top_level_blocks(hcl: str, kinds: tuple[str, ...]) -> str:
    """The formatted HCL's top-level blocks of the given kinds (``terraform``, ``variable``)."""
    kept: list[str] = []
    block: list[str] | None = None
    for line in hcl.split("\n"):
        if block is None and re.match(r"^(" + "|".join(kinds) + r")\b.*\{$", line):
            block = [line]
        elif block is not None:
            block.append(line)
            if line == "}":
                kept.append("\n".join(block))
                block = None
    return "\n".join(kept) + "\n"


def json_stack(lab: str, hcl_stack: Path, out: Path) -> Path:
    """The lab as JSON resources, with the HCL stack's backend and variable blocks.

    The stand-in workspace reads the backend and variables from ``*.tf``;
    Terraform merges ``.tf`` and ``.tf.json`` files of one module.
    """
    _, stack = build(spec_of(lab), str(out / "unused"))
    config: dict[str, Any] = json.loads(engine.Testing.synth(stack))
    config.pop("terraform", None)
    config.pop("variable", None)
    folder = out / "json-stack"
    folder.mkdir(parents=True)
    hcl = (hcl_stack / "cdk.tf").read_text()
    (folder / "cdk.tf").write_text(top_level_blocks(hcl, ("terraform", "variable")))
    (folder / "cdk.tf.json").write_text(json.dumps(config, indent=1, sort_keys=True))
    return folder


def planned_changes(stack: Path, root: Path) -> dict[str, Any]:
    ws = Workspace(root, timeout_s=TIMEOUT_S)
    ws.load(stack)
    ws.run("plan", "-no-color", "-input=false", "-out=lab.tfplan")
    plan = normalise(show_json(ws, "lab.tfplan"), ws.dir)
    return {
        rc["address"]: {
            "actions": rc["change"]["actions"],
            "after": rc["change"]["after"],
            "after_unknown": rc["change"]["after_unknown"],
            "after_sensitive": rc["change"]["after_sensitive"],
        }
        for rc in plan["resource_changes"]
    }


@pytest.mark.slow
@pytest.mark.parametrize("lab", sorted(LABS))
def test_the_hcl_and_the_json_plan_to_the_same_changes(lab: str, tmp_path: Path) -> None:
    require_terraform()
    hcl_stack = synth(spec_of(lab), str(tmp_path / "hcl"))
    from_hcl = planned_changes(hcl_stack, tmp_path / "ws-hcl")
    from_json = planned_changes(json_stack(lab, hcl_stack, tmp_path), tmp_path / "ws-json")
    assert sorted(from_hcl) == sorted(from_json)
    different = [address for address in from_hcl if from_hcl[address] != from_json[address]]
    assert different == [], f"{len(different)} resources differ, e.g. {different[:3]}"
    # Not vacuous: user-data (heredocs full of $${ and secret tokens) is in
    # the comparison, known where it holds no secret, unknown until apply
    # where it does; the dedicated labs have nodes of both kinds.
    with_user_data = [
        c
        for c in from_hcl.values()
        if "user_data" in c["after"] or "user_data" in c["after_unknown"]
    ]
    assert len(with_user_data) == len(derive_plan(spec_of(lab)).nodes)
    if "dedicated" in lab:
        assert any("user_data" in c["after"] for c in with_user_data)
    shutil.rmtree(tmp_path, ignore_errors=True)
