"""Scenario 3: clustered RabbitMQ from the rendered files; a quorum queue loses its leader.

Lab (the default lab, rendered): mq1-mq3 run their rendered bootstrap
program at once (cloud-init's runcmd): the first broker starts, the others
wait for its AMQP port and join through classic peer discovery (the rendered
rabbitmq.conf), and the first creates the ``openstack`` vhost (default
queue type quorum) and user. ctl1 is the client, as an OpenStack service on
a controller would be: it declares a durable queue without ``x-queue-type``
(as oslo.messaging does), which the vhost default makes a quorum queue, and
publishes with publisher confirms through a broker that is not the queue's
leader. The leader node is crashed (links cut, every process SIGKILLed):
publishing must go on, and every confirmed message must be in the queue.

Stand-ins (see rendered_lab.py): the systemctl shim instead of systemd
(rabbitmq-server.service from the package, with the rendered drop-in).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pika
import pytest
from harness import NetnsClient, wait_until
from harness.lab import Lab
from rendered_lab import build, render, run_bootstrap

pytestmark = pytest.mark.live

LAB: dict[str, object] = {}  # the default lab: clustered brokers, quorum queues
BROKERS = ["mq1", "mq2", "mq3"]
QUEUE = "oha-live-quorum"
VHOST = "openstack"
PUBLISH_TIMEOUT_S = 30.0  # one publish waiting longer than this counts as failed


def ctl(lab: Lab, node: str, *args: str, timeout: float = 60) -> Any:
    out = lab.exec(node, ["rabbitmqctl", *args, "--formatter", "json"], timeout=timeout)
    return json.loads(out)


def queue_info(lab: Lab, node: str) -> dict[str, Any]:
    for q in ctl(lab, node, "list_queues", "-p", VHOST, "name", "type", "leader", "members"):
        if q.get("name") == QUEUE:
            return dict(q)
    raise AssertionError(f"queue {QUEUE} not found on {node}")


@dataclass
class PublishLog:
    confirmed: list[int] = field(default_factory=list)
    confirm_times: list[float] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # may or may not be in the queue
    errors: list[str] = field(default_factory=list)

    def longest_gap(self) -> float:
        t = self.confirm_times
        return max((b - a for a, b in itertools.pairwise(t)), default=0.0)


class PublishTimeout(Exception):
    pass


def _raise_timeout() -> None:
    raise PublishTimeout(f"no confirm within {PUBLISH_TIMEOUT_S:g} s")


def publisher(params: list[pika.ConnectionParameters], stop: threading.Event,
              log: PublishLog) -> None:
    """Publish ids 1, 2, ... with confirms until ``stop``; reconnect to any broker on error.

    ``params`` lists every broker, the preferred one first (clients list
    every broker, no VIP). A publish that raised goes to ``failed``.
    """
    conn: pika.BlockingConnection | None = None
    channel: Any = None
    i = 0
    while not stop.is_set():
        i += 1
        try:
            if conn is None or conn.is_closed:
                conn = pika.BlockingConnection(params)
                channel = conn.channel()
                channel.confirm_delivery()
            timer = conn.call_later(PUBLISH_TIMEOUT_S, _raise_timeout)
            try:
                channel.basic_publish(
                    "", QUEUE, str(i).encode(),
                    pika.BasicProperties(delivery_mode=2), mandatory=True)
            finally:
                conn.remove_timeout(timer)
        except Exception as exc:
            log.failed.append(i)
            log.errors.append(f"{time.monotonic():.2f} {i}: {type(exc).__name__}: {exc}")
            if conn is not None and conn.is_open:
                try:
                    conn.close()
                except Exception as close_exc:
                    log.errors.append(f"close: {close_exc}")
            conn = None
            time.sleep(0.05)
        else:
            log.confirmed.append(i)
            log.confirm_times.append(time.monotonic())
        time.sleep(0.005)
    if conn is not None and conn.is_open:
        conn.close()


def declare(params: list[pika.ConnectionParameters]) -> None:
    with pika.BlockingConnection(params) as conn:
        conn.channel().queue_declare(QUEUE, durable=True)


def drain(params: list[pika.ConnectionParameters], got: list[int]) -> bool:
    """Move every message of the queue into ``got`` (acknowledging it); True when empty.

    Called again after an error: a channel may still address the dead
    leader for a moment ("nodedown"); what was read stays in ``got``.
    """
    with pika.BlockingConnection(params) as conn:
        channel = conn.channel()
        while True:
            method, _props, body = channel.basic_get(QUEUE, auto_ack=False)
            if method is None:
                return True
            got.append(int(body))
            channel.basic_ack(method.delivery_tag)


def test_quorum_queue_survives_its_leader_crash_with_no_confirmed_message_lost(
    lab_factory, tmp_path, figures
) -> None:
    rendered = render(LAB, tmp_path / "rendered")
    assert rendered.plan.rabbitmq.mode == "clustered"
    password = rendered.secrets.rabbitmq_password
    lab = build(lab_factory, rendered, [*BROKERS, "ctl1"])

    started = time.monotonic()
    took = run_bootstrap(lab, BROKERS, timeout=600)
    figures["bring_up_s"] = time.monotonic() - started
    figures["bootstrap_first_s"] = took["mq1"]
    status = ctl(lab, "mq1", "cluster_status")
    assert sorted(status["running_nodes"]) == [f"rabbit@{b}" for b in BROKERS]
    assert len(status["disk_nodes"]) == len(BROKERS)

    def params(first: str) -> list[pika.ConnectionParameters]:
        order = [first, *(b for b in BROKERS if b != first)]
        return [pika.ConnectionParameters(
            host=rendered.address(b), port=5672, virtual_host=VHOST,
            credentials=pika.PlainCredentials("openstack", password),
            connection_attempts=1, socket_timeout=2, blocked_connection_timeout=30,
            heartbeat=10) for b in order]

    with NetnsClient(lab.node("ctl1").netns) as client:
        client.call(declare, params("mq1"))
        info = wait_until(lambda: (q := queue_info(lab, "mq1"))["leader"] and q,
                          timeout=30, what=f"{QUEUE} has a leader")
        assert info["type"] == "quorum"  # the vhost default made it one
        assert sorted(info["members"]) == [f"rabbit@{b}" for b in BROKERS]
        leader = str(info["leader"]).split("@", 1)[1]
        via = next(b for b in BROKERS if b != leader)
        survivors = [b for b in BROKERS if b != leader]
        figures["leader_was_first_broker"] = float(leader == "mq1")

        stop = threading.Event()
        log = PublishLog()
        with NetnsClient(lab.node("ctl1").netns) as pub:
            future = pub.submit(publisher, params(via), stop, log)
            wait_until(lambda: len(log.confirmed) >= 200, timeout=30,
                       what="200 confirmed publishes")
            crashed = time.monotonic()
            lab.crash(leader)
            down = time.monotonic()
            wait_until(lambda: sum(1 for t in log.confirm_times if t > down) >= 200,
                       timeout=120, what=f"confirms again after the leader {leader} crashed")
            time.sleep(1)
            stop.set()
            future.result(timeout=PUBLISH_TIMEOUT_S + 10)
        figures["publish_gap_s"] = log.longest_gap()
        before = max(t for t in log.confirm_times if t <= down)
        after = min(t for t in log.confirm_times if t > down)
        figures["crash_gap_s"] = after - before
        figures["confirms_resumed_after_s"] = after - crashed
        figures["failed_publishes"] = len(log.failed)

        # Consumers: read the whole queue through a survivor. A channel may
        # address the dead leader ("nodedown") until Erlang distribution
        # declares its node down; retry until the queue reads to the end.
        received: list[int] = []
        wait_until(lambda: client.call(drain, params(survivors[0]), received, timeout=120),
                   timeout=150, interval=0.2,
                   what=f"{QUEUE} read to the end on {survivors[0]}")
        figures["consume_resumed_after_s"] = time.monotonic() - crashed
        lost = sorted(set(log.confirmed) - set(received))
        figures["confirmed_lost"] = len(lost)
        assert lost == [], f"confirmed messages missing after the leader crash: {lost[:20]}"
        # Nothing appears that was never published.
        assert set(received) <= set(log.confirmed) | set(log.failed)
        assert len(log.confirmed) >= 400
    new_leader = wait_until(
        lambda: (q := queue_info(lab, survivors[0]))["leader"] and
        str(q["leader"]).split("@", 1)[1],
        timeout=120, what="the survivors' CLI names the queue's new leader")
    assert new_leader in survivors
