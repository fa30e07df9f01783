"""``scripts/offline-plan STACK_DIR``: Terraform's own validate and plan output, Plan line last."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from offline_helpers import ROOT, TIMEOUT_S, Planned, resource_blocks

SCRIPT = ROOT / "scripts" / "offline-plan"
PlannedLab = Callable[[str], Planned]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=2 * TIMEOUT_S, check=False
    )


def test_offline_plan_prints_validate_and_plan_ending_with_the_plan_line(
    planned_lab: PlannedLab,
) -> None:
    lab = planned_lab("openstack-collapsed")
    before = {p.name: p.read_bytes() for p in lab.stack_dir.iterdir()}
    result = _run(str(lab.stack_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.rstrip("\n").splitlines()
    assert lines[-1] == f"Plan: {resource_blocks(lab.stack_dir)} to add, 0 to change, 0 to destroy."
    assert "Success! The configuration is valid" in result.stdout
    assert "Warning: Provider development overrides are in effect" in result.stdout
    # The OpenStack lab's fence credential is a required variable: named placeholder.
    assert "required variable cloud_secrets_fence_openstack_clouds_yaml" in result.stdout
    # The synthesized folder is left exactly as it was (the plan ran on a copy).
    assert {p.name: p.read_bytes() for p in lab.stack_dir.iterdir()} == before


def test_offline_plan_refuses_a_folder_that_is_not_a_stack(tmp_path: Path) -> None:
    result = _run(str(tmp_path))
    assert result.returncode == 2
    assert f"offline-plan: {tmp_path} is not a synthesized stack folder" in result.stderr
    assert "python stacks/main.py" in result.stderr


def test_offline_plan_names_a_missing_tool(planned_lab: PlannedLab) -> None:
    result = _run("--tool", "no-such-terraform", str(planned_lab("libvirt-collapsed").stack_dir))
    assert result.returncode == 2
    assert "offline-plan: no-such-terraform is not on PATH" in result.stderr
