"""Well-known ports of the cluster services, as data (the APIs register theirs: model.registry).

Sources: the ports measured or looked up for this project, the
OpenStack install guides' endpoint ports, the RabbitMQ networking guide
(4369 epmd, 5672/5671 AMQP, 25672 inter-node, 35672–35682 CLI tools, 15672
management), the Galera ports (3306, 4444 SST, 4567 tcp+udp replication,
4568 IST), corosync.conf(5) (knet link N on UDP 5405+N; 5404 kept open as
firewalld's high-availability service does), pcsd 2224, pacemaker_remote
3121, fence_virtd 1229.
"""

from __future__ import annotations

from openstack_ha.model.registry import api_services

__all__ = [
    "AMQP",
    "AMQPS",
    "CLUSTERCHECK",
    "COROSYNC_EXTRA",
    "COROSYNC_LINK0",
    "EPMD",
    "FENCE_XVM",
    "GALERA_IST",
    "GALERA_REPLICATION",
    "GALERA_SST",
    "MYSQL",
    "PACEMAKER_REMOTE",
    "PCSD",
    "RABBITMQ_CLI",
    "RABBITMQ_DIST",
    "RABBITMQ_MANAGEMENT",
    "SSH",
    "corosync_port",
    "reserved_ports",
]

SSH = 22
PCSD = 2224
PACEMAKER_REMOTE = 3121
COROSYNC_EXTRA = 5404
COROSYNC_LINK0 = 5405
MYSQL = 3306
GALERA_SST = 4444
GALERA_REPLICATION = 4567
GALERA_IST = 4568
CLUSTERCHECK = 9200
EPMD = 4369
AMQP = 5672
AMQPS = 5671
RABBITMQ_DIST = 25672
RABBITMQ_CLI = (35672, 35682)
RABBITMQ_MANAGEMENT = 15672
FENCE_XVM = 1229


def corosync_port(link: int) -> int:
    """knet link N listens on UDP 5405 + N."""
    return COROSYNC_LINK0 + link


def reserved_ports() -> dict[int, str]:
    """Every TCP port a lab node already uses, with its owner (for collision checks)."""
    out: dict[int, str] = {}
    for service in api_services():
        out[service.port] = service.name
        if service.tls_port is not None:
            out[service.tls_port] = f"{service.name} (TLS)"
    out.update(
        {
            SSH: "ssh",
            PCSD: "pcsd",
            PACEMAKER_REMOTE: "pacemaker_remote",
            MYSQL: "MariaDB",
            GALERA_SST: "Galera SST",
            GALERA_REPLICATION: "Galera replication",
            GALERA_IST: "Galera IST",
            CLUSTERCHECK: "clustercheck",
            EPMD: "epmd",
            AMQP: "AMQP",
            AMQPS: "AMQPS",
            RABBITMQ_DIST: "RabbitMQ inter-node",
            RABBITMQ_MANAGEMENT: "RabbitMQ management",
            FENCE_XVM: "fence_virtd",
        }
    )
    for port in range(RABBITMQ_CLI[0], RABBITMQ_CLI[1] + 1):
        out[port] = "RabbitMQ CLI tools"
    return dict(sorted(out.items()))
