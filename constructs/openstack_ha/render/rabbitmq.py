"""RabbitMQ: rabbitmq.conf, rabbitmq-env.conf, enabled_plugins, the service limits.

Clustered mode (default): classic peer discovery lists every broker
(``cluster_formation.classic_config.nodes.N = rabbit@<host>``) and
``cluster_partition_handling = pause_minority``. Quorum queues come from
the ``openstack`` vhost's default queue type, which the bootstrap creates
with ``rabbitmqctl add_vhost openstack --default-queue-type quorum``:
RabbitMQ 3.10 (Debian 12) applies a vhost's default queue type to every
queue declared without ``x-queue-type`` (``rabbit_amqqueue:augment_declare_args``),
while the ``default_queue_type`` key of rabbitmq.conf only exists from 3.11
and 3.10 refuses unknown keys at boot. A queue type cannot be set by a
policy in any version; oslo.messaging clients may also ask for quorum
queues themselves (``[oslo_messaging_rabbit] rabbit_quorum_queue = true``).

Failure detection (clustered mode), measured by the live tests
(tests/live/scenarios/test_rabbitmq.py: a quorum queue's leader node loses
its links and is SIGKILLed while a client publishes with confirms):

- ``advanced.config`` polls Ra's failure detector (aten) every 100 ms
  instead of 1 s. A quorum queue elects a new leader only after aten
  reports the old one's node down, and Ra then waits a random 0-1 s plus
  one poll interval before its election; longest publish gap 5.7-10.4 s
  with the defaults, 0.6-1.0 s polling every 250 ms, 0.4-0.7 s every
  100 ms (0 confirmed messages lost in every run). The price: a heartbeat
  delay past aten's adaptive threshold is noticed sooner, so a stalled
  broker may cost a leader election (never data) more often.
- ``net_ticktime = 10`` (default 60): consumers on a survivor get
  ``nodedown`` from the stale leader until Erlang distribution declares the
  node down; they read the queue again 12 s after the crash instead of
  62 s, and ``rabbitmqctl`` answers again as soon.

Active-passive mode (the whitepaper's first option): two standalone brokers,
no peer discovery; Pacemaker runs the service next to the broker VIP.

Every listener binds the node's management address (and the broker VIP in
active-passive mode); epmd and Erlang distribution bind it too.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "OPENSTACK_USER",
    "OPENSTACK_VHOST",
    "RabbitmqNode",
    "RabbitmqSettings",
    "render_enabled_plugins",
    "render_rabbitmq_advanced_config",
    "render_rabbitmq_conf",
    "render_rabbitmq_env",
]

OPENSTACK_VHOST = "openstack"
OPENSTACK_USER = "openstack"
PLUGINS = ("rabbitmq_management",)
# See the module docstring for the measurements behind both values.
NET_TICKTIME_S = 10
ATEN_POLL_INTERVAL_MS = 100


@dataclass(frozen=True)
class RabbitmqNode:
    name: str
    address: str

    @property
    def erlang_node(self) -> str:
        return f"rabbit@{self.name}"


@dataclass(frozen=True)
class RabbitmqSettings:
    mode: str  # "clustered" | "active-passive"
    nodes: tuple[RabbitmqNode, ...]
    vip: str | None = None
    amqp_port: int = 5672
    dist_port: int = 25672
    management_port: int = 15672
    open_files_limit: int = 16384


def _lines(pairs: list[tuple[str, str]], header: str) -> str:
    return f"# {header}\n" + "".join(f"{k} = {v}\n" for k, v in pairs)


def _host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def render_rabbitmq_conf(settings: RabbitmqSettings, me: RabbitmqNode) -> str:
    """rabbitmq.conf (new-style sysctl format; every key exists in 3.10's schema)."""
    if me not in settings.nodes:
        raise ValueError(f"rabbitmq: {me.name!r} is not a broker")
    pairs: list[tuple[str, str]] = [
        ("listeners.tcp.1", f"{_host(me.address)}:{settings.amqp_port}"),
    ]
    if settings.mode == "active-passive":
        if settings.vip is None:
            raise ValueError("rabbitmq: active-passive mode needs the broker VIP")
        # Bound through net.ipv4.ip_nonlocal_bind: the VIP moves, the config does not.
        pairs.append(("listeners.tcp.2", f"{_host(settings.vip)}:{settings.amqp_port}"))
    pairs += [
        ("distribution.listener.interface", me.address),
        ("distribution.listener.port_range.min", str(settings.dist_port)),
        ("distribution.listener.port_range.max", str(settings.dist_port)),
        ("management.tcp.ip", me.address),
        ("management.tcp.port", str(settings.management_port)),
        ("loopback_users.guest", "true"),
    ]
    if settings.mode == "clustered":
        pairs += [
            ("cluster_formation.peer_discovery_backend", "classic_config"),
            *(
                (f"cluster_formation.classic_config.nodes.{i}", node.erlang_node)
                for i, node in enumerate(settings.nodes, start=1)
            ),
            ("cluster_partition_handling", "pause_minority"),
            ("net_ticktime", str(NET_TICKTIME_S)),
        ]
    return _lines(
        pairs,
        f"Rendered by openstack-ha: broker {me.name} ({settings.mode}). "
        "Re-render the lab instead of editing.",
    )


def render_rabbitmq_advanced_config() -> str:
    """advanced.config (Erlang terms): what rabbitmq.conf has no key for (clustered mode)."""
    return (
        "%% Rendered by openstack-ha: quorum queues elect a new leader soon after a\n"
        "%% broker is cut off (Ra's failure detector polls every "
        f"{ATEN_POLL_INTERVAL_MS} ms, default 1000).\n"
        f"[{{aten, [{{poll_interval, {ATEN_POLL_INTERVAL_MS}}}]}}].\n"
    )


def render_rabbitmq_env(me: RabbitmqNode) -> str:
    """rabbitmq-env.conf: the node name and epmd's address."""
    # epmd also listens on loopback when ERL_EPMD_ADDRESS is set (epmd(1)).
    return _lines(
        [("NODENAME", me.erlang_node), ("ERL_EPMD_ADDRESS", me.address)],
        "Rendered by openstack-ha: Erlang node name and epmd address.",
    ).replace(" = ", "=")


def render_enabled_plugins() -> str:
    """The management plugin (port 15672, management network only)."""
    return "[" + ",".join(PLUGINS) + "].\n"
