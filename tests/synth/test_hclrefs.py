"""Quoted provider/depends_on references become bare, and nothing else changes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tfbindgen.hclrefs import unquote_meta_references

BEFORE = """resource "libvirt_domain" "a" {
  name     = "a"
  provider = "libvirt.host2"
  depends_on = ["libvirt_network.x", "libvirt_volume.y"]
}
resource "libvirt_domain" "b" {
  provider = libvirt.host1
  depends_on = [
    "libvirt_domain.a",
    "libvirt_volume.z",
  ]
  metadata = <<EOF
  provider = "not.a.reference"
  depends_on = ["kept.as.text"]
EOF
  description = "provider = \\"x.y\\""
  lifecycle {
    ignore_changes = [
      "user_data",
      "disk[0].wwn",
    ]
    replace_triggered_by = ["libvirt_volume.z.id"]
  }
}
"""

AFTER = """resource "libvirt_domain" "a" {
  name     = "a"
  provider = libvirt.host2
  depends_on = [libvirt_network.x, libvirt_volume.y]
}
resource "libvirt_domain" "b" {
  provider = libvirt.host1
  depends_on = [
    libvirt_domain.a,
    libvirt_volume.z,
  ]
  metadata = <<EOF
  provider = "not.a.reference"
  depends_on = ["kept.as.text"]
EOF
  description = "provider = \\"x.y\\""
  lifecycle {
    ignore_changes = [
      user_data,
      disk[0].wwn,
    ]
    replace_triggered_by = [libvirt_volume.z.id]
  }
}
"""


def test_meta_references_lose_their_quotes_outside_heredocs_only() -> None:
    assert unquote_meta_references(BEFORE) == AFTER
    assert unquote_meta_references(AFTER) == AFTER


def test_terraform_accepts_the_bare_references_without_a_deprecation_warning(
    tmp_path: Path,
) -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have terraform for this check")
        pytest.skip("terraform is not installed")
    # terraform_data belongs to the built-in provider: no download needed.
    quoted = (
        'resource "terraform_data" "a" {\n  input = 1\n}\n'
        'resource "terraform_data" "b" {\n  provider = "terraform"\n'
        "  input = 2\n"
        '  depends_on = [\n    "terraform_data.a",\n  ]\n'
        '  lifecycle {\n    ignore_changes = [\n      "input",\n    ]\n  }\n}\n'
    )
    results = {}
    for name, text in (("quoted", quoted), ("bare", unquote_meta_references(quoted))):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "main.tf").write_text(text)
        env = {**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"}
        for args in (["init", "-backend=false", "-input=false"], ["validate", "-no-color"]):
            done = subprocess.run(
                [terraform, *args],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, done.stdout + done.stderr
        results[name] = done.stdout + done.stderr
    assert "Quoted references are deprecated" in results["quoted"]
    assert "Quoted references are deprecated" not in results["bare"]
