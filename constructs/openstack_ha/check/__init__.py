"""Every rendered file checked by the real program that will read it.

:func:`check_lab` writes a rendered lab to a folder and runs each checker
available on this machine over it; a checker whose program is missing gives
a ``missing`` row naming the package to install. :func:`format_table`
prints the rows as a table (checker, file, result).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from openstack_ha.check.checkers import (
    check_cloud_init,
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

__all__ = ["CheckResult", "check_lab", "format_table"]


def _jobs(plan: Plan, lab: LabRender, root: Path) -> list[Callable[[], CheckResult]]:
    jobs: list[Callable[[], CheckResult]] = []
    paths = plan.os.paths
    for tree in lab.nodes:
        host = tree.hostname
        base = root / host
        have = set(tree.paths())
        jobs.append(partial(check_cloud_init, base / USER_DATA, f"{host}:{USER_DATA}"))
        if plan.haproxy.config_path in have:
            path = plan.haproxy.config_path
            jobs.append(partial(check_haproxy, _at(base, path), f"{host}:{path}"))
        if plan.galera.config_path in have:
            path = plan.galera.config_path
            jobs.append(partial(check_galera_cnf, _at(base, path), f"{host}:{path}"))
        if paths.corosync_conf in have:
            path = paths.corosync_conf
            key = _at(base, "/etc/corosync/authkey.b64")
            jobs.append(partial(check_corosync_keys, _at(base, path), f"{host}:{path}"))
            jobs.append(partial(check_corosync, _at(base, path), key, host, f"{host}:{path}"))
        if plan.rabbitmq.config_path in have:
            path = plan.rabbitmq.config_path
            plugins = _at(base, "/etc/rabbitmq/enabled_plugins")
            jobs.append(partial(check_rabbitmq_conf, _at(base, path), plugins, f"{host}:{path}"))
        if plan.keepalived is not None and plan.keepalived.config_path in have:
            path = plan.keepalived.config_path
            jobs.append(partial(check_keepalived, _at(base, path), f"{host}:{path}"))
    for cluster in plan.clusters:
        loader = min(cluster.full_members(), key=lambda m: m.nodeid or 0).hostname
        cib = _at(root / loader, CIB_PATH)
        what = f"{loader}:{CIB_PATH} ({cluster.name})"
        expected = () if plan.fencing.enabled else FENCING_OFF_WARNINGS
        jobs.append(partial(crm_verify, cib, what, expected))
        jobs.append(partial(crmsh_verify, cib, what, expected))
    return jobs


def _at(base: Path, path: str) -> Path:
    return base / path.lstrip("/")


def check_lab(plan: Plan, lab: LabRender, root: Path, *, workers: int = 2) -> list[CheckResult]:
    """Write ``lab`` under ``root`` and run every checker; rows in a stable order."""
    write_lab(lab, root)
    jobs = _jobs(plan, lab, root)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda job: job(), jobs))


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
