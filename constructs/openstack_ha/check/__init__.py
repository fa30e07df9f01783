"""Every rendered file checked by the real program that will read it.

:func:`check_lab` writes a rendered lab to a folder and runs each checker
available on this machine over it; a checker whose program is missing gives
a ``missing`` row naming the package to install. :func:`format_table`
prints the rows as a table (checker, file, result).

Big labs hold many identical files (one haproxy.cfg on every load
balancer, one corosync.conf in a cluster): each checker runs once per
distinct input (the files' bytes, plus the node for checks that depend on
it) and its answer is given to every row with that input. The distinct
checks run in parallel on the machine's cores; ``progress`` (see
:func:`terminal_progress`) hears of every row as it is answered.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from openstack_ha.check.checkers import (
    check_cloud_init_batch,
    check_corosync,
    check_corosync_keys,
    check_galera_cnf,
    check_haproxy,
    check_keepalived,
    check_rabbitmq_conf,
)
from openstack_ha.check.pacemaker import FENCING_OFF_WARNINGS, crm_verify, crmsh_verify
from openstack_ha.check.tools import CheckResult
from openstack_ha.model.plan import Plan
from openstack_ha.render.tree import CIB_PATH, USER_DATA, LabRender, write_lab

__all__ = ["CheckResult", "Progress", "check_lab", "format_table", "terminal_progress"]

# Called once per row as it is answered: (rows answered, rows in all, the row).
Progress = Callable[[int, int, CheckResult], None]


@dataclass
class _Check:
    """One distinct check and the rows (labels) that share its answer."""

    run: Callable[[str], CheckResult]
    labels: list[str] = field(default_factory=list)


def _digest(*paths: Path) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes() if path.exists() else b"\0missing")
        sha.update(b"\0")
    return sha.hexdigest()


class _Jobs:
    """The rows in table order, the distinct checks behind them and the user-data files."""

    def __init__(self) -> None:
        self.rows: list[tuple[tuple[str, ...], str]] = []  # (check key, label)
        self.checks: dict[tuple[str, ...], _Check] = {}
        self.user_data: list[tuple[Path, str]] = []

    def add(self, key: tuple[str, ...], label: str, run: Callable[[str], CheckResult]) -> None:
        self.rows.append((key, label))
        self.checks.setdefault(key, _Check(run)).labels.append(label)


def _jobs(plan: Plan, lab: LabRender, root: Path) -> _Jobs:
    jobs = _Jobs()
    paths = plan.os.paths
    for tree in lab.nodes:
        host = tree.hostname
        base = root / host
        have = set(tree.paths())
        user_data = base / USER_DATA
        jobs.rows.append((("cloud-init", str(user_data)), f"{host}:{USER_DATA}"))
        jobs.user_data.append((user_data, f"{host}:{USER_DATA}"))
        if plan.haproxy.config_path in have:
            path = plan.haproxy.config_path
            cfg = _at(base, path)
            jobs.add(("haproxy", _digest(cfg)), f"{host}:{path}", partial(check_haproxy, cfg))
        if plan.galera.config_path in have:
            path = plan.galera.config_path
            cnf = _at(base, path)
            jobs.add(("mariadbd", _digest(cnf)), f"{host}:{path}", partial(check_galera_cnf, cnf))
        if paths.corosync_conf in have:
            path = paths.corosync_conf
            conf = _at(base, path)
            key = _at(base, "/etc/corosync/authkey.b64")
            jobs.add(
                ("corosync keys", _digest(conf)),
                f"{host}:{path}",
                partial(check_corosync_keys, conf),
            )
            # Depends on the node: its ring addresses go on the namespace's lo.
            jobs.add(
                ("corosync -t", _digest(conf, key), host),
                f"{host}:{path}",
                partial(check_corosync, conf, key, host),
            )
        if plan.rabbitmq.config_path in have:
            path = plan.rabbitmq.config_path
            conf = _at(base, path)
            plugins = _at(base, "/etc/rabbitmq/enabled_plugins")
            jobs.add(
                ("rabbitmq", _digest(conf, plugins)),
                f"{host}:{path}",
                partial(check_rabbitmq_conf, conf, plugins),
            )
        if plan.keepalived is not None and plan.keepalived.config_path in have:
            path = plan.keepalived.config_path
            conf = _at(base, path)
            jobs.add(
                ("keepalived", _digest(conf)), f"{host}:{path}", partial(check_keepalived, conf)
            )
    for cluster in plan.clusters:
        loader = min(cluster.full_members(), key=lambda m: m.nodeid or 0).hostname
        cib = _at(root / loader, CIB_PATH)
        what = f"{loader}:{CIB_PATH} ({cluster.name})"
        expected = () if plan.fencing.enabled else FENCING_OFF_WARNINGS
        digest = _digest(cib)
        jobs.add(
            ("crm_verify", digest, *expected), what, partial(_verify, crm_verify, cib, expected)
        )
        jobs.add(("crmsh", digest, *expected), what, partial(_verify, crmsh_verify, cib, expected))
    return jobs


def _verify(
    checker: Callable[[Path, str, Sequence[str]], CheckResult],
    cib: Path,
    expected: Sequence[str],
    label: str,
) -> CheckResult:
    return checker(cib, label, expected)


def _at(base: Path, path: str) -> Path:
    return base / path.lstrip("/")


def _relabel(result: CheckResult, label: str) -> CheckResult:
    return CheckResult(result.checker, label, result.status, result.detail)


def check_lab(
    plan: Plan,
    lab: LabRender,
    root: Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[CheckResult]:
    """Write ``lab`` under ``root`` and run every checker; rows in a stable order.

    ``workers``: checks run at once (default: the machine's cores).
    """
    write_lab(lab, root)
    jobs = _jobs(plan, lab, root)
    workers = max(1, workers or os.cpu_count() or 1)
    answers: dict[tuple[str, ...], CheckResult] = {}
    total, done = len(jobs.rows), 0

    def answered(key: tuple[str, ...], result: CheckResult, labels: Sequence[str]) -> None:
        nonlocal done
        answers[key] = result
        for label in labels:
            done += 1
            if progress is not None:
                progress(done, total, _relabel(result, label))

    # Distinct user-data files, in chunks so that cloud-init starts once per worker.
    distinct: dict[str, tuple[Path, str]] = {}
    same_as: dict[str, str] = {}
    for path, label in jobs.user_data:
        digest = _digest(path)
        first = distinct.setdefault(digest, (path, label))
        same_as[str(path)] = str(first[0])
    files = list(distinct.values())
    chunks = [files[i::workers] for i in range(min(workers, len(files)))]

    def batch_done(chunk: list[tuple[Path, str]], results: list[CheckResult]) -> None:
        for (path, _), result in zip(chunk, results, strict=True):
            labels = [label for p, label in jobs.user_data if same_as[str(p)] == str(path)]
            answered(("cloud-init", str(path)), result, labels)

    def check_done(key: tuple[str, ...], result: CheckResult) -> None:
        answered(key, result, jobs.checks[key].labels)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: dict[Future[Any], Callable[[Any], None]] = {}
        for chunk in chunks:
            futures[pool.submit(check_cloud_init_batch, chunk)] = partial(batch_done, chunk)
        for key, check in jobs.checks.items():
            futures[pool.submit(check.run, check.labels[0])] = partial(check_done, key)
        for future in as_completed(futures):
            futures[future](future.result())
    out = []
    for key, label in jobs.rows:
        answer = ("cloud-init", same_as[key[1]]) if key[0] == "cloud-init" else key
        out.append(_relabel(answers[answer], label))
    return out


def terminal_progress(stream: TextIO = sys.stderr) -> Progress | None:
    """A ``Progress`` that keeps one status line on ``stream``; None when it is no terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, result: CheckResult) -> None:
        line = f"checking {done}/{total}: {result.checker} {result.target}"
        stream.write(f"\r\x1b[K{line[:100]}")
        if done == total:
            stream.write("\r\x1b[K")
        stream.flush()

    return show


def format_table(results: Sequence[CheckResult]) -> str:
    """``checker  file  result`` rows; failures and missing programs carry their detail."""
    rows = [(r.checker, r.target, r.status.upper() if not r.ok else "ok") for r in results]
    w1 = max([len("checker"), *(len(r[0]) for r in rows)])
    w2 = max([len("file"), *(len(r[1]) for r in rows)])
    lines = [f"{'checker':<{w1}}  {'file':<{w2}}  result", f"{'-' * w1}  {'-' * w2}  ------"]
    for (checker, target, status), result in zip(rows, results, strict=True):
        lines.append(f"{checker:<{w1}}  {target:<{w2}}  {status}")
        if not result.ok and result.detail:
            lines += [f"{'':<{w1}}    {d}" for d in result.detail.splitlines()]
    return "\n".join(lines) + "\n"
