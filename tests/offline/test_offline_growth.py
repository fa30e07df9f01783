"""Growing an applied lab only adds: no replace, no destroy, no in-place change.

The lab is applied with the stand-ins, then synthesized again into the same
folder with one more controller, applied, then with one more load balancer.
Each time Terraform's own plan must create the new node's resources and leave
every existing resource as it is (construct ids, hence addresses, are stable;
cloud-init user-data that now lists the new peer is ignored on purpose by
``lifecycle.ignore_changes``, because cloud-init reads it only at first boot).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from offline_helpers import (
    GROWABLE,
    TIMEOUT_S,
    VM_TYPE,
    actions,
    show_json,
    spec_of,
    summary,
    synthesize,
    vm_count,
)
from tfstandin.wiring import Workspace

STEPS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("one more controller", {"controllers": {"count": 4}}),
    ("one more load balancer", {"controllers": {"count": 4}, "load_balancers": {"count": 3}}),
)


def _state_addresses(ws: Workspace) -> set[str]:
    """Managed resources in the state (data sources are read again by every plan)."""
    state = show_json(ws)
    return {
        r["address"] for r in state["values"]["root_module"]["resources"] if r["mode"] == "managed"
    }


@pytest.mark.slow
@pytest.mark.parametrize("lab", GROWABLE)
def test_growing_an_applied_lab_only_adds_resources(
    terraform: None, lab: str, tmp_path: Path
) -> None:
    outdir = tmp_path / "cdktf.out"
    stack = synthesize(spec_of(lab), outdir)
    ws = Workspace(tmp_path / "ws", timeout_s=TIMEOUT_S)
    ws.load(stack)
    ws.run("plan", "-no-color", "-input=false", "-out=base.tfplan")
    ws.run("apply", "-no-color", "-input=false", "base.tfplan")
    vm_type = VM_TYPE[spec_of(lab).platform]

    for what, changes in STEPS:
        spec = spec_of(lab, **changes)
        assert synthesize(spec, outdir) == stack  # the same folder, overwritten
        ws.load(stack)
        existing = _state_addresses(ws)
        plan = ws.run("plan", "-no-color", "-input=false", "-out=grow.tfplan")
        planned = actions(show_json(ws, "grow.tfplan"))
        not_kept = {a: act for a, act in planned.items() if a in existing and act != ("no-op",)}
        assert not not_kept, f"{lab}, {what}: existing resources would change: {not_kept}"
        assert existing <= set(planned), f"{lab}, {what}: gone: {sorted(existing - set(planned))}"
        created = {a for a, act in planned.items() if act == ("create",)}
        assert created == set(planned) - existing, f"{lab}, {what}: not only creates"
        assert summary(plan) == (len(created), 0, 0)
        new_vms = Counter(a.split(".")[0] for a in created)[vm_type]
        assert new_vms == 1, f"{lab}, {what}: {new_vms} new VMs, expected 1"
        ws.run("apply", "-no-color", "-input=false", "grow.tfplan")
        counts = Counter(a.split(".")[0] for a in _state_addresses(ws))
        assert counts[vm_type] == vm_count(spec)


@pytest.mark.slow
def test_the_stand_ins_plan_replacements_and_in_place_updates(
    terraform: None, tmp_path: Path
) -> None:
    """The check above can fail: a ForceNew change replaces, any other change updates."""
    lab = "libvirt-dedicated"
    outdir = tmp_path / "cdktf.out"
    stack = synthesize(spec_of(lab), outdir)
    ws = Workspace(tmp_path / "ws", timeout_s=TIMEOUT_S)
    ws.load(stack)
    ws.run("plan", "-no-color", "-input=false", "-out=base.tfplan")
    ws.run("apply", "-no-color", "-input=false", "base.tfplan")

    # libvirt_domain.memory is ForceNew in libvirt 0.8.3: bigger controllers
    # are new VMs (and their disks are not touched).
    synthesize(spec_of(lab, controllers={"memory_mib": 12288}), outdir)
    ws.load(stack)
    plan = ws.run("plan", "-no-color", "-input=false", "-out=bigger.tfplan")
    planned = actions(show_json(ws, "bigger.tfplan"))
    replaced = sorted(a for a, act in planned.items() if act == ("delete", "create"))
    assert [a.split(".")[1].split("_")[:3] for a in replaced] == [
        ["cloud", "controllers", f"ctl{i}"] for i in (1, 2, 3)
    ]
    assert all(a.startswith("libvirt_domain.") for a in replaced)
    forced = re.findall(r"~ memory\s+= 8192 -> 12288 # forces replacement", plan.stdout)
    assert len(forced) == 3
    assert summary(plan) == (3, 0, 3)

    # autostart is not ForceNew: flipping it on one VM is an in-place update.
    cdk = ws.dir / "cdk.tf"
    text = cdk.read_text()
    marker = 'resource "libvirt_domain" "cloud_brokers_mq1_domain'
    head, tail = text.split(marker, 1)
    flipped = re.sub(r"autostart(\s*)= true", r"autostart\1= false", tail, count=1)
    assert flipped != tail
    cdk.write_text(head + marker + flipped)
    plan = ws.run("plan", "-no-color", "-input=false", "-out=flip.tfplan")
    planned = actions(show_json(ws, "flip.tfplan"))
    updated = [a for a, act in planned.items() if act == ("update",)]
    assert len(updated) == 1, updated
    assert "mq1_domain" in updated[0]
    assert summary(plan)[1] == 1
