"""Cross-cutting tables of the plan: port matrix, secrets, warnings."""

from __future__ import annotations

from typing import Literal

from openstack_ha.model.derive.base import _PACEMAKER_VIPS, _BuilderBase, _or_list
from openstack_ha.model.groups import GROUP_ORDER, GroupName
from openstack_ha.model.networks import (
    NETWORK_ORDER,
    NetworkName,
)
from openstack_ha.model.plan import (
    PlanWarning,
    PortRule,
    SecretNeed,
)
from openstack_ha.model.registry import api_services
from openstack_ha.model.services import (
    AMQP,
    CLUSTERCHECK,
    COROSYNC_EXTRA,
    EPMD,
    GALERA_IST,
    GALERA_REPLICATION,
    GALERA_SST,
    MYSQL,
    PACEMAKER_REMOTE,
    PCSD,
    RABBITMQ_CLI,
    RABBITMQ_DIST,
    RABBITMQ_MANAGEMENT,
    SSH,
    corosync_port,
)
from openstack_ha.model.topology import (
    groups_in_use,
)

__all__ = ["TablesMixin"]


Protocol = Literal["tcp", "udp", "vrrp"]


class TablesMixin(_BuilderBase):
    """The port matrix, the secrets to create and the warnings."""

    # ------------------------------------------------------------ port matrix

    def _port_matrix(self) -> tuple[PortRule, ...]:
        spec = self.spec
        rules: list[PortRule] = []

        # A row of a table: positional arguments read like its columns.
        def add(  # noqa: PLR0917
            source: str,
            target: str,
            protocol: Protocol,
            ports: tuple[int, int] | None,
            network: NetworkName,
            /,
            purpose: str,
        ) -> None:
            rules.append(
                PortRule(
                    source=source,
                    target=target,
                    protocol=protocol,
                    port_min=ports[0] if ports else None,
                    port_max=ports[1] if ports else None,
                    network=network,
                    purpose=purpose,
                )
            )

        def one(port: int) -> tuple[int, int]:
            return (port, port)

        for group in groups_in_use(spec):
            add("network", group, "tcp", one(SSH), "management", "ssh from operators")
        for cluster in self.cluster_seeds:
            g = cluster.group
            for i, network in enumerate(spec.corosync.links):
                low = COROSYNC_EXTRA if i == 0 else corosync_port(i)
                add(g, g, "udp", (low, corosync_port(i)), network, f"corosync knet link {i}")
            add(g, g, "tcp", one(PCSD), "management", "pcsd")
            if any(self.membership[m.hostname][1] == "remote" for m in cluster.members):
                add(g, g, "tcp", one(PACEMAKER_REMOTE), "management", "pacemaker_remote")
            if self.fence is not None:
                for row in self.fence.port_rules(spec, g):
                    add(
                        row.source,
                        row.target,
                        row.protocol,
                        one(row.port),
                        row.network,  # type: ignore[arg-type]
                        row.purpose,
                    )
        lb, ctl, db, mq = self.lb, self.ctl, self.db, self.mq
        lbs = spec.load_balancers
        for service in api_services():
            if service.public:
                add(
                    "network",
                    lb,
                    "tcp",
                    one(service.port),
                    "external",
                    f"{service.name} API on the public VIP",
                )
                if lbs.tls and service.tls_port is not None:
                    add(
                        "network",
                        lb,
                        "tcp",
                        one(service.tls_port),
                        "external",
                        f"{service.name} API on the public VIP (TLS)",
                    )
            if service.internal:
                add(
                    "network",
                    lb,
                    "tcp",
                    one(service.port),
                    "management",
                    f"{service.name} API on the internal VIP",
                )
            add(lb, ctl, "tcp", one(service.port), "management", f"{service.name} API backend")
        add("network", lb, "tcp", one(lbs.stats_port), "management", "HAProxy stats")
        add(ctl, lb, "tcp", one(MYSQL), "management", "MariaDB through the database VIP")
        add(lb, db, "tcp", one(MYSQL), "management", "HAProxy to MariaDB")
        add(lb, db, "tcp", one(CLUSTERCHECK), "management", "HAProxy health check (clustercheck)")
        add(db, db, "tcp", one(GALERA_REPLICATION), "management", "Galera replication")
        add(db, db, "udp", one(GALERA_REPLICATION), "management", "Galera replication")
        add(db, db, "tcp", one(GALERA_IST), "management", "Galera IST")
        add(db, db, "tcp", one(GALERA_SST), "management", "Galera SST")
        if self.arbitrator is not None:
            arb: GroupName = self.arbitrator.group
            for proto in ("tcp", "udp"):
                add(db, arb, proto, one(GALERA_REPLICATION), "management", "Galera to garbd")
                add(arb, db, proto, one(GALERA_REPLICATION), "management", "garbd to Galera")
        add(ctl, mq, "tcp", one(AMQP), "management", "AMQP")
        add("network", mq, "tcp", one(RABBITMQ_MANAGEMENT), "management", "RabbitMQ management UI")
        if spec.brokers.mode == "clustered":
            add(mq, mq, "tcp", one(EPMD), "management", "epmd")
            add(mq, mq, "tcp", one(RABBITMQ_DIST), "management", "RabbitMQ inter-node")
            add(mq, mq, "tcp", RABBITMQ_CLI, "management", "RabbitMQ CLI tools")
        if lbs.vip_manager == "keepalived":
            for vip in _PACEMAKER_VIPS:
                add(lb, lb, "vrrp", None, self.vip_addrs[vip][0], "VRRP (keepalived)")
        group_rank = {g: i for i, g in enumerate(GROUP_ORDER)}

        def key(rule: PortRule) -> tuple[int, int, str, int, int, str, str]:
            return (
                group_rank.get(rule.target, len(GROUP_ORDER)),  # type: ignore[call-overload]
                NETWORK_ORDER.index(rule.network),
                rule.protocol,
                rule.port_min or 0,
                rule.port_max or 0,
                rule.source,
                rule.purpose,
            )

        unique = {
            (r.source, r.target, r.protocol, r.port_min, r.port_max, r.network, r.purpose): r
            for r in rules
        }
        return tuple(sorted(unique.values(), key=key))

    # ------------------------------------------------------------ secrets, warnings

    def _secrets(self) -> tuple[SecretNeed, ...]:
        spec = self.spec
        out = [
            SecretNeed(
                name="corosync_authkey",
                kind="bytes",
                length=256,
                purpose="/etc/corosync/authkey: knet crypto key, one per lab",
            ),
            SecretNeed(
                name="hacluster_password",
                kind="password",
                length=32,
                purpose="password of the hacluster user (pcs/crmsh)",
            ),
        ]
        if any(kind == "remote" for _, kind, _ in self.membership.values()):
            out.append(
                SecretNeed(
                    name="pacemaker_authkey",
                    kind="bytes",
                    length=4096,
                    purpose="/etc/pacemaker/authkey shared with pacemaker_remote nodes",
                )
            )
        if spec.database.sst_method == "mariabackup":
            out.append(
                SecretNeed(
                    name="galera_sst_password",
                    kind="password",
                    length=32,
                    purpose="MariaDB user of the mariabackup SST",
                )
            )
        out += [
            SecretNeed(
                name="clustercheck_password",
                kind="password",
                length=32,
                purpose="MariaDB user the clustercheck service queries wsrep state with",
            ),
            SecretNeed(
                name="rabbitmq_erlang_cookie",
                kind="password",
                length=32,
                purpose="Erlang cookie shared by the brokers (letters only)",
            ),
            SecretNeed(
                name="rabbitmq_password",
                kind="password",
                length=32,
                purpose="RabbitMQ user of the OpenStack services",
            ),
            SecretNeed(
                name="haproxy_stats_password",
                kind="password",
                length=32,
                purpose="HAProxy stats page (management network)",
            ),
        ]
        if self.fence is not None:
            out += self.fence.secrets(spec, self.os)
        return tuple(out)

    def _warnings(self) -> tuple[PlanWarning, ...]:
        out = []
        if self.agent == "none":
            out.append(
                PlanWarning(
                    code="fencing_off",
                    loc="fencing.agent",
                    message=(
                        "fencing is switched off (stonith-enabled=false): a node that stops "
                        "answering is never fenced, so a split cluster can run Galera, the VIPs "
                        "and the brokers twice and corrupt data; use "
                        + _or_list(self.profile.fence_agents)
                        + " for anything but a throwaway lab"
                    ),
                )
            )
        if not self.os.verified:
            out.append(
                PlanWarning(
                    code="os_unverified",
                    loc="os_family",
                    message=(
                        f"{self.os.label} package names and paths come from its documentation; "
                        "this project's tests only install and run debian12"
                    ),
                )
            )
        return tuple(out)
