"""Pacemaker's own scheduler on the rendered CIB: ``crm_simulate`` scenarios.

A scenario starts from the steady state: the rendered CIB with a synthetic
status (quorum, every member online), Galera promotion seeded (the
simulator runs no agent, so the transient attribute that ``crm_attribute -N
<node> -n master-galera -v 100 -l reboot`` would write stands in for what
the galera agent sets), simulated once from empty with ``-S -O``. Then:

- ``node loss``: ``--node-fail`` for one node (or several);
- ``quorum loss``: the survivors' view without quorum. crm_simulate
  2.1.5's ``--quorum`` flag did not change anything here, so the input's
  ``have-quorum`` is set to 0 instead;
- ``resource failure``: ``--op-inject <rsc>_monitor_<ms>@<node>=7``
  (a monitor finding the instance stopped), e.g. Galera on one node.

Results come from ``--output-as=xml``: fencing actions, resource actions
(start, stop, move, recover, promote, demote...) and the placement before
and after. :func:`failure_matrix` judges each single-node loss: the node is
fenced (when fencing is on), every singleton it ran moves to a survivor,
nothing on a survivor stops or restarts; quorum loss stops everything and
fences nobody; a Galera failure touches nothing outside its node (the
interleave bug restarts HAProxy on every node).

Failure classes: a node's loss is judged by what ran on it, so members that
ran the same resources in the same roles in the steady state (any one fence
device counting as "a fence device", since each node runs another's) and
carry the same location constraints lose the same way. The matrix simulates
one member per class (``Scenario.stands_for`` names the others) and runs the
scenarios in parallel; ``fold=False`` simulates every member.
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from openstack_ha.check.pacemaker import wrap_with_status
from openstack_ha.check.tools import Tool, find_tool, run
from openstack_ha.model.plan import PacemakerCluster

__all__ = [
    "Placement",
    "RscAction",
    "Scenario",
    "SimulationError",
    "banned_nodes",
    "failure_classes",
    "failure_matrix",
    "format_scenario",
    "judge_node_loss",
    "simulate",
    "steady_state",
]

# resource id (clone instances folded to their primitive) -> sorted (node, role)
Placement = dict[str, tuple[tuple[str, str], ...]]


class SimulationError(RuntimeError):
    """crm_simulate is missing or failed."""


@dataclass(frozen=True)
class RscAction:
    action: str
    resource: str  # primitive id ("galera"), clone instance suffix dropped
    instance: str  # as crm_simulate names it ("galera:0")
    node: str | None = None
    source: str | None = None
    dest: str | None = None
    role: str | None = None
    reason: str | None = None

    def nodes(self) -> set[str]:
        return {n for n in (self.node, self.source, self.dest) if n}

    def __str__(self) -> str:
        if self.action == "move":
            where = f"{self.source} -> {self.dest}"
        else:
            # crm_simulate names a restart's node "source", the others' "node".
            where = self.node or self.source or "?"
        role = f" ({self.role})" if self.role else ""
        return f"{self.action} {self.instance}{role} on {where}"


@dataclass
class Scenario:
    name: str
    cluster: str
    fenced: tuple[str, ...] = ()
    actions: tuple[RscAction, ...] = ()
    before: Placement = field(default_factory=dict)
    after: Placement = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # Members of the same failure class whose loss this scenario stands for.
    stands_for: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def _tool(name: str) -> Tool:
    tool = find_tool(name)
    if tool.path is None:
        raise SimulationError(tool.missing_detail)
    return tool


def _placement(status: ET.Element | None) -> Placement:
    out: dict[str, list[tuple[str, str]]] = {}
    if status is None:
        return {}
    for rsc in status.iter("resource"):
        rid = rsc.get("id", "")
        if rsc.get("active") != "true":
            continue
        for node in rsc.findall("node"):
            out.setdefault(rid, []).append((node.get("name", ""), rsc.get("role", "")))
    return {k: tuple(sorted(v)) for k, v in sorted(out.items())}


def _parse(xml_text: str, name: str, cluster: str) -> Scenario:
    root = ET.fromstring(xml_text)
    status = root.find("status")
    if status is not None and status.get("code") not in (None, "0"):
        raise SimulationError(f"crm_simulate failed: {status.get('message')}")
    fenced: list[str] = []
    actions: list[RscAction] = []
    acts = root.find("actions")
    if acts is not None:
        for el in acts:
            if el.tag == "node_action" and el.get("task", "").startswith("Fence"):
                fenced.append(el.get("node", ""))
            elif el.tag == "rsc_action":
                instance = el.get("resource", "")
                actions.append(
                    RscAction(
                        action=el.get("action", ""),
                        resource=instance.split(":", 1)[0],
                        instance=instance,
                        node=el.get("node"),
                        source=el.get("source"),
                        dest=el.get("dest"),
                        role=el.get("role"),
                        reason=el.get("reason"),
                    )
                )
    return Scenario(
        name=name,
        cluster=cluster,
        fenced=tuple(sorted(fenced)),
        actions=tuple(actions),
        before=_placement(root.find("cluster_status/resources")),
        after=_placement(root.find("revised_cluster_status/resources")),
    )


def _timeout_s(cib: Path) -> float:
    # The scheduler's work grows with the nodes and resources in the CIB.
    root = ET.parse(cib).getroot()
    nodes = len(root.findall("configuration/nodes/node"))
    return 60.0 + 3.0 * nodes


def _promotable(cib_text: str, nodes: Sequence[str]) -> str:
    """The CIB with ``master-galera=100`` set for ``nodes`` until reboot.

    What ``crm_attribute -N NODE -n master-galera -v 100 -l reboot`` writes
    (a transient attribute in the node's status), written in one pass: each
    crm_attribute run rereads and rewrites the whole CIB.
    """
    if not nodes:
        return cib_text
    root = ET.fromstring(cib_text)
    wanted = set(nodes)
    for state in root.findall("status/node_state"):
        uname = state.get("uname", "")
        if uname not in wanted:
            continue
        wanted.discard(uname)
        node_id = state.get("id", "")
        transient = ET.SubElement(state, "transient_attributes", {"id": node_id})
        attrs = ET.SubElement(transient, "instance_attributes", {"id": f"status-{node_id}"})
        ET.SubElement(
            attrs,
            "nvpair",
            {"id": f"status-{node_id}-master-galera", "name": "master-galera", "value": "100"},
        )
    if wanted:
        raise SimulationError(f"no such node to promote: {', '.join(sorted(wanted))}")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="unicode") + "\n"


def steady_state(cib_text: str, workdir: Path, *, promote: Sequence[str] = ()) -> Path:
    """The steady-state CIB (everything started) in ``workdir``; returns its path.

    ``promote``: nodes whose Galera instance is seeded as promotable.
    """
    simulate_tool = _tool("crm_simulate")
    start = workdir / "start.xml"
    start.write_text(_promotable(wrap_with_status(cib_text), promote))
    steady = workdir / "steady.xml"
    done = run(
        [simulate_tool.path or "crm_simulate", "-x", str(start), "-S", "-O", str(steady)],
        timeout_s=_timeout_s(start),
    )
    if done.returncode != 0 or not steady.exists():
        raise SimulationError(f"crm_simulate (steady state): {done.output}")
    return steady


def simulate(
    steady: Path,
    *,
    name: str,
    cluster: str,
    fail: Sequence[str] = (),
    quorum: bool = True,
    inject: Sequence[str] = (),
) -> Scenario:
    """One scenario from the steady state (see the module docstring)."""
    tool = _tool("crm_simulate")
    with tempfile.TemporaryDirectory(prefix="oha-sim-") as tmp:
        source = steady
        if not quorum:
            root = ET.parse(steady).getroot()
            root.set("have-quorum", "0")
            source = Path(tmp) / "noquorum.xml"
            source.write_text(ET.tostring(root, encoding="unicode"))
        argv = [tool.path or "crm_simulate", "-x", str(source), "-S", "--output-as=xml"]
        for node in fail:
            argv += ["--node-fail", node]
        for spec in inject:
            argv += ["--op-inject", spec]
        done = run(argv, timeout_s=_timeout_s(source))
    if done.returncode != 0:
        raise SimulationError(f"crm_simulate ({name}): {done.output}")
    return _parse(done.stdout, name, cluster)


def _galera_monitor_ms(cluster: PacemakerCluster) -> int | None:
    for prim in cluster.primitives:
        if prim.id == "galera":
            for op in prim.ops:
                if op.name == "monitor" and op.role == "Promoted":
                    return op.interval_s * 1000
    return None


def judge_node_loss(
    s: Scenario, lost: set[str], fencing: bool, survivors: set[str], banned: dict[str, set[str]]
) -> None:
    """Record in ``s.problems`` what a node loss must not do (see the module docstring)."""
    for node in sorted(lost):
        if fencing and node not in s.fenced:
            s.problems.append(f"{node} is not fenced")
    others = [n for n in s.fenced if n not in lost]
    if others:
        s.problems.append(f"also fences {', '.join(others)}")
    for rid, placed in s.before.items():
        nodes = {n for n, _ in placed}
        after_nodes = {n for n, _ in s.after.get(rid, ())}
        allowed = survivors - banned.get(rid, set())
        if len(placed) == 1 and nodes <= lost and allowed and not after_nodes - lost:
            s.problems.append(f"{rid} ran on {', '.join(sorted(nodes))} and runs nowhere after")
        survivors_before = {(n, r) for n, r in placed if n not in lost}
        survivors_after = set(s.after.get(rid, ()))
        for node, role in sorted(survivors_before - survivors_after):
            s.problems.append(f"{rid} ({role}) on survivor {node} stopped or changed role")
    for act in s.actions:
        if act.action in ("move", "start", "promote"):
            continue
        if act.nodes() and act.nodes() <= lost:
            continue  # stopping what ran on a lost node is the point
        s.problems.append(f"{act} disturbs a survivor")


def banned_nodes(cluster: PacemakerCluster) -> dict[str, set[str]]:
    """resource → nodes it may never run on (a fence device avoids its own target)."""
    banned: dict[str, set[str]] = {}
    for loc in cluster.locations:
        if loc.score == "-INFINITY":
            banned.setdefault(loc.rsc, set()).add(loc.node)
    return banned


def failure_classes(
    cluster: PacemakerCluster, steady: Placement, members: Sequence[str]
) -> list[tuple[str, ...]]:
    """``members`` grouped by what their loss takes away (see the module docstring).

    Each group is in member order; its first member stands for the others.
    """
    stonith = {p.id for p in cluster.primitives if p.agent_class == "stonith"}

    def kind(rid: str) -> str:
        return "a fence device" if rid in stonith else rid

    keys: dict[str, list[tuple[str, ...]]] = {m: [] for m in members}
    for rid, placed in steady.items():
        for node, role in placed:
            if node in keys:
                keys[node].append(("runs", kind(rid), role, str(len(placed) == 1)))
    for loc in cluster.locations:
        if loc.node in keys:
            keys[loc.node].append(("location", kind(loc.rsc), loc.score))
    classes: dict[tuple[tuple[str, ...], ...], list[str]] = {}
    for member in members:
        classes.setdefault(tuple(sorted(keys[member])), []).append(member)
    return [tuple(group) for group in classes.values()]


def failure_matrix(
    cluster: PacemakerCluster,
    cib_text: str,
    *,
    fold: bool = True,
    workers: int | None = None,
) -> list[Scenario]:
    """Every single-node loss (one per failure class when ``fold``), quorum loss and
    (with Galera) a Galera failure, judged; scenarios run ``workers`` at a time
    (default: the machine's cores)."""
    full = [m.hostname for m in cluster.full_members()]
    galera = "galera" in cluster.duties
    fencing = cluster.properties.get("stonith-enabled") == "true"
    banned = banned_nodes(cluster)
    with tempfile.TemporaryDirectory(prefix="oha-matrix-") as tmp:
        steady = steady_state(cib_text, Path(tmp), promote=full if galera else ())
        baseline = simulate(steady, name="steady state", cluster=cluster.name)
        for action in baseline.actions:
            baseline.problems.append(f"not settled: {action}")
        classes = failure_classes(cluster, baseline.after, full) if fold else [(m,) for m in full]
        jobs: list[Callable[[], Scenario]] = [
            partial(_node_loss, steady, cluster, group, fencing, banned) for group in classes
        ]
        jobs.append(partial(_quorum_loss, steady, cluster))
        interval = _galera_monitor_ms(cluster)
        if galera and interval is not None:
            jobs.append(partial(_galera_failure, steady, cluster, full[0], interval))
        with ThreadPoolExecutor(max_workers=max(1, workers or os.cpu_count() or 1)) as pool:
            return [baseline, *pool.map(lambda job: job(), jobs)]


def _node_loss(
    steady: Path,
    cluster: PacemakerCluster,
    group: tuple[str, ...],
    fencing: bool,
    banned: dict[str, set[str]],
) -> Scenario:
    node, *others = group
    full = {m.hostname for m in cluster.full_members()}
    s = simulate(steady, name=f"lose {node}", cluster=cluster.name, fail=[node])
    judge_node_loss(s, {node}, fencing, full - {node}, banned)
    s.stands_for = tuple(others)
    return s


def _quorum_loss(steady: Path, cluster: PacemakerCluster) -> Scenario:
    s = simulate(steady, name="lose quorum", cluster=cluster.name, quorum=False)
    if s.fenced:
        s.problems.append(f"fences {', '.join(s.fenced)} without quorum")
    policy = cluster.properties.get("no-quorum-policy", "stop")
    if policy == "stop" and s.after:
        s.problems.append(f"still running without quorum: {', '.join(sorted(s.after))}")
    return s


def _galera_failure(steady: Path, cluster: PacemakerCluster, node: str, interval: int) -> Scenario:
    s = simulate(
        steady,
        name=f"galera fails on {node}",
        cluster=cluster.name,
        inject=[f"galera_monitor_{interval}@{node}=7"],
    )
    for act in s.actions:
        # Dependants on the failed node may restart with it; anything
        # elsewhere is the interleave bug.
        if act.nodes() != {node}:
            s.problems.append(f"{act}: nothing outside {node} should be touched")
    if not any(a.resource == "galera" for a in s.actions):
        s.problems.append(f"Galera on {node} is not recovered")
    return s


def format_scenario(s: Scenario) -> list[str]:
    """Human lines: what is fenced, what moves where, what stops/starts."""
    head = f"{s.cluster}: {s.name}: {'ok' if s.ok else 'PROBLEM'}"
    lines = [head]
    if s.name == "steady state":
        for rid, placed in s.after.items():
            where = ", ".join(
                f"{n}" + (f" ({r})" if r not in ("Started", "") else "") for n, r in placed
            )
            lines.append(f"    {rid}: {where}")
    else:
        if s.fenced:
            lines.append(f"    fences {', '.join(s.fenced)}")
        for act in s.actions:
            reason = f" [{act.reason}]" if act.reason else ""
            lines.append(f"    {act}{reason}")
        if not s.fenced and not s.actions:
            lines.append("    nothing to do")
        if s.stands_for:
            lines.append(
                f"    stands for the loss of {', '.join(s.stands_for)} (same failure class)"
            )
    lines += [f"    problem: {p}" for p in s.problems]
    return lines
