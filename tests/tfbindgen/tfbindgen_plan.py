"""Terraform plans a fixture stack's JSON and HCL synthesis (shared by the issue-16 tests).

The fixture providers exist only as schemas, so the stand-in provider of
tests/standin serves them (``TFSTANDIN_EXTRA_PROVIDERS``): the real
``terraform`` validates and plans both syntheses, and the planned values of
every resource and data source must be equal. Nothing is applied.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from tfbindgen_testing import SCHEMAS
from tfstandin.schema import EXTRA_PROVIDERS_ENV
from tfstandin.wiring import Workspace

from tfbindgen.engine import TerraformStack, Testing
from tfbindgen.hclfmt import format_hcl

ROOT = Path(__file__).resolve().parents[2]


def _serve(root: Path, providers: dict[str, str]) -> Path:
    """Launchers and the extra-providers list for ``{local name: fixture schema file}``."""
    extras = root / "empty.extras.json"
    extras.write_text("{}\n")
    entries = []
    for name, schema in sorted(providers.items()):
        launcher = root / "launchers" / name
        launcher.mkdir(parents=True)
        script = launcher / f"terraform-provider-{name}"
        script.write_text(
            "#!/bin/sh\n"
            f"PYTHONPATH={ROOT / 'tests' / 'standin'}\nexport PYTHONPATH\n"
            f'exec "${{TFSTANDIN_PYTHON:-{sys.executable}}}" -m tfstandin {name}\n'
        )
        script.chmod(0o755)
        entries.append({
            "name": name, "source": f"example/{name}", "version": "0.0.0",
            "schema": str(SCHEMAS / schema), "extras": str(extras), "launcher": str(launcher),
        })  # fmt: skip
    listing = root / "extra-providers.json"
    listing.write_text(json.dumps(entries, indent=1))
    return listing


def _plan(ws: Workspace, folder: Path) -> dict[str, Any]:
    ws.load(folder)
    ws.run("validate", "-no-color")
    ws.run("plan", "-no-color", "-input=false", "-out=fixture.tfplan")
    shown = json.loads(ws.run("show", "-json", "fixture.tfplan").stdout)
    values: dict[str, Any] = {
        rc["address"]: {
            "actions": rc["change"]["actions"],
            "after": rc["change"]["after"],
            "after_unknown": rc["change"]["after_unknown"],
        }
        for rc in shown.get("resource_changes", [])
    }
    for resource in (
        shown.get("prior_state", {}).get("values", {}).get("root_module", {}).get("resources", [])
    ):
        values[resource["address"]] = {"read": resource["values"]}
    return values


def plan_json_and_hcl(
    stack: TerraformStack, tmp_path: Path, providers: dict[str, str]
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(planned values from the JSON, from the HCL, the HCL text) of ``stack``."""
    if shutil.which("terraform") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("terraform is not installed (CI must plan with it)")
        pytest.skip("terraform is not installed")
    hcl = format_hcl(Testing.synth_hcl(stack))
    as_json = tmp_path / "json"
    as_hcl = tmp_path / "hcl"
    as_json.mkdir()
    as_hcl.mkdir()
    (as_json / "cdk.tf.json").write_text(Testing.synth(stack))
    (as_hcl / "cdk.tf").write_text(hcl)
    listing = _serve(tmp_path, providers)
    previous = os.environ.get(EXTRA_PROVIDERS_ENV)
    os.environ[EXTRA_PROVIDERS_ENV] = str(listing)
    try:
        from_json = _plan(Workspace(tmp_path / "ws-json"), as_json)
        from_hcl = _plan(Workspace(tmp_path / "ws-hcl"), as_hcl)
    finally:
        if previous is None:
            del os.environ[EXTRA_PROVIDERS_ENV]
        else:
            os.environ[EXTRA_PROVIDERS_ENV] = previous
    return from_json, from_hcl, hcl
