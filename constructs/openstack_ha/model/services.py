"""Well-known ports and the OpenStack API service table behind HAProxy, as data.

Sources: ARCHITECTURE §3 (ports measured/looked up for this project), the
OpenStack install guides' endpoint ports, the RabbitMQ networking guide
(4369 epmd, 5672/5671 AMQP, 25672 inter-node, 35672–35682 CLI tools, 15672
management), the Galera ports (3306, 4444 SST, 4567 tcp+udp replication,
4568 IST), corosync.conf(5) (knet link N on UDP 5405+N; 5404 kept open as
firewalld's high-availability service does), pcsd 2224, pacemaker_remote
3121, fence_virtd 1229.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from openstack_ha.model.base import Frozen

__all__ = [
    "AMQP",
    "AMQPS",
    "API_SERVICES",
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
    "ApiService",
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


class ApiService(Frozen):
    """One OpenStack API behind HAProxy: where it listens and how it is checked."""

    name: str
    port: int = Field(description="Frontend port on the VIP(s); also the backend port.")
    public: bool = Field(description="Bound on the public VIP (external network).")
    internal: bool = Field(description="Bound on the internal VIP (management network).")
    mode: Literal["http", "tcp"] = "http"
    check: Literal["tcp", "http"] = Field(
        default="tcp",
        description=(
            "Health check of each backend: tcp (port open). The lab installs no API "
            "service yet, so HTTP checks of their paths would only ever fail."
        ),
    )
    tls_port: int | None = Field(
        default=None,
        description=(
            "Public frontend port when load_balancers.tls is on and it differs (horizon: "
            "443, with 80 redirecting). None: the same port, TLS-terminated."
        ),
    )


# The paper's stateless APIs (ARCHITECTURE §3), in the order HAProxy lists them.
API_SERVICES: tuple[ApiService, ...] = (
    ApiService(name="keystone", port=5000, public=True, internal=True),
    ApiService(name="glance", port=9292, public=True, internal=True),
    ApiService(name="nova", port=8774, public=True, internal=True),
    ApiService(name="nova_metadata", port=8775, public=False, internal=True),
    ApiService(name="placement", port=8778, public=True, internal=True),
    ApiService(name="neutron", port=9696, public=True, internal=True),
    ApiService(name="cinder", port=8776, public=True, internal=True),
    ApiService(name="heat", port=8004, public=True, internal=True),
    ApiService(name="heat_cfn", port=8000, public=True, internal=True),
    ApiService(name="horizon", port=80, public=True, internal=False, tls_port=443),
    ApiService(name="novncproxy", port=6080, public=True, internal=False),
)


def reserved_ports() -> dict[int, str]:
    """Every TCP port a lab node already uses, with its owner (for collision checks)."""
    out: dict[int, str] = {}
    for service in API_SERVICES:
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
