"""A node's whole rendered file tree and its #cloud-config, from the plan and the secrets.

The public entry points:

- :func:`render_lab` ``(plan, secrets) -> LabRender``: every node's
  :class:`NodeTree` (its files, path → content/mode/owner, and its
  ``user_data``), plus the CIB of every Pacemaker cluster as data.
- :func:`render_node` ``(plan, secrets, hostname) -> NodeTree``: one node.
- :func:`write_lab` ``(lab_render, directory)``: one folder per node with
  its ``user-data`` and every file under its real path (the mode is kept,
  the owner is not: it only exists on the node).

Pure: the same plan and secrets give the same bytes. Secrets appear
verbatim (see :mod:`openstack_ha.render.secrets`).
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from openstack_ha.model.fencing import fence_agent
from openstack_ha.model.plan import Node, PacemakerCluster, Plan
from openstack_ha.model.platforms import platform_profile
from openstack_ha.model.registry import api_services
from openstack_ha.render import cib as cibmod
from openstack_ha.render.bootstrap import (
    BOOTSTRAP_PATH,
    BootstrapNode,
    GaleraBoot,
    GarbdBoot,
    HaproxyBoot,
    KeepalivedBoot,
    NodeStep,
    PacemakerBoot,
    RabbitmqBoot,
    render_bootstrap_sh,
)
from openstack_ha.render.cloudinit import CloudFile, build_cloud_config, dump_cloud_config
from openstack_ha.render.corosync import (
    CorosyncCluster,
    CorosyncLink,
    CorosyncNode,
    render_corosync_conf,
)
from openstack_ha.render.galera import (
    SST_LOG_DIR,
    GaleraMember,
    GaleraSettings,
    render_clustercheck_cnf,
    render_galera_bootstrap_json,
    render_galera_cnf,
    render_galera_init_sql,
    render_garbd_config,
)
from openstack_ha.render.haproxy import (
    HaproxyServer,
    HaproxyService,
    HaproxySettings,
    render_haproxy_cfg,
)
from openstack_ha.render.keepalived import (
    INTERFACES_INCLUDE,
    render_keepalived_conf,
)
from openstack_ha.render.rabbitmq import (
    OPENSTACK_USER,
    OPENSTACK_VHOST,
    RabbitmqNode,
    RabbitmqSettings,
    render_enabled_plugins,
    render_rabbitmq_advanced_config,
    render_rabbitmq_conf,
    render_rabbitmq_env,
)
from openstack_ha.render.secrets import Secrets
from openstack_ha.render.system import (
    render_clustercheck_unit,
    render_etc_hosts,
    render_limits_dropin,
    render_sbd_config,
    render_sysctl,
)
from openstack_ha.render.templates import render_template

__all__ = [
    "CIB_PATH",
    "USER_DATA",
    "LabRender",
    "NodeTree",
    "RenderedFile",
    "cluster_cib",
    "node_script",
    "render_lab",
    "render_node",
    "write_lab",
]

CIB_PATH = "/etc/openstack-ha/cib.xml"
SYSCTL_PATH = "/etc/sysctl.d/90-openstack-ha.conf"
CLUSTERCHECK_CNF = "/etc/openstack-ha/clustercheck.cnf"
GALERA_BOOTSTRAP_JSON = "/etc/openstack-ha/galera-bootstrap.json"
GALERA_INIT_SQL = "/etc/openstack-ha/galera-init.sql"
GALERA_BOOTSTRAP_BIN = "/usr/local/sbin/openstack-ha-galera-bootstrap"
CLUSTERCHECK_BIN = "/usr/local/sbin/openstack-ha-clustercheck"
CLUSTERCHECK_UNIT = "/etc/systemd/system/openstack-ha-clustercheck.service"
USER_DATA = "user-data"
# On OpenStack, non-secret files larger than this go into the user-data gzip+base64.
COMPRESS_ABOVE = 2048


@dataclass(frozen=True)
class RenderedFile:
    """A file of a node; ``sensitive`` when it holds a secret (or a token standing for one)."""

    path: str
    content: str
    mode: str = "0644"
    owner: str = "root:root"
    sensitive: bool = False


@dataclass(frozen=True)
class NodeTree:
    hostname: str
    files: tuple[RenderedFile, ...]
    user_data: str

    def file(self, path: str) -> RenderedFile:
        for f in self.files:
            if f.path == path:
                return f
        raise KeyError(f"{self.hostname} has no rendered file {path}")

    def paths(self) -> list[str]:
        return [f.path for f in self.files]


@dataclass(frozen=True)
class LabRender:
    nodes: tuple[NodeTree, ...]
    cibs: tuple[tuple[str, cibmod.Cib], ...]  # (cluster name, CIB)
    warnings: tuple[str, ...]

    def node(self, hostname: str) -> NodeTree:
        for tree in self.nodes:
            if tree.hostname == hostname:
                return tree
        raise KeyError(f"no rendered node {hostname!r}")

    def cib(self, cluster: str) -> cibmod.Cib:
        for name, cib in self.cibs:
            if name == cluster:
                return cib
        raise KeyError(f"no rendered cluster {cluster!r}")


def node_script(name: str) -> str:
    """Text of an on-node program from :mod:`openstack_ha.render.node_scripts`."""
    return (
        resources.files("openstack_ha.render.node_scripts")
        .joinpath(f"{name}.py")
        .read_text(encoding="utf-8")
    )


def cluster_cib(
    cluster: PacemakerCluster, service_class: cibmod.ServiceClass = "service"
) -> cibmod.Cib:
    return cibmod.cib_for_cluster(cluster, service_class=service_class)


def render_lab(
    plan: Plan, secrets: Secrets, *, service_class: cibmod.ServiceClass = "service"
) -> LabRender:
    """Every node of the plan, rendered (raises ``ValueError`` on missing/bad secrets).

    ``service_class``: see :func:`openstack_ha.render.cib.cib_for_cluster`.
    """
    missing = secrets.missing(s.name for s in plan.secrets)
    problems = secrets.problems() + [
        f"secrets.{name}: this lab needs it (plan.secrets lists it), got nothing"
        for name in missing
    ]
    if problems:
        raise ValueError("bad secrets:\n  " + "\n  ".join(problems))
    cibs = tuple((c.name, cluster_cib(c, service_class)) for c in plan.clusters)
    nodes = tuple(_NodeRenderer(plan, secrets, n, dict(cibs)).tree() for n in plan.nodes)
    return LabRender(nodes=nodes, cibs=cibs, warnings=tuple(w.message for w in plan.warnings))


def render_node(plan: Plan, secrets: Secrets, hostname: str) -> NodeTree:
    return render_lab(plan, secrets).node(hostname)


def write_lab(lab: LabRender, directory: Path) -> None:
    """``<directory>/<hostname>/user-data`` and ``<directory>/<hostname>/<real path>``."""
    for tree in lab.nodes:
        root = directory / tree.hostname
        root.mkdir(parents=True, exist_ok=True)
        (root / USER_DATA).write_text(tree.user_data, encoding="utf-8")
        for f in tree.files:
            target = root / f.path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f.content, encoding="utf-8")
            os.chmod(target, int(f.mode, 8))


class _NodeRenderer:
    def __init__(
        self, plan: Plan, secrets: Secrets, node: Node, cibs: dict[str, cibmod.Cib]
    ) -> None:
        self.plan = plan
        self.secrets = secrets
        self.node = node
        self.cibs = cibs
        self.os = plan.os
        self.files: list[RenderedFile] = []
        self.secret_values = [v for v in secrets.values().values() if v]
        self.compress = platform_profile(plan.platform).compress_user_data

    def add(self, path: str, content: str, mode: str = "0644", owner: str = "root:root") -> None:
        sensitive = any(v in content for v in self.secret_values)
        self.files.append(RenderedFile(path, content, mode, owner, sensitive))

    @property
    def mgmt(self) -> str:
        address = self.node.address_on("management")
        assert address is not None  # every node is on management (topology.GROUP_NETWORKS)
        return str(address)

    # ---------------------------------------------------------------- walk

    def tree(self) -> NodeTree:
        node = self.node
        self.add("/etc/hosts", render_etc_hosts(self.plan.hosts))
        self.add(SYSCTL_PATH, render_sysctl(self._sysctls()))
        self.boot_facts = BootstrapNode(
            node=node.hostname,
            roles=node.roles,
            debian_like=self.os.name != "el9",
            sysctl_file=SYSCTL_PATH,
        )
        boot = dataclasses.replace(
            self.boot_facts,
            galera=self._galera(),
            haproxy=self._haproxy(),
            keepalived=self._keepalived(),
            rabbitmq=self._rabbitmq(),
            pacemaker=self._pacemaker(),
            garbd=self._garbd(),
        )
        # The script holds passwords (hacluster, RabbitMQ): root only.
        self.add(BOOTSTRAP_PATH, render_bootstrap_sh(boot, self._api_services()), "0700")
        files = tuple(sorted(self.files, key=lambda f: f.path))
        doc = build_cloud_config(
            hostname=node.hostname,
            fqdn=node.fqdn,
            packages=node.packages,
            files=[
                CloudFile(
                    f.path,
                    f.content,
                    f.mode,
                    f.owner,
                    # Keeps user-data under Nova's 64 KiB; never a file with a
                    # secret, whose token Terraform must still see in the text.
                    # Only where the platform asks (see PlatformProfile).
                    compress=(
                        self.compress and not f.sensitive and len(f.content) > COMPRESS_ABOVE
                    ),
                )
                for f in files
            ],
            runcmd=[[BOOTSTRAP_PATH]],
            block_service_autostart=boot.debian_like,
        )
        return NodeTree(node.hostname, files, dump_cloud_config(doc))

    def _api_services(self) -> tuple[NodeStep, ...]:
        """The registered APIs' files on a controller, and their bootstrap steps."""
        if "controller" not in self.node.roles:
            return ()
        steps = []
        secrets = self.secrets.values()
        for service in api_services():
            context = {"plan": self.plan, "node": self.node, "service": service}
            for f in service.config_files:
                content = render_template(f.template, secrets=secrets, **context)
                self.add(f.path, content, f.mode, f.owner)
            if service.bootstrap is not None:
                steps.append(
                    NodeStep(service.bootstrap.template, service.bootstrap.order, context)
                )
        return tuple(steps)

    def _sysctls(self) -> dict[str, str]:
        settings = dict(self.node.sysctls)
        # An active-passive broker listens on the broker VIP too, and the
        # bootstrap starts it once before Pacemaker brings the VIP.
        if "broker" in self.node.roles and self.plan.rabbitmq.mode == "active-passive":
            settings["net.ipv4.ip_nonlocal_bind"] = "1"
        return settings

    # ---------------------------------------------------------------- roles

    def _galera(self) -> GaleraBoot | None:
        if "database" not in self.node.roles:
            return None
        g = self.plan.galera
        settings = GaleraSettings(
            cluster_name=g.cluster_name,
            members=tuple(GaleraMember(m.hostname, str(m.address)) for m in g.members),
            provider=g.provider_path,
            datadir=g.datadir,
            socket=self.os.paths.mysql_socket,
            sst_method=g.sst_method,
            gcache_size_mib=g.gcache_size_mib,
            max_connections=g.max_connections,
            open_files_limit=g.open_files_limit,
            port=g.port,
            replication_port=g.replication_port,
            ist_port=g.ist_port,
            sst_port=g.sst_port,
        )
        me = GaleraMember(self.node.hostname, self.mgmt)
        sst = self.secrets.galera_sst_password if g.sst_method == "mariabackup" else None
        self.add(g.config_path, render_galera_cnf(settings, me, sst), "0640", "root:mysql")
        self.add(
            GALERA_INIT_SQL,
            render_galera_init_sql(
                sst_password=sst,
                clustercheck_password=self.secrets.require("clustercheck_password"),
            ),
            "0600",
        )
        self.add(
            CLUSTERCHECK_CNF,
            render_clustercheck_cnf(
                self.os.paths.mysql_socket, self.secrets.require("clustercheck_password")
            ),
            "0640",
            "root:mysql",
        )
        self.add(
            GALERA_BOOTSTRAP_JSON,
            render_galera_bootstrap_json(
                settings,
                me,
                mariadb_service=self.os.services.mariadb,
                clustercheck_port=g.clustercheck_port,
            ),
        )
        self.add(GALERA_BOOTSTRAP_BIN, node_script("galera_bootstrap"), "0755")
        self.add(CLUSTERCHECK_BIN, node_script("clustercheck"), "0755")
        self.add(
            CLUSTERCHECK_UNIT,
            render_clustercheck_unit(
                listen=f"{self.mgmt}:{g.clustercheck_port}",
                client_cnf=CLUSTERCHECK_CNF,
                user="mysql",
            ),
        )
        self.add(
            f"/etc/systemd/system/{self.os.services.mariadb}.service.d/openstack-ha-limits.conf",
            render_limits_dropin("MariaDB", g.open_files_limit),
        )
        return GaleraBoot(
            service=self.os.services.mariadb,
            user="mysql",
            sst_log_dir=SST_LOG_DIR,
            bootstrap_config=GALERA_BOOTSTRAP_JSON,
            clustercheck_port=g.clustercheck_port,
        )

    def _haproxy(self) -> HaproxyBoot | None:
        if "load_balancer" not in self.node.roles:
            return None
        h = self.plan.haproxy
        services = []
        for listener in h.listeners:
            health: Literal["tcp", "http", "clustercheck"] = (
                "clustercheck" if listener.check_port is not None else listener.check
            )
            services.append(
                HaproxyService(
                    name=listener.name,
                    frontends=tuple((str(b.address), b.port, b.tls) for b in listener.binds),
                    servers=tuple(
                        HaproxyServer(s.name, str(s.address), s.port, s.backup)
                        for s in listener.servers
                    ),
                    mode=listener.mode,
                    health=health,
                    balance=listener.balance,
                    timeout_client=listener.timeout_client,
                    timeout_server=listener.timeout_server,
                    redirect_to_https=listener.redirect_to_https,
                    stick_on_dst=listener.stick_on_dst,
                    check_port=listener.check_port,
                    http_check=listener.http_check or "GET /",
                )
            )
        settings = HaproxySettings(
            stats_address=self.mgmt,
            stats_port=h.stats_port,
            global_maxconn=h.maxconn_global,
            defaults_maxconn=h.maxconn_defaults,
            tls_cert=h.tls_certificate_path or "",
        )
        self.add(
            h.config_path,
            render_haproxy_cfg(
                settings, tuple(services), self.secrets.require("haproxy_stats_password")
            ),
            "0640",
            "root:haproxy",
        )
        self.add(
            f"/etc/systemd/system/{self.os.services.haproxy}.service.d/openstack-ha-limits.conf",
            render_limits_dropin("HAProxy", h.open_files_limit),
        )
        return HaproxyBoot(
            service=self.os.services.haproxy,
            config=h.config_path,
            managed_by=h.managed_by,
            tls_certificate=h.tls_certificate_path,
            tls_common_name=str(self.plan.vip("public").address),
        )

    def _keepalived(self) -> KeepalivedBoot | None:
        k = self.plan.keepalived
        if k is None or self.node.hostname not in k.nodes:
            return None
        me = self.node.hostname
        self.add(k.config_path, render_keepalived_conf(me, k.instances), "0640")
        interfaces = tuple(
            (inst.network, str(next(p.address for p in inst.peers if p.hostname == me)))
            for inst in k.instances
        )
        return KeepalivedBoot(
            service=self.os.services.keepalived,
            config=k.config_path,
            include=INTERFACES_INCLUDE,
            interfaces=interfaces,
        )

    def _rabbitmq(self) -> RabbitmqBoot | None:
        if "broker" not in self.node.roles:
            return None
        r = self.plan.rabbitmq
        nodes = tuple(RabbitmqNode(m.hostname, str(m.address)) for m in r.members)
        me = RabbitmqNode(self.node.hostname, self.mgmt)
        settings = RabbitmqSettings(
            mode=r.mode,
            nodes=nodes,
            vip=str(r.vip) if r.vip is not None else None,
            amqp_port=r.amqp_port,
            dist_port=r.dist_port,
            management_port=r.management_port,
        )
        self.add(r.config_path, render_rabbitmq_conf(settings, me), "0640", "root:rabbitmq")
        if r.mode == "clustered":
            self.add(
                "/etc/rabbitmq/advanced.config",
                render_rabbitmq_advanced_config(),
                "0640",
                "root:rabbitmq",
            )
        self.add(r.env_path, render_rabbitmq_env(me))
        self.add("/etc/rabbitmq/enabled_plugins", render_enabled_plugins())
        self.add(
            r.cookie_path,
            self.secrets.require("rabbitmq_erlang_cookie"),
            "0400",
            "rabbitmq:rabbitmq",
        )
        self.add(
            f"/etc/systemd/system/{self.os.services.rabbitmq}.service.d/openstack-ha-limits.conf",
            render_limits_dropin("RabbitMQ", r.open_files_limit),
        )
        first = r.members[0]
        return RabbitmqBoot(
            mode=r.mode,
            service=self.os.services.rabbitmq,
            first=first.hostname == self.node.hostname,
            first_name=first.hostname,
            first_address=str(first.address),
            amqp_port=r.amqp_port,
            count=len(r.members),
            vhost=OPENSTACK_VHOST,
            user=OPENSTACK_USER,
            password=self.secrets.require("rabbitmq_password"),
            queue_type=r.queue_type,
        )

    def _pacemaker(self) -> PacemakerBoot | None:
        if self.node.cluster is None:
            return None
        cluster = self.plan.cluster(self.node.cluster)
        paths = self.os.paths
        has_remote = any(m.kind == "remote" for m in cluster.members)
        pcmk_key_b64 = "/etc/pacemaker/authkey.b64" if has_remote else None
        if pcmk_key_b64 is not None:
            self.add(pcmk_key_b64, self.secrets.require("pacemaker_authkey"), "0600")
        full = cluster.full_members()
        loader = min(full, key=lambda m: m.nodeid or 0)
        remote = self.node.pacemaker_role == "remote"
        if not remote:
            self.add(paths.corosync_conf, render_corosync_conf(self._corosync(cluster)))
            self.add("/etc/corosync/authkey.b64", self.secrets.require("corosync_authkey"), "0600")
            self.add(
                CIB_PATH,
                cibmod.to_xml(self.cibs[cluster.name]),
                "0640",
            )
        fence = fence_agent(cluster.fencing_agent) if cluster.fencing_agent != "none" else None
        if not remote and fence is not None:
            for f in fence.files(self.plan):
                self.add(f.path, self.secrets.require(f.secret), f.mode)
        if cluster.sbd is not None:
            self.add(paths.sbd_config, render_sbd_config(cluster.sbd))
        step = {
            "loader": loader.hostname == self.node.hostname,
            "loader_name": loader.hostname,
            "cib": CIB_PATH,
        }
        fragments = {"install": "", "cib": ""}
        if fence is not None:
            facts = fence.bootstrap_context(self.plan, cluster)
            context = {"b": self.boot_facts, "p": step, "f": facts}
            for point, template in (
                ("install", fence.bootstrap_install),
                ("cib", fence.bootstrap_cib),
            ):
                if template is not None:
                    fragments[point] = render_template(template, **context)
        return PacemakerBoot(
            cluster=cluster.name,
            remote=remote,
            loader=loader.hostname == self.node.hostname,
            loader_name=loader.hostname,
            full_members=len(full),
            corosync_service=self.os.services.corosync,
            pacemaker_service=self.os.services.pacemaker,
            corosync_authkey_b64="/etc/corosync/authkey.b64",
            corosync_authkey=paths.corosync_authkey,
            pacemaker_authkey_b64=pcmk_key_b64,
            pacemaker_authkey=paths.pacemaker_authkey,
            hacluster_password=self.secrets.require("hacluster_password"),
            cib=CIB_PATH,
            fence_install=fragments["install"],
            fence_cib=fragments["cib"],
        )

    def _corosync(self, cluster: PacemakerCluster) -> CorosyncCluster:
        logdir = "/var/log/cluster" if self.os.name == "el9" else "/var/log/corosync"
        return CorosyncCluster(
            name=cluster.name,
            nodes=tuple(
                CorosyncNode(
                    nodeid=m.nodeid or 0,
                    name=m.hostname,
                    addresses=tuple(
                        str(a.address) for a in sorted(m.link_addresses, key=lambda a: a.linknumber)
                    ),
                )
                for m in cluster.full_members()
            ),
            # Link 0 (management) carries the traffic; later links stand by.
            links=tuple(
                CorosyncLink(
                    number=link.linknumber,
                    network=link.network,
                    priority=len(cluster.links) - link.linknumber,
                )
                for link in cluster.links
            ),
            token_timeout_ms=cluster.token_timeout_ms,
            crypto_cipher=cluster.crypto_cipher,
            crypto_hash=cluster.crypto_hash,
            logfile=f"{logdir}/corosync.log",
            keyfile=self.os.paths.corosync_authkey,
        )

    def _garbd(self) -> GarbdBoot | None:
        arb = self.plan.galera.arbitrator
        if arb is None or arb.hostname != self.node.hostname:
            return None
        g = self.plan.galera
        self.add(
            arb.config_path,
            render_garbd_config(
                cluster_name=g.cluster_name,
                members=tuple(GaleraMember(m.hostname, str(m.address)) for m in g.members),
                address=str(arb.address),
                port=g.replication_port,
            ),
        )
        return GarbdBoot(
            service=self.os.services.garbd,
            clustercheck_port=g.clustercheck_port,
            member_addresses=tuple(str(m.address) for m in g.members),
        )
