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
  content: |
    <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
      <configuration>
        <crm_config>
          <cluster_property_set id="cib-bootstrap-options">
            <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="converged" />
            <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true" />
            <nvpair id="cib-bootstrap-options-no-quorum-policy" name="no-quorum-policy" value="stop" />
          </cluster_property_set>
        </crm_config>
        <nodes>
          <node id="1" uname="node1" />
          <node id="2" uname="node2" />
          <node id="3" uname="node3" />
        </nodes>
        <resources>
          <primitive id="fence-node1" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node1-instance_attributes">
              <nvpair id="fence-node1-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node1" />
              <nvpair id="fence-node1-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node1-instance_attributes-port" name="port" value="node1" />
            </instance_attributes>
            <operations>
              <op id="fence-node1-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="fence-node2" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node2-instance_attributes">
              <nvpair id="fence-node2-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node2" />
              <nvpair id="fence-node2-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node2-instance_attributes-port" name="port" value="node2" />
            </instance_attributes>
            <operations>
              <op id="fence-node2-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="fence-node3" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node3-instance_attributes">
              <nvpair id="fence-node3-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node3" />
              <nvpair id="fence-node3-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node3-instance_attributes-port" name="port" value="node3" />
            </instance_attributes>
            <operations>
              <op id="fence-node3-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-public" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-public-instance_attributes">
              <nvpair id="vip-public-instance_attributes-ip" name="ip" value="10.20.3.10" />
              <nvpair id="vip-public-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-public-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-internal" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-internal-instance_attributes">
              <nvpair id="vip-internal-instance_attributes-ip" name="ip" value="10.20.0.10" />
              <nvpair id="vip-internal-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-internal-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-database" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-database-instance_attributes">
              <nvpair id="vip-database-instance_attributes-ip" name="ip" value="10.20.0.11" />
              <nvpair id="vip-database-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-database-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <clone id="haproxy-clone">
            <primitive id="haproxy" class="service" type="haproxy">
              <operations>
                <op id="haproxy-start-interval-0s" name="start" interval="0s" timeout="60s" />
                <op id="haproxy-stop-interval-0s" name="stop" interval="0s" timeout="60s" />
                <op id="haproxy-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
              </operations>
            </primitive>
            <meta_attributes id="haproxy-clone-meta_attributes">
              <nvpair id="haproxy-clone-meta_attributes-interleave" name="interleave" value="true" />
            </meta_attributes>
          </clone>
          <clone id="galera-clone">
            <primitive id="galera" class="ocf" provider="heartbeat" type="galera">
              <instance_attributes id="galera-instance_attributes">
                <nvpair id="galera-instance_attributes-wsrep_cluster_address" name="wsrep_cluster_address" value="gcomm://node1,node2,node3" />
                <nvpair id="galera-instance_attributes-config" name="config" value="/etc/mysql/my.cnf" />
                <nvpair id="galera-instance_attributes-datadir" name="datadir" value="/var/lib/mysql" />
                <nvpair id="galera-instance_attributes-socket" name="socket" value="/run/mysqld/mysqld.sock" />
                <nvpair id="galera-instance_attributes-enable_creation" name="enable_creation" value="true" />
              </instance_attributes>
              <operations>
                <op id="galera-start-interval-0s" name="start" interval="0s" timeout="120s" />
                <op id="galera-stop-interval-0s" name="stop" interval="0s" timeout="120s" />
                <op id="galera-promote-interval-0s" name="promote" interval="0s" timeout="300s" />
                <op id="galera-demote-interval-0s" name="demote" interval="0s" timeout="120s" />
                <op id="galera-monitor-promoted-interval-10s" name="monitor" interval="10s" timeout="30s" role="Promoted" />
                <op id="galera-monitor-unpromoted-interval-30s" name="monitor" interval="30s" timeout="30s" role="Unpromoted" />
              </operations>
            </primitive>
            <meta_attributes id="galera-clone-meta_attributes">
              <nvpair id="galera-clone-meta_attributes-promotable" name="promotable" value="true" />
              <nvpair id="galera-clone-meta_attributes-promoted-max" name="promoted-max" value="3" />
              <nvpair id="galera-clone-meta_attributes-interleave" name="interleave" value="true" />
              <nvpair id="galera-clone-meta_attributes-ordered" name="ordered" value="true" />
            </meta_attributes>
          </clone>
        </resources>
        <constraints>
          <rsc_colocation id="colocation-vip-public-with-haproxy" score="INFINITY" rsc="vip-public" with-rsc="haproxy-clone" />
          <rsc_colocation id="colocation-vip-internal-with-haproxy" score="INFINITY" rsc="vip-internal" with-rsc="haproxy-clone" />
          <rsc_colocation id="colocation-vip-database-with-haproxy" score="INFINITY" rsc="vip-database" with-rsc="haproxy-clone" />
          <rsc_order id="order-vip-public-then-haproxy" kind="Optional" first="vip-public" then="haproxy-clone" />
          <rsc_order id="order-vip-internal-then-haproxy" kind="Optional" first="vip-internal" then="haproxy-clone" />
          <rsc_order id="order-vip-database-then-haproxy" kind="Optional" first="vip-database" then="haproxy-clone" />
          <rsc_location id="location-fence-node1-avoids-node1" rsc="fence-node1" node="node1" score="-INFINITY" />
          <rsc_location id="location-fence-node2-avoids-node2" rsc="fence-node2" node="node2" score="-INFINITY" />
          <rsc_location id="location-fence-node3-avoids-node3" rsc="fence-node3" node="node3" score="-INFINITY" />
        </constraints>
        <rsc_defaults>
          <meta_attributes id="rsc-options">
            <nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="100" />
          </meta_attributes>
        </rsc_defaults>
      </configuration>
      <status />
    </cib>
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
- path: /etc/rabbitmq/advanced.config
  content: |
    %% Rendered by openstack-ha: quorum queues elect a new leader soon after a
    %% broker is cut off (Ra's failure detector polls every 100 ms, default 1000).
    [{aten, [{poll_interval, 100}]}].
  owner: root:rabbitmq
  permissions: '0640'
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
    net_ticktime = 10
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
  content: |
    #!/usr/bin/python3
    """openstack-ha-clustercheck: the Galera health responder HAProxy asks (port 9200).

    Runs on every database node as a small HTTP server (a systemd service on
    the VMs; the live tests start the very same file in a namespace):

    - ``GET /`` (any path other than the one below): ``200`` when this node's
      ``wsrep_local_state`` is 4 (Synced), else ``503``. HAProxy's
      ``option httpchk`` + ``http-check expect status 200`` only send traffic to
      a synced member.
    - ``GET /galera-position``: this node's Galera position as JSON (written by
      ``openstack-ha-galera-bootstrap position`` into the position file) plus
      ``"synced"``; ``404`` while the file does not exist. Peers read it to agree
      on which node bootstraps after a full outage.

    The state comes from ``mariadb --defaults-extra-file=<client cnf> -N -B -e
    "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"`` (the client cnf holds the
    ``clustercheck`` user, which needs no privilege beyond USAGE). Python 3.9+
    standard library only: this file is copied verbatim onto the nodes.
    """

    from __future__ import annotations

    import argparse
    import json
    import os
    import subprocess
    import sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from typing import Any

    SYNCED = 4
    QUERY = "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"


    def parse_status(output: str) -> int | None:
        """The state number from the client's ``-N -B`` output, or None."""
        for line in output.splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and parts[0].strip().lower() == "wsrep_local_state":
                try:
                    return int(parts[1].strip())
                except ValueError:
                    return None
        return None


    def query_state(client: str, client_cnf: str, timeout_s: float) -> int | None:
        """``wsrep_local_state`` of the local server, or None when it cannot be read."""
        cmd = [client]
        if client_cnf:
            cmd.append(f"--defaults-extra-file={client_cnf}")
        cmd += [f"--connect-timeout={max(1, int(timeout_s))}", "-N", "-B", "-e", QUERY]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if proc.returncode != 0:
            return None
        return parse_status(proc.stdout)


    def response_for(path: str, state: int | None, position: dict[str, Any] | None) -> tuple[int, str]:
        """(HTTP status, body) for a request; pure, so it is unit-tested."""
        if path.split("?", 1)[0] == "/galera-position":
            if position is None:
                return 404, json.dumps({"error": "no position recorded yet"}) + "\n"
            body = dict(position)
            body["synced"] = state == SYNCED
            return 200, json.dumps(body, sort_keys=True) + "\n"
        if state == SYNCED:
            return 200, "Galera node is synced (wsrep_local_state 4).\n"
        shown = "unknown (server down?)" if state is None else str(state)
        return 503, f"Galera node is not synced (wsrep_local_state {shown}).\n"


    def read_position(path: str) -> dict[str, Any] | None:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


    def make_handler(args: argparse.Namespace) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            server_version = "openstack-ha-clustercheck"
            sys_version = ""

            def do_GET(self) -> None:
                state = query_state(args.client, args.client_cnf, args.timeout)
                status, body = response_for(self.path, state, read_position(args.position_file))
                data = body.encode("utf-8")
                self.send_response(status)
                ctype = "application/json" if body.startswith("{") else "text/plain"
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_HEAD = do_GET

            def log_message(self, format: str, *fargs: Any) -> None:
                if args.verbose:
                    sys.stderr.write("clustercheck: " + (format % fargs) + "\n")

        return Handler


    def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
        p = argparse.ArgumentParser(
            prog="openstack-ha-clustercheck", description=__doc__.split("\n")[0]
        )
        p.add_argument("--listen", required=True, help="ADDRESS:PORT to listen on (management address)")
        p.add_argument("--client", default="mariadb", help="MariaDB command-line client")
        p.add_argument(
            "--client-cnf",
            default="/etc/openstack-ha/clustercheck.cnf",
            help="client options file with the clustercheck user ('' for none)",
        )
        p.add_argument("--position-file", default="/run/openstack-ha/galera-position.json")
        p.add_argument("--timeout", type=float, default=5.0, help="seconds per status query")
        p.add_argument("--verbose", action="store_true")
        return p.parse_args(argv)


    def main(argv: list[str] | None = None) -> int:
        args = parse_args(argv)
        host, _, port = args.listen.rpartition(":")
        server = ThreadingHTTPServer((host.strip("[]"), int(port)), make_handler(args))
        server.daemon_threads = True
        sys.stderr.write(f"clustercheck: listening on {args.listen} (pid {os.getpid()})\n")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return 0


    if __name__ == "__main__":
        sys.exit(main())
  owner: root:root
  permissions: '0755'
  defer: true
- path: /usr/local/sbin/openstack-ha-galera-bootstrap
  content: |
    #!/usr/bin/python3
    """openstack-ha-galera-bootstrap: start Galera safely, on first boot or after a full outage.

    Every database node runs ``start`` (a oneshot systemd unit at each boot on
    the VMs, the live tests run the same file). The nodes agree, without a
    coordinator, on exactly one node that bootstraps a new Primary Component:

    1. A member that is already synced (its clustercheck answers 200): nobody
       bootstraps; this node joins it.
    2. A member whose grastate.dat says ``safe_to_bootstrap: 1`` (it was the
       last to leave a clean cluster) bootstraps; ties go to the lowest name.
    3. Otherwise, once EVERY member has published its position: the highest
       seqno bootstraps (a node whose grastate seqno is -1 after a crash first
       recovers it with ``mariadbd --wsrep-recover``), ties by the lowest node
       name. On a first boot every position is empty, so the lowest name
       bootstraps.
    4. If some member's position is still missing when the wait ends, nobody
       bootstraps: the script fails loudly instead of guessing (bootstrapping
       from a stale node would lose committed transactions).

    Positions travel over HTTP: ``position`` writes this node's JSON into the
    position file and the clustercheck responder serves it at
    ``/galera-position`` on port 9200 of the management network.

    Other commands: ``position`` (print/record this node's position),
    ``decide`` (print the decision as JSON, start nothing), ``prepare`` (once,
    before the first start: create the SST, clustercheck and admin users in a
    private server without networking and without wsrep, so whichever node
    bootstraps already has them). Settings come from a JSON file (``--config``)
    rendered for each node; in ``bootstrap_command``/``join_command`` the text
    ``{position}`` becomes this node's ``uuid:seqno`` (also exported as
    ``WSREP_START_POSITION``), so a restarted member can rejoin by IST.
    Python 3.9+ standard library only: this file is copied verbatim onto the
    nodes.
    """

    from __future__ import annotations

    import argparse
    import json
    import os
    import pwd
    import re
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.error
    import urllib.request
    from collections.abc import Callable
    from dataclasses import dataclass
    from typing import Any

    ZERO_UUID = "00000000-0000-0000-0000-000000000000"
    _RECOVERED = re.compile(r"WSREP: Recovered position:?\s+([0-9a-f-]{36}):(-?\d+)")


    def log(message: str) -> None:
        sys.stderr.write(f"openstack-ha-galera-bootstrap: {message}\n")
        sys.stderr.flush()


    @dataclass(frozen=True)
    class Position:
        """A member's place in the replication history."""

        node: str
        uuid: str = ZERO_UUID
        seqno: int = -1
        safe_to_bootstrap: bool = False
        synced: bool = False

        @property
        def fresh(self) -> bool:
            return self.uuid == ZERO_UUID and self.seqno < 0

        def to_json(self) -> dict[str, Any]:
            return {
                "node": self.node,
                "uuid": self.uuid,
                "seqno": self.seqno,
                "safe_to_bootstrap": 1 if self.safe_to_bootstrap else 0,
            }

        @classmethod
        def from_json(cls, data: dict[str, Any]) -> Position:
            return cls(
                node=str(data["node"]),
                uuid=str(data.get("uuid", ZERO_UUID)),
                seqno=int(data.get("seqno", -1)),
                safe_to_bootstrap=int(data.get("safe_to_bootstrap", 0)) == 1,
                synced=bool(data.get("synced", False)),
            )


    @dataclass(frozen=True)
    class Decision:
        """``action`` is bootstrap, join or wait; ``leader`` the node that bootstraps or runs."""

        action: str
        leader: str | None
        reason: str

        def to_json(self) -> dict[str, Any]:
            return {"action": self.action, "leader": self.leader, "reason": self.reason}


    def parse_grastate(text: str) -> dict[str, str]:
        """The ``key: value`` pairs of a grastate.dat."""
        out: dict[str, str] = {}
        for line in text.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            key, _, value = line.partition(":")
            out[key.strip()] = value.strip()
        return out


    def parse_recovered(log_text: str) -> tuple[str, int] | None:
        """(uuid, seqno) from the error log of ``mariadbd --wsrep-recover``."""
        found = _RECOVERED.findall(log_text)
        if not found:
            return None
        uuid, seqno = found[-1]
        return uuid, int(seqno)


    def decide(me: str, members: list[str], positions: dict[str, Position]) -> Decision:
        """Who bootstraps. ``positions`` holds the members that answered (this node included).

        Pure and deterministic: every node computes the same leader from the same
        positions, which is what makes the protocol safe without a coordinator.
        """
        if me not in members:
            raise ValueError(f"{me!r} is not a member ({', '.join(members)})")
        synced = sorted(n for n, p in positions.items() if p.synced and n != me)
        if synced:
            return Decision("join", synced[0], f"{synced[0]} is synced: joining its cluster")
        safe = sorted(n for n, p in positions.items() if p.safe_to_bootstrap)
        if safe:
            leader = safe[0]
            why = f"{leader} has safe_to_bootstrap: 1 in grastate.dat"
            return Decision("bootstrap" if leader == me else "join", leader, why)
        missing = sorted(set(members) - set(positions))
        if missing:
            return Decision(
                "wait",
                None,
                f"no member is synced or safe to bootstrap, and the position of "
                f"{', '.join(missing)} is unknown: bootstrapping now could lose transactions",
            )
        ranked = sorted(positions.values(), key=lambda p: (-p.seqno, p.node))
        leader = ranked[0].node
        if all(p.fresh for p in positions.values()):
            why = f"first boot (no member has a history): the lowest name, {leader}, bootstraps"
        else:
            top = ranked[0].seqno
            tied = [p.node for p in ranked if p.seqno == top]
            why = f"{leader} has the highest seqno ({top})"
            if len(tied) > 1:
                why += f", tied with {', '.join(t for t in tied if t != leader)}; lowest name wins"
        return Decision("bootstrap" if leader == me else "join", leader, why)


    class Config:
        """Settings for one node (the rendered JSON file)."""

        def __init__(self, data: dict[str, Any]) -> None:
            self.node: str = data["node"]
            self.members: list[dict[str, str]] = list(data["members"])
            self.datadir: str = data.get("datadir", "/var/lib/mysql")
            self.defaults_file: str | None = data.get("defaults_file")
            self.mariadbd: str = data.get("mariadbd", "/usr/sbin/mariadbd")
            self.client: str = data.get("client", "mariadb")
            self.install_db: str = data.get("install_db", "mariadb-install-db")
            self.user: str = data.get("user", "mysql")
            self.clustercheck_port: int = int(data.get("clustercheck_port", 9200))
            self.position_file: str = data.get(
                "position_file", "/run/openstack-ha/galera-position.json"
            )
            self.init_sql: str = data.get("init_sql", "/etc/openstack-ha/galera-init.sql")
            self.prepared_marker: str = data.get(
                "prepared_marker", "/var/lib/openstack-ha/galera-prepared"
            )
            self.peer_timeout_s: float = float(data.get("peer_timeout_s", 600))
            self.poll_interval_s: float = float(data.get("poll_interval_s", 3))
            self.bootstrap_command: list[str] = list(
                data.get("bootstrap_command", ["galera_new_cluster"])
            )
            self.join_command: list[str] = list(
                data.get("join_command", ["systemctl", "start", "mariadb"])
            )
            # A donor serves one state transfer at a time; members joining at
            # once can see theirs fail ("Failed to read uuid:seqno ... from
            # joiner script", seen in tests/live). Joining again is safe.
            self.join_attempts: int = int(data.get("join_attempts", 3))
            self.join_retry_delay_s: float = float(data.get("join_retry_delay_s", 10))

        @property
        def member_names(self) -> list[str]:
            return sorted(m["name"] for m in self.members)

        def address_of(self, name: str) -> str:
            for member in self.members:
                if member["name"] == name:
                    return member["address"]
            raise KeyError(name)

        def server_args(self) -> list[str]:
            # mariadbd insists that --defaults-file comes first.
            return [f"--defaults-file={self.defaults_file}"] if self.defaults_file else []


    def _grastate_path(cfg: Config) -> str:
        return os.path.join(cfg.datadir, "grastate.dat")


    def recover_position(cfg: Config) -> tuple[str, int] | None:
        """Run ``mariadbd --wsrep-recover`` and parse the recovered position."""
        fd, log_path = tempfile.mkstemp(prefix="wsrep-recover-", suffix=".log")
        os.close(fd)
        cmd = [cfg.mariadbd, *cfg.server_args(), "--wsrep-recover", f"--log-error={log_path}"]
        if os.geteuid() == 0:
            os.chown(log_path, *_uid_gid(cfg.user))
            cmd.append(f"--user={cfg.user}")
        log(f"seqno is -1: recovering the position with {' '.join(cmd)}")
        try:
            subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                return parse_recovered(fh.read())
        finally:
            os.unlink(log_path)


    def _uid_gid(user: str) -> tuple[int, int]:
        entry = pwd.getpwnam(user)
        return entry.pw_uid, entry.pw_gid


    def local_position(cfg: Config) -> Position:
        """This node's position from grastate.dat, recovered when seqno is -1."""
        try:
            with open(_grastate_path(cfg), encoding="utf-8") as fh:
                state = parse_grastate(fh.read())
        except FileNotFoundError:
            return Position(node=cfg.node)
        uuid = state.get("uuid", ZERO_UUID)
        seqno = int(state.get("seqno", "-1"))
        safe = state.get("safe_to_bootstrap", "0") == "1"
        if seqno < 0 and uuid != ZERO_UUID:
            recovered = recover_position(cfg)
            if recovered is not None:
                uuid, seqno = recovered
                log(f"recovered position {uuid}:{seqno}")
            else:
                log("could not recover the position; this node counts as seqno -1")
        return Position(node=cfg.node, uuid=uuid, seqno=seqno, safe_to_bootstrap=safe)


    def record_position(cfg: Config, position: Position) -> None:
        os.makedirs(os.path.dirname(cfg.position_file), exist_ok=True)
        tmp = cfg.position_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(position.to_json(), fh, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, cfg.position_file)


    def _http_get(url: str, timeout_s: float) -> tuple[int, str] | None:
        try:
            with urllib.request.urlopen(url, timeout=timeout_s) as resp:
                return resp.status, resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (OSError, ValueError):
            return None


    def peer_position(cfg: Config, name: str) -> Position | None:
        address = cfg.address_of(name)
        host = f"[{address}]" if ":" in address else address
        got = _http_get(f"http://{host}:{cfg.clustercheck_port}/galera-position", timeout_s=3)
        if got is None or got[0] != 200:
            return None
        try:
            return Position.from_json(json.loads(got[1]))
        except (ValueError, KeyError, TypeError):
            return None


    def peer_synced(cfg: Config, name: str) -> bool:
        address = cfg.address_of(name)
        host = f"[{address}]" if ":" in address else address
        got = _http_get(f"http://{host}:{cfg.clustercheck_port}/", timeout_s=3)
        return got is not None and got[0] == 200


    def gather(
        cfg: Config,
        mine: Position,
        fetch: Callable[[Config, str], Position | None] = peer_position,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> Decision:
        """Poll the peers until the decision is not ``wait`` or the wait ends."""
        deadline = clock() + cfg.peer_timeout_s
        last_reason = ""
        while True:
            positions = {cfg.node: mine}
            for name in cfg.member_names:
                if name != cfg.node:
                    got = fetch(cfg, name)
                    if got is not None:
                        positions[name] = got
            decision = decide(cfg.node, cfg.member_names, positions)
            if decision.action != "wait":
                return decision
            if decision.reason != last_reason:
                log(f"waiting: {decision.reason}")
                last_reason = decision.reason
            if clock() >= deadline:
                return Decision(
                    "fail",
                    None,
                    f"gave up after {cfg.peer_timeout_s:.0f} s: {decision.reason}. Start the "
                    "missing members, or if they are lost for good, bootstrap the member with "
                    "the highest seqno by hand (set safe_to_bootstrap: 1 in its grastate.dat)",
                )
            sleep(cfg.poll_interval_s)


    def mark_safe_to_bootstrap(cfg: Config) -> None:
        """Set ``safe_to_bootstrap: 1`` (MariaDB refuses --wsrep-new-cluster otherwise)."""
        path = _grastate_path(cfg)
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except FileNotFoundError:
            return  # first boot: no grastate yet, nothing to refuse
        if re.search(r"^safe_to_bootstrap:\s*1\s*$", text, flags=re.M):
            return
        new = re.sub(r"^safe_to_bootstrap:.*$", "safe_to_bootstrap: 1", text, flags=re.M)
        if new == text:
            new = text.rstrip("\n") + "\nsafe_to_bootstrap: 1\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(new)
        log(f"set safe_to_bootstrap: 1 in {path}")


    def wait_for_synced_peer(cfg: Config, leader: str | None) -> bool:
        deadline = time.monotonic() + cfg.peer_timeout_s
        names = [leader] if leader else [n for n in cfg.member_names if n != cfg.node]
        others = [n for n in cfg.member_names if n != cfg.node]
        while time.monotonic() < deadline:
            for name in [*names, *others]:
                if peer_synced(cfg, name):
                    log(f"{name} is synced")
                    return True
            time.sleep(cfg.poll_interval_s)
        return False


    def with_position(command: list[str], position: Position) -> list[str]:
        """``{position}`` in a command becomes ``uuid:seqno`` (for ``--wsrep-start-position``).

        A node restarted after a crash joins by IST instead of a full SST when
        it starts from its recovered position (measured: tests/live/README.md).
        """
        text = f"{position.uuid}:{position.seqno}"
        return [arg.replace("{position}", text) for arg in command]


    def run_with_position(command: list[str], position: Position) -> int:
        env = dict(os.environ, WSREP_START_POSITION=f"{position.uuid}:{position.seqno}")
        return subprocess.run(command, check=False, env=env).returncode


    def cmd_position(cfg: Config) -> int:
        position = local_position(cfg)
        record_position(cfg, position)
        print(json.dumps(position.to_json(), sort_keys=True))
        return 0


    def cmd_decide(cfg: Config) -> int:
        position = local_position(cfg)
        record_position(cfg, position)
        decision = gather(cfg, position)
        print(json.dumps(decision.to_json(), sort_keys=True))
        return 0 if decision.action in ("bootstrap", "join") else 1


    def cmd_start(cfg: Config) -> int:
        if peer_synced_local(cfg):
            log("the local server is already synced; nothing to do")
            return 0
        position = local_position(cfg)
        record_position(cfg, position)
        log(
            f"local position {position.uuid}:{position.seqno} safe_to_bootstrap="
            f"{int(position.safe_to_bootstrap)}"
        )
        decision = gather(cfg, position)
        log(f"decision: {decision.action} ({decision.reason})")
        if decision.action == "bootstrap":
            mark_safe_to_bootstrap(cfg)
            command = with_position(cfg.bootstrap_command, position)
            log(f"bootstrapping a new Primary Component: {' '.join(command)}")
            return run_with_position(command, position)
        if decision.action == "join":
            if not wait_for_synced_peer(cfg, decision.leader):
                log(f"no member became synced within {cfg.peer_timeout_s:.0f} s; not joining")
                return 1
            return join(cfg, decision, position)
        log(decision.reason)
        return 1


    def join(cfg: Config, decision: Decision, position: Position) -> int:
        """Run the join command, again (bounded) when the state transfer fails."""
        command = with_position(cfg.join_command, position)
        code = 1
        for attempt in range(1, cfg.join_attempts + 1):
            log(f"joining (attempt {attempt} of {cfg.join_attempts}): {' '.join(command)}")
            code = run_with_position(command, position)
            if code == 0:
                return 0
            log(f"the join failed (exit {code})")
            if attempt == cfg.join_attempts:
                break
            time.sleep(cfg.join_retry_delay_s)
            if not wait_for_synced_peer(cfg, decision.leader):
                log(f"no member is synced within {cfg.peer_timeout_s:.0f} s; not joining again")
                return code
        return code


    def peer_synced_local(cfg: Config) -> bool:
        return peer_synced(cfg, cfg.node)


    def cmd_prepare(cfg: Config) -> int:
        """Create the users once, in a private server (no network, no wsrep)."""
        if os.path.exists(cfg.prepared_marker):
            log(f"already prepared ({cfg.prepared_marker} exists)")
            return 0
        if not os.path.isdir(os.path.join(cfg.datadir, "mysql")):
            log(f"initialising {cfg.datadir}")
            subprocess.run(
                [cfg.install_db, *cfg.server_args(), f"--user={cfg.user}", f"--datadir={cfg.datadir}"],
                check=True,
                timeout=300,
            )
        rundir = tempfile.mkdtemp(prefix="galera-prepare-")
        os.chmod(rundir, 0o755)
        if os.geteuid() == 0:
            os.chown(rundir, *_uid_gid(cfg.user))
        sock = os.path.join(rundir, "prepare.sock")
        server = subprocess.Popen(
            [
                cfg.mariadbd,
                *cfg.server_args(),
                f"--user={cfg.user}",
                f"--datadir={cfg.datadir}",
                "--wsrep-on=OFF",
                "--wsrep-provider=none",
                "--skip-networking",
                f"--socket={sock}",
                f"--pid-file={os.path.join(rundir, 'prepare.pid')}",
                f"--log-error={os.path.join(rundir, 'prepare.err')}",
            ]
        )
        try:
            deadline = time.monotonic() + 120
            while not os.path.exists(sock):
                if server.poll() is not None or time.monotonic() > deadline:
                    log(f"the private server did not start; see {rundir}/prepare.err")
                    return 1
                time.sleep(0.5)
            with open(cfg.init_sql, encoding="utf-8") as fh:
                sql = fh.read()
            subprocess.run(
                [cfg.client, f"--socket={sock}", "-u", "root"],
                input=sql,
                text=True,
                check=True,
                timeout=120,
            )
            log("created the SST, clustercheck and admin users")
        finally:
            server.terminate()
            try:
                server.wait(timeout=120)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)
        os.makedirs(os.path.dirname(cfg.prepared_marker), exist_ok=True)
        with open(cfg.prepared_marker, "w", encoding="utf-8") as fh:
            fh.write("prepared\n")
        return 0


    COMMANDS: dict[str, Callable[[Config], int]] = {
        "position": cmd_position,
        "decide": cmd_decide,
        "start": cmd_start,
        "prepare": cmd_prepare,
    }


    def main(argv: list[str] | None = None) -> int:
        p = argparse.ArgumentParser(
            prog="openstack-ha-galera-bootstrap", description=__doc__.split("\n")[0]
        )
        p.add_argument("--config", default="/etc/openstack-ha/galera-bootstrap.json")
        p.add_argument("command", choices=sorted(COMMANDS))
        args = p.parse_args(argv)
        with open(args.config, encoding="utf-8") as fh:
            cfg = Config(json.load(fh))
        return COMMANDS[args.command](cfg)


    if __name__ == "__main__":
        sys.exit(main())
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
      user_data,
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
  content: |
    <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
      <configuration>
        <crm_config>
          <cluster_property_set id="cib-bootstrap-options">
            <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="converged" />
            <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true" />
            <nvpair id="cib-bootstrap-options-no-quorum-policy" name="no-quorum-policy" value="stop" />
          </cluster_property_set>
        </crm_config>
        <nodes>
          <node id="1" uname="node1" />
          <node id="2" uname="node2" />
          <node id="3" uname="node3" />
        </nodes>
        <resources>
          <primitive id="fence-node1" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node1-instance_attributes">
              <nvpair id="fence-node1-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node1" />
              <nvpair id="fence-node1-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node1-instance_attributes-port" name="port" value="node1" />
            </instance_attributes>
            <operations>
              <op id="fence-node1-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="fence-node2" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node2-instance_attributes">
              <nvpair id="fence-node2-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node2" />
              <nvpair id="fence-node2-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node2-instance_attributes-port" name="port" value="node2" />
            </instance_attributes>
            <operations>
              <op id="fence-node2-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="fence-node3" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node3-instance_attributes">
              <nvpair id="fence-node3-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node3" />
              <nvpair id="fence-node3-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node3-instance_attributes-port" name="port" value="node3" />
            </instance_attributes>
            <operations>
              <op id="fence-node3-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-public" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-public-instance_attributes">
              <nvpair id="vip-public-instance_attributes-ip" name="ip" value="10.20.3.10" />
              <nvpair id="vip-public-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-public-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-internal" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-internal-instance_attributes">
              <nvpair id="vip-internal-instance_attributes-ip" name="ip" value="10.20.0.10" />
              <nvpair id="vip-internal-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-internal-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-database" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-database-instance_attributes">
              <nvpair id="vip-database-instance_attributes-ip" name="ip" value="10.20.0.11" />
              <nvpair id="vip-database-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-database-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <clone id="haproxy-clone">
            <primitive id="haproxy" class="service" type="haproxy">
              <operations>
                <op id="haproxy-start-interval-0s" name="start" interval="0s" timeout="60s" />
                <op id="haproxy-stop-interval-0s" name="stop" interval="0s" timeout="60s" />
                <op id="haproxy-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
              </operations>
            </primitive>
            <meta_attributes id="haproxy-clone-meta_attributes">
              <nvpair id="haproxy-clone-meta_attributes-interleave" name="interleave" value="true" />
            </meta_attributes>
          </clone>
          <clone id="galera-clone">
            <primitive id="galera" class="ocf" provider="heartbeat" type="galera">
              <instance_attributes id="galera-instance_attributes">
                <nvpair id="galera-instance_attributes-wsrep_cluster_address" name="wsrep_cluster_address" value="gcomm://node1,node2,node3" />
                <nvpair id="galera-instance_attributes-config" name="config" value="/etc/mysql/my.cnf" />
                <nvpair id="galera-instance_attributes-datadir" name="datadir" value="/var/lib/mysql" />
                <nvpair id="galera-instance_attributes-socket" name="socket" value="/run/mysqld/mysqld.sock" />
                <nvpair id="galera-instance_attributes-enable_creation" name="enable_creation" value="true" />
              </instance_attributes>
              <operations>
                <op id="galera-start-interval-0s" name="start" interval="0s" timeout="120s" />
                <op id="galera-stop-interval-0s" name="stop" interval="0s" timeout="120s" />
                <op id="galera-promote-interval-0s" name="promote" interval="0s" timeout="300s" />
                <op id="galera-demote-interval-0s" name="demote" interval="0s" timeout="120s" />
                <op id="galera-monitor-promoted-interval-10s" name="monitor" interval="10s" timeout="30s" role="Promoted" />
                <op id="galera-monitor-unpromoted-interval-30s" name="monitor" interval="30s" timeout="30s" role="Unpromoted" />
              </operations>
            </primitive>
            <meta_attributes id="galera-clone-meta_attributes">
              <nvpair id="galera-clone-meta_attributes-promotable" name="promotable" value="true" />
              <nvpair id="galera-clone-meta_attributes-promoted-max" name="promoted-max" value="3" />
              <nvpair id="galera-clone-meta_attributes-interleave" name="interleave" value="true" />
              <nvpair id="galera-clone-meta_attributes-ordered" name="ordered" value="true" />
            </meta_attributes>
          </clone>
        </resources>
        <constraints>
          <rsc_colocation id="colocation-vip-public-with-haproxy" score="INFINITY" rsc="vip-public" with-rsc="haproxy-clone" />
          <rsc_colocation id="colocation-vip-internal-with-haproxy" score="INFINITY" rsc="vip-internal" with-rsc="haproxy-clone" />
          <rsc_colocation id="colocation-vip-database-with-haproxy" score="INFINITY" rsc="vip-database" with-rsc="haproxy-clone" />
          <rsc_order id="order-vip-public-then-haproxy" kind="Optional" first="vip-public" then="haproxy-clone" />
          <rsc_order id="order-vip-internal-then-haproxy" kind="Optional" first="vip-internal" then="haproxy-clone" />
          <rsc_order id="order-vip-database-then-haproxy" kind="Optional" first="vip-database" then="haproxy-clone" />
          <rsc_location id="location-fence-node1-avoids-node1" rsc="fence-node1" node="node1" score="-INFINITY" />
          <rsc_location id="location-fence-node2-avoids-node2" rsc="fence-node2" node="node2" score="-INFINITY" />
          <rsc_location id="location-fence-node3-avoids-node3" rsc="fence-node3" node="node3" score="-INFINITY" />
        </constraints>
        <rsc_defaults>
          <meta_attributes id="rsc-options">
            <nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="100" />
          </meta_attributes>
        </rsc_defaults>
      </configuration>
      <status />
    </cib>
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
- path: /etc/rabbitmq/advanced.config
  content: |
    %% Rendered by openstack-ha: quorum queues elect a new leader soon after a
    %% broker is cut off (Ra's failure detector polls every 100 ms, default 1000).
    [{aten, [{poll_interval, 100}]}].
  owner: root:rabbitmq
  permissions: '0640'
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
    net_ticktime = 10
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
  content: |
    #!/usr/bin/python3
    """openstack-ha-clustercheck: the Galera health responder HAProxy asks (port 9200).

    Runs on every database node as a small HTTP server (a systemd service on
    the VMs; the live tests start the very same file in a namespace):

    - ``GET /`` (any path other than the one below): ``200`` when this node's
      ``wsrep_local_state`` is 4 (Synced), else ``503``. HAProxy's
      ``option httpchk`` + ``http-check expect status 200`` only send traffic to
      a synced member.
    - ``GET /galera-position``: this node's Galera position as JSON (written by
      ``openstack-ha-galera-bootstrap position`` into the position file) plus
      ``"synced"``; ``404`` while the file does not exist. Peers read it to agree
      on which node bootstraps after a full outage.

    The state comes from ``mariadb --defaults-extra-file=<client cnf> -N -B -e
    "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"`` (the client cnf holds the
    ``clustercheck`` user, which needs no privilege beyond USAGE). Python 3.9+
    standard library only: this file is copied verbatim onto the nodes.
    """

    from __future__ import annotations

    import argparse
    import json
    import os
    import subprocess
    import sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from typing import Any

    SYNCED = 4
    QUERY = "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"


    def parse_status(output: str) -> int | None:
        """The state number from the client's ``-N -B`` output, or None."""
        for line in output.splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and parts[0].strip().lower() == "wsrep_local_state":
                try:
                    return int(parts[1].strip())
                except ValueError:
                    return None
        return None


    def query_state(client: str, client_cnf: str, timeout_s: float) -> int | None:
        """``wsrep_local_state`` of the local server, or None when it cannot be read."""
        cmd = [client]
        if client_cnf:
            cmd.append(f"--defaults-extra-file={client_cnf}")
        cmd += [f"--connect-timeout={max(1, int(timeout_s))}", "-N", "-B", "-e", QUERY]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if proc.returncode != 0:
            return None
        return parse_status(proc.stdout)


    def response_for(path: str, state: int | None, position: dict[str, Any] | None) -> tuple[int, str]:
        """(HTTP status, body) for a request; pure, so it is unit-tested."""
        if path.split("?", 1)[0] == "/galera-position":
            if position is None:
                return 404, json.dumps({"error": "no position recorded yet"}) + "\n"
            body = dict(position)
            body["synced"] = state == SYNCED
            return 200, json.dumps(body, sort_keys=True) + "\n"
        if state == SYNCED:
            return 200, "Galera node is synced (wsrep_local_state 4).\n"
        shown = "unknown (server down?)" if state is None else str(state)
        return 503, f"Galera node is not synced (wsrep_local_state {shown}).\n"


    def read_position(path: str) -> dict[str, Any] | None:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


    def make_handler(args: argparse.Namespace) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            server_version = "openstack-ha-clustercheck"
            sys_version = ""

            def do_GET(self) -> None:
                state = query_state(args.client, args.client_cnf, args.timeout)
                status, body = response_for(self.path, state, read_position(args.position_file))
                data = body.encode("utf-8")
                self.send_response(status)
                ctype = "application/json" if body.startswith("{") else "text/plain"
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_HEAD = do_GET

            def log_message(self, format: str, *fargs: Any) -> None:
                if args.verbose:
                    sys.stderr.write("clustercheck: " + (format % fargs) + "\n")

        return Handler


    def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
        p = argparse.ArgumentParser(
            prog="openstack-ha-clustercheck", description=__doc__.split("\n")[0]
        )
        p.add_argument("--listen", required=True, help="ADDRESS:PORT to listen on (management address)")
        p.add_argument("--client", default="mariadb", help="MariaDB command-line client")
        p.add_argument(
            "--client-cnf",
            default="/etc/openstack-ha/clustercheck.cnf",
            help="client options file with the clustercheck user ('' for none)",
        )
        p.add_argument("--position-file", default="/run/openstack-ha/galera-position.json")
        p.add_argument("--timeout", type=float, default=5.0, help="seconds per status query")
        p.add_argument("--verbose", action="store_true")
        return p.parse_args(argv)


    def main(argv: list[str] | None = None) -> int:
        args = parse_args(argv)
        host, _, port = args.listen.rpartition(":")
        server = ThreadingHTTPServer((host.strip("[]"), int(port)), make_handler(args))
        server.daemon_threads = True
        sys.stderr.write(f"clustercheck: listening on {args.listen} (pid {os.getpid()})\n")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return 0


    if __name__ == "__main__":
        sys.exit(main())
  owner: root:root
  permissions: '0755'
  defer: true
- path: /usr/local/sbin/openstack-ha-galera-bootstrap
  content: |
    #!/usr/bin/python3
    """openstack-ha-galera-bootstrap: start Galera safely, on first boot or after a full outage.

    Every database node runs ``start`` (a oneshot systemd unit at each boot on
    the VMs, the live tests run the same file). The nodes agree, without a
    coordinator, on exactly one node that bootstraps a new Primary Component:

    1. A member that is already synced (its clustercheck answers 200): nobody
       bootstraps; this node joins it.
    2. A member whose grastate.dat says ``safe_to_bootstrap: 1`` (it was the
       last to leave a clean cluster) bootstraps; ties go to the lowest name.
    3. Otherwise, once EVERY member has published its position: the highest
       seqno bootstraps (a node whose grastate seqno is -1 after a crash first
       recovers it with ``mariadbd --wsrep-recover``), ties by the lowest node
       name. On a first boot every position is empty, so the lowest name
       bootstraps.
    4. If some member's position is still missing when the wait ends, nobody
       bootstraps: the script fails loudly instead of guessing (bootstrapping
       from a stale node would lose committed transactions).

    Positions travel over HTTP: ``position`` writes this node's JSON into the
    position file and the clustercheck responder serves it at
    ``/galera-position`` on port 9200 of the management network.

    Other commands: ``position`` (print/record this node's position),
    ``decide`` (print the decision as JSON, start nothing), ``prepare`` (once,
    before the first start: create the SST, clustercheck and admin users in a
    private server without networking and without wsrep, so whichever node
    bootstraps already has them). Settings come from a JSON file (``--config``)
    rendered for each node; in ``bootstrap_command``/``join_command`` the text
    ``{position}`` becomes this node's ``uuid:seqno`` (also exported as
    ``WSREP_START_POSITION``), so a restarted member can rejoin by IST.
    Python 3.9+ standard library only: this file is copied verbatim onto the
    nodes.
    """

    from __future__ import annotations

    import argparse
    import json
    import os
    import pwd
    import re
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.error
    import urllib.request
    from collections.abc import Callable
    from dataclasses import dataclass
    from typing import Any

    ZERO_UUID = "00000000-0000-0000-0000-000000000000"
    _RECOVERED = re.compile(r"WSREP: Recovered position:?\s+([0-9a-f-]{36}):(-?\d+)")


    def log(message: str) -> None:
        sys.stderr.write(f"openstack-ha-galera-bootstrap: {message}\n")
        sys.stderr.flush()


    @dataclass(frozen=True)
    class Position:
        """A member's place in the replication history."""

        node: str
        uuid: str = ZERO_UUID
        seqno: int = -1
        safe_to_bootstrap: bool = False
        synced: bool = False

        @property
        def fresh(self) -> bool:
            return self.uuid == ZERO_UUID and self.seqno < 0

        def to_json(self) -> dict[str, Any]:
            return {
                "node": self.node,
                "uuid": self.uuid,
                "seqno": self.seqno,
                "safe_to_bootstrap": 1 if self.safe_to_bootstrap else 0,
            }

        @classmethod
        def from_json(cls, data: dict[str, Any]) -> Position:
            return cls(
                node=str(data["node"]),
                uuid=str(data.get("uuid", ZERO_UUID)),
                seqno=int(data.get("seqno", -1)),
                safe_to_bootstrap=int(data.get("safe_to_bootstrap", 0)) == 1,
                synced=bool(data.get("synced", False)),
            )


    @dataclass(frozen=True)
    class Decision:
        """``action`` is bootstrap, join or wait; ``leader`` the node that bootstraps or runs."""

        action: str
        leader: str | None
        reason: str

        def to_json(self) -> dict[str, Any]:
            return {"action": self.action, "leader": self.leader, "reason": self.reason}


    def parse_grastate(text: str) -> dict[str, str]:
        """The ``key: value`` pairs of a grastate.dat."""
        out: dict[str, str] = {}
        for line in text.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            key, _, value = line.partition(":")
            out[key.strip()] = value.strip()
        return out


    def parse_recovered(log_text: str) -> tuple[str, int] | None:
        """(uuid, seqno) from the error log of ``mariadbd --wsrep-recover``."""
        found = _RECOVERED.findall(log_text)
        if not found:
            return None
        uuid, seqno = found[-1]
        return uuid, int(seqno)


    def decide(me: str, members: list[str], positions: dict[str, Position]) -> Decision:
        """Who bootstraps. ``positions`` holds the members that answered (this node included).

        Pure and deterministic: every node computes the same leader from the same
        positions, which is what makes the protocol safe without a coordinator.
        """
        if me not in members:
            raise ValueError(f"{me!r} is not a member ({', '.join(members)})")
        synced = sorted(n for n, p in positions.items() if p.synced and n != me)
        if synced:
            return Decision("join", synced[0], f"{synced[0]} is synced: joining its cluster")
        safe = sorted(n for n, p in positions.items() if p.safe_to_bootstrap)
        if safe:
            leader = safe[0]
            why = f"{leader} has safe_to_bootstrap: 1 in grastate.dat"
            return Decision("bootstrap" if leader == me else "join", leader, why)
        missing = sorted(set(members) - set(positions))
        if missing:
            return Decision(
                "wait",
                None,
                f"no member is synced or safe to bootstrap, and the position of "
                f"{', '.join(missing)} is unknown: bootstrapping now could lose transactions",
            )
        ranked = sorted(positions.values(), key=lambda p: (-p.seqno, p.node))
        leader = ranked[0].node
        if all(p.fresh for p in positions.values()):
            why = f"first boot (no member has a history): the lowest name, {leader}, bootstraps"
        else:
            top = ranked[0].seqno
            tied = [p.node for p in ranked if p.seqno == top]
            why = f"{leader} has the highest seqno ({top})"
            if len(tied) > 1:
                why += f", tied with {', '.join(t for t in tied if t != leader)}; lowest name wins"
        return Decision("bootstrap" if leader == me else "join", leader, why)


    class Config:
        """Settings for one node (the rendered JSON file)."""

        def __init__(self, data: dict[str, Any]) -> None:
            self.node: str = data["node"]
            self.members: list[dict[str, str]] = list(data["members"])
            self.datadir: str = data.get("datadir", "/var/lib/mysql")
            self.defaults_file: str | None = data.get("defaults_file")
            self.mariadbd: str = data.get("mariadbd", "/usr/sbin/mariadbd")
            self.client: str = data.get("client", "mariadb")
            self.install_db: str = data.get("install_db", "mariadb-install-db")
            self.user: str = data.get("user", "mysql")
            self.clustercheck_port: int = int(data.get("clustercheck_port", 9200))
            self.position_file: str = data.get(
                "position_file", "/run/openstack-ha/galera-position.json"
            )
            self.init_sql: str = data.get("init_sql", "/etc/openstack-ha/galera-init.sql")
            self.prepared_marker: str = data.get(
                "prepared_marker", "/var/lib/openstack-ha/galera-prepared"
            )
            self.peer_timeout_s: float = float(data.get("peer_timeout_s", 600))
            self.poll_interval_s: float = float(data.get("poll_interval_s", 3))
            self.bootstrap_command: list[str] = list(
                data.get("bootstrap_command", ["galera_new_cluster"])
            )
            self.join_command: list[str] = list(
                data.get("join_command", ["systemctl", "start", "mariadb"])
            )
            # A donor serves one state transfer at a time; members joining at
            # once can see theirs fail ("Failed to read uuid:seqno ... from
            # joiner script", seen in tests/live). Joining again is safe.
            self.join_attempts: int = int(data.get("join_attempts", 3))
            self.join_retry_delay_s: float = float(data.get("join_retry_delay_s", 10))

        @property
        def member_names(self) -> list[str]:
            return sorted(m["name"] for m in self.members)

        def address_of(self, name: str) -> str:
            for member in self.members:
                if member["name"] == name:
                    return member["address"]
            raise KeyError(name)

        def server_args(self) -> list[str]:
            # mariadbd insists that --defaults-file comes first.
            return [f"--defaults-file={self.defaults_file}"] if self.defaults_file else []


    def _grastate_path(cfg: Config) -> str:
        return os.path.join(cfg.datadir, "grastate.dat")


    def recover_position(cfg: Config) -> tuple[str, int] | None:
        """Run ``mariadbd --wsrep-recover`` and parse the recovered position."""
        fd, log_path = tempfile.mkstemp(prefix="wsrep-recover-", suffix=".log")
        os.close(fd)
        cmd = [cfg.mariadbd, *cfg.server_args(), "--wsrep-recover", f"--log-error={log_path}"]
        if os.geteuid() == 0:
            os.chown(log_path, *_uid_gid(cfg.user))
            cmd.append(f"--user={cfg.user}")
        log(f"seqno is -1: recovering the position with {' '.join(cmd)}")
        try:
            subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                return parse_recovered(fh.read())
        finally:
            os.unlink(log_path)


    def _uid_gid(user: str) -> tuple[int, int]:
        entry = pwd.getpwnam(user)
        return entry.pw_uid, entry.pw_gid


    def local_position(cfg: Config) -> Position:
        """This node's position from grastate.dat, recovered when seqno is -1."""
        try:
            with open(_grastate_path(cfg), encoding="utf-8") as fh:
                state = parse_grastate(fh.read())
        except FileNotFoundError:
            return Position(node=cfg.node)
        uuid = state.get("uuid", ZERO_UUID)
        seqno = int(state.get("seqno", "-1"))
        safe = state.get("safe_to_bootstrap", "0") == "1"
        if seqno < 0 and uuid != ZERO_UUID:
            recovered = recover_position(cfg)
            if recovered is not None:
                uuid, seqno = recovered
                log(f"recovered position {uuid}:{seqno}")
            else:
                log("could not recover the position; this node counts as seqno -1")
        return Position(node=cfg.node, uuid=uuid, seqno=seqno, safe_to_bootstrap=safe)


    def record_position(cfg: Config, position: Position) -> None:
        os.makedirs(os.path.dirname(cfg.position_file), exist_ok=True)
        tmp = cfg.position_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(position.to_json(), fh, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, cfg.position_file)


    def _http_get(url: str, timeout_s: float) -> tuple[int, str] | None:
        try:
            with urllib.request.urlopen(url, timeout=timeout_s) as resp:
                return resp.status, resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (OSError, ValueError):
            return None


    def peer_position(cfg: Config, name: str) -> Position | None:
        address = cfg.address_of(name)
        host = f"[{address}]" if ":" in address else address
        got = _http_get(f"http://{host}:{cfg.clustercheck_port}/galera-position", timeout_s=3)
        if got is None or got[0] != 200:
            return None
        try:
            return Position.from_json(json.loads(got[1]))
        except (ValueError, KeyError, TypeError):
            return None


    def peer_synced(cfg: Config, name: str) -> bool:
        address = cfg.address_of(name)
        host = f"[{address}]" if ":" in address else address
        got = _http_get(f"http://{host}:{cfg.clustercheck_port}/", timeout_s=3)
        return got is not None and got[0] == 200


    def gather(
        cfg: Config,
        mine: Position,
        fetch: Callable[[Config, str], Position | None] = peer_position,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> Decision:
        """Poll the peers until the decision is not ``wait`` or the wait ends."""
        deadline = clock() + cfg.peer_timeout_s
        last_reason = ""
        while True:
            positions = {cfg.node: mine}
            for name in cfg.member_names:
                if name != cfg.node:
                    got = fetch(cfg, name)
                    if got is not None:
                        positions[name] = got
            decision = decide(cfg.node, cfg.member_names, positions)
            if decision.action != "wait":
                return decision
            if decision.reason != last_reason:
                log(f"waiting: {decision.reason}")
                last_reason = decision.reason
            if clock() >= deadline:
                return Decision(
                    "fail",
                    None,
                    f"gave up after {cfg.peer_timeout_s:.0f} s: {decision.reason}. Start the "
                    "missing members, or if they are lost for good, bootstrap the member with "
                    "the highest seqno by hand (set safe_to_bootstrap: 1 in its grastate.dat)",
                )
            sleep(cfg.poll_interval_s)


    def mark_safe_to_bootstrap(cfg: Config) -> None:
        """Set ``safe_to_bootstrap: 1`` (MariaDB refuses --wsrep-new-cluster otherwise)."""
        path = _grastate_path(cfg)
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except FileNotFoundError:
            return  # first boot: no grastate yet, nothing to refuse
        if re.search(r"^safe_to_bootstrap:\s*1\s*$", text, flags=re.M):
            return
        new = re.sub(r"^safe_to_bootstrap:.*$", "safe_to_bootstrap: 1", text, flags=re.M)
        if new == text:
            new = text.rstrip("\n") + "\nsafe_to_bootstrap: 1\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(new)
        log(f"set safe_to_bootstrap: 1 in {path}")


    def wait_for_synced_peer(cfg: Config, leader: str | None) -> bool:
        deadline = time.monotonic() + cfg.peer_timeout_s
        names = [leader] if leader else [n for n in cfg.member_names if n != cfg.node]
        others = [n for n in cfg.member_names if n != cfg.node]
        while time.monotonic() < deadline:
            for name in [*names, *others]:
                if peer_synced(cfg, name):
                    log(f"{name} is synced")
                    return True
            time.sleep(cfg.poll_interval_s)
        return False


    def with_position(command: list[str], position: Position) -> list[str]:
        """``{position}`` in a command becomes ``uuid:seqno`` (for ``--wsrep-start-position``).

        A node restarted after a crash joins by IST instead of a full SST when
        it starts from its recovered position (measured: tests/live/README.md).
        """
        text = f"{position.uuid}:{position.seqno}"
        return [arg.replace("{position}", text) for arg in command]


    def run_with_position(command: list[str], position: Position) -> int:
        env = dict(os.environ, WSREP_START_POSITION=f"{position.uuid}:{position.seqno}")
        return subprocess.run(command, check=False, env=env).returncode


    def cmd_position(cfg: Config) -> int:
        position = local_position(cfg)
        record_position(cfg, position)
        print(json.dumps(position.to_json(), sort_keys=True))
        return 0


    def cmd_decide(cfg: Config) -> int:
        position = local_position(cfg)
        record_position(cfg, position)
        decision = gather(cfg, position)
        print(json.dumps(decision.to_json(), sort_keys=True))
        return 0 if decision.action in ("bootstrap", "join") else 1


    def cmd_start(cfg: Config) -> int:
        if peer_synced_local(cfg):
            log("the local server is already synced; nothing to do")
            return 0
        position = local_position(cfg)
        record_position(cfg, position)
        log(
            f"local position {position.uuid}:{position.seqno} safe_to_bootstrap="
            f"{int(position.safe_to_bootstrap)}"
        )
        decision = gather(cfg, position)
        log(f"decision: {decision.action} ({decision.reason})")
        if decision.action == "bootstrap":
            mark_safe_to_bootstrap(cfg)
            command = with_position(cfg.bootstrap_command, position)
            log(f"bootstrapping a new Primary Component: {' '.join(command)}")
            return run_with_position(command, position)
        if decision.action == "join":
            if not wait_for_synced_peer(cfg, decision.leader):
                log(f"no member became synced within {cfg.peer_timeout_s:.0f} s; not joining")
                return 1
            return join(cfg, decision, position)
        log(decision.reason)
        return 1


    def join(cfg: Config, decision: Decision, position: Position) -> int:
        """Run the join command, again (bounded) when the state transfer fails."""
        command = with_position(cfg.join_command, position)
        code = 1
        for attempt in range(1, cfg.join_attempts + 1):
            log(f"joining (attempt {attempt} of {cfg.join_attempts}): {' '.join(command)}")
            code = run_with_position(command, position)
            if code == 0:
                return 0
            log(f"the join failed (exit {code})")
            if attempt == cfg.join_attempts:
                break
            time.sleep(cfg.join_retry_delay_s)
            if not wait_for_synced_peer(cfg, decision.leader):
                log(f"no member is synced within {cfg.peer_timeout_s:.0f} s; not joining again")
                return code
        return code


    def peer_synced_local(cfg: Config) -> bool:
        return peer_synced(cfg, cfg.node)


    def cmd_prepare(cfg: Config) -> int:
        """Create the users once, in a private server (no network, no wsrep)."""
        if os.path.exists(cfg.prepared_marker):
            log(f"already prepared ({cfg.prepared_marker} exists)")
            return 0
        if not os.path.isdir(os.path.join(cfg.datadir, "mysql")):
            log(f"initialising {cfg.datadir}")
            subprocess.run(
                [cfg.install_db, *cfg.server_args(), f"--user={cfg.user}", f"--datadir={cfg.datadir}"],
                check=True,
                timeout=300,
            )
        rundir = tempfile.mkdtemp(prefix="galera-prepare-")
        os.chmod(rundir, 0o755)
        if os.geteuid() == 0:
            os.chown(rundir, *_uid_gid(cfg.user))
        sock = os.path.join(rundir, "prepare.sock")
        server = subprocess.Popen(
            [
                cfg.mariadbd,
                *cfg.server_args(),
                f"--user={cfg.user}",
                f"--datadir={cfg.datadir}",
                "--wsrep-on=OFF",
                "--wsrep-provider=none",
                "--skip-networking",
                f"--socket={sock}",
                f"--pid-file={os.path.join(rundir, 'prepare.pid')}",
                f"--log-error={os.path.join(rundir, 'prepare.err')}",
            ]
        )
        try:
            deadline = time.monotonic() + 120
            while not os.path.exists(sock):
                if server.poll() is not None or time.monotonic() > deadline:
                    log(f"the private server did not start; see {rundir}/prepare.err")
                    return 1
                time.sleep(0.5)
            with open(cfg.init_sql, encoding="utf-8") as fh:
                sql = fh.read()
            subprocess.run(
                [cfg.client, f"--socket={sock}", "-u", "root"],
                input=sql,
                text=True,
                check=True,
                timeout=120,
            )
            log("created the SST, clustercheck and admin users")
        finally:
            server.terminate()
            try:
                server.wait(timeout=120)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)
        os.makedirs(os.path.dirname(cfg.prepared_marker), exist_ok=True)
        with open(cfg.prepared_marker, "w", encoding="utf-8") as fh:
            fh.write("prepared\n")
        return 0


    COMMANDS: dict[str, Callable[[Config], int]] = {
        "position": cmd_position,
        "decide": cmd_decide,
        "start": cmd_start,
        "prepare": cmd_prepare,
    }


    def main(argv: list[str] | None = None) -> int:
        p = argparse.ArgumentParser(
            prog="openstack-ha-galera-bootstrap", description=__doc__.split("\n")[0]
        )
        p.add_argument("--config", default="/etc/openstack-ha/galera-bootstrap.json")
        p.add_argument("command", choices=sorted(COMMANDS))
        args = p.parse_args(argv)
        with open(args.config, encoding="utf-8") as fh:
            cfg = Config(json.load(fh))
        return COMMANDS[args.command](cfg)


    if __name__ == "__main__":
        sys.exit(main())
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
      user_data,
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
  content: |
    <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
      <configuration>
        <crm_config>
          <cluster_property_set id="cib-bootstrap-options">
            <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="converged" />
            <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true" />
            <nvpair id="cib-bootstrap-options-no-quorum-policy" name="no-quorum-policy" value="stop" />
          </cluster_property_set>
        </crm_config>
        <nodes>
          <node id="1" uname="node1" />
          <node id="2" uname="node2" />
          <node id="3" uname="node3" />
        </nodes>
        <resources>
          <primitive id="fence-node1" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node1-instance_attributes">
              <nvpair id="fence-node1-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node1" />
              <nvpair id="fence-node1-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node1-instance_attributes-port" name="port" value="node1" />
            </instance_attributes>
            <operations>
              <op id="fence-node1-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="fence-node2" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node2-instance_attributes">
              <nvpair id="fence-node2-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node2" />
              <nvpair id="fence-node2-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node2-instance_attributes-port" name="port" value="node2" />
            </instance_attributes>
            <operations>
              <op id="fence-node2-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="fence-node3" class="stonith" type="fence_sbd">
            <instance_attributes id="fence-node3-instance_attributes">
              <nvpair id="fence-node3-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="node3" />
              <nvpair id="fence-node3-instance_attributes-devices" name="devices" value="/dev/disk/by-id/virtio-sbd-converged" />
              <nvpair id="fence-node3-instance_attributes-port" name="port" value="node3" />
            </instance_attributes>
            <operations>
              <op id="fence-node3-monitor-interval-60s" name="monitor" interval="60s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-public" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-public-instance_attributes">
              <nvpair id="vip-public-instance_attributes-ip" name="ip" value="10.20.3.10" />
              <nvpair id="vip-public-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-public-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-internal" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-internal-instance_attributes">
              <nvpair id="vip-internal-instance_attributes-ip" name="ip" value="10.20.0.10" />
              <nvpair id="vip-internal-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-internal-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <primitive id="vip-database" class="ocf" provider="heartbeat" type="IPaddr2">
            <instance_attributes id="vip-database-instance_attributes">
              <nvpair id="vip-database-instance_attributes-ip" name="ip" value="10.20.0.11" />
              <nvpair id="vip-database-instance_attributes-cidr_netmask" name="cidr_netmask" value="24" />
            </instance_attributes>
            <operations>
              <op id="vip-database-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
            </operations>
          </primitive>
          <clone id="haproxy-clone">
            <primitive id="haproxy" class="service" type="haproxy">
              <operations>
                <op id="haproxy-start-interval-0s" name="start" interval="0s" timeout="60s" />
                <op id="haproxy-stop-interval-0s" name="stop" interval="0s" timeout="60s" />
                <op id="haproxy-monitor-interval-10s" name="monitor" interval="10s" timeout="20s" />
              </operations>
            </primitive>
            <meta_attributes id="haproxy-clone-meta_attributes">
              <nvpair id="haproxy-clone-meta_attributes-interleave" name="interleave" value="true" />
            </meta_attributes>
          </clone>
          <clone id="galera-clone">
            <primitive id="galera" class="ocf" provider="heartbeat" type="galera">
              <instance_attributes id="galera-instance_attributes">
                <nvpair id="galera-instance_attributes-wsrep_cluster_address" name="wsrep_cluster_address" value="gcomm://node1,node2,node3" />
                <nvpair id="galera-instance_attributes-config" name="config" value="/etc/mysql/my.cnf" />
                <nvpair id="galera-instance_attributes-datadir" name="datadir" value="/var/lib/mysql" />
                <nvpair id="galera-instance_attributes-socket" name="socket" value="/run/mysqld/mysqld.sock" />
                <nvpair id="galera-instance_attributes-enable_creation" name="enable_creation" value="true" />
              </instance_attributes>
              <operations>
                <op id="galera-start-interval-0s" name="start" interval="0s" timeout="120s" />
                <op id="galera-stop-interval-0s" name="stop" interval="0s" timeout="120s" />
                <op id="galera-promote-interval-0s" name="promote" interval="0s" timeout="300s" />
                <op id="galera-demote-interval-0s" name="demote" interval="0s" timeout="120s" />
                <op id="galera-monitor-promoted-interval-10s" name="monitor" interval="10s" timeout="30s" role="Promoted" />
                <op id="galera-monitor-unpromoted-interval-30s" name="monitor" interval="30s" timeout="30s" role="Unpromoted" />
              </operations>
            </primitive>
            <meta_attributes id="galera-clone-meta_attributes">
              <nvpair id="galera-clone-meta_attributes-promotable" name="promotable" value="true" />
              <nvpair id="galera-clone-meta_attributes-promoted-max" name="promoted-max" value="3" />
              <nvpair id="galera-clone-meta_attributes-interleave" name="interleave" value="true" />
              <nvpair id="galera-clone-meta_attributes-ordered" name="ordered" value="true" />
            </meta_attributes>
          </clone>
        </resources>
        <constraints>
          <rsc_colocation id="colocation-vip-public-with-haproxy" score="INFINITY" rsc="vip-public" with-rsc="haproxy-clone" />
          <rsc_colocation id="colocation-vip-internal-with-haproxy" score="INFINITY" rsc="vip-internal" with-rsc="haproxy-clone" />
          <rsc_colocation id="colocation-vip-database-with-haproxy" score="INFINITY" rsc="vip-database" with-rsc="haproxy-clone" />
          <rsc_order id="order-vip-public-then-haproxy" kind="Optional" first="vip-public" then="haproxy-clone" />
          <rsc_order id="order-vip-internal-then-haproxy" kind="Optional" first="vip-internal" then="haproxy-clone" />
          <rsc_order id="order-vip-database-then-haproxy" kind="Optional" first="vip-database" then="haproxy-clone" />
          <rsc_location id="location-fence-node1-avoids-node1" rsc="fence-node1" node="node1" score="-INFINITY" />
          <rsc_location id="location-fence-node2-avoids-node2" rsc="fence-node2" node="node2" score="-INFINITY" />
          <rsc_location id="location-fence-node3-avoids-node3" rsc="fence-node3" node="node3" score="-INFINITY" />
        </constraints>
        <rsc_defaults>
          <meta_attributes id="rsc-options">
            <nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="100" />
          </meta_attributes>
        </rsc_defaults>
      </configuration>
      <status />
    </cib>
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
- path: /etc/rabbitmq/advanced.config
  content: |
    %% Rendered by openstack-ha: quorum queues elect a new leader soon after a
    %% broker is cut off (Ra's failure detector polls every 100 ms, default 1000).
    [{aten, [{poll_interval, 100}]}].
  owner: root:rabbitmq
  permissions: '0640'
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
    net_ticktime = 10
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
  content: |
    #!/usr/bin/python3
    """openstack-ha-clustercheck: the Galera health responder HAProxy asks (port 9200).

    Runs on every database node as a small HTTP server (a systemd service on
    the VMs; the live tests start the very same file in a namespace):

    - ``GET /`` (any path other than the one below): ``200`` when this node's
      ``wsrep_local_state`` is 4 (Synced), else ``503``. HAProxy's
      ``option httpchk`` + ``http-check expect status 200`` only send traffic to
      a synced member.
    - ``GET /galera-position``: this node's Galera position as JSON (written by
      ``openstack-ha-galera-bootstrap position`` into the position file) plus
      ``"synced"``; ``404`` while the file does not exist. Peers read it to agree
      on which node bootstraps after a full outage.

    The state comes from ``mariadb --defaults-extra-file=<client cnf> -N -B -e
    "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"`` (the client cnf holds the
    ``clustercheck`` user, which needs no privilege beyond USAGE). Python 3.9+
    standard library only: this file is copied verbatim onto the nodes.
    """

    from __future__ import annotations

    import argparse
    import json
    import os
    import subprocess
    import sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from typing import Any

    SYNCED = 4
    QUERY = "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"


    def parse_status(output: str) -> int | None:
        """The state number from the client's ``-N -B`` output, or None."""
        for line in output.splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and parts[0].strip().lower() == "wsrep_local_state":
                try:
                    return int(parts[1].strip())
                except ValueError:
                    return None
        return None


    def query_state(client: str, client_cnf: str, timeout_s: float) -> int | None:
        """``wsrep_local_state`` of the local server, or None when it cannot be read."""
        cmd = [client]
        if client_cnf:
            cmd.append(f"--defaults-extra-file={client_cnf}")
        cmd += [f"--connect-timeout={max(1, int(timeout_s))}", "-N", "-B", "-e", QUERY]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if proc.returncode != 0:
            return None
        return parse_status(proc.stdout)


    def response_for(path: str, state: int | None, position: dict[str, Any] | None) -> tuple[int, str]:
        """(HTTP status, body) for a request; pure, so it is unit-tested."""
        if path.split("?", 1)[0] == "/galera-position":
            if position is None:
                return 404, json.dumps({"error": "no position recorded yet"}) + "\n"
            body = dict(position)
            body["synced"] = state == SYNCED
            return 200, json.dumps(body, sort_keys=True) + "\n"
        if state == SYNCED:
            return 200, "Galera node is synced (wsrep_local_state 4).\n"
        shown = "unknown (server down?)" if state is None else str(state)
        return 503, f"Galera node is not synced (wsrep_local_state {shown}).\n"


    def read_position(path: str) -> dict[str, Any] | None:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


    def make_handler(args: argparse.Namespace) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            server_version = "openstack-ha-clustercheck"
            sys_version = ""

            def do_GET(self) -> None:
                state = query_state(args.client, args.client_cnf, args.timeout)
                status, body = response_for(self.path, state, read_position(args.position_file))
                data = body.encode("utf-8")
                self.send_response(status)
                ctype = "application/json" if body.startswith("{") else "text/plain"
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_HEAD = do_GET

            def log_message(self, format: str, *fargs: Any) -> None:
                if args.verbose:
                    sys.stderr.write("clustercheck: " + (format % fargs) + "\n")

        return Handler


    def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
        p = argparse.ArgumentParser(
            prog="openstack-ha-clustercheck", description=__doc__.split("\n")[0]
        )
        p.add_argument("--listen", required=True, help="ADDRESS:PORT to listen on (management address)")
        p.add_argument("--client", default="mariadb", help="MariaDB command-line client")
        p.add_argument(
            "--client-cnf",
            default="/etc/openstack-ha/clustercheck.cnf",
            help="client options file with the clustercheck user ('' for none)",
        )
        p.add_argument("--position-file", default="/run/openstack-ha/galera-position.json")
        p.add_argument("--timeout", type=float, default=5.0, help="seconds per status query")
        p.add_argument("--verbose", action="store_true")
        return p.parse_args(argv)


    def main(argv: list[str] | None = None) -> int:
        args = parse_args(argv)
        host, _, port = args.listen.rpartition(":")
        server = ThreadingHTTPServer((host.strip("[]"), int(port)), make_handler(args))
        server.daemon_threads = True
        sys.stderr.write(f"clustercheck: listening on {args.listen} (pid {os.getpid()})\n")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return 0


    if __name__ == "__main__":
        sys.exit(main())
  owner: root:root
  permissions: '0755'
  defer: true
- path: /usr/local/sbin/openstack-ha-galera-bootstrap
  content: |
    #!/usr/bin/python3
    """openstack-ha-galera-bootstrap: start Galera safely, on first boot or after a full outage.

    Every database node runs ``start`` (a oneshot systemd unit at each boot on
    the VMs, the live tests run the same file). The nodes agree, without a
    coordinator, on exactly one node that bootstraps a new Primary Component:

    1. A member that is already synced (its clustercheck answers 200): nobody
       bootstraps; this node joins it.
    2. A member whose grastate.dat says ``safe_to_bootstrap: 1`` (it was the
       last to leave a clean cluster) bootstraps; ties go to the lowest name.
    3. Otherwise, once EVERY member has published its position: the highest
       seqno bootstraps (a node whose grastate seqno is -1 after a crash first
       recovers it with ``mariadbd --wsrep-recover``), ties by the lowest node
       name. On a first boot every position is empty, so the lowest name
       bootstraps.
    4. If some member's position is still missing when the wait ends, nobody
       bootstraps: the script fails loudly instead of guessing (bootstrapping
       from a stale node would lose committed transactions).

    Positions travel over HTTP: ``position`` writes this node's JSON into the
    position file and the clustercheck responder serves it at
    ``/galera-position`` on port 9200 of the management network.

    Other commands: ``position`` (print/record this node's position),
    ``decide`` (print the decision as JSON, start nothing), ``prepare`` (once,
    before the first start: create the SST, clustercheck and admin users in a
    private server without networking and without wsrep, so whichever node
    bootstraps already has them). Settings come from a JSON file (``--config``)
    rendered for each node; in ``bootstrap_command``/``join_command`` the text
    ``{position}`` becomes this node's ``uuid:seqno`` (also exported as
    ``WSREP_START_POSITION``), so a restarted member can rejoin by IST.
    Python 3.9+ standard library only: this file is copied verbatim onto the
    nodes.
    """

    from __future__ import annotations

    import argparse
    import json
    import os
    import pwd
    import re
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.error
    import urllib.request
    from collections.abc import Callable
    from dataclasses import dataclass
    from typing import Any

    ZERO_UUID = "00000000-0000-0000-0000-000000000000"
    _RECOVERED = re.compile(r"WSREP: Recovered position:?\s+([0-9a-f-]{36}):(-?\d+)")


    def log(message: str) -> None:
        sys.stderr.write(f"openstack-ha-galera-bootstrap: {message}\n")
        sys.stderr.flush()


    @dataclass(frozen=True)
    class Position:
        """A member's place in the replication history."""

        node: str
        uuid: str = ZERO_UUID
        seqno: int = -1
        safe_to_bootstrap: bool = False
        synced: bool = False

        @property
        def fresh(self) -> bool:
            return self.uuid == ZERO_UUID and self.seqno < 0

        def to_json(self) -> dict[str, Any]:
            return {
                "node": self.node,
                "uuid": self.uuid,
                "seqno": self.seqno,
                "safe_to_bootstrap": 1 if self.safe_to_bootstrap else 0,
            }

        @classmethod
        def from_json(cls, data: dict[str, Any]) -> Position:
            return cls(
                node=str(data["node"]),
                uuid=str(data.get("uuid", ZERO_UUID)),
                seqno=int(data.get("seqno", -1)),
                safe_to_bootstrap=int(data.get("safe_to_bootstrap", 0)) == 1,
                synced=bool(data.get("synced", False)),
            )


    @dataclass(frozen=True)
    class Decision:
        """``action`` is bootstrap, join or wait; ``leader`` the node that bootstraps or runs."""

        action: str
        leader: str | None
        reason: str

        def to_json(self) -> dict[str, Any]:
            return {"action": self.action, "leader": self.leader, "reason": self.reason}


    def parse_grastate(text: str) -> dict[str, str]:
        """The ``key: value`` pairs of a grastate.dat."""
        out: dict[str, str] = {}
        for line in text.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            key, _, value = line.partition(":")
            out[key.strip()] = value.strip()
        return out


    def parse_recovered(log_text: str) -> tuple[str, int] | None:
        """(uuid, seqno) from the error log of ``mariadbd --wsrep-recover``."""
        found = _RECOVERED.findall(log_text)
        if not found:
            return None
        uuid, seqno = found[-1]
        return uuid, int(seqno)


    def decide(me: str, members: list[str], positions: dict[str, Position]) -> Decision:
        """Who bootstraps. ``positions`` holds the members that answered (this node included).

        Pure and deterministic: every node computes the same leader from the same
        positions, which is what makes the protocol safe without a coordinator.
        """
        if me not in members:
            raise ValueError(f"{me!r} is not a member ({', '.join(members)})")
        synced = sorted(n for n, p in positions.items() if p.synced and n != me)
        if synced:
            return Decision("join", synced[0], f"{synced[0]} is synced: joining its cluster")
        safe = sorted(n for n, p in positions.items() if p.safe_to_bootstrap)
        if safe:
            leader = safe[0]
            why = f"{leader} has safe_to_bootstrap: 1 in grastate.dat"
            return Decision("bootstrap" if leader == me else "join", leader, why)
        missing = sorted(set(members) - set(positions))
        if missing:
            return Decision(
                "wait",
                None,
                f"no member is synced or safe to bootstrap, and the position of "
                f"{', '.join(missing)} is unknown: bootstrapping now could lose transactions",
            )
        ranked = sorted(positions.values(), key=lambda p: (-p.seqno, p.node))
        leader = ranked[0].node
        if all(p.fresh for p in positions.values()):
            why = f"first boot (no member has a history): the lowest name, {leader}, bootstraps"
        else:
            top = ranked[0].seqno
            tied = [p.node for p in ranked if p.seqno == top]
            why = f"{leader} has the highest seqno ({top})"
            if len(tied) > 1:
                why += f", tied with {', '.join(t for t in tied if t != leader)}; lowest name wins"
        return Decision("bootstrap" if leader == me else "join", leader, why)


    class Config:
        """Settings for one node (the rendered JSON file)."""

        def __init__(self, data: dict[str, Any]) -> None:
            self.node: str = data["node"]
            self.members: list[dict[str, str]] = list(data["members"])
            self.datadir: str = data.get("datadir", "/var/lib/mysql")
            self.defaults_file: str | None = data.get("defaults_file")
            self.mariadbd: str = data.get("mariadbd", "/usr/sbin/mariadbd")
            self.client: str = data.get("client", "mariadb")
            self.install_db: str = data.get("install_db", "mariadb-install-db")
            self.user: str = data.get("user", "mysql")
            self.clustercheck_port: int = int(data.get("clustercheck_port", 9200))
            self.position_file: str = data.get(
                "position_file", "/run/openstack-ha/galera-position.json"
            )
            self.init_sql: str = data.get("init_sql", "/etc/openstack-ha/galera-init.sql")
            self.prepared_marker: str = data.get(
                "prepared_marker", "/var/lib/openstack-ha/galera-prepared"
            )
            self.peer_timeout_s: float = float(data.get("peer_timeout_s", 600))
            self.poll_interval_s: float = float(data.get("poll_interval_s", 3))
            self.bootstrap_command: list[str] = list(
                data.get("bootstrap_command", ["galera_new_cluster"])
            )
            self.join_command: list[str] = list(
                data.get("join_command", ["systemctl", "start", "mariadb"])
            )
            # A donor serves one state transfer at a time; members joining at
            # once can see theirs fail ("Failed to read uuid:seqno ... from
            # joiner script", seen in tests/live). Joining again is safe.
            self.join_attempts: int = int(data.get("join_attempts", 3))
            self.join_retry_delay_s: float = float(data.get("join_retry_delay_s", 10))

        @property
        def member_names(self) -> list[str]:
            return sorted(m["name"] for m in self.members)

        def address_of(self, name: str) -> str:
            for member in self.members:
                if member["name"] == name:
                    return member["address"]
            raise KeyError(name)

        def server_args(self) -> list[str]:
            # mariadbd insists that --defaults-file comes first.
            return [f"--defaults-file={self.defaults_file}"] if self.defaults_file else []


    def _grastate_path(cfg: Config) -> str:
        return os.path.join(cfg.datadir, "grastate.dat")


    def recover_position(cfg: Config) -> tuple[str, int] | None:
        """Run ``mariadbd --wsrep-recover`` and parse the recovered position."""
        fd, log_path = tempfile.mkstemp(prefix="wsrep-recover-", suffix=".log")
        os.close(fd)
        cmd = [cfg.mariadbd, *cfg.server_args(), "--wsrep-recover", f"--log-error={log_path}"]
        if os.geteuid() == 0:
            os.chown(log_path, *_uid_gid(cfg.user))
            cmd.append(f"--user={cfg.user}")
        log(f"seqno is -1: recovering the position with {' '.join(cmd)}")
        try:
            subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                return parse_recovered(fh.read())
        finally:
            os.unlink(log_path)


    def _uid_gid(user: str) -> tuple[int, int]:
        entry = pwd.getpwnam(user)
        return entry.pw_uid, entry.pw_gid


    def local_position(cfg: Config) -> Position:
        """This node's position from grastate.dat, recovered when seqno is -1."""
        try:
            with open(_grastate_path(cfg), encoding="utf-8") as fh:
                state = parse_grastate(fh.read())
        except FileNotFoundError:
            return Position(node=cfg.node)
        uuid = state.get("uuid", ZERO_UUID)
        seqno = int(state.get("seqno", "-1"))
        safe = state.get("safe_to_bootstrap", "0") == "1"
        if seqno < 0 and uuid != ZERO_UUID:
            recovered = recover_position(cfg)
            if recovered is not None:
                uuid, seqno = recovered
                log(f"recovered position {uuid}:{seqno}")
            else:
                log("could not recover the position; this node counts as seqno -1")
        return Position(node=cfg.node, uuid=uuid, seqno=seqno, safe_to_bootstrap=safe)


    def record_position(cfg: Config, position: Position) -> None:
        os.makedirs(os.path.dirname(cfg.position_file), exist_ok=True)
        tmp = cfg.position_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(position.to_json(), fh, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, cfg.position_file)


    def _http_get(url: str, timeout_s: float) -> tuple[int, str] | None:
        try:
            with urllib.request.urlopen(url, timeout=timeout_s) as resp:
                return resp.status, resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (OSError, ValueError):
            return None


    def peer_position(cfg: Config, name: str) -> Position | None:
        address = cfg.address_of(name)
        host = f"[{address}]" if ":" in address else address
        got = _http_get(f"http://{host}:{cfg.clustercheck_port}/galera-position", timeout_s=3)
        if got is None or got[0] != 200:
            return None
        try:
            return Position.from_json(json.loads(got[1]))
        except (ValueError, KeyError, TypeError):
            return None


    def peer_synced(cfg: Config, name: str) -> bool:
        address = cfg.address_of(name)
        host = f"[{address}]" if ":" in address else address
        got = _http_get(f"http://{host}:{cfg.clustercheck_port}/", timeout_s=3)
        return got is not None and got[0] == 200


    def gather(
        cfg: Config,
        mine: Position,
        fetch: Callable[[Config, str], Position | None] = peer_position,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> Decision:
        """Poll the peers until the decision is not ``wait`` or the wait ends."""
        deadline = clock() + cfg.peer_timeout_s
        last_reason = ""
        while True:
            positions = {cfg.node: mine}
            for name in cfg.member_names:
                if name != cfg.node:
                    got = fetch(cfg, name)
                    if got is not None:
                        positions[name] = got
            decision = decide(cfg.node, cfg.member_names, positions)
            if decision.action != "wait":
                return decision
            if decision.reason != last_reason:
                log(f"waiting: {decision.reason}")
                last_reason = decision.reason
            if clock() >= deadline:
                return Decision(
                    "fail",
                    None,
                    f"gave up after {cfg.peer_timeout_s:.0f} s: {decision.reason}. Start the "
                    "missing members, or if they are lost for good, bootstrap the member with "
                    "the highest seqno by hand (set safe_to_bootstrap: 1 in its grastate.dat)",
                )
            sleep(cfg.poll_interval_s)


    def mark_safe_to_bootstrap(cfg: Config) -> None:
        """Set ``safe_to_bootstrap: 1`` (MariaDB refuses --wsrep-new-cluster otherwise)."""
        path = _grastate_path(cfg)
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except FileNotFoundError:
            return  # first boot: no grastate yet, nothing to refuse
        if re.search(r"^safe_to_bootstrap:\s*1\s*$", text, flags=re.M):
            return
        new = re.sub(r"^safe_to_bootstrap:.*$", "safe_to_bootstrap: 1", text, flags=re.M)
        if new == text:
            new = text.rstrip("\n") + "\nsafe_to_bootstrap: 1\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(new)
        log(f"set safe_to_bootstrap: 1 in {path}")


    def wait_for_synced_peer(cfg: Config, leader: str | None) -> bool:
        deadline = time.monotonic() + cfg.peer_timeout_s
        names = [leader] if leader else [n for n in cfg.member_names if n != cfg.node]
        others = [n for n in cfg.member_names if n != cfg.node]
        while time.monotonic() < deadline:
            for name in [*names, *others]:
                if peer_synced(cfg, name):
                    log(f"{name} is synced")
                    return True
            time.sleep(cfg.poll_interval_s)
        return False


    def with_position(command: list[str], position: Position) -> list[str]:
        """``{position}`` in a command becomes ``uuid:seqno`` (for ``--wsrep-start-position``).

        A node restarted after a crash joins by IST instead of a full SST when
        it starts from its recovered position (measured: tests/live/README.md).
        """
        text = f"{position.uuid}:{position.seqno}"
        return [arg.replace("{position}", text) for arg in command]


    def run_with_position(command: list[str], position: Position) -> int:
        env = dict(os.environ, WSREP_START_POSITION=f"{position.uuid}:{position.seqno}")
        return subprocess.run(command, check=False, env=env).returncode


    def cmd_position(cfg: Config) -> int:
        position = local_position(cfg)
        record_position(cfg, position)
        print(json.dumps(position.to_json(), sort_keys=True))
        return 0


    def cmd_decide(cfg: Config) -> int:
        position = local_position(cfg)
        record_position(cfg, position)
        decision = gather(cfg, position)
        print(json.dumps(decision.to_json(), sort_keys=True))
        return 0 if decision.action in ("bootstrap", "join") else 1


    def cmd_start(cfg: Config) -> int:
        if peer_synced_local(cfg):
            log("the local server is already synced; nothing to do")
            return 0
        position = local_position(cfg)
        record_position(cfg, position)
        log(
            f"local position {position.uuid}:{position.seqno} safe_to_bootstrap="
            f"{int(position.safe_to_bootstrap)}"
        )
        decision = gather(cfg, position)
        log(f"decision: {decision.action} ({decision.reason})")
        if decision.action == "bootstrap":
            mark_safe_to_bootstrap(cfg)
            command = with_position(cfg.bootstrap_command, position)
            log(f"bootstrapping a new Primary Component: {' '.join(command)}")
            return run_with_position(command, position)
        if decision.action == "join":
            if not wait_for_synced_peer(cfg, decision.leader):
                log(f"no member became synced within {cfg.peer_timeout_s:.0f} s; not joining")
                return 1
            return join(cfg, decision, position)
        log(decision.reason)
        return 1


    def join(cfg: Config, decision: Decision, position: Position) -> int:
        """Run the join command, again (bounded) when the state transfer fails."""
        command = with_position(cfg.join_command, position)
        code = 1
        for attempt in range(1, cfg.join_attempts + 1):
            log(f"joining (attempt {attempt} of {cfg.join_attempts}): {' '.join(command)}")
            code = run_with_position(command, position)
            if code == 0:
                return 0
            log(f"the join failed (exit {code})")
            if attempt == cfg.join_attempts:
                break
            time.sleep(cfg.join_retry_delay_s)
            if not wait_for_synced_peer(cfg, decision.leader):
                log(f"no member is synced within {cfg.peer_timeout_s:.0f} s; not joining again")
                return code
        return code


    def peer_synced_local(cfg: Config) -> bool:
        return peer_synced(cfg, cfg.node)


    def cmd_prepare(cfg: Config) -> int:
        """Create the users once, in a private server (no network, no wsrep)."""
        if os.path.exists(cfg.prepared_marker):
            log(f"already prepared ({cfg.prepared_marker} exists)")
            return 0
        if not os.path.isdir(os.path.join(cfg.datadir, "mysql")):
            log(f"initialising {cfg.datadir}")
            subprocess.run(
                [cfg.install_db, *cfg.server_args(), f"--user={cfg.user}", f"--datadir={cfg.datadir}"],
                check=True,
                timeout=300,
            )
        rundir = tempfile.mkdtemp(prefix="galera-prepare-")
        os.chmod(rundir, 0o755)
        if os.geteuid() == 0:
            os.chown(rundir, *_uid_gid(cfg.user))
        sock = os.path.join(rundir, "prepare.sock")
        server = subprocess.Popen(
            [
                cfg.mariadbd,
                *cfg.server_args(),
                f"--user={cfg.user}",
                f"--datadir={cfg.datadir}",
                "--wsrep-on=OFF",
                "--wsrep-provider=none",
                "--skip-networking",
                f"--socket={sock}",
                f"--pid-file={os.path.join(rundir, 'prepare.pid')}",
                f"--log-error={os.path.join(rundir, 'prepare.err')}",
            ]
        )
        try:
            deadline = time.monotonic() + 120
            while not os.path.exists(sock):
                if server.poll() is not None or time.monotonic() > deadline:
                    log(f"the private server did not start; see {rundir}/prepare.err")
                    return 1
                time.sleep(0.5)
            with open(cfg.init_sql, encoding="utf-8") as fh:
                sql = fh.read()
            subprocess.run(
                [cfg.client, f"--socket={sock}", "-u", "root"],
                input=sql,
                text=True,
                check=True,
                timeout=120,
            )
            log("created the SST, clustercheck and admin users")
        finally:
            server.terminate()
            try:
                server.wait(timeout=120)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)
        os.makedirs(os.path.dirname(cfg.prepared_marker), exist_ok=True)
        with open(cfg.prepared_marker, "w", encoding="utf-8") as fh:
            fh.write("prepared\n")
        return 0


    COMMANDS: dict[str, Callable[[Config], int]] = {
        "position": cmd_position,
        "decide": cmd_decide,
        "start": cmd_start,
        "prepare": cmd_prepare,
    }


    def main(argv: list[str] | None = None) -> int:
        p = argparse.ArgumentParser(
            prog="openstack-ha-galera-bootstrap", description=__doc__.split("\n")[0]
        )
        p.add_argument("--config", default="/etc/openstack-ha/galera-bootstrap.json")
        p.add_argument("command", choices=sorted(COMMANDS))
        args = p.parse_args(argv)
        with open(args.config, encoding="utf-8") as fh:
            cfg = Config(json.load(fh))
        return COMMANDS[args.command](cfg)


    if __name__ == "__main__":
        sys.exit(main())
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
      user_data,
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