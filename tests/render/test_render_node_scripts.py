"""The programs copied onto the nodes: Galera bootstrap selection and the clustercheck responder.

Unit tests of the decision rule, then the real files run as the nodes run
them (``python3 <file>``, standard library only) with peers on loopback
addresses: each "node" serves its position through its own clustercheck.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from openstack_ha.render.node_scripts import clustercheck as cc
from openstack_ha.render.node_scripts import galera_bootstrap as gb
from openstack_ha.render.tree import node_script

P = gb.Position
UUID = "6c7a4f2e-0000-11ee-8000-000000000001"
MEMBERS = ["db1", "db2", "db3"]


# ---------------------------------------------------------------- the decision rule


def test_first_boot_lowest_name_bootstraps_the_others_join_it() -> None:
    positions = {n: P(n) for n in MEMBERS}
    assert gb.decide("db1", MEMBERS, positions) == gb.Decision(
        "bootstrap", "db1", "first boot (no member has a history): the lowest name, db1, bootstraps"
    )
    assert gb.decide("db3", MEMBERS, positions).action == "join"
    assert gb.decide("db3", MEMBERS, positions).leader == "db1"


def test_safe_to_bootstrap_wins_over_seqno_and_name() -> None:
    positions = {
        "db1": P("db1", UUID, 90),
        "db2": P("db2", UUID, 100),
        "db3": P("db3", UUID, 100, safe_to_bootstrap=True),
    }
    decision = gb.decide("db3", MEMBERS, positions)
    assert (decision.action, decision.leader) == ("bootstrap", "db3")
    assert decision.reason == "db3 has safe_to_bootstrap: 1 in grastate.dat"
    assert gb.decide("db2", MEMBERS, positions).action == "join"


def test_safe_to_bootstrap_is_enough_even_when_a_member_is_missing() -> None:
    positions = {"db2": P("db2", UUID, 7, safe_to_bootstrap=True)}
    assert gb.decide("db2", MEMBERS, positions).action == "bootstrap"


def test_after_a_crash_the_highest_recovered_seqno_bootstraps_ties_by_lowest_name() -> None:
    positions = {"db1": P("db1", UUID, 41), "db2": P("db2", UUID, 42), "db3": P("db3", UUID, 42)}
    decision = gb.decide("db2", MEMBERS, positions)
    assert decision == gb.Decision(
        "bootstrap", "db2", "db2 has the highest seqno (42), tied with db3; lowest name wins"
    )
    assert gb.decide("db3", MEMBERS, positions).action == "join"


def test_a_fresh_member_never_beats_one_with_history() -> None:
    positions = {"db1": P("db1"), "db2": P("db2", UUID, 3), "db3": P("db3")}
    assert gb.decide("db1", MEMBERS, positions).leader == "db2"


def test_nobody_bootstraps_while_a_position_is_unknown() -> None:
    positions = {"db1": P("db1", UUID, 50), "db2": P("db2", UUID, 40)}
    decision = gb.decide("db1", MEMBERS, positions)
    assert decision.action == "wait"
    assert decision.reason == (
        "no member is synced or safe to bootstrap, and the position of db3 is unknown: "
        "bootstrapping now could lose transactions"
    )


def test_a_synced_peer_means_join_whatever_the_positions() -> None:
    positions = {
        "db1": P("db1", UUID, 99, safe_to_bootstrap=True),
        "db3": P("db3", UUID, 10, synced=True),
    }
    decision = gb.decide("db1", MEMBERS, positions)
    assert (decision.action, decision.leader) == ("join", "db3")


def test_gather_polls_until_the_wait_ends_then_fails_with_the_fix() -> None:
    cfg = gb.Config(
        {
            "node": "db1",
            "members": [{"name": n, "address": "127.0.0.1"} for n in MEMBERS],
            "peer_timeout_s": 10,
            "poll_interval_s": 3,
        }
    )
    now = [0.0]
    answers: list[str] = []

    def fetch(_: gb.Config, name: str) -> gb.Position | None:
        answers.append(name)
        return P(name, UUID, 5) if name == "db2" else None

    def sleep(seconds: float) -> None:
        now[0] += seconds

    decision = gb.gather(cfg, P("db1", UUID, 6), fetch=fetch, sleep=sleep, clock=lambda: now[0])
    assert decision.action == "fail"
    assert decision.reason.startswith("gave up after 10 s: no member is synced")
    assert decision.reason.endswith("(set safe_to_bootstrap: 1 in its grastate.dat)")
    # Polled at 0, 3, 6, 9 and 12 s (the last poll after the deadline passed).
    assert answers.count("db3") == 5


def test_grastate_and_recovered_position_parsing() -> None:
    text = (
        f"# GALERA saved state\nversion: 2.1\nuuid:    {UUID}\nseqno:   -1\nsafe_to_bootstrap: 0\n"
    )
    assert gb.parse_grastate(text) == {
        "version": "2.1",
        "uuid": UUID,
        "seqno": "-1",
        "safe_to_bootstrap": "0",
    }
    log = f"2024-01-01 0 [Note] WSREP: Recovered position: {UUID}:1234\n"
    assert gb.parse_recovered(log) == (UUID, 1234)
    assert gb.parse_recovered("nothing here") is None


def test_local_position_and_marking_safe_to_bootstrap(tmp_path: Path) -> None:
    cfg = gb.Config({"node": "db1", "members": [], "datadir": str(tmp_path)})
    assert gb.local_position(cfg) == P("db1")  # no grastate.dat: a fresh member
    state = tmp_path / "grastate.dat"
    state.write_text(f"version: 2.1\nuuid: {UUID}\nseqno: 77\nsafe_to_bootstrap: 0\n")
    assert gb.local_position(cfg) == P("db1", UUID, 77, False)
    gb.mark_safe_to_bootstrap(cfg)
    assert state.read_text() == f"version: 2.1\nuuid: {UUID}\nseqno: 77\nsafe_to_bootstrap: 1\n"


# ---------------------------------------------------------------- clustercheck responses


def test_clustercheck_answers_200_only_when_synced() -> None:
    assert cc.parse_status("wsrep_local_state\t4\n") == 4
    assert cc.parse_status("") is None
    assert cc.response_for("/", 4, None)[0] == 200
    assert cc.response_for("/", 2, None) == (
        503,
        "Galera node is not synced (wsrep_local_state 2).\n",
    )
    assert cc.response_for("/", None, None)[0] == 503
    assert cc.response_for("/galera-position", 1, None)[0] == 404
    status, body = cc.response_for("/galera-position", 4, {"node": "db1", "seqno": 3})
    assert (status, json.loads(body)) == (200, {"node": "db1", "seqno": 3, "synced": True})


# ---------------------------------------------------------------- the real files on loopback


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_http(url: str, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout_s} s")


@pytest.fixture
def node_python() -> str:
    """The Python the nodes run: the system python3 when there is one."""
    return shutil.which("python3") or sys.executable


@pytest.fixture
def fake_cluster(tmp_path: Path, node_python: str) -> Iterator[tuple[Path, int]]:
    """Three members on 127.0.0.1-3 sharing one port, each with its clustercheck running."""
    port = _free_port()
    scripts = tmp_path / "bin"
    scripts.mkdir()
    (scripts / "clustercheck.py").write_text(node_script("clustercheck"))
    (scripts / "galera_bootstrap.py").write_text(node_script("galera_bootstrap"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for i, name in enumerate(MEMBERS, start=1):
            home = tmp_path / name
            (home / "data").mkdir(parents=True)
            # The fake client reports the state stored in a file, like `mariadb -N -B -e ...`.
            client = home / "mariadb"
            client.write_text(
                f'#!/bin/sh\nprintf "wsrep_local_state\\t%s\\n" "$(cat {home}/state)"\n'
            )
            client.chmod(0o755)
            (home / "state").write_text("0")
            procs.append(
                subprocess.Popen(
                    [
                        node_python,
                        str(scripts / "clustercheck.py"),
                        "--listen",
                        f"127.0.0.{i}:{port}",
                        "--client",
                        str(client),
                        "--client-cnf",
                        "",
                        "--position-file",
                        str(home / "position.json"),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            config = {
                "node": name,
                "members": [
                    {"name": n, "address": f"127.0.0.{j}"} for j, n in enumerate(MEMBERS, start=1)
                ],
                "datadir": str(home / "data"),
                "clustercheck_port": port,
                "position_file": str(home / "position.json"),
                "peer_timeout_s": 20,
                "poll_interval_s": 0.2,
                "bootstrap_command": ["sh", "-c", f"echo bootstrapped > {home}/started"],
                "join_command": [
                    "sh",
                    "-c",
                    f'echo "joined {{position}} $WSREP_START_POSITION" > {home}/started',
                ],
            }
            (home / "config.json").write_text(json.dumps(config))
        for i in (1, 2, 3):
            _wait_http(f"http://127.0.0.{i}:{port}/")
        yield tmp_path, port
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _run(node_python: str, root: Path, name: str, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            node_python,
            str(root / "bin" / "galera_bootstrap.py"),
            "--config",
            str(root / name / "config.json"),
            command,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_real_scripts_pick_the_highest_seqno_after_a_full_outage(
    fake_cluster: tuple[Path, int], node_python: str
) -> None:
    root, port = fake_cluster
    seqnos = {"db1": 10, "db2": 12, "db3": 12}
    for name, seqno in seqnos.items():
        (root / name / "data" / "grastate.dat").write_text(
            f"version: 2.1\nuuid: {UUID}\nseqno: {seqno}\nsafe_to_bootstrap: 0\n"
        )
    # Every member publishes its position (what `start` does first).
    for name in MEMBERS:
        assert _run(node_python, root, name, "position").returncode == 0
    with urllib.request.urlopen(f"http://127.0.0.3:{port}/galera-position", timeout=5) as resp:
        assert json.loads(resp.read()) == {
            "node": "db3",
            "uuid": UUID,
            "seqno": 12,
            "safe_to_bootstrap": 0,
            "synced": False,
        }
    decisions = {n: json.loads(_run(node_python, root, n, "decide").stdout) for n in MEMBERS}
    assert {n: (d["action"], d["leader"]) for n, d in decisions.items()} == {
        "db1": ("join", "db2"),
        "db2": ("bootstrap", "db2"),
        "db3": ("join", "db2"),
    }
    # `start` on the leader marks grastate safe and runs the bootstrap command.
    done = _run(node_python, root, "db2", "start")
    assert done.returncode == 0, done.stderr
    assert (root / "db2" / "started").read_text() == "bootstrapped\n"
    assert "safe_to_bootstrap: 1" in (root / "db2" / "data" / "grastate.dat").read_text()
    # Once db2 reports synced, db3 joins without waiting for anyone else.
    (root / "db2" / "state").write_text("4")
    done = _run(node_python, root, "db3", "start")
    assert done.returncode == 0, done.stderr
    assert (root / "db3" / "started").read_text() == f"joined {UUID}:12 {UUID}:12\n"
    assert "decision: join (db2 is synced: joining its cluster)" in done.stderr


def test_the_real_script_refuses_to_guess_when_a_member_stays_silent(
    fake_cluster: tuple[Path, int], node_python: str
) -> None:
    root, _ = fake_cluster
    for name in ("db1", "db2"):
        (root / name / "data" / "grastate.dat").write_text(
            f"version: 2.1\nuuid: {UUID}\nseqno: 5\nsafe_to_bootstrap: 0\n"
        )
        assert _run(node_python, root, name, "position").returncode == 0
    config = json.loads((root / "db1" / "config.json").read_text())
    config["peer_timeout_s"] = 1
    (root / "db1" / "config.json").write_text(json.dumps(config))
    done = _run(node_python, root, "db1", "start")
    assert done.returncode == 1
    assert "the position of db3 is unknown" in done.stderr
    assert not (root / "db1" / "started").exists()


def _synced_db1(root: Path, node_python: str) -> None:
    """db1 publishes a position and reports synced: the others join it."""
    (root / "db1" / "data" / "grastate.dat").write_text(
        f"version: 2.1\nuuid: {UUID}\nseqno: 7\nsafe_to_bootstrap: 0\n"
    )
    assert _run(node_python, root, "db1", "position").returncode == 0
    (root / "db1" / "state").write_text("4")


def test_the_real_script_joins_again_when_a_state_transfer_fails(
    fake_cluster: tuple[Path, int], node_python: str
) -> None:
    root, _ = fake_cluster
    _synced_db1(root, node_python)
    config = json.loads((root / "db2" / "config.json").read_text())
    attempts = root / "db2" / "attempts"
    started = root / "db2" / "started"
    # Fails the first time (as a concurrent SST can), succeeds the second.
    config["join_command"] = [
        "sh",
        "-c",
        f'echo x >> {attempts}; [ "$(wc -l < {attempts})" -ge 2 ] && echo joined > {started}',
    ]
    config["join_retry_delay_s"] = 0.1
    (root / "db2" / "config.json").write_text(json.dumps(config))
    done = _run(node_python, root, "db2", "start")
    assert done.returncode == 0, done.stderr
    assert attempts.read_text() == "x\nx\n"
    assert (root / "db2" / "started").read_text() == "joined\n"
    assert "the join failed (exit 1)" in done.stderr
    assert "joining (attempt 2 of 3)" in done.stderr


def test_the_real_script_stops_joining_after_its_attempts(
    fake_cluster: tuple[Path, int], node_python: str
) -> None:
    root, _ = fake_cluster
    _synced_db1(root, node_python)
    config = json.loads((root / "db2" / "config.json").read_text())
    config["join_command"] = ["sh", "-c", f"echo x >> {root}/db2/attempts; exit 3"]
    config["join_retry_delay_s"] = 0.1
    (root / "db2" / "config.json").write_text(json.dumps(config))
    done = _run(node_python, root, "db2", "start")
    assert done.returncode == 3
    assert (root / "db2" / "attempts").read_text() == "x\nx\nx\n"
