"""The lab stack and the synth entry point behind ``stacks/main.py``.

Reproducible output: the local backend's state path is relative (the
engine would otherwise write the absolute working directory into the plan),
stack traces are off, and the HCL switch is set before the engine loads
(see ``tfbindgen.engine``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from openstack_ha.constructs.cloud import HaOpenStackCloud
from openstack_ha.model.errors import LabError
from openstack_ha.model.loader import load_lab
from openstack_ha.model.platforms import PLATFORM_PROFILES
from openstack_ha.model.spec import LabSpec
from tfbindgen.engine import App, LocalBackend, TerraformStack
from tfbindgen.hclfmt import format_hcl
from tfbindgen.hclrefs import unquote_meta_references

PLATFORMS = tuple(PLATFORM_PROFILES)


def build_spec(lab: str | None, platform: str | None) -> LabSpec:
    """The lab spec from a lab file (or the default), on ``platform`` if given."""
    spec = load_lab(lab) if lab else LabSpec()
    if platform and platform != spec.platform:
        spec = LabSpec.model_validate(
            {**spec.model_dump(mode="json", exclude_unset=True), "platform": platform}
        )
    return spec


def build(spec: LabSpec, outdir: str | None = None) -> tuple[App, TerraformStack]:
    """The app and the lab's stack (named after the lab), not yet synthesized."""
    app = App(hcl_output=True, stack_traces=False, outdir=outdir)
    stack = TerraformStack(app, spec.name)
    # Relative on purpose: without a path the engine writes the absolute
    # working directory into the plan.
    LocalBackend(stack, path="terraform.tfstate")
    HaOpenStackCloud(stack, "cloud", spec=spec)
    return app, stack


def synth(spec: LabSpec, outdir: str | None = None) -> Path:
    """Synthesize ``spec``; returns the stack's folder (``cdk.tf``, or ``cdk.tf.json``).

    HCL unless ``SYNTH_HCL_OUTPUT=false``, which the CDK CLIs set unless
    given ``--hcl``: they deploy either. The engine writes HCL unindented; it
    is laid out as ``terraform fmt`` would (in Python, so the bytes are the
    same with or without Terraform), and its quoted meta-argument references
    are made bare.
    """
    app, _ = build(spec, outdir)
    app.synth()
    folder = Path(app.outdir) / "stacks" / spec.name
    cdk_tf = folder / "cdk.tf"
    if cdk_tf.exists():
        # Bytes, not text mode: no line-ending translation on any platform.
        text = unquote_meta_references(format_hcl(cdk_tf.read_bytes().decode("utf-8")))
        cdk_tf.write_bytes(text.encode("utf-8"))
    return folder


def _context() -> dict[str, Any]:
    # The CDK CLIs pass `-c key=value` this way.
    raw = os.environ.get("CDKTF_CONTEXT_JSON", "")
    try:
        context = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    return context if isinstance(context, dict) else {}


def main(argv: list[str] | None = None) -> int:
    context = _context()
    parser = argparse.ArgumentParser(
        prog="stacks/main.py", description="Synthesize an HA OpenStack lab as HCL."
    )
    parser.add_argument(
        "--lab",
        default=context.get("lab") or os.environ.get("OPENSTACK_HA_LAB"),
        help="YAML lab file stating what differs from the default lab",
    )
    parser.add_argument(
        "--platform",
        choices=PLATFORMS,
        default=context.get("platform") or os.environ.get("OPENSTACK_HA_PLATFORM"),
        help="libvirt (default lab) or openstack",
    )
    parser.add_argument("--outdir", help="output folder (default cdktf.out, or the CLI's)")
    args = parser.parse_args(argv)
    try:
        spec = build_spec(args.lab, args.platform)
    except LabError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"stacks/main.py: {error}", file=sys.stderr)
        return 2
    folder = synth(spec, args.outdir)
    written = folder / "cdk.tf" if (folder / "cdk.tf").exists() else folder / "cdk.tf.json"
    print(f"synthesized {spec.name} ({spec.platform}) into {written}")
    return 0
