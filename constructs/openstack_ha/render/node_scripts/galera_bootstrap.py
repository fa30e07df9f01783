#!/usr/bin/python3
"""openstack-ha-galera-bootstrap: start Galera safely, on first boot or after a full outage.

Every database node runs ``start`` (a oneshot systemd unit at each boot on
the VMs, the live tests run the same file). The nodes agree, without a
coordinator, on exactly one node that bootstraps a new Primary Component:

1. A member that is already synced (its clustercheck answers 200): nobody
   bootstraps; this node joins it.
2. A member whose grastate.dat says ``safe_to_bootstrap: 1`` (it was the
   last to leave a clean cluster) bootstraps; ties go to the lowest name.
3. Otherwise, once EVERY member has published its position: the highest
   seqno bootstraps (a node whose grastate seqno is -1 after a crash first
   recovers it with ``mariadbd --wsrep-recover``), ties by the lowest node
   name. On a first boot every position is empty, so the lowest name
   bootstraps.
4. If some member's position is still missing when the wait ends, nobody
   bootstraps: the script fails loudly instead of guessing (bootstrapping
   from a stale node would lose committed transactions).

Positions travel over HTTP: ``position`` writes this node's JSON into the
position file and the clustercheck responder serves it at
``/galera-position`` on port 9200 of the management network.

Other commands: ``position`` (print/record this node's position),
``decide`` (print the decision as JSON, start nothing), ``prepare`` (once,
before the first start: create the SST, clustercheck and admin users in a
private server without networking and without wsrep, so whichever node
bootstraps already has them). Settings come from a JSON file (``--config``)
rendered for each node; in ``bootstrap_command``/``join_command`` the text
``{position}`` becomes this node's ``uuid:seqno`` (also exported as
``WSREP_START_POSITION``), so a restarted member can rejoin by IST.
Python 3.9+ standard library only: this file is copied verbatim onto the
nodes.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ZERO_UUID = "00000000-0000-0000-0000-000000000000"
_RECOVERED = re.compile(r"WSREP: Recovered position:?\s+([0-9a-f-]{36}):(-?\d+)")


def log(message: str) -> None:
    sys.stderr.write(f"openstack-ha-galera-bootstrap: {message}\n")
    sys.stderr.flush()


@dataclass(frozen=True)
class Position:
    """A member's place in the replication history."""

    node: str
    uuid: str = ZERO_UUID
    seqno: int = -1
    safe_to_bootstrap: bool = False
    synced: bool = False

    @property
    def fresh(self) -> bool:
        return self.uuid == ZERO_UUID and self.seqno < 0

    def to_json(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "uuid": self.uuid,
            "seqno": self.seqno,
            "safe_to_bootstrap": 1 if self.safe_to_bootstrap else 0,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Position:
        return cls(
            node=str(data["node"]),
            uuid=str(data.get("uuid", ZERO_UUID)),
            seqno=int(data.get("seqno", -1)),
            safe_to_bootstrap=int(data.get("safe_to_bootstrap", 0)) == 1,
            synced=bool(data.get("synced", False)),
        )


@dataclass(frozen=True)
class Decision:
    """``action`` is bootstrap, join or wait; ``leader`` the node that bootstraps or runs."""

    action: str
    leader: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "leader": self.leader, "reason": self.reason}


def parse_grastate(text: str) -> dict[str, str]:
    """The ``key: value`` pairs of a grastate.dat."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


def parse_recovered(log_text: str) -> tuple[str, int] | None:
    """(uuid, seqno) from the error log of ``mariadbd --wsrep-recover``."""
    found = _RECOVERED.findall(log_text)
    if not found:
        return None
    uuid, seqno = found[-1]
    return uuid, int(seqno)


def decide(me: str, members: list[str], positions: dict[str, Position]) -> Decision:
    """Who bootstraps. ``positions`` holds the members that answered (this node included).

    Pure and deterministic: every node computes the same leader from the same
    positions, which is what makes the protocol safe without a coordinator.
    """
    if me not in members:
        raise ValueError(f"{me!r} is not a member ({', '.join(members)})")
    synced = sorted(n for n, p in positions.items() if p.synced and n != me)
    if synced:
        return Decision("join", synced[0], f"{synced[0]} is synced: joining its cluster")
    safe = sorted(n for n, p in positions.items() if p.safe_to_bootstrap)
    if safe:
        leader = safe[0]
        why = f"{leader} has safe_to_bootstrap: 1 in grastate.dat"
        return Decision("bootstrap" if leader == me else "join", leader, why)
    missing = sorted(set(members) - set(positions))
    if missing:
        return Decision(
            "wait",
            None,
            f"no member is synced or safe to bootstrap, and the position of "
            f"{', '.join(missing)} is unknown: bootstrapping now could lose transactions",
        )
    ranked = sorted(positions.values(), key=lambda p: (-p.seqno, p.node))
    leader = ranked[0].node
    if all(p.fresh for p in positions.values()):
        why = f"first boot (no member has a history): the lowest name, {leader}, bootstraps"
    else:
        top = ranked[0].seqno
        tied = [p.node for p in ranked if p.seqno == top]
        why = f"{leader} has the highest seqno ({top})"
        if len(tied) > 1:
            why += f", tied with {', '.join(t for t in tied if t != leader)}; lowest name wins"
    return Decision("bootstrap" if leader == me else "join", leader, why)


class Config:
    """Settings for one node (the rendered JSON file)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.node: str = data["node"]
        self.members: list[dict[str, str]] = list(data["members"])
        self.datadir: str = data.get("datadir", "/var/lib/mysql")
        self.defaults_file: str | None = data.get("defaults_file")
        self.mariadbd: str = data.get("mariadbd", "/usr/sbin/mariadbd")
        self.client: str = data.get("client", "mariadb")
        self.install_db: str = data.get("install_db", "mariadb-install-db")
        self.user: str = data.get("user", "mysql")
        self.clustercheck_port: int = int(data.get("clustercheck_port", 9200))
        self.position_file: str = data.get(
            "position_file", "/run/openstack-ha/galera-position.json"
        )
        self.init_sql: str = data.get("init_sql", "/etc/openstack-ha/galera-init.sql")
        self.prepared_marker: str = data.get(
            "prepared_marker", "/var/lib/openstack-ha/galera-prepared"
        )
        self.peer_timeout_s: float = float(data.get("peer_timeout_s", 600))
        self.poll_interval_s: float = float(data.get("poll_interval_s", 3))
        self.bootstrap_command: list[str] = list(
            data.get("bootstrap_command", ["galera_new_cluster"])
        )
        self.join_command: list[str] = list(
            data.get("join_command", ["systemctl", "start", "mariadb"])
        )
        # A donor serves one state transfer at a time; members joining at
        # once can see theirs fail ("Failed to read uuid:seqno ... from
        # joiner script", seen in tests/live). Joining again is safe.
        self.join_attempts: int = int(data.get("join_attempts", 3))
        self.join_retry_delay_s: float = float(data.get("join_retry_delay_s", 10))

    @property
    def member_names(self) -> list[str]:
        return sorted(m["name"] for m in self.members)

    def address_of(self, name: str) -> str:
        for member in self.members:
            if member["name"] == name:
                return member["address"]
        raise KeyError(name)

    def server_args(self) -> list[str]:
        # mariadbd insists that --defaults-file comes first.
        return [f"--defaults-file={self.defaults_file}"] if self.defaults_file else []


def _grastate_path(cfg: Config) -> str:
    return os.path.join(cfg.datadir, "grastate.dat")


def recover_position(cfg: Config) -> tuple[str, int] | None:
    """Run ``mariadbd --wsrep-recover`` and parse the recovered position."""
    fd, log_path = tempfile.mkstemp(prefix="wsrep-recover-", suffix=".log")
    os.close(fd)
    cmd = [cfg.mariadbd, *cfg.server_args(), "--wsrep-recover", f"--log-error={log_path}"]
    if os.geteuid() == 0:
        os.chown(log_path, *_uid_gid(cfg.user))
        cmd.append(f"--user={cfg.user}")
    log(f"seqno is -1: recovering the position with {' '.join(cmd)}")
    try:
        subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        with open(log_path, encoding="utf-8", errors="replace") as fh:
            return parse_recovered(fh.read())
    finally:
        os.unlink(log_path)


def _uid_gid(user: str) -> tuple[int, int]:
    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def local_position(cfg: Config) -> Position:
    """This node's position from grastate.dat, recovered when seqno is -1."""
    try:
        with open(_grastate_path(cfg), encoding="utf-8") as fh:
            state = parse_grastate(fh.read())
    except FileNotFoundError:
        return Position(node=cfg.node)
    uuid = state.get("uuid", ZERO_UUID)
    seqno = int(state.get("seqno", "-1"))
    safe = state.get("safe_to_bootstrap", "0") == "1"
    if seqno < 0 and uuid != ZERO_UUID:
        recovered = recover_position(cfg)
        if recovered is not None:
            uuid, seqno = recovered
            log(f"recovered position {uuid}:{seqno}")
        else:
            log("could not recover the position; this node counts as seqno -1")
    return Position(node=cfg.node, uuid=uuid, seqno=seqno, safe_to_bootstrap=safe)


def record_position(cfg: Config, position: Position) -> None:
    os.makedirs(os.path.dirname(cfg.position_file), exist_ok=True)
    tmp = cfg.position_file + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(position.to_json(), fh, sort_keys=True)
        fh.write("\n")
    os.replace(tmp, cfg.position_file)


def _http_get(url: str, timeout_s: float) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (OSError, ValueError):
        return None


def peer_position(cfg: Config, name: str) -> Position | None:
    address = cfg.address_of(name)
    host = f"[{address}]" if ":" in address else address
    got = _http_get(f"http://{host}:{cfg.clustercheck_port}/galera-position", timeout_s=3)
    if got is None or got[0] != 200:
        return None
    try:
        return Position.from_json(json.loads(got[1]))
    except (ValueError, KeyError, TypeError):
        return None


def peer_synced(cfg: Config, name: str) -> bool:
    address = cfg.address_of(name)
    host = f"[{address}]" if ":" in address else address
    got = _http_get(f"http://{host}:{cfg.clustercheck_port}/", timeout_s=3)
    return got is not None and got[0] == 200


def gather(
    cfg: Config,
    mine: Position,
    fetch: Callable[[Config, str], Position | None] = peer_position,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Decision:
    """Poll the peers until the decision is not ``wait`` or the wait ends."""
    deadline = clock() + cfg.peer_timeout_s
    last_reason = ""
    while True:
        positions = {cfg.node: mine}
        for name in cfg.member_names:
            if name != cfg.node:
                got = fetch(cfg, name)
                if got is not None:
                    positions[name] = got
        decision = decide(cfg.node, cfg.member_names, positions)
        if decision.action != "wait":
            return decision
        if decision.reason != last_reason:
            log(f"waiting: {decision.reason}")
            last_reason = decision.reason
        if clock() >= deadline:
            return Decision(
                "fail",
                None,
                f"gave up after {cfg.peer_timeout_s:.0f} s: {decision.reason}. Start the "
                "missing members, or if they are lost for good, bootstrap the member with "
                "the highest seqno by hand (set safe_to_bootstrap: 1 in its grastate.dat)",
            )
        sleep(cfg.poll_interval_s)


def mark_safe_to_bootstrap(cfg: Config) -> None:
    """Set ``safe_to_bootstrap: 1`` (MariaDB refuses --wsrep-new-cluster otherwise)."""
    path = _grastate_path(cfg)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return  # first boot: no grastate yet, nothing to refuse
    if re.search(r"^safe_to_bootstrap:\s*1\s*$", text, flags=re.M):
        return
    new = re.sub(r"^safe_to_bootstrap:.*$", "safe_to_bootstrap: 1", text, flags=re.M)
    if new == text:
        new = text.rstrip("\n") + "\nsafe_to_bootstrap: 1\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(new)
    log(f"set safe_to_bootstrap: 1 in {path}")


def wait_for_synced_peer(cfg: Config, leader: str | None) -> bool:
    deadline = time.monotonic() + cfg.peer_timeout_s
    names = [leader] if leader else [n for n in cfg.member_names if n != cfg.node]
    others = [n for n in cfg.member_names if n != cfg.node]
    while time.monotonic() < deadline:
        for name in [*names, *others]:
            if peer_synced(cfg, name):
                log(f"{name} is synced")
                return True
        time.sleep(cfg.poll_interval_s)
    return False


def with_position(command: list[str], position: Position) -> list[str]:
    """``{position}`` in a command becomes ``uuid:seqno`` (for ``--wsrep-start-position``).

    A node restarted after a crash joins by IST instead of a full SST when
    it starts from its recovered position (measured: tests/live/README.md).
    """
    text = f"{position.uuid}:{position.seqno}"
    return [arg.replace("{position}", text) for arg in command]


def run_with_position(command: list[str], position: Position) -> int:
    env = dict(os.environ, WSREP_START_POSITION=f"{position.uuid}:{position.seqno}")
    return subprocess.run(command, check=False, env=env).returncode


def cmd_position(cfg: Config) -> int:
    position = local_position(cfg)
    record_position(cfg, position)
    print(json.dumps(position.to_json(), sort_keys=True))
    return 0


def cmd_decide(cfg: Config) -> int:
    position = local_position(cfg)
    record_position(cfg, position)
    decision = gather(cfg, position)
    print(json.dumps(decision.to_json(), sort_keys=True))
    return 0 if decision.action in ("bootstrap", "join") else 1


def cmd_start(cfg: Config) -> int:
    if peer_synced_local(cfg):
        log("the local server is already synced; nothing to do")
        return 0
    position = local_position(cfg)
    record_position(cfg, position)
    log(
        f"local position {position.uuid}:{position.seqno} safe_to_bootstrap="
        f"{int(position.safe_to_bootstrap)}"
    )
    decision = gather(cfg, position)
    log(f"decision: {decision.action} ({decision.reason})")
    if decision.action == "bootstrap":
        mark_safe_to_bootstrap(cfg)
        command = with_position(cfg.bootstrap_command, position)
        log(f"bootstrapping a new Primary Component: {' '.join(command)}")
        return run_with_position(command, position)
    if decision.action == "join":
        if not wait_for_synced_peer(cfg, decision.leader):
            log(f"no member became synced within {cfg.peer_timeout_s:.0f} s; not joining")
            return 1
        return join(cfg, decision, position)
    log(decision.reason)
    return 1


def join(cfg: Config, decision: Decision, position: Position) -> int:
    """Run the join command, again (bounded) when the state transfer fails."""
    command = with_position(cfg.join_command, position)
    code = 1
    for attempt in range(1, cfg.join_attempts + 1):
        log(f"joining (attempt {attempt} of {cfg.join_attempts}): {' '.join(command)}")
        code = run_with_position(command, position)
        if code == 0:
            return 0
        log(f"the join failed (exit {code})")
        if attempt == cfg.join_attempts:
            break
        time.sleep(cfg.join_retry_delay_s)
        if not wait_for_synced_peer(cfg, decision.leader):
            log(f"no member is synced within {cfg.peer_timeout_s:.0f} s; not joining again")
            return code
    return code


def peer_synced_local(cfg: Config) -> bool:
    return peer_synced(cfg, cfg.node)


def cmd_prepare(cfg: Config) -> int:
    """Create the users once, in a private server (no network, no wsrep)."""
    if os.path.exists(cfg.prepared_marker):
        log(f"already prepared ({cfg.prepared_marker} exists)")
        return 0
    if not os.path.isdir(os.path.join(cfg.datadir, "mysql")):
        log(f"initialising {cfg.datadir}")
        subprocess.run(
            [cfg.install_db, *cfg.server_args(), f"--user={cfg.user}", f"--datadir={cfg.datadir}"],
            check=True,
            timeout=300,
        )
    rundir = tempfile.mkdtemp(prefix="galera-prepare-")
    os.chmod(rundir, 0o755)
    if os.geteuid() == 0:
        os.chown(rundir, *_uid_gid(cfg.user))
    sock = os.path.join(rundir, "prepare.sock")
    server = subprocess.Popen(
        [
            cfg.mariadbd,
            *cfg.server_args(),
            f"--user={cfg.user}",
            f"--datadir={cfg.datadir}",
            "--wsrep-on=OFF",
            "--wsrep-provider=none",
            "--skip-networking",
            f"--socket={sock}",
            f"--pid-file={os.path.join(rundir, 'prepare.pid')}",
            f"--log-error={os.path.join(rundir, 'prepare.err')}",
        ]
    )
    try:
        deadline = time.monotonic() + 120
        while not os.path.exists(sock):
            if server.poll() is not None or time.monotonic() > deadline:
                log(f"the private server did not start; see {rundir}/prepare.err")
                return 1
            time.sleep(0.5)
        with open(cfg.init_sql, encoding="utf-8") as fh:
            sql = fh.read()
        subprocess.run(
            [cfg.client, f"--socket={sock}", "-u", "root"],
            input=sql,
            text=True,
            check=True,
            timeout=120,
        )
        log("created the SST, clustercheck and admin users")
    finally:
        server.terminate()
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
    os.makedirs(os.path.dirname(cfg.prepared_marker), exist_ok=True)
    with open(cfg.prepared_marker, "w", encoding="utf-8") as fh:
        fh.write("prepared\n")
    return 0


COMMANDS: dict[str, Callable[[Config], int]] = {
    "position": cmd_position,
    "decide": cmd_decide,
    "start": cmd_start,
    "prepare": cmd_prepare,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="openstack-ha-galera-bootstrap", description=__doc__.split("\n")[0]
    )
    p.add_argument("--config", default="/etc/openstack-ha/galera-bootstrap.json")
    p.add_argument("command", choices=sorted(COMMANDS))
    args = p.parse_args(argv)
    with open(args.config, encoding="utf-8") as fh:
        cfg = Config(json.load(fh))
    return COMMANDS[args.command](cfg)


if __name__ == "__main__":
    sys.exit(main())
