"""Time Terraform's validate + plan of synthesized labs with the stand-in providers.

    .venv/bin/python bench/bench_offline_plan.py [--runs N] [--tool terraform|tofu]

Labs: the default libvirt lab (11 VMs), a 100-node libvirt lab (the default
lab with 91 load balancers), and the same two on OpenStack. Each run copies
the synthesized stack into a fresh workspace (backend initialised offline),
then times ``validate`` and ``plan -out`` separately, wall clock, as the
commands a person would type; provider start-ups are included (Terraform
starts each stand-in several times per command). Synthesis time is printed
for reference. Not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "standin"))

from tfstandin.wiring import Workspace, find_tool  # noqa: E402

LABS: dict[str, dict[str, Any]] = {
    "default (libvirt)": {},
    "100 nodes (libvirt)": {"load_balancers": {"count": 91}},
    "default (openstack)": {"platform": "openstack"},
    "100 nodes (openstack)": {"platform": "openstack", "load_balancers": {"count": 91}},
}
SUMMARY = re.compile(r"^Plan: (\d+) to add", re.MULTILINE)


def _timed(ws: Workspace, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = ws.run(*args)
    return time.perf_counter() - start, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tool", help="terraform (default) or tofu")
    args = parser.parse_args()

    from openstack_ha.model import LabSpec, derive_plan
    from openstack_ha.stack import synth

    tool = find_tool(args.tool)
    print(f"tool: {tool}; runs per lab: {args.runs}; times are wall clock, seconds (median/min)")
    header = f"{'lab':24} {'VMs':>4} {'resources':>9} {'synth':>6} {'validate':>15} {'plan':>15}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="bench-offline-") as tmp:
        for i, (name, data) in enumerate(LABS.items()):
            spec = LabSpec.model_validate(data)
            start = time.perf_counter()
            stack = synth(spec, str(Path(tmp) / f"out{i}"))
            synth_s = time.perf_counter() - start
            validate_s, plan_s, added = [], [], 0
            for run in range(args.runs):
                ws = Workspace(Path(tmp) / f"ws{i}-{run}", tool=tool, timeout_s=900)
                ws.load(stack)
                t, _ = _timed(ws, "validate", "-no-color")
                validate_s.append(t)
                t, out = _timed(ws, "plan", "-no-color", "-input=false", "-out=bench.tfplan")
                plan_s.append(t)
                added = int(SUMMARY.findall(out)[-1])

            def fmt(xs: list[float]) -> str:
                return f"{statistics.median(xs):6.2f} / {min(xs):5.2f}"

            vms = len(derive_plan(spec).nodes)
            print(
                f"{name:24} {vms:4d} {added:9d} {synth_s:6.2f} {fmt(validate_s):>15} "
                f"{fmt(plan_s):>15}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
