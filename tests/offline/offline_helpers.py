"""Shared pieces of the offline Terraform tests: labs, synthesis, plan JSON helpers."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "standin"))

from tfstandin.wiring import Result, Workspace  # noqa: E402

from openstack_ha.model import LabSpec, derive_plan  # noqa: E402
from openstack_ha.stack import synth  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "offline"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Bounds every Terraform command (validate/plan of the biggest lab take ~5 s).
TIMEOUT_S = 240.0

LABS: dict[str, dict[str, Any]] = {
    "libvirt-dedicated": {},
    "libvirt-collapsed": {"layout": "collapsed"},
    "openstack-dedicated": {"platform": "openstack"},
    "openstack-collapsed": {"platform": "openstack", "layout": "collapsed"},
}
# The collapsed layout is exactly 3 converged nodes (the model refuses any
# other size), so only the dedicated labs can grow.
GROWABLE = ("libvirt-dedicated", "openstack-dedicated")
# One resource per node carries the VM on each platform.
VM_TYPE = {"libvirt": "libvirt_domain", "openstack": "openstack_compute_instance_v2"}
SUMMARY = re.compile(r"^Plan: (\d+) to add, (\d+) to change, (\d+) to destroy\.$", re.MULTILINE)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_terraform() -> None:
    """Skip here when Terraform is missing; FAIL in CI, where the machine has it."""
    if shutil.which(os.environ.get("TFSTANDIN_TOOL") or "terraform"):
        return
    what = (
        "terraform is not on PATH: the offline tests need Terraform (1.11.4 at "
        "/usr/local/bin/terraform on the project's machines; no registry ships it)"
    )
    if in_ci():
        pytest.fail(f"{what} (CI=true: this machine kind has it, so this is an error)")
    pytest.skip(what)


def spec_of(lab: str, **changes: Any) -> LabSpec:
    data = json.loads(json.dumps(LABS[lab]))
    data.update(changes)
    return LabSpec.model_validate(data)


@dataclass
class Planned:
    """A lab synthesized, copied into a workspace, validated and planned."""

    name: str
    spec: LabSpec
    stack_dir: Path
    ws: Workspace
    validate: Result
    plan: Result
    plan_json: dict[str, Any]


def synthesize(spec: LabSpec, outdir: Path) -> Path:
    return synth(spec, str(outdir))


def plan_lab(name: str, spec: LabSpec, root: Path) -> Planned:
    stack = synthesize(spec, root / "cdktf.out")
    ws = Workspace(root / "ws", timeout_s=TIMEOUT_S)
    ws.load(stack)
    validate = ws.run("validate", "-no-color", check=False)
    plan = ws.run("plan", "-no-color", "-input=false", "-out=lab.tfplan", check=False)
    plan_json = show_json(ws, "lab.tfplan") if plan.returncode == 0 else {}
    return Planned(name, spec, stack, ws, validate, plan, plan_json)


def show_json(ws: Workspace, *target: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(ws.run("show", "-json", "-no-color", *target).stdout)
    return result


def summary(plan: Result) -> tuple[int, int, int]:
    found = SUMMARY.findall(plan.stdout)
    assert found, f"no 'Plan: …' line in:\n{plan.output[-3000:]}"
    add, change, destroy = found[-1]
    return int(add), int(change), int(destroy)


def actions(plan_json: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Address → Terraform's planned actions, for every resource instance."""
    return {rc["address"]: tuple(rc["change"]["actions"]) for rc in plan_json["resource_changes"]}


def vm_count(spec: LabSpec) -> int:
    return len(derive_plan(spec).nodes)


def resource_blocks(stack_dir: Path) -> int:
    """Managed resource blocks in the synthesized HCL (the labs use no count/for_each)."""
    text = (stack_dir / "cdk.tf").read_text()
    assert not re.search(r"^(count|for_each) =", text, re.MULTILINE), "a block uses count/for_each"
    return len(re.findall(r'^resource "', text, re.MULTILINE))


# --- golden files -----------------------------------------------------------------


def normalise(plan_json: dict[str, Any], workspace: Path) -> dict[str, Any]:
    """The plan JSON without what changes from run to run or machine to machine.

    Dropped: ``terraform_version``, ``format_version`` and ``timestamp``;
    ``planned_values`` (every value in it is also in ``resource_changes``:
    ``change.after`` plus ``after_unknown``). ``relevant_attributes`` sorted.
    Any absolute path of the workspace becomes ``<workspace>``.
    """
    drop = {"terraform_version", "format_version", "timestamp", "planned_values"}
    kept = {k: v for k, v in plan_json.items() if k not in drop}
    # Terraform lists relevant attributes in graph-walk order, which varies
    # from run to run: sort them.
    kept["relevant_attributes"] = sorted(
        kept.get("relevant_attributes", []), key=lambda r: json.dumps(r, sort_keys=True)
    )
    text = json.dumps(kept, sort_keys=True)
    text = text.replace(str(workspace), "<workspace>")
    result: dict[str, Any] = json.loads(text)
    return result


def check_golden(name: str, value: dict[str, Any]) -> None:
    path = GOLDEN / f"{name}.plan.json"
    text = json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), (
        f"{path.relative_to(ROOT)} is missing; create it on purpose with "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/offline and commit it"
    )
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        got, want = json.loads(text), json.loads(expected)
        diffs = list(_diff(want, got, "$"))
        raise AssertionError(
            f"the plan of {name} differs from {path.relative_to(ROOT)} at "
            f"{len(diffs)} place(s), first: {diffs[:5]}; if the change is intended, "
            "regenerate with UPDATE_GOLDEN=1 .venv/bin/pytest tests/offline and commit it"
        )


def _diff(a: Any, b: Any, where: str) -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                yield f"{where}.{k} added"
            elif k not in b:
                yield f"{where}.{k} removed"
            else:
                yield from _diff(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _diff(x, y, f"{where}[{i}]")
    elif a != b:
        yield f"{where}: {json.dumps(a)[:120]} -> {json.dumps(b)[:120]}"
