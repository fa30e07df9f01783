"""haproxy.cfg: one generic ``listen`` section per service, rendered from data.

Every OpenStack API of the lab's service table becomes a :class:`HaproxyService`
(kolla-ansible's habit: services declare their load-balancer needs as data and
ONE template renders them all). Galera is special in exactly the ways current
practice asks for: all traffic goes to ONE writer and the
other members are ``backup``; health is the clustercheck HTTP responder on
9200 (200 only when ``wsrep_local_state`` is 4), and ``stick on dst`` keeps
every connection on the writer the table remembers, so a recovered first
node does not pull writers back and forth.

Sizing follows validated deployments: global ``maxconn`` ≥ 20480 and
defaults ``maxconn`` ≥ 4096. The stats page listens on the node's
management address only. ``haproxy -c -dW`` (zero-warning mode) must accept
the output; :mod:`openstack_ha.check` runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from openstack_ha.model.groups import LoadBalancerGroup
from openstack_ha.model.limits import minimum_of
from openstack_ha.render.templates import render_template

__all__ = [
    "CLUSTERCHECK_PORT",
    "HaproxyServer",
    "HaproxyService",
    "HaproxySettings",
    "render_haproxy_cfg",
]

CLUSTERCHECK_PORT = 9200
# The algorithms the plan may ask for (HAProxy 2.6 configuration manual, "balance").
BALANCE_ALGORITHMS = ("roundrobin", "static-rr", "leastconn", "first", "source")
# The floors are declared once, on the lab model's fields (the rules and the schema read them).
GLOBAL_MAXCONN_FLOOR = minimum_of(LoadBalancerGroup, "maxconn_global")
DEFAULTS_MAXCONN_FLOOR = minimum_of(LoadBalancerGroup, "maxconn_defaults")


@dataclass(frozen=True)
class HaproxyServer:
    name: str
    address: str
    port: int
    backup: bool = False


@dataclass(frozen=True)
class HaproxyService:
    """One ``listen`` section.

    ``frontends``: (address, port, tls) per bind; a TLS bind terminates TLS
    with ``HaproxySettings.tls_cert``. ``health``: ``tcp`` (connect), ``http``
    (``http_check``, the request line; any status below 500 counts as alive:
    an API answering 401 is up) or ``clustercheck`` (Galera: ``http_check`` on
    ``check_port``, 200 only). ``redirect_to_https``: plain binds answer with a redirect.
    ``stick_on_dst``: a one-entry-per-VIP stick table (``stick on dst``).
    """

    name: str
    frontends: tuple[tuple[str, int, bool], ...]
    servers: tuple[HaproxyServer, ...]
    mode: Literal["http", "tcp"] = "http"
    health: Literal["tcp", "http", "clustercheck"] = "tcp"
    http_check: str = "GET /"
    balance: str = "roundrobin"
    check_port: int | None = None
    stick_on_dst: bool = False
    redirect_to_https: bool = False
    timeout_client: str | None = None
    timeout_server: str | None = None
    comment: str = ""


@dataclass(frozen=True)
class HaproxySettings:
    stats_address: str
    stats_port: int = 1993
    stats_user: str = "admin"
    global_maxconn: int = GLOBAL_MAXCONN_FLOOR
    defaults_maxconn: int = DEFAULTS_MAXCONN_FLOOR
    tls_cert: str = "/etc/haproxy/certs/openstack-ha.pem"
    # Check cadence: fall 3 × 2 s marks a dead backend down within ~6 s.
    check_inter_ms: int = 2000
    check_rise: int = 2
    check_fall: int = 3


@dataclass(frozen=True)
class _Listen:
    name: str
    comment: str
    binds: tuple[str, ...]
    lines: tuple[str, ...]
    servers: tuple[str, ...]


def _fmt_addr(address: str, port: int) -> str:
    # IPv6 needs brackets in HAProxy's address:port syntax.
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


def _listen(svc: HaproxyService, settings: HaproxySettings) -> _Listen:
    if not svc.servers:
        raise ValueError(f"haproxy service {svc.name!r}: no backend servers")
    if svc.balance not in BALANCE_ALGORITHMS:
        raise ValueError(
            f"haproxy service {svc.name!r}: balance {svc.balance!r} is not one of "
            f"{', '.join(BALANCE_ALGORITHMS)}"
        )
    if svc.health == "clustercheck" and (svc.mode != "tcp" or svc.check_port is None):
        raise ValueError(f"haproxy service {svc.name!r}: clustercheck needs mode tcp and a port")
    any_tls = any(tls for _, _, tls in svc.frontends)
    if any_tls and not settings.tls_cert:
        raise ValueError(f"haproxy service {svc.name!r}: TLS binds need a certificate path")
    if (any_tls or svc.redirect_to_https) and svc.mode != "http":
        raise ValueError(f"haproxy service {svc.name!r}: TLS termination needs mode http")
    binds = tuple(
        f"{_fmt_addr(addr, port)}{f' ssl crt {settings.tls_cert}' if tls else ''}"
        for addr, port, tls in svc.frontends
    )
    lines: list[str] = [f"mode {svc.mode}"]
    if svc.mode == "http":
        lines += ["option httplog", "option forwardfor"]
        if svc.redirect_to_https:
            lines.append("http-request redirect scheme https unless { ssl_fc }")
        if any_tls:
            lines.append("http-request set-header X-Forwarded-Proto https if { ssl_fc }")
    else:
        lines += ["option tcplog", "option tcpka"]
    check_common = (
        f"inter {settings.check_inter_ms} rise {settings.check_rise} fall {settings.check_fall}"
    )
    if svc.health == "clustercheck":
        # A dead writer must leave quickly (writes wait meanwhile): 1 s checks,
        # down after 2 misses (the live tests' measured setting).
        lines += [
            f"option httpchk {svc.http_check}",
            "http-check expect status 200",
            f"default-server port {svc.check_port} inter 1000 rise 2 fall 2 "
            "on-marked-down shutdown-sessions",
        ]
    elif svc.health == "http":
        lines += [
            f"option httpchk {svc.http_check}",
            # An API that answers 401/404 is alive; only 5xx or no answer is not.
            "http-check expect rstatus ^[234]",
            f"default-server {check_common}",
        ]
    else:
        lines.append(f"default-server {check_common}")
    if svc.stick_on_dst:
        lines += ["stick-table type ip size 1000", "stick on dst"]
    lines.append(f"balance {svc.balance}")
    if svc.timeout_client is not None:
        lines.append(f"timeout client {svc.timeout_client}")
    if svc.timeout_server is not None:
        lines.append(f"timeout server {svc.timeout_server}")
    servers = tuple(
        f"{s.name} {_fmt_addr(s.address, s.port)} check{' backup' if s.backup else ''}"
        for s in svc.servers
    )
    return _Listen(svc.name, svc.comment, binds, tuple(lines), servers)


def render_haproxy_cfg(
    settings: HaproxySettings,
    services: tuple[HaproxyService, ...],
    stats_password: str,
) -> str:
    """The whole haproxy.cfg for one load-balancer node."""
    if settings.global_maxconn < GLOBAL_MAXCONN_FLOOR:
        raise ValueError(
            f"haproxy global maxconn: at least {GLOBAL_MAXCONN_FLOOR}, "
            f"got {settings.global_maxconn}"
        )
    if settings.defaults_maxconn < DEFAULTS_MAXCONN_FLOOR:
        raise ValueError(
            f"haproxy defaults maxconn: at least {DEFAULTS_MAXCONN_FLOOR}, "
            f"got {settings.defaults_maxconn}"
        )
    names = [s.name for s in services]
    if "stats" in names or len(set(names)) != len(names):
        raise ValueError(f"haproxy services: names must be unique and not 'stats', got {names}")
    global_lines = [
        "log /dev/log local0",
        f"maxconn {settings.global_maxconn}",
        "user haproxy",
        "group haproxy",
        "daemon",
        "stats socket /run/haproxy/admin.sock mode 660 level admin",
    ]
    if any(tls for s in services for _, _, tls in s.frontends):
        global_lines.append("ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets")
    defaults_lines = [
        "log global",
        "mode tcp",
        f"maxconn {settings.defaults_maxconn}",
        "retries 3",
        "option redispatch",
        "timeout connect 10s",
        "timeout client 1m",
        "timeout server 1m",
        "timeout check 10s",
        "timeout http-request 10s",
        "timeout queue 1m",
    ]
    stats = _Listen(
        name="stats",
        comment="management network only",
        binds=(_fmt_addr(settings.stats_address, settings.stats_port),),
        lines=(
            "mode http",
            "stats enable",
            "stats uri /",
            "stats refresh 10s",
            f"stats auth {settings.stats_user}:{stats_password}",
        ),
        servers=(),
    )
    listens = [stats, *(_listen(s, settings) for s in services)]
    return render_template(
        "haproxy.cfg.j2",
        header="Rendered by openstack-ha; re-render the lab instead of editing.",
        global_lines=global_lines,
        defaults_lines=defaults_lines,
        listens=listens,
    )
