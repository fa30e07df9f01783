"""Whole-process synth time and peak memory: empty stack, the default lab, 10..500 nodes.

Prints a table; asserts nothing. Each figure is the median of --runs fresh
processes (the jsii start-up is part of what users wait for), with the CPU
time and peak RSS of the process tree (Python + the Node kernel). On shared
cores wall time follows the load (printed with the table); CPU seconds and
the ratio to the empty stack measured in the same run are the figures to
compare. The slope of a least-squares line through the node counts, and the
cost per node above the empty stack, say whether synth grows linearly.

``--profile`` adds where the default lab's time goes, stage by stage (engine
import and Node start, model import, plan, render, construction through
jsii, synth, HCL layout), as wall, Python CPU and Node CPU seconds.

    .venv/bin/python bench/bench_synth.py [--runs 3] [--sizes 10,50,100,500] [--profile]
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
from dataclasses import dataclass
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

# Each stage of one default-lab synth, run in order in one fresh process.
# Node CPU comes from /proc/<pid>/stat of the jsii kernel (the only child).
PROFILE = """
import json, os, sys, time
sys.path.insert(0, {root!r})
marks = []
def node_cpu():
    total = 0.0
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{{task}}/children") as f:
            for pid in f.read().split():
                try:
                    with open(f"/proc/{{pid}}/stat") as stat:
                        fields = stat.read().rsplit(")", 1)[1].split()
                    total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                except OSError:
                    pass
    return total
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time(), node_cpu()))
mark("start")
import tfbindgen.engine
mark("engine import, Node start")
import openstack_ha.stack as stack
import openstack_ha.constructs.cloud as cloud
mark("project import (model, constructs)")
spent = {{"derive plan": [0.0, 0.0], "render": [0.0, 0.0]}}
def timed(name, function):
    def wrapper(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name][0] += time.perf_counter() - wall
            spent[name][1] += time.process_time() - cpu
    return wrapper
cloud.derive_plan = timed("derive plan", cloud.derive_plan)
cloud.render_lab = timed("render", cloud.render_lab)
spec = stack.build_spec(None, None)
app, _ = stack.build(spec, "out")
mark("construct")
app.synth()
mark("synth")
cdk_tf = os.path.join(app.outdir, "stacks", spec.name, "cdk.tf")
with open(cdk_tf, "rb") as f:
    stack.unquote_meta_references(stack.format_hcl(f.read().decode("utf-8")))
mark("HCL layout")
rows = []
for (_, w0, c0, n0), (name, w1, c1, n1) in zip(marks, marks[1:]):
    if name == "construct":
        for part, (wall, cpu) in spent.items():
            rows.append((part, wall, cpu, 0.0))
            w0, c0 = w0 + wall, c0 + cpu
        name = "construct through jsii"
    rows.append((name, w1 - w0, c1 - c0, n1 - n0))
print(json.dumps(rows))
"""

GROUPS = ("controllers", "database", "brokers", "load_balancers")


def accepted(shape: dict[str, dict[str, object]]) -> bool:
    """Whether every rule of the model accepts the lab ``shape``."""
    from openstack_ha.model.errors import LabError  # the measured tree (--root)
    from openstack_ha.model.rules import check_rules
    from openstack_ha.model.spec import LabSpec

    try:
        return not check_rules(LabSpec.model_validate(shape))
    except LabError:
        return False


def largest_lab(limit: int = 2000) -> dict[str, dict[str, object]]:
    """The largest dedicated lab on the default networks that passes every rule.

    Each group grows, in turn, one node at a time while the rules accept it;
    the database tries both an odd count and an even one with the arbitrator.
    """
    shape: dict[str, dict[str, object]] = {g: {"count": 3} for g in GROUPS}
    shape["load_balancers"]["count"] = 2
    for group in GROUPS:
        variants: list[dict[str, object]] = [{}]
        if group == "database":
            variants = [{"arbitrator": False}, {"arbitrator": True}]
        best: dict[str, object] = dict(shape[group])
        for extra in variants:
            count = 2
            good: dict[str, object] | None = None
            while count <= limit:
                trial = {**shape, group: {**shape[group], **extra, "count": count}}
                if accepted(trial):
                    good = trial[group]
                elif good is not None and count > int(str(good["count"])) + 2:
                    break  # parity: two refusals in a row past the last good count
                count += 1
            if good is not None and int(str(good["count"])) > int(str(best["count"])):
                best = good
        shape[group] = best
    return shape


def nodes_of(shape: dict[str, dict[str, object]]) -> int:
    return sum(int(str(shape[g]["count"])) for g in GROUPS)


def lab_for(nodes: int, caps: dict[str, int]) -> dict[str, dict[str, object]] | None:
    """A dedicated lab of ``nodes`` VMs within the largest counts the rules accept, or None.

    3 database, 3 brokers (the most past 50 nodes), at least 2 load balancers;
    controllers, then load balancers, then the database take the rest.
    """
    if nodes <= 11:
        return {}
    counts = {"controllers": 3, "database": 3, "brokers": 3, "load_balancers": 2}
    if nodes >= 50:
        counts["brokers"] = caps["brokers"]
    arbitrator = False
    rest = nodes - sum(counts.values())
    for group in ("controllers", "load_balancers", "database"):
        room = caps[group] - counts[group]
        take = max(0, min(rest, room))
        counts[group] += take
        rest -= take
    if counts["database"] % 2 == 0:
        arbitrator = True
    if rest > 0:
        return None
    shape: dict[str, dict[str, object]] = {g: {"count": c} for g, c in counts.items()}
    if arbitrator:
        shape["database"]["arbitrator"] = True
    return shape if accepted(shape) else None


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the process tree, peak RSS MiB of its largest process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=900)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest single child so far (KiB on Linux).
    return elapsed, cpu, max(after.ru_maxrss, before.ru_maxrss) / 1024


def run_case(name: str, nodes: int, command: list[str], runs: int) -> Row:
    times, cpus, peaks = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            elapsed, cpu, peak = measure([*command], Path(folder))
        times.append(elapsed)
        cpus.append(cpu)
        peaks.append(peak)
    return Row(name, nodes, statistics.median(times), statistics.median(cpus), max(peaks))


@dataclass(frozen=True)
class Row:
    name: str
    nodes: int
    seconds: float
    cpu: float
    peak: float


def slope(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares slope and intercept of (nodes, seconds)."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return 0.0, my
    k = sum((x - mx) * (y - my) for x, y in points) / sxx
    return k, my - k * mx


def profile(
    python: str, root: Path, scratch: Path, runs: int
) -> list[tuple[str, float, float, float]]:
    """Median wall, Python CPU and Node CPU of each stage of a default-lab synth."""
    script = scratch / "profile.py"
    script.write_text(PROFILE.format(root=str(root / "constructs")))
    samples: list[list[list[object]]] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(
                [python, str(script)], cwd=folder, check=True, capture_output=True, timeout=900
            )
        samples.append(json.loads(done.stdout.decode().strip().splitlines()[-1]))
    out = []
    for i, row in enumerate(samples[0]):
        values = [[float(str(s[i][k])) for s in samples] for k in (1, 2, 3)]
        out.append((str(row[0]), *(statistics.median(v) for v in values)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10,50,100,500")
    parser.add_argument("--profile", action="store_true", help="where the default lab's time goes")
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="the source tree to measure (default this one), e.g. an export of main",
    )
    args = parser.parse_args()
    python = sys.executable
    root = args.root.resolve()
    # The children import the measured tree first, whatever the venv points at.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(root / "constructs"), os.environ.get("PYTHONPATH", "")) if p
    )
    sys.path.insert(0, str(root / "constructs"))
    biggest = largest_lab()
    caps = {g: int(str(biggest[g]["count"])) for g in GROUPS}
    most = nodes_of(biggest)
    load_before = load()
    rows: list[Row] = []
    skipped: list[int] = []
    stages: list[tuple[str, float, float, float]] = []
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty.py"
        empty.write_text(EMPTY.format(root=str(root / "constructs"), out="out"))
        rows.append(run_case("empty stack (jsii floor)", 0, [python, str(empty)], args.runs))
        main_py = str(root / "stacks" / "main.py")
        rows.append(
            run_case("default lab (11 VMs)", 11, [python, main_py, "--outdir", "out"], args.runs)
        )
        sizes = [int(s) for s in args.sizes.split(",") if s]
        for size in sizes:
            shape = biggest if size == most else lab_for(size, caps)
            if shape is None:
                skipped.append(size)
                continue
            if not shape:
                continue  # the default lab, measured above
            lab = Path(scratch) / f"lab{size}.yaml"
            lab.write_text(json.dumps(shape))  # JSON is YAML
            command = [python, main_py, "--lab", str(lab), "--outdir", "out"]
            rows.append(run_case(f"{size}-node lab", size, command, args.runs))
        if args.profile:
            stages = profile(python, root, Path(scratch), args.runs)
    load_after = load()
    print(
        f"synth benchmark of {root}: {os.cpu_count()} cores, median of {args.runs} fresh processes"
    )
    print(f"before: {load_before}; after: {load_after}")
    print(
        f"{'case':28} {'seconds':>8} {'CPU s':>7} {'peak RSS MiB':>13} {'x empty':>8} "
        f"{'CPU x empty':>12} {'ms/node':>8}"
    )
    floor = rows[0]
    for row in rows:
        per_node = f"{1000 * (row.cpu - floor.cpu) / row.nodes:8.1f}" if row.nodes else f"{'':8}"
        print(
            f"{row.name:28} {row.seconds:8.2f} {row.cpu:7.2f} {row.peak:13.0f} "
            f"{row.seconds / floor.seconds:8.2f} {row.cpu / floor.cpu:12.2f} {per_node}"
        )
    sized = [r for r in rows if r.nodes]
    if len(sized) >= 2:
        k_wall, _ = slope([(r.nodes, r.seconds) for r in sized])
        k_cpu, _ = slope([(r.nodes, r.cpu) for r in sized])
        print(f"slope: {1000 * k_wall:.1f} ms wall, {1000 * k_cpu:.1f} ms CPU per node")
        by = {r.nodes: r for r in sized}
        small, large = min(by), max(by)
        if small != large:
            cost = {n: (by[n].cpu - floor.cpu) / n for n in (small, large)}
            print(
                f"CPU per node above the empty stack: {1000 * cost[small]:.1f} ms at {small} "
                f"nodes, {1000 * cost[large]:.1f} ms at {large} "
                f"({cost[large] / cost[small]:.2f}x)"
            )
    for size in skipped:
        print(f"{size}-node lab: refused by the model's rules (the largest accepted has {most})")
    shape_text = ", ".join(
        f"{g} {biggest[g]['count']}" + (" + arbitrator" if biggest[g].get("arbitrator") else "")
        for g in GROUPS
    )
    print(f"largest lab every rule accepts (default networks): {most} nodes ({shape_text})")
    if stages:
        print()
        print("where the default lab's time goes (median per stage, one process):")
        print(f"{'stage':36} {'wall s':>7} {'Python CPU s':>13} {'Node CPU s':>11}")
        for name, wall, cpu, node in stages:
            print(f"{name:36} {wall:7.3f} {cpu:13.3f} {node:11.3f}")
        total = [sum(s[k] for s in stages) for k in (1, 2, 3)]
        print(f"{'total':36} {total[0]:7.3f} {total[1]:13.3f} {total[2]:11.3f}")


if __name__ == "__main__":
    main()
