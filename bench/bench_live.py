"""Figures of the live HA scenarios (issue 6): bring-up, failover, gaps, losses, recovery.

    .venv/bin/python bench/bench_live.py [--runs N] [-k EXPR]     (as root)

Runs the scenarios of ``tests/live/scenarios`` with pytest ``--runs`` times
(each run builds its labs from scratch), collects the figures every scenario
records (``OHA_LIVE_FIGURES``), and prints, per scenario and figure, the
median, min and max over the runs, next to the goal of issue 6 where there
is one. Times are wall clock, seconds; "lost" figures are counts. Not a
test: it asserts nothing; a failed run's figures are shown as far as it got
and the run is listed as failed.

Goals (issue 6): VIP failover < 10 s (then < 5 s with the totem token
tuned), Galera longest write gap < 5 s, publish gap < 1 s, acknowledged
items lost = 0.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "tests" / "live" / "scenarios"
FIGURES_ENV = "OHA_LIVE_FIGURES"

# (figure, label, goal) in print order; figures not listed are printed after.
KNOWN: list[tuple[str, str, str]] = [
    ("bring_up_s", "bring-up until served / formed", ""),
    ("galera_bring_up_s", "Galera bring-up (users, clustercheck, bootstrap selection, SST)", ""),
    ("vip_failover_s", "VIP failover (crash -> VIP answers on a survivor)", "< 10 s"),
    ("fenced_after_s", "victim fenced after", ""),
    ("vip_failover_not_dc_s", "VIP failover, holder not the DC", "< 10 s; < 5 s tuned"),
    ("fenced_after_not_dc_s", "  victim fenced after", ""),
    ("rejoin_s", "fenced node booted -> back in the cluster / synced", ""),
    ("vip_failover_dc_s", "VIP failover, holder is the DC", "< 10 s; < 5 s tuned"),
    ("fenced_after_dc_s", "  victim fenced after", ""),
    ("write_gap_s", "Galera longest write gap (writer crashed)", "< 5 s"),
    ("acked_lost_writer_loss", "acknowledged rows lost (writer crash)", "0"),
    ("outage_recovery_s", "full outage: power-on -> all synced", ""),
    ("acked_lost_outage", "acknowledged rows lost (full outage)", "0"),
    ("publish_gap_s", "longest publish gap (quorum-queue leader crashed)", "< 1 s"),
    ("consume_resumed_after_s", "queue readable on a survivor after", ""),
    ("confirmed_lost", "confirmed messages lost", "0"),
]


def run_once(run: int, out: Path, expr: str | None) -> tuple[int, float]:
    env = {**os.environ, FIGURES_ENV: str(out)}
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "live",
            str(SCENARIOS)]
    if expr:
        argv += ["-k", expr]
    start = time.monotonic()
    proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    took = time.monotonic() - start
    summary = (proc.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"run {run}: {summary} ({took:.0f} s)", flush=True)
    if proc.returncode != 0:
        print(proc.stdout[-4000:], file=sys.stderr)
    return proc.returncode, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("-k", dest="expr", help="pytest -k expression to pick scenarios")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("bench_live: needs root (network and mount namespaces)", file=sys.stderr)
        return 2

    records: list[dict[str, object]] = []
    durations = []
    with tempfile.TemporaryDirectory(prefix="bench-live-") as tmp:
        for run in range(1, args.runs + 1):
            out = Path(tmp) / f"run{run}.jsonl"
            _, took = run_once(run, out, args.expr)
            durations.append(took)
            if out.exists():
                records += [json.loads(line) for line in out.read_text().splitlines() if line]

    by_test: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    failed: dict[str, int] = defaultdict(int)
    for rec in records:
        name = str(rec["test"])
        if not rec["passed"]:
            failed[name] += 1
        figures = rec["figures"]
        assert isinstance(figures, dict)
        for key, value in figures.items():
            by_test[name][key].append(float(value))

    print("\nlive suite wall clock per run: " + ", ".join(f"{d:.0f} s" for d in durations))
    labels = {k: (label, goal) for k, label, goal in KNOWN}
    order = [k for k, _, _ in KNOWN]
    for name in sorted(by_test):
        figs = by_test[name]
        runs = max(len(v) for v in figs.values())
        note = f", {failed[name]} failed" if failed[name] else ""
        print(f"\n{name}  ({runs} run(s){note})")
        header = f"  {'figure':62} {'median':>8} {'min':>8} {'max':>8}  goal"
        print(header)
        print("  " + "-" * (len(header) - 2))
        keys = [k for k in order if k in figs] + sorted(k for k in figs if k not in labels)
        for key in keys:
            values = figs[key]
            label, goal = labels.get(key, (key, ""))
            print(f"  {label[:62]:62} {statistics.median(values):8.2f} {min(values):8.2f} "
                  f"{max(values):8.2f}  {goal}")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
