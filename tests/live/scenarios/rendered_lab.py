"""A harness lab built from a RENDERED openstack-ha lab, and its nodes booted like VMs.

What a VM gets from the product, a lab node gets here:

- the lab is rendered with :func:`openstack_ha.render.render_lab` (test
  secrets) and written with :func:`~openstack_ha.render.write_lab` into the
  test's temporary folder (kept for reading after a failure);
- each node's files are staged from its own ``#cloud-config`` user-data, the
  way cloud-init's ``write_files`` would place them: path, content,
  ``permissions`` and ``owner`` (write_lab keeps no owners; a galera.cnf that
  is ``root:mysql 0640`` must stay readable by mysql);
- the node's networks, interfaces (``eth<nic_index>``) and addresses are the
  plan's; its hostname is the plan's, and the VM domain name
  (``platform_name``, e.g. ``ha-lab-lb1``, what fence_xvm's ``port`` names)
  is an alias the fence stand-in resolves;
- ``runcmd`` (the rendered ``/usr/local/sbin/openstack-ha-bootstrap``) is run
  by :func:`run_bootstrap`, on several nodes at once, as cloud-init would.

Test-only adaptations, each for a difference between a namespace and a VM:

- **no systemd**: :mod:`systemctl_shim` is staged at
  ``/usr/local/sbin/systemctl`` (first on PATH) and starts units from the
  packages' real unit files (see its docstring for what it does not do);
- **HAProxy's file-descriptor limit**: this sandbox's hard ``RLIMIT_NOFILE``
  is 20000 and cannot be raised, and the rendered ``maxconn 20480`` needs
  40992 descriptors. Load balancers get ``/etc/default/haproxy`` with
  ``EXTRAOPTS="-n 8192"`` (read by both the init script Pacemaker's
  ``service:haproxy`` runs and haproxy.service): ``-n`` overrides the global
  maxconn; the rendered haproxy.cfg itself is unchanged;
- **fencing**: labs rendered with ``fencing.agent: fence_xvm``; the harness
  replaces ``/usr/sbin/fence_xvm`` in each node by its stand-in, which powers
  the target node off for real (see ``tests/live/README.md``).

The bootstrap's first step, ``sysctl -p`` of the rendered file, would write
the HOST kernel's settings for any key that is not per network namespace;
:func:`check_sysctls_are_namespaced` refuses such a file before anything runs.
"""

from __future__ import annotations

import base64
import gzip
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from harness import Attachment, Lab, Network, NodeSpec, tail

from openstack_ha.model import Plan, derive_plan, parse_lab
from openstack_ha.render.bootstrap import BOOTSTRAP_PATH
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.tree import LabRender, render_lab, write_lab

HERE = Path(__file__).resolve().parent
SHIM = HERE / "systemctl_shim.py"
SHIM_PATH = "/usr/local/sbin/systemctl"
HAPROXY_DEFAULTS = (
    "# live tests only: the sandbox's hard RLIMIT_NOFILE (20000) is below what the\n"
    "# rendered global maxconn needs; -n overrides maxconn (see rendered_lab.py).\n"
    'EXTRAOPTS="-n 8192"\n'
)
# Per-network-namespace sysctl prefixes: safe to apply inside a lab node.
NAMESPACED_SYSCTLS = ("net.ipv4.", "net.ipv6.")
BOOTSTRAP_LOG = "/var/log/openstack-ha-bootstrap.log"

LabFactory = Callable[..., Lab]


@dataclass(frozen=True)
class Rendered:
    """A rendered lab: its plan, the render, and where write_lab put it."""

    plan: Plan
    render: LabRender
    out: Path
    secrets: Secrets

    def node(self, hostname: str) -> Any:
        for node in self.plan.nodes:
            if node.hostname == hostname:
                return node
        raise KeyError(f"no node {hostname!r} in the plan; nodes: "
                       f"{[n.hostname for n in self.plan.nodes]}")

    def address(self, hostname: str, network: str = "management") -> str:
        for addr in self.node(hostname).addresses:
            if addr.network == network:
                return str(addr.address)
        raise KeyError(f"{hostname} has no address on {network}")

    def vip(self, name: str) -> str:
        return str(self.plan.vip(name).address)

    def network(self, name: str) -> Network:
        for net in self.plan.networks:
            if net.name == name:
                return Network(net.name, str(net.cidr))
        raise KeyError(f"no network {name!r} in the plan")


def render(lab: Mapping[str, Any], out: Path) -> Rendered:
    """Validate ``lab`` (a lab document, as in a YAML lab file), render it, write it."""
    spec = parse_lab(dict(lab), source="live-test lab")
    plan = derive_plan(spec)
    secrets = Secrets.for_tests()
    lab_render = render_lab(plan, secrets)
    write_lab(lab_render, out)
    return Rendered(plan, lab_render, out, secrets)


def write_files(user_data: str) -> list[dict[str, Any]]:
    """The ``write_files`` entries of a node's ``#cloud-config``."""
    if not user_data.startswith("#cloud-config\n"):
        raise ValueError("user-data is not a #cloud-config document")
    doc = yaml.safe_load(user_data)
    return list(doc.get("write_files", []))


def _content(entry: Mapping[str, Any]) -> bytes:
    data = str(entry.get("content", ""))
    encoding = str(entry.get("encoding", "text/plain")).lower()
    if encoding in ("b64", "base64"):
        return base64.b64decode(data)
    if encoding in ("gz+b64", "gzip+base64", "gz+base64", "gzip+b64"):
        return gzip.decompress(base64.b64decode(data))
    return data.encode()


def check_sysctls_are_namespaced(rendered: Rendered, hostname: str) -> None:
    tree = rendered.render.node(hostname)
    for f in tree.files:
        if not f.path.startswith("/etc/sysctl.d/"):
            continue
        for line in f.content.splitlines():
            key = line.split("=", 1)[0].strip()
            if key and not key.startswith("#") and not key.startswith(NAMESPACED_SYSCTLS):
                raise AssertionError(
                    f"{hostname}: {f.path} sets {key!r}, which is not a per-network-namespace "
                    "setting: running the bootstrap's 'sysctl -p' in a lab node would change "
                    "the host kernel. Extend the live tests to stage a neutral copy first."
                )


def check_policy_rc_d() -> None:
    # The bootstrap removes /usr/sbin/policy-rc.d when it mentions openstack-ha;
    # /usr/sbin is the host's own directory in a lab node.
    policy = Path("/usr/sbin/policy-rc.d")
    if policy.exists() and "openstack-ha" in policy.read_text(errors="replace"):
        raise AssertionError(
            f"{policy} on this host mentions openstack-ha: the bootstrap run in a lab node "
            "would delete the host's file. Remove or rewrite it before running live tests."
        )


def node_spec(rendered: Rendered, hostname: str) -> NodeSpec:
    node = rendered.node(hostname)
    return NodeSpec(
        hostname,
        tuple(Attachment(a.network, f"eth{a.nic_index}", str(a.address))
              for a in sorted(node.addresses, key=lambda a: a.nic_index)),
        aliases=(node.platform_name,),
    )


def build(
    lab_factory: LabFactory,
    rendered: Rendered,
    hostnames: Sequence[str],
    *,
    extra: Sequence[NodeSpec] = (),
    fence_agents: Sequence[str] = (),
    files: Mapping[str, Mapping[str, str | bytes]] | None = None,
) -> Lab:
    """A lab of the plan's ``hostnames`` (plus ``extra`` client nodes), files staged.

    ``files``: test-only files per node (``{hostname: {path: content}}``),
    staged before boot, e.g. a stand-in backend's page.
    """
    check_policy_rc_d()
    specs = [node_spec(rendered, h) for h in hostnames]
    used = {a.network for s in (*specs, *extra) for a in s.attachments}
    networks = [rendered.network(n.name) for n in rendered.plan.networks if n.name in used]
    lab = lab_factory(networks=networks, nodes=[*specs, *extra], build=False,
                      fence_agents=list(fence_agents))
    shim = SHIM.read_bytes()
    for hostname in hostnames:
        check_sysctls_are_namespaced(rendered, hostname)
        node = lab.node(hostname)
        tree = rendered.render.node(hostname)
        entries = write_files(tree.user_data)
        staged = set()
        for entry in entries:
            path = str(entry["path"])
            node.stage_file(path, _content(entry), mode=int(str(entry.get("permissions", "0644")),
                                                             8),
                            owner=str(entry.get("owner", "root:root")))
            staged.add(path)
        # The user-data must carry exactly the node's rendered tree.
        assert staged == set(tree.paths()), (hostname, sorted(staged ^ set(tree.paths())))
        node.stage_file(SHIM_PATH, shim, mode=0o755)
        if "load_balancer" in rendered.node(hostname).roles:
            node.stage_file("/etc/default/haproxy", HAPROXY_DEFAULTS)
    for hostname, extra_files in (files or {}).items():
        for path, content in extra_files.items():
            lab.node(hostname).stage_file(path, content)
    lab.build()
    return lab


def run_together(
    lab: Lab, argv_for: Mapping[str, Sequence[str]], *, name: str, timeout: float,
) -> dict[str, float]:
    """Start ``argv_for[node]`` in every node at once; wait until all exit 0.

    Returns each node's run time in seconds; raises with the node's logs
    (its daemon log ``name`` and the bootstrap/unit logs) when one exits
    non-zero or runs past ``timeout``.
    """
    started = time.monotonic()
    daemons = {h: lab.start(h, name, list(argv)) for h, argv in argv_for.items()}
    took: dict[str, float] = {}
    deadline = started + timeout
    while len(took) < len(daemons):
        for h, d in daemons.items():
            if h in took:
                continue
            rc = d.popen.poll()
            if rc is None:
                continue
            if rc != 0:
                raise AssertionError(
                    f"{h}: {' '.join(argv_for[h])} exited {rc}\n"
                    f"--- {d.log}\n{tail(d.log, 40)}\n{bootstrap_logs(lab, h)}")
            took[h] = time.monotonic() - started
        if time.monotonic() > deadline:
            running = sorted(set(daemons) - set(took))
            raise AssertionError(
                f"{name} still running on {running} after {timeout:g} s\n"
                + "\n".join(f"--- {daemons[h].log}\n{tail(daemons[h].log, 40)}\n"
                            f"{bootstrap_logs(lab, h)}" for h in running))
        time.sleep(0.2)
    return took


def run_bootstrap(lab: Lab, hostnames: Sequence[str], *, timeout: float) -> dict[str, float]:
    """Run every node's rendered runcmd at once (cloud-init on booting VMs); wait for all."""
    return run_together(lab, {h: [BOOTSTRAP_PATH] for h in hostnames}, name="bootstrap",
                        timeout=timeout)


SECTION = "# ---- "


def bootstrap_sections(script: str, keep: Sequence[str]) -> str:
    """The rendered bootstrap cut down to its prologue and the sections named in ``keep``.

    The script is a prologue (shell options, logging, helpers, kernel
    settings) followed by ``# ---- <name>`` sections, one per role, and an
    epilogue that touches the done marker. A scenario that must run only
    one role's steps (Galera without the Pacemaker section of a database
    node) runs exactly the rendered text of that section, not a copy of it.
    The done marker is not touched.
    """
    lines = script.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(SECTION)]
    end = next((i for i, line in enumerate(lines) if line.startswith("touch ")
                and "bootstrap.done" in line), len(lines))
    if not starts:
        raise AssertionError("the rendered bootstrap has no '# ---- ' sections any more; "
                             "update bootstrap_sections()")
    out = lines[:starts[0]]
    found = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else end
        title = lines[start][len(SECTION):]
        if any(title.startswith(name) for name in keep):
            out += lines[start:stop]
            found.append(title)
    if len(found) != len(keep):
        raise AssertionError(f"bootstrap sections {list(keep)} not all found; the script has "
                             f"{[lines[i][len(SECTION):] for i in starts]}")
    out.append(f'log "done (live test: only the sections {", ".join(keep)})"')
    return "\n".join(out) + "\n"


def bootstrap_logs(lab: Lab, hostname: str, lines: int = 40) -> str:
    node = lab.node(hostname)
    parts = [f"--- {hostname}: {BOOTSTRAP_LOG}\n{tail(node.upper(BOOTSTRAP_LOG), lines)}"]
    units = node.upper("/var/log/oha-systemctl")
    if units.is_dir():
        for log in sorted(units.glob("*.log")):
            parts.append(f"--- {hostname}: {log.name}\n{tail(log, lines)}")
    return "\n".join(parts)


def unit_log(lab: Lab, hostname: str, unit: str) -> str:
    """What the shim's journal stand-in holds for ``unit`` on ``hostname``."""
    path = lab.node(hostname).upper(f"/var/log/oha-systemctl/{unit}.log")
    return path.read_text(errors="replace") if path.exists() else ""


def systemctl(lab: Lab, hostname: str, *args: str, timeout: float = 300) -> str:
    """Run the shim in a node, as an operator or a boot would (raises on failure)."""
    return lab.exec(hostname, [SHIM_PATH, *args], timeout=timeout)
