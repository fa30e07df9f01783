"""The live-test harness itself: networks, private trees, kills, teardown."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import Attachment, Lab, NetnsClient, Network, NodeSpec, runid, wait_until
from harness.prereq import require

pytestmark = pytest.mark.live

MGMT = Network("management", "10.91.0.0/24")
STOR = Network("storage", "10.92.0.0/24")
HERE = Path(__file__).resolve()
SELFTEST_ENV = "OHA_LIVE_SELFTEST"


def spec(name: str, *atts: tuple[Network, str, str]) -> NodeSpec:
    return NodeSpec(name, tuple(Attachment(net.name, ifname, addr) for net, ifname, addr in atts))


def three_nodes() -> list[NodeSpec]:
    # a: management only; b: both networks; c: storage only.
    return [
        spec("a", (MGMT, "eth0", "10.91.0.11")),
        spec("b", (MGMT, "eth0", "10.91.0.12"), (STOR, "eth1", "10.92.0.12")),
        spec("c", (STOR, "eth1", "10.92.0.13")),
    ]


def pings(lab: Lab, node: str, address: str) -> bool:
    proc = lab.node(node).exec(["ping", "-c", "1", "-W", "1", address], check=False)
    return proc.returncode == 0


def test_nodes_reach_each_other_only_on_shared_networks(lab_factory) -> None:
    lab = lab_factory(networks=[MGMT, STOR], nodes=three_nodes())
    assert pings(lab, "a", "10.91.0.12")
    assert pings(lab, "b", "10.91.0.11")
    assert pings(lab, "b", "10.92.0.13")
    assert pings(lab, "c", "10.92.0.12")
    # Segregation: a and c share no network, and b's storage address is not
    # reachable from the management network (no routes, no forwarding).
    assert not pings(lab, "a", "10.92.0.13")
    assert not pings(lab, "a", "10.92.0.12")
    assert not pings(lab, "c", "10.91.0.12")
    # Only what the spec says is configured inside a node.
    links = lab.exec("b", ["ip", "-o", "-4", "addr", "show"])
    assert sorted(line.split()[3] for line in links.splitlines()) == [
        "10.91.0.12/24", "10.92.0.12/24", "127.0.0.1/8",
    ]


def test_cut_links_silences_a_node_and_restore_brings_it_back(lab_factory) -> None:
    lab = lab_factory(networks=[MGMT, STOR], nodes=three_nodes())
    lab.cut_links("b")
    assert not pings(lab, "a", "10.91.0.12")
    assert not pings(lab, "c", "10.92.0.12")
    lab.restore_links("b")
    wait_until(lambda: pings(lab, "a", "10.91.0.12"), timeout=10, what="a pings b again")
    assert pings(lab, "c", "10.92.0.12")


def test_each_node_sees_its_own_files_at_the_real_paths(lab_factory) -> None:
    nodes = [three_nodes()[0], spec("d", (MGMT, "eth0", "10.91.0.14"))]
    lab = lab_factory(networks=[MGMT], nodes=nodes, build=False)
    lab.node("a").stage_file("/etc/corosync/corosync.conf", "# node a\n", mode=0o640)
    lab.node("d").stage_file("/etc/corosync/corosync.conf", "# node d\n")
    lab.build()
    host_conf = Path("/etc/corosync/corosync.conf").read_text()
    assert lab.node("a").read_text("/etc/corosync/corosync.conf") == "# node a\n"
    assert lab.node("d").read_text("/etc/corosync/corosync.conf") == "# node d\n"
    assert Path("/etc/corosync/corosync.conf").read_text() == host_conf
    assert lab.exec("a", ["stat", "-c", "%a %U", "/etc/corosync/corosync.conf"]) == "640 root\n"
    # Packages' files and ownerships come through from the host.
    assert lab.exec("a", ["stat", "-c", "%U", "/var/lib/pacemaker/cib"]) == "hacluster\n"
    assert lab.exec("a", ["hostname"]) == "a\n"
    assert "10.91.0.14\td" in lab.node("a").read_text("/etc/hosts")
    # Writes stay in the node: /var on disk (upper layer), /run in memory.
    lab.exec("a", ["sh", "-c", "echo x > /var/lib/corosync/probe; echo y > /run/probe"])
    assert lab.node("a").upper("/var/lib/corosync/probe").read_text() == "x\n"
    assert not Path("/var/lib/corosync/probe").exists()
    assert lab.node("d").exec(["cat", "/run/probe"], check=False).returncode != 0
    assert not Path("/run/probe").exists()
    # Boot-time directories exist as on a VM (systemd-tmpfiles).
    assert lab.exec("a", ["stat", "-c", "%U", "/run/mysqld"]) == "mysql\n"
    # /sys shows the node's own interfaces.
    assert sorted(lab.exec("a", ["ls", "/sys/class/net"]).split()) == ["eth0", "lo"]
    # A restart empties /run but keeps /var.
    lab.crash("a")
    lab.restart_node("a")
    assert lab.node("a").exec(["cat", "/run/probe"], check=False).returncode != 0
    assert lab.exec("a", ["cat", "/var/lib/corosync/probe"]) == "x\n"


def test_killing_a_node_leaves_none_of_its_processes(lab_factory) -> None:
    lab = lab_factory(networks=[MGMT, STOR], nodes=three_nodes()[:2])
    # A plain daemon, a child that escapes with setsid() (as pacemaker's do),
    # and a double-forked grandchild (as epmd -daemon is).
    lab.start("a", "sleeper", ["sleep", "600"])
    lab.start("a", "setsid", ["sh", "-c", "setsid sleep 601 & exec sleep 602"])
    lab.start("a", "double-fork", ["sh", "-c", "(sh -c 'sleep 603 &') ; exec sleep 604"])
    lab.start("b", "other", ["sleep", "605"])
    wait_until(lambda: len(lab.pids("a")) >= 5, timeout=10, what="a's 5 processes")
    before = lab.pids("a")
    lab.kill_node("a")
    assert lab.pids("a") == []
    assert not [pid for pid in before if Path(f"/proc/{pid}").exists()
                and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert len(lab.pids("b")) == 1  # the other node is untouched


def test_client_thread_talks_inside_the_lab(lab_factory) -> None:
    lab = lab_factory(networks=[MGMT, STOR], nodes=three_nodes()[:2])
    lab.start("b", "listener", ["python3", "-c",
        "import socket;s=socket.create_server(('10.91.0.12',7000));c,_=s.accept();c.send(b'hi')"])
    import socket

    def fetch() -> bytes:
        with socket.create_connection(("10.91.0.12", 7000), timeout=2) as sock:
            return sock.recv(10)

    with NetnsClient(lab.node("a").netns) as client:
        got = wait_until(lambda: client.call(fetch), timeout=10, what="listener answers")
        # The worker thread, and only it, is in a's network namespace (never
        # try the address from the root namespace: its default route leads
        # off this machine).
        inside = client.call(lambda: os.readlink("/proc/thread-self/ns/net"))
    assert got == b"hi"
    netns_file = Path("/run/netns") / lab.node("a").netns
    assert inside == f"net:[{netns_file.stat().st_ino}]"
    assert os.readlink("/proc/thread-self/ns/net") != inside


def test_fence_standin_powers_the_target_off_for_real(lab_factory) -> None:
    nodes = [spec("a", (MGMT, "eth0", "10.91.0.11")),
             NodeSpec("b", (Attachment("management", "eth0", "10.91.0.12"),), aliases=("vm-b",))]
    lab = lab_factory(networks=[MGMT], nodes=nodes, fence_agents=["fence_xvm"])
    lab.start("b", "sleeper", ["sh", "-c", "setsid sleep 900 & exec sleep 901"])
    lab.exec("b", ["ip", "addr", "add", "10.91.0.100/24", "dev", "eth0"])  # a VIP it holds
    wait_until(lambda: len(lab.pids("b")) == 2, timeout=10, what="b's processes")
    # Pacemaker-fenced's calling convention: no arguments, key=value on stdin.
    agent = lab.node("a").exec(["/usr/sbin/fence_xvm"], check=False,
                               input_bytes=b"action=metadata\n")
    assert agent.returncode == 0
    assert 'resource-agent name="fence_xvm"' in agent.stdout  # the real agent's metadata
    status = lab.node("a").exec(["/usr/sbin/fence_xvm"], check=False,
                                input_bytes=b"action=status\nport=vm-b\n")
    assert status.returncode == 0  # on
    off = lab.node("a").exec(["/usr/sbin/fence_xvm"], check=False,
                             input_bytes=b"action=reboot\nport=vm-b\nkey_file=/x\n")
    assert off.returncode == 0, off.stderr
    assert lab.pids("b") == []
    assert lab.holders("10.91.0.100") == []
    assert not pings(lab, "a", "10.91.0.12")  # links cut
    assert [(r.action, r.node, r.requester) for r in lab.fence.fenced("b")] == [
        ("reboot", "b", "a")]
    status = lab.node("a").exec(["/usr/sbin/fence_xvm"], check=False,
                                input_bytes=b"action=status\nport=vm-b\n")
    assert status.returncode == 2  # off
    unknown = lab.node("a").exec(["/usr/sbin/fence_xvm"], check=False,
                                 input_bytes=b"action=off\nport=nobody\n")
    assert unknown.returncode == 1
    # The host's real agent is untouched.
    assert b"live-test harness" not in Path("/usr/sbin/fence_xvm").read_bytes()
    assert "live-test harness" in lab.exec("a", ["cat", "/usr/sbin/fence_xvm"])


def test_teardown_leaves_no_namespace_process_or_mount(lab_factory, tmp_path: Path) -> None:
    require()
    lab = Lab(tmp_path / "own", [MGMT, STOR], three_nodes(), fence_agents=["fence_xvm"])
    try:
        lab.build()
        lab.start("a", "sleeper", ["sh", "-c", "setsid sleep 700 & exec sleep 701"])
        # A stray marked process in the ROOT namespace, as an Erlang CLI's
        # epmd would be: teardown must find it by its environment marker.
        subprocess.Popen(
            ["sh", "-c", "sleep 702 &"], env={**lab.node("a").env(), "PATH": os.environ["PATH"]},
            start_new_session=True,
        ).wait()
        wait_until(lambda: runid.marked_pids(lab.run_id.tag), timeout=5, what="marked processes")
        ns_names = [lab.switch.netns, *(n.netns for n in lab.nodes.values())]
        assert set(ns_names) <= set(runid.list_netns())
    finally:
        lab.teardown()
    assert lab.leftovers() == []
    assert not set(ns_names) & set(runid.list_netns())
    assert runid.marked_pids(lab.run_id.tag) == []
    with open("/proc/self/mountinfo") as fh:
        assert str(tmp_path / "own") not in fh.read()


# -- a failing or interrupted test still tears down -----------------------------

@pytest.mark.skipif(os.environ.get(SELFTEST_ENV) is None, reason="only run by the test below")
def test_selftest_inner(lab_factory) -> None:
    """Run in a child pytest by test_failing_tests_still_tear_down (never alone)."""
    lab = lab_factory(networks=[MGMT], nodes=three_nodes()[:1])
    lab.start("a", "sleeper", ["sleep", "800"])
    Path(os.environ[SELFTEST_ENV]).write_text(lab.run_id.tag)
    mode = os.environ.get(SELFTEST_ENV + "_MODE", "fail")
    if mode == "fail":
        raise AssertionError("deliberate failure")
    if mode == "interrupt":
        raise KeyboardInterrupt
    time.sleep(120)  # "sigterm": wait to be terminated by the parent


@pytest.mark.parametrize("mode", ["fail", "interrupt", "sigterm"])
def test_failing_tests_still_tear_down(live_session, tmp_path: Path, mode: str) -> None:
    marker = tmp_path / "tag"
    env = {**os.environ, SELFTEST_ENV: str(marker), SELFTEST_ENV + "_MODE": mode}
    env.pop("PYTEST_ADDOPTS", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{HERE}::test_selftest_inner", "--basetemp", str(tmp_path / "inner")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=HERE.parents[2],
    )
    try:
        if mode == "sigterm":
            wait_until(marker.exists, timeout=60, what="child lab up")
            child.send_signal(signal.SIGTERM)
        out, _ = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    text = out.decode(errors="replace")
    assert child.returncode != 0, text
    assert marker.exists(), text
    tag = marker.read_text()
    assert [n for n in runid.list_netns() if n.startswith(tag + "-")] == [], text
    assert runid.marked_pids(tag) == [], text
    with open("/proc/self/mountinfo") as fh:
        assert f"/{tag}-ns" not in fh.read(), text
