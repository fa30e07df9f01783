"""The service sections of the plan: HAProxy, keepalived, Galera, RabbitMQ, fencing."""

from __future__ import annotations

from typing import Any

from openstack_ha.model.derive.base import _PACEMAKER_VIPS, _BuilderBase
from openstack_ha.model.networks import (
    NetworkName,
)
from openstack_ha.model.plan import (
    FencingPlan,
    GaleraArbitrator,
    GaleraMember,
    GaleraPlan,
    HaproxyBind,
    HaproxyListener,
    HaproxyPlan,
    HaproxyServer,
    KeepalivedInstance,
    KeepalivedPeer,
    KeepalivedPlan,
    RabbitmqMember,
    RabbitmqPlan,
)
from openstack_ha.model.registry import api_services
from openstack_ha.model.services import (
    AMQP,
    CLUSTERCHECK,
    GALERA_IST,
    GALERA_REPLICATION,
    GALERA_SST,
    MYSQL,
    RABBITMQ_DIST,
    RABBITMQ_MANAGEMENT,
)
from openstack_ha.model.vips import VipName

__all__ = ["ServicePlansMixin"]

# The FencingPlan facts an agent may fill (FenceAgentModule.fencing_plan).
_FENCING_FACTS = (
    "xvm_multicast_address",
    "xvm_port",
    "xvm_key_path",
    "virsh_host",
    "virsh_user",
    "virsh_identity_file",
    "openstack_cloud",
    "openstack_clouds_yaml",
)


_KEEPALIVED_VRID_BASE = 51

_GALERA_CONFIG_FILE = "99-openstack-ha-galera.cnf"

_TLS_CERTIFICATE = "/etc/haproxy/tls/public.pem"


class ServicePlansMixin(_BuilderBase):
    """HAProxy, keepalived, Galera, RabbitMQ and the fencing summary."""

    # ------------------------------------------------------------ services

    def _haproxy(self) -> HaproxyPlan:
        spec = self.spec
        lb = spec.load_balancers
        backends = self._members(self.ctl)
        public = self.vip_addrs["public"][1]
        internal = self.vip_addrs["internal"][1]
        listeners: list[HaproxyListener] = []
        for service in api_services():
            binds: list[HaproxyBind] = []
            redirect = False
            if service.public:
                if lb.tls and service.tls_port is not None:
                    binds.append(
                        HaproxyBind(vip="public", address=public, port=service.port, tls=False)
                    )
                    binds.append(
                        HaproxyBind(vip="public", address=public, port=service.tls_port, tls=True)
                    )
                    redirect = True
                else:
                    binds.append(
                        HaproxyBind(vip="public", address=public, port=service.port, tls=lb.tls)
                    )
            if service.internal:
                binds.append(
                    HaproxyBind(vip="internal", address=internal, port=service.port, tls=False)
                )
            listeners.append(
                HaproxyListener(
                    name=service.name,
                    mode=service.mode,
                    binds=tuple(binds),
                    servers=tuple(
                        HaproxyServer(
                            name=b.hostname,
                            address=self._addr(b, "management"),
                            port=service.port,
                            backup=False,
                        )
                        for b in backends
                    ),
                    balance="roundrobin",
                    check=service.check,
                    check_port=None,
                    http_check=(
                        f"GET {service.http_check_path}" if service.check == "http" else None
                    ),
                    stick_on_dst=False,
                    timeout_client=None,
                    timeout_server=None,
                    redirect_to_https=redirect,
                )
            )
        db_members = self._members(self.db)
        listeners.append(
            HaproxyListener(
                name="galera",
                mode="tcp",
                binds=(
                    HaproxyBind(
                        vip="database", address=self.vip_addrs["database"][1], port=MYSQL, tls=False
                    ),
                ),
                # One writer, the others backup: Galera certification conflicts
                # between concurrent writers surface as deadlocks in OpenStack.
                servers=tuple(
                    HaproxyServer(
                        name=m.hostname,
                        address=self._addr(m, "management"),
                        port=MYSQL,
                        backup=i > 0,
                    )
                    for i, m in enumerate(db_members)
                ),
                balance="first",
                check="http",
                check_port=CLUSTERCHECK,
                http_check="GET /",
                stick_on_dst=True,
                # Long-lived pooled connections of the OpenStack services.
                timeout_client="90m",
                timeout_server="90m",
                redirect_to_https=False,
            )
        )
        return HaproxyPlan(
            nodes=tuple(m.hostname for m in self._members(self.lb)),
            config_path=self.os.paths.haproxy_cfg,
            maxconn_global=lb.maxconn_global,
            maxconn_defaults=lb.maxconn_defaults,
            open_files_limit=max(16384, 2 * lb.maxconn_global + 1024),
            tls=lb.tls,
            tls_certificate_path=_TLS_CERTIFICATE if lb.tls else None,
            stats_port=lb.stats_port,
            listeners=tuple(listeners),
            managed_by="pacemaker" if lb.vip_manager == "pacemaker" else "systemd",
        )

    def _keepalived(self) -> KeepalivedPlan | None:
        if self.spec.load_balancers.vip_manager != "keepalived":
            return None
        holders = self._members(self.lb)
        instances = []
        # One VRRP instance per network: its VIPs move together. Its VRID is
        # the base plus the position of its first VIP (public 51, internal 52).
        by_network: dict[NetworkName, list[VipName]] = {}
        for vip in _PACEMAKER_VIPS:
            by_network.setdefault(self.vip_addrs[vip][0], []).append(vip)
        for network, vips in by_network.items():
            prefix = self._net(network)[1]
            instances.append(
                KeepalivedInstance(
                    name=f"vips-{network}",
                    network=network,
                    vips=tuple(vips),
                    addresses=tuple(f"{self.vip_addrs[v][1]}/{prefix}" for v in vips),
                    virtual_router_id=_KEEPALIVED_VRID_BASE + _PACEMAKER_VIPS.index(vips[0]),
                    advert_int_s=1,
                    peers=tuple(
                        KeepalivedPeer(
                            hostname=h.hostname,
                            priority=150 - (h.index - 1),
                            address=self._addr(h, network),
                        )
                        for h in holders
                    ),
                )
            )
        return KeepalivedPlan(
            nodes=tuple(h.hostname for h in holders),
            config_path=self.os.paths.keepalived_conf,
            instances=tuple(instances),
        )

    def _galera(self) -> GaleraPlan:
        spec = self.spec
        db = spec.database
        members = self._members(self.db)
        paths = self.os.paths
        arbitrator = None
        if self.arbitrator is not None:
            arbitrator = GaleraArbitrator(
                hostname=self.arbitrator.hostname,
                address=self._addr(self.arbitrator, "management"),
                config_path=paths.garbd_config,
            )
        return GaleraPlan(
            cluster_name=db.cluster_name,
            members=tuple(
                GaleraMember(hostname=m.hostname, address=self._addr(m, "management"))
                for m in members
            ),
            network="management",
            wsrep_cluster_address="gcomm://"
            + ",".join(str(self._addr(m, "management")) for m in members),
            sst_method=db.sst_method,
            gcache_size_mib=db.gcache_size_mib,
            max_connections=db.max_connections,
            open_files_limit=db.open_files_limit,
            port=MYSQL,
            replication_port=GALERA_REPLICATION,
            ist_port=GALERA_IST,
            sst_port=GALERA_SST,
            clustercheck_port=CLUSTERCHECK,
            provider_path=paths.galera_provider,
            config_path=f"{paths.galera_config_dir}/{_GALERA_CONFIG_FILE}",
            datadir=paths.mysql_datadir,
            arbitrator=arbitrator,
        )

    def _rabbitmq(self) -> RabbitmqPlan:
        spec = self.spec
        clustered = spec.brokers.mode == "clustered"
        members = self._members(self.mq)
        vip = None if clustered else self.vip_addrs["broker"][1]
        hosts = (
            tuple(f"{self._addr(m, 'management')}:{AMQP}" for m in members)
            if clustered
            else (f"{vip}:{AMQP}",)
        )
        paths = self.os.paths
        return RabbitmqPlan(
            mode=spec.brokers.mode,
            members=tuple(
                RabbitmqMember(
                    hostname=m.hostname,
                    address=self._addr(m, "management"),
                )
                for m in members
            ),
            network="management",
            cluster_partition_handling="pause_minority" if clustered else "ignore",
            queue_type="quorum" if clustered else "classic",
            amqp_port=AMQP,
            dist_port=RABBITMQ_DIST,
            management_port=RABBITMQ_MANAGEMENT,
            vip=vip,
            transport_hosts=hosts,
            open_files_limit=spec.brokers.open_files_limit,
            config_path=paths.rabbitmq_conf,
            env_path=paths.rabbitmq_env,
            cookie_path=paths.rabbitmq_cookie,
        )

    # ------------------------------------------------------------ fencing / platform

    def _fencing(self) -> FencingPlan:
        agent = self.agent
        facts: dict[str, Any] = dict.fromkeys(_FENCING_FACTS)
        if self.fence is not None:
            facts.update(self.fence.fencing_plan(self.spec, self.os))
        return FencingPlan(
            agent=agent,
            enabled=agent != "none",
            delay_max_s=self.spec.fencing.delay_max_s,
            **facts,
        )
