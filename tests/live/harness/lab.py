"""A lab of nodes on segregated networks, with daemons, failures and teardown.

Typical use (the ``lab_factory`` fixture builds it and always tears it down)::

    lab = lab_factory(
        networks=[Network("management", "10.10.0.0/24")],
        nodes=[NodeSpec("db1", (Attachment("management", "eth0", "10.10.0.11"),)), ...],
    )
    lab.node("db1").stage_tree(rendered / "db1")   # before lab.build()
    lab.build()
    lab.start("db1", "mariadb", ["mariadbd", "--defaults-file=/etc/mysql/my.cnf"])
    lab.crash("db1")          # cut links + SIGKILL everything in its namespace
    lab.restart_node("db1")   # links back, /run and /tmp emptied as by a reboot

Teardown kills every process by PID (``ip netns pids`` per node, then any
process still carrying this run's environment marker, such as an ``epmd`` an
Erlang CLI double-forked), unmounts the namespace files and deletes the
namespaces, then *checks* that nothing is left (no namespace of ours, no
marked process, no mount under our namespace directory) and raises if
something is.
"""

from __future__ import annotations

import atexit
import functools
import ipaddress
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen
from typing import IO

from . import runid
from .fence import SHARED_DIR, FenceHost
from .network import Network, Switch
from .node import Node, NodeSpec
from .shell import run


@dataclass
class Daemon:
    """A long-running program we started in a node."""

    node: str
    name: str
    argv: tuple[str, ...]
    popen: Popen[bytes]
    log: Path
    _log_fh: IO[bytes]

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None


class Lab:
    def __init__(
        self,
        base: Path,
        networks: Sequence[Network],
        nodes: Sequence[NodeSpec],
        *,
        hosts_network: str | None = None,
        fence_agents: Sequence[str] = (),
        run_id: runid.RunId | None = None,
    ) -> None:
        """Describe a lab; nothing is created until :meth:`build`.

        ``hosts_network``: whose addresses go into every node's /etc/hosts
        (default: the first network). ``fence_agents``: real agent names
        (``fence_xvm``...) to replace by the harness stand-in in every node.
        """
        self.run_id = run_id or runid.RunId.current()
        self.base = base
        self.networks = {net.name: net for net in networks}
        if len(self.networks) != len(networks):
            raise ValueError(f"networks: duplicate names in {[n.name for n in networks]}")
        names = [spec.name for spec in nodes]
        if len(set(names)) != len(names) or "sw" in names:
            raise ValueError(f"nodes: names must be unique and not 'sw', got {names}")
        seen: dict[str, str] = {}
        for spec in nodes:
            for att in spec.attachments:
                net = self.networks.get(att.network)
                if net is None:
                    raise ValueError(
                        f"node {spec.name}: network {att.network!r} is not in this lab; "
                        f"known networks: {sorted(self.networks)}"
                    )
                net.check_address(att.address, f"node {spec.name} on {att.network}")
                if att.address in seen:
                    raise ValueError(
                        f"node {spec.name}: address {att.address} is already node "
                        f"{seen[att.address]}'s; give every interface its own address"
                    )
                seen[att.address] = spec.name
        self.switch = Switch(self.run_id.netns("sw"), self.networks)
        ns_dir = base / f"{self.run_id.tag}-ns"
        self.ns_dir = ns_dir
        self.nodes = {
            spec.name: Node(spec, i + 1, self.run_id, base / "nodes", ns_dir)
            for i, spec in enumerate(nodes)
        }
        self.hosts_network = hosts_network or next(iter(self.networks))
        self.fence_agents = list(fence_agents)
        self.fence = FenceHost(base / "fence", self._resolve, self.power_off, self._is_on)
        self.daemons: list[Daemon] = []
        self.built = False
        self._torn_down = False
        self._ns_dir_mounted = False

    # -- build -----------------------------------------------------------------

    def node(self, name: str) -> Node:
        try:
            return self.nodes[name]
        except KeyError:
            raise KeyError(f"no node {name!r} in this lab; nodes: {sorted(self.nodes)}") from None

    def hosts_file(self) -> str:
        lines = ["127.0.0.1\tlocalhost", "::1\tlocalhost ip6-localhost ip6-loopback"]
        for node in self.nodes.values():
            names = " ".join(dict.fromkeys((node.spec.host, node.name, *node.spec.aliases)))
            # The hosts network's address, or the node's first one if it is not on it.
            on = [a.address for a in node.spec.attachments if a.network == self.hosts_network]
            address = (on or [a.address for a in node.spec.attachments])[0]
            lines.append(f"{address}\t{names}")
        return "\n".join(lines) + "\n"

    def build(self) -> None:
        """Create the namespaces, wire the networks, boot every node's private tree.

        Files staged on nodes before this call are in place when it returns. A
        failure part-way leaves a state that :meth:`teardown` cleans.
        """
        atexit.register(self.teardown)  # belt and braces if a fixture never finalizes
        self.built = True
        self.ns_dir.mkdir(parents=True, exist_ok=True)
        # The namespace files must sit on a private mount (unshare(1) refuses a
        # shared one); making the directory its own private mount also gives
        # teardown one place to check.
        run(["mount", "--bind", str(self.ns_dir), str(self.ns_dir)])
        self._ns_dir_mounted = True
        run(["mount", "--make-private", str(self.ns_dir)])
        self.switch.create()
        standin = self.fence.prepare(self.fence_agents) if self.fence_agents else None
        hosts = self.hosts_file()
        for node in self.nodes.values():
            run(["ip", "netns", "add", node.netns])
            run(["ip", "-n", node.netns, "link", "set", "lo", "up"])
            for att in node.spec.attachments:
                self.switch.attach(node.name, node.netns, node.index, att)
            if not node.upper("/etc/hosts").exists():
                node.stage_file("/etc/hosts", hosts)
            if standin is not None:
                node.bind_dir(SHARED_DIR, self.fence.shared)
                for agent in self.fence_agents:
                    node.bind_file(f"/usr/sbin/{agent}", standin)
        for node in self.nodes.values():
            node.boot()
        if standin is not None:
            self.fence.start()

    # -- processes -------------------------------------------------------------

    def start(
        self, node: str, name: str, argv: Sequence[str], *, env: Mapping[str, str] | None = None
    ) -> Daemon:
        """Start a daemon in ``node`` (foreground mode), output to ``logs/<name>.log``."""
        n = self.node(node)
        log = n.logs / f"{name}.log"
        fh = open(log, "ab")  # noqa: SIM115 - kept open for the daemon's lifetime
        daemon = Daemon(node, name, tuple(argv), n.popen(argv, log=fh, env=env), log, fh)
        self.daemons.append(daemon)
        return daemon

    def exec(
        self,
        node: str,
        argv: Sequence[str],
        *,
        timeout: float = 30.0,
        input_bytes: bytes | None = None,
        env: Mapping[str, str] | None = None,
    ) -> str:
        """Run a short command in ``node`` and return its stdout (raises on failure)."""
        return self.node(node).exec(argv, timeout=timeout, input_bytes=input_bytes,
                                    env=env).stdout

    def pids(self, node: str) -> list[int]:
        return runid.netns_pids(self.node(node).netns)

    def kill_node(self, node: str, *, timeout: float = 15.0) -> None:
        """SIGKILL every process in ``node``'s network namespace until none is left."""
        ns = self.node(node).netns
        runid.kill_pids_until_gone(lambda: runid.netns_pids(ns), timeout=timeout,
                                   what=f"node {node}")
        self._reap()

    def cut_links(self, node: str) -> None:
        self.switch.cut(node)

    def restore_links(self, node: str) -> None:
        self.switch.restore(node)

    def power_off(self, node: str) -> None:
        """A hard power-off: links cut, every process SIGKILLed, VIPs gone.

        Killing processes leaves the namespace's kernel state behind: a VIP
        that IPaddr2 added would still be configured (and answer ARP once the
        links are back). A powered-off machine loses it, so every address
        that is not one of the node's own (its spec) is removed too.
        """
        self.cut_links(node)
        self.kill_node(node)
        self.drop_extra_addresses(node)

    def drop_extra_addresses(self, node: str) -> list[str]:
        """Remove addresses the node's spec does not give it (VIPs); return them."""
        n = self.node(node)
        own = {att.address for att in n.spec.attachments} | {"127.0.0.1", "::1"}
        dropped = []
        out = run(["ip", "-n", n.netns, "-o", "addr", "show"]).stdout
        for line in out.splitlines():
            fields = line.split()
            if len(fields) < 4 or fields[2] not in ("inet", "inet6"):
                continue
            iface = ipaddress.ip_interface(fields[3])
            if str(iface.ip) in own or iface.ip.is_link_local:
                continue
            run(["ip", "-n", n.netns, "addr", "del", fields[3], "dev", fields[1]])
            dropped.append(fields[3])
        return dropped

    crash = power_off

    def restart_node(self, node: str) -> None:
        """Bring a crashed node back: empty /run, /tmp, /dev/shm; links up.

        Its disks (upper layers: /etc, /var...) are kept, as after a reboot.
        The test then starts its daemons again (as the node's boot would).
        """
        if self.pids(node):
            raise RuntimeError(f"node {node}: restart_node needs it stopped; crash it first")
        self.node(node).clear_volatile()
        self.restore_links(node)

    def _is_on(self, node: str) -> bool:
        return bool(self.pids(node))

    def _resolve(self, target: str) -> str | None:
        for node in self.nodes.values():
            if target in (node.name, node.spec.host, *node.spec.aliases):
                return node.name
        return None

    def _reap(self) -> None:
        for daemon in self.daemons:
            if daemon.popen.poll() is None:
                continue
            if not daemon._log_fh.closed:
                daemon._log_fh.close()

    # -- addresses -------------------------------------------------------------

    def ifname(self, node: str, network: str) -> str:
        for att in self.node(node).spec.attachments:
            if att.network == network:
                return att.ifname
        raise KeyError(f"node {node} is not on network {network!r}")

    def holders(self, address: str) -> list[str]:
        """Nodes that have ``address`` configured right now (e.g. who holds a VIP)."""
        found = []
        for node in self.nodes.values():
            out = run(["ip", "-n", node.netns, "-o", "addr", "show"], check=False).stdout
            for line in out.splitlines():
                fields = line.split()
                if len(fields) > 3 and fields[2] in ("inet", "inet6") and \
                        str(ipaddress.ip_interface(fields[3]).ip) == address:
                    found.append(node.name)
        return found

    # -- logs ------------------------------------------------------------------

    def log_files(self, node: str | None = None) -> list[Path]:
        """Daemon stdout logs and every file the node(s) wrote under /var/log."""
        chosen = [self.node(node)] if node else list(self.nodes.values())
        files: list[Path] = []
        for n in chosen:
            files += sorted(n.logs.glob("*.log"))
            var_log = n.root / "upper" / "var" / "log"
            if var_log.is_dir():
                files += sorted(p for p in var_log.rglob("*") if p.is_file() and p.stat().st_size)
        return files

    # -- teardown --------------------------------------------------------------

    def leftovers(self) -> list[str]:
        """What of this run is still on the machine (empty after a good teardown)."""
        found = [f"netns {n}" for n in runid.list_netns() if self.run_id.owns_netns(n)]
        found += [f"process {p} {runid.cmdline(p)}" for p in runid.marked_pids(self.run_id.tag)]
        ns_dir = str(self.ns_dir)
        with open("/proc/self/mountinfo") as fh:
            for line in fh:
                mount_point = line.split()[4]
                if mount_point == ns_dir or mount_point.startswith(ns_dir + "/"):
                    found.append(f"mount {mount_point}")
        return found

    def teardown(self) -> None:
        """Remove everything this lab created; raise if anything is left.

        Every step runs even if an earlier one failed; idempotent.
        """
        if self._torn_down:
            return
        self._torn_down = True
        atexit.unregister(self.teardown)
        if not self.built:
            return
        problems: list[str] = []
        self.fence.stop()

        def step(what: str, fn: Callable[[], object]) -> None:
            try:
                fn()
            except Exception as exc:
                problems.append(f"{what}: {exc}")

        for node in self.nodes.values():
            if node.netns in runid.list_netns():
                step(f"kill {node.name}", functools.partial(
                    runid.kill_pids_until_gone, functools.partial(runid.netns_pids, node.netns),
                    what=f"netns {node.netns}"))
        step("kill marked processes", lambda: runid.kill_pids_until_gone(
            lambda: runid.marked_pids(self.run_id.tag), what=f"run {self.run_id.tag}"))
        for daemon in self.daemons:
            try:
                daemon.popen.wait(timeout=5)
            except Exception as exc:
                problems.append(f"reap {daemon.name}@{daemon.node}: {exc}")
            daemon._log_fh.close()
        for node in self.nodes.values():
            problems += node.release()
        if self._ns_dir_mounted:
            proc = run(["umount", str(self.ns_dir)], check=False)
            if proc.returncode != 0:
                run(["umount", "-l", str(self.ns_dir)], check=False)
        for name in [n for n in runid.list_netns() if self.run_id.owns_netns(n)]:
            proc = run(["ip", "netns", "delete", name], check=False)
            if proc.returncode != 0:
                problems.append(f"ip netns delete {name}: {proc.stderr.strip()}")
        # Namespaces die asynchronously after their last user; give it a moment.
        deadline = time.monotonic() + 5
        left = self.leftovers()
        while left and time.monotonic() < deadline:
            time.sleep(0.1)
            left = self.leftovers()
        problems += [f"left behind: {item}" for item in left]
        if problems:
            raise RuntimeError("lab teardown incomplete:\n  " + "\n  ".join(problems))
