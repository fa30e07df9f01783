terraform {
  required_providers {
    random = {
      version = "3.9.0"
      source  = "hashicorp/random"
    }
    libvirt = {
      version = "0.8.3"
      source  = "dmacvicar/libvirt"
    }
  }
  backend "local" {
    path = "terraform.tfstate"
  }


}

provider "random" {
}
resource "random_bytes" "cloud_secrets_corosync_authkey_F07AD555" {
  length = 256
}
resource "random_password" "cloud_secrets_hacluster_password_63166AF9" {
  length  = 32
  lower   = true
  numeric = true
  special = false
  upper   = true
}
resource "random_password" "cloud_secrets_galera_sst_password_2347C2BF" {
  length  = 32
  lower   = true
  numeric = true
  special = false
  upper   = true
}
resource "random_password" "cloud_secrets_clustercheck_password_A7C553D9" {
  length  = 32
  lower   = true
  numeric = true
  special = false
  upper   = true
}
resource "random_password" "cloud_secrets_rabbitmq_erlang_cookie_7B0D7C0D" {
  length  = 32
  lower   = false
  numeric = false
  special = false
  upper   = true
}
resource "random_password" "cloud_secrets_rabbitmq_password_71D91E0D" {
  length  = 32
  lower   = true
  numeric = true
  special = false
  upper   = true
}
resource "random_password" "cloud_secrets_haproxy_stats_password_6DD33253" {
  length  = 32
  lower   = true
  numeric = true
  special = false
  upper   = true
}
resource "libvirt_network" "cloud_networks_management_25B1164D" {
  addresses = ["10.20.0.0/24"]
  autostart = true
  domain    = "ha-lab.internal"
  mode      = "nat"
  name      = "ha-lab-management"
  dhcp {
    enabled = true
  }
  dns {
    enabled    = true
    local_only = true
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/network/ip/dhcp/range">
    <range start="10.20.0.200" end="10.20.0.250"/>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}
resource "libvirt_network" "cloud_networks_storage_5F1EDF43" {
  addresses = ["10.20.1.0/24"]
  autostart = true
  mode      = "none"
  name      = "ha-lab-storage"
  dhcp {
    enabled = true
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/network/ip/dhcp/range">
    <range start="10.20.1.200" end="10.20.1.250"/>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}
resource "libvirt_network" "cloud_networks_tenant_678DDA62" {
  addresses = ["10.20.2.0/24"]
  autostart = true
  mode      = "none"
  name      = "ha-lab-tenant"
  dhcp {
    enabled = true
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/network/ip/dhcp/range">
    <range start="10.20.2.200" end="10.20.2.250"/>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}
resource "libvirt_network" "cloud_networks_external_29FEE1E9" {
  addresses = ["10.20.3.0/24"]
  autostart = true
  mode      = "nat"
  name      = "ha-lab-external"
  dhcp {
    enabled = true
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/network/ip/dhcp/range">
    <range start="10.20.3.200" end="10.20.3.250"/>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}
resource "libvirt_volume" "cloud_converged_sbd-disk_9384AB6A" {
  format = "raw"
  name   = "ha-lab-converged-sbd"
  pool   = "default"
  size   = 16777216
}
resource "libvirt_volume" "cloud_converged_node1_volume_A2478770" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-node1.qcow2"
  pool           = "default"
  size           = 85899345920
}
resource "libvirt_cloudinit_disk" "cloud_converged_node1_cloudinit_944CECCA" {
  meta_data      = <<EOF
instance-id: ha-lab-node1
local-hostname: node1
EOF
  name           = "ha-lab-node1-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.180/24
    match:
      macaddress: 52:54:00:03:00:b4
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.180/24
    match:
      macaddress: 52:54:00:00:00:b4
    nameservers:
      addresses:
      - 10.20.0.1
      search:
      - ha-lab.internal
    routes:
    - to: default
      via: 10.20.0.1
    set-name: mgmt
  storage:
    addresses:
    - 10.20.1.180/24
    match:
      macaddress: 52:54:00:01:00:b4
    set-name: storage
  tenant:
    addresses:
    - 10.20.2.180/24
    match:
      macaddress: 52:54:00:02:00:b4
    set-name: tenant
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: node1
fqdn: node1.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- corosync
- crmsh
- curl
- fence-agents
- galera-4
- haproxy
- iproute2
- mariadb-backup
- mariadb-server
- pacemaker
- pacemaker-cli-utils
- rabbitmq-server
- resource-agents
- sbd
- socat
write_files:
- path: /etc/corosync/authkey.b64
  content: ${random_bytes.cloud_secrets_corosync_authkey_F07AD555.base64}
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/corosync/corosync.conf
  content: |
    # Rendered by openstack-ha for cluster converged (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: converged
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
            name: node1
            ring0_addr: 10.20.0.180
            ring1_addr: 10.20.1.180
        }
        node {
            nodeid: 2
            name: node2
            ring0_addr: 10.20.0.181
            ring1_addr: 10.20.1.181
        }
        node {
            nodeid: 3
            name: node3
            ring0_addr: 10.20.0.182
            ring1_addr: 10.20.1.182
        }
    }

    quorum {
        provider: corosync_votequorum
    }

    logging {
        to_syslog: yes
        to_logfile: yes
        logfile: /var/log/corosync/corosync.log
        timestamp: on
    }
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/default/sbd
  content: |
    # Rendered by openstack-ha: disk-based SBD on the cluster's shared disk.
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-converged
    SBD_WATCHDOG_DEV=/dev/watchdog
    SBD_WATCHDOG_TIMEOUT=5
    SBD_PACEMAKER=yes
    SBD_STARTMODE=always
    SBD_DELAY_START=no
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/haproxy/haproxy.cfg
  content: |
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
        bind 10.20.0.180:1936
        mode http
        stats enable
        stats uri /
        stats refresh 10s
        stats auth admin:${random_password.cloud_secrets_haproxy_stats_password_6DD33253.result}

    listen keystone
        bind 10.20.3.10:5000
        bind 10.20.0.10:5000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:5000 check
        server node2 10.20.0.181:5000 check
        server node3 10.20.0.182:5000 check

    listen glance
        bind 10.20.3.10:9292
        bind 10.20.0.10:9292
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:9292 check
        server node2 10.20.0.181:9292 check
        server node3 10.20.0.182:9292 check

    listen nova
        bind 10.20.3.10:8774
        bind 10.20.0.10:8774
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8774 check
        server node2 10.20.0.181:8774 check
        server node3 10.20.0.182:8774 check

    listen nova_metadata
        bind 10.20.0.10:8775
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8775 check
        server node2 10.20.0.181:8775 check
        server node3 10.20.0.182:8775 check

    listen placement
        bind 10.20.3.10:8778
        bind 10.20.0.10:8778
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8778 check
        server node2 10.20.0.181:8778 check
        server node3 10.20.0.182:8778 check

    listen neutron
        bind 10.20.3.10:9696
        bind 10.20.0.10:9696
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:9696 check
        server node2 10.20.0.181:9696 check
        server node3 10.20.0.182:9696 check

    listen cinder
        bind 10.20.3.10:8776
        bind 10.20.0.10:8776
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8776 check
        server node2 10.20.0.181:8776 check
        server node3 10.20.0.182:8776 check

    listen heat
        bind 10.20.3.10:8004
        bind 10.20.0.10:8004
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8004 check
        server node2 10.20.0.181:8004 check
        server node3 10.20.0.182:8004 check

    listen heat_cfn
        bind 10.20.3.10:8000
        bind 10.20.0.10:8000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8000 check
        server node2 10.20.0.181:8000 check
        server node3 10.20.0.182:8000 check

    listen horizon
        bind 10.20.3.10:80
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:80 check
        server node2 10.20.0.181:80 check
        server node3 10.20.0.182:80 check

    listen novncproxy
        bind 10.20.3.10:6080
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:6080 check
        server node2 10.20.0.181:6080 check
        server node3 10.20.0.182:6080 check

    listen galera
        bind 10.20.0.11:3306
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
        server node1 10.20.0.180:3306 check
        server node2 10.20.0.181:3306 check backup
        server node3 10.20.0.182:3306 check backup
  owner: root:haproxy
  permissions: '0640'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.180\tnode1.ha-lab.internal node1\n10.20.0.181\tnode2.ha-lab.internal node2\n10.20.0.182\tnode3.ha-lab.internal node3\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf
  content: |
    # Rendered by openstack-ha: Galera member node1 of openstack. Re-render the lab instead of editing.
    [mysqld]
    bind-address = 10.20.0.180
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
    wsrep_cluster_address = gcomm://10.20.0.180,10.20.0.181,10.20.0.182
    wsrep_node_name = node1
    wsrep_node_address = 10.20.0.180
    wsrep_sst_receive_address = 10.20.0.180:4444
    wsrep_provider_options = "gmcast.listen_addr=tcp://10.20.0.180:4567; ist.recv_addr=10.20.0.180:4568; gcache.size=512M; evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; evs.install_timeout=PT3S"
    wsrep_sst_method = mariabackup
    wsrep_sst_auth = sst:${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}

    [mysqld_safe]
    open-files-limit = 16384

    [sst]
    sst-log-archive-dir = /var/log/mysql/sst
  owner: root:mysql
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/cib.xml
  encoding: gz+b64
  content: H4sIAAAAAAACA81ZS5ObOBC+51dQnCNjw1aqdsvOMVVzyeawe9gTJQt5RmVARBJO/O+3BUIIjHmNp2YuM1ar1V+r+6P12hN29IjI4hPFqhQ0llQd/Giz+7LZ+d4FpyzBiqJfTL0c/AITmuEzFSja/Ol7tOAEpKCXl1lcFlpTHvyt7+EkY3ls+rf+10+etyc8P7HnUmDFeK4lWgbAtbwWaFFaSkVFXAheUKGu2iGPJQcfHEVHzpVUAheIF9qM9JtxMDK/FJiJ+7rImEY5zij4DH9BsyOD+ZZayPMLFc808b1gCYBUPIdAIZrjY6pH1xg3YgOjREkXIuQc/Sy5KDNU8JSRawNxKzcYgF04GPtgKL4mG0E/HfucJ1TasbpV+QYZLxvchO5c+1Yn7OiEgzpRRyeyOvvAAd4LKnkpiONIIVjGFLvUVk40JxQZT0iKpbQh9z11LahRieUxcfnCcqmwlmOlBDuWQN6+PTSg45joZmxiHCpIdo5fuFRxyqRqMteXmrz1A7sULKEXBiFrUGzTmA9AECRMnoPjFbEkuDABBEMQITRM/oVT5aKdYPX77rT2wYABp1uztCoZsuMML24cyXTKuQCHgN+Ah75s7fxNn+81nQe/6lUso7yEihfqVsetW+B9YIk3ScXwwVQMV1IxfAwVw1lkCN+ViuFyKoZvQsXwY1ExejAVo5VUjB5DxWgWGaJ3pWK0nIrRm1Ax+ghUvLACFeUR9iWWiZycfA+2IBeWUHHwXygW6gg70IaaTz9wkohwDjFb64t4OT4MsaIJkv5l8rTbbsLtBjbH2xEWTBgmLBFxTlWG5dluQjsyAxb+8UBGOE7dEGI3SojdGxGiQshx+laUaOwvJsXYwDFabKdpMWr6/Yhh3fog1IBzJD5iSd+KGo39xdQYGzhBjd0ENUZNvx81rFvvQg2S8rymxQuG9P++okri5rnLHqPWbnjAHVjhG5403b3ZDgWhDUMDDYEUqp1/O/2qw518Z+5fenMfNs2LYcv68P4Kww/N2nDeBjMHwowq3P/4OllEPY27X97oqHpqKcUXe6XjSu7etAQ9O+4FCcAMUPAZpzD3KQbWWrMrl1HvTP1e6TIOTBWtbvDuD0K/pKBF3NwH6QpKpWXHnU4Tz2fCs+yvoLqm2X2uzjyfh/bms32pb51sbTOtZltOFQmyq/yZwt8NyU9rUXQ1S5iw2/+m2eBcsAhSdqyx1oJITs7U7vObVgMhyrw2n5h/G62xFqu+UYyJoNVH2YDeiO99BpNLxIz6aNxbWR534UgZs6ZXlMc5huHDzLiiQ7ZN113z0XbafELvWa97XuV7U9qNo8m6Gh/pluAp6P4whuYCl/ktdDQKHd2D/teaevCC49bs2evN2CATbv15dZlSS0a+s2UAENQM/+6R0cgMSLQWYd2KuQCAC1js2ucP23zdYrwPeg8B+kVJv46A9+0IIUlMeMpJRZr6JcU2kXMM1i9ayO4XJeFCHyS+f3v6/vTPf0BMSboXF5V+Je3uRZ13jWlse9Kai96ekh+Cb7fzc/Hbo9hM/CrZFXT1y424eqF5i3lmOSj9Xb1r6fmdmJCqG3I9YAWcDfJswDbKKyFtXGdDtoGdAdlJqU2o+/aBL5wlsnkEq9LUeRbT/+zri0k3avO9DC504cIbuNCFC18PF7lw0Q1c5MJFI3BQTfoFo8JP6AmXqVNDhlYSUJx4c3Y0UFOpYOvCCLDA2VgPdtnbgm3nrXawLEId7DldTaz7tr6HXZcqpTYGvez49dP/HqL/sekfAAA=
  owner: root:root
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/clustercheck.cnf
  content: |
    # Rendered by openstack-ha: the clustercheck responder's MariaDB login.
    [client]
    user = clustercheck
    password = ${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}
    socket = /run/mysqld/mysqld.sock
  owner: root:mysql
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/galera-bootstrap.json
  content: |
    {
      "bootstrap_command": [
        "galera_new_cluster"
      ],
      "clustercheck_port": 9200,
      "datadir": "/var/lib/mysql",
      "init_sql": "/etc/openstack-ha/galera-init.sql",
      "join_command": [
        "systemctl",
        "start",
        "mariadb"
      ],
      "members": [
        {
          "address": "10.20.0.180",
          "name": "node1"
        },
        {
          "address": "10.20.0.181",
          "name": "node2"
        },
        {
          "address": "10.20.0.182",
          "name": "node3"
        }
      ],
      "node": "node1",
      "peer_timeout_s": 600,
      "position_file": "/run/openstack-ha/galera-position.json",
      "prepared_marker": "/var/lib/openstack-ha/galera-prepared"
    }
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/openstack-ha/galera-init.sql
  content: |
    -- Rendered by openstack-ha: users every Galera member has before it joins.
    CREATE USER IF NOT EXISTS 'sst'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}';
    ALTER USER 'sst'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}';
    GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'sst'@'localhost';
    CREATE USER IF NOT EXISTS 'clustercheck'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}';
    ALTER USER 'clustercheck'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}';
    GRANT USAGE ON *.* TO 'clustercheck'@'localhost';
    FLUSH PRIVILEGES;
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/rabbitmq/enabled_plugins
  content: |
    [rabbitmq_management].
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq-env.conf
  content: |
    # Rendered by openstack-ha: Erlang node name and epmd address.
    NODENAME=rabbit@node1
    ERL_EPMD_ADDRESS=10.20.0.180
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq.conf
  content: |
    # Rendered by openstack-ha: broker node1 (clustered). Re-render the lab instead of editing.
    listeners.tcp.1 = 10.20.0.180:5672
    distribution.listener.interface = 10.20.0.180
    distribution.listener.port_range.min = 25672
    distribution.listener.port_range.max = 25672
    management.tcp.ip = 10.20.0.180
    management.tcp.port = 15672
    loopback_users.guest = true
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@node1
    cluster_formation.classic_config.nodes.2 = rabbit@node2
    cluster_formation.classic_config.nodes.3 = rabbit@node3
    cluster_partition_handling = pause_minority
  owner: root:rabbitmq
  permissions: '0640'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
    # HAProxy (and the A/P broker) bind VIPs that live on another node.
    net.ipv4.ip_nonlocal_bind = 1
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/haproxy.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: HAProxy needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=41984
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/mariadb.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: MariaDB needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=16384
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/openstack-ha-clustercheck.service
  content: |
    # Rendered by openstack-ha: HAProxy's Galera health check (200 only when synced).
    [Unit]
    Description=openstack-ha Galera clustercheck responder
    After=network-online.target
    Wants=network-online.target

    [Service]
    ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen 10.20.0.180:9200 --client-cnf /etc/openstack-ha/clustercheck.cnf
    User=mysql
    Restart=always
    RestartSec=2
    RuntimeDirectory=openstack-ha-clustercheck

    [Install]
    WantedBy=multi-user.target
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/rabbitmq-server.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: RabbitMQ needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=16384
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for node1 (roles: controller, database, broker, load_balancer).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[node1]: $*"; }
    die() { log "FAILED: $*"; exit 1; }

    # wait_for TIMEOUT_S WHAT COMMAND...: run COMMAND every 5 s until it succeeds;
    # log every 30 s; give up (non-zero) after TIMEOUT_S.
    wait_for() {
      local timeout=$1 what=$2 start=$SECONDS next=0 waited
      shift 2
      while ! "$@" >/dev/null 2>&1; do
        waited=$((SECONDS - start))
        if [ "$waited" -ge "$timeout" ]; then
          log "gave up after $timeout s waiting for $what"
          return 1
        fi
        if [ "$waited" -ge "$next" ]; then
          log "waiting for $what ($waited s of $timeout s)"
          next=$((next + 30))
        fi
        sleep 5
      done
      log "$what: ok after $((SECONDS - start)) s"
    }

    tcp_open() { timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2"; }

    # install_b64 SRC DEST MODE OWNER: decode a base64 secret into place.
    install_b64() {
      base64 -d "$1" > "$2.tmp"
      chmod "$3" "$2.tmp"
      chown "$4" "$2.tmp"
      mv -f "$2.tmp" "$2"
    }

    log "starting"
    sysctl -q -p /etc/sysctl.d/90-openstack-ha.conf

    # Packages are installed and configured: let services start again.
    if [ -e /usr/sbin/policy-rc.d ] && grep -q openstack-ha /usr/sbin/policy-rc.d; then
      rm -f /usr/sbin/policy-rc.d
      log "removed the policy-rc.d that kept services from starting during installation"
    fi
    systemctl daemon-reload

    # ---- Galera: Pacemaker's galera agent runs mariadbd, never systemd.
    systemctl disable --now mariadb >/dev/null 2>&1 || true
    mkdir -p /var/log/mysql/sst
    chown mysql:mysql /var/log/mysql/sst
    # The SST and clustercheck users exist on every member before any joins.
    /usr/local/sbin/openstack-ha-galera-bootstrap --config /etc/openstack-ha/galera-bootstrap.json prepare
    systemctl enable --now openstack-ha-clustercheck
    log "Galera prepared; clustercheck listening on port 9200"

    # ---- HAProxy
    haproxy -c -q -f /etc/haproxy/haproxy.cfg || die "haproxy -c rejects /etc/haproxy/haproxy.cfg"
    # The haproxy clone of the CIB starts it: systemd must not.
    systemctl disable --now haproxy >/dev/null 2>&1 || true

    # ---- RabbitMQ (clustered)
    rabbit_ready() { timeout 120 rabbitmqctl -q await_startup; }
    setup_openstack_vhost() {
      # The vhost's default queue type makes every queue declared without
      # x-queue-type a quorum queue (RabbitMQ 3.10 has no default_queue_type key).
      if ! rabbitmqctl -q list_vhosts name | grep -qx openstack; then
        rabbitmqctl add_vhost openstack --default-queue-type quorum
      fi
      if rabbitmqctl -q list_users | awk '{print $1}' | grep -qx openstack; then
        rabbitmqctl change_password openstack '${random_password.cloud_secrets_rabbitmq_password_71D91E0D.result}' >/dev/null
      else
        rabbitmqctl add_user openstack '${random_password.cloud_secrets_rabbitmq_password_71D91E0D.result}' >/dev/null
      fi
      rabbitmqctl set_permissions -p openstack openstack '.*' '.*' '.*'
      log "vhost openstack and user openstack in place"
    }
    systemctl enable rabbitmq-server
    systemctl start rabbitmq-server
    wait_for 600 "RabbitMQ on this node" rabbit_ready || die "RabbitMQ did not start"
    all_brokers_running() {
      [ "$(rabbitmqctl -q eval 'length(rabbit_nodes:all_running()).')" = 3 ]
    }
    wait_for 1800 "all 3 brokers in the cluster" all_brokers_running \
      || log "continuing with the brokers that joined; the others join when they start"
    setup_openstack_vhost

    # ---- Corosync and Pacemaker: cluster converged
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    if ! sbd -d /dev/disk/by-id/virtio-sbd-converged dump >/dev/null 2>&1; then
      sbd -d /dev/disk/by-id/virtio-sbd-converged -1 5 -4 10 create
      log "initialised the SBD header on /dev/disk/by-id/virtio-sbd-converged"
    fi
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster converged" quorate || die "no quorum"
    # The lowest nodeid loads the CIB, once, when every member is online: loading
    # it (stonith on) earlier would fence members still installing packages.
    members_online() { [ "$(crm_node -l | awk '$3 == "member"' | wc -l)" -ge 3 ]; }
    if [ ! -e "$STATE/cib-loaded" ]; then
      wait_for 1800 "all 3 members of converged online" members_online \
        || log "loading the CIB anyway: the missing members will be fenced, which is what HA demands"
      cib=/etc/openstack-ha/cib.xml
      if cibadmin -Q --scope resources | grep -q '<primitive'; then
        log "the CIB already has resources: leaving it as it is"
      else
        cibadmin --replace --scope configuration --xml-file "$cib"
        log "loaded the CIB of converged"
      fi
      touch "$STATE/cib-loaded"
    fi

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
  defer: true
- path: /usr/local/sbin/openstack-ha-clustercheck
  encoding: gz+b64
  content: H4sIAAAAAAACA5VYa3PbuBX9zl+BZacTspFoZ5Od6SrV7jgbN9lu1nYjZTs7joeCSMjimiJYAIytcf3fey4ASqQe01QzcUQQuM9zz73Qn745abQ6mRfVSb02S1m9DMIwlLWotOHZ3XDJh1nZaCNUthTZ3YiZpWDveCkUZ0vBS7NkSuhaVrlQ7P3ZlZIPa8b1nWZRLZVh3397ehonQfCxqTSTFRNfhFqznBs+51qwSuYC2xlnesXLkr2fTq+YFgq7WITFNTSvcrtSZAICAtL/26/6tTWkLL4IZoQ2msFcqKNFq0HzlWCLohSsqCC9wqOueSbiURAM2Wz27nzKTmYzKKnWrOZwQ+KsggBeWSmyEmwuSnkfj7AdXmDz/VLQy0Jbu5/pgOHVvVaiTkuZ8TKFEUZgI3a8YtFkXWUijwdMlHB1Nvvu9OVslrRR8sdlbQrEZWlMnS3vcPY5FulpaAPOxEMtMkPumUYzZ4esSngoqpwZxReLImNGQhjFizSylVjNhUq2jt7ahA1rqQvSNpuNum60+WxfU0L+Mbm8YNG9KoyBz/O1t7UDCy9zLqXRMKNmW+mIuZE2ihuRlIqY1YCSlRQ6S8PZ7DWeXp2+stGldNEpm7dcCjLQIAKFNgm7EkJpgI3nrECiJeO3SghIg3QczZYOTBt7AKoFYIuoLBogSzaG3wogcQoFNk8skwAFWyi5gg0rrgqez9lwmIsFb0qjh+IBcoZkzPhvWVmIyrCsWvzAhhds+IYNRRBO3l/+i737cPnm7AObTM+mnybsw8+/nLNne6B4FhLYyLmtJLaUZa7J42A261YZtjaA/KD1S4icQsFqVXyBNbeEzDVKjn2anL07jxEbW7rsZfL98wDqqpyrHMUxVxylQGjx+XYFoeF5XQAnqJQ5N8UKW3y+KIQ6IQoIAhuYNF00plEiTVmxshXNKySFU1J1ELRr6rbmSov2+Q+NSvXfpW6/6WZeK5kJvV1Za6eGAJ/4uvfv3oAfiA4+in83qPD38KqkmEyXhIGiuqWXE3vEyTDrGqvt8bNqHQST3y9+On/LxuxV8M9P5x9/x7f/K2dBEAANzPqWuhKMAKS6MSNgSMVs+ANhnf2HXYAvRgAjY4jdFmJVQ5XoMLZNPkpuNrMoomK28gZMKiskodiTnAUWyqKyBOb2JLouC0NrOoqdMvrAOvDf2G52W6LwswnjzYZiwUpRRXZfzMZj9i2SmLtz16c3CTwp6ihOQHZCRXZHuBeMcKuQPkat+wv0UQJQqSgiTtn1i43wuLdZPGSiNuw3XjbiXCmpjsqikAS7zy4rgIVaO+MiF1eblIEPcooK8wuAuEAIUz1ii1Jycyxvh8lcLlyvoUXfmzbZci0BfJTZskBdWobaJDFD8xqza2fRTeCz0TFw4zd2JrwGwebRIjxMQo/bc08+vST/ORTQkUxWFVrF0Hs7flzxh+jFwKZjE4E4fgoHLBxe2L9v7F+Bv7Y8nIG91FLBwoNt6SaqqSKoRZh5bZnBgXM8VY1AqGFv+9XbsdGNI8Ru479z9ENnvwdCdDmxMBh0FU3dufOHulBoo1ubdqGBiNKZxK1n1AW+GbPT4wf8c6+srQRtcmiMPcDcYIMtKMWIZgQPJwuMUQdAg02fG7G8yMy13QYGuvEbLOBMU5fiGqdIgrrZoC5yQ481Y4D+la9jW/wcBljqe81qxBmnJCEN9N1UBdKMN2KLNAoCTGwJ4Efk9EWM6rbVvDsAdIqZzrVNGqK39bATPPTogeX1JG9WtY4eQ0EZC0cspM7UilAikypHb1kLEz7FmGbCz1W4EUjeAU4UpKg9E/feXrejwQ3BzpIoPHBEvptQTEM9m+g8hUmZ9E6stcVhzwQ4uyNydFBm6CciO1EgKn6uivbogb2Kk1a4Xsr7ijpMU91V9DXyDS3Hw49xuNXu4+zmQmAhsstxF5uYFQdssWsHUcxxWx6tBU/OohbCPE/bQG8xbPF4EKmjfQq4L2g6roU7j2mWSgyddhw2ZjH8axjTvLhY9lFDEz5iYZMDygWpLY9U/LYJxP+zYq1UhLHQBQ2iCERESwPrS+zi2ekQK34n0qUbHCLMKOD/dlJJLjY3Alub61pcH544fKFmJdea+bXo8NaOAy71Kf5pKgug4uidalsdGIe6J5DETTjhTS5TDPMAVbmwNu+Xqsd2rzOS24lrHAPWeaAu4hc8Qcd7slo+gsgeF5IJiQODVTLYwZmV2j6ldvSPD6GDZCcWTiJqwdQ3ghTRRSdt9UfOrv62jNJHEUMDLYvMDqcnBD1bc1aLvR5qgnIUPoYeKiF1q5O65EWHovp6ccfFzTYKf8KIjKgNp9AEarUa468880FUt2YZWtqPaBIj9+P4K45TPye6BiNlpdTiUHi2RzAV7r++p/AndJFztRJ3QCXT9+dnNB47aPXhVsrbFCWicWuyCR9QU1rxdsj6y8IVFLjjCBoRegsEumXA9v0RD3Cnjos+4u0L+z81hKDuyCllf2ZWX8vm3gtPC778etM67SYgfhlhMNaW6FqOg8ObprzPB87OGps2787UbbNCJq/oSUXd4QgseLywwUtCZ5h/KYnjNM1llqabER1eoD9bYS5vdcLznAy3yiKMdGS5oPTTJEBTkB+tlqKsx+HZ27cfzyeT0dXlxyldiN1uug9HK14hbySGQSaKR8fhMSWOD6yxduYch/4uHLaKfqXnt2/owgzB+dBeS/yxg1I3EdqIH4JuwkEXYE7ViTDZSTeCJ90IJv1Tzhp/gXY/nPg7re1R7oK1PW0v0Sx69syOUxWl3As7FoqWs+y83Y3ICabevpk7E1Vi6eaYXM+wkEi8MbaXkK3075LTNtIa41OFy34Nw/1PPpbMj0r2xQXJ3FIFRBiJodwAJ2FvoqiTncKIN12yqL6iUjC4utIgAXixJ81mSGo4ltJAjDv42BGAw2Wi6E7oGkQ48rb5CWl86FYfRSTNXyDD65swdncZEh3j+153j7syk5yLFbqPsYLJYCqd4CDvLHaIxxlMPyaglh47PjyxqC5y9ih1cisMvkbxU/y5zXtvavJW2P+oadIPn1FvBPpFrOeSq/xndAmlmtp0r/Raux8BioqX5RGxKrVNIeql+RRZBfOmKf3kmaZ2/E9TynGa+rGf/BcP4CCbeUTtv/v4ajcFFgAA
  owner: root:root
  permissions: '0755'
  defer: true
- path: /usr/local/sbin/openstack-ha-galera-bootstrap
  encoding: gz+b64
  content: H4sIAAAAAAACA808/XPbRna/86/YIJ0JEIOQFF+uDX3Mnc9x2lzHscfS5aaVVQgCliROIMAAoGiW5f/e97G72AVAWb5JZ5qZ2MRi9+3bt+/7PfjLL862TX12l5dnm327qsrnE8/zqo0smzZJ76erZLpMClkn07uqapu2TjYzAa/qVvwrjYsmWchiH4qqFIu8blqBE0VVi2TRSvhTLLZFIaptmyxlNJm8fpD1XmRJm9wljRRllUlRb8tG3N4S2Ntb4ScATDYrANPsm1auM7Et81YkrZBJulIblJN2JcUvb5pQ4I8if5CilU3bIDgaapK1BJwKGUTiasV7NSJZ1lKGYpfDabcAdJJWVZ3lZdJWNZ1CfkzSttgjDoxeu0r4VHR8gCBKuRPv6nydwFFeVesNTC3b2WRyEYmXYi3Xd3BwWpXD7KKWSbaHo5SpzISfA4ZpsYVz1elKpvciKZudrBvxzfl5MIMd76psPxHC2vEFAANIhMzfqxyIlbfR5Btrs92qAmIu6wRo2MoIyAun3xNR4Xritoqt67tAGgM9d0mDdMK9Clgo2koUMgEyJoCgTEqNZuCikgMRlxXOJrpXOyC6KIHW0eR5JN7CYL3LG4m0TKV4/cvr9/+h0VzBjpvtXZE3KyAFUmJTNXmbV+WMgK3y5QqgIUaN/LWsbKoDVxAB3KOqeUCd6YXhuBRerpgbEVQt0+oBKYxnhmsHqsDN5Ul2l4npdNfUcjNVc25vg5BPeLd3jgc7Iyg6pnhbIlt3zC6Jp/VREBm53rQgE82ARu7FRpPfReKnBcwDTmUafdU4gJo2B+lZ502Tl0s4u2TW3iVwFllmwPxjDMPUbNI637RikeRFAzhsM2BqYJ4W2FFUC7HcSobqm4UbeERIi7pawxGBwoWSgV21LTIAAqRPq/U6b1u4QFhSNiAsgGsTgGy/U4g3+OZBgtQDYcS/XV29mwHN9bGA+3Z1DqLacTUc+i+Xb38G7JirJoYEKL4gIRkdyBGbWjYgdxls0Mj6QdLtJu3k9vZMKSxrPwC0qUBlfQcyhkdHYOukBI20BsEFcW53VX0PJyDupRPCnk0Pa39TA4JnyCp15iCvJwUh7J/JNM+kmU+b4ViD50n4pKHSoWUFYMolMB3sBHyY1LQQJSec3MlFVUtaz8xGa2bA3hI5H8cvL6/CvjbJRJKt81JsG+J52HMCiDywsNR4I1r3qXMjD+AyPUwSQcy7W+UAFZeQANg6UGm1FeuQNajYS9m2AKpB8knNQnStdIn+7e10mlblIl+ClE1qiXcHTARnZLWOW7xAfG9vzUaxugq41dtbVH3dAJ2/lR/xyg/6Ao4wficRAZe7bm+32zybkbIgC1PA6eRHZApAIWkAxt8u379+F19evXx/Fb97e/nT1U9vfyZ1ADMT5DYkPkxWqiwF/VhLRAlVxU+XV9HkHRlQ8Tz67hleVZklwCZFflejmajKYj9jnIgcOdJpkwNAIO9d0uZrmKK4nwxVhIZ4MiE6xvFi225rGcciXxMnJyWwTkLCNpnosXoJDNRI/fz3Boyk+l01+tdml+mftZnabO82dZWCQjAje/MTLPAGcTbP+dr83tYFnDCSdV3VvbFa/rpFZU4nSKuikKwpouQu1cd4lRRFcgegaRJ6BSmYogalmSeYIZ7R7lFF6Zcvy/1k8p+v37+N//rXn34Qc+Gdq/+mI3/o/7xJ/P71q7dgl17jmlpGwC8bOJ9fe8QEM/GerQFcjrFPf/zQPPOvz6ffJdPF9Obw/PfHYOZP//ghexZ4wWQyyeQC1OPSB85rQK+gkwSGc/q9+BmcgxkqVSRp1LTA9XVECtBffMrROihoxw8lbNKDsQCxX/m4958MlXyg0n/Lcn5Vb2UwoSGhtTIjAUz10jI1RQI2OmejAlJf5CkxFVjiBvyhfUQ8iOuQJ+lQ9ETShE9AQHMBjCCK2Aw1ObyaXvDY0AeBnwVM+BEEUaqDoXvUe0Fv/gScuZF1SzZOIJ0XII0rv5HFgiiMS/hwgqw9SEop8G2EaIq5hSLpOXrFfsMfxPnEgAUMUWQ6wFmetteAcIicdjPY4mAGiLBIIW/G0PF36L5GXPRr/N17Tfjo9/TQn9AnIky+EPlCrei/FRIIKM47IEdFTWKKtQRVlVkErdZ89rQAlwLZadY7PRHEZSWLFLDMd9BFAsxhsY+wrpk2N4F7JKSCmRMtZeszkcLuvoLeEiLMHJjLWsOUC4HZBrP7ROmvHJA0FOdBgBxz0YNE3DlHTrPX0ygsIm61d/+0VP6gPAIjlbe37EmBeQLbYFAKyePHeAp9vhdgycA1z9BTJZkdDVBgMoZUnfAy5E58GQQL8P+QhprwZSaNnvaPS4XHu2le5qdQeLypHuYnGOZN9TA/HZVCJXMWa1/fR2vfKdYOD/jjxtARI73b23sJ1vYhKbboT20ScJ/Q70ucEInog6vA6Zn1wIEKOhzpJfonRV6ylgQEoga0ZIsjjR90pwdBxLGI3IQGXSnf+9IL8C68mYeOHgLAKTOHs8AjAq9pK80gYB6KOGTkAQ2CCoRoSfJ8ABaYuYD4NcyHTcHT9wPEmpbpgYl1LzDXoWqtbZwPZit2SdtuN4VkYoDE3CgeMST2SX+xMAbs6SEvkhOARhBJ/ViMZQi/qLagj+eiM8jRIge/qSgMUnwGoC5SkOYPOM7wr4UWAKXJ19OLG5sKPAXVAGOvSMI+OxhvokGoDCQEABCqElfchMYVaGxe0RqR9eNAqP+2smPYyIonGuDLVVVkDQcjvB9LMicEMFfQhf15CV5+JjMMsxD2O/AGyZhlElx/cPcBzzydqVCUlqBXs+UwS+VCWOa6C2tUQNodLWSXHzXQDlFZJ/cKABjhtgIvjpRqlz0RVvYk0qfWV7aWmu81PburS3IwT78gs75GtgFfCJydL+qjoBMjZOVo+4evQvFVhFrQV2CCY2DcIUqqzMFJR+fcL0lcQdtscFdzrAi8rTWIKyK1idQipF4pvpjDRobJlBfS5zB9r76HaIDC53nX58AWgLh5Iuy1J4NTyVntEj4aayThZ+LcN1UdyvCmQ1hd8ZyGASPzYrfao0x4B55xpMhtLDmESNha0jtNjM5ukvpTWyNB2fvQ1NK6HnBgtHU+w9CgAXOqL1dMBT4aQgTmqGrZ6etxPSY0mJ5rx1FVuCML8E00q5nLQ61Nl9RWtiXWeQiTnQA95/Wg2dzK6AbEFdvyvqx25Uw4yRZg9R2IkMmt2BkVz3YnWGbKe5vZO1YhpQ+8EqL1mBfJ+i5LBFymP90oXxJYCJWCoqXhEgYJfBLpDBfSGfXvJiIvm3izx5h6N8v6ae6ykmJ+R1dktUSHFMGsnxMLhWbK0FKWTFjko26btto4SNPZurc5Ueeaj9phrujGcsTGYY6gPiEcVkJS2RT/AKtA9zhGX5Y+bhyI78WFa9oR6jMEGzJqlHu0+KMlFEk/0nuA1qI+YiSC4wubSLC6VDT5beRwohzRV5SSMRbLZHEQN5MC9zk+VCkbk9QJOhcTrWgcg8Zr45h8xUfCiM6ZYJ9eBUw6oLRDBneWa5Zdj+2GfKWmVRGHmgpBhwsC32Z5be/Fzrx6AWTyzh6S+qzI787W++bXwutDkItkW7RNjBSwfWgXnD2rD0K7RkMs9BtCAyszDZZmzGgPTlrkWHgYQOFxhKFW9hdiGhikPM7uhou7dxaAqRqdDmFhnnEIBUdp/RgJ7YxljKkcnTBw47PBNACIKdygB06rJutGLFRco+DMJSpDqHRm52H6+eMIwx+vp4stSgLHwxHH6MhvaBPZpqOb4KRohEIqGZzFQP/7Efr2DuXOdnh49Ghq/slTbaSsY8zzgZMXg7wtiirB+6G/rRty58G+vx+7HWAmuFhZg+F4FJg7EaA978MaJIYtD13Lv0OaDvpgKcC/9pggcSl3sfbRLI3R291OQD99Y3sV7clFzbQlzqB40ZZUZ/sTCTBWbjHahaYLzA1Cw2QYOwxr0KqwxLsh5b5Gw2Or1aDT5EmWgfVv4mqhdDmu6+JD+Lvbg2ApB8oF6JrDXONtsAATRXCdaRbaerrCxrIGHD78u9xz8IBQLOy5zBEn9fJx6nwpTIwK6i3H2jEFYNOp1t5TytVzPYF8m6hP2uuF15s+PwzNxBFOq1N1zgs20Nc3Kg41uY54k7QrP10sZ8pAu3TXMX0T4Tx2J2Cytm7ATo4Lr8NcFYHHWrUNNvhE4P9+Wz4a2JOHTOkFlVDup9G7yB+icAzxEX2QH11iiNb3KBsbHzTUIv8495wNphh5bRf0IoLVSmkCFVL0nv1FxgPpmvxAJIjGNRRf46PNGeAte70TeBjOTacAekrJjPlB43hUzAeXCNuBXMttnvmUKjzvGAoxWYGX7+tlsG0ME+MlTMb90SpaOg0QjSAQAL/Kx33x7fyg5x3V8bCqsPCsOvdMExYDCCceUR6mdjABfKChtPXecrlMuScC64fzQpEmGyoxgSbfbFvKVYaU8NI/WcvPn5+fw2Q0yXNOe3ZeNO6O5sY6vizTKgM85962XUz/BQhMhG3mHlYbkhRcI6yJLlauElD83c9ULVaYIAS686aLvASXZO/Qf1sWeXlvMNCcb27BeCsWvwOrM78zJHCdaowHNrsMb3qzA/VC65x8Gs2KNruYMkrmCfYw1aAUzNhJURuUZa5GCsqcq7FlObSkitoBLMYw0uVcdnctQ+0SDG9o9D6412LeT8j27kN+TOWmFT+CIP9ctT9i/o3088Ae6bP7VCZAhqfg1CTxMMalA48XBbpCk3IZrcm6GuBNL7zATbdYk0YS/965R+LsXZj8lakRkV4jxL6wikn2sfSVzEd1bGBHjN1klepyw6FhItMscOawWhiqWHHA1cfZgZYfLcfSjaU1DI/TD4iIAuboFLv3CGaWYCMxcUSoIYknn7zWkAs91pnmKicxrM/giG2s6mxUgEKrb0hv2ossQRVg8hKMYeNrMwkP6CmQJnbiABSDj2D/4+peFWlIitaYbRhMFs+EF8E7ZpNOumAIuGjnPUGkMKKIsi3aOW0YdZkFUFmsQvLY4nu5byx8SOWtVO3YMyVhOJ3SpYzC8HRaB67adhOjAGzrQiW6+z5+XyuSf2t7AUPV4pb7I3gkcsDfndEw2xApsHVnVN/jC6ygtNsm5AdWL+AzAUXh0NqIdNbDVjx2M0KEbUekfXBHmDBQQjAWpcSfSmsqKP7bS1oXWunpYLzooOop8oRL1XebNas6BFXOreI0y/FmpxanrKqG4iXv+qDeH28o1YOVJWzwUSDIl1QPtHBZ4bru3hce/pydnR0QJOgI3HIQZR/7EbBn8cn8uUnHInRQDZT6ADLD4/X5DWpICNFPF2kcBuopjqgrRJOIAEdmjY+AL25cG+N3dxOaOCAUV/vNUy+MM72PXVfXV/D/8Y7GLkUdVV2Mti1kvdTtzOl2FB2WCba7cdxq00Hl6IFDzc3w2EK26WpmunaurzXhuELW428MjB3ZYCBNIeXGBkKKB5brNXisiGbxAnDu03t7AVZdaI2evK7grFWZp+FkvA73rioKNmsSy2xgxvLCbcxT9Lq9xaoBtgzWbqOl8a0y0EhUD54zYhAEPGOd6+RC2HUHPynmkjZ2JymLsUIjgmq941GTXMe6szacM7qDoxNoUyoY2IliGysLMAi1aeIXzLAEbBBkM+PRlaIUMPcHg2mdoI/7KoMjXCMcvBpYZmYaOs91rbVzD/pnsUqtjuOkYaiWAjwd13hGbYmePQpB3Qkm27srmo34VwgfS07i0FtrO1bDq+5NtnHQTPP93LDSKP7jRS3iZ+zo7RW2xotbXJJaYk/3dqPaow9DXp1F54ujaEYOGYlL6lNFUfCGiOg6nsr3hCg1ObXX7kVSY5Gn4SLHsqoyq7hj1bzZhxiBPSy/3GG7KagyrBaeLF1itdWOl4IeoayUHmoY5Qs6iUftL2EyNR7sMwjknAzJpWwfabp/g9mIH/4MV7zYYpOjTj+UcjdVKl5UuoE+MCpHJUlGwrfHor3xAHw0vMMwH3WBDuc+L5oTX1rN8PgFQ9edv5dtqJucsZjKB5+YSChqZAJWza+9/xrS7EPz9QX8/08e5yFQ6SfLZg6r3gzMO/coyh03dDbbu3GQEUHzxu5nbBfTe4KA5/S+25h3o5agmvttyCfH8OBDObbDh7IfMvAVPS1mMJ4/7Osmhk4Lw4FTV5qhUZnFII7K94lRC7gO0LAxrOcJWdbPtbyPmUHS6piRY/A3VpWS05+qBWLMsBH5bUPGeTiSEoL5+WvZAA/Q/8OIPrZN7vXXyjp9zZvfDGxuz69UFnVoLvniDvjW6hjxglN5cPQVrCq39o7GdZe1TjXR8t0D01lByqCIcTKk7uXNqVPR6bdH51Z/MmGa7/sN90hI/ACA9R0VPawPNHRX00v1PZhptne/6OFvn7jd3v6SRX1jdgmjmBJjqVWfSzScQkOzMJIr8ddg57Y1tuvQt2Nn+BnZ2fvXL3948zpaY7eV3dKk1aRnzh+pXIt5VkkX+xauk3ppIvRu6VEpnICYDOYQBzMZdTmg3pbxP3xxednqfOYDuiR52mImBJ7yGhsyxz54mD/hbA6L9TPJjJ6TIEbd9jCH/4OIF2HQrQ6YrrPTGVJzAHNd85GkqkZnkCzqCMNT6Gsc36RemtHcSy/v4pz13EK6c2L/L1G2vGYVqz3lXMaJe+q5xpxrYEa7sSRUTSQBa+wLixQkZqcp4erFmKhBRLCa1jANyU1B8FJ/pTT4dvKF7UlklaUvzQX9dqRHnDoz4DFmXY71E0Iyktr0LGgHvLFuyaC3TymQz2ACNil6qu3J830ehT9w7nUT5cjtYx7c+tDAoH7aJbaKWsoUzPs2B6zVoAjfP0d3FrdP7tQ3t3a1iyEGxyFjnNSj/e1PkIJY3+n1xlj4lDsVdjBUK9dYZNm1x4HNRBdDtR4inui6nQzTSAx0d2nPaVDnvXjSZdiNCafvQW30W1MagfcY0lFKF8NcXac7HE3TOae6ath3w7oCk2V1uAXmtN4Co/+q+9CSP6ak7zLZ4el9UondjupzSgx4+BvKLoLjsjEVIajQ0LDv5rbt9DTiwtPqT88DGR5ZduTaRROcUoiKXTUCeZPltf9I64Bq2Rqgg71KeQKOBwrkwVpj80HPIXC4kyryXXvZeE1+rBDOo2q3ubv1jRvfs+NBJWs3xLXK1/2+Wohs89rtQsicLgS3bWpq9R2s1lXmM4BQnFf//O23wef0CeiVJ7sEmiq9B8yc29KLdNtXhJN0azmz49y+h3cUa5rNr1162U0SzpuRy+n1Oo9c1GDG+KX1vm3TcUFVzt/++OOpt3CeB3C66nkJun84qbnPMZOiP2kewQXpJNv5Af8ew3WTZ6qDZ5TeX2l6w7yvgjEAVuPI4xBgkgvhxjL4Tj7n8YD74ptzq4k5L6Qj6UrV4HGDQbDKN0vxI35kYJULMPXd3+r7E8nKTjvwRyKOUsxyriuTh/gCRqU4MCmOZxYlTge+FwMRVpHvefTtWN8J6xduu3xqZ8OvxSDz9SQ9xj224RhjATduqUgJLkxfP+UldtcgfoMM3IjW+pQ2g/sPR7oVua5P1it72r8T4J3oqFFcwt8YYctHt4nDptZcdIt8C0GrAYEzihZpr3ja64+bvLa/u7HA3efIoJ/c6Pl58LS6f8/mjlb+XY7qLfnshJ1pzzUleyugfPX2zZuXP/9waTfK9+trN9ydRB8lTpwuZm/mhNDMCx4Hp+odP6g33G066+I2Na4w1OD4KZwcTSYclBjYgAe769U0vZs0YRf9wqj+1wiil/Vyi//Mxjt8qjtJAh4A4j36BbyHrjT/MyZwunkcZ1Uax/wFJmdb9SdOKhTG2iwaK9rQ9/Q/OEFwqOtyfroV2+zKDd/jELs+XjDgOfDwXPXW6ntUdhsNJpY/I+6YIvuJBOzzF76IUpV9/SRLATcCUGaKrkLuL1ZuQK9xuVbQOafEUdpkkuOHGigPcUzBTRzj9cax1/0rBSASrU+XDoD/F34HkLwjSgAA
  owner: root:root
  permissions: '0755'
  defer: true
- path: /var/lib/rabbitmq/.erlang.cookie
  content: ${random_password.cloud_secrets_rabbitmq_erlang_cookie_7B0D7C0D.result}
  owner: rabbitmq:rabbitmq
  permissions: '0400'
  defer: true
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  lifecycle {
    ignore_changes = [
      "user_data",
    ]
  }
}
resource "libvirt_domain" "cloud_converged_node1_domain_A3078493" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_converged_node1_cloudinit_944CECCA.id
  memory     = 16384
  name       = "ha-lab-node1"
  qemu_agent = false
  vcpu       = 8
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_converged_node1_volume_A2478770.id
  }
  disk {
    volume_id = libvirt_volume.cloud_converged_sbd-disk_9384AB6A.id
  }
  network_interface {
    mac            = "52:54:00:00:00:b4"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:b4"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:02:00:b4"
    network_id     = libvirt_network.cloud_networks_tenant_678DDA62.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:b4"
    network_id     = libvirt_network.cloud_networks_external_29FEE1E9.id
    wait_for_lease = false
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-converged-sbd') or @volume='ha-lab-converged-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-converged</serial>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/devices">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <watchdog model="i6300esb" action="reset"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}
resource "libvirt_volume" "cloud_converged_node2_volume_C6802129" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-node2.qcow2"
  pool           = "default"
  size           = 85899345920
}
resource "libvirt_cloudinit_disk" "cloud_converged_node2_cloudinit_10B23E88" {
  meta_data      = <<EOF
instance-id: ha-lab-node2
local-hostname: node2
EOF
  name           = "ha-lab-node2-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.181/24
    match:
      macaddress: 52:54:00:03:00:b5
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.181/24
    match:
      macaddress: 52:54:00:00:00:b5
    nameservers:
      addresses:
      - 10.20.0.1
      search:
      - ha-lab.internal
    routes:
    - to: default
      via: 10.20.0.1
    set-name: mgmt
  storage:
    addresses:
    - 10.20.1.181/24
    match:
      macaddress: 52:54:00:01:00:b5
    set-name: storage
  tenant:
    addresses:
    - 10.20.2.181/24
    match:
      macaddress: 52:54:00:02:00:b5
    set-name: tenant
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: node2
fqdn: node2.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- corosync
- crmsh
- curl
- fence-agents
- galera-4
- haproxy
- iproute2
- mariadb-backup
- mariadb-server
- pacemaker
- pacemaker-cli-utils
- rabbitmq-server
- resource-agents
- sbd
- socat
write_files:
- path: /etc/corosync/authkey.b64
  content: ${random_bytes.cloud_secrets_corosync_authkey_F07AD555.base64}
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/corosync/corosync.conf
  content: |
    # Rendered by openstack-ha for cluster converged (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: converged
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
            name: node1
            ring0_addr: 10.20.0.180
            ring1_addr: 10.20.1.180
        }
        node {
            nodeid: 2
            name: node2
            ring0_addr: 10.20.0.181
            ring1_addr: 10.20.1.181
        }
        node {
            nodeid: 3
            name: node3
            ring0_addr: 10.20.0.182
            ring1_addr: 10.20.1.182
        }
    }

    quorum {
        provider: corosync_votequorum
    }

    logging {
        to_syslog: yes
        to_logfile: yes
        logfile: /var/log/corosync/corosync.log
        timestamp: on
    }
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/default/sbd
  content: |
    # Rendered by openstack-ha: disk-based SBD on the cluster's shared disk.
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-converged
    SBD_WATCHDOG_DEV=/dev/watchdog
    SBD_WATCHDOG_TIMEOUT=5
    SBD_PACEMAKER=yes
    SBD_STARTMODE=always
    SBD_DELAY_START=no
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/haproxy/haproxy.cfg
  content: |
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
        bind 10.20.0.181:1936
        mode http
        stats enable
        stats uri /
        stats refresh 10s
        stats auth admin:${random_password.cloud_secrets_haproxy_stats_password_6DD33253.result}

    listen keystone
        bind 10.20.3.10:5000
        bind 10.20.0.10:5000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:5000 check
        server node2 10.20.0.181:5000 check
        server node3 10.20.0.182:5000 check

    listen glance
        bind 10.20.3.10:9292
        bind 10.20.0.10:9292
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:9292 check
        server node2 10.20.0.181:9292 check
        server node3 10.20.0.182:9292 check

    listen nova
        bind 10.20.3.10:8774
        bind 10.20.0.10:8774
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8774 check
        server node2 10.20.0.181:8774 check
        server node3 10.20.0.182:8774 check

    listen nova_metadata
        bind 10.20.0.10:8775
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8775 check
        server node2 10.20.0.181:8775 check
        server node3 10.20.0.182:8775 check

    listen placement
        bind 10.20.3.10:8778
        bind 10.20.0.10:8778
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8778 check
        server node2 10.20.0.181:8778 check
        server node3 10.20.0.182:8778 check

    listen neutron
        bind 10.20.3.10:9696
        bind 10.20.0.10:9696
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:9696 check
        server node2 10.20.0.181:9696 check
        server node3 10.20.0.182:9696 check

    listen cinder
        bind 10.20.3.10:8776
        bind 10.20.0.10:8776
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8776 check
        server node2 10.20.0.181:8776 check
        server node3 10.20.0.182:8776 check

    listen heat
        bind 10.20.3.10:8004
        bind 10.20.0.10:8004
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8004 check
        server node2 10.20.0.181:8004 check
        server node3 10.20.0.182:8004 check

    listen heat_cfn
        bind 10.20.3.10:8000
        bind 10.20.0.10:8000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8000 check
        server node2 10.20.0.181:8000 check
        server node3 10.20.0.182:8000 check

    listen horizon
        bind 10.20.3.10:80
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:80 check
        server node2 10.20.0.181:80 check
        server node3 10.20.0.182:80 check

    listen novncproxy
        bind 10.20.3.10:6080
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:6080 check
        server node2 10.20.0.181:6080 check
        server node3 10.20.0.182:6080 check

    listen galera
        bind 10.20.0.11:3306
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
        server node1 10.20.0.180:3306 check
        server node2 10.20.0.181:3306 check backup
        server node3 10.20.0.182:3306 check backup
  owner: root:haproxy
  permissions: '0640'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.180\tnode1.ha-lab.internal node1\n10.20.0.181\tnode2.ha-lab.internal node2\n10.20.0.182\tnode3.ha-lab.internal node3\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf
  content: |
    # Rendered by openstack-ha: Galera member node2 of openstack. Re-render the lab instead of editing.
    [mysqld]
    bind-address = 10.20.0.181
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
    wsrep_cluster_address = gcomm://10.20.0.180,10.20.0.181,10.20.0.182
    wsrep_node_name = node2
    wsrep_node_address = 10.20.0.181
    wsrep_sst_receive_address = 10.20.0.181:4444
    wsrep_provider_options = "gmcast.listen_addr=tcp://10.20.0.181:4567; ist.recv_addr=10.20.0.181:4568; gcache.size=512M; evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; evs.install_timeout=PT3S"
    wsrep_sst_method = mariabackup
    wsrep_sst_auth = sst:${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}

    [mysqld_safe]
    open-files-limit = 16384

    [sst]
    sst-log-archive-dir = /var/log/mysql/sst
  owner: root:mysql
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/cib.xml
  encoding: gz+b64
  content: H4sIAAAAAAACA81ZS5ObOBC+51dQnCNjw1aqdsvOMVVzyeawe9gTJQt5RmVARBJO/O+3BUIIjHmNp2YuM1ar1V+r+6P12hN29IjI4hPFqhQ0llQd/Giz+7LZ+d4FpyzBiqJfTL0c/AITmuEzFSja/Ol7tOAEpKCXl1lcFlpTHvyt7+EkY3ls+rf+10+etyc8P7HnUmDFeK4lWgbAtbwWaFFaSkVFXAheUKGu2iGPJQcfHEVHzpVUAheIF9qM9JtxMDK/FJiJ+7rImEY5zij4DH9BsyOD+ZZayPMLFc808b1gCYBUPIdAIZrjY6pH1xg3YgOjREkXIuQc/Sy5KDNU8JSRawNxKzcYgF04GPtgKL4mG0E/HfucJ1TasbpV+QYZLxvchO5c+1Yn7OiEgzpRRyeyOvvAAd4LKnkpiONIIVjGFLvUVk40JxQZT0iKpbQh9z11LahRieUxcfnCcqmwlmOlBDuWQN6+PTSg45joZmxiHCpIdo5fuFRxyqRqMteXmrz1A7sULKEXBiFrUGzTmA9AECRMnoPjFbEkuDABBEMQITRM/oVT5aKdYPX77rT2wYABp1uztCoZsuMML24cyXTKuQCHgN+Ah75s7fxNn+81nQe/6lUso7yEihfqVsetW+B9YIk3ScXwwVQMV1IxfAwVw1lkCN+ViuFyKoZvQsXwY1ExejAVo5VUjB5DxWgWGaJ3pWK0nIrRm1Ax+ghUvLACFeUR9iWWiZycfA+2IBeWUHHwXygW6gg70IaaTz9wkohwDjFb64t4OT4MsaIJkv5l8rTbbsLtBjbH2xEWTBgmLBFxTlWG5dluQjsyAxb+8UBGOE7dEGI3SojdGxGiQshx+laUaOwvJsXYwDFabKdpMWr6/Yhh3fog1IBzJD5iSd+KGo39xdQYGzhBjd0ENUZNvx81rFvvQg2S8rymxQuG9P++okri5rnLHqPWbnjAHVjhG5403b3ZDgWhDUMDDYEUqp1/O/2qw518Z+5fenMfNs2LYcv68P4Kww/N2nDeBjMHwowq3P/4OllEPY27X97oqHpqKcUXe6XjSu7etAQ9O+4FCcAMUPAZpzD3KQbWWrMrl1HvTP1e6TIOTBWtbvDuD0K/pKBF3NwH6QpKpWXHnU4Tz2fCs+yvoLqm2X2uzjyfh/bms32pb51sbTOtZltOFQmyq/yZwt8NyU9rUXQ1S5iw2/+m2eBcsAhSdqyx1oJITs7U7vObVgMhyrw2n5h/G62xFqu+UYyJoNVH2YDeiO99BpNLxIz6aNxbWR534UgZs6ZXlMc5huHDzLiiQ7ZN113z0XbafELvWa97XuV7U9qNo8m6Gh/pluAp6P4whuYCl/ktdDQKHd2D/teaevCC49bs2evN2CATbv15dZlSS0a+s2UAENQM/+6R0cgMSLQWYd2KuQCAC1js2ucP23zdYrwPeg8B+kVJv46A9+0IIUlMeMpJRZr6JcU2kXMM1i9ayO4XJeFCHyS+f3v6/vTPf0BMSboXF5V+Je3uRZ13jWlse9Kai96ekh+Cb7fzc/Hbo9hM/CrZFXT1y424eqF5i3lmOSj9Xb1r6fmdmJCqG3I9YAWcDfJswDbKKyFtXGdDtoGdAdlJqU2o+/aBL5wlsnkEq9LUeRbT/+zri0k3avO9DC504cIbuNCFC18PF7lw0Q1c5MJFI3BQTfoFo8JP6AmXqVNDhlYSUJx4c3Y0UFOpYOvCCLDA2VgPdtnbgm3nrXawLEId7DldTaz7tr6HXZcqpTYGvez49dP/HqL/sekfAAA=
  owner: root:root
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/clustercheck.cnf
  content: |
    # Rendered by openstack-ha: the clustercheck responder's MariaDB login.
    [client]
    user = clustercheck
    password = ${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}
    socket = /run/mysqld/mysqld.sock
  owner: root:mysql
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/galera-bootstrap.json
  content: |
    {
      "bootstrap_command": [
        "galera_new_cluster"
      ],
      "clustercheck_port": 9200,
      "datadir": "/var/lib/mysql",
      "init_sql": "/etc/openstack-ha/galera-init.sql",
      "join_command": [
        "systemctl",
        "start",
        "mariadb"
      ],
      "members": [
        {
          "address": "10.20.0.180",
          "name": "node1"
        },
        {
          "address": "10.20.0.181",
          "name": "node2"
        },
        {
          "address": "10.20.0.182",
          "name": "node3"
        }
      ],
      "node": "node2",
      "peer_timeout_s": 600,
      "position_file": "/run/openstack-ha/galera-position.json",
      "prepared_marker": "/var/lib/openstack-ha/galera-prepared"
    }
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/openstack-ha/galera-init.sql
  content: |
    -- Rendered by openstack-ha: users every Galera member has before it joins.
    CREATE USER IF NOT EXISTS 'sst'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}';
    ALTER USER 'sst'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}';
    GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'sst'@'localhost';
    CREATE USER IF NOT EXISTS 'clustercheck'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}';
    ALTER USER 'clustercheck'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}';
    GRANT USAGE ON *.* TO 'clustercheck'@'localhost';
    FLUSH PRIVILEGES;
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/rabbitmq/enabled_plugins
  content: |
    [rabbitmq_management].
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq-env.conf
  content: |
    # Rendered by openstack-ha: Erlang node name and epmd address.
    NODENAME=rabbit@node2
    ERL_EPMD_ADDRESS=10.20.0.181
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq.conf
  content: |
    # Rendered by openstack-ha: broker node2 (clustered). Re-render the lab instead of editing.
    listeners.tcp.1 = 10.20.0.181:5672
    distribution.listener.interface = 10.20.0.181
    distribution.listener.port_range.min = 25672
    distribution.listener.port_range.max = 25672
    management.tcp.ip = 10.20.0.181
    management.tcp.port = 15672
    loopback_users.guest = true
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@node1
    cluster_formation.classic_config.nodes.2 = rabbit@node2
    cluster_formation.classic_config.nodes.3 = rabbit@node3
    cluster_partition_handling = pause_minority
  owner: root:rabbitmq
  permissions: '0640'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
    # HAProxy (and the A/P broker) bind VIPs that live on another node.
    net.ipv4.ip_nonlocal_bind = 1
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/haproxy.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: HAProxy needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=41984
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/mariadb.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: MariaDB needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=16384
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/openstack-ha-clustercheck.service
  content: |
    # Rendered by openstack-ha: HAProxy's Galera health check (200 only when synced).
    [Unit]
    Description=openstack-ha Galera clustercheck responder
    After=network-online.target
    Wants=network-online.target

    [Service]
    ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen 10.20.0.181:9200 --client-cnf /etc/openstack-ha/clustercheck.cnf
    User=mysql
    Restart=always
    RestartSec=2
    RuntimeDirectory=openstack-ha-clustercheck

    [Install]
    WantedBy=multi-user.target
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/rabbitmq-server.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: RabbitMQ needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=16384
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for node2 (roles: controller, database, broker, load_balancer).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[node2]: $*"; }
    die() { log "FAILED: $*"; exit 1; }

    # wait_for TIMEOUT_S WHAT COMMAND...: run COMMAND every 5 s until it succeeds;
    # log every 30 s; give up (non-zero) after TIMEOUT_S.
    wait_for() {
      local timeout=$1 what=$2 start=$SECONDS next=0 waited
      shift 2
      while ! "$@" >/dev/null 2>&1; do
        waited=$((SECONDS - start))
        if [ "$waited" -ge "$timeout" ]; then
          log "gave up after $timeout s waiting for $what"
          return 1
        fi
        if [ "$waited" -ge "$next" ]; then
          log "waiting for $what ($waited s of $timeout s)"
          next=$((next + 30))
        fi
        sleep 5
      done
      log "$what: ok after $((SECONDS - start)) s"
    }

    tcp_open() { timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2"; }

    # install_b64 SRC DEST MODE OWNER: decode a base64 secret into place.
    install_b64() {
      base64 -d "$1" > "$2.tmp"
      chmod "$3" "$2.tmp"
      chown "$4" "$2.tmp"
      mv -f "$2.tmp" "$2"
    }

    log "starting"
    sysctl -q -p /etc/sysctl.d/90-openstack-ha.conf

    # Packages are installed and configured: let services start again.
    if [ -e /usr/sbin/policy-rc.d ] && grep -q openstack-ha /usr/sbin/policy-rc.d; then
      rm -f /usr/sbin/policy-rc.d
      log "removed the policy-rc.d that kept services from starting during installation"
    fi
    systemctl daemon-reload

    # ---- Galera: Pacemaker's galera agent runs mariadbd, never systemd.
    systemctl disable --now mariadb >/dev/null 2>&1 || true
    mkdir -p /var/log/mysql/sst
    chown mysql:mysql /var/log/mysql/sst
    # The SST and clustercheck users exist on every member before any joins.
    /usr/local/sbin/openstack-ha-galera-bootstrap --config /etc/openstack-ha/galera-bootstrap.json prepare
    systemctl enable --now openstack-ha-clustercheck
    log "Galera prepared; clustercheck listening on port 9200"

    # ---- HAProxy
    haproxy -c -q -f /etc/haproxy/haproxy.cfg || die "haproxy -c rejects /etc/haproxy/haproxy.cfg"
    # The haproxy clone of the CIB starts it: systemd must not.
    systemctl disable --now haproxy >/dev/null 2>&1 || true

    # ---- RabbitMQ (clustered)
    rabbit_ready() { timeout 120 rabbitmqctl -q await_startup; }
    setup_openstack_vhost() {
      # The vhost's default queue type makes every queue declared without
      # x-queue-type a quorum queue (RabbitMQ 3.10 has no default_queue_type key).
      if ! rabbitmqctl -q list_vhosts name | grep -qx openstack; then
        rabbitmqctl add_vhost openstack --default-queue-type quorum
      fi
      if rabbitmqctl -q list_users | awk '{print $1}' | grep -qx openstack; then
        rabbitmqctl change_password openstack '${random_password.cloud_secrets_rabbitmq_password_71D91E0D.result}' >/dev/null
      else
        rabbitmqctl add_user openstack '${random_password.cloud_secrets_rabbitmq_password_71D91E0D.result}' >/dev/null
      fi
      rabbitmqctl set_permissions -p openstack openstack '.*' '.*' '.*'
      log "vhost openstack and user openstack in place"
    }
    # Start after the first broker so that classic peer discovery joins its
    # cluster instead of racing it into a second one.
    wait_for 1800 "node1 accepting AMQP on 10.20.0.180:5672" \
      tcp_open 10.20.0.180 5672 || die "the first broker never came up"
    systemctl enable rabbitmq-server
    systemctl start rabbitmq-server
    wait_for 600 "RabbitMQ on this node" rabbit_ready || die "RabbitMQ did not start"

    # ---- Corosync and Pacemaker: cluster converged
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    wait_for 1800 "the SBD header on /dev/disk/by-id/virtio-sbd-converged (written by node1)" \
      sbd -d /dev/disk/by-id/virtio-sbd-converged dump || die "no SBD header"
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster converged" quorate || die "no quorum"

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
  defer: true
- path: /usr/local/sbin/openstack-ha-clustercheck
  encoding: gz+b64
  content: H4sIAAAAAAACA5VYa3PbuBX9zl+BZacTspFoZ5Od6SrV7jgbN9lu1nYjZTs7joeCSMjimiJYAIytcf3fey4ASqQe01QzcUQQuM9zz73Qn745abQ6mRfVSb02S1m9DMIwlLWotOHZ3XDJh1nZaCNUthTZ3YiZpWDveCkUZ0vBS7NkSuhaVrlQ7P3ZlZIPa8b1nWZRLZVh3397ehonQfCxqTSTFRNfhFqznBs+51qwSuYC2xlnesXLkr2fTq+YFgq7WITFNTSvcrtSZAICAtL/26/6tTWkLL4IZoQ2msFcqKNFq0HzlWCLohSsqCC9wqOueSbiURAM2Wz27nzKTmYzKKnWrOZwQ+KsggBeWSmyEmwuSnkfj7AdXmDz/VLQy0Jbu5/pgOHVvVaiTkuZ8TKFEUZgI3a8YtFkXWUijwdMlHB1Nvvu9OVslrRR8sdlbQrEZWlMnS3vcPY5FulpaAPOxEMtMkPumUYzZ4esSngoqpwZxReLImNGQhjFizSylVjNhUq2jt7ahA1rqQvSNpuNum60+WxfU0L+Mbm8YNG9KoyBz/O1t7UDCy9zLqXRMKNmW+mIuZE2ihuRlIqY1YCSlRQ6S8PZ7DWeXp2+stGldNEpm7dcCjLQIAKFNgm7EkJpgI3nrECiJeO3SghIg3QczZYOTBt7AKoFYIuoLBogSzaG3wogcQoFNk8skwAFWyi5gg0rrgqez9lwmIsFb0qjh+IBcoZkzPhvWVmIyrCsWvzAhhds+IYNRRBO3l/+i737cPnm7AObTM+mnybsw8+/nLNne6B4FhLYyLmtJLaUZa7J42A261YZtjaA/KD1S4icQsFqVXyBNbeEzDVKjn2anL07jxEbW7rsZfL98wDqqpyrHMUxVxylQGjx+XYFoeF5XQAnqJQ5N8UKW3y+KIQ6IQoIAhuYNF00plEiTVmxshXNKySFU1J1ELRr6rbmSov2+Q+NSvXfpW6/6WZeK5kJvV1Za6eGAJ/4uvfv3oAfiA4+in83qPD38KqkmEyXhIGiuqWXE3vEyTDrGqvt8bNqHQST3y9+On/LxuxV8M9P5x9/x7f/K2dBEAANzPqWuhKMAKS6MSNgSMVs+ANhnf2HXYAvRgAjY4jdFmJVQ5XoMLZNPkpuNrMoomK28gZMKiskodiTnAUWyqKyBOb2JLouC0NrOoqdMvrAOvDf2G52W6LwswnjzYZiwUpRRXZfzMZj9i2SmLtz16c3CTwp6ihOQHZCRXZHuBeMcKuQPkat+wv0UQJQqSgiTtn1i43wuLdZPGSiNuw3XjbiXCmpjsqikAS7zy4rgIVaO+MiF1eblIEPcooK8wuAuEAIUz1ii1Jycyxvh8lcLlyvoUXfmzbZci0BfJTZskBdWobaJDFD8xqza2fRTeCz0TFw4zd2JrwGwebRIjxMQo/bc08+vST/ORTQkUxWFVrF0Hs7flzxh+jFwKZjE4E4fgoHLBxe2L9v7F+Bv7Y8nIG91FLBwoNt6SaqqSKoRZh5bZnBgXM8VY1AqGFv+9XbsdGNI8Ru479z9ENnvwdCdDmxMBh0FU3dufOHulBoo1ubdqGBiNKZxK1n1AW+GbPT4wf8c6+srQRtcmiMPcDcYIMtKMWIZgQPJwuMUQdAg02fG7G8yMy13QYGuvEbLOBMU5fiGqdIgrrZoC5yQ481Y4D+la9jW/wcBljqe81qxBmnJCEN9N1UBdKMN2KLNAoCTGwJ4Efk9EWM6rbVvDsAdIqZzrVNGqK39bATPPTogeX1JG9WtY4eQ0EZC0cspM7UilAikypHb1kLEz7FmGbCz1W4EUjeAU4UpKg9E/feXrejwQ3BzpIoPHBEvptQTEM9m+g8hUmZ9E6stcVhzwQ4uyNydFBm6CciO1EgKn6uivbogb2Kk1a4Xsr7ijpMU91V9DXyDS3Hw49xuNXu4+zmQmAhsstxF5uYFQdssWsHUcxxWx6tBU/OohbCPE/bQG8xbPF4EKmjfQq4L2g6roU7j2mWSgyddhw2ZjH8axjTvLhY9lFDEz5iYZMDygWpLY9U/LYJxP+zYq1UhLHQBQ2iCERESwPrS+zi2ekQK34n0qUbHCLMKOD/dlJJLjY3Alub61pcH544fKFmJdea+bXo8NaOAy71Kf5pKgug4uidalsdGIe6J5DETTjhTS5TDPMAVbmwNu+Xqsd2rzOS24lrHAPWeaAu4hc8Qcd7slo+gsgeF5IJiQODVTLYwZmV2j6ldvSPD6GDZCcWTiJqwdQ3ghTRRSdt9UfOrv62jNJHEUMDLYvMDqcnBD1bc1aLvR5qgnIUPoYeKiF1q5O65EWHovp6ccfFzTYKf8KIjKgNp9AEarUa468880FUt2YZWtqPaBIj9+P4K45TPye6BiNlpdTiUHi2RzAV7r++p/AndJFztRJ3QCXT9+dnNB47aPXhVsrbFCWicWuyCR9QU1rxdsj6y8IVFLjjCBoRegsEumXA9v0RD3Cnjos+4u0L+z81hKDuyCllf2ZWX8vm3gtPC778etM67SYgfhlhMNaW6FqOg8ObprzPB87OGps2787UbbNCJq/oSUXd4QgseLywwUtCZ5h/KYnjNM1llqabER1eoD9bYS5vdcLznAy3yiKMdGS5oPTTJEBTkB+tlqKsx+HZ27cfzyeT0dXlxyldiN1uug9HK14hbySGQSaKR8fhMSWOD6yxduYch/4uHLaKfqXnt2/owgzB+dBeS/yxg1I3EdqIH4JuwkEXYE7ViTDZSTeCJ90IJv1Tzhp/gXY/nPg7re1R7oK1PW0v0Sx69syOUxWl3As7FoqWs+y83Y3ICabevpk7E1Vi6eaYXM+wkEi8MbaXkK3075LTNtIa41OFy34Nw/1PPpbMj0r2xQXJ3FIFRBiJodwAJ2FvoqiTncKIN12yqL6iUjC4utIgAXixJ81mSGo4ltJAjDv42BGAw2Wi6E7oGkQ48rb5CWl86FYfRSTNXyDD65swdncZEh3j+153j7syk5yLFbqPsYLJYCqd4CDvLHaIxxlMPyaglh47PjyxqC5y9ih1cisMvkbxU/y5zXtvavJW2P+oadIPn1FvBPpFrOeSq/xndAmlmtp0r/Raux8BioqX5RGxKrVNIeql+RRZBfOmKf3kmaZ2/E9TynGa+rGf/BcP4CCbeUTtv/v4ajcFFgAA
  owner: root:root
  permissions: '0755'
  defer: true
- path: /usr/local/sbin/openstack-ha-galera-bootstrap
  encoding: gz+b64
  content: H4sIAAAAAAACA808/XPbRna/86/YIJ0JEIOQFF+uDX3Mnc9x2lzHscfS5aaVVQgCliROIMAAoGiW5f/e97G72AVAWb5JZ5qZ2MRi9+3bt+/7PfjLL862TX12l5dnm327qsrnE8/zqo0smzZJ76erZLpMClkn07uqapu2TjYzAa/qVvwrjYsmWchiH4qqFIu8blqBE0VVi2TRSvhTLLZFIaptmyxlNJm8fpD1XmRJm9wljRRllUlRb8tG3N4S2Ntb4ScATDYrANPsm1auM7Et81YkrZBJulIblJN2JcUvb5pQ4I8if5CilU3bIDgaapK1BJwKGUTiasV7NSJZ1lKGYpfDabcAdJJWVZ3lZdJWNZ1CfkzSttgjDoxeu0r4VHR8gCBKuRPv6nydwFFeVesNTC3b2WRyEYmXYi3Xd3BwWpXD7KKWSbaHo5SpzISfA4ZpsYVz1elKpvciKZudrBvxzfl5MIMd76psPxHC2vEFAANIhMzfqxyIlbfR5Btrs92qAmIu6wRo2MoIyAun3xNR4Xritoqt67tAGgM9d0mDdMK9Clgo2koUMgEyJoCgTEqNZuCikgMRlxXOJrpXOyC6KIHW0eR5JN7CYL3LG4m0TKV4/cvr9/+h0VzBjpvtXZE3KyAFUmJTNXmbV+WMgK3y5QqgIUaN/LWsbKoDVxAB3KOqeUCd6YXhuBRerpgbEVQt0+oBKYxnhmsHqsDN5Ul2l4npdNfUcjNVc25vg5BPeLd3jgc7Iyg6pnhbIlt3zC6Jp/VREBm53rQgE82ARu7FRpPfReKnBcwDTmUafdU4gJo2B+lZ502Tl0s4u2TW3iVwFllmwPxjDMPUbNI637RikeRFAzhsM2BqYJ4W2FFUC7HcSobqm4UbeERIi7pawxGBwoWSgV21LTIAAqRPq/U6b1u4QFhSNiAsgGsTgGy/U4g3+OZBgtQDYcS/XV29mwHN9bGA+3Z1DqLacTUc+i+Xb38G7JirJoYEKL4gIRkdyBGbWjYgdxls0Mj6QdLtJu3k9vZMKSxrPwC0qUBlfQcyhkdHYOukBI20BsEFcW53VX0PJyDupRPCnk0Pa39TA4JnyCp15iCvJwUh7J/JNM+kmU+b4ViD50n4pKHSoWUFYMolMB3sBHyY1LQQJSec3MlFVUtaz8xGa2bA3hI5H8cvL6/CvjbJRJKt81JsG+J52HMCiDywsNR4I1r3qXMjD+AyPUwSQcy7W+UAFZeQANg6UGm1FeuQNajYS9m2AKpB8knNQnStdIn+7e10mlblIl+ClE1qiXcHTARnZLWOW7xAfG9vzUaxugq41dtbVH3dAJ2/lR/xyg/6Ao4wficRAZe7bm+32zybkbIgC1PA6eRHZApAIWkAxt8u379+F19evXx/Fb97e/nT1U9vfyZ1ADMT5DYkPkxWqiwF/VhLRAlVxU+XV9HkHRlQ8Tz67hleVZklwCZFflejmajKYj9jnIgcOdJpkwNAIO9d0uZrmKK4nwxVhIZ4MiE6xvFi225rGcciXxMnJyWwTkLCNpnosXoJDNRI/fz3Boyk+l01+tdml+mftZnabO82dZWCQjAje/MTLPAGcTbP+dr83tYFnDCSdV3VvbFa/rpFZU4nSKuikKwpouQu1cd4lRRFcgegaRJ6BSmYogalmSeYIZ7R7lFF6Zcvy/1k8p+v37+N//rXn34Qc+Gdq/+mI3/o/7xJ/P71q7dgl17jmlpGwC8bOJ9fe8QEM/GerQFcjrFPf/zQPPOvz6ffJdPF9Obw/PfHYOZP//ghexZ4wWQyyeQC1OPSB85rQK+gkwSGc/q9+BmcgxkqVSRp1LTA9XVECtBffMrROihoxw8lbNKDsQCxX/m4958MlXyg0n/Lcn5Vb2UwoSGhtTIjAUz10jI1RQI2OmejAlJf5CkxFVjiBvyhfUQ8iOuQJ+lQ9ETShE9AQHMBjCCK2Aw1ObyaXvDY0AeBnwVM+BEEUaqDoXvUe0Fv/gScuZF1SzZOIJ0XII0rv5HFgiiMS/hwgqw9SEop8G2EaIq5hSLpOXrFfsMfxPnEgAUMUWQ6wFmetteAcIicdjPY4mAGiLBIIW/G0PF36L5GXPRr/N17Tfjo9/TQn9AnIky+EPlCrei/FRIIKM47IEdFTWKKtQRVlVkErdZ89rQAlwLZadY7PRHEZSWLFLDMd9BFAsxhsY+wrpk2N4F7JKSCmRMtZeszkcLuvoLeEiLMHJjLWsOUC4HZBrP7ROmvHJA0FOdBgBxz0YNE3DlHTrPX0ygsIm61d/+0VP6gPAIjlbe37EmBeQLbYFAKyePHeAp9vhdgycA1z9BTJZkdDVBgMoZUnfAy5E58GQQL8P+QhprwZSaNnvaPS4XHu2le5qdQeLypHuYnGOZN9TA/HZVCJXMWa1/fR2vfKdYOD/jjxtARI73b23sJ1vYhKbboT20ScJ/Q70ucEInog6vA6Zn1wIEKOhzpJfonRV6ylgQEoga0ZIsjjR90pwdBxLGI3IQGXSnf+9IL8C68mYeOHgLAKTOHs8AjAq9pK80gYB6KOGTkAQ2CCoRoSfJ8ABaYuYD4NcyHTcHT9wPEmpbpgYl1LzDXoWqtbZwPZit2SdtuN4VkYoDE3CgeMST2SX+xMAbs6SEvkhOARhBJ/ViMZQi/qLagj+eiM8jRIge/qSgMUnwGoC5SkOYPOM7wr4UWAKXJ19OLG5sKPAXVAGOvSMI+OxhvokGoDCQEABCqElfchMYVaGxe0RqR9eNAqP+2smPYyIonGuDLVVVkDQcjvB9LMicEMFfQhf15CV5+JjMMsxD2O/AGyZhlElx/cPcBzzydqVCUlqBXs+UwS+VCWOa6C2tUQNodLWSXHzXQDlFZJ/cKABjhtgIvjpRqlz0RVvYk0qfWV7aWmu81PburS3IwT78gs75GtgFfCJydL+qjoBMjZOVo+4evQvFVhFrQV2CCY2DcIUqqzMFJR+fcL0lcQdtscFdzrAi8rTWIKyK1idQipF4pvpjDRobJlBfS5zB9r76HaIDC53nX58AWgLh5Iuy1J4NTyVntEj4aayThZ+LcN1UdyvCmQ1hd8ZyGASPzYrfao0x4B55xpMhtLDmESNha0jtNjM5ukvpTWyNB2fvQ1NK6HnBgtHU+w9CgAXOqL1dMBT4aQgTmqGrZ6etxPSY0mJ5rx1FVuCML8E00q5nLQ61Nl9RWtiXWeQiTnQA95/Wg2dzK6AbEFdvyvqx25Uw4yRZg9R2IkMmt2BkVz3YnWGbKe5vZO1YhpQ+8EqL1mBfJ+i5LBFymP90oXxJYCJWCoqXhEgYJfBLpDBfSGfXvJiIvm3izx5h6N8v6ae6ykmJ+R1dktUSHFMGsnxMLhWbK0FKWTFjko26btto4SNPZurc5Ueeaj9phrujGcsTGYY6gPiEcVkJS2RT/AKtA9zhGX5Y+bhyI78WFa9oR6jMEGzJqlHu0+KMlFEk/0nuA1qI+YiSC4wubSLC6VDT5beRwohzRV5SSMRbLZHEQN5MC9zk+VCkbk9QJOhcTrWgcg8Zr45h8xUfCiM6ZYJ9eBUw6oLRDBneWa5Zdj+2GfKWmVRGHmgpBhwsC32Z5be/Fzrx6AWTyzh6S+qzI787W++bXwutDkItkW7RNjBSwfWgXnD2rD0K7RkMs9BtCAyszDZZmzGgPTlrkWHgYQOFxhKFW9hdiGhikPM7uhou7dxaAqRqdDmFhnnEIBUdp/RgJ7YxljKkcnTBw47PBNACIKdygB06rJutGLFRco+DMJSpDqHRm52H6+eMIwx+vp4stSgLHwxHH6MhvaBPZpqOb4KRohEIqGZzFQP/7Efr2DuXOdnh49Ghq/slTbaSsY8zzgZMXg7wtiirB+6G/rRty58G+vx+7HWAmuFhZg+F4FJg7EaA978MaJIYtD13Lv0OaDvpgKcC/9pggcSl3sfbRLI3R291OQD99Y3sV7clFzbQlzqB40ZZUZ/sTCTBWbjHahaYLzA1Cw2QYOwxr0KqwxLsh5b5Gw2Or1aDT5EmWgfVv4mqhdDmu6+JD+Lvbg2ApB8oF6JrDXONtsAATRXCdaRbaerrCxrIGHD78u9xz8IBQLOy5zBEn9fJx6nwpTIwK6i3H2jEFYNOp1t5TytVzPYF8m6hP2uuF15s+PwzNxBFOq1N1zgs20Nc3Kg41uY54k7QrP10sZ8pAu3TXMX0T4Tx2J2Cytm7ATo4Lr8NcFYHHWrUNNvhE4P9+Wz4a2JOHTOkFlVDup9G7yB+icAzxEX2QH11iiNb3KBsbHzTUIv8495wNphh5bRf0IoLVSmkCFVL0nv1FxgPpmvxAJIjGNRRf46PNGeAte70TeBjOTacAekrJjPlB43hUzAeXCNuBXMttnvmUKjzvGAoxWYGX7+tlsG0ME+MlTMb90SpaOg0QjSAQAL/Kx33x7fyg5x3V8bCqsPCsOvdMExYDCCceUR6mdjABfKChtPXecrlMuScC64fzQpEmGyoxgSbfbFvKVYaU8NI/WcvPn5+fw2Q0yXNOe3ZeNO6O5sY6vizTKgM85962XUz/BQhMhG3mHlYbkhRcI6yJLlauElD83c9ULVaYIAS686aLvASXZO/Qf1sWeXlvMNCcb27BeCsWvwOrM78zJHCdaowHNrsMb3qzA/VC65x8Gs2KNruYMkrmCfYw1aAUzNhJURuUZa5GCsqcq7FlObSkitoBLMYw0uVcdnctQ+0SDG9o9D6412LeT8j27kN+TOWmFT+CIP9ctT9i/o3088Ae6bP7VCZAhqfg1CTxMMalA48XBbpCk3IZrcm6GuBNL7zATbdYk0YS/965R+LsXZj8lakRkV4jxL6wikn2sfSVzEd1bGBHjN1klepyw6FhItMscOawWhiqWHHA1cfZgZYfLcfSjaU1DI/TD4iIAuboFLv3CGaWYCMxcUSoIYknn7zWkAs91pnmKicxrM/giG2s6mxUgEKrb0hv2ossQRVg8hKMYeNrMwkP6CmQJnbiABSDj2D/4+peFWlIitaYbRhMFs+EF8E7ZpNOumAIuGjnPUGkMKKIsi3aOW0YdZkFUFmsQvLY4nu5byx8SOWtVO3YMyVhOJ3SpYzC8HRaB67adhOjAGzrQiW6+z5+XyuSf2t7AUPV4pb7I3gkcsDfndEw2xApsHVnVN/jC6ygtNsm5AdWL+AzAUXh0NqIdNbDVjx2M0KEbUekfXBHmDBQQjAWpcSfSmsqKP7bS1oXWunpYLzooOop8oRL1XebNas6BFXOreI0y/FmpxanrKqG4iXv+qDeH28o1YOVJWzwUSDIl1QPtHBZ4bru3hce/pydnR0QJOgI3HIQZR/7EbBn8cn8uUnHInRQDZT6ADLD4/X5DWpICNFPF2kcBuopjqgrRJOIAEdmjY+AL25cG+N3dxOaOCAUV/vNUy+MM72PXVfXV/D/8Y7GLkUdVV2Mti1kvdTtzOl2FB2WCba7cdxq00Hl6IFDzc3w2EK26WpmunaurzXhuELW428MjB3ZYCBNIeXGBkKKB5brNXisiGbxAnDu03t7AVZdaI2evK7grFWZp+FkvA73rioKNmsSy2xgxvLCbcxT9Lq9xaoBtgzWbqOl8a0y0EhUD54zYhAEPGOd6+RC2HUHPynmkjZ2JymLsUIjgmq941GTXMe6szacM7qDoxNoUyoY2IliGysLMAi1aeIXzLAEbBBkM+PRlaIUMPcHg2mdoI/7KoMjXCMcvBpYZmYaOs91rbVzD/pnsUqtjuOkYaiWAjwd13hGbYmePQpB3Qkm27srmo34VwgfS07i0FtrO1bDq+5NtnHQTPP93LDSKP7jRS3iZ+zo7RW2xotbXJJaYk/3dqPaow9DXp1F54ujaEYOGYlL6lNFUfCGiOg6nsr3hCg1ObXX7kVSY5Gn4SLHsqoyq7hj1bzZhxiBPSy/3GG7KagyrBaeLF1itdWOl4IeoayUHmoY5Qs6iUftL2EyNR7sMwjknAzJpWwfabp/g9mIH/4MV7zYYpOjTj+UcjdVKl5UuoE+MCpHJUlGwrfHor3xAHw0vMMwH3WBDuc+L5oTX1rN8PgFQ9edv5dtqJucsZjKB5+YSChqZAJWza+9/xrS7EPz9QX8/08e5yFQ6SfLZg6r3gzMO/coyh03dDbbu3GQEUHzxu5nbBfTe4KA5/S+25h3o5agmvttyCfH8OBDObbDh7IfMvAVPS1mMJ4/7Osmhk4Lw4FTV5qhUZnFII7K94lRC7gO0LAxrOcJWdbPtbyPmUHS6piRY/A3VpWS05+qBWLMsBH5bUPGeTiSEoL5+WvZAA/Q/8OIPrZN7vXXyjp9zZvfDGxuz69UFnVoLvniDvjW6hjxglN5cPQVrCq39o7GdZe1TjXR8t0D01lByqCIcTKk7uXNqVPR6bdH51Z/MmGa7/sN90hI/ACA9R0VPawPNHRX00v1PZhptne/6OFvn7jd3v6SRX1jdgmjmBJjqVWfSzScQkOzMJIr8ddg57Y1tuvQt2Nn+BnZ2fvXL3948zpaY7eV3dKk1aRnzh+pXIt5VkkX+xauk3ppIvRu6VEpnICYDOYQBzMZdTmg3pbxP3xxednqfOYDuiR52mImBJ7yGhsyxz54mD/hbA6L9TPJjJ6TIEbd9jCH/4OIF2HQrQ6YrrPTGVJzAHNd85GkqkZnkCzqCMNT6Gsc36RemtHcSy/v4pz13EK6c2L/L1G2vGYVqz3lXMaJe+q5xpxrYEa7sSRUTSQBa+wLixQkZqcp4erFmKhBRLCa1jANyU1B8FJ/pTT4dvKF7UlklaUvzQX9dqRHnDoz4DFmXY71E0Iyktr0LGgHvLFuyaC3TymQz2ACNil6qu3J830ehT9w7nUT5cjtYx7c+tDAoH7aJbaKWsoUzPs2B6zVoAjfP0d3FrdP7tQ3t3a1iyEGxyFjnNSj/e1PkIJY3+n1xlj4lDsVdjBUK9dYZNm1x4HNRBdDtR4inui6nQzTSAx0d2nPaVDnvXjSZdiNCafvQW30W1MagfcY0lFKF8NcXac7HE3TOae6ath3w7oCk2V1uAXmtN4Co/+q+9CSP6ak7zLZ4el9UondjupzSgx4+BvKLoLjsjEVIajQ0LDv5rbt9DTiwtPqT88DGR5ZduTaRROcUoiKXTUCeZPltf9I64Bq2Rqgg71KeQKOBwrkwVpj80HPIXC4kyryXXvZeE1+rBDOo2q3ubv1jRvfs+NBJWs3xLXK1/2+Wohs89rtQsicLgS3bWpq9R2s1lXmM4BQnFf//O23wef0CeiVJ7sEmiq9B8yc29KLdNtXhJN0azmz49y+h3cUa5rNr1162U0SzpuRy+n1Oo9c1GDG+KX1vm3TcUFVzt/++OOpt3CeB3C66nkJun84qbnPMZOiP2kewQXpJNv5Af8ew3WTZ6qDZ5TeX2l6w7yvgjEAVuPI4xBgkgvhxjL4Tj7n8YD74ptzq4k5L6Qj6UrV4HGDQbDKN0vxI35kYJULMPXd3+r7E8nKTjvwRyKOUsxyriuTh/gCRqU4MCmOZxYlTge+FwMRVpHvefTtWN8J6xduu3xqZ8OvxSDz9SQ9xj224RhjATduqUgJLkxfP+UldtcgfoMM3IjW+pQ2g/sPR7oVua5P1it72r8T4J3oqFFcwt8YYctHt4nDptZcdIt8C0GrAYEzihZpr3ja64+bvLa/u7HA3efIoJ/c6Pl58LS6f8/mjlb+XY7qLfnshJ1pzzUleyugfPX2zZuXP/9waTfK9+trN9ydRB8lTpwuZm/mhNDMCx4Hp+odP6g33G066+I2Na4w1OD4KZwcTSYclBjYgAe769U0vZs0YRf9wqj+1wiil/Vyi//Mxjt8qjtJAh4A4j36BbyHrjT/MyZwunkcZ1Uax/wFJmdb9SdOKhTG2iwaK9rQ9/Q/OEFwqOtyfroV2+zKDd/jELs+XjDgOfDwXPXW6ntUdhsNJpY/I+6YIvuJBOzzF76IUpV9/SRLATcCUGaKrkLuL1ZuQK9xuVbQOafEUdpkkuOHGigPcUzBTRzj9cax1/0rBSASrU+XDoD/F34HkLwjSgAA
  owner: root:root
  permissions: '0755'
  defer: true
- path: /var/lib/rabbitmq/.erlang.cookie
  content: ${random_password.cloud_secrets_rabbitmq_erlang_cookie_7B0D7C0D.result}
  owner: rabbitmq:rabbitmq
  permissions: '0400'
  defer: true
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  lifecycle {
    ignore_changes = [
      "user_data",
    ]
  }
}
resource "libvirt_domain" "cloud_converged_node2_domain_E5D60ABF" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_converged_node2_cloudinit_10B23E88.id
  memory     = 16384
  name       = "ha-lab-node2"
  qemu_agent = false
  vcpu       = 8
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_converged_node2_volume_C6802129.id
  }
  disk {
    volume_id = libvirt_volume.cloud_converged_sbd-disk_9384AB6A.id
  }
  network_interface {
    mac            = "52:54:00:00:00:b5"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:b5"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:02:00:b5"
    network_id     = libvirt_network.cloud_networks_tenant_678DDA62.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:b5"
    network_id     = libvirt_network.cloud_networks_external_29FEE1E9.id
    wait_for_lease = false
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-converged-sbd') or @volume='ha-lab-converged-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-converged</serial>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/devices">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <watchdog model="i6300esb" action="reset"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}
resource "libvirt_volume" "cloud_converged_node3_volume_D15DEF39" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-node3.qcow2"
  pool           = "default"
  size           = 85899345920
}
resource "libvirt_cloudinit_disk" "cloud_converged_node3_cloudinit_A550AC01" {
  meta_data      = <<EOF
instance-id: ha-lab-node3
local-hostname: node3
EOF
  name           = "ha-lab-node3-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.182/24
    match:
      macaddress: 52:54:00:03:00:b6
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.182/24
    match:
      macaddress: 52:54:00:00:00:b6
    nameservers:
      addresses:
      - 10.20.0.1
      search:
      - ha-lab.internal
    routes:
    - to: default
      via: 10.20.0.1
    set-name: mgmt
  storage:
    addresses:
    - 10.20.1.182/24
    match:
      macaddress: 52:54:00:01:00:b6
    set-name: storage
  tenant:
    addresses:
    - 10.20.2.182/24
    match:
      macaddress: 52:54:00:02:00:b6
    set-name: tenant
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: node3
fqdn: node3.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- corosync
- crmsh
- curl
- fence-agents
- galera-4
- haproxy
- iproute2
- mariadb-backup
- mariadb-server
- pacemaker
- pacemaker-cli-utils
- rabbitmq-server
- resource-agents
- sbd
- socat
write_files:
- path: /etc/corosync/authkey.b64
  content: ${random_bytes.cloud_secrets_corosync_authkey_F07AD555.base64}
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/corosync/corosync.conf
  content: |
    # Rendered by openstack-ha for cluster converged (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: converged
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
            name: node1
            ring0_addr: 10.20.0.180
            ring1_addr: 10.20.1.180
        }
        node {
            nodeid: 2
            name: node2
            ring0_addr: 10.20.0.181
            ring1_addr: 10.20.1.181
        }
        node {
            nodeid: 3
            name: node3
            ring0_addr: 10.20.0.182
            ring1_addr: 10.20.1.182
        }
    }

    quorum {
        provider: corosync_votequorum
    }

    logging {
        to_syslog: yes
        to_logfile: yes
        logfile: /var/log/corosync/corosync.log
        timestamp: on
    }
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/default/sbd
  content: |
    # Rendered by openstack-ha: disk-based SBD on the cluster's shared disk.
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-converged
    SBD_WATCHDOG_DEV=/dev/watchdog
    SBD_WATCHDOG_TIMEOUT=5
    SBD_PACEMAKER=yes
    SBD_STARTMODE=always
    SBD_DELAY_START=no
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/haproxy/haproxy.cfg
  content: |
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
        bind 10.20.0.182:1936
        mode http
        stats enable
        stats uri /
        stats refresh 10s
        stats auth admin:${random_password.cloud_secrets_haproxy_stats_password_6DD33253.result}

    listen keystone
        bind 10.20.3.10:5000
        bind 10.20.0.10:5000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:5000 check
        server node2 10.20.0.181:5000 check
        server node3 10.20.0.182:5000 check

    listen glance
        bind 10.20.3.10:9292
        bind 10.20.0.10:9292
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:9292 check
        server node2 10.20.0.181:9292 check
        server node3 10.20.0.182:9292 check

    listen nova
        bind 10.20.3.10:8774
        bind 10.20.0.10:8774
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8774 check
        server node2 10.20.0.181:8774 check
        server node3 10.20.0.182:8774 check

    listen nova_metadata
        bind 10.20.0.10:8775
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8775 check
        server node2 10.20.0.181:8775 check
        server node3 10.20.0.182:8775 check

    listen placement
        bind 10.20.3.10:8778
        bind 10.20.0.10:8778
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8778 check
        server node2 10.20.0.181:8778 check
        server node3 10.20.0.182:8778 check

    listen neutron
        bind 10.20.3.10:9696
        bind 10.20.0.10:9696
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:9696 check
        server node2 10.20.0.181:9696 check
        server node3 10.20.0.182:9696 check

    listen cinder
        bind 10.20.3.10:8776
        bind 10.20.0.10:8776
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8776 check
        server node2 10.20.0.181:8776 check
        server node3 10.20.0.182:8776 check

    listen heat
        bind 10.20.3.10:8004
        bind 10.20.0.10:8004
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8004 check
        server node2 10.20.0.181:8004 check
        server node3 10.20.0.182:8004 check

    listen heat_cfn
        bind 10.20.3.10:8000
        bind 10.20.0.10:8000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:8000 check
        server node2 10.20.0.181:8000 check
        server node3 10.20.0.182:8000 check

    listen horizon
        bind 10.20.3.10:80
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:80 check
        server node2 10.20.0.181:80 check
        server node3 10.20.0.182:80 check

    listen novncproxy
        bind 10.20.3.10:6080
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server node1 10.20.0.180:6080 check
        server node2 10.20.0.181:6080 check
        server node3 10.20.0.182:6080 check

    listen galera
        bind 10.20.0.11:3306
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
        server node1 10.20.0.180:3306 check
        server node2 10.20.0.181:3306 check backup
        server node3 10.20.0.182:3306 check backup
  owner: root:haproxy
  permissions: '0640'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.180\tnode1.ha-lab.internal node1\n10.20.0.181\tnode2.ha-lab.internal node2\n10.20.0.182\tnode3.ha-lab.internal node3\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf
  content: |
    # Rendered by openstack-ha: Galera member node3 of openstack. Re-render the lab instead of editing.
    [mysqld]
    bind-address = 10.20.0.182
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
    wsrep_cluster_address = gcomm://10.20.0.180,10.20.0.181,10.20.0.182
    wsrep_node_name = node3
    wsrep_node_address = 10.20.0.182
    wsrep_sst_receive_address = 10.20.0.182:4444
    wsrep_provider_options = "gmcast.listen_addr=tcp://10.20.0.182:4567; ist.recv_addr=10.20.0.182:4568; gcache.size=512M; evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; evs.install_timeout=PT3S"
    wsrep_sst_method = mariabackup
    wsrep_sst_auth = sst:${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}

    [mysqld_safe]
    open-files-limit = 16384

    [sst]
    sst-log-archive-dir = /var/log/mysql/sst
  owner: root:mysql
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/cib.xml
  encoding: gz+b64
  content: H4sIAAAAAAACA81ZS5ObOBC+51dQnCNjw1aqdsvOMVVzyeawe9gTJQt5RmVARBJO/O+3BUIIjHmNp2YuM1ar1V+r+6P12hN29IjI4hPFqhQ0llQd/Giz+7LZ+d4FpyzBiqJfTL0c/AITmuEzFSja/Ol7tOAEpKCXl1lcFlpTHvyt7+EkY3ls+rf+10+etyc8P7HnUmDFeK4lWgbAtbwWaFFaSkVFXAheUKGu2iGPJQcfHEVHzpVUAheIF9qM9JtxMDK/FJiJ+7rImEY5zij4DH9BsyOD+ZZayPMLFc808b1gCYBUPIdAIZrjY6pH1xg3YgOjREkXIuQc/Sy5KDNU8JSRawNxKzcYgF04GPtgKL4mG0E/HfucJ1TasbpV+QYZLxvchO5c+1Yn7OiEgzpRRyeyOvvAAd4LKnkpiONIIVjGFLvUVk40JxQZT0iKpbQh9z11LahRieUxcfnCcqmwlmOlBDuWQN6+PTSg45joZmxiHCpIdo5fuFRxyqRqMteXmrz1A7sULKEXBiFrUGzTmA9AECRMnoPjFbEkuDABBEMQITRM/oVT5aKdYPX77rT2wYABp1uztCoZsuMML24cyXTKuQCHgN+Ah75s7fxNn+81nQe/6lUso7yEihfqVsetW+B9YIk3ScXwwVQMV1IxfAwVw1lkCN+ViuFyKoZvQsXwY1ExejAVo5VUjB5DxWgWGaJ3pWK0nIrRm1Ax+ghUvLACFeUR9iWWiZycfA+2IBeWUHHwXygW6gg70IaaTz9wkohwDjFb64t4OT4MsaIJkv5l8rTbbsLtBjbH2xEWTBgmLBFxTlWG5dluQjsyAxb+8UBGOE7dEGI3SojdGxGiQshx+laUaOwvJsXYwDFabKdpMWr6/Yhh3fog1IBzJD5iSd+KGo39xdQYGzhBjd0ENUZNvx81rFvvQg2S8rymxQuG9P++okri5rnLHqPWbnjAHVjhG5403b3ZDgWhDUMDDYEUqp1/O/2qw518Z+5fenMfNs2LYcv68P4Kww/N2nDeBjMHwowq3P/4OllEPY27X97oqHpqKcUXe6XjSu7etAQ9O+4FCcAMUPAZpzD3KQbWWrMrl1HvTP1e6TIOTBWtbvDuD0K/pKBF3NwH6QpKpWXHnU4Tz2fCs+yvoLqm2X2uzjyfh/bms32pb51sbTOtZltOFQmyq/yZwt8NyU9rUXQ1S5iw2/+m2eBcsAhSdqyx1oJITs7U7vObVgMhyrw2n5h/G62xFqu+UYyJoNVH2YDeiO99BpNLxIz6aNxbWR534UgZs6ZXlMc5huHDzLiiQ7ZN113z0XbafELvWa97XuV7U9qNo8m6Gh/pluAp6P4whuYCl/ktdDQKHd2D/teaevCC49bs2evN2CATbv15dZlSS0a+s2UAENQM/+6R0cgMSLQWYd2KuQCAC1js2ucP23zdYrwPeg8B+kVJv46A9+0IIUlMeMpJRZr6JcU2kXMM1i9ayO4XJeFCHyS+f3v6/vTPf0BMSboXF5V+Je3uRZ13jWlse9Kai96ekh+Cb7fzc/Hbo9hM/CrZFXT1y424eqF5i3lmOSj9Xb1r6fmdmJCqG3I9YAWcDfJswDbKKyFtXGdDtoGdAdlJqU2o+/aBL5wlsnkEq9LUeRbT/+zri0k3avO9DC504cIbuNCFC18PF7lw0Q1c5MJFI3BQTfoFo8JP6AmXqVNDhlYSUJx4c3Y0UFOpYOvCCLDA2VgPdtnbgm3nrXawLEId7DldTaz7tr6HXZcqpTYGvez49dP/HqL/sekfAAA=
  owner: root:root
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/clustercheck.cnf
  content: |
    # Rendered by openstack-ha: the clustercheck responder's MariaDB login.
    [client]
    user = clustercheck
    password = ${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}
    socket = /run/mysqld/mysqld.sock
  owner: root:mysql
  permissions: '0640'
  defer: true
- path: /etc/openstack-ha/galera-bootstrap.json
  content: |
    {
      "bootstrap_command": [
        "galera_new_cluster"
      ],
      "clustercheck_port": 9200,
      "datadir": "/var/lib/mysql",
      "init_sql": "/etc/openstack-ha/galera-init.sql",
      "join_command": [
        "systemctl",
        "start",
        "mariadb"
      ],
      "members": [
        {
          "address": "10.20.0.180",
          "name": "node1"
        },
        {
          "address": "10.20.0.181",
          "name": "node2"
        },
        {
          "address": "10.20.0.182",
          "name": "node3"
        }
      ],
      "node": "node3",
      "peer_timeout_s": 600,
      "position_file": "/run/openstack-ha/galera-position.json",
      "prepared_marker": "/var/lib/openstack-ha/galera-prepared"
    }
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/openstack-ha/galera-init.sql
  content: |
    -- Rendered by openstack-ha: users every Galera member has before it joins.
    CREATE USER IF NOT EXISTS 'sst'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}';
    ALTER USER 'sst'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_galera_sst_password_2347C2BF.result}';
    GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'sst'@'localhost';
    CREATE USER IF NOT EXISTS 'clustercheck'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}';
    ALTER USER 'clustercheck'@'localhost' IDENTIFIED BY '${random_password.cloud_secrets_clustercheck_password_A7C553D9.result}';
    GRANT USAGE ON *.* TO 'clustercheck'@'localhost';
    FLUSH PRIVILEGES;
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/rabbitmq/enabled_plugins
  content: |
    [rabbitmq_management].
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq-env.conf
  content: |
    # Rendered by openstack-ha: Erlang node name and epmd address.
    NODENAME=rabbit@node3
    ERL_EPMD_ADDRESS=10.20.0.182
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq.conf
  content: |
    # Rendered by openstack-ha: broker node3 (clustered). Re-render the lab instead of editing.
    listeners.tcp.1 = 10.20.0.182:5672
    distribution.listener.interface = 10.20.0.182
    distribution.listener.port_range.min = 25672
    distribution.listener.port_range.max = 25672
    management.tcp.ip = 10.20.0.182
    management.tcp.port = 15672
    loopback_users.guest = true
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@node1
    cluster_formation.classic_config.nodes.2 = rabbit@node2
    cluster_formation.classic_config.nodes.3 = rabbit@node3
    cluster_partition_handling = pause_minority
  owner: root:rabbitmq
  permissions: '0640'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
    # HAProxy (and the A/P broker) bind VIPs that live on another node.
    net.ipv4.ip_nonlocal_bind = 1
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/haproxy.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: HAProxy needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=41984
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/mariadb.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: MariaDB needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=16384
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/openstack-ha-clustercheck.service
  content: |
    # Rendered by openstack-ha: HAProxy's Galera health check (200 only when synced).
    [Unit]
    Description=openstack-ha Galera clustercheck responder
    After=network-online.target
    Wants=network-online.target

    [Service]
    ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen 10.20.0.182:9200 --client-cnf /etc/openstack-ha/clustercheck.cnf
    User=mysql
    Restart=always
    RestartSec=2
    RuntimeDirectory=openstack-ha-clustercheck

    [Install]
    WantedBy=multi-user.target
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/systemd/system/rabbitmq-server.service.d/openstack-ha-limits.conf
  content: |
    # Rendered by openstack-ha: RabbitMQ needs this many open files (validated deployments: at least 16384).
    [Service]
    LimitNOFILE=16384
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for node3 (roles: controller, database, broker, load_balancer).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[node3]: $*"; }
    die() { log "FAILED: $*"; exit 1; }

    # wait_for TIMEOUT_S WHAT COMMAND...: run COMMAND every 5 s until it succeeds;
    # log every 30 s; give up (non-zero) after TIMEOUT_S.
    wait_for() {
      local timeout=$1 what=$2 start=$SECONDS next=0 waited
      shift 2
      while ! "$@" >/dev/null 2>&1; do
        waited=$((SECONDS - start))
        if [ "$waited" -ge "$timeout" ]; then
          log "gave up after $timeout s waiting for $what"
          return 1
        fi
        if [ "$waited" -ge "$next" ]; then
          log "waiting for $what ($waited s of $timeout s)"
          next=$((next + 30))
        fi
        sleep 5
      done
      log "$what: ok after $((SECONDS - start)) s"
    }

    tcp_open() { timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2"; }

    # install_b64 SRC DEST MODE OWNER: decode a base64 secret into place.
    install_b64() {
      base64 -d "$1" > "$2.tmp"
      chmod "$3" "$2.tmp"
      chown "$4" "$2.tmp"
      mv -f "$2.tmp" "$2"
    }

    log "starting"
    sysctl -q -p /etc/sysctl.d/90-openstack-ha.conf

    # Packages are installed and configured: let services start again.
    if [ -e /usr/sbin/policy-rc.d ] && grep -q openstack-ha /usr/sbin/policy-rc.d; then
      rm -f /usr/sbin/policy-rc.d
      log "removed the policy-rc.d that kept services from starting during installation"
    fi
    systemctl daemon-reload

    # ---- Galera: Pacemaker's galera agent runs mariadbd, never systemd.
    systemctl disable --now mariadb >/dev/null 2>&1 || true
    mkdir -p /var/log/mysql/sst
    chown mysql:mysql /var/log/mysql/sst
    # The SST and clustercheck users exist on every member before any joins.
    /usr/local/sbin/openstack-ha-galera-bootstrap --config /etc/openstack-ha/galera-bootstrap.json prepare
    systemctl enable --now openstack-ha-clustercheck
    log "Galera prepared; clustercheck listening on port 9200"

    # ---- HAProxy
    haproxy -c -q -f /etc/haproxy/haproxy.cfg || die "haproxy -c rejects /etc/haproxy/haproxy.cfg"
    # The haproxy clone of the CIB starts it: systemd must not.
    systemctl disable --now haproxy >/dev/null 2>&1 || true

    # ---- RabbitMQ (clustered)
    rabbit_ready() { timeout 120 rabbitmqctl -q await_startup; }
    setup_openstack_vhost() {
      # The vhost's default queue type makes every queue declared without
      # x-queue-type a quorum queue (RabbitMQ 3.10 has no default_queue_type key).
      if ! rabbitmqctl -q list_vhosts name | grep -qx openstack; then
        rabbitmqctl add_vhost openstack --default-queue-type quorum
      fi
      if rabbitmqctl -q list_users | awk '{print $1}' | grep -qx openstack; then
        rabbitmqctl change_password openstack '${random_password.cloud_secrets_rabbitmq_password_71D91E0D.result}' >/dev/null
      else
        rabbitmqctl add_user openstack '${random_password.cloud_secrets_rabbitmq_password_71D91E0D.result}' >/dev/null
      fi
      rabbitmqctl set_permissions -p openstack openstack '.*' '.*' '.*'
      log "vhost openstack and user openstack in place"
    }
    # Start after the first broker so that classic peer discovery joins its
    # cluster instead of racing it into a second one.
    wait_for 1800 "node1 accepting AMQP on 10.20.0.180:5672" \
      tcp_open 10.20.0.180 5672 || die "the first broker never came up"
    systemctl enable rabbitmq-server
    systemctl start rabbitmq-server
    wait_for 600 "RabbitMQ on this node" rabbit_ready || die "RabbitMQ did not start"

    # ---- Corosync and Pacemaker: cluster converged
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    wait_for 1800 "the SBD header on /dev/disk/by-id/virtio-sbd-converged (written by node1)" \
      sbd -d /dev/disk/by-id/virtio-sbd-converged dump || die "no SBD header"
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster converged" quorate || die "no quorum"

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
  defer: true
- path: /usr/local/sbin/openstack-ha-clustercheck
  encoding: gz+b64
  content: H4sIAAAAAAACA5VYa3PbuBX9zl+BZacTspFoZ5Od6SrV7jgbN9lu1nYjZTs7joeCSMjimiJYAIytcf3fey4ASqQe01QzcUQQuM9zz73Qn745abQ6mRfVSb02S1m9DMIwlLWotOHZ3XDJh1nZaCNUthTZ3YiZpWDveCkUZ0vBS7NkSuhaVrlQ7P3ZlZIPa8b1nWZRLZVh3397ehonQfCxqTSTFRNfhFqznBs+51qwSuYC2xlnesXLkr2fTq+YFgq7WITFNTSvcrtSZAICAtL/26/6tTWkLL4IZoQ2msFcqKNFq0HzlWCLohSsqCC9wqOueSbiURAM2Wz27nzKTmYzKKnWrOZwQ+KsggBeWSmyEmwuSnkfj7AdXmDz/VLQy0Jbu5/pgOHVvVaiTkuZ8TKFEUZgI3a8YtFkXWUijwdMlHB1Nvvu9OVslrRR8sdlbQrEZWlMnS3vcPY5FulpaAPOxEMtMkPumUYzZ4esSngoqpwZxReLImNGQhjFizSylVjNhUq2jt7ahA1rqQvSNpuNum60+WxfU0L+Mbm8YNG9KoyBz/O1t7UDCy9zLqXRMKNmW+mIuZE2ihuRlIqY1YCSlRQ6S8PZ7DWeXp2+stGldNEpm7dcCjLQIAKFNgm7EkJpgI3nrECiJeO3SghIg3QczZYOTBt7AKoFYIuoLBogSzaG3wogcQoFNk8skwAFWyi5gg0rrgqez9lwmIsFb0qjh+IBcoZkzPhvWVmIyrCsWvzAhhds+IYNRRBO3l/+i737cPnm7AObTM+mnybsw8+/nLNne6B4FhLYyLmtJLaUZa7J42A261YZtjaA/KD1S4icQsFqVXyBNbeEzDVKjn2anL07jxEbW7rsZfL98wDqqpyrHMUxVxylQGjx+XYFoeF5XQAnqJQ5N8UKW3y+KIQ6IQoIAhuYNF00plEiTVmxshXNKySFU1J1ELRr6rbmSov2+Q+NSvXfpW6/6WZeK5kJvV1Za6eGAJ/4uvfv3oAfiA4+in83qPD38KqkmEyXhIGiuqWXE3vEyTDrGqvt8bNqHQST3y9+On/LxuxV8M9P5x9/x7f/K2dBEAANzPqWuhKMAKS6MSNgSMVs+ANhnf2HXYAvRgAjY4jdFmJVQ5XoMLZNPkpuNrMoomK28gZMKiskodiTnAUWyqKyBOb2JLouC0NrOoqdMvrAOvDf2G52W6LwswnjzYZiwUpRRXZfzMZj9i2SmLtz16c3CTwp6ihOQHZCRXZHuBeMcKuQPkat+wv0UQJQqSgiTtn1i43wuLdZPGSiNuw3XjbiXCmpjsqikAS7zy4rgIVaO+MiF1eblIEPcooK8wuAuEAIUz1ii1Jycyxvh8lcLlyvoUXfmzbZci0BfJTZskBdWobaJDFD8xqza2fRTeCz0TFw4zd2JrwGwebRIjxMQo/bc08+vST/ORTQkUxWFVrF0Hs7flzxh+jFwKZjE4E4fgoHLBxe2L9v7F+Bv7Y8nIG91FLBwoNt6SaqqSKoRZh5bZnBgXM8VY1AqGFv+9XbsdGNI8Ru479z9ENnvwdCdDmxMBh0FU3dufOHulBoo1ubdqGBiNKZxK1n1AW+GbPT4wf8c6+srQRtcmiMPcDcYIMtKMWIZgQPJwuMUQdAg02fG7G8yMy13QYGuvEbLOBMU5fiGqdIgrrZoC5yQ481Y4D+la9jW/wcBljqe81qxBmnJCEN9N1UBdKMN2KLNAoCTGwJ4Efk9EWM6rbVvDsAdIqZzrVNGqK39bATPPTogeX1JG9WtY4eQ0EZC0cspM7UilAikypHb1kLEz7FmGbCz1W4EUjeAU4UpKg9E/feXrejwQ3BzpIoPHBEvptQTEM9m+g8hUmZ9E6stcVhzwQ4uyNydFBm6CciO1EgKn6uivbogb2Kk1a4Xsr7ijpMU91V9DXyDS3Hw49xuNXu4+zmQmAhsstxF5uYFQdssWsHUcxxWx6tBU/OohbCPE/bQG8xbPF4EKmjfQq4L2g6roU7j2mWSgyddhw2ZjH8axjTvLhY9lFDEz5iYZMDygWpLY9U/LYJxP+zYq1UhLHQBQ2iCERESwPrS+zi2ekQK34n0qUbHCLMKOD/dlJJLjY3Alub61pcH544fKFmJdea+bXo8NaOAy71Kf5pKgug4uidalsdGIe6J5DETTjhTS5TDPMAVbmwNu+Xqsd2rzOS24lrHAPWeaAu4hc8Qcd7slo+gsgeF5IJiQODVTLYwZmV2j6ldvSPD6GDZCcWTiJqwdQ3ghTRRSdt9UfOrv62jNJHEUMDLYvMDqcnBD1bc1aLvR5qgnIUPoYeKiF1q5O65EWHovp6ccfFzTYKf8KIjKgNp9AEarUa468880FUt2YZWtqPaBIj9+P4K45TPye6BiNlpdTiUHi2RzAV7r++p/AndJFztRJ3QCXT9+dnNB47aPXhVsrbFCWicWuyCR9QU1rxdsj6y8IVFLjjCBoRegsEumXA9v0RD3Cnjos+4u0L+z81hKDuyCllf2ZWX8vm3gtPC778etM67SYgfhlhMNaW6FqOg8ObprzPB87OGps2787UbbNCJq/oSUXd4QgseLywwUtCZ5h/KYnjNM1llqabER1eoD9bYS5vdcLznAy3yiKMdGS5oPTTJEBTkB+tlqKsx+HZ27cfzyeT0dXlxyldiN1uug9HK14hbySGQSaKR8fhMSWOD6yxduYch/4uHLaKfqXnt2/owgzB+dBeS/yxg1I3EdqIH4JuwkEXYE7ViTDZSTeCJ90IJv1Tzhp/gXY/nPg7re1R7oK1PW0v0Sx69syOUxWl3As7FoqWs+y83Y3ICabevpk7E1Vi6eaYXM+wkEi8MbaXkK3075LTNtIa41OFy34Nw/1PPpbMj0r2xQXJ3FIFRBiJodwAJ2FvoqiTncKIN12yqL6iUjC4utIgAXixJ81mSGo4ltJAjDv42BGAw2Wi6E7oGkQ48rb5CWl86FYfRSTNXyDD65swdncZEh3j+153j7syk5yLFbqPsYLJYCqd4CDvLHaIxxlMPyaglh47PjyxqC5y9ih1cisMvkbxU/y5zXtvavJW2P+oadIPn1FvBPpFrOeSq/xndAmlmtp0r/Raux8BioqX5RGxKrVNIeql+RRZBfOmKf3kmaZ2/E9TynGa+rGf/BcP4CCbeUTtv/v4ajcFFgAA
  owner: root:root
  permissions: '0755'
  defer: true
- path: /usr/local/sbin/openstack-ha-galera-bootstrap
  encoding: gz+b64
  content: H4sIAAAAAAACA808/XPbRna/86/YIJ0JEIOQFF+uDX3Mnc9x2lzHscfS5aaVVQgCliROIMAAoGiW5f/e97G72AVAWb5JZ5qZ2MRi9+3bt+/7PfjLL862TX12l5dnm327qsrnE8/zqo0smzZJ76erZLpMClkn07uqapu2TjYzAa/qVvwrjYsmWchiH4qqFIu8blqBE0VVi2TRSvhTLLZFIaptmyxlNJm8fpD1XmRJm9wljRRllUlRb8tG3N4S2Ntb4ScATDYrANPsm1auM7Et81YkrZBJulIblJN2JcUvb5pQ4I8if5CilU3bIDgaapK1BJwKGUTiasV7NSJZ1lKGYpfDabcAdJJWVZ3lZdJWNZ1CfkzSttgjDoxeu0r4VHR8gCBKuRPv6nydwFFeVesNTC3b2WRyEYmXYi3Xd3BwWpXD7KKWSbaHo5SpzISfA4ZpsYVz1elKpvciKZudrBvxzfl5MIMd76psPxHC2vEFAANIhMzfqxyIlbfR5Btrs92qAmIu6wRo2MoIyAun3xNR4Xritoqt67tAGgM9d0mDdMK9Clgo2koUMgEyJoCgTEqNZuCikgMRlxXOJrpXOyC6KIHW0eR5JN7CYL3LG4m0TKV4/cvr9/+h0VzBjpvtXZE3KyAFUmJTNXmbV+WMgK3y5QqgIUaN/LWsbKoDVxAB3KOqeUCd6YXhuBRerpgbEVQt0+oBKYxnhmsHqsDN5Ul2l4npdNfUcjNVc25vg5BPeLd3jgc7Iyg6pnhbIlt3zC6Jp/VREBm53rQgE82ARu7FRpPfReKnBcwDTmUafdU4gJo2B+lZ502Tl0s4u2TW3iVwFllmwPxjDMPUbNI637RikeRFAzhsM2BqYJ4W2FFUC7HcSobqm4UbeERIi7pawxGBwoWSgV21LTIAAqRPq/U6b1u4QFhSNiAsgGsTgGy/U4g3+OZBgtQDYcS/XV29mwHN9bGA+3Z1DqLacTUc+i+Xb38G7JirJoYEKL4gIRkdyBGbWjYgdxls0Mj6QdLtJu3k9vZMKSxrPwC0qUBlfQcyhkdHYOukBI20BsEFcW53VX0PJyDupRPCnk0Pa39TA4JnyCp15iCvJwUh7J/JNM+kmU+b4ViD50n4pKHSoWUFYMolMB3sBHyY1LQQJSec3MlFVUtaz8xGa2bA3hI5H8cvL6/CvjbJRJKt81JsG+J52HMCiDywsNR4I1r3qXMjD+AyPUwSQcy7W+UAFZeQANg6UGm1FeuQNajYS9m2AKpB8knNQnStdIn+7e10mlblIl+ClE1qiXcHTARnZLWOW7xAfG9vzUaxugq41dtbVH3dAJ2/lR/xyg/6Ao4wficRAZe7bm+32zybkbIgC1PA6eRHZApAIWkAxt8u379+F19evXx/Fb97e/nT1U9vfyZ1ADMT5DYkPkxWqiwF/VhLRAlVxU+XV9HkHRlQ8Tz67hleVZklwCZFflejmajKYj9jnIgcOdJpkwNAIO9d0uZrmKK4nwxVhIZ4MiE6xvFi225rGcciXxMnJyWwTkLCNpnosXoJDNRI/fz3Boyk+l01+tdml+mftZnabO82dZWCQjAje/MTLPAGcTbP+dr83tYFnDCSdV3VvbFa/rpFZU4nSKuikKwpouQu1cd4lRRFcgegaRJ6BSmYogalmSeYIZ7R7lFF6Zcvy/1k8p+v37+N//rXn34Qc+Gdq/+mI3/o/7xJ/P71q7dgl17jmlpGwC8bOJ9fe8QEM/GerQFcjrFPf/zQPPOvz6ffJdPF9Obw/PfHYOZP//ghexZ4wWQyyeQC1OPSB85rQK+gkwSGc/q9+BmcgxkqVSRp1LTA9XVECtBffMrROihoxw8lbNKDsQCxX/m4958MlXyg0n/Lcn5Vb2UwoSGhtTIjAUz10jI1RQI2OmejAlJf5CkxFVjiBvyhfUQ8iOuQJ+lQ9ETShE9AQHMBjCCK2Aw1ObyaXvDY0AeBnwVM+BEEUaqDoXvUe0Fv/gScuZF1SzZOIJ0XII0rv5HFgiiMS/hwgqw9SEop8G2EaIq5hSLpOXrFfsMfxPnEgAUMUWQ6wFmetteAcIicdjPY4mAGiLBIIW/G0PF36L5GXPRr/N17Tfjo9/TQn9AnIky+EPlCrei/FRIIKM47IEdFTWKKtQRVlVkErdZ89rQAlwLZadY7PRHEZSWLFLDMd9BFAsxhsY+wrpk2N4F7JKSCmRMtZeszkcLuvoLeEiLMHJjLWsOUC4HZBrP7ROmvHJA0FOdBgBxz0YNE3DlHTrPX0ygsIm61d/+0VP6gPAIjlbe37EmBeQLbYFAKyePHeAp9vhdgycA1z9BTJZkdDVBgMoZUnfAy5E58GQQL8P+QhprwZSaNnvaPS4XHu2le5qdQeLypHuYnGOZN9TA/HZVCJXMWa1/fR2vfKdYOD/jjxtARI73b23sJ1vYhKbboT20ScJ/Q70ucEInog6vA6Zn1wIEKOhzpJfonRV6ylgQEoga0ZIsjjR90pwdBxLGI3IQGXSnf+9IL8C68mYeOHgLAKTOHs8AjAq9pK80gYB6KOGTkAQ2CCoRoSfJ8ABaYuYD4NcyHTcHT9wPEmpbpgYl1LzDXoWqtbZwPZit2SdtuN4VkYoDE3CgeMST2SX+xMAbs6SEvkhOARhBJ/ViMZQi/qLagj+eiM8jRIge/qSgMUnwGoC5SkOYPOM7wr4UWAKXJ19OLG5sKPAXVAGOvSMI+OxhvokGoDCQEABCqElfchMYVaGxe0RqR9eNAqP+2smPYyIonGuDLVVVkDQcjvB9LMicEMFfQhf15CV5+JjMMsxD2O/AGyZhlElx/cPcBzzydqVCUlqBXs+UwS+VCWOa6C2tUQNodLWSXHzXQDlFZJ/cKABjhtgIvjpRqlz0RVvYk0qfWV7aWmu81PburS3IwT78gs75GtgFfCJydL+qjoBMjZOVo+4evQvFVhFrQV2CCY2DcIUqqzMFJR+fcL0lcQdtscFdzrAi8rTWIKyK1idQipF4pvpjDRobJlBfS5zB9r76HaIDC53nX58AWgLh5Iuy1J4NTyVntEj4aayThZ+LcN1UdyvCmQ1hd8ZyGASPzYrfao0x4B55xpMhtLDmESNha0jtNjM5ukvpTWyNB2fvQ1NK6HnBgtHU+w9CgAXOqL1dMBT4aQgTmqGrZ6etxPSY0mJ5rx1FVuCML8E00q5nLQ61Nl9RWtiXWeQiTnQA95/Wg2dzK6AbEFdvyvqx25Uw4yRZg9R2IkMmt2BkVz3YnWGbKe5vZO1YhpQ+8EqL1mBfJ+i5LBFymP90oXxJYCJWCoqXhEgYJfBLpDBfSGfXvJiIvm3izx5h6N8v6ae6ykmJ+R1dktUSHFMGsnxMLhWbK0FKWTFjko26btto4SNPZurc5Ueeaj9phrujGcsTGYY6gPiEcVkJS2RT/AKtA9zhGX5Y+bhyI78WFa9oR6jMEGzJqlHu0+KMlFEk/0nuA1qI+YiSC4wubSLC6VDT5beRwohzRV5SSMRbLZHEQN5MC9zk+VCkbk9QJOhcTrWgcg8Zr45h8xUfCiM6ZYJ9eBUw6oLRDBneWa5Zdj+2GfKWmVRGHmgpBhwsC32Z5be/Fzrx6AWTyzh6S+qzI787W++bXwutDkItkW7RNjBSwfWgXnD2rD0K7RkMs9BtCAyszDZZmzGgPTlrkWHgYQOFxhKFW9hdiGhikPM7uhou7dxaAqRqdDmFhnnEIBUdp/RgJ7YxljKkcnTBw47PBNACIKdygB06rJutGLFRco+DMJSpDqHRm52H6+eMIwx+vp4stSgLHwxHH6MhvaBPZpqOb4KRohEIqGZzFQP/7Efr2DuXOdnh49Ghq/slTbaSsY8zzgZMXg7wtiirB+6G/rRty58G+vx+7HWAmuFhZg+F4FJg7EaA978MaJIYtD13Lv0OaDvpgKcC/9pggcSl3sfbRLI3R291OQD99Y3sV7clFzbQlzqB40ZZUZ/sTCTBWbjHahaYLzA1Cw2QYOwxr0KqwxLsh5b5Gw2Or1aDT5EmWgfVv4mqhdDmu6+JD+Lvbg2ApB8oF6JrDXONtsAATRXCdaRbaerrCxrIGHD78u9xz8IBQLOy5zBEn9fJx6nwpTIwK6i3H2jEFYNOp1t5TytVzPYF8m6hP2uuF15s+PwzNxBFOq1N1zgs20Nc3Kg41uY54k7QrP10sZ8pAu3TXMX0T4Tx2J2Cytm7ATo4Lr8NcFYHHWrUNNvhE4P9+Wz4a2JOHTOkFlVDup9G7yB+icAzxEX2QH11iiNb3KBsbHzTUIv8495wNphh5bRf0IoLVSmkCFVL0nv1FxgPpmvxAJIjGNRRf46PNGeAte70TeBjOTacAekrJjPlB43hUzAeXCNuBXMttnvmUKjzvGAoxWYGX7+tlsG0ME+MlTMb90SpaOg0QjSAQAL/Kx33x7fyg5x3V8bCqsPCsOvdMExYDCCceUR6mdjABfKChtPXecrlMuScC64fzQpEmGyoxgSbfbFvKVYaU8NI/WcvPn5+fw2Q0yXNOe3ZeNO6O5sY6vizTKgM85962XUz/BQhMhG3mHlYbkhRcI6yJLlauElD83c9ULVaYIAS686aLvASXZO/Qf1sWeXlvMNCcb27BeCsWvwOrM78zJHCdaowHNrsMb3qzA/VC65x8Gs2KNruYMkrmCfYw1aAUzNhJURuUZa5GCsqcq7FlObSkitoBLMYw0uVcdnctQ+0SDG9o9D6412LeT8j27kN+TOWmFT+CIP9ctT9i/o3088Ae6bP7VCZAhqfg1CTxMMalA48XBbpCk3IZrcm6GuBNL7zATbdYk0YS/965R+LsXZj8lakRkV4jxL6wikn2sfSVzEd1bGBHjN1klepyw6FhItMscOawWhiqWHHA1cfZgZYfLcfSjaU1DI/TD4iIAuboFLv3CGaWYCMxcUSoIYknn7zWkAs91pnmKicxrM/giG2s6mxUgEKrb0hv2ossQRVg8hKMYeNrMwkP6CmQJnbiABSDj2D/4+peFWlIitaYbRhMFs+EF8E7ZpNOumAIuGjnPUGkMKKIsi3aOW0YdZkFUFmsQvLY4nu5byx8SOWtVO3YMyVhOJ3SpYzC8HRaB67adhOjAGzrQiW6+z5+XyuSf2t7AUPV4pb7I3gkcsDfndEw2xApsHVnVN/jC6ygtNsm5AdWL+AzAUXh0NqIdNbDVjx2M0KEbUekfXBHmDBQQjAWpcSfSmsqKP7bS1oXWunpYLzooOop8oRL1XebNas6BFXOreI0y/FmpxanrKqG4iXv+qDeH28o1YOVJWzwUSDIl1QPtHBZ4bru3hce/pydnR0QJOgI3HIQZR/7EbBn8cn8uUnHInRQDZT6ADLD4/X5DWpICNFPF2kcBuopjqgrRJOIAEdmjY+AL25cG+N3dxOaOCAUV/vNUy+MM72PXVfXV/D/8Y7GLkUdVV2Mti1kvdTtzOl2FB2WCba7cdxq00Hl6IFDzc3w2EK26WpmunaurzXhuELW428MjB3ZYCBNIeXGBkKKB5brNXisiGbxAnDu03t7AVZdaI2evK7grFWZp+FkvA73rioKNmsSy2xgxvLCbcxT9Lq9xaoBtgzWbqOl8a0y0EhUD54zYhAEPGOd6+RC2HUHPynmkjZ2JymLsUIjgmq941GTXMe6szacM7qDoxNoUyoY2IliGysLMAi1aeIXzLAEbBBkM+PRlaIUMPcHg2mdoI/7KoMjXCMcvBpYZmYaOs91rbVzD/pnsUqtjuOkYaiWAjwd13hGbYmePQpB3Qkm27srmo34VwgfS07i0FtrO1bDq+5NtnHQTPP93LDSKP7jRS3iZ+zo7RW2xotbXJJaYk/3dqPaow9DXp1F54ujaEYOGYlL6lNFUfCGiOg6nsr3hCg1ObXX7kVSY5Gn4SLHsqoyq7hj1bzZhxiBPSy/3GG7KagyrBaeLF1itdWOl4IeoayUHmoY5Qs6iUftL2EyNR7sMwjknAzJpWwfabp/g9mIH/4MV7zYYpOjTj+UcjdVKl5UuoE+MCpHJUlGwrfHor3xAHw0vMMwH3WBDuc+L5oTX1rN8PgFQ9edv5dtqJucsZjKB5+YSChqZAJWza+9/xrS7EPz9QX8/08e5yFQ6SfLZg6r3gzMO/coyh03dDbbu3GQEUHzxu5nbBfTe4KA5/S+25h3o5agmvttyCfH8OBDObbDh7IfMvAVPS1mMJ4/7Osmhk4Lw4FTV5qhUZnFII7K94lRC7gO0LAxrOcJWdbPtbyPmUHS6piRY/A3VpWS05+qBWLMsBH5bUPGeTiSEoL5+WvZAA/Q/8OIPrZN7vXXyjp9zZvfDGxuz69UFnVoLvniDvjW6hjxglN5cPQVrCq39o7GdZe1TjXR8t0D01lByqCIcTKk7uXNqVPR6bdH51Z/MmGa7/sN90hI/ACA9R0VPawPNHRX00v1PZhptne/6OFvn7jd3v6SRX1jdgmjmBJjqVWfSzScQkOzMJIr8ddg57Y1tuvQt2Nn+BnZ2fvXL3948zpaY7eV3dKk1aRnzh+pXIt5VkkX+xauk3ppIvRu6VEpnICYDOYQBzMZdTmg3pbxP3xxednqfOYDuiR52mImBJ7yGhsyxz54mD/hbA6L9TPJjJ6TIEbd9jCH/4OIF2HQrQ6YrrPTGVJzAHNd85GkqkZnkCzqCMNT6Gsc36RemtHcSy/v4pz13EK6c2L/L1G2vGYVqz3lXMaJe+q5xpxrYEa7sSRUTSQBa+wLixQkZqcp4erFmKhBRLCa1jANyU1B8FJ/pTT4dvKF7UlklaUvzQX9dqRHnDoz4DFmXY71E0Iyktr0LGgHvLFuyaC3TymQz2ACNil6qu3J830ehT9w7nUT5cjtYx7c+tDAoH7aJbaKWsoUzPs2B6zVoAjfP0d3FrdP7tQ3t3a1iyEGxyFjnNSj/e1PkIJY3+n1xlj4lDsVdjBUK9dYZNm1x4HNRBdDtR4inui6nQzTSAx0d2nPaVDnvXjSZdiNCafvQW30W1MagfcY0lFKF8NcXac7HE3TOae6ath3w7oCk2V1uAXmtN4Co/+q+9CSP6ak7zLZ4el9UondjupzSgx4+BvKLoLjsjEVIajQ0LDv5rbt9DTiwtPqT88DGR5ZduTaRROcUoiKXTUCeZPltf9I64Bq2Rqgg71KeQKOBwrkwVpj80HPIXC4kyryXXvZeE1+rBDOo2q3ubv1jRvfs+NBJWs3xLXK1/2+Wohs89rtQsicLgS3bWpq9R2s1lXmM4BQnFf//O23wef0CeiVJ7sEmiq9B8yc29KLdNtXhJN0azmz49y+h3cUa5rNr1162U0SzpuRy+n1Oo9c1GDG+KX1vm3TcUFVzt/++OOpt3CeB3C66nkJun84qbnPMZOiP2kewQXpJNv5Af8ew3WTZ6qDZ5TeX2l6w7yvgjEAVuPI4xBgkgvhxjL4Tj7n8YD74ptzq4k5L6Qj6UrV4HGDQbDKN0vxI35kYJULMPXd3+r7E8nKTjvwRyKOUsxyriuTh/gCRqU4MCmOZxYlTge+FwMRVpHvefTtWN8J6xduu3xqZ8OvxSDz9SQ9xj224RhjATduqUgJLkxfP+UldtcgfoMM3IjW+pQ2g/sPR7oVua5P1it72r8T4J3oqFFcwt8YYctHt4nDptZcdIt8C0GrAYEzihZpr3ja64+bvLa/u7HA3efIoJ/c6Pl58LS6f8/mjlb+XY7qLfnshJ1pzzUleyugfPX2zZuXP/9waTfK9+trN9ydRB8lTpwuZm/mhNDMCx4Hp+odP6g33G066+I2Na4w1OD4KZwcTSYclBjYgAe769U0vZs0YRf9wqj+1wiil/Vyi//Mxjt8qjtJAh4A4j36BbyHrjT/MyZwunkcZ1Uax/wFJmdb9SdOKhTG2iwaK9rQ9/Q/OEFwqOtyfroV2+zKDd/jELs+XjDgOfDwXPXW6ntUdhsNJpY/I+6YIvuJBOzzF76IUpV9/SRLATcCUGaKrkLuL1ZuQK9xuVbQOafEUdpkkuOHGigPcUzBTRzj9cax1/0rBSASrU+XDoD/F34HkLwjSgAA
  owner: root:root
  permissions: '0755'
  defer: true
- path: /var/lib/rabbitmq/.erlang.cookie
  content: ${random_password.cloud_secrets_rabbitmq_erlang_cookie_7B0D7C0D.result}
  owner: rabbitmq:rabbitmq
  permissions: '0400'
  defer: true
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  lifecycle {
    ignore_changes = [
      "user_data",
    ]
  }
}
resource "libvirt_domain" "cloud_converged_node3_domain_7C8C7C1D" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_converged_node3_cloudinit_A550AC01.id
  memory     = 16384
  name       = "ha-lab-node3"
  qemu_agent = false
  vcpu       = 8
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_converged_node3_volume_D15DEF39.id
  }
  disk {
    volume_id = libvirt_volume.cloud_converged_sbd-disk_9384AB6A.id
  }
  network_interface {
    mac            = "52:54:00:00:00:b6"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:b6"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:02:00:b6"
    network_id     = libvirt_network.cloud_networks_tenant_678DDA62.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:b6"
    network_id     = libvirt_network.cloud_networks_external_29FEE1E9.id
    wait_for_lease = false
  }
  xml {
    xslt = <<EOF
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output omit-xml-declaration="yes" indent="yes"/>
  <xsl:template match="node()|@*">
    <xsl:copy><xsl:apply-templates select="node()|@*"/></xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-converged-sbd') or @volume='ha-lab-converged-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-converged</serial>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/devices">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <watchdog model="i6300esb" action="reset"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
EOF
  }
}

provider "libvirt" {
  uri = "qemu:///system"
}
resource "libvirt_volume" "base-image-host" {
  format = "qcow2"
  name   = "ha-lab-base.qcow2"
  pool   = "default"
  source = "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2"
}