"""The render, check and simulate commands through the real entry point."""

from __future__ import annotations

import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from openstack_ha.check import checkers as checkers_module
from openstack_ha.check.tools import Tool, find_tool
from openstack_ha.cli import main
from openstack_ha.render.secrets import Secrets

# The model's table of bad labs, one case per validation rule (tests/model).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "model"))
from test_model_rules import CASES, Case


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- render


def test_render_writes_one_folder_per_node(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["render", "--out", "lab"], capsys)
    assert code == 0
    assert err == "note: rendered with fake placeholder secrets (pass --secrets FILE to deploy)\n"
    assert out.splitlines()[0] == "ctl1: user-data + 3 files"
    assert out.splitlines()[-1] == "rendered 11 nodes into lab"
    assert sorted(p.name for p in (in_tmp / "lab").iterdir()) == [
        "ctl1",
        "ctl2",
        "ctl3",
        "db1",
        "db2",
        "db3",
        "lb1",
        "lb2",
        "mq1",
        "mq2",
        "mq3",
    ]
    cookie = in_tmp / "lab/mq1/var/lib/rabbitmq/.erlang.cookie"
    assert stat.S_IMODE(cookie.stat().st_mode) == 0o400
    assert (in_tmp / "lab/lb1/user-data").read_text().startswith("#cloud-config\n")
    # Nothing but the output folder: the staging folder is gone.
    assert [p.name for p in in_tmp.iterdir()] == ["lab"]


def test_render_never_clobbers_a_non_empty_folder_without_force(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "lab").mkdir()
    (in_tmp / "lab/keep.txt").write_text("mine")
    code, out, err = run(["render", "--out", "lab"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "error: --out lab: exists and is not an empty folder; pass --force to replace it\n"
    )
    assert (in_tmp / "lab/keep.txt").read_text() == "mine"
    code, _, _ = run(["render", "--out", "lab", "--force", "--lab", "collapsed.yaml"], capsys)
    assert code == 1  # no such lab file: still nothing replaced
    assert (in_tmp / "lab/keep.txt").exists()
    (in_tmp / "collapsed.yaml").write_text("layout: collapsed\n")
    code, _, _ = run(["render", "--out", "lab", "--force", "--lab", "collapsed.yaml"], capsys)
    assert code == 0
    assert sorted(p.name for p in (in_tmp / "lab").iterdir()) == ["node1", "node2", "node3"]


def test_render_takes_secrets_from_a_file(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values = {k: v for k, v in Secrets.for_tests().values().items() if v is not None}
    values["haproxy_stats_password"] = "from-the-file-42"
    (in_tmp / "secrets.yaml").write_text(yaml.safe_dump(values))
    code, _, err = run(["render", "--out", "lab", "--secrets", "secrets.yaml"], capsys)
    assert (code, err) == (0, "")
    assert (
        "stats auth admin:from-the-file-42\n"
        in (in_tmp / "lab/lb2/etc/haproxy/haproxy.cfg").read_text()
    )
    (in_tmp / "bad.yaml").write_text("haproxy_stats_pasword: x\n")
    code, _, err = run(["render", "--out", "other", "--secrets", "bad.yaml"], capsys)
    assert code == 1
    assert err.startswith("error: bad.yaml: unknown secrets ['haproxy_stats_pasword']; known: [")
    assert not (in_tmp / "other").exists()


def _cases() -> list[Case]:
    return list(CASES)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.id)
def test_a_bad_lab_prints_every_rule_message_and_writes_nothing(
    case: Case, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "lab.yaml").write_text(yaml.safe_dump(case.doc, sort_keys=False))
    code, out, err = run(["render", "--lab", "lab.yaml", "--out", "out"], capsys)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    for code_, loc, message in case.expected:
        where = f"{re.escape(loc)}: " if loc else ""
        pattern = rf"error: lab\.yaml(:\d+)?: {where}{re.escape(message)} \[{code_}\]"
        assert any(re.fullmatch(pattern, line) for line in lines), (pattern, err)
    count = len(case.expected)
    assert lines[-1] == f"{count} problem{'s' if count != 1 else ''} in lab.yaml"
    assert not (in_tmp / "out").exists()
    assert sorted(p.name for p in in_tmp.iterdir()) == ["lab.yaml"]


def test_fencing_off_warns_on_every_command(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], require_programs: Callable[..., None]
) -> None:
    (in_tmp / "lab.yaml").write_text("fencing: {agent: none}\n")
    warning = "warning: fencing.agent: fencing is switched off (stonith-enabled=false)"
    code, _, err = run(["render", "--lab", "lab.yaml", "--out", "out"], capsys)
    assert code == 0
    assert err.startswith(warning)
    require_programs("crm_simulate", "crm_attribute", "haproxy", "crm_verify", "crm")
    for argv in (["check", "--lab", "lab.yaml"], ["simulate", "--lab", "lab.yaml"]):
        code, _, err = run(argv, capsys)
        assert code == 0, err
        assert err.startswith(warning)


# ---------------------------------------------------------------- check and simulate


@pytest.mark.checkers
def test_check_prints_the_table_and_exits_0(
    capsys: pytest.CaptureFixture[str], require_programs: Callable[..., None]
) -> None:
    require_programs("haproxy", "crm_verify", "crm", "corosync", "cloud-init", "mariadbd")
    code, out, err = run(["check", "--strict"], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert re.fullmatch(r"checker +file +result", lines[0])
    assert "haproxy -c            lb1:/etc/haproxy/haproxy.cfg" in out
    assert lines[-1] == "33 checks: 33 ok, 0 failed, 0 missing a program"


@pytest.mark.checkers
def test_check_names_a_missing_checker_and_strict_fails_on_it(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    require_programs: Callable[..., None],
) -> None:
    require_programs("crm_verify", "crm", "corosync", "cloud-init", "mariadbd")

    def no_haproxy(name: str) -> Tool:
        return Tool(name, None) if name == "haproxy" else find_tool(name)

    monkeypatch.setattr(checkers_module, "find_tool", no_haproxy)
    code, out, err = run(["check"], capsys)
    assert code == 0
    assert re.search(r"haproxy -c +lb1:/etc/haproxy/haproxy.cfg +MISSING", out)
    assert "        haproxy: not installed (apt-get install haproxy)" in out
    assert err == "missing checker: haproxy: not installed (apt-get install haproxy)\n"
    assert out.splitlines()[-1] == "33 checks: 31 ok, 0 failed, 2 missing a program"
    code, _, _ = run(["check", "--strict"], capsys)
    assert code == 1


@pytest.mark.checkers
def test_simulate_one_failure_prints_what_is_fenced_and_what_moves(
    capsys: pytest.CaptureFixture[str], require_programs: Callable[..., None]
) -> None:
    require_programs("crm_simulate", "crm_attribute")
    code, out, err = run(["simulate", "--fail", "db1", "ctl1"], capsys)
    assert (code, err) == (0, "")
    assert out == (
        "ctl1: not a full member of any Pacemaker cluster; its loss changes nothing "
        "Pacemaker manages\n"
        "database: lose db1: ok\n"
        "    fences db1\n"
        "    move fence-db2 on db1 -> db3\n"
        "    move fence-db3 on db1 -> db2\n"
        "    stop galera:0 (Promoted) on db1 [node availability]\n"
        "1 scenarios run, 0 with problems\n"
    )


@pytest.mark.checkers
def test_simulate_without_fail_runs_the_whole_matrix(
    capsys: pytest.CaptureFixture[str], require_programs: Callable[..., None]
) -> None:
    require_programs("crm_simulate", "crm_attribute")
    code, out, _ = run(["simulate"], capsys)
    assert code == 0
    for head in (
        "database: lose db1: ok",
        "database: lose quorum: ok",
        "database: galera fails on db1: ok",
        "load_balancers: lose lb2: ok",
    ):
        assert head in out.splitlines()
    assert out.splitlines()[-1] == "10 scenarios run, 0 with problems"
    code, _, err = run(["simulate", "--fail", "db9"], capsys)
    assert code == 2
    assert err.startswith("error: --fail db9: no such node; nodes: ctl1, ctl2, ctl3, db1")


def test_render_can_pin_the_service_class(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["render", "--out", "lab", "--service-class", "systemd"], capsys)
    assert code == 0
    cib = (in_tmp / "lab/lb1/etc/openstack-ha/cib.xml").read_text()
    assert '<primitive id="haproxy" class="systemd" type="haproxy">' in cib
