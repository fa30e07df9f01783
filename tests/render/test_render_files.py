"""Per-renderer unit tests: exact output for small inputs, and the rules each enforces."""

from __future__ import annotations

import json
from ipaddress import IPv4Address

import pytest
from render_helpers import ALL_SCENARIOS, plan_of, rendered

from openstack_ha.model import api_services
from openstack_ha.model.plan import KeepalivedInstance, KeepalivedPeer
from openstack_ha.render.corosync import (
    CorosyncCluster,
    CorosyncLink,
    CorosyncNode,
    render_corosync_conf,
    unknown_keys,
)
from openstack_ha.render.galera import (
    GaleraMember,
    GaleraSettings,
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
    render_interfaces_include,
    render_keepalived_conf,
)
from openstack_ha.render.rabbitmq import (
    RabbitmqNode,
    RabbitmqSettings,
    render_enabled_plugins,
    render_rabbitmq_advanced_config,
    render_rabbitmq_conf,
    render_rabbitmq_env,
)

# ---------------------------------------------------------------- corosync

TWO_NODES = CorosyncCluster(
    "lb",
    (
        CorosyncNode(2, "lb2", ("10.0.0.81", "10.0.1.81")),
        CorosyncNode(1, "lb1", ("10.0.0.80", "10.0.1.80")),
    ),
    (CorosyncLink(1, "storage", 1), CorosyncLink(0, "management", 2)),
    3000,
)

TWO_NODES_CONF = """\
# Rendered by openstack-ha for cluster lb (link 0 on management, link 1 on storage).
# Identical on every member; re-render the lab instead of editing.
totem {
    version: 2
    cluster_name: lb
    transport: knet
    crypto_cipher: aes256
    crypto_hash: sha256
    keyfile: /etc/corosync/authkey
    token: 3000
    link_mode: passive
    interface {
        linknumber: 0
        knet_link_priority: 2
    }
    interface {
        linknumber: 1
        knet_link_priority: 1
    }
}

nodelist {
    node {
        nodeid: 1
        name: lb1
        ring0_addr: 10.0.0.80
        ring1_addr: 10.0.1.80
    }
    node {
        nodeid: 2
        name: lb2
        ring0_addr: 10.0.0.81
        ring1_addr: 10.0.1.81
    }
}

quorum {
    provider: corosync_votequorum
    two_node: 1
}

logging {
    to_syslog: yes
    to_logfile: yes
    logfile: /var/log/corosync/corosync.log
    timestamp: on
}
"""


def test_corosync_two_nodes_two_links_exactly() -> None:
    assert render_corosync_conf(TWO_NODES) == TWO_NODES_CONF


def test_corosync_two_node_only_for_exactly_two_members() -> None:
    three = CorosyncCluster(
        "db",
        tuple(CorosyncNode(i, f"db{i}", (f"10.0.0.{40 + i}",)) for i in (1, 2, 3)),
        (CorosyncLink(0, "management", 1),),
        3000,
    )
    text = render_corosync_conf(three)
    assert "two_node" not in text
    assert "ring1_addr" not in text


def test_corosync_refuses_crypto_off_and_missing_link_addresses() -> None:
    with pytest.raises(ValueError, match="knet crypto must stay on"):
        render_corosync_conf(
            CorosyncCluster("x", TWO_NODES.nodes, TWO_NODES.links, 3000, crypto_cipher="none")
        )
    short = CorosyncCluster("x", (CorosyncNode(1, "a", ("10.0.0.1",)),), TWO_NODES.links, 3000)
    with pytest.raises(ValueError, match="node 'a' has 1 link addresses for 2 links"):
        render_corosync_conf(short)


def test_corosync_allow_list_catches_what_corosync_t_ignores() -> None:
    bad = TWO_NODES_CONF.replace("token: 3000", "tokn: 3000").replace("quorum {", "quorom {")
    assert unknown_keys(bad) == [
        "corosync.conf line 10: unknown key 'tokn' in totem; did you mean 'token'?",
        "corosync.conf line 37: unknown section 'quorom'; allowed: logging, "
        "logging.logger_subsys, nodelist, nodelist.node, nozzle, quorum, quorum.device, "
        "resources, resources.watchdog_device, system, totem, totem.interface",
    ]
    assert unknown_keys("totem {\n") == [
        "corosync.conf: end of file: section 'totem' is not closed"
    ]


@pytest.mark.parametrize("name", sorted(ALL_SCENARIOS))
def test_every_rendered_corosync_conf_passes_the_allow_list(name: str) -> None:
    plan = plan_of(name)
    for tree in rendered(name).nodes:
        if plan.os.paths.corosync_conf in tree.paths():
            assert unknown_keys(tree.file(plan.os.paths.corosync_conf).content) == []


# ---------------------------------------------------------------- haproxy

SERVICES = (
    HaproxyService(
        "keystone",
        (("10.0.3.10", 5000, False), ("10.0.0.10", 5000, False)),
        (HaproxyServer("ctl1", "10.0.0.20", 5000), HaproxyServer("ctl2", "10.0.0.21", 5000)),
    ),
    HaproxyService(
        "galera",
        (("10.0.0.11", 3306, False),),
        (
            HaproxyServer("db1", "10.0.0.40", 3306),
            HaproxyServer("db2", "10.0.0.41", 3306, backup=True),
        ),
        mode="tcp",
        health="clustercheck",
        check_port=9200,
        stick_on_dst=True,
        balance="first",
        timeout_client="90m",
        timeout_server="90m",
    ),
)

HAPROXY_CFG = """\
# Rendered by openstack-ha; re-render the lab instead of editing.
global
    log /dev/log local0
    maxconn 20480
    user haproxy
    group haproxy
    daemon
    stats socket /run/haproxy/admin.sock mode 660 level admin

defaults
    log global
    mode tcp
    maxconn 4096
    retries 3
    option redispatch
    timeout connect 10s
    timeout client 1m
    timeout server 1m
    timeout check 10s
    timeout http-request 10s
    timeout queue 1m

listen stats
    # management network only
    bind 10.0.0.80:1993
    mode http
    stats enable
    stats uri /
    stats refresh 10s
    stats auth admin:pw

listen keystone
    bind 10.0.3.10:5000
    bind 10.0.0.10:5000
    mode http
    option httplog
    option forwardfor
    default-server inter 2000 rise 2 fall 3
    balance roundrobin
    server ctl1 10.0.0.20:5000 check
    server ctl2 10.0.0.21:5000 check

listen galera
    bind 10.0.0.11:3306
    mode tcp
    option tcplog
    option tcpka
    option httpchk GET /
    http-check expect status 200
    default-server port 9200 inter 1000 rise 2 fall 2 on-marked-down shutdown-sessions
    stick-table type ip size 1000
    stick on dst
    balance first
    timeout client 90m
    timeout server 90m
    server db1 10.0.0.40:3306 check
    server db2 10.0.0.41:3306 check backup
"""


def test_haproxy_small_config_exactly() -> None:
    assert render_haproxy_cfg(HaproxySettings("10.0.0.80"), SERVICES, "pw") == HAPROXY_CFG


def test_haproxy_sizing_floors_are_enforced() -> None:
    with pytest.raises(ValueError, match="haproxy global maxconn: at least 20480, got 1000"):
        render_haproxy_cfg(HaproxySettings("10.0.0.80", global_maxconn=1000), SERVICES, "pw")
    with pytest.raises(ValueError, match="haproxy defaults maxconn: at least 4096, got 10"):
        render_haproxy_cfg(HaproxySettings("10.0.0.80", defaults_maxconn=10), SERVICES, "pw")


def test_haproxy_tls_terminates_and_redirects() -> None:
    svc = HaproxyService(
        "horizon",
        (("10.0.3.10", 80, False), ("10.0.3.10", 443, True)),
        (HaproxyServer("ctl1", "10.0.0.20", 80),),
        redirect_to_https=True,
    )
    text = render_haproxy_cfg(HaproxySettings("10.0.0.80", tls_cert="/x.pem"), (svc,), "pw")
    assert "    bind 10.0.3.10:443 ssl crt /x.pem\n" in text
    assert "    http-request redirect scheme https unless { ssl_fc }\n" in text
    assert "    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets\n" in text
    with pytest.raises(ValueError, match="TLS binds need a certificate path"):
        render_haproxy_cfg(HaproxySettings("10.0.0.80", tls_cert=""), (svc,), "pw")


def test_haproxy_rejects_an_unknown_balance_algorithm() -> None:
    svc = HaproxyService("x", (("10.0.0.1", 1, False),), SERVICES[0].servers, balance="random!")
    with pytest.raises(ValueError, match="balance 'random!' is not one of"):
        render_haproxy_cfg(HaproxySettings("10.0.0.80"), (svc,), "pw")


def test_haproxy_of_the_default_lab_fronts_every_api_and_one_galera_writer() -> None:
    plan = plan_of("dedicated")
    text = rendered("dedicated").node("lb1").file("/etc/haproxy/haproxy.cfg").content
    for service in api_services():
        assert f"\nlisten {service.name}\n" in text
        if service.public:
            assert f"    bind 10.20.3.10:{service.port}\n" in text
        if service.internal:
            assert f"    bind 10.20.0.10:{service.port}\n" in text
    galera = text.split("\nlisten galera\n", 1)[1]
    assert "    bind 10.20.0.11:3306\n" in galera
    assert galera.endswith(
        "    server db1 10.20.0.40:3306 check\n"
        "    server db2 10.20.0.41:3306 check backup\n"
        "    server db3 10.20.0.42:3306 check backup\n"
    )
    assert "    stick on dst\n" in galera
    assert "    default-server port 9200 " in galera
    # Stats only on this node's management address.
    assert f"    bind 10.20.0.80:{plan.haproxy.stats_port}\n" in text
    assert "    maxconn 20480\n" in text
    assert "    maxconn 4096\n" in text


# ---------------------------------------------------------------- galera

GALERA = GaleraSettings(
    "openstack",
    (GaleraMember("db1", "10.0.0.40"), GaleraMember("db2", "10.0.0.41")),
    "/usr/lib/galera/libgalera_smm.so",
    "/var/lib/mysql",
    "/run/mysqld/mysqld.sock",
)

PROVIDER_OPTIONS = (
    "gmcast.listen_addr=tcp://10.0.0.40:4567; ist.recv_addr=10.0.0.40:4568; gcache.size=512M; "
    "evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; "
    "evs.install_timeout=PT3S"
)
GALERA_CNF = """\
# Rendered by openstack-ha: Galera member db1 of openstack. Re-render the lab instead of editing.
[mysqld]
bind-address = 10.0.0.40
port = 3306
datadir = /var/lib/mysql
socket = /run/mysqld/mysqld.sock
default_storage_engine = InnoDB
binlog_format = ROW
innodb_autoinc_lock_mode = 2
innodb_flush_log_at_trx_commit = 2
max_connections = 4096
open_files_limit = 16384
skip_name_resolve = ON
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name = openstack
wsrep_cluster_address = gcomm://10.0.0.40,10.0.0.41
wsrep_node_name = db1
wsrep_node_address = 10.0.0.40
wsrep_sst_receive_address = 10.0.0.40:4444
wsrep_provider_options = "{PROVIDER_OPTIONS}"
wsrep_sst_method = mariabackup
wsrep_sst_auth = sst:sst-pw-123

[mysqld_safe]
open-files-limit = 16384

[sst]
sst-log-archive-dir = /var/log/mysql/sst
""".replace("{PROVIDER_OPTIONS}", PROVIDER_OPTIONS)


def test_galera_cnf_exactly() -> None:
    assert render_galera_cnf(GALERA, GALERA.members[0], "sst-pw-123") == GALERA_CNF


def test_galera_rsync_needs_no_sst_auth_and_mariabackup_does() -> None:
    rsync = GaleraSettings(**{**GALERA.__dict__, "sst_method": "rsync"})
    text = render_galera_cnf(rsync, GALERA.members[1], None)
    assert "wsrep_sst_method = rsync\n" in text
    assert "wsrep_sst_auth" not in text
    with pytest.raises(ValueError, match=r"mariabackup SST needs secrets\.galera_sst_password"):
        render_galera_cnf(GALERA, GALERA.members[0], None)
    with pytest.raises(ValueError, match="'db9' is not a member of 'openstack'"):
        render_galera_cnf(GALERA, GaleraMember("db9", "10.0.0.49"), "x")


def test_galera_users_sql_is_idempotent_and_minimal() -> None:
    assert render_galera_init_sql(sst_password="s-pw", clustercheck_password="c-pw") == (
        "-- Rendered by openstack-ha: users every Galera member has before it joins.\n"
        "CREATE USER IF NOT EXISTS 'sst'@'localhost' IDENTIFIED BY 's-pw';\n"
        "ALTER USER 'sst'@'localhost' IDENTIFIED BY 's-pw';\n"
        "GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'sst'@'localhost';\n"
        "CREATE USER IF NOT EXISTS 'clustercheck'@'localhost' IDENTIFIED BY 'c-pw';\n"
        "ALTER USER 'clustercheck'@'localhost' IDENTIFIED BY 'c-pw';\n"
        "GRANT USAGE ON *.* TO 'clustercheck'@'localhost';\n"
        "FLUSH PRIVILEGES;\n"
    )
    assert "sst" not in render_galera_init_sql(sst_password=None, clustercheck_password="c")


def test_galera_bootstrap_settings_and_garbd() -> None:
    data = json.loads(
        render_galera_bootstrap_json(
            GALERA, GALERA.members[0], mariadb_service="mariadb", clustercheck_port=9200
        )
    )
    assert data["node"] == "db1"
    assert data["members"] == [
        {"name": "db1", "address": "10.0.0.40"},
        {"name": "db2", "address": "10.0.0.41"},
    ]
    assert data["join_command"] == ["systemctl", "start", "mariadb"]
    assert render_garbd_config(
        cluster_name="openstack", members=GALERA.members, address="10.0.0.20", port=4567
    ) == (
        "# Rendered by openstack-ha: the Galera arbitrator (garbd) keeps an even cluster "
        "quorate.\n"
        'GALERA_NODES="10.0.0.40:4567 10.0.0.41:4567"\n'
        'GALERA_GROUP="openstack"\n'
        'GALERA_OPTIONS="gmcast.listen_addr=tcp://10.0.0.20:4567"\n'
        'LOG_FILE="/var/log/garbd.log"\n'
    )


# ---------------------------------------------------------------- rabbitmq

BROKERS = tuple(RabbitmqNode(f"mq{i}", f"10.0.0.{59 + i}") for i in (1, 2, 3))


def test_rabbitmq_clustered_conf_exactly() -> None:
    settings = RabbitmqSettings("clustered", BROKERS)
    assert render_rabbitmq_conf(settings, BROKERS[0]) == (
        "# Rendered by openstack-ha: broker mq1 (clustered). Re-render the lab instead of "
        "editing.\n"
        "listeners.tcp.1 = 10.0.0.60:5672\n"
        "distribution.listener.interface = 10.0.0.60\n"
        "distribution.listener.port_range.min = 25672\n"
        "distribution.listener.port_range.max = 25672\n"
        "management.tcp.ip = 10.0.0.60\n"
        "management.tcp.port = 15672\n"
        "loopback_users.guest = true\n"
        "cluster_formation.peer_discovery_backend = classic_config\n"
        "cluster_formation.classic_config.nodes.1 = rabbit@mq1\n"
        "cluster_formation.classic_config.nodes.2 = rabbit@mq2\n"
        "cluster_formation.classic_config.nodes.3 = rabbit@mq3\n"
        "cluster_partition_handling = pause_minority\n"
        "net_ticktime = 10\n"
    )
    assert render_rabbitmq_advanced_config() == (
        "%% Rendered by openstack-ha: quorum queues elect a new leader soon after a\n"
        "%% broker is cut off (Ra's failure detector polls every 100 ms, default 1000).\n"
        "[{aten, [{poll_interval, 100}]}].\n"
    )
    assert render_rabbitmq_env(BROKERS[1]) == (
        "# Rendered by openstack-ha: Erlang node name and epmd address.\n"
        "NODENAME=rabbit@mq2\n"
        "ERL_EPMD_ADDRESS=10.0.0.61\n"
    )
    assert render_enabled_plugins() == "[rabbitmq_management].\n"


def test_rabbitmq_active_passive_listens_on_the_vip_and_forms_no_cluster() -> None:
    pair = BROKERS[:2]
    text = render_rabbitmq_conf(RabbitmqSettings("active-passive", pair, vip="10.0.0.12"), pair[0])
    assert "listeners.tcp.2 = 10.0.0.12:5672\n" in text
    assert "cluster_formation" not in text
    assert "cluster_partition_handling" not in text
    with pytest.raises(ValueError, match="active-passive mode needs the broker VIP"):
        render_rabbitmq_conf(RabbitmqSettings("active-passive", pair), pair[0])


def test_rabbitmq_never_uses_the_311_only_default_queue_type_key() -> None:
    for name in ALL_SCENARIOS:
        conf = plan_of(name).rabbitmq.config_path
        for tree in rendered(name).nodes:
            if conf in tree.paths():
                assert "default_queue_type" not in tree.file(conf).content


# ---------------------------------------------------------------- keepalived


def test_keepalived_conf_exactly() -> None:
    inst = KeepalivedInstance(
        name="vips-management",
        network="management",
        vips=("internal", "database"),
        addresses=("10.0.0.10/24", "10.0.0.11/24"),
        virtual_router_id=52,
        advert_int_s=1,
        peers=(
            KeepalivedPeer(hostname="lb1", priority=150, address=IPv4Address("10.0.0.80")),
            KeepalivedPeer(hostname="lb2", priority=149, address=IPv4Address("10.0.0.81")),
        ),
    )
    assert render_keepalived_conf("lb1", [inst]) == (
        "# Rendered by openstack-ha: VRRP for the VIPs (unicast, nopreempt).\n"
        "# The include defines $IF_<network>; the bootstrap writes it on the node.\n"
        "include /etc/keepalived/openstack-ha-interfaces.conf\n"
        "\n"
        "global_defs {\n"
        "    router_id lb1\n"
        "    enable_script_security\n"
        "    script_user root\n"
        "}\n"
        "\n"
        "vrrp_script chk_haproxy {\n"
        '    script "/usr/bin/pkill -0 -x haproxy"\n'
        "    interval 2\n"
        "    fall 2\n"
        "    rise 2\n"
        "}\n"
        "\n"
        "vrrp_instance vips-management {\n"
        "    state BACKUP\n"
        "    interface $IF_management\n"
        "    virtual_router_id 52\n"
        "    priority 150\n"
        "    advert_int 1\n"
        "    nopreempt\n"
        "    unicast_src_ip 10.0.0.80\n"
        "    unicast_peer {\n"
        "        10.0.0.81\n"
        "    }\n"
        "    virtual_ipaddress {\n"
        "        10.0.0.10/24\n"
        "        10.0.0.11/24\n"
        "    }\n"
        "    track_script {\n"
        "        chk_haproxy\n"
        "    }\n"
        "}\n"
    )
    assert render_interfaces_include({"management": "ens3", "external": "ens5"}) == (
        "$IF_external=ens5\n$IF_management=ens3\n"
    )


def test_keepalived_lab_has_one_instance_per_vip_network() -> None:
    text = (
        rendered("keepalived-arbitrator")
        .node("lb2")
        .file("/etc/keepalived/keepalived.conf")
        .content
    )
    assert text.count("vrrp_instance ") == 2
    assert "vrrp_instance vips-external {" in text
    assert "        10.20.3.10/24\n" in text
    assert "        10.20.0.10/24\n        10.20.0.11/24\n" in text
    assert "    priority 149\n" in text
