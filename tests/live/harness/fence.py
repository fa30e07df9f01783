"""Fencing stand-in: the harness plays the hypervisor.

A namespace lab has no hypervisor for ``fence_xvm``/``fence_virsh`` and no
Nova API for ``fence_openstack``. The rendered CIB keeps its real fence
devices; inside each node the real agent's binary is replaced (a bind mount,
in that node's mount namespace only) by :data:`AGENT_SOURCE`, a small agent
that speaks the fence-agent protocol to pacemaker-fenced and forwards each
request to the harness, exactly as ``fence_xvm`` forwards to ``fence_virtd``
on the host:

1. pacemaker-fenced runs the "agent" with ``action=off|reboot|status|...``
   and ``port=<target>`` (or ``plug=``/``nodename=``) on stdin;
2. the stand-in writes a JSON request into ``/var/lib/oha-fence/requests``
   (a directory shared by every node and the host) and waits (bounded) for
   the answer;
3. :class:`FenceHost`, a thread in the pytest process, powers the target off
   for real: it cuts the node's links (so its kernel stops answering ARP for
   a VIP it still holds) and SIGKILLs every process in its network
   namespace, until none is left; then it answers success.

``on`` and the "on" half of ``reboot`` are answered with success but do not
restart anything: like a VM that is off until the test boots it again, the
test decides when a fenced node comes back (``Lab.restart_node``). The
metadata the stand-in prints is the real agent's, captured on the host, so
Pacemaker sees the same parameters as with the real agent. Every request is
recorded (:attr:`FenceHost.history`) for the test to assert who was fenced.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .shell import run

SHARED_DIR = "/var/lib/oha-fence"  # node path of the directory shared with the host

AGENT_SOURCE = r'''#!/usr/bin/python3
# Fence-agent stand-in installed by the live-test harness (tests/live/harness/fence.py).
# Forwards the request to the harness, which powers the target node off for real.
import json, os, sys, time, uuid

SHARED = "/var/lib/oha-fence"
agent = os.path.basename(sys.argv[0])
opts = {}
args = sys.argv[1:]
i = 0
while i < len(args):
    a = args[i]
    if a.startswith("--") and "=" in a:
        k, v = a[2:].split("=", 1); opts[k.replace("-", "_")] = v
    elif a in ("-o", "--action") and i + 1 < len(args):
        opts["action"] = args[i + 1]; i += 1
    elif a in ("-n", "--plug", "-H") and i + 1 < len(args):
        opts["port"] = args[i + 1]; i += 1
    i += 1
if not args:  # pacemaker-fenced passes everything as key=value lines on stdin
    try:
        data = sys.stdin.read()
    except OSError:
        data = ""
    for line in data.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            k, v = line.split("=", 1); opts.setdefault(k.strip(), v.strip())
action = opts.get("action", opts.get("option", "reboot"))
if action == "metadata":
    try:
        with open(os.path.join(SHARED, "metadata", agent + ".xml")) as fh:
            sys.stdout.write(fh.read())
        sys.exit(0)
    except OSError:
        sys.exit(1)
if action in ("monitor", "validate-all"):
    sys.exit(0 if os.path.isdir(os.path.join(SHARED, "requests")) else 1)
target = opts.get("port") or opts.get("plug") or opts.get("nodename") or ""
req = {"agent": agent, "action": action, "target": target,
       "from": os.uname().nodename, "options": sorted(opts)}
rid = uuid.uuid4().hex
reqdir = os.path.join(SHARED, "requests")
tmp = os.path.join(reqdir, rid + ".tmp")
with open(tmp, "w") as fh:
    json.dump(req, fh)
os.rename(tmp, os.path.join(reqdir, rid + ".req"))
res_path = os.path.join(reqdir, rid + ".res")
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        with open(res_path) as fh:
            res = json.load(fh)
    except (OSError, ValueError):
        time.sleep(0.05)
        continue
    sys.stdout.write(res.get("output", ""))
    sys.exit(int(res["rc"]))
sys.stderr.write("harness fence host did not answer in 60 s\n")
sys.exit(1)
'''


@dataclass
class FenceRecord:
    time: float
    agent: str
    action: str
    target: str
    node: str | None  # lab node the target resolved to
    requester: str
    rc: int


@dataclass
class FenceHost:
    """The harness side: answers stand-in requests by powering nodes off.

    ``resolve`` maps a target name (node name, hostname, alias such as the VM
    domain name in ``pcmk_host_map``) to a lab node name, or None;
    ``power_off`` cuts that node's links and kills its processes;
    ``is_on`` says whether it has any process left.
    """

    shared: Path  # host directory bind-mounted at SHARED_DIR in every node
    resolve: Callable[[str], str | None]
    power_off: Callable[[str], None]
    is_on: Callable[[str], bool]
    history: list[FenceRecord] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    @property
    def requests(self) -> Path:
        return self.shared / "requests"

    def prepare(self, agents: list[str]) -> Path:
        """Write the stand-in and the real agents' metadata; return the stand-in path."""
        self.requests.mkdir(parents=True, exist_ok=True)
        (self.shared / "metadata").mkdir(exist_ok=True)
        for agent in agents:
            meta = run([f"/usr/sbin/{agent}", "-o", "metadata"], check=False, timeout=30)
            if meta.returncode != 0 or "<resource-agent" not in meta.stdout:
                raise RuntimeError(
                    f"fence stand-in: /usr/sbin/{agent} -o metadata failed (exit "
                    f"{meta.returncode}); is the fence-agents package installed?"
                )
            (self.shared / "metadata" / f"{agent}.xml").write_text(meta.stdout)
        script = self.shared / "fence_standin"
        script.write_text(AGENT_SOURCE)
        script.chmod(0o755)
        return script

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="fence-host", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.is_set():
            for req_path in sorted(self.requests.glob("*.req")):
                self._answer(req_path)
            self._stop.wait(0.05)

    def _answer(self, req_path: Path) -> None:
        try:
            req = json.loads(req_path.read_text())
        except (OSError, ValueError):
            return
        node = self.resolve(str(req.get("target", "")))
        action = str(req.get("action", ""))
        output = ""
        if node is None:
            rc, output = 1, f"unknown target {req.get('target')!r}\n"
        elif action in ("off", "reboot"):
            try:
                self.power_off(node)
                rc = 0
            except Exception as exc:  # reported to Pacemaker as a failed fence
                rc, output = 1, f"power off {node} failed: {exc}\n"
        elif action == "on":
            rc = 0
        elif action == "status":
            rc = 0 if self.is_on(node) else 2  # fence-agent convention: 2 = off
            output = "Status: ON\n" if rc == 0 else "Status: OFF\n"
        elif action == "list":
            rc, output = 0, ""
        else:
            rc, output = 1, f"action {action!r} not supported by the stand-in\n"
        self.history.append(
            FenceRecord(time.monotonic(), str(req.get("agent")), action,
                        str(req.get("target")), node, str(req.get("from")), rc)
        )
        res = req_path.with_suffix(".res")
        tmp = req_path.with_suffix(".restmp")
        tmp.write_text(json.dumps({"rc": rc, "output": output}))
        os.rename(tmp, res)
        req_path.unlink(missing_ok=True)

    def fenced(self, node: str) -> list[FenceRecord]:
        """Successful off/reboot requests that targeted ``node``."""
        return [r for r in self.history
                if r.node == node and r.action in ("off", "reboot") and r.rc == 0]
