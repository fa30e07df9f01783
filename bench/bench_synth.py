"""Whole-process synth time and peak memory: empty stack, the default lab, 10..500 nodes.

Prints a table; asserts nothing. Each figure is the median of --runs fresh
processes (the jsii start-up is part of what users wait for), with the peak
RSS of the process tree (Python + the Node kernel).

    .venv/bin/python bench/bench_synth.py [--runs 3] [--sizes 10,50,100,500]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EMPTY = """
import sys
sys.path.insert(0, {root!r})
from tfbindgen.engine import App, LocalBackend, TerraformStack
app = App(hcl_output=True, stack_traces=False, outdir={out!r})
stack = TerraformStack(app, "empty")
LocalBackend(stack, path="terraform.tfstate")
app.synth()
"""


# The model's per-group address blocks in a /24 bound a lab at 20 controllers,
# 19 database nodes, 15 brokers and 100 load balancers: 154 nodes.
MAX_NODES = 154


def lab_for(nodes: int) -> dict[str, object] | None:
    """A dedicated lab of ``nodes`` VMs within the model's group limits, or None.

    3 database (up to 19 past 135 nodes) and 2..100 load balancers; brokers
    clustered odd 3..15; controllers fill the rest (their address block holds 20).
    """
    if nodes <= 11:
        return {}
    database, brokers = 3, 3 if nodes < 50 else 15
    controllers = min(20, max(3, nodes - database - brokers - 2))
    lbs = nodes - database - brokers - controllers
    if lbs > 100:
        # Grow the database (odd, at most 19) with what the LBs cannot hold.
        database += lbs - 100 + (lbs - 100) % 2
        lbs = nodes - database - brokers - controllers
    if database > 19 or lbs > 100:
        return None
    return {
        "controllers": {"count": controllers},
        "database": {"count": database},
        "brokers": {"count": brokers},
        "load_balancers": {"count": max(2, lbs)},
    }


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=900)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest single child so far (KiB on Linux).
    return elapsed, max(peak, before) / 1024


def run_case(name: str, command: list[str], runs: int) -> tuple[str, float, float]:
    times, peaks = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            elapsed, peak = measure([*command], Path(folder))
        times.append(elapsed)
        peaks.append(peak)
    return name, statistics.median(times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10,50,100,500")
    args = parser.parse_args()
    python = sys.executable
    rows = []
    skipped: list[int] = []
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty.py"
        empty.write_text(EMPTY.format(root=str(ROOT / "constructs"), out="out"))
        rows.append(run_case("empty stack (jsii floor)", [python, str(empty)], args.runs))
        rows.append(
            run_case(
                "default lab (11 VMs)",
                [python, str(ROOT / "stacks" / "main.py"), "--outdir", "out"],
                args.runs,
            )
        )
        for size in (int(s) for s in args.sizes.split(",") if s):
            shape = lab_for(size)
            if shape is None:
                skipped.append(size)
                continue
            lab = Path(scratch) / f"lab{size}.json"
            lab.write_text(json.dumps(shape))
            yaml_lab = lab.with_suffix(".yaml")
            yaml_lab.write_text(lab.read_text())  # JSON is YAML
            rows.append(
                run_case(
                    f"{size}-node lab",
                    [
                        python,
                        str(ROOT / "stacks" / "main.py"),
                        "--lab",
                        str(yaml_lab),
                        "--outdir",
                        "out",
                    ],
                    args.runs,
                )
            )
    print(f"synth benchmark: {os.cpu_count()} cores, median of {args.runs} fresh processes")
    print(f"{'case':28} {'seconds':>8} {'peak RSS MiB':>13} {'x empty':>8}")
    floor = rows[0][1]
    for name, seconds, peak in rows:
        print(f"{name:28} {seconds:8.2f} {peak:13.0f} {seconds / floor:8.2f}")
    for size in skipped:
        print(f"{size}-node lab: not possible, the model's address blocks hold {MAX_NODES} nodes")


if __name__ == "__main__":
    main()
