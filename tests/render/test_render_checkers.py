"""Every rendered file through its real checker, on every scenario; and proof each checker bites.

Marked ``checkers``: they need the Debian programs (``scripts/apt-deps``).
Here a missing program skips; in CI (``CI=true``) it fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from render_helpers import ALL_SCENARIOS, plan_of, rendered

from openstack_ha.check import check_lab, format_table
from openstack_ha.check.checkers import (
    check_cloud_init,
    check_corosync,
    check_galera_cnf,
    check_haproxy,
    check_keepalived,
    check_rabbitmq_conf,
)
from openstack_ha.check.pacemaker import crm_verify, crmsh_verify
from openstack_ha.check.tools import CheckResult
from openstack_ha.render.tree import write_lab

pytestmark = pytest.mark.checkers

PROGRAMS = ("haproxy", "crm_verify", "crm", "corosync", "cloud-init", "mariadbd", "keepalived")


@pytest.fixture
def programs(require_programs: Callable[..., None]) -> None:
    require_programs(*PROGRAMS)
    if not Path("/usr/lib/rabbitmq/lib").is_dir():
        require_programs("rabbitmq-server")  # reported as missing with its package


@pytest.mark.parametrize("name", sorted(ALL_SCENARIOS))
def test_every_file_of_every_scenario_passes_its_real_checker(
    name: str, tmp_path: Path, programs: None
) -> None:
    plan = plan_of(name)
    results = check_lab(plan, rendered(name), tmp_path)
    assert all(r.ok for r in results), format_table(results)
    counts = Counter(r.checker for r in results)
    full_members = sum(len(c.full_members()) for c in plan.clusters)
    assert counts["cloud-init schema"] == len(plan.nodes)
    assert counts["corosync -t"] == full_members
    assert counts["corosync keys"] == full_members
    assert counts["crm_verify"] == counts["crm configure verify"] == len(plan.clusters)
    assert counts["haproxy -c"] == len(plan.haproxy.nodes)
    assert counts["mariadbd --help"] == len(plan.galera.members)
    assert counts["rabbitmq.conf keys"] == len(plan.rabbitmq.members)
    keepalived = plan.keepalived.nodes if plan.keepalived else ()
    assert counts["keepalived -t"] == len(keepalived)


# ---------------------------------------------------------------- each checker can fail


@pytest.fixture
def lab_dir(tmp_path: Path) -> Path:
    write_lab(rendered("keepalived-arbitrator"), tmp_path / "ka")
    write_lab(rendered("dedicated"), tmp_path / "lab")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def _failed(result: CheckResult, needle: str) -> None:
    assert result.status == "fail", result
    assert needle in result.detail, result.detail


def test_haproxy_zero_warning_mode_fails_on_a_warning(lab_dir: Path, programs: None) -> None:
    cfg = lab_dir / "lab/lb1/etc/haproxy/haproxy.cfg"
    assert check_haproxy(cfg, "x").ok
    # No timeouts in defaults: HAProxy only warns, -dW makes it fatal.
    _edit(cfg, "    timeout client 1m\n", "")
    _failed(check_haproxy(cfg, "x"), "timeout")


def test_crm_verify_and_crmsh_catch_what_each_checks(lab_dir: Path, programs: None) -> None:
    cib = lab_dir / "lab/db1/etc/openstack-ha/cib.xml"
    assert crm_verify(cib, "x").ok
    assert crmsh_verify(cib, "x").ok
    # A constraint on a resource that does not exist: the scheduler's view.
    _edit(cib, 'rsc="fence-db1" node="db1"', 'rsc="fence-db9" node="db1"')
    _failed(crm_verify(cib, "x"), "fence-db9")
    _edit(cib, 'rsc="fence-db9" node="db1"', 'rsc="fence-db1" node="db1"')
    # A parameter the agent does not have: only crmsh asks the agent.
    _edit(cib, 'name="enable_creation"', 'name="enable_creaton"')
    assert crm_verify(cib, "x").ok
    _failed(crmsh_verify(cib, "x"), 'parameter "enable_creaton" is not known')


def test_corosync_t_checks_values_and_the_key_length(lab_dir: Path, programs: None) -> None:
    conf = lab_dir / "lab/lb1/etc/corosync/corosync.conf"
    key = lab_dir / "lab/lb1/etc/corosync/authkey.b64"
    assert check_corosync(conf, key, "lb1", "x").ok
    _failed(check_corosync(conf, key, "nope", "x"), "nope is not in the nodelist")
    # corosync wants at least 1024 bits of key.
    short = key.with_name("short.b64")
    short.write_text("c2hvcnQta2V5LW9mLTE2Yg==")
    _failed(check_corosync(conf, short, "lb1", "x"), "minimum 1024 bits")
    _edit(conf, "link_mode: passive", "link_mode: passiv")
    _failed(check_corosync(conf, key, "lb2", "x"), 'Knet link mode "passiv"')


def test_cloud_init_schema_rejects_an_integer_mode(lab_dir: Path, programs: None) -> None:
    user_data = lab_dir / "lab/ctl1/user-data"
    assert check_cloud_init(user_data, "x").ok
    _edit(user_data, "permissions: '0644'", "permissions: 420")
    _failed(check_cloud_init(user_data, "x"), "permissions")


def test_mariadbd_rejects_unknown_options_and_non_row_binlogs(
    lab_dir: Path, programs: None
) -> None:
    cnf = lab_dir / "lab/db1/etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf"
    assert check_galera_cnf(cnf, "x").ok
    _edit(cnf, "binlog_format = ROW", "binlog_format = MIXED")
    _failed(check_galera_cnf(cnf, "x"), "Only binlog_format= 'ROW'")
    _edit(cnf, "binlog_format = MIXED", "binlog_format = ROW\nwsrep_slave_threadz = 4")
    _failed(check_galera_cnf(cnf, "x"), "unknown variable 'wsrep_slave_threadz=4'")


def test_rabbitmq_keys_unknown_to_310_are_refused(lab_dir: Path, programs: None) -> None:
    conf = lab_dir / "lab/mq1/etc/rabbitmq/rabbitmq.conf"
    plugins = lab_dir / "lab/mq1/etc/rabbitmq/enabled_plugins"
    assert check_rabbitmq_conf(conf, plugins, "x").ok
    # management.* keys exist only with the management plugin enabled.
    _failed(check_rabbitmq_conf(conf, None, "x"), "unknown key 'management.tcp.ip'")
    _edit(conf, "loopback_users.guest = true", "default_queue_type = quorum")
    _failed(check_rabbitmq_conf(conf, plugins, "x"), "unknown key 'default_queue_type'")


def test_keepalived_t_fails_on_an_out_of_range_router_id(lab_dir: Path, programs: None) -> None:
    conf = lab_dir / "ka/lb1/etc/keepalived/keepalived.conf"
    assert check_keepalived(conf, "x").ok
    _edit(conf, "    virtual_router_id 51\n", "    virtual_router_id 999\n")
    _failed(check_keepalived(conf, "x"), "VRID '999' not valid")
