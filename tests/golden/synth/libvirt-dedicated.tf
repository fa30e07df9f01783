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
resource "libvirt_volume" "cloud_controllers_ctl1_volume_7289A3F2" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-ctl1.qcow2"
  pool           = "default"
  size           = 42949672960
}
resource "libvirt_cloudinit_disk" "cloud_controllers_ctl1_cloudinit_A25573D7" {
  meta_data      = <<EOF
instance-id: ha-lab-ctl1
local-hostname: ctl1
EOF
  name           = "ha-lab-ctl1-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.20/24
    match:
      macaddress: '52:54:00:03:00:14'
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.20/24
    match:
      macaddress: '52:54:00:00:00:14'
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
    - 10.20.1.20/24
    match:
      macaddress: '52:54:00:01:00:14'
    set-name: storage
  tenant:
    addresses:
    - 10.20.2.20/24
    match:
      macaddress: '52:54:00:02:00:14'
    set-name: tenant
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: ctl1
fqdn: ctl1.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- curl
- iproute2
write_files:
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for ctl1 (roles: controller).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[ctl1]: $*"; }
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

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_controllers_ctl1_domain_FB5E1BB0" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_controllers_ctl1_cloudinit_A25573D7.id
  memory     = 8192
  name       = "ha-lab-ctl1"
  qemu_agent = false
  vcpu       = 4
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_controllers_ctl1_volume_7289A3F2.id
  }
  network_interface {
    mac            = "52:54:00:00:00:14"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:14"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:02:00:14"
    network_id     = libvirt_network.cloud_networks_tenant_678DDA62.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:14"
    network_id     = libvirt_network.cloud_networks_external_29FEE1E9.id
    wait_for_lease = false
  }
}
resource "libvirt_volume" "cloud_controllers_ctl2_volume_A12370AB" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-ctl2.qcow2"
  pool           = "default"
  size           = 42949672960
}
resource "libvirt_cloudinit_disk" "cloud_controllers_ctl2_cloudinit_BBE950D4" {
  meta_data      = <<EOF
instance-id: ha-lab-ctl2
local-hostname: ctl2
EOF
  name           = "ha-lab-ctl2-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.21/24
    match:
      macaddress: '52:54:00:03:00:15'
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.21/24
    match:
      macaddress: '52:54:00:00:00:15'
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
    - 10.20.1.21/24
    match:
      macaddress: '52:54:00:01:00:15'
    set-name: storage
  tenant:
    addresses:
    - 10.20.2.21/24
    match:
      macaddress: '52:54:00:02:00:15'
    set-name: tenant
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: ctl2
fqdn: ctl2.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- curl
- iproute2
write_files:
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for ctl2 (roles: controller).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[ctl2]: $*"; }
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

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_controllers_ctl2_domain_C83EDD73" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_controllers_ctl2_cloudinit_BBE950D4.id
  memory     = 8192
  name       = "ha-lab-ctl2"
  qemu_agent = false
  vcpu       = 4
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_controllers_ctl2_volume_A12370AB.id
  }
  network_interface {
    mac            = "52:54:00:00:00:15"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:15"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:02:00:15"
    network_id     = libvirt_network.cloud_networks_tenant_678DDA62.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:15"
    network_id     = libvirt_network.cloud_networks_external_29FEE1E9.id
    wait_for_lease = false
  }
}
resource "libvirt_volume" "cloud_controllers_ctl3_volume_B9B1A715" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-ctl3.qcow2"
  pool           = "default"
  size           = 42949672960
}
resource "libvirt_cloudinit_disk" "cloud_controllers_ctl3_cloudinit_98C351D3" {
  meta_data      = <<EOF
instance-id: ha-lab-ctl3
local-hostname: ctl3
EOF
  name           = "ha-lab-ctl3-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.22/24
    match:
      macaddress: '52:54:00:03:00:16'
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.22/24
    match:
      macaddress: '52:54:00:00:00:16'
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
    - 10.20.1.22/24
    match:
      macaddress: '52:54:00:01:00:16'
    set-name: storage
  tenant:
    addresses:
    - 10.20.2.22/24
    match:
      macaddress: '52:54:00:02:00:16'
    set-name: tenant
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: ctl3
fqdn: ctl3.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- curl
- iproute2
write_files:
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for ctl3 (roles: controller).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[ctl3]: $*"; }
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

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_controllers_ctl3_domain_73CAEA3E" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_controllers_ctl3_cloudinit_98C351D3.id
  memory     = 8192
  name       = "ha-lab-ctl3"
  qemu_agent = false
  vcpu       = 4
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_controllers_ctl3_volume_B9B1A715.id
  }
  network_interface {
    mac            = "52:54:00:00:00:16"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:16"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:02:00:16"
    network_id     = libvirt_network.cloud_networks_tenant_678DDA62.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:16"
    network_id     = libvirt_network.cloud_networks_external_29FEE1E9.id
    wait_for_lease = false
  }
}
resource "libvirt_volume" "cloud_database_sbd-disk_12DFBEF1" {
  format = "raw"
  name   = "ha-lab-database-sbd"
  pool   = "default"
  size   = 16777216
}
resource "libvirt_volume" "cloud_database_db1_volume_D37F78A9" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-db1.qcow2"
  pool           = "default"
  size           = 42949672960
}
resource "libvirt_cloudinit_disk" "cloud_database_db1_cloudinit_AB672D76" {
  meta_data      = <<EOF
instance-id: ha-lab-db1
local-hostname: db1
EOF
  name           = "ha-lab-db1-cloudinit.iso"
  network_config = <<EOF
ethernets:
  mgmt:
    addresses:
    - 10.20.0.40/24
    match:
      macaddress: '52:54:00:00:00:28'
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
    - 10.20.1.40/24
    match:
      macaddress: '52:54:00:01:00:28'
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: db1
fqdn: db1.ha-lab.internal
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
- iproute2
- mariadb-backup
- mariadb-server
- pacemaker
- pacemaker-cli-utils
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
    # Rendered by openstack-ha for cluster database (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: database
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
            name: db1
            ring0_addr: 10.20.0.40
            ring1_addr: 10.20.1.40
        }
        node {
            nodeid: 2
            name: db2
            ring0_addr: 10.20.0.41
            ring1_addr: 10.20.1.41
        }
        node {
            nodeid: 3
            name: db3
            ring0_addr: 10.20.0.42
            ring1_addr: 10.20.1.42
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
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-database
    SBD_WATCHDOG_DEV=/dev/watchdog
    SBD_WATCHDOG_TIMEOUT=5
    SBD_PACEMAKER=yes
    SBD_STARTMODE=always
    SBD_DELAY_START=no
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf
  content: |
    # Rendered by openstack-ha: Galera member db1 of openstack. Re-render the lab instead of editing.
    [mysqld]
    bind-address = 10.20.0.40
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
    wsrep_cluster_address = gcomm://10.20.0.40,10.20.0.41,10.20.0.42
    wsrep_node_name = db1
    wsrep_node_address = 10.20.0.40
    wsrep_sst_receive_address = 10.20.0.40:4444
    wsrep_provider_options = "gmcast.listen_addr=tcp://10.20.0.40:4567; ist.recv_addr=10.20.0.40:4568; gcache.size=512M; evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; evs.install_timeout=PT3S"
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
  content: H4sIAAAAAAACA81Yz4+bOhC+969AnOuQYKlSK9Ljk/ZS9dAe3gkZ29m1Apjahjb//RuDza9Assmm2nch8Xg833jmG+MhoSILqCrSAyemVjzV3OxDvNl92uzCoCG5YMRw9FuYl31YEcoLcuQK4c3nMOCVpCAFvbIu0rqymnofbsOAsEKUqZvfhl8/BEFCZXkQz7UiRsjSSqwMgDt5J7CivNaGq7RSsuLKnKxDgWD7EBxFmZRGG0UqJCtrRod+Hawsm4oIta6LnGlUkoKDz/AEzYkM9luDEDZCMqJBEN1iXxtZQpwQL0mWc+YhzsQOxaj6VoRSol+1VHWBKpkLevIQ53KHAdjVCCOJlsLrkhHNs5GUknHdr7Wj1jdIeN3hsmw3tt5rxCONeFEDjzRwr5FEI8hEcS1rRUcuVEoUwoims3HgJeWo9YHmROs+1GFgThV3CqnO2JgmotSGWDkxRomsBs5OraEFjZGBaZ4urkIVLY7pi9QmzYU2PltzqWfdJJi3ATHeCAiUR+iHznQEgogJfYyyExIsaoQCQiGIDFrk+k17lGrYWft/ZT9JtLB8NG0J2R4OeuKIrGZOFDbHUoEzQGTAQp+2/cbdXBj4yX3YzhpRcFnDyRbb0cSpc9gk6nl2hXnxQ5kX38W8+BHMi1+R/vj9mBffyrz4LzAv/j8xDz+Uefgu5uFHMA+/Iv34/ZiHb2Ue/gvMw+/DPJrLsmPdM8lhAWoFY15Nudlp9cSU9BAGcM9oBONqH75wokwGt0zPVKc+2fgaUZ0D11g6zeH6IvRbK16l/jJEGIO7Rh/QlUmX4mcqi+JLFMGr6CMcCh/PKfxqL7rLVn8VdSPPX25oVJz0rxyeG1oe7kWxbGdC9XXihx6nISrKRdZh3QuiJT3yvib8yEOouuzMM/ezsRr3YnUX6ZQq3nLYg56J1+7ZV8tytTCH0nTugRFlhqocirKdGJfkpCJ385JcNC2rZcv2Sv8Gw1CShYSebsG2m1o1j7fXzTO+Zr2beZPv/hx0jrIBZnfxQNzNtgEjJXPQ/e4MvRa4Ls+h8UVovAb9szd1xs4l9i2c0CAsuCErh2V7WqOZwupL/dIiF25bXlOmdJILdXYbAAS1IH9mZHQyB4LvRWgTknPS9FsYSx6wBangNTd0/f1wtduPZhbGTToA+I541gXb7yj2owB4P6xQmqa5pC1lWk/9AA1tE2mkYLprl0F/0j7brts1bJpKBf/R07d/nr49/fh33L1fh4kHmHgGEw8w8Vth8ACDZzB4gMEXYCDI8zi2uIwfSJ2PQrtUYKB45QPUSAP5BMKJLuhRlKObxuKUI8xuu518uVlkC9Bj5nS7semHtgReRqbW1hjMiuzrh/8A+zCfP/YTAAA=
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
          "address": "10.20.0.40",
          "name": "db1"
        },
        {
          "address": "10.20.0.41",
          "name": "db2"
        },
        {
          "address": "10.20.0.42",
          "name": "db3"
        }
      ],
      "node": "db1",
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
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
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
    ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen 10.20.0.40:9200 --client-cnf /etc/openstack-ha/clustercheck.cnf
    User=mysql
    Restart=always
    RestartSec=2
    RuntimeDirectory=openstack-ha-clustercheck

    [Install]
    WantedBy=multi-user.target
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for db1 (roles: database).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[db1]: $*"; }
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

    # ---- Corosync and Pacemaker: cluster database
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    if ! sbd -d /dev/disk/by-id/virtio-sbd-database dump >/dev/null 2>&1; then
      sbd -d /dev/disk/by-id/virtio-sbd-database -1 5 -4 10 create
      log "initialised the SBD header on /dev/disk/by-id/virtio-sbd-database"
    fi
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster database" quorate || die "no quorum"
    # The lowest nodeid loads the CIB, once, when every member is online: loading
    # it (stonith on) earlier would fence members still installing packages.
    members_online() { [ "$(crm_node -l | awk '$3 == "member"' | wc -l)" -ge 3 ]; }
    if [ ! -e "$STATE/cib-loaded" ]; then
      wait_for 1800 "all 3 members of database online" members_online \
        || log "loading the CIB anyway: the missing members will be fenced, which is what HA demands"
      cib=/etc/openstack-ha/cib.xml
      if cibadmin -Q --scope resources | grep -q '<primitive'; then
        log "the CIB already has resources: leaving it as it is"
      else
        cibadmin --replace --scope configuration --xml-file "$cib"
        log "loaded the CIB of database"
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
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  lifecycle {
    ignore_changes = [
      "user_data",
    ]
  }
}
resource "libvirt_domain" "cloud_database_db1_domain_1CAB9295" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_database_db1_cloudinit_AB672D76.id
  memory     = 4096
  name       = "ha-lab-db1"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_database_db1_volume_D37F78A9.id
  }
  disk {
    volume_id = libvirt_volume.cloud_database_sbd-disk_12DFBEF1.id
  }
  network_interface {
    mac            = "52:54:00:00:00:28"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:28"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
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
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-database-sbd') or @volume='ha-lab-database-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-database</serial>
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
resource "libvirt_volume" "cloud_database_db2_volume_9DE066DE" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-db2.qcow2"
  pool           = "default"
  size           = 42949672960
}
resource "libvirt_cloudinit_disk" "cloud_database_db2_cloudinit_40B87438" {
  meta_data      = <<EOF
instance-id: ha-lab-db2
local-hostname: db2
EOF
  name           = "ha-lab-db2-cloudinit.iso"
  network_config = <<EOF
ethernets:
  mgmt:
    addresses:
    - 10.20.0.41/24
    match:
      macaddress: '52:54:00:00:00:29'
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
    - 10.20.1.41/24
    match:
      macaddress: '52:54:00:01:00:29'
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: db2
fqdn: db2.ha-lab.internal
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
- iproute2
- mariadb-backup
- mariadb-server
- pacemaker
- pacemaker-cli-utils
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
    # Rendered by openstack-ha for cluster database (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: database
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
            name: db1
            ring0_addr: 10.20.0.40
            ring1_addr: 10.20.1.40
        }
        node {
            nodeid: 2
            name: db2
            ring0_addr: 10.20.0.41
            ring1_addr: 10.20.1.41
        }
        node {
            nodeid: 3
            name: db3
            ring0_addr: 10.20.0.42
            ring1_addr: 10.20.1.42
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
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-database
    SBD_WATCHDOG_DEV=/dev/watchdog
    SBD_WATCHDOG_TIMEOUT=5
    SBD_PACEMAKER=yes
    SBD_STARTMODE=always
    SBD_DELAY_START=no
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf
  content: |
    # Rendered by openstack-ha: Galera member db2 of openstack. Re-render the lab instead of editing.
    [mysqld]
    bind-address = 10.20.0.41
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
    wsrep_cluster_address = gcomm://10.20.0.40,10.20.0.41,10.20.0.42
    wsrep_node_name = db2
    wsrep_node_address = 10.20.0.41
    wsrep_sst_receive_address = 10.20.0.41:4444
    wsrep_provider_options = "gmcast.listen_addr=tcp://10.20.0.41:4567; ist.recv_addr=10.20.0.41:4568; gcache.size=512M; evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; evs.install_timeout=PT3S"
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
  content: H4sIAAAAAAACA81Yz4+bOhC+969AnOuQYKlSK9Ljk/ZS9dAe3gkZ29m1Apjahjb//RuDza9Assmm2nch8Xg833jmG+MhoSILqCrSAyemVjzV3OxDvNl92uzCoCG5YMRw9FuYl31YEcoLcuQK4c3nMOCVpCAFvbIu0rqymnofbsOAsEKUqZvfhl8/BEFCZXkQz7UiRsjSSqwMgDt5J7CivNaGq7RSsuLKnKxDgWD7EBxFmZRGG0UqJCtrRod+Hawsm4oIta6LnGlUkoKDz/AEzYkM9luDEDZCMqJBEN1iXxtZQpwQL0mWc+YhzsQOxaj6VoRSol+1VHWBKpkLevIQ53KHAdjVCCOJlsLrkhHNs5GUknHdr7Wj1jdIeN3hsmw3tt5rxCONeFEDjzRwr5FEI8hEcS1rRUcuVEoUwoims3HgJeWo9YHmROs+1GFgThV3CqnO2JgmotSGWDkxRomsBs5OraEFjZGBaZ4urkIVLY7pi9QmzYU2PltzqWfdJJi3ATHeCAiUR+iHznQEgogJfYyyExIsaoQCQiGIDFrk+k17lGrYWft/ZT9JtLB8NG0J2R4OeuKIrGZOFDbHUoEzQGTAQp+2/cbdXBj4yX3YzhpRcFnDyRbb0cSpc9gk6nl2hXnxQ5kX38W8+BHMi1+R/vj9mBffyrz4LzAv/j8xDz+Uefgu5uFHMA+/Iv34/ZiHb2Ue/gvMw+/DPJrLsmPdM8lhAWoFY15Nudlp9cSU9BAGcM9oBONqH75wokwGt0zPVKc+2fgaUZ0D11g6zeH6IvRbK16l/jJEGIO7Rh/QlUmX4mcqi+JLFMGr6CMcCh/PKfxqL7rLVn8VdSPPX25oVJz0rxyeG1oe7kWxbGdC9XXihx6nISrKRdZh3QuiJT3yvib8yEOouuzMM/ezsRr3YnUX6ZQq3nLYg56J1+7ZV8tytTCH0nTugRFlhqocirKdGJfkpCJ385JcNC2rZcv2Sv8Gw1CShYSebsG2m1o1j7fXzTO+Zr2beZPv/hx0jrIBZnfxQNzNtgEjJXPQ/e4MvRa4Ls+h8UVovAb9szd1xs4l9i2c0CAsuCErh2V7WqOZwupL/dIiF25bXlOmdJILdXYbAAS1IH9mZHQyB4LvRWgTknPS9FsYSx6wBangNTd0/f1wtduPZhbGTToA+I541gXb7yj2owB4P6xQmqa5pC1lWk/9AA1tE2mkYLprl0F/0j7brts1bJpKBf/R07d/nr49/fh33L1fh4kHmHgGEw8w8Vth8ACDZzB4gMEXYCDI8zi2uIwfSJ2PQrtUYKB45QPUSAP5BMKJLuhRlKObxuKUI8xuu518uVlkC9Bj5nS7semHtgReRqbW1hjMiuzrh/8A+zCfP/YTAAA=
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
          "address": "10.20.0.40",
          "name": "db1"
        },
        {
          "address": "10.20.0.41",
          "name": "db2"
        },
        {
          "address": "10.20.0.42",
          "name": "db3"
        }
      ],
      "node": "db2",
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
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
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
    ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen 10.20.0.41:9200 --client-cnf /etc/openstack-ha/clustercheck.cnf
    User=mysql
    Restart=always
    RestartSec=2
    RuntimeDirectory=openstack-ha-clustercheck

    [Install]
    WantedBy=multi-user.target
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for db2 (roles: database).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[db2]: $*"; }
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

    # ---- Corosync and Pacemaker: cluster database
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    wait_for 1800 "the SBD header on /dev/disk/by-id/virtio-sbd-database (written by db1)" \
      sbd -d /dev/disk/by-id/virtio-sbd-database dump || die "no SBD header"
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster database" quorate || die "no quorum"

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
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  lifecycle {
    ignore_changes = [
      "user_data",
    ]
  }
}
resource "libvirt_domain" "cloud_database_db2_domain_E90C2049" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_database_db2_cloudinit_40B87438.id
  memory     = 4096
  name       = "ha-lab-db2"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_database_db2_volume_9DE066DE.id
  }
  disk {
    volume_id = libvirt_volume.cloud_database_sbd-disk_12DFBEF1.id
  }
  network_interface {
    mac            = "52:54:00:00:00:29"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:29"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
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
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-database-sbd') or @volume='ha-lab-database-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-database</serial>
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
resource "libvirt_volume" "cloud_database_db3_volume_342DFBA2" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-db3.qcow2"
  pool           = "default"
  size           = 42949672960
}
resource "libvirt_cloudinit_disk" "cloud_database_db3_cloudinit_E95AB455" {
  meta_data      = <<EOF
instance-id: ha-lab-db3
local-hostname: db3
EOF
  name           = "ha-lab-db3-cloudinit.iso"
  network_config = <<EOF
ethernets:
  mgmt:
    addresses:
    - 10.20.0.42/24
    match:
      macaddress: 52:54:00:00:00:2a
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
    - 10.20.1.42/24
    match:
      macaddress: 52:54:00:01:00:2a
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: db3
fqdn: db3.ha-lab.internal
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
- iproute2
- mariadb-backup
- mariadb-server
- pacemaker
- pacemaker-cli-utils
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
    # Rendered by openstack-ha for cluster database (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: database
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
            name: db1
            ring0_addr: 10.20.0.40
            ring1_addr: 10.20.1.40
        }
        node {
            nodeid: 2
            name: db2
            ring0_addr: 10.20.0.41
            ring1_addr: 10.20.1.41
        }
        node {
            nodeid: 3
            name: db3
            ring0_addr: 10.20.0.42
            ring1_addr: 10.20.1.42
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
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-database
    SBD_WATCHDOG_DEV=/dev/watchdog
    SBD_WATCHDOG_TIMEOUT=5
    SBD_PACEMAKER=yes
    SBD_STARTMODE=always
    SBD_DELAY_START=no
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/mysql/mariadb.conf.d/99-openstack-ha-galera.cnf
  content: |
    # Rendered by openstack-ha: Galera member db3 of openstack. Re-render the lab instead of editing.
    [mysqld]
    bind-address = 10.20.0.42
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
    wsrep_cluster_address = gcomm://10.20.0.40,10.20.0.41,10.20.0.42
    wsrep_node_name = db3
    wsrep_node_address = 10.20.0.42
    wsrep_sst_receive_address = 10.20.0.42:4444
    wsrep_provider_options = "gmcast.listen_addr=tcp://10.20.0.42:4567; ist.recv_addr=10.20.0.42:4568; gcache.size=512M; evs.keepalive_period=PT0.5S; evs.suspect_timeout=PT2S; evs.inactive_timeout=PT4S; evs.install_timeout=PT3S"
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
  content: H4sIAAAAAAACA81Yz4+bOhC+969AnOuQYKlSK9Ljk/ZS9dAe3gkZ29m1Apjahjb//RuDza9Assmm2nch8Xg833jmG+MhoSILqCrSAyemVjzV3OxDvNl92uzCoCG5YMRw9FuYl31YEcoLcuQK4c3nMOCVpCAFvbIu0rqymnofbsOAsEKUqZvfhl8/BEFCZXkQz7UiRsjSSqwMgDt5J7CivNaGq7RSsuLKnKxDgWD7EBxFmZRGG0UqJCtrRod+Hawsm4oIta6LnGlUkoKDz/AEzYkM9luDEDZCMqJBEN1iXxtZQpwQL0mWc+YhzsQOxaj6VoRSol+1VHWBKpkLevIQ53KHAdjVCCOJlsLrkhHNs5GUknHdr7Wj1jdIeN3hsmw3tt5rxCONeFEDjzRwr5FEI8hEcS1rRUcuVEoUwoims3HgJeWo9YHmROs+1GFgThV3CqnO2JgmotSGWDkxRomsBs5OraEFjZGBaZ4urkIVLY7pi9QmzYU2PltzqWfdJJi3ATHeCAiUR+iHznQEgogJfYyyExIsaoQCQiGIDFrk+k17lGrYWft/ZT9JtLB8NG0J2R4OeuKIrGZOFDbHUoEzQGTAQp+2/cbdXBj4yX3YzhpRcFnDyRbb0cSpc9gk6nl2hXnxQ5kX38W8+BHMi1+R/vj9mBffyrz4LzAv/j8xDz+Uefgu5uFHMA+/Iv34/ZiHb2Ue/gvMw+/DPJrLsmPdM8lhAWoFY15Nudlp9cSU9BAGcM9oBONqH75wokwGt0zPVKc+2fgaUZ0D11g6zeH6IvRbK16l/jJEGIO7Rh/QlUmX4mcqi+JLFMGr6CMcCh/PKfxqL7rLVn8VdSPPX25oVJz0rxyeG1oe7kWxbGdC9XXihx6nISrKRdZh3QuiJT3yvib8yEOouuzMM/ezsRr3YnUX6ZQq3nLYg56J1+7ZV8tytTCH0nTugRFlhqocirKdGJfkpCJ385JcNC2rZcv2Sv8Gw1CShYSebsG2m1o1j7fXzTO+Zr2beZPv/hx0jrIBZnfxQNzNtgEjJXPQ/e4MvRa4Ls+h8UVovAb9szd1xs4l9i2c0CAsuCErh2V7WqOZwupL/dIiF25bXlOmdJILdXYbAAS1IH9mZHQyB4LvRWgTknPS9FsYSx6wBangNTd0/f1wtduPZhbGTToA+I541gXb7yj2owB4P6xQmqa5pC1lWk/9AA1tE2mkYLprl0F/0j7brts1bJpKBf/R07d/nr49/fh33L1fh4kHmHgGEw8w8Vth8ACDZzB4gMEXYCDI8zi2uIwfSJ2PQrtUYKB45QPUSAP5BMKJLuhRlKObxuKUI8xuu518uVlkC9Bj5nS7semHtgReRqbW1hjMiuzrh/8A+zCfP/YTAAA=
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
          "address": "10.20.0.40",
          "name": "db1"
        },
        {
          "address": "10.20.0.41",
          "name": "db2"
        },
        {
          "address": "10.20.0.42",
          "name": "db3"
        }
      ],
      "node": "db3",
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
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
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
    ExecStart=/usr/local/sbin/openstack-ha-clustercheck --listen 10.20.0.42:9200 --client-cnf /etc/openstack-ha/clustercheck.cnf
    User=mysql
    Restart=always
    RestartSec=2
    RuntimeDirectory=openstack-ha-clustercheck

    [Install]
    WantedBy=multi-user.target
  owner: root:root
  permissions: '0644'
  defer: true
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for db3 (roles: database).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[db3]: $*"; }
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

    # ---- Corosync and Pacemaker: cluster database
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    wait_for 1800 "the SBD header on /dev/disk/by-id/virtio-sbd-database (written by db1)" \
      sbd -d /dev/disk/by-id/virtio-sbd-database dump || die "no SBD header"
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster database" quorate || die "no quorum"

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
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  lifecycle {
    ignore_changes = [
      "user_data",
    ]
  }
}
resource "libvirt_domain" "cloud_database_db3_domain_AF784403" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_database_db3_cloudinit_E95AB455.id
  memory     = 4096
  name       = "ha-lab-db3"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_database_db3_volume_342DFBA2.id
  }
  disk {
    volume_id = libvirt_volume.cloud_database_sbd-disk_12DFBEF1.id
  }
  network_interface {
    mac            = "52:54:00:00:00:2a"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:2a"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
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
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-database-sbd') or @volume='ha-lab-database-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-database</serial>
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
resource "libvirt_volume" "cloud_brokers_mq1_volume_144D2B87" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-mq1.qcow2"
  pool           = "default"
  size           = 21474836480
}
resource "libvirt_cloudinit_disk" "cloud_brokers_mq1_cloudinit_CA118906" {
  meta_data      = <<EOF
instance-id: ha-lab-mq1
local-hostname: mq1
EOF
  name           = "ha-lab-mq1-cloudinit.iso"
  network_config = <<EOF
ethernets:
  mgmt:
    addresses:
    - 10.20.0.60/24
    match:
      macaddress: 52:54:00:00:00:3c
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
    - 10.20.1.60/24
    match:
      macaddress: 52:54:00:01:00:3c
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: mq1
fqdn: mq1.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- curl
- iproute2
- rabbitmq-server
write_files:
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
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
    NODENAME=rabbit@mq1
    ERL_EPMD_ADDRESS=10.20.0.60
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq.conf
  content: |
    # Rendered by openstack-ha: broker mq1 (clustered). Re-render the lab instead of editing.
    listeners.tcp.1 = 10.20.0.60:5672
    distribution.listener.interface = 10.20.0.60
    distribution.listener.port_range.min = 25672
    distribution.listener.port_range.max = 25672
    management.tcp.ip = 10.20.0.60
    management.tcp.port = 15672
    loopback_users.guest = true
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@mq1
    cluster_formation.classic_config.nodes.2 = rabbit@mq2
    cluster_formation.classic_config.nodes.3 = rabbit@mq3
    cluster_partition_handling = pause_minority
  owner: root:rabbitmq
  permissions: '0640'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
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
    # Rendered by openstack-ha for mq1 (roles: broker).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[mq1]: $*"; }
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

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_brokers_mq1_domain_27A406CA" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_brokers_mq1_cloudinit_CA118906.id
  memory     = 4096
  name       = "ha-lab-mq1"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_brokers_mq1_volume_144D2B87.id
  }
  network_interface {
    mac            = "52:54:00:00:00:3c"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:3c"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
}
resource "libvirt_volume" "cloud_brokers_mq2_volume_5AE94157" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-mq2.qcow2"
  pool           = "default"
  size           = 21474836480
}
resource "libvirt_cloudinit_disk" "cloud_brokers_mq2_cloudinit_514D246A" {
  meta_data      = <<EOF
instance-id: ha-lab-mq2
local-hostname: mq2
EOF
  name           = "ha-lab-mq2-cloudinit.iso"
  network_config = <<EOF
ethernets:
  mgmt:
    addresses:
    - 10.20.0.61/24
    match:
      macaddress: 52:54:00:00:00:3d
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
    - 10.20.1.61/24
    match:
      macaddress: 52:54:00:01:00:3d
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: mq2
fqdn: mq2.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- curl
- iproute2
- rabbitmq-server
write_files:
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
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
    NODENAME=rabbit@mq2
    ERL_EPMD_ADDRESS=10.20.0.61
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq.conf
  content: |
    # Rendered by openstack-ha: broker mq2 (clustered). Re-render the lab instead of editing.
    listeners.tcp.1 = 10.20.0.61:5672
    distribution.listener.interface = 10.20.0.61
    distribution.listener.port_range.min = 25672
    distribution.listener.port_range.max = 25672
    management.tcp.ip = 10.20.0.61
    management.tcp.port = 15672
    loopback_users.guest = true
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@mq1
    cluster_formation.classic_config.nodes.2 = rabbit@mq2
    cluster_formation.classic_config.nodes.3 = rabbit@mq3
    cluster_partition_handling = pause_minority
  owner: root:rabbitmq
  permissions: '0640'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
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
    # Rendered by openstack-ha for mq2 (roles: broker).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[mq2]: $*"; }
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
    wait_for 1800 "mq1 accepting AMQP on 10.20.0.60:5672" \
      tcp_open 10.20.0.60 5672 || die "the first broker never came up"
    systemctl enable rabbitmq-server
    systemctl start rabbitmq-server
    wait_for 600 "RabbitMQ on this node" rabbit_ready || die "RabbitMQ did not start"

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_brokers_mq2_domain_FCEBC52F" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_brokers_mq2_cloudinit_514D246A.id
  memory     = 4096
  name       = "ha-lab-mq2"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_brokers_mq2_volume_5AE94157.id
  }
  network_interface {
    mac            = "52:54:00:00:00:3d"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:3d"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
}
resource "libvirt_volume" "cloud_brokers_mq3_volume_DCEF5F81" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-mq3.qcow2"
  pool           = "default"
  size           = 21474836480
}
resource "libvirt_cloudinit_disk" "cloud_brokers_mq3_cloudinit_893AC321" {
  meta_data      = <<EOF
instance-id: ha-lab-mq3
local-hostname: mq3
EOF
  name           = "ha-lab-mq3-cloudinit.iso"
  network_config = <<EOF
ethernets:
  mgmt:
    addresses:
    - 10.20.0.62/24
    match:
      macaddress: 52:54:00:00:00:3e
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
    - 10.20.1.62/24
    match:
      macaddress: 52:54:00:01:00:3e
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: mq3
fqdn: mq3.ha-lab.internal
prefer_fqdn_over_hostname: false
manage_etc_hosts: false
bootcmd:
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || printf ''#!/bin/sh\n# openstack-ha: no service starts before it is configured\nexit 101\n'' > /usr/sbin/policy-rc.d'
- '[ -e /var/lib/openstack-ha/bootstrap.done ] || chmod 0755 /usr/sbin/policy-rc.d'
package_update: true
packages:
- chrony
- curl
- iproute2
- rabbitmq-server
write_files:
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
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
    NODENAME=rabbit@mq3
    ERL_EPMD_ADDRESS=10.20.0.62
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/rabbitmq/rabbitmq.conf
  content: |
    # Rendered by openstack-ha: broker mq3 (clustered). Re-render the lab instead of editing.
    listeners.tcp.1 = 10.20.0.62:5672
    distribution.listener.interface = 10.20.0.62
    distribution.listener.port_range.min = 25672
    distribution.listener.port_range.max = 25672
    management.tcp.ip = 10.20.0.62
    management.tcp.port = 15672
    loopback_users.guest = true
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@mq1
    cluster_formation.classic_config.nodes.2 = rabbit@mq2
    cluster_formation.classic_config.nodes.3 = rabbit@mq3
    cluster_partition_handling = pause_minority
  owner: root:rabbitmq
  permissions: '0640'
  defer: true
- path: /etc/sysctl.d/90-openstack-ha.conf
  content: |
    # Rendered by openstack-ha.
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
    # Rendered by openstack-ha for mq3 (roles: broker).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[mq3]: $*"; }
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
    wait_for 1800 "mq1 accepting AMQP on 10.20.0.60:5672" \
      tcp_open 10.20.0.60 5672 || die "the first broker never came up"
    systemctl enable rabbitmq-server
    systemctl start rabbitmq-server
    wait_for 600 "RabbitMQ on this node" rabbit_ready || die "RabbitMQ did not start"

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_brokers_mq3_domain_928744FA" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_brokers_mq3_cloudinit_893AC321.id
  memory     = 4096
  name       = "ha-lab-mq3"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_brokers_mq3_volume_DCEF5F81.id
  }
  network_interface {
    mac            = "52:54:00:00:00:3e"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:3e"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
}
resource "libvirt_volume" "cloud_load_balancers_sbd-disk_2C41940C" {
  format = "raw"
  name   = "ha-lab-load_balancers-sbd"
  pool   = "default"
  size   = 16777216
}
resource "libvirt_volume" "cloud_load_balancers_lb1_volume_55075658" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-lb1.qcow2"
  pool           = "default"
  size           = 21474836480
}
resource "libvirt_cloudinit_disk" "cloud_load_balancers_lb1_cloudinit_24F00813" {
  meta_data      = <<EOF
instance-id: ha-lab-lb1
local-hostname: lb1
EOF
  name           = "ha-lab-lb1-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.80/24
    match:
      macaddress: '52:54:00:03:00:50'
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.80/24
    match:
      macaddress: '52:54:00:00:00:50'
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
    - 10.20.1.80/24
    match:
      macaddress: '52:54:00:01:00:50'
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: lb1
fqdn: lb1.ha-lab.internal
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
- haproxy
- iproute2
- pacemaker
- pacemaker-cli-utils
- resource-agents
- sbd
write_files:
- path: /etc/corosync/authkey.b64
  content: ${random_bytes.cloud_secrets_corosync_authkey_F07AD555.base64}
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/corosync/corosync.conf
  content: |
    # Rendered by openstack-ha for cluster load_balancers (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: load_balancers
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
            ring0_addr: 10.20.0.80
            ring1_addr: 10.20.1.80
        }
        node {
            nodeid: 2
            name: lb2
            ring0_addr: 10.20.0.81
            ring1_addr: 10.20.1.81
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
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/default/sbd
  content: |
    # Rendered by openstack-ha: disk-based SBD on the cluster's shared disk.
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-load_balancers
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
        bind 10.20.0.80:1936
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
        server ctl1 10.20.0.20:5000 check
        server ctl2 10.20.0.21:5000 check
        server ctl3 10.20.0.22:5000 check

    listen glance
        bind 10.20.3.10:9292
        bind 10.20.0.10:9292
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:9292 check
        server ctl2 10.20.0.21:9292 check
        server ctl3 10.20.0.22:9292 check

    listen nova
        bind 10.20.3.10:8774
        bind 10.20.0.10:8774
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8774 check
        server ctl2 10.20.0.21:8774 check
        server ctl3 10.20.0.22:8774 check

    listen nova_metadata
        bind 10.20.0.10:8775
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8775 check
        server ctl2 10.20.0.21:8775 check
        server ctl3 10.20.0.22:8775 check

    listen placement
        bind 10.20.3.10:8778
        bind 10.20.0.10:8778
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8778 check
        server ctl2 10.20.0.21:8778 check
        server ctl3 10.20.0.22:8778 check

    listen neutron
        bind 10.20.3.10:9696
        bind 10.20.0.10:9696
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:9696 check
        server ctl2 10.20.0.21:9696 check
        server ctl3 10.20.0.22:9696 check

    listen cinder
        bind 10.20.3.10:8776
        bind 10.20.0.10:8776
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8776 check
        server ctl2 10.20.0.21:8776 check
        server ctl3 10.20.0.22:8776 check

    listen heat
        bind 10.20.3.10:8004
        bind 10.20.0.10:8004
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8004 check
        server ctl2 10.20.0.21:8004 check
        server ctl3 10.20.0.22:8004 check

    listen heat_cfn
        bind 10.20.3.10:8000
        bind 10.20.0.10:8000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8000 check
        server ctl2 10.20.0.21:8000 check
        server ctl3 10.20.0.22:8000 check

    listen horizon
        bind 10.20.3.10:80
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:80 check
        server ctl2 10.20.0.21:80 check
        server ctl3 10.20.0.22:80 check

    listen novncproxy
        bind 10.20.3.10:6080
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:6080 check
        server ctl2 10.20.0.21:6080 check
        server ctl3 10.20.0.22:6080 check

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
        server db1 10.20.0.40:3306 check
        server db2 10.20.0.41:3306 check backup
        server db3 10.20.0.42:3306 check backup
  owner: root:haproxy
  permissions: '0640'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/openstack-ha/cib.xml
  encoding: gz+b64
  content: H4sIAAAAAAACA81YQY/bKhC+91dYvhM77HsrPSnpsdJe2nd4l54sbEiDYhsK2G/z7zsQG2Ov14m3WW0vkTMM8w0zHwPDruB5VKgqOzBiGsUyzcw+fthsHzfbOGpJySkxDP3PzXEfS1KwipyYQg+bf+KISVGAFPTqpsoaaTX1Pk7jiNCK11k3nsafP0XRrhD1gf9oFDFc1FZiZQB8kV8EVlQ22jCVSSUkU+ZsHYo43cfgKMqFMNooIpGQ1oyO+3kws24l4ep1XdSZRjWpGPgMv6A5ksF6GxCWgtAsJyWpC6Z0HCVrULQRNUQLsZrkJaM90Atxh2VUw1Yi1AL9bIRqKiRFyYtzD/FS3mEAtgwwdslckLuUJNOc7GpBmfZz7T/nG6S9ueCW+Ta07jVwoIG9xi4JDO4U06JRRQAgFa+44e3FxoFBDpBDKEqitQ9kHJmzZJ1CpnMaUoHX2tjkZcQYxfMGeDm2hmY0AgPjLCzOQrKoTtlRaJOVXJs+F1Npz6xRqNYBUdZyCFSP4P92phMQJJTrU5KfEadJyxXQBUFk0AKfV61UqGF97vsOq3KBoqwk56wiz6PwBdIOaPv3ZDcmMyaDYctuV2/0yDkhJ45VllJCgYOwKwALPaY+zt1YHPWD+9iNGl4x0UCxxOnUqZewu8TT+grR8V2Jjt9EdHwPouMbKIE/muh4LdHxO/AP/wn8a7lEssnh3PAEFMUhjuCIaDllah8fGVEmh2tCz8infwmlCt/Cx8H6KkIuT0Nc9kGyX32NSDc43cANJl3I/xXDBacqq5mpiD75m8JI1oHhv+7Ih8CpF4TYLhJi+06EcAg1Kd+LEr391aRYmrhEi/Q6LRZNfxwxvFt/CDXgsk9yotl7UaO3v5oaSxOvUGN7hRqLpj+OGt6tD6FGUYr6QosjgfQ/n5GThHkes6dTG+454A4c8D1P+uHJaueCMIShh4ZAKjOsf1i+GwgXP1r7Yzq9LMyZFnLesm2ufsPwXbM2n7fZzIGwYoZMN98oi2ii8erOW5x1WVrJSOv77lDyaiecTOyEDSzA9P3kpIe0Lw22YQaIYYbSBXS1pShcYC7Ntf+LgpPXvnQgT1FdCGVr19cvT1+f/vseR2BnfFdy+k46pn/QEF/H9sX9VvThYL4Lvq8gt+IP1f9GfKHgVHDQ7iuMuDmyesA88RqUvrmnDru+A1fajENuJ7wBzgf5ZsAhym+E9HG9GXII7A2Qo5T6hA5tLWkFp/ryeuJSFLym2EeYrnPv0oyGPK+BwQMMnsDgAQYvwMB2nu5Yh0vZgTRlsInnyhUoXnkMDDRQXyqgmvMC0sC0L7WzQ/6GkI7ez2brEhSiidNuYeNHzx0cRKbR1hiM8vzzp1+nY7FxghUAAA==
  owner: root:root
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
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for lb1 (roles: load_balancer).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[lb1]: $*"; }
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

    # ---- HAProxy
    haproxy -c -q -f /etc/haproxy/haproxy.cfg || die "haproxy -c rejects /etc/haproxy/haproxy.cfg"
    # The haproxy clone of the CIB starts it: systemd must not.
    systemctl disable --now haproxy >/dev/null 2>&1 || true

    # ---- Corosync and Pacemaker: cluster load_balancers
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    if ! sbd -d /dev/disk/by-id/virtio-sbd-load_balancers dump >/dev/null 2>&1; then
      sbd -d /dev/disk/by-id/virtio-sbd-load_balancers -1 5 -4 10 create
      log "initialised the SBD header on /dev/disk/by-id/virtio-sbd-load_balancers"
    fi
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster load_balancers" quorate || die "no quorum"
    # The lowest nodeid loads the CIB, once, when every member is online: loading
    # it (stonith on) earlier would fence members still installing packages.
    members_online() { [ "$(crm_node -l | awk '$3 == "member"' | wc -l)" -ge 2 ]; }
    if [ ! -e "$STATE/cib-loaded" ]; then
      wait_for 1800 "all 2 members of load_balancers online" members_online \
        || log "loading the CIB anyway: the missing members will be fenced, which is what HA demands"
      cib=/etc/openstack-ha/cib.xml
      if cibadmin -Q --scope resources | grep -q '<primitive'; then
        log "the CIB already has resources: leaving it as it is"
      else
        cibadmin --replace --scope configuration --xml-file "$cib"
        log "loaded the CIB of load_balancers"
      fi
      touch "$STATE/cib-loaded"
    fi

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_load_balancers_lb1_domain_13D86CE5" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_load_balancers_lb1_cloudinit_24F00813.id
  memory     = 2048
  name       = "ha-lab-lb1"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_load_balancers_lb1_volume_55075658.id
  }
  disk {
    volume_id = libvirt_volume.cloud_load_balancers_sbd-disk_2C41940C.id
  }
  network_interface {
    mac            = "52:54:00:00:00:50"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:50"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:50"
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
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-load_balancers-sbd') or @volume='ha-lab-load_balancers-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-load_balancers</serial>
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
resource "libvirt_volume" "cloud_load_balancers_lb2_volume_C448699B" {
  base_volume_id = libvirt_volume.base-image-host.id
  format         = "qcow2"
  name           = "ha-lab-lb2.qcow2"
  pool           = "default"
  size           = 21474836480
}
resource "libvirt_cloudinit_disk" "cloud_load_balancers_lb2_cloudinit_DA3FE2BC" {
  meta_data      = <<EOF
instance-id: ha-lab-lb2
local-hostname: lb2
EOF
  name           = "ha-lab-lb2-cloudinit.iso"
  network_config = <<EOF
ethernets:
  external:
    addresses:
    - 10.20.3.81/24
    match:
      macaddress: '52:54:00:03:00:51'
    set-name: external
  mgmt:
    addresses:
    - 10.20.0.81/24
    match:
      macaddress: '52:54:00:00:00:51'
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
    - 10.20.1.81/24
    match:
      macaddress: '52:54:00:01:00:51'
    set-name: storage
version: 2
EOF
  pool           = "default"
  user_data      = <<EOF
#cloud-config
hostname: lb2
fqdn: lb2.ha-lab.internal
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
- haproxy
- iproute2
- pacemaker
- pacemaker-cli-utils
- resource-agents
- sbd
write_files:
- path: /etc/corosync/authkey.b64
  content: ${random_bytes.cloud_secrets_corosync_authkey_F07AD555.base64}
  owner: root:root
  permissions: '0600'
  defer: true
- path: /etc/corosync/corosync.conf
  content: |
    # Rendered by openstack-ha for cluster load_balancers (link 0 on management, link 1 on storage).
    # Identical on every member; re-render the lab instead of editing.
    totem {
        version: 2
        cluster_name: load_balancers
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
            ring0_addr: 10.20.0.80
            ring1_addr: 10.20.1.80
        }
        node {
            nodeid: 2
            name: lb2
            ring0_addr: 10.20.0.81
            ring1_addr: 10.20.1.81
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
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/default/sbd
  content: |
    # Rendered by openstack-ha: disk-based SBD on the cluster's shared disk.
    SBD_DEVICE=/dev/disk/by-id/virtio-sbd-load_balancers
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
        bind 10.20.0.81:1936
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
        server ctl1 10.20.0.20:5000 check
        server ctl2 10.20.0.21:5000 check
        server ctl3 10.20.0.22:5000 check

    listen glance
        bind 10.20.3.10:9292
        bind 10.20.0.10:9292
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:9292 check
        server ctl2 10.20.0.21:9292 check
        server ctl3 10.20.0.22:9292 check

    listen nova
        bind 10.20.3.10:8774
        bind 10.20.0.10:8774
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8774 check
        server ctl2 10.20.0.21:8774 check
        server ctl3 10.20.0.22:8774 check

    listen nova_metadata
        bind 10.20.0.10:8775
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8775 check
        server ctl2 10.20.0.21:8775 check
        server ctl3 10.20.0.22:8775 check

    listen placement
        bind 10.20.3.10:8778
        bind 10.20.0.10:8778
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8778 check
        server ctl2 10.20.0.21:8778 check
        server ctl3 10.20.0.22:8778 check

    listen neutron
        bind 10.20.3.10:9696
        bind 10.20.0.10:9696
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:9696 check
        server ctl2 10.20.0.21:9696 check
        server ctl3 10.20.0.22:9696 check

    listen cinder
        bind 10.20.3.10:8776
        bind 10.20.0.10:8776
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8776 check
        server ctl2 10.20.0.21:8776 check
        server ctl3 10.20.0.22:8776 check

    listen heat
        bind 10.20.3.10:8004
        bind 10.20.0.10:8004
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8004 check
        server ctl2 10.20.0.21:8004 check
        server ctl3 10.20.0.22:8004 check

    listen heat_cfn
        bind 10.20.3.10:8000
        bind 10.20.0.10:8000
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:8000 check
        server ctl2 10.20.0.21:8000 check
        server ctl3 10.20.0.22:8000 check

    listen horizon
        bind 10.20.3.10:80
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:80 check
        server ctl2 10.20.0.21:80 check
        server ctl3 10.20.0.22:80 check

    listen novncproxy
        bind 10.20.3.10:6080
        mode http
        option httplog
        option forwardfor
        default-server inter 2000 rise 2 fall 3
        balance roundrobin
        server ctl1 10.20.0.20:6080 check
        server ctl2 10.20.0.21:6080 check
        server ctl3 10.20.0.22:6080 check

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
        server db1 10.20.0.40:3306 check
        server db2 10.20.0.41:3306 check backup
        server db3 10.20.0.42:3306 check backup
  owner: root:haproxy
  permissions: '0640'
  defer: true
- path: /etc/hosts
  content: "# Rendered by openstack-ha: every lab node on its management address.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.20.0.20\tctl1.ha-lab.internal ctl1\n10.20.0.21\tctl2.ha-lab.internal ctl2\n10.20.0.22\tctl3.ha-lab.internal ctl3\n10.20.0.40\tdb1.ha-lab.internal db1\n10.20.0.41\tdb2.ha-lab.internal db2\n10.20.0.42\tdb3.ha-lab.internal db3\n10.20.0.60\tmq1.ha-lab.internal mq1\n10.20.0.61\tmq2.ha-lab.internal mq2\n10.20.0.62\tmq3.ha-lab.internal mq3\n10.20.0.80\tlb1.ha-lab.internal lb1\n10.20.0.81\tlb2.ha-lab.internal lb2\n"
  owner: root:root
  permissions: '0644'
  defer: true
- path: /etc/openstack-ha/cib.xml
  encoding: gz+b64
  content: H4sIAAAAAAACA81YQY/bKhC+91dYvhM77HsrPSnpsdJe2nd4l54sbEiDYhsK2G/z7zsQG2Ov14m3WW0vkTMM8w0zHwPDruB5VKgqOzBiGsUyzcw+fthsHzfbOGpJySkxDP3PzXEfS1KwipyYQg+bf+KISVGAFPTqpsoaaTX1Pk7jiNCK11k3nsafP0XRrhD1gf9oFDFc1FZiZQB8kV8EVlQ22jCVSSUkU+ZsHYo43cfgKMqFMNooIpGQ1oyO+3kws24l4ep1XdSZRjWpGPgMv6A5ksF6GxCWgtAsJyWpC6Z0HCVrULQRNUQLsZrkJaM90Atxh2VUw1Yi1AL9bIRqKiRFyYtzD/FS3mEAtgwwdslckLuUJNOc7GpBmfZz7T/nG6S9ueCW+Ta07jVwoIG9xi4JDO4U06JRRQAgFa+44e3FxoFBDpBDKEqitQ9kHJmzZJ1CpnMaUoHX2tjkZcQYxfMGeDm2hmY0AgPjLCzOQrKoTtlRaJOVXJs+F1Npz6xRqNYBUdZyCFSP4P92phMQJJTrU5KfEadJyxXQBUFk0AKfV61UqGF97vsOq3KBoqwk56wiz6PwBdIOaPv3ZDcmMyaDYctuV2/0yDkhJ45VllJCgYOwKwALPaY+zt1YHPWD+9iNGl4x0UCxxOnUqZewu8TT+grR8V2Jjt9EdHwPouMbKIE/muh4LdHxO/AP/wn8a7lEssnh3PAEFMUhjuCIaDllah8fGVEmh2tCz8infwmlCt/Cx8H6KkIuT0Nc9kGyX32NSDc43cANJl3I/xXDBacqq5mpiD75m8JI1oHhv+7Ih8CpF4TYLhJi+06EcAg1Kd+LEr391aRYmrhEi/Q6LRZNfxwxvFt/CDXgsk9yotl7UaO3v5oaSxOvUGN7hRqLpj+OGt6tD6FGUYr6QosjgfQ/n5GThHkes6dTG+454A4c8D1P+uHJaueCMIShh4ZAKjOsf1i+GwgXP1r7Yzq9LMyZFnLesm2ufsPwXbM2n7fZzIGwYoZMN98oi2ii8erOW5x1WVrJSOv77lDyaiecTOyEDSzA9P3kpIe0Lw22YQaIYYbSBXS1pShcYC7Ntf+LgpPXvnQgT1FdCGVr19cvT1+f/vseR2BnfFdy+k46pn/QEF/H9sX9VvThYL4Lvq8gt+IP1f9GfKHgVHDQ7iuMuDmyesA88RqUvrmnDru+A1fajENuJ7wBzgf5ZsAhym+E9HG9GXII7A2Qo5T6hA5tLWkFp/ryeuJSFLym2EeYrnPv0oyGPK+BwQMMnsDgAQYvwMB2nu5Yh0vZgTRlsInnyhUoXnkMDDRQXyqgmvMC0sC0L7WzQ/6GkI7ez2brEhSiidNuYeNHzx0cRKbR1hiM8vzzp1+nY7FxghUAAA==
  owner: root:root
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
- path: /usr/local/sbin/openstack-ha-bootstrap
  content: |
    #!/bin/bash
    # Rendered by openstack-ha for lb2 (roles: load_balancer).
    # Brings this node's services up from the rendered files. cloud-init runs it
    # once (runcmd); running it again is safe: every step checks before it acts,
    # so a failed run can simply be repeated. Log: /var/log/openstack-ha-bootstrap.log
    set -euo pipefail
    umask 022
    STATE=/var/lib/openstack-ha
    mkdir -p "$STATE" /run/openstack-ha
    exec > >(tee -a /var/log/openstack-ha-bootstrap.log) 2>&1

    log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) openstack-ha-bootstrap[lb2]: $*"; }
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

    # ---- HAProxy
    haproxy -c -q -f /etc/haproxy/haproxy.cfg || die "haproxy -c rejects /etc/haproxy/haproxy.cfg"
    # The haproxy clone of the CIB starts it: systemd must not.
    systemctl disable --now haproxy >/dev/null 2>&1 || true

    # ---- Corosync and Pacemaker: cluster load_balancers
    install_b64 /etc/corosync/authkey.b64 /etc/corosync/authkey 0400 root:root
    printf '%s:%s\n' hacluster '${random_password.cloud_secrets_hacluster_password_63166AF9.result}' | chpasswd
    if [ ! -e /dev/watchdog ]; then
      # The platform gives the VM an i6300esb watchdog; softdog is the fallback.
      modprobe i6300esb || modprobe softdog || die "no watchdog for SBD (/dev/watchdog)"
      log "loaded a watchdog driver for SBD"
    fi
    wait_for 1800 "the SBD header on /dev/disk/by-id/virtio-sbd-load_balancers (written by lb1)" \
      sbd -d /dev/disk/by-id/virtio-sbd-load_balancers dump || die "no SBD header"
    systemctl enable sbd
    systemctl enable corosync pacemaker
    systemctl start pacemaker
    quorate() { [ "$(crm_node -q)" = 1 ]; }
    wait_for 1800 "quorum in cluster load_balancers" quorate || die "no quorum"

    touch /var/lib/openstack-ha/bootstrap.done
    log "done"
  owner: root:root
  permissions: '0700'
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
resource "libvirt_domain" "cloud_load_balancers_lb2_domain_88EFDF56" {
  autostart  = true
  cloudinit  = libvirt_cloudinit_disk.cloud_load_balancers_lb2_cloudinit_DA3FE2BC.id
  memory     = 2048
  name       = "ha-lab-lb2"
  qemu_agent = false
  vcpu       = 2
  console {
    target_port = "0"
    target_type = "serial"
    type        = "pty"
  }
  disk {
    volume_id = libvirt_volume.cloud_load_balancers_lb2_volume_C448699B.id
  }
  disk {
    volume_id = libvirt_volume.cloud_load_balancers_sbd-disk_2C41940C.id
  }
  network_interface {
    mac            = "52:54:00:00:00:51"
    network_id     = libvirt_network.cloud_networks_management_25B1164D.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:01:00:51"
    network_id     = libvirt_network.cloud_networks_storage_5F1EDF43.id
    wait_for_lease = false
  }
  network_interface {
    mac            = "52:54:00:03:00:51"
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
  <xsl:template match="/domain/devices/disk[source[contains(@file, 'ha-lab-load_balancers-sbd') or @volume='ha-lab-load_balancers-sbd']]">
    <xsl:copy>
      <xsl:apply-templates select="node()|@*"/>
      <shareable/>
      <serial>sbd-load_balancers</serial>
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