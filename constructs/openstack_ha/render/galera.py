"""MariaDB Galera: galera.cnf, the users' SQL, the clustercheck client options.

galera.cnf binds everything to the node's management address: the SQL port
(3306), group communication (``gmcast.listen_addr``, 4567), IST (4568) and
SST (4444). ``wsrep_cluster_address`` lists every member by management
address, so no name resolution is involved. Settings Galera requires:
``binlog_format=ROW``, ``innodb_autoinc_lock_mode=2``, InnoDB only.
``[sst] sst-log-archive-dir`` keeps SST logs out of ``/tmp/sst_log_archive``
(wsrep_sst_mariabackup's default).

The ``sst`` user (mariabackup) and the ``clustercheck`` user (USAGE only:
reads ``wsrep_local_state``) are created by ``openstack-ha-galera-bootstrap prepare`` from
:func:`render_galera_init_sql`, in a private server before the node first
joins, so whichever node bootstraps already has them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from openstack_ha.render.templates import render_template

__all__ = [
    "GaleraMember",
    "GaleraSettings",
    "render_clustercheck_cnf",
    "render_galera_bootstrap_json",
    "render_galera_cnf",
    "render_galera_init_sql",
    "render_garbd_config",
]

SST_USER = "sst"
CLUSTERCHECK_USER = "clustercheck"
SST_LOG_DIR = "/var/log/mysql/sst"


@dataclass(frozen=True)
class GaleraMember:
    name: str
    address: str


@dataclass(frozen=True)
class GaleraSettings:
    cluster_name: str
    members: tuple[GaleraMember, ...]
    provider: str
    datadir: str
    socket: str
    sst_method: str = "mariabackup"
    gcache_size_mib: int = 512
    max_connections: int = 4096
    open_files_limit: int = 16384
    # The plan's ports (model/services.py); the defaults are Galera's own.
    port: int = 3306
    replication_port: int = 4567
    ist_port: int = 4568
    sst_port: int = 4444

    def gcomm(self) -> str:
        """``gcomm://a,b,c`` over the members' management addresses, in member order."""
        return "gcomm://" + ",".join(_host(m.address) for m in self.members)


def _host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def render_galera_cnf(settings: GaleraSettings, me: GaleraMember, sst_password: str | None) -> str:
    """The drop-in read after the distribution's own files (hence ``99-`` in its name)."""
    if me not in settings.members:
        raise ValueError(f"galera: {me.name!r} is not a member of {settings.cluster_name!r}")
    addr = _host(me.address)
    provider_options = "; ".join(
        [
            f"gmcast.listen_addr=tcp://{addr}:{settings.replication_port}",
            f"ist.recv_addr={addr}:{settings.ist_port}",
            f"gcache.size={settings.gcache_size_mib}M",
            # Evict a silent member after ~2 s instead of Galera's 5 s: until
            # it is evicted, the survivors block every commit. Measured in
            # tests/live (writer SIGKILLed behind HAProxy): longest write gap
            # 6.0-6.3 s with the defaults, 3.5 s with these. The order Galera
            # requires holds: keepalive <= suspect <= inactive.
            "evs.keepalive_period=PT0.5S",
            "evs.suspect_timeout=PT2S",
            "evs.inactive_timeout=PT4S",
            "evs.install_timeout=PT3S",
        ]
    )
    mysqld = [
        ("bind-address", me.address),
        ("port", str(settings.port)),
        ("datadir", settings.datadir),
        ("socket", settings.socket),
        ("default_storage_engine", "InnoDB"),
        ("binlog_format", "ROW"),
        ("innodb_autoinc_lock_mode", "2"),
        ("innodb_flush_log_at_trx_commit", "2"),
        ("max_connections", str(settings.max_connections)),
        ("open_files_limit", str(settings.open_files_limit)),
        ("skip_name_resolve", "ON"),
        ("wsrep_on", "ON"),
        ("wsrep_provider", settings.provider),
        ("wsrep_cluster_name", settings.cluster_name),
        ("wsrep_cluster_address", settings.gcomm()),
        ("wsrep_node_name", me.name),
        ("wsrep_node_address", me.address),
        ("wsrep_sst_receive_address", f"{addr}:{settings.sst_port}"),
        ("wsrep_provider_options", f'"{provider_options}"'),
        ("wsrep_sst_method", settings.sst_method),
    ]
    if settings.sst_method == "mariabackup":
        if sst_password is None:
            raise ValueError("galera: mariabackup SST needs secrets.galera_sst_password")
        mysqld.append(("wsrep_sst_auth", f"{SST_USER}:{sst_password}"))
    sections = [
        ("mysqld", mysqld),
        # mysqld_safe (used by the galera resource agent) raises the limit itself.
        ("mysqld_safe", [("open-files-limit", str(settings.open_files_limit))]),
        ("sst", [("sst-log-archive-dir", SST_LOG_DIR)]),
    ]
    return render_template(
        "my.cnf.j2",
        header=(
            f"Rendered by openstack-ha: Galera member {me.name} of {settings.cluster_name}. "
            "Re-render the lab instead of editing."
        ),
        sections=sections,
    )


def render_clustercheck_cnf(socket: str, password: str) -> str:
    """Client options for the clustercheck responder (``--defaults-extra-file``)."""
    return render_template(
        "my.cnf.j2",
        header="Rendered by openstack-ha: the clustercheck responder's MariaDB login.",
        sections=[
            ("client", [("user", CLUSTERCHECK_USER), ("password", password), ("socket", socket)])
        ],
    )


def render_galera_init_sql(*, sst_password: str | None, clustercheck_password: str) -> str:
    """Idempotent SQL run once per node in a private server (see module docstring).

    Administrators use MariaDB's ``root@localhost`` through its unix socket
    (no password), as the galera resource agent does for its checks.
    """
    lines = ["-- Rendered by openstack-ha: users every Galera member has before it joins."]
    if sst_password is not None:
        lines += [
            f"CREATE USER IF NOT EXISTS '{SST_USER}'@'localhost' IDENTIFIED BY '{sst_password}';",
            f"ALTER USER '{SST_USER}'@'localhost' IDENTIFIED BY '{sst_password}';",
            # mariabackup's documented needs for MariaDB 10.5+.
            f"GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* "
            f"TO '{SST_USER}'@'localhost';",
        ]
    lines += [
        f"CREATE USER IF NOT EXISTS '{CLUSTERCHECK_USER}'@'localhost' "
        f"IDENTIFIED BY '{clustercheck_password}';",
        f"ALTER USER '{CLUSTERCHECK_USER}'@'localhost' IDENTIFIED BY '{clustercheck_password}';",
        f"GRANT USAGE ON *.* TO '{CLUSTERCHECK_USER}'@'localhost';",
        "FLUSH PRIVILEGES;",
    ]
    return "\n".join(lines) + "\n"


def render_galera_bootstrap_json(
    settings: GaleraSettings,
    me: GaleraMember,
    *,
    mariadb_service: str,
    clustercheck_port: int,
    peer_timeout_s: int = 600,
) -> str:
    """Settings of ``openstack-ha-galera-bootstrap`` on one node (sorted JSON)."""
    data = {
        "node": me.name,
        "members": [{"name": m.name, "address": m.address} for m in settings.members],
        "datadir": settings.datadir,
        "clustercheck_port": clustercheck_port,
        "peer_timeout_s": peer_timeout_s,
        "position_file": "/run/openstack-ha/galera-position.json",
        "init_sql": "/etc/openstack-ha/galera-init.sql",
        "prepared_marker": "/var/lib/openstack-ha/galera-prepared",
        # Used only when Galera runs outside Pacemaker (the live tests, or by
        # hand); under Pacemaker the galera agent starts mariadbd itself.
        "bootstrap_command": ["galera_new_cluster"],
        "join_command": ["systemctl", "start", mariadb_service],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def render_garbd_config(
    *, cluster_name: str, members: tuple[GaleraMember, ...], address: str, port: int
) -> str:
    """Environment file of the garb service (Debian /etc/default/garb, EL /etc/sysconfig/garb)."""
    nodes = " ".join(f"{_host(m.address)}:{port}" for m in members)
    return (
        "# Rendered by openstack-ha: the Galera arbitrator (garbd) keeps an even cluster quorate.\n"
        f'GALERA_NODES="{nodes}"\n'
        f'GALERA_GROUP="{cluster_name}"\n'
        f'GALERA_OPTIONS="gmcast.listen_addr=tcp://{_host(address)}:{port}"\n'
        'LOG_FILE="/var/log/garbd.log"\n'
    )
