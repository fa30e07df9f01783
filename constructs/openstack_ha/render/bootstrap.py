"""The per-node bootstrap script, ``/usr/local/sbin/openstack-ha-bootstrap``.

cloud-init's runcmd runs it once, after the packages are installed and every
rendered file is in place. What it does, in order (each step checks first,
so a re-run resumes where a failed run stopped):

1. kernel settings, then removes the ``policy-rc.d`` that kept services from
   starting during installation (Debian/Ubuntu);
2. Galera members: disables the distribution's mariadb unit (Pacemaker's
   ``galera`` agent runs mariadbd), creates the SST and clustercheck users in
   a private server (``openstack-ha-galera-bootstrap prepare``), starts the
   clustercheck responder;
3. load balancers: a self-signed certificate when TLS is on and none is
   there, ``haproxy -c``, then either leaves HAProxy to the Pacemaker clone
   or starts it (keepalived mode: also names the interfaces and starts
   keepalived);
4. brokers: clustered, the first broker starts, the others wait (bounded)
   for its AMQP port so classic peer discovery joins one cluster, then the
   first creates the ``openstack`` vhost (default queue type quorum) and
   user; active-passive, each standalone broker gets them once and the
   unit is left to Pacemaker;
5. Pacemaker members: decodes the authkeys and fence key, sets the
   hacluster password, initialises SBD (lowest nodeid; the others wait for
   its header), starts Corosync+Pacemaker, waits (bounded) for quorum; the
   lowest nodeid waits for every member, resolves fence_openstack's server
   UUIDs, and loads the CIB once (``cibadmin --replace --scope
   configuration``); pacemaker_remote nodes start pacemaker_remote;
6. the Galera arbitrator starts once a member is synced;
7. each registered API service's step (``model.registry``), in order;
8. touches the done marker (bootcmd stops writing policy-rc.d).

The script is assembled from fragment templates (``cloud-init/bootstrap-<step>.sh.j2``):
the head (helpers, kernel settings), every step in its declared ``order``
(:data:`CLUSTER_STEPS`, then the registered services' steps), and the tail.

Every wait is bounded (``peer_timeout_s``) and logs what it waits for every
30 s. The script never contains ``${`` or ``%{`` outside secret values, so
Terraform templates pass it through unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openstack_ha.render.templates import render_template

__all__ = [
    "CLUSTER_STEPS",
    "BootstrapNode",
    "GaleraBoot",
    "GarbdBoot",
    "HaproxyBoot",
    "KeepalivedBoot",
    "NodeStep",
    "PacemakerBoot",
    "RabbitmqBoot",
    "render_bootstrap_sh",
]

BOOTSTRAP_PATH = "/usr/local/sbin/openstack-ha-bootstrap"


@dataclass(frozen=True)
class GaleraBoot:
    service: str
    user: str
    sst_log_dir: str
    bootstrap_config: str
    clustercheck_port: int


@dataclass(frozen=True)
class HaproxyBoot:
    service: str
    config: str
    managed_by: str  # "pacemaker" | "systemd"
    tls_certificate: str | None
    tls_common_name: str


@dataclass(frozen=True)
class KeepalivedBoot:
    service: str
    config: str
    include: str
    interfaces: tuple[tuple[str, str], ...]  # (network, this node's address on it)


@dataclass(frozen=True)
class RabbitmqBoot:
    mode: str
    service: str
    first: bool
    first_name: str
    first_address: str
    amqp_port: int
    count: int
    vhost: str
    user: str
    password: str
    queue_type: str


@dataclass(frozen=True)
class PacemakerBoot:
    cluster: str
    remote: bool
    loader: bool
    loader_name: str
    full_members: int
    corosync_service: str
    pacemaker_service: str
    corosync_authkey_b64: str
    corosync_authkey: str
    pacemaker_authkey_b64: str | None
    pacemaker_authkey: str
    hacluster_password: str
    cib: str
    # The fence agent's fragments (model.fencing), rendered: after the authkeys,
    # and on the CIB loader before it loads the CIB.
    fence_install: str
    fence_cib: str


@dataclass(frozen=True)
class GarbdBoot:
    service: str
    clustercheck_port: int
    member_addresses: tuple[str, ...]


@dataclass(frozen=True)
class BootstrapNode:
    node: str
    roles: tuple[str, ...]
    debian_like: bool
    sysctl_file: str
    peer_timeout_s: int = 1800
    state_dir: str = "/var/lib/openstack-ha"
    log_file: str = "/var/log/openstack-ha-bootstrap.log"
    done_marker: str = "/var/lib/openstack-ha/bootstrap.done"
    galera: GaleraBoot | None = None
    haproxy: HaproxyBoot | None = None
    keepalived: KeepalivedBoot | None = None
    rabbitmq: RabbitmqBoot | None = None
    pacemaker: PacemakerBoot | None = None
    garbd: GarbdBoot | None = None


@dataclass(frozen=True)
class NodeStep:
    """One fragment of a node's bootstrap: its template, position and extra context."""

    template: str
    order: int
    context: Mapping[str, Any] = field(default_factory=dict)


# The cluster services' steps, in the order they must run; each fragment
# renders nothing on a node that does not run its service.
CLUSTER_STEPS: tuple[NodeStep, ...] = (
    NodeStep("bootstrap-galera.sh.j2", 20),
    NodeStep("bootstrap-haproxy.sh.j2", 30),
    NodeStep("bootstrap-keepalived.sh.j2", 40),
    NodeStep("bootstrap-rabbitmq.sh.j2", 50),
    NodeStep("bootstrap-pacemaker.sh.j2", 60),
    NodeStep("bootstrap-garbd.sh.j2", 70),
)


def render_bootstrap_sh(boot: BootstrapNode, steps: Sequence[NodeStep] = ()) -> str:
    """Head, the cluster steps and ``steps`` by ``order`` (stable), then the tail."""
    ordered = sorted((*CLUSTER_STEPS, *steps), key=lambda step: step.order)
    parts = [render_template("bootstrap-head.sh.j2", b=boot)]
    parts += [render_template(step.template, b=boot, **step.context) for step in ordered]
    parts.append(render_template("bootstrap-tail.sh.j2", b=boot))
    return "".join(parts)
