"""Same input, same bytes: across runs, folders and CDK engines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_main(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    drop = ("OPENSTACK_HA_ENGINE", "SYNTH_HCL_OUTPUT", "CDKTF_CONTEXT_JSON")
    full_env = {k: v for k, v in os.environ.items() if k not in drop}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "stacks" / "main.py"), *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("platform", ["libvirt", "openstack"])
def test_two_runs_in_different_folders_and_engines_write_the_same_bytes(
    tmp_path: Path, platform: str
) -> None:
    outputs = []
    for folder, engine in (("first", "cdktn"), ("second/nested", "cdktn"), ("third", "cdktf")):
        cwd = tmp_path / folder
        cwd.mkdir(parents=True)
        result = run_main(cwd, "--platform", platform, OPENSTACK_HA_ENGINE=engine)
        assert result.returncode == 0, result.stderr
        assert (
            result.stdout
            == f"synthesized ha-lab ({platform}) into cdktf.out/stacks/ha-lab/cdk.tf\n"
        )
        outputs.append((cwd / "cdktf.out" / "stacks" / "ha-lab" / "cdk.tf").read_bytes())
    assert outputs[0] == outputs[1], "two runs of the same engine differ"
    assert outputs[0] == outputs[2], "cdktn and cdktf give different HCL"
    assert str(tmp_path).encode() not in outputs[0]


def test_a_bad_lab_file_is_refused_with_the_models_message_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    lab = tmp_path / "lab.yaml"
    lab.write_text("database:\n  count: 2\n")
    result = run_main(tmp_path, "--lab", str(lab))
    assert result.returncode == 1
    assert "database.count: Galera needs an odd number of members" in result.stderr
    assert not (tmp_path / "cdktf.out").exists()


def test_the_cdk_cli_context_selects_the_platform(tmp_path: Path) -> None:
    result = run_main(tmp_path, CDKTF_CONTEXT_JSON='{"platform": "openstack"}')
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "cdktf.out" / "stacks" / "ha-lab" / "cdk.tf").read_text()
    assert 'resource "openstack_compute_instance_v2"' in text


def test_terraform_fmt_accepts_the_synthesized_hcl_as_it_is(tmp_path: Path) -> None:
    terraform = shutil.which("terraform") or shutil.which("tofu")
    if terraform is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have terraform (or tofu) for this check")
        pytest.skip("neither terraform nor tofu is installed")
    for platform in ("libvirt", "openstack"):
        cwd = tmp_path / platform
        cwd.mkdir()
        assert run_main(cwd, "--platform", platform).returncode == 0
        check = subprocess.run(
            [terraform, "fmt", "-check", "-diff", "-recursive", "cdktf.out"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert check.returncode == 0, check.stdout


def test_json_output_is_written_when_the_cdk_cli_asks_for_it(tmp_path: Path) -> None:
    # `cdktn synth` / `cdktf synth` without --hcl set SYNTH_HCL_OUTPUT=false.
    result = run_main(tmp_path, SYNTH_HCL_OUTPUT="false")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout == "synthesized ha-lab (libvirt) into cdktf.out/stacks/ha-lab/cdk.tf.json\n"
    )
    stack = tmp_path / "cdktf.out" / "stacks" / "ha-lab"
    assert (stack / "cdk.tf.json").exists()
    assert not (stack / "cdk.tf").exists()
