"""Time of format_hcl on the default lab's cdk.tf (and on larger labs), next to terraform fmt.

Prints a table; asserts nothing. The lab is synthesized once (unformatted, as
the engine writes it); each figure is the median of --runs calls in this
process. ``terraform fmt`` (a fresh process per run, stdin) is shown for
scale when it is installed.

    .venv/bin/python bench/bench_hclfmt.py [--runs 20] [--lab examples/labs/large.yaml]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def synthesize(out: Path, lab: str | None) -> str:
    args = [sys.executable, str(ROOT / "stacks" / "main.py"), "--outdir", str(out)]
    if lab:
        args += ["--lab", lab]
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT, timeout=600)
    (cdk_tf,) = out.glob("stacks/*/cdk.tf")
    return cdk_tf.read_bytes().decode("utf-8")


def median_ms(runs: int, call: object) -> float:
    assert callable(call)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lab", action="append", help="lab YAML (repeatable); default lab always")
    args = parser.parse_args()

    from tfbindgen.hclfmt import format_hcl

    terraform = shutil.which("terraform")
    env = {**os.environ, "CHECKPOINT_DISABLE": "1"}
    print(f"{'lab':<28} {'KiB':>6} {'lines':>6} {'format_hcl ms':>14} {'terraform fmt ms':>17}")
    with tempfile.TemporaryDirectory() as tmp:
        for index, lab in enumerate([None, *(args.lab or [])]):
            text = synthesize(Path(tmp) / str(index), lab)
            ours = median_ms(args.runs, lambda text=text: format_hcl(text))
            theirs = "-"
            if terraform:

                def run(text: str = text) -> None:
                    subprocess.run([terraform, "fmt", "-"], input=text.encode(), env=env,
                                   check=True, capture_output=True, timeout=120)  # fmt: skip

                theirs = f"{median_ms(min(args.runs, 5), run):.1f}"
            name = Path(lab).name if lab else "default (libvirt)"
            print(f"{name:<28} {len(text.encode()) / 1024:>6.0f} {text.count(chr(10)):>6} "
                  f"{ours:>14.1f} {theirs:>17}")  # fmt: skip


if __name__ == "__main__":
    main()
