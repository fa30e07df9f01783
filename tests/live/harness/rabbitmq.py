"""RabbitMQ 3.10.8 (Debian 12, Erlang 25) in lab nodes (mechanics in tests/live/README.md).

- Server: ``/usr/lib/rabbitmq/bin/rabbitmq-server`` as the rabbitmq user
  (``setpriv``, no PAM), ``HOME=/var/lib/rabbitmq`` (the cookie is
  ``$HOME/.erlang.cookie``, 0400 rabbitmq, identical on every node),
  ``RABBITMQ_NODENAME=rabbit@<hostname>`` (the node's UTS hostname, resolved
  through the node's /etc/hosts). /usr/sbin/rabbitmq-server would redirect
  output to /var/log/rabbitmq/startup_log; the lib script runs in the
  foreground with output to our daemon log.
- CLI: ``rabbitmqctl`` as root re-runs itself as rabbitmq via ``su``. Every
  Erlang CLI call starts an ``epmd`` if none runs: inside a node that one is
  in the node's namespace (killed with the node); ``ERL_EPMD_ADDRESS`` keeps
  it off other addresses. Never run an Erlang CLI in the root namespace.
- After a node's links are cut (not a clean close), CLI calls on the
  survivors fail with ``{badrpc, nodedown}`` until Erlang distribution
  declares the peer down (``net_ticktime`` 60 s: 45-75 s), even though the
  quorum queue has elected a new leader long before.
"""

from __future__ import annotations

import json
from typing import Any

from .lab import Lab

SERVER = ("setpriv", "--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups",
          "/usr/lib/rabbitmq/bin/rabbitmq-server")


def start(lab: Lab, node: str, *, extra_env: dict[str, str] | None = None) -> None:
    host = lab.node(node).spec.host
    address = lab.node(node).spec.attachments[0].address
    env = {
        "HOME": "/var/lib/rabbitmq",
        "RABBITMQ_NODENAME": f"rabbit@{host}",
        "ERL_EPMD_ADDRESS": f"127.0.0.1,{address}",
        **(extra_env or {}),
    }
    lab.start(node, "rabbitmq", SERVER, env=env)


def ctl_json(lab: Lab, node: str, *args: str, timeout: float = 60) -> Any:
    out = lab.exec(node, ["rabbitmqctl", *args, "--formatter", "json"], timeout=timeout,
                   env={"ERL_EPMD_ADDRESS": "127.0.0.1"})
    return json.loads(out)


def running_nodes(lab: Lab, node: str) -> list[str]:
    return sorted(ctl_json(lab, node, "cluster_status").get("running_nodes", []))


def queue_leader(lab: Lab, node: str, queue: str) -> str | None:
    """The host part of the quorum queue's leader (``rabbit@r1`` -> ``r1``)."""
    for q in ctl_json(lab, node, "list_queues", "name", "leader"):
        if q.get("name") == queue and q.get("leader"):
            return str(q["leader"]).split("@", 1)[1]
    return None
