terraform {
  required_providers {
    random = {
      version = "3.9.0"
      source  = "hashicorp/random"
    }
    openstack = {
      version = "3.4.0"
      source  = "terraform-provider-openstack/openstack"
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

variable "cloud_secrets_fence_openstack_clouds_yaml_116D3B48" {
  description = "clouds.yaml (username/password/project of a fencing user) under 'fence', written to /etc/openstack/clouds.yaml"
  type        = string
  sensitive   = true
}
resource "openstack_networking_network_v2" "cloud_networks_management_25B1164D" {
  admin_state_up        = true
  name                  = "ha-lab-management"
  port_security_enabled = true
}
resource "openstack_networking_subnet_v2" "cloud_networks_management-subnet_2658BBA0" {
  cidr        = "10.20.0.0/24"
  enable_dhcp = true
  gateway_ip  = "10.20.0.1"
  ip_version  = 4
  name        = "ha-lab-management-subnet"
  network_id  = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  allocation_pool {
    end   = "10.20.0.250"
    start = "10.20.0.200"
  }
}
resource "openstack_networking_router_interface_v2" "cloud_networks_management-router-interface_02119F58" {
  router_id = openstack_networking_router_v2.router.id
  subnet_id = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
}
resource "openstack_networking_network_v2" "cloud_networks_storage_5F1EDF43" {
  admin_state_up        = true
  name                  = "ha-lab-storage"
  port_security_enabled = true
}
resource "openstack_networking_subnet_v2" "cloud_networks_storage-subnet_492D6178" {
  cidr        = "10.20.1.0/24"
  enable_dhcp = true
  ip_version  = 4
  name        = "ha-lab-storage-subnet"
  network_id  = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  no_gateway  = true
  allocation_pool {
    end   = "10.20.1.250"
    start = "10.20.1.200"
  }
}
resource "openstack_networking_network_v2" "cloud_networks_tenant_678DDA62" {
  admin_state_up        = true
  name                  = "ha-lab-tenant"
  port_security_enabled = true
}
resource "openstack_networking_subnet_v2" "cloud_networks_tenant-subnet_A063A425" {
  cidr        = "10.20.2.0/24"
  enable_dhcp = true
  ip_version  = 4
  name        = "ha-lab-tenant-subnet"
  network_id  = openstack_networking_network_v2.cloud_networks_tenant_678DDA62.id
  no_gateway  = true
  allocation_pool {
    end   = "10.20.2.250"
    start = "10.20.2.200"
  }
}
resource "openstack_networking_network_v2" "cloud_networks_external_29FEE1E9" {
  admin_state_up        = true
  name                  = "ha-lab-external"
  port_security_enabled = true
}
resource "openstack_networking_subnet_v2" "cloud_networks_external-subnet_CF060990" {
  cidr        = "10.20.3.0/24"
  enable_dhcp = true
  gateway_ip  = "10.20.3.1"
  ip_version  = 4
  name        = "ha-lab-external-subnet"
  network_id  = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  allocation_pool {
    end   = "10.20.3.250"
    start = "10.20.3.200"
  }
}
resource "openstack_networking_router_interface_v2" "cloud_networks_external-router-interface_24628912" {
  router_id = openstack_networking_router_v2.router.id
  subnet_id = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
}
resource "openstack_networking_port_v2" "cloud_vips_vip-public_9DC67C0C" {
  admin_state_up = true
  name           = "ha-lab-vip-public"
  network_id     = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  fixed_ip {
    ip_address = "10.20.3.10"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
  }
}
resource "openstack_networking_port_v2" "cloud_vips_vip-internal_2ABE5020" {
  admin_state_up = true
  name           = "ha-lab-vip-internal"
  network_id     = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  fixed_ip {
    ip_address = "10.20.0.10"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_vips_vip-database_901232CD" {
  admin_state_up = true
  name           = "ha-lab-vip-database"
  network_id     = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  fixed_ip {
    ip_address = "10.20.0.11"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_secgroup_v2" "cloud_controllers_secgroup_7BD449E1" {
  description = "ha-lab: what the controllers group lets in (the plan's port matrix)"
  name        = "ha-lab-controllers"
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-80_4F922DEA" {
  description       = "horizon API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 80
  port_range_min    = 80
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-5000_95E0C817" {
  description       = "keystone API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5000
  port_range_min    = 5000
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-6080_E3016652" {
  description       = "novncproxy API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 6080
  port_range_min    = 6080
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-8000_83C0DAFF" {
  description       = "heat_cfn API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8000
  port_range_min    = 8000
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-8004_E98E96DC" {
  description       = "heat API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8004
  port_range_min    = 8004
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-8774_57989060" {
  description       = "nova API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8774
  port_range_min    = 8774
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-8775_C0FB7BCA" {
  description       = "nova_metadata API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8775
  port_range_min    = 8775
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-8776_86178E53" {
  description       = "cinder API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8776
  port_range_min    = 8776
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-8778_909A81B9" {
  description       = "placement API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8778
  port_range_min    = 8778
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-9292_7AC691F0" {
  description       = "glance API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9292
  port_range_min    = 9292
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-load_balancers-management-tcp-9696_30151428" {
  description       = "neutron API backend"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9696
  port_range_min    = 9696
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_controllers_ingress-network-management-tcp-22_20464321" {
  description       = "ssh from operators"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 22
  port_range_min    = 22
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id
}
resource "openstack_compute_servergroup_v2" "cloud_controllers_servergroup_F8FD6FB0" {
  name     = "ha-lab-controllers"
  policies = ["anti-affinity"]
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl1_port-management_7036685C" {
  admin_state_up        = true
  name                  = "ha-lab-ctl1-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.0.20"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl1_port-storage_791588A6" {
  admin_state_up        = true
  name                  = "ha-lab-ctl1-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.1.20"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl1_port-tenant_1873214C" {
  admin_state_up        = true
  name                  = "ha-lab-ctl1-tenant"
  network_id            = openstack_networking_network_v2.cloud_networks_tenant_678DDA62.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.2.20"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_tenant-subnet_A063A425.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl1_port-external_DB425212" {
  admin_state_up        = true
  name                  = "ha-lab-ctl1-external"
  network_id            = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.3.20"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
  }
}
resource "openstack_compute_instance_v2" "cloud_controllers_ctl1_server_849D6AA2" {
  config_drive = true
  flavor_name  = "m1.large"
  name         = "ha-lab-ctl1"
  user_data    = <<EOF
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 40
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl1_port-management_7036685C.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl1_port-storage_791588A6.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl1_port-tenant_1873214C.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl1_port-external_DB425212.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_controllers_servergroup_F8FD6FB0.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl2_port-management_B08F3FC8" {
  admin_state_up        = true
  name                  = "ha-lab-ctl2-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.0.21"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl2_port-storage_978016CF" {
  admin_state_up        = true
  name                  = "ha-lab-ctl2-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.1.21"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl2_port-tenant_FD6475A7" {
  admin_state_up        = true
  name                  = "ha-lab-ctl2-tenant"
  network_id            = openstack_networking_network_v2.cloud_networks_tenant_678DDA62.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.2.21"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_tenant-subnet_A063A425.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl2_port-external_92F94ED4" {
  admin_state_up        = true
  name                  = "ha-lab-ctl2-external"
  network_id            = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.3.21"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
  }
}
resource "openstack_compute_instance_v2" "cloud_controllers_ctl2_server_DF5601A3" {
  config_drive = true
  flavor_name  = "m1.large"
  name         = "ha-lab-ctl2"
  user_data    = <<EOF
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 40
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl2_port-management_B08F3FC8.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl2_port-storage_978016CF.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl2_port-tenant_FD6475A7.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl2_port-external_92F94ED4.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_controllers_servergroup_F8FD6FB0.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl3_port-management_5ECB5B4C" {
  admin_state_up        = true
  name                  = "ha-lab-ctl3-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.0.22"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl3_port-storage_FC3170EA" {
  admin_state_up        = true
  name                  = "ha-lab-ctl3-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.1.22"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl3_port-tenant_AE9A68EB" {
  admin_state_up        = true
  name                  = "ha-lab-ctl3-tenant"
  network_id            = openstack_networking_network_v2.cloud_networks_tenant_678DDA62.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.2.22"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_tenant-subnet_A063A425.id
  }
}
resource "openstack_networking_port_v2" "cloud_controllers_ctl3_port-external_4372E5BC" {
  admin_state_up        = true
  name                  = "ha-lab-ctl3-external"
  network_id            = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_controllers_secgroup_7BD449E1.id)}"]
  fixed_ip {
    ip_address = "10.20.3.22"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
  }
}
resource "openstack_compute_instance_v2" "cloud_controllers_ctl3_server_E5D0B3D1" {
  config_drive = true
  flavor_name  = "m1.large"
  name         = "ha-lab-ctl3"
  user_data    = <<EOF
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 40
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl3_port-management_5ECB5B4C.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl3_port-storage_FC3170EA.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl3_port-tenant_AE9A68EB.id
  }
  network {
    port = openstack_networking_port_v2.cloud_controllers_ctl3_port-external_4372E5BC.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_controllers_servergroup_F8FD6FB0.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_secgroup_v2" "cloud_database_secgroup_CB6FDA33" {
  description = "ha-lab: what the database group lets in (the plan's port matrix)"
  name        = "ha-lab-database"
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-management-tcp-2224_F919F24D" {
  description       = "pcsd"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 2224
  port_range_min    = 2224
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-management-tcp-4444_EFF73E89" {
  description       = "Galera SST"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 4444
  port_range_min    = 4444
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-management-tcp-4567_DA835EE5" {
  description       = "Galera replication"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 4567
  port_range_min    = 4567
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-management-tcp-4568_EE45701B" {
  description       = "Galera IST"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 4568
  port_range_min    = 4568
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-management-udp-4567_63917BDE" {
  description       = "Galera replication"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 4567
  port_range_min    = 4567
  protocol          = "udp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-management-udp-5404-5405_192DEE64" {
  description       = "corosync knet link 0"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5405
  port_range_min    = 5404
  protocol          = "udp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-database-storage-udp-5406_894C3C4F" {
  description       = "corosync knet link 1"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5406
  port_range_min    = 5406
  protocol          = "udp"
  remote_ip_prefix  = "10.20.1.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-load_balancers-management-tcp-3306_518B96D4" {
  description       = "HAProxy to MariaDB"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 3306
  port_range_min    = 3306
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-load_balancers-management-tcp-9200_64648C23" {
  description       = "HAProxy health check (clustercheck)"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9200
  port_range_min    = 9200
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_database_ingress-network-management-tcp-22_969C79B3" {
  description       = "ssh from operators"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 22
  port_range_min    = 22
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id
}
resource "openstack_compute_servergroup_v2" "cloud_database_servergroup_77FC38B6" {
  name     = "ha-lab-database"
  policies = ["anti-affinity"]
}
resource "openstack_networking_port_v2" "cloud_database_db1_port-management_985F933C" {
  admin_state_up        = true
  name                  = "ha-lab-db1-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id)}"]
  fixed_ip {
    ip_address = "10.20.0.40"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_database_db1_port-storage_A8ED5D53" {
  admin_state_up        = true
  name                  = "ha-lab-db1-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id)}"]
  fixed_ip {
    ip_address = "10.20.1.40"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_compute_instance_v2" "cloud_database_db1_server_E419277B" {
  config_drive = true
  flavor_name  = "m1.medium"
  name         = "ha-lab-db1"
  user_data    = <<EOF
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
- python3-keystoneauth1
- python3-novaclient
- python3-yaml
- resource-agents
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
  content: H4sIAAAAAAACA81YS4+bMBC+91cgznVIsFSpFemx0l5WPbSHnpAxzq4VwKwfafffdww2r0Cyy27UXkg8M55vPP7GeEgozwIqy/TAiDaSpYrpfYg3u0+bXRicSMFzohn6zfXjPqwJZSU5Monw5nMYsFpQkIJdZcrU1NZS7cNtGJC85FXq9Nvw64cgSKioDvzBSKK5qKzEygC4lbcCKyqM0kymtRQ1k/rZBhTwfB9CoCgTQistSY1Ebd2o0M+DmdWpJlwu2yLnGlWkZBAzPMFyJIP1GhDCQkhGFAii1/hXWlSQJ8QqkhUs9xBnYoeipXktQiXQkxHSlKgWBafPHuJc7jAAux5gJNFcet1mRNPdSCqRM9XNtaMmNthw0+Lm2W7ovbOIBxbxrAUeWODOIokGkIlkShhJByHUkpdc81Pr48AqylATAy2IUl2qw0A/18wZpLDQSmlCj0OycCuyWqK15JkB5o59ohmLgYPxbl2chWpaHtNHoXRacKX9nk2lnnujlL4OiBbC5D2zm4Fz20xc7bgWso+7+e/cPhJUkAxNg06iGS8DteVecw6oUTyinsRS2u0UEmICzgIk+rRVPg6nCwOv3IeNVvOSCQOHWGxHo6DOYZOoo9QVksU3IFm8imTxe5AsfgEX4luRLF5JsvgGJIv/J5LhG5AMryIZfg+S4RdwAd+KZHglyfANSIb/DckgcVVLsAdSwATUCIbkGdOwteo4KOghDOCicOI5k5AhRqTO4JroSenMRwtfYqML4BoVx1u5PAn9VpLVqb/NkDyHy0KX0AWl2+kHKsrySxTBC+Yj1P/Hc56+OIr2ttTx1I0cTsQ0jcpn9VTAc0Orw1oUex3NufQw3dDjnIiMCp61WGtBlKBH1pWGH3kIaarWfe5+NtZiLVZ7E06pZA2HPeiZeOmifLUsFwuzL00XHjiRuq/KvigbxbAkRxW5m5bkrGtRz3u2d/I3OIaSLAU0ZTO+nWrRPd5ed5+zJe+t5k2x+3PQBZr3MLuLB+JusgwYSVGA7Xfn6KXApjqHxheh8RL0z87VGTvn2DdzQoOwZJosHJbNaY0mBotv7kuTXLpteY2Z0kou1NnrACCpJfkzIaOTORC8FqHZkIKRU7eEoeQdliAkvOb6tr0bLrbr0cTDsMsGAN/STtpY+yHEdvUQfT9DKpoWgjaUaSL1A9Q3Q+QkeK7aXgvsR/2vbZtd76iokPAf3d1/u7u/+/Fr2H5fh4l7mHgCE/cw8VthcA+DJzC4h8EXYCDJ0zw2uDk7EFMMUjtXYGB45QvSwAL5DYQTndMjrwY3jVmVI8xuux19epllC9BjEnSzsPGXsgReRtoo6wy0PPv64S8fJki5txMAAA==
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
- path: /etc/openstack/clouds.yaml
  content: ${var.cloud_secrets_fence_openstack_clouds_yaml_116D3B48}
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
      # fence_openstack needs Nova server UUIDs; the plan only knows their names.
      cib="$STATE/cib-resolved.xml"
      cp /etc/openstack-ha/cib.xml "$cib"
      servers=$(fence_openstack --cloud=fence -o list) || die "fence_openstack cannot list the servers"
      uuid=$(printf '%s\n' "$servers" | awk -F, '$2 == "ha-lab-db1" {print $1; exit}')
      [ -n "$uuid" ] || die "Nova has no server named ha-lab-db1"
      sed -i "s|name=\"port\" value=\"ha-lab-db1\"|name=\"port\" value=\"$uuid\"|" "$cib"
      uuid=$(printf '%s\n' "$servers" | awk -F, '$2 == "ha-lab-db2" {print $1; exit}')
      [ -n "$uuid" ] || die "Nova has no server named ha-lab-db2"
      sed -i "s|name=\"port\" value=\"ha-lab-db2\"|name=\"port\" value=\"$uuid\"|" "$cib"
      uuid=$(printf '%s\n' "$servers" | awk -F, '$2 == "ha-lab-db3" {print $1; exit}')
      [ -n "$uuid" ] || die "Nova has no server named ha-lab-db3"
      sed -i "s|name=\"port\" value=\"ha-lab-db3\"|name=\"port\" value=\"$uuid\"|" "$cib"
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
  content: H4sIAAAAAAACA808/XPbxpW/86/YIDcTIAYhKW56F7pM69ryXXrj2GOp6dzJOhAiliQqEGAAUDTL4/9+72N3sQuAstxpZy4zsQRg9+3bt+/7vdXXX51t6+rsLivONvtmVRbPR57nlRtZ1E0yvx+vkvEyyWWVjO/KsqmbKtlMBHyqGvHv9F7UyULm+1CUhVhkVd0IHCjKSiSLRsK/YrHNc1Fum2Qpo9Ho8kFWe5EmTXKX1FIUZSpFtS1qMZsR2NlM+AkAk/UKwNT7upHrVGyLrBFJI2QyX6kFilGzkuKXt3Uo8Jc8e5CikXVTIzh6VSdrCTjlMojE9YrXqkWyrKQMxS6D3W4B6GhellWaFUlTVrQL+SmZN/kecWD0mlXCu6LtAwRRyJ14X2XrBLbyqlxvYGjRTEaji0i8FGu5voON06wMRueVTNI9bKWYy1T4GWA4z7ewr2q+kvN7kRT1Tla1+O78PJjAindluh8JYa34AoABJELmr2UGxMqaaPSdtdhuVQIxl1UCNGxkBOSF3e+JqHA8cVPG1vFdII2BnrukRjrhWjlMFE0pcpkAGRNAUCaFRjNwUcmAiMsSRxPdyx0QXRRA62j0PBLv4GW1y2qJtJxLcfnL5Yf/0miuYMXN9i7P6hWQAimxKeusycpiQsBW2XIF0BCjWv5alDbVgSuIAO5W1TigzvjCcNwcPq6YGxFUJeflA1IY9wzHDlSBk8uS9C4V4/GuruRmrMbMZkHIO7zbO9uDlREUbVO8K5CtW2aXxNN6K4iMXG8akIm6RyP3YKPRbyLx0wLGAacyjb6pHUB1k4H0rLO6zool7F0ya+8S2IssUmD+IYZhatbzKts0YpFkeQ04bFNgamCeBthRlAux3EqG6puJG3hESIuqXMMWgcK5koFduc1TAAKkn5frddY0cIAwpahBWADXOgDZfq8Qr/HLgwSpB8KI/7i+fj8BmuttAfftqgxEteVq2PSfrt79DNgxV40MCVB8QUJS2pAjNpWsQe5SWKCW1YOk002a0Wx2phSWtR4A2pSgsn4AGcOtI7B1UoBGWoPggjg3u7K6hx0Q99IOYc26g7W/qQDBM2SVKnWQ14OCENZP5TxLpRlPi+G7GveT8E5DpUOLEsAUS2A6WAn4MKloIkpOOLqTi7KSNJ+ZjeZMgL0lcj6+v7q6DrvaJBVJus4Ksa2J52HNESDywMJS4Ylo3af2jTyA0/Rrkghi3t0qA6g4hQTA1oFKq61Yh6xBxV7JpgFQNZJPahaiY6VD9Gez8XheFotsCVI2qiSeHTAR7JHVOi7xAvGdzcxCsToKONXZDFVf+4L238hPeOQHfQBHeH8nEQGXu2az7TZLJ6QsyMLksDv5CZkCUEhqgPGXqw+X7+Or65cfruP3765+uv7p3c+kDmBkgtyGxIfBSpXNQT9WElFCVfHT1XU0ek8GVDyPfniGR1WkCbBJnt1VaCbKIt9PGCciR4Z02mQAEMh7lzTZGoYo7idDFaEhHo2IjnG82DbbSsaxyNbEyUkBrJOQsI1G+l21BAaqpX7+aw1GUv1e1vq3zS7Vv1ZmaL2921TlHBSCebM3v4IF3iDO5jlbm9+3VQ47jGRVlVXnXSV/3aIypx3MyzyXrCmi5G6ut/EqyfPkDkDTIPQK5mCKapRmHmBe8YhmjypKf3xZ7Eej/7788C7+859/ei2mwjtX/40H/tH/eaP4w+Wrd2CXLnFOJSPglw3sz688YoKJ+MDWAA7H2Kfff6yf+Tfn4x+S8WJ8e3j+22Mw8ce//5g+C7xgNBqlcgHqcekD59WgV9BJAsM5/lH8DM7BBJUqkjSqG+D6KiIF6C8+52gdFLTjxwIW6cBYgNivfFz7D4ZKPlDpb7KYXldbGYzoldBamZEApnppmZo8ARudsVEBqc+zOTEVWOIa/KF9RDyI85AnaVP0RNKET0BAcwCMIIrYBDU5fBpf8Lu+DwK/5jDgDQiiVBtD96jzgb78AThzI6uGbJxAOi9AGld+LfMFURin8OYEWXuQlELg1wjRFFMLRdJz9In9ht+J85EBCxiiyLSA02ze3ADCIXLabW+Jg3lBhEUKeROGjr+H7mfERX/G3zufCR/9nR66A7pEhMEXIluoGd2vQgIBxXkL5KioSUyxlqCqUoug5Zr3Ps/BpUB2mnR2TwRxWckiBUzzHXSRAFOY7COsG6bNbeBuCalgxkRL2fhMpLA9r6AzhQgzBeay5jDlQmC23uguUbozeyQNxXkQIMdcdCARd06R0+z59BYmEbfaq39eKl8rj8BI5WzGnhSYJ7ANBqWQPH6Mp9DnewGWDFzzFD1VktnBAAUGY0jVCi9DbsWXQbAA/y9pqBEfZlLrYX+/VHi8muZlfgqFx4vq1/wEr3lR/ZqfjkqhkjmLta/vo7VvFWuLB/xza+iIkd5sdi/B2j4k+Rb9qU0C7hP6fYkTIhF9cBY4PZMOOFBBhyN9RP8kzwrWkoBAVIOWbPBN7Qft7kEQ8V1EbkKNrpTvfe0FeBbexENHDwHgkInDWeARgde0leYlYB6KOGTkAQ2CCoRoSPJ8ABaYsYD4DYyHRcHT9wPEmqbpFyPrXGCsQ9VK2zgfzFbskrbZbnLJxACJuVU8Ykjsk/5iYQzY00NeJCcAjSCS+rEYyxB+UW5BH09Fa5CjRQZ+U54bpHgPQF2kII3vcZzhXwstAEqDb8YXtzYVeAiqAcZekYR9djDeRINQGUgIACBUJa64DY0rUNu8ojUi68eeUP9lZcewkRVP1MCXqzJPaw5GeD2WZE4IYK6gDfuzArz8VKYYZiHs9+ANkjFLJbj+4O4Dntl8okJRmoJezZbDLJULYZlrD6xWAWm7tZBdftRAO0RlndwrAGCEmxK8OFKqbfZEWNmTSO9aH9laar7X9GyPLsnAPP2CzHqJbAO+EDg7X1VHQTtGyMrR9g/fhOKbCLWgr8AEx8C4Q5RUmYKTjs65X5C4grbZ4KpmWxF4W2sQV0RqE6lJSL1CfDWFhQyTKS+ky2H6XH0P0QCFz+NuzoEtAHHzRNhrTwaHkrPaJnw01kjCL8S5a6palOFLi7A64im9BozMh91qjzLhHXjEkSK3oeQQImFrSe80MVq7SepPLY0EZe9DU0vresCB0db5DEODGsypPlwxFvhoCBGYrappp4/H9ZjQYHquHUdV4b5ZgG+iWc0cHmptOqSmtC2xzkOY7AToOa8DzeZWRjcgrtgW90W5KybCSbYAq+9AhExuxc6oeLY7wTJT3NvM3rIKKX3glRCtxzRP1ndpIuAw/fFG+ZLAQqgUFC0NlzBI4JNIZ7iQzqh/NxF52cSbHcbUq1nWT3OXlRTzW7oiqyU6pAgm3ZxYKDRThpayZMIiH7XLNOXGQZr21n7NiDo3vNUWc0U3liM2DlME9RnhsBKSyqb4B5gFuscx+rLwceFA/CguXNOOUJ8h2JBRo9yjxR8NoUj6kb4DtAb1ESMRHF/YRILZhaLJP0YOR8oRfUUpGWOxTBYHcTMpcJ/jQ5WyMUmdoHUx0YrGMWi8Jo7JV3wkjGidCfbpVcCkA0o7ZHBHuWbZ9dhuyVeqGxVxqKEQdLgg8GuaVfZa7MyrD0Am7+whqc7y7O5sva9/zb0uBLlItnlTx0gB24d2wdmjuiC0a9THQn8hNLAyU2NpxrztwJnnGRYeelD4PcJQM7sTMQ0MUh6nd/3J7TcLwFi9HfdhYZ6xDwXf0vwhEtoZyxhTOTph4MZnvWEAEFO4QQecVk3WiViouEbBGUtUhlDpzM7DdPPHEYY/XkcXW5QEjoctDtGRv9AispkPLoKDogEKqWRwGgP97wfo29mUO9rh4cGtqfEnd7WRsooxzwdOXgzytsjLBM+Hflon5I6DdX87dDrATHCwsgLD8SgwdyBAe96F1UsMWx66ln+HNC303lSAf+MxQeJC7mLto1kao7O6nYB++sL2LFqTi5rzhjiD4kVbUgeX/1q8FGlZlKbYgeqGC2DkMiyw7oVOM57FCxNOaBc0aSxIVJbD9HUtqYiAsTHWiITvvYEfWNcpMRWQijZnLqIoorjBgoPAsfpCVSb0iaUsOEium/oM67FBJP6kMVgmGRe0wK2KBsiaNJhmbuphTeAMGWIMGgCGsdrHqcyT/WN81h8LEC+Qb0/kG5mcMZrhus2DmPPv5x7ZP1uDEYMp3i3Z0jXSxrZiQWs4kzQFZ6uOy4UynTivDcfhZ7sGwVL+qgvQ9T4yjbfBAjwCgusMs9DWwxU2lvHlaO0/5Z5jNYRiYc9VpTiplo9T52thUgJgTTIs1VO8Ox5rYzmm0giXb8iVjLqkvVl4neHTQ98qH2G3OjPqfGB/6OZWhf0mtRRvkmblzxfLifKHXLrrFEod4Tj23mCwdiZAep2ISWcVVMIj1pakt8Bn8iwftsWjeRQKSCibo/L33apFm2hJQ0zM0DZBInRFJ1rfoyra+GAQFtmnqecsMEah3i7oQwSzlY0CKswxWPEXKb+Yr8ntRoJoXEPxLT7anAHBidfZgYfR83gMoMeUO5oeNI5HxXxwiLAcSK0EVeRTZva8ZSjEZAVBla+nwbIxDIyXMBjXRyfE0hSAaARxF7ixPq6LX6cHPe6otodFnIVntRVMNGFRjznhn3LotT8P4AMNBZSL5eGa6loEzgaOC0EBb6iiB4Zzs20oNRxSflH/ykZ1+vz8HAajBzTlLHMbtODqaN2t7ctiXqaA59TbNovxvwGBibD11MPiTjIHTxRL0IuVqwQUf3cTg4sV5mOB7rzoIivAA9w79N8WeVbcGww055tTMM6hxe/A6szvDAk81QrDr80uxZPe7EC90DwnfUmjos0upgSeeYI1TPFtDl7DSVHrVcGuB+r3nBqzZTm0pIq6LyzGMNLlHHZ7LH3tEvRPaPA82LJPu/nvznnIT3O5acQbEOSfy+YNpjtJP/fskd67T1UZZHjKBZicKaYUaMPDNZi2rqfssjVYF1+88YUXuNkta9BAncU790icvQuTLjQlOdJrhNhXVu3O3pY+kumgjg3sAL0drDKLbvTZzxubCc4YVgt9FSsOOPs4OdD0o+XHu6kLDcPjbA8iooA5OsVu9YKRBdhIzNMRakji0WePNeS6mrWnqUoB9cth+MY2VlU6KECh1aalF+0E8qAKMFcMxrD2tZmEB/QUSBM7YReKwSew/3F5r2piJEVrTO70BotnwovgG7NJK13wCrho5z1BpDCAi9It2jltGHVVC1BZrELy2OJ7ua8tfEjlrVSp3jMVeNid0qWMQn93WgeummYTowBsq1zVFbohVVcrUjhhewF91eJ2V0TwSOSAn63RMMsQKbBTalDf4wcsWDXbOuQHVi/gMwFFYdPaiLTWw1Y8du9HhF1epH1wRRjQU0LwLpoTfyqtqaD4765oXmhVA4LhGo8qX8kTLlXXbdas6hBUObeK0yzHm51aHLIqawobvJuD+n68pcwaFvKwn0qBIF9SPdDEZYnz2nNfePjr5OzsgCBBR+CSvaTGsZtw8Cw+mT432W+EDqqBMk1AZni8Ob9FDfnd+fnpmpjDQB3FEbV1fxIR4Mi09hHwxa1rY/z2bEITB4Tier956oFxYv2x42rbOP4/ntHQoaitqoPRtoWslzqdKZ2OosMywe5CThPYdFAlEeBQczL8biGb+WpimqRubjThuCDZ4W/MQziywUDqXMqNDYQUD0zXc3BbEY3iCeDcz+/tCVjkojl68LqEvZZFNg9Hw2XP92Wes1mTmIYAM5blbh+kotdshkUa7NCs3L5W41uloJGo/D5lxCAIeMY610k9sesOflLMHQTYDKYsxgqNCKr1lkdNLQPL/NpwTugMjk6gTZl3YCeKbawsQC/UpoFfMcMSsF6QzYxHR4pSwNwf9Ia1gj7sq/S2cINw8Ghgmhlp6DzVpe3WPejuxapsO46ThqE6OHB3XFIbtCV69CAEdSZY22iPaDLgXyF8rPCJQ2eu7Vj1j7oz2MZBM82PU8NKg/gP1xCJnzE51qkjDtcSuQK4xBb67UZ1ox/6vDqJzhdHUQ9sMhJX1BaMouD1EdFlU5XvCVFqMupm3oukwppazTWlZVmmVi3NajFgH2IAdr/adYfdvaDKsDh7slKMxW07Xgo6hLLSdKhhlC/o5Hm1v4S567i3Ti+QczIkV7J55I7DW8xGvP4jHPFiiz2lOv1QyN1YqXhR6vsKgVE5KkkyEL49Fu0NB+CD4R2G+agLdDj3ZdGc+Nq6e4AXRtrLEHvZhLqnnLO4uPGRiYSiWiZg1fzK+58+zT7W317A///icR4ClX6yrKcw623PvHNLqNxx/2y9vRsGGRE0b+h8hlYxrT4IeErf24V5NerAqri9iXxyDA8+FkMrfCy6IQMf0dNiBuP5w7puYui0MBw4daUZGpVZDOKofJ8YtYDrAPX78DqekGX9XMv7mBkkrY4ZOQZ/axWFOf2pOk6GDBuR3zZknIcjKSGYXz6XDXAP/d8N6GPb5N58q6zTt7z4bc/mdvxKZVH75pIP7oBfrQYdLziVB0dfwWoq0N7RsO6y5qmeZT57YDorSOnVjE6G1J28OTWGOtcb0LnVN1TMXYfu/QYkJN63YH1HNSbrPoxuInuprt+Zuw3uBSq+asa3G+yLQ+pK3xW8xZQYS626nVJzCg3NwkCuxF+DndtW2B3VVonOPly+fP32Mlpjc5vdQabVpGf2H6lci3lWSRf7FG6Samki9HbqUSmcgJgMxhAHMxl1OaDaFvHffXBZ0eh85gO6JNm8wUwIPGUV9r8O3S+ZPmFvDot1M8mMnpMgRt32MIX/g4gnYdCtNjhfp6czpGYD5rimA0lVjU4vWdQShofQ5SffpF7qwdxLJ+/i7PXcQrp1Yv+ZKFtes4rVnrIv48Q9dV9DzjUwo93HE6qenYA19oVFChKz05Rw9WJM1CAiWD2CmIbkHiz4qC+F9a6qvrA9ibS09KU5oH8c6RGn1gx4jFmbY/2MkAykNj0L2gFPrJ3Sa6VUCuQLmIBNih5qe/J8nkfh95x73bM6cPqYB7fudRjUT7vEVlFLmYJp1+aAter1PHT30e7FbUs8dcXZrnYxxODYZ4yTerS7/AlSEOs7rfUYC59yp8IWhuqcG4os225EsJnoYqhOT8QTXbeTYRqJge6k6DgNar8XXQLoAnGL2hADdRjEURJa4jWk1mdsme51D/Ypk6RqySjzdJvEHAe3Zfh3GG1gD6O5YNzpLaE7xCZAeozl7G6X7qbREsGkC3OvQnV0qCbNpfQvOD3htHuAo3vR0V4LT3e2+BrEQf1yRA/l0ANyDD7Huwq5J/Ouzi/QNKcs3VORLdrmBBbcaePLT+A5HRCI0Q+6CVdtbDrtk8Rd6w745/6Uw9pvdgn+WYLVtk9/mVAxFw6L1ly3JdvPvbRya+Yco9jGUbrA3Y0Y2lqo5SBxc9xpEwti8Kq9gs3XrOnGNvvmncvW2AetLlpjbM63q9tkA3c4UL2MamI1hxluQ1+P/bWl1uPA3AxMO3KZrQ5O2W7FABqBrE6zyn+ky0U1c/bQwS7GLAEfGU/zYM2xBazjuzqnTc0jbePpcPvIUM8Gv1WrTd2lb91UFPvI1F3hZmOsTotuxz2oxaxyG2ZSp2HGbagcWy0yq3WZ+gwgFOflv37/ffAlLS165smGlrqc3wNmzmnpSbohNMJB+tIJs+PUPof3lBYxi9+49LL7eZwvA4fTuQUxcFC9EcOH1rn1qkPYspi+e/Pm1FfYzwPEB9W0ADelP6i+zzDpp//YwQAuSCfZTA/4cwjXTZaqZrNBen+j6Q3jvgmGAFg9To9DgEEuhFvLN3VSj4/nhi6+O7euN2S5dCRdqRrcbtDLq/DJUqoDrx9ZlS2s0nSX+vFEXt01eh2lmGbcAkHBzAvqRD0wKY5nFiVO52gueiKsbN559P1QixTrF27IfmoTzq95L0n7JD3G3ffhEGMBN26png7edlc/ZQU2giF+vWTxgNb6nDaD8w8HGom5BYWsV/q0vyDinWj+UlzCtw+xO6ldxGFTayw6Gr6FoNUrw8lvi7TXPOzy0yar7Bt5Frj7DBn0sws9Pw+e1qLSsbmDTSouR3WmfHFu2TTum+4SK/fx6t3bty9/fn1lX6HploJvuZGOriuPnPsN3sTJ9jAveJxHUd/4QX3hPvRJm2JQ7xWGGhw/haOjKdqAEgMb8GD3w5vrMCaj3SZq4K3+OyXRy2q5xT/A8x6fqlaSgAeAeI/+bQwPnVNuPYfdTeM4LedxzHezuTCgLz+qrA22EaCxogV9T/8pGoJDDcLT05c0zKp8FWQYYtvhDwY8Ax6eqjZwfY7KbqPBxEp9xM19ZD+RgF3+wg/RXAV9n2Up4EYAykzRNnP4i5Wbe9K43CjonP7khMJolOEVLpSHOKY4PI7xeOPYa/9+CcYrPh06AP4/f3fTSD1OAAA=
  owner: root:root
  permissions: '0755'
  defer: true
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 40
  }
  network {
    port = openstack_networking_port_v2.cloud_database_db1_port-management_985F933C.id
  }
  network {
    port = openstack_networking_port_v2.cloud_database_db1_port-storage_A8ED5D53.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_database_servergroup_77FC38B6.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_database_db2_port-management_F3E0ADF5" {
  admin_state_up        = true
  name                  = "ha-lab-db2-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id)}"]
  fixed_ip {
    ip_address = "10.20.0.41"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_database_db2_port-storage_D2E88FE1" {
  admin_state_up        = true
  name                  = "ha-lab-db2-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id)}"]
  fixed_ip {
    ip_address = "10.20.1.41"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_compute_instance_v2" "cloud_database_db2_server_F713E38C" {
  config_drive = true
  flavor_name  = "m1.medium"
  name         = "ha-lab-db2"
  user_data    = <<EOF
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
- python3-keystoneauth1
- python3-novaclient
- python3-yaml
- resource-agents
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
  content: H4sIAAAAAAACA81YS4+bMBC+91cgznVIsFSpFemx0l5WPbSHnpAxzq4VwKwfafffdww2r0Cyy27UXkg8M55vPP7GeEgozwIqy/TAiDaSpYrpfYg3u0+bXRicSMFzohn6zfXjPqwJZSU5Monw5nMYsFpQkIJdZcrU1NZS7cNtGJC85FXq9Nvw64cgSKioDvzBSKK5qKzEygC4lbcCKyqM0kymtRQ1k/rZBhTwfB9CoCgTQistSY1Ebd2o0M+DmdWpJlwu2yLnGlWkZBAzPMFyJIP1GhDCQkhGFAii1/hXWlSQJ8QqkhUs9xBnYoeipXktQiXQkxHSlKgWBafPHuJc7jAAux5gJNFcet1mRNPdSCqRM9XNtaMmNthw0+Lm2W7ovbOIBxbxrAUeWODOIokGkIlkShhJByHUkpdc81Pr48AqylATAy2IUl2qw0A/18wZpLDQSmlCj0OycCuyWqK15JkB5o59ohmLgYPxbl2chWpaHtNHoXRacKX9nk2lnnujlL4OiBbC5D2zm4Fz20xc7bgWso+7+e/cPhJUkAxNg06iGS8DteVecw6oUTyinsRS2u0UEmICzgIk+rRVPg6nCwOv3IeNVvOSCQOHWGxHo6DOYZOoo9QVksU3IFm8imTxe5AsfgEX4luRLF5JsvgGJIv/J5LhG5AMryIZfg+S4RdwAd+KZHglyfANSIb/DckgcVVLsAdSwATUCIbkGdOwteo4KOghDOCicOI5k5AhRqTO4JroSenMRwtfYqML4BoVx1u5PAn9VpLVqb/NkDyHy0KX0AWl2+kHKsrySxTBC+Yj1P/Hc56+OIr2ttTx1I0cTsQ0jcpn9VTAc0Orw1oUex3NufQw3dDjnIiMCp61WGtBlKBH1pWGH3kIaarWfe5+NtZiLVZ7E06pZA2HPeiZeOmifLUsFwuzL00XHjiRuq/KvigbxbAkRxW5m5bkrGtRz3u2d/I3OIaSLAU0ZTO+nWrRPd5ed5+zJe+t5k2x+3PQBZr3MLuLB+JusgwYSVGA7Xfn6KXApjqHxheh8RL0z87VGTvn2DdzQoOwZJosHJbNaY0mBotv7kuTXLpteY2Z0kou1NnrACCpJfkzIaOTORC8FqHZkIKRU7eEoeQdliAkvOb6tr0bLrbr0cTDsMsGAN/STtpY+yHEdvUQfT9DKpoWgjaUaSL1A9Q3Q+QkeK7aXgvsR/2vbZtd76iokPAf3d1/u7u/+/Fr2H5fh4l7mHgCE/cw8VthcA+DJzC4h8EXYCDJ0zw2uDk7EFMMUjtXYGB45QvSwAL5DYQTndMjrwY3jVmVI8xuux19epllC9BjEnSzsPGXsgReRtoo6wy0PPv64S8fJki5txMAAA==
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
- path: /etc/openstack/clouds.yaml
  content: ${var.cloud_secrets_fence_openstack_clouds_yaml_116D3B48}
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
  content: H4sIAAAAAAACA808/XPbxpW/86/YIDcTIAYhKW56F7pM69ryXXrj2GOp6dzJOhAiliQqEGAAUDTL4/9+72N3sQuAstxpZy4zsQRg9+3bt+/7vdXXX51t6+rsLivONvtmVRbPR57nlRtZ1E0yvx+vkvEyyWWVjO/KsqmbKtlMBHyqGvHv9F7UyULm+1CUhVhkVd0IHCjKSiSLRsK/YrHNc1Fum2Qpo9Ho8kFWe5EmTXKX1FIUZSpFtS1qMZsR2NlM+AkAk/UKwNT7upHrVGyLrBFJI2QyX6kFilGzkuKXt3Uo8Jc8e5CikXVTIzh6VSdrCTjlMojE9YrXqkWyrKQMxS6D3W4B6GhellWaFUlTVrQL+SmZN/kecWD0mlXCu6LtAwRRyJ14X2XrBLbyqlxvYGjRTEaji0i8FGu5voON06wMRueVTNI9bKWYy1T4GWA4z7ewr2q+kvN7kRT1Tla1+O78PJjAindluh8JYa34AoABJELmr2UGxMqaaPSdtdhuVQIxl1UCNGxkBOSF3e+JqHA8cVPG1vFdII2BnrukRjrhWjlMFE0pcpkAGRNAUCaFRjNwUcmAiMsSRxPdyx0QXRRA62j0PBLv4GW1y2qJtJxLcfnL5Yf/0miuYMXN9i7P6hWQAimxKeusycpiQsBW2XIF0BCjWv5alDbVgSuIAO5W1TigzvjCcNwcPq6YGxFUJeflA1IY9wzHDlSBk8uS9C4V4/GuruRmrMbMZkHIO7zbO9uDlREUbVO8K5CtW2aXxNN6K4iMXG8akIm6RyP3YKPRbyLx0wLGAacyjb6pHUB1k4H0rLO6zool7F0ya+8S2IssUmD+IYZhatbzKts0YpFkeQ04bFNgamCeBthRlAux3EqG6puJG3hESIuqXMMWgcK5koFduc1TAAKkn5frddY0cIAwpahBWADXOgDZfq8Qr/HLgwSpB8KI/7i+fj8BmuttAfftqgxEteVq2PSfrt79DNgxV40MCVB8QUJS2pAjNpWsQe5SWKCW1YOk002a0Wx2phSWtR4A2pSgsn4AGcOtI7B1UoBGWoPggjg3u7K6hx0Q99IOYc26g7W/qQDBM2SVKnWQ14OCENZP5TxLpRlPi+G7GveT8E5DpUOLEsAUS2A6WAn4MKloIkpOOLqTi7KSNJ+ZjeZMgL0lcj6+v7q6DrvaJBVJus4Ksa2J52HNESDywMJS4Ylo3af2jTyA0/Rrkghi3t0qA6g4hQTA1oFKq61Yh6xBxV7JpgFQNZJPahaiY6VD9Gez8XheFotsCVI2qiSeHTAR7JHVOi7xAvGdzcxCsToKONXZDFVf+4L238hPeOQHfQBHeH8nEQGXu2az7TZLJ6QsyMLksDv5CZkCUEhqgPGXqw+X7+Or65cfruP3765+uv7p3c+kDmBkgtyGxIfBSpXNQT9WElFCVfHT1XU0ek8GVDyPfniGR1WkCbBJnt1VaCbKIt9PGCciR4Z02mQAEMh7lzTZGoYo7idDFaEhHo2IjnG82DbbSsaxyNbEyUkBrJOQsI1G+l21BAaqpX7+aw1GUv1e1vq3zS7Vv1ZmaL2921TlHBSCebM3v4IF3iDO5jlbm9+3VQ47jGRVlVXnXSV/3aIypx3MyzyXrCmi5G6ut/EqyfPkDkDTIPQK5mCKapRmHmBe8YhmjypKf3xZ7Eej/7788C7+859/ei2mwjtX/40H/tH/eaP4w+Wrd2CXLnFOJSPglw3sz688YoKJ+MDWAA7H2Kfff6yf+Tfn4x+S8WJ8e3j+22Mw8ce//5g+C7xgNBqlcgHqcekD59WgV9BJAsM5/lH8DM7BBJUqkjSqG+D6KiIF6C8+52gdFLTjxwIW6cBYgNivfFz7D4ZKPlDpb7KYXldbGYzoldBamZEApnppmZo8ARudsVEBqc+zOTEVWOIa/KF9RDyI85AnaVP0RNKET0BAcwCMIIrYBDU5fBpf8Lu+DwK/5jDgDQiiVBtD96jzgb78AThzI6uGbJxAOi9AGld+LfMFURin8OYEWXuQlELg1wjRFFMLRdJz9In9ht+J85EBCxiiyLSA02ze3ADCIXLabW+Jg3lBhEUKeROGjr+H7mfERX/G3zufCR/9nR66A7pEhMEXIluoGd2vQgIBxXkL5KioSUyxlqCqUoug5Zr3Ps/BpUB2mnR2TwRxWckiBUzzHXSRAFOY7COsG6bNbeBuCalgxkRL2fhMpLA9r6AzhQgzBeay5jDlQmC23uguUbozeyQNxXkQIMdcdCARd06R0+z59BYmEbfaq39eKl8rj8BI5WzGnhSYJ7ANBqWQPH6Mp9DnewGWDFzzFD1VktnBAAUGY0jVCi9DbsWXQbAA/y9pqBEfZlLrYX+/VHi8muZlfgqFx4vq1/wEr3lR/ZqfjkqhkjmLta/vo7VvFWuLB/xza+iIkd5sdi/B2j4k+Rb9qU0C7hP6fYkTIhF9cBY4PZMOOFBBhyN9RP8kzwrWkoBAVIOWbPBN7Qft7kEQ8V1EbkKNrpTvfe0FeBbexENHDwHgkInDWeARgde0leYlYB6KOGTkAQ2CCoRoSPJ8ABaYsYD4DYyHRcHT9wPEmqbpFyPrXGCsQ9VK2zgfzFbskrbZbnLJxACJuVU8Ykjsk/5iYQzY00NeJCcAjSCS+rEYyxB+UW5BH09Fa5CjRQZ+U54bpHgPQF2kII3vcZzhXwstAEqDb8YXtzYVeAiqAcZekYR9djDeRINQGUgIACBUJa64DY0rUNu8ojUi68eeUP9lZcewkRVP1MCXqzJPaw5GeD2WZE4IYK6gDfuzArz8VKYYZiHs9+ANkjFLJbj+4O4Dntl8okJRmoJezZbDLJULYZlrD6xWAWm7tZBdftRAO0RlndwrAGCEmxK8OFKqbfZEWNmTSO9aH9laar7X9GyPLsnAPP2CzHqJbAO+EDg7X1VHQTtGyMrR9g/fhOKbCLWgr8AEx8C4Q5RUmYKTjs65X5C4grbZ4KpmWxF4W2sQV0RqE6lJSL1CfDWFhQyTKS+ky2H6XH0P0QCFz+NuzoEtAHHzRNhrTwaHkrPaJnw01kjCL8S5a6palOFLi7A64im9BozMh91qjzLhHXjEkSK3oeQQImFrSe80MVq7SepPLY0EZe9DU0vresCB0db5DEODGsypPlwxFvhoCBGYrappp4/H9ZjQYHquHUdV4b5ZgG+iWc0cHmptOqSmtC2xzkOY7AToOa8DzeZWRjcgrtgW90W5KybCSbYAq+9AhExuxc6oeLY7wTJT3NvM3rIKKX3glRCtxzRP1ndpIuAw/fFG+ZLAQqgUFC0NlzBI4JNIZ7iQzqh/NxF52cSbHcbUq1nWT3OXlRTzW7oiqyU6pAgm3ZxYKDRThpayZMIiH7XLNOXGQZr21n7NiDo3vNUWc0U3liM2DlME9RnhsBKSyqb4B5gFuscx+rLwceFA/CguXNOOUJ8h2JBRo9yjxR8NoUj6kb4DtAb1ESMRHF/YRILZhaLJP0YOR8oRfUUpGWOxTBYHcTMpcJ/jQ5WyMUmdoHUx0YrGMWi8Jo7JV3wkjGidCfbpVcCkA0o7ZHBHuWbZ9dhuyVeqGxVxqKEQdLgg8GuaVfZa7MyrD0Am7+whqc7y7O5sva9/zb0uBLlItnlTx0gB24d2wdmjuiC0a9THQn8hNLAyU2NpxrztwJnnGRYeelD4PcJQM7sTMQ0MUh6nd/3J7TcLwFi9HfdhYZ6xDwXf0vwhEtoZyxhTOTph4MZnvWEAEFO4QQecVk3WiViouEbBGUtUhlDpzM7DdPPHEYY/XkcXW5QEjoctDtGRv9AispkPLoKDogEKqWRwGgP97wfo29mUO9rh4cGtqfEnd7WRsooxzwdOXgzytsjLBM+Hflon5I6DdX87dDrATHCwsgLD8SgwdyBAe96F1UsMWx66ln+HNC303lSAf+MxQeJC7mLto1kao7O6nYB++sL2LFqTi5rzhjiD4kVbUgeX/1q8FGlZlKbYgeqGC2DkMiyw7oVOM57FCxNOaBc0aSxIVJbD9HUtqYiAsTHWiITvvYEfWNcpMRWQijZnLqIoorjBgoPAsfpCVSb0iaUsOEium/oM67FBJP6kMVgmGRe0wK2KBsiaNJhmbuphTeAMGWIMGgCGsdrHqcyT/WN81h8LEC+Qb0/kG5mcMZrhus2DmPPv5x7ZP1uDEYMp3i3Z0jXSxrZiQWs4kzQFZ6uOy4UynTivDcfhZ7sGwVL+qgvQ9T4yjbfBAjwCgusMs9DWwxU2lvHlaO0/5Z5jNYRiYc9VpTiplo9T52thUgJgTTIs1VO8Ox5rYzmm0giXb8iVjLqkvVl4neHTQ98qH2G3OjPqfGB/6OZWhf0mtRRvkmblzxfLifKHXLrrFEod4Tj23mCwdiZAep2ISWcVVMIj1pakt8Bn8iwftsWjeRQKSCibo/L33apFm2hJQ0zM0DZBInRFJ1rfoyra+GAQFtmnqecsMEah3i7oQwSzlY0CKswxWPEXKb+Yr8ntRoJoXEPxLT7anAHBidfZgYfR83gMoMeUO5oeNI5HxXxwiLAcSK0EVeRTZva8ZSjEZAVBla+nwbIxDIyXMBjXRyfE0hSAaARxF7ixPq6LX6cHPe6otodFnIVntRVMNGFRjznhn3LotT8P4AMNBZSL5eGa6loEzgaOC0EBb6iiB4Zzs20oNRxSflH/ykZ1+vz8HAajBzTlLHMbtODqaN2t7ctiXqaA59TbNovxvwGBibD11MPiTjIHTxRL0IuVqwQUf3cTg4sV5mOB7rzoIivAA9w79N8WeVbcGww055tTMM6hxe/A6szvDAk81QrDr80uxZPe7EC90DwnfUmjos0upgSeeYI1TPFtDl7DSVHrVcGuB+r3nBqzZTm0pIq6LyzGMNLlHHZ7LH3tEvRPaPA82LJPu/nvznnIT3O5acQbEOSfy+YNpjtJP/fskd67T1UZZHjKBZicKaYUaMPDNZi2rqfssjVYF1+88YUXuNkta9BAncU790icvQuTLjQlOdJrhNhXVu3O3pY+kumgjg3sAL0drDKLbvTZzxubCc4YVgt9FSsOOPs4OdD0o+XHu6kLDcPjbA8iooA5OsVu9YKRBdhIzNMRakji0WePNeS6mrWnqUoB9cth+MY2VlU6KECh1aalF+0E8qAKMFcMxrD2tZmEB/QUSBM7YReKwSew/3F5r2piJEVrTO70BotnwovgG7NJK13wCrho5z1BpDCAi9It2jltGHVVC1BZrELy2OJ7ua8tfEjlrVSp3jMVeNid0qWMQn93WgeummYTowBsq1zVFbohVVcrUjhhewF91eJ2V0TwSOSAn63RMMsQKbBTalDf4wcsWDXbOuQHVi/gMwFFYdPaiLTWw1Y8du9HhF1epH1wRRjQU0LwLpoTfyqtqaD4765oXmhVA4LhGo8qX8kTLlXXbdas6hBUObeK0yzHm51aHLIqawobvJuD+n68pcwaFvKwn0qBIF9SPdDEZYnz2nNfePjr5OzsgCBBR+CSvaTGsZtw8Cw+mT432W+EDqqBMk1AZni8Ob9FDfnd+fnpmpjDQB3FEbV1fxIR4Mi09hHwxa1rY/z2bEITB4Tier956oFxYv2x42rbOP4/ntHQoaitqoPRtoWslzqdKZ2OosMywe5CThPYdFAlEeBQczL8biGb+WpimqRubjThuCDZ4W/MQziywUDqXMqNDYQUD0zXc3BbEY3iCeDcz+/tCVjkojl68LqEvZZFNg9Hw2XP92Wes1mTmIYAM5blbh+kotdshkUa7NCs3L5W41uloJGo/D5lxCAIeMY610k9sesOflLMHQTYDKYsxgqNCKr1lkdNLQPL/NpwTugMjk6gTZl3YCeKbawsQC/UpoFfMcMSsF6QzYxHR4pSwNwf9Ia1gj7sq/S2cINw8Ghgmhlp6DzVpe3WPejuxapsO46ThqE6OHB3XFIbtCV69CAEdSZY22iPaDLgXyF8rPCJQ2eu7Vj1j7oz2MZBM82PU8NKg/gP1xCJnzE51qkjDtcSuQK4xBb67UZ1ox/6vDqJzhdHUQ9sMhJX1BaMouD1EdFlU5XvCVFqMupm3oukwppazTWlZVmmVi3NajFgH2IAdr/adYfdvaDKsDh7slKMxW07Xgo6hLLSdKhhlC/o5Hm1v4S567i3Ti+QczIkV7J55I7DW8xGvP4jHPFiiz2lOv1QyN1YqXhR6vsKgVE5KkkyEL49Fu0NB+CD4R2G+agLdDj3ZdGc+Nq6e4AXRtrLEHvZhLqnnLO4uPGRiYSiWiZg1fzK+58+zT7W317A///icR4ClX6yrKcw623PvHNLqNxx/2y9vRsGGRE0b+h8hlYxrT4IeErf24V5NerAqri9iXxyDA8+FkMrfCy6IQMf0dNiBuP5w7puYui0MBw4daUZGpVZDOKofJ8YtYDrAPX78DqekGX9XMv7mBkkrY4ZOQZ/axWFOf2pOk6GDBuR3zZknIcjKSGYXz6XDXAP/d8N6GPb5N58q6zTt7z4bc/mdvxKZVH75pIP7oBfrQYdLziVB0dfwWoq0N7RsO6y5qmeZT57YDorSOnVjE6G1J28OTWGOtcb0LnVN1TMXYfu/QYkJN63YH1HNSbrPoxuInuprt+Zuw3uBSq+asa3G+yLQ+pK3xW8xZQYS626nVJzCg3NwkCuxF+DndtW2B3VVonOPly+fP32Mlpjc5vdQabVpGf2H6lci3lWSRf7FG6Samki9HbqUSmcgJgMxhAHMxl1OaDaFvHffXBZ0eh85gO6JNm8wUwIPGUV9r8O3S+ZPmFvDot1M8mMnpMgRt32MIX/g4gnYdCtNjhfp6czpGYD5rimA0lVjU4vWdQShofQ5SffpF7qwdxLJ+/i7PXcQrp1Yv+ZKFtes4rVnrIv48Q9dV9DzjUwo93HE6qenYA19oVFChKz05Rw9WJM1CAiWD2CmIbkHiz4qC+F9a6qvrA9ibS09KU5oH8c6RGn1gx4jFmbY/2MkAykNj0L2gFPrJ3Sa6VUCuQLmIBNih5qe/J8nkfh95x73bM6cPqYB7fudRjUT7vEVlFLmYJp1+aAter1PHT30e7FbUs8dcXZrnYxxODYZ4yTerS7/AlSEOs7rfUYC59yp8IWhuqcG4os225EsJnoYqhOT8QTXbeTYRqJge6k6DgNar8XXQLoAnGL2hADdRjEURJa4jWk1mdsme51D/Ypk6RqySjzdJvEHAe3Zfh3GG1gD6O5YNzpLaE7xCZAeozl7G6X7qbREsGkC3OvQnV0qCbNpfQvOD3htHuAo3vR0V4LT3e2+BrEQf1yRA/l0ANyDD7Huwq5J/Ouzi/QNKcs3VORLdrmBBbcaePLT+A5HRCI0Q+6CVdtbDrtk8Rd6w745/6Uw9pvdgn+WYLVtk9/mVAxFw6L1ly3JdvPvbRya+Yco9jGUbrA3Y0Y2lqo5SBxc9xpEwti8Kq9gs3XrOnGNvvmncvW2AetLlpjbM63q9tkA3c4UL2MamI1hxluQ1+P/bWl1uPA3AxMO3KZrQ5O2W7FABqBrE6zyn+ky0U1c/bQwS7GLAEfGU/zYM2xBazjuzqnTc0jbePpcPvIUM8Gv1WrTd2lb91UFPvI1F3hZmOsTotuxz2oxaxyG2ZSp2HGbagcWy0yq3WZ+gwgFOflv37/ffAlLS165smGlrqc3wNmzmnpSbohNMJB+tIJs+PUPof3lBYxi9+49LL7eZwvA4fTuQUxcFC9EcOH1rn1qkPYspi+e/Pm1FfYzwPEB9W0ADelP6i+zzDpp//YwQAuSCfZTA/4cwjXTZaqZrNBen+j6Q3jvgmGAFg9To9DgEEuhFvLN3VSj4/nhi6+O7euN2S5dCRdqRrcbtDLq/DJUqoDrx9ZlS2s0nSX+vFEXt01eh2lmGbcAkHBzAvqRD0wKY5nFiVO52gueiKsbN559P1QixTrF27IfmoTzq95L0n7JD3G3ffhEGMBN26png7edlc/ZQU2giF+vWTxgNb6nDaD8w8HGom5BYWsV/q0vyDinWj+UlzCtw+xO6ldxGFTayw6Gr6FoNUrw8lvi7TXPOzy0yar7Bt5Frj7DBn0sws9Pw+e1qLSsbmDTSouR3WmfHFu2TTum+4SK/fx6t3bty9/fn1lX6HploJvuZGOriuPnPsN3sTJ9jAveJxHUd/4QX3hPvRJm2JQ7xWGGhw/haOjKdqAEgMb8GD3w5vrMCaj3SZq4K3+OyXRy2q5xT/A8x6fqlaSgAeAeI/+bQwPnVNuPYfdTeM4LedxzHezuTCgLz+qrA22EaCxogV9T/8pGoJDDcLT05c0zKp8FWQYYtvhDwY8Ax6eqjZwfY7KbqPBxEp9xM19ZD+RgF3+wg/RXAV9n2Up4EYAykzRNnP4i5Wbe9K43CjonP7khMJolOEVLpSHOKY4PI7xeOPYa/9+CcYrPh06AP4/f3fTSD1OAAA=
  owner: root:root
  permissions: '0755'
  defer: true
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 40
  }
  network {
    port = openstack_networking_port_v2.cloud_database_db2_port-management_F3E0ADF5.id
  }
  network {
    port = openstack_networking_port_v2.cloud_database_db2_port-storage_D2E88FE1.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_database_servergroup_77FC38B6.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_database_db3_port-management_E3489AA9" {
  admin_state_up        = true
  name                  = "ha-lab-db3-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id)}"]
  fixed_ip {
    ip_address = "10.20.0.42"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_database_db3_port-storage_7F6235A1" {
  admin_state_up        = true
  name                  = "ha-lab-db3-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_database_secgroup_CB6FDA33.id)}"]
  fixed_ip {
    ip_address = "10.20.1.42"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_compute_instance_v2" "cloud_database_db3_server_B2C0C023" {
  config_drive = true
  flavor_name  = "m1.medium"
  name         = "ha-lab-db3"
  user_data    = <<EOF
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
- python3-keystoneauth1
- python3-novaclient
- python3-yaml
- resource-agents
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
  content: H4sIAAAAAAACA81YS4+bMBC+91cgznVIsFSpFemx0l5WPbSHnpAxzq4VwKwfafffdww2r0Cyy27UXkg8M55vPP7GeEgozwIqy/TAiDaSpYrpfYg3u0+bXRicSMFzohn6zfXjPqwJZSU5Monw5nMYsFpQkIJdZcrU1NZS7cNtGJC85FXq9Nvw64cgSKioDvzBSKK5qKzEygC4lbcCKyqM0kymtRQ1k/rZBhTwfB9CoCgTQistSY1Ebd2o0M+DmdWpJlwu2yLnGlWkZBAzPMFyJIP1GhDCQkhGFAii1/hXWlSQJ8QqkhUs9xBnYoeipXktQiXQkxHSlKgWBafPHuJc7jAAux5gJNFcet1mRNPdSCqRM9XNtaMmNthw0+Lm2W7ovbOIBxbxrAUeWODOIokGkIlkShhJByHUkpdc81Pr48AqylATAy2IUl2qw0A/18wZpLDQSmlCj0OycCuyWqK15JkB5o59ohmLgYPxbl2chWpaHtNHoXRacKX9nk2lnnujlL4OiBbC5D2zm4Fz20xc7bgWso+7+e/cPhJUkAxNg06iGS8DteVecw6oUTyinsRS2u0UEmICzgIk+rRVPg6nCwOv3IeNVvOSCQOHWGxHo6DOYZOoo9QVksU3IFm8imTxe5AsfgEX4luRLF5JsvgGJIv/J5LhG5AMryIZfg+S4RdwAd+KZHglyfANSIb/DckgcVVLsAdSwATUCIbkGdOwteo4KOghDOCicOI5k5AhRqTO4JroSenMRwtfYqML4BoVx1u5PAn9VpLVqb/NkDyHy0KX0AWl2+kHKsrySxTBC+Yj1P/Hc56+OIr2ttTx1I0cTsQ0jcpn9VTAc0Orw1oUex3NufQw3dDjnIiMCp61WGtBlKBH1pWGH3kIaarWfe5+NtZiLVZ7E06pZA2HPeiZeOmifLUsFwuzL00XHjiRuq/KvigbxbAkRxW5m5bkrGtRz3u2d/I3OIaSLAU0ZTO+nWrRPd5ed5+zJe+t5k2x+3PQBZr3MLuLB+JusgwYSVGA7Xfn6KXApjqHxheh8RL0z87VGTvn2DdzQoOwZJosHJbNaY0mBotv7kuTXLpteY2Z0kou1NnrACCpJfkzIaOTORC8FqHZkIKRU7eEoeQdliAkvOb6tr0bLrbr0cTDsMsGAN/STtpY+yHEdvUQfT9DKpoWgjaUaSL1A9Q3Q+QkeK7aXgvsR/2vbZtd76iokPAf3d1/u7u/+/Fr2H5fh4l7mHgCE/cw8VthcA+DJzC4h8EXYCDJ0zw2uDk7EFMMUjtXYGB45QvSwAL5DYQTndMjrwY3jVmVI8xuux19epllC9BjEnSzsPGXsgReRtoo6wy0PPv64S8fJki5txMAAA==
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
- path: /etc/openstack/clouds.yaml
  content: ${var.cloud_secrets_fence_openstack_clouds_yaml_116D3B48}
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
  content: H4sIAAAAAAACA808/XPbxpW/86/YIDcTIAYhKW56F7pM69ryXXrj2GOp6dzJOhAiliQqEGAAUDTL4/9+72N3sQuAstxpZy4zsQRg9+3bt+/7vdXXX51t6+rsLivONvtmVRbPR57nlRtZ1E0yvx+vkvEyyWWVjO/KsqmbKtlMBHyqGvHv9F7UyULm+1CUhVhkVd0IHCjKSiSLRsK/YrHNc1Fum2Qpo9Ho8kFWe5EmTXKX1FIUZSpFtS1qMZsR2NlM+AkAk/UKwNT7upHrVGyLrBFJI2QyX6kFilGzkuKXt3Uo8Jc8e5CikXVTIzh6VSdrCTjlMojE9YrXqkWyrKQMxS6D3W4B6GhellWaFUlTVrQL+SmZN/kecWD0mlXCu6LtAwRRyJ14X2XrBLbyqlxvYGjRTEaji0i8FGu5voON06wMRueVTNI9bKWYy1T4GWA4z7ewr2q+kvN7kRT1Tla1+O78PJjAindluh8JYa34AoABJELmr2UGxMqaaPSdtdhuVQIxl1UCNGxkBOSF3e+JqHA8cVPG1vFdII2BnrukRjrhWjlMFE0pcpkAGRNAUCaFRjNwUcmAiMsSRxPdyx0QXRRA62j0PBLv4GW1y2qJtJxLcfnL5Yf/0miuYMXN9i7P6hWQAimxKeusycpiQsBW2XIF0BCjWv5alDbVgSuIAO5W1TigzvjCcNwcPq6YGxFUJeflA1IY9wzHDlSBk8uS9C4V4/GuruRmrMbMZkHIO7zbO9uDlREUbVO8K5CtW2aXxNN6K4iMXG8akIm6RyP3YKPRbyLx0wLGAacyjb6pHUB1k4H0rLO6zool7F0ya+8S2IssUmD+IYZhatbzKts0YpFkeQ04bFNgamCeBthRlAux3EqG6puJG3hESIuqXMMWgcK5koFduc1TAAKkn5frddY0cIAwpahBWADXOgDZfq8Qr/HLgwSpB8KI/7i+fj8BmuttAfftqgxEteVq2PSfrt79DNgxV40MCVB8QUJS2pAjNpWsQe5SWKCW1YOk002a0Wx2phSWtR4A2pSgsn4AGcOtI7B1UoBGWoPggjg3u7K6hx0Q99IOYc26g7W/qQDBM2SVKnWQ14OCENZP5TxLpRlPi+G7GveT8E5DpUOLEsAUS2A6WAn4MKloIkpOOLqTi7KSNJ+ZjeZMgL0lcj6+v7q6DrvaJBVJus4Ksa2J52HNESDywMJS4Ylo3af2jTyA0/Rrkghi3t0qA6g4hQTA1oFKq61Yh6xBxV7JpgFQNZJPahaiY6VD9Gez8XheFotsCVI2qiSeHTAR7JHVOi7xAvGdzcxCsToKONXZDFVf+4L238hPeOQHfQBHeH8nEQGXu2az7TZLJ6QsyMLksDv5CZkCUEhqgPGXqw+X7+Or65cfruP3765+uv7p3c+kDmBkgtyGxIfBSpXNQT9WElFCVfHT1XU0ek8GVDyPfniGR1WkCbBJnt1VaCbKIt9PGCciR4Z02mQAEMh7lzTZGoYo7idDFaEhHo2IjnG82DbbSsaxyNbEyUkBrJOQsI1G+l21BAaqpX7+aw1GUv1e1vq3zS7Vv1ZmaL2921TlHBSCebM3v4IF3iDO5jlbm9+3VQ47jGRVlVXnXSV/3aIypx3MyzyXrCmi5G6ut/EqyfPkDkDTIPQK5mCKapRmHmBe8YhmjypKf3xZ7Eej/7788C7+859/ei2mwjtX/40H/tH/eaP4w+Wrd2CXLnFOJSPglw3sz688YoKJ+MDWAA7H2Kfff6yf+Tfn4x+S8WJ8e3j+22Mw8ce//5g+C7xgNBqlcgHqcekD59WgV9BJAsM5/lH8DM7BBJUqkjSqG+D6KiIF6C8+52gdFLTjxwIW6cBYgNivfFz7D4ZKPlDpb7KYXldbGYzoldBamZEApnppmZo8ARudsVEBqc+zOTEVWOIa/KF9RDyI85AnaVP0RNKET0BAcwCMIIrYBDU5fBpf8Lu+DwK/5jDgDQiiVBtD96jzgb78AThzI6uGbJxAOi9AGld+LfMFURin8OYEWXuQlELg1wjRFFMLRdJz9In9ht+J85EBCxiiyLSA02ze3ADCIXLabW+Jg3lBhEUKeROGjr+H7mfERX/G3zufCR/9nR66A7pEhMEXIluoGd2vQgIBxXkL5KioSUyxlqCqUoug5Zr3Ps/BpUB2mnR2TwRxWckiBUzzHXSRAFOY7COsG6bNbeBuCalgxkRL2fhMpLA9r6AzhQgzBeay5jDlQmC23uguUbozeyQNxXkQIMdcdCARd06R0+z59BYmEbfaq39eKl8rj8BI5WzGnhSYJ7ANBqWQPH6Mp9DnewGWDFzzFD1VktnBAAUGY0jVCi9DbsWXQbAA/y9pqBEfZlLrYX+/VHi8muZlfgqFx4vq1/wEr3lR/ZqfjkqhkjmLta/vo7VvFWuLB/xza+iIkd5sdi/B2j4k+Rb9qU0C7hP6fYkTIhF9cBY4PZMOOFBBhyN9RP8kzwrWkoBAVIOWbPBN7Qft7kEQ8V1EbkKNrpTvfe0FeBbexENHDwHgkInDWeARgde0leYlYB6KOGTkAQ2CCoRoSPJ8ABaYsYD4DYyHRcHT9wPEmqbpFyPrXGCsQ9VK2zgfzFbskrbZbnLJxACJuVU8Ykjsk/5iYQzY00NeJCcAjSCS+rEYyxB+UW5BH09Fa5CjRQZ+U54bpHgPQF2kII3vcZzhXwstAEqDb8YXtzYVeAiqAcZekYR9djDeRINQGUgIACBUJa64DY0rUNu8ojUi68eeUP9lZcewkRVP1MCXqzJPaw5GeD2WZE4IYK6gDfuzArz8VKYYZiHs9+ANkjFLJbj+4O4Dntl8okJRmoJezZbDLJULYZlrD6xWAWm7tZBdftRAO0RlndwrAGCEmxK8OFKqbfZEWNmTSO9aH9laar7X9GyPLsnAPP2CzHqJbAO+EDg7X1VHQTtGyMrR9g/fhOKbCLWgr8AEx8C4Q5RUmYKTjs65X5C4grbZ4KpmWxF4W2sQV0RqE6lJSL1CfDWFhQyTKS+ky2H6XH0P0QCFz+NuzoEtAHHzRNhrTwaHkrPaJnw01kjCL8S5a6palOFLi7A64im9BozMh91qjzLhHXjEkSK3oeQQImFrSe80MVq7SepPLY0EZe9DU0vresCB0db5DEODGsypPlwxFvhoCBGYrappp4/H9ZjQYHquHUdV4b5ZgG+iWc0cHmptOqSmtC2xzkOY7AToOa8DzeZWRjcgrtgW90W5KybCSbYAq+9AhExuxc6oeLY7wTJT3NvM3rIKKX3glRCtxzRP1ndpIuAw/fFG+ZLAQqgUFC0NlzBI4JNIZ7iQzqh/NxF52cSbHcbUq1nWT3OXlRTzW7oiqyU6pAgm3ZxYKDRThpayZMIiH7XLNOXGQZr21n7NiDo3vNUWc0U3liM2DlME9RnhsBKSyqb4B5gFuscx+rLwceFA/CguXNOOUJ8h2JBRo9yjxR8NoUj6kb4DtAb1ESMRHF/YRILZhaLJP0YOR8oRfUUpGWOxTBYHcTMpcJ/jQ5WyMUmdoHUx0YrGMWi8Jo7JV3wkjGidCfbpVcCkA0o7ZHBHuWbZ9dhuyVeqGxVxqKEQdLgg8GuaVfZa7MyrD0Am7+whqc7y7O5sva9/zb0uBLlItnlTx0gB24d2wdmjuiC0a9THQn8hNLAyU2NpxrztwJnnGRYeelD4PcJQM7sTMQ0MUh6nd/3J7TcLwFi9HfdhYZ6xDwXf0vwhEtoZyxhTOTph4MZnvWEAEFO4QQecVk3WiViouEbBGUtUhlDpzM7DdPPHEYY/XkcXW5QEjoctDtGRv9AispkPLoKDogEKqWRwGgP97wfo29mUO9rh4cGtqfEnd7WRsooxzwdOXgzytsjLBM+Hflon5I6DdX87dDrATHCwsgLD8SgwdyBAe96F1UsMWx66ln+HNC303lSAf+MxQeJC7mLto1kao7O6nYB++sL2LFqTi5rzhjiD4kVbUgeX/1q8FGlZlKbYgeqGC2DkMiyw7oVOM57FCxNOaBc0aSxIVJbD9HUtqYiAsTHWiITvvYEfWNcpMRWQijZnLqIoorjBgoPAsfpCVSb0iaUsOEium/oM67FBJP6kMVgmGRe0wK2KBsiaNJhmbuphTeAMGWIMGgCGsdrHqcyT/WN81h8LEC+Qb0/kG5mcMZrhus2DmPPv5x7ZP1uDEYMp3i3Z0jXSxrZiQWs4kzQFZ6uOy4UynTivDcfhZ7sGwVL+qgvQ9T4yjbfBAjwCgusMs9DWwxU2lvHlaO0/5Z5jNYRiYc9VpTiplo9T52thUgJgTTIs1VO8Ox5rYzmm0giXb8iVjLqkvVl4neHTQ98qH2G3OjPqfGB/6OZWhf0mtRRvkmblzxfLifKHXLrrFEod4Tj23mCwdiZAep2ISWcVVMIj1pakt8Bn8iwftsWjeRQKSCibo/L33apFm2hJQ0zM0DZBInRFJ1rfoyra+GAQFtmnqecsMEah3i7oQwSzlY0CKswxWPEXKb+Yr8ntRoJoXEPxLT7anAHBidfZgYfR83gMoMeUO5oeNI5HxXxwiLAcSK0EVeRTZva8ZSjEZAVBla+nwbIxDIyXMBjXRyfE0hSAaARxF7ixPq6LX6cHPe6otodFnIVntRVMNGFRjznhn3LotT8P4AMNBZSL5eGa6loEzgaOC0EBb6iiB4Zzs20oNRxSflH/ykZ1+vz8HAajBzTlLHMbtODqaN2t7ctiXqaA59TbNovxvwGBibD11MPiTjIHTxRL0IuVqwQUf3cTg4sV5mOB7rzoIivAA9w79N8WeVbcGww055tTMM6hxe/A6szvDAk81QrDr80uxZPe7EC90DwnfUmjos0upgSeeYI1TPFtDl7DSVHrVcGuB+r3nBqzZTm0pIq6LyzGMNLlHHZ7LH3tEvRPaPA82LJPu/nvznnIT3O5acQbEOSfy+YNpjtJP/fskd67T1UZZHjKBZicKaYUaMPDNZi2rqfssjVYF1+88YUXuNkta9BAncU790icvQuTLjQlOdJrhNhXVu3O3pY+kumgjg3sAL0drDKLbvTZzxubCc4YVgt9FSsOOPs4OdD0o+XHu6kLDcPjbA8iooA5OsVu9YKRBdhIzNMRakji0WePNeS6mrWnqUoB9cth+MY2VlU6KECh1aalF+0E8qAKMFcMxrD2tZmEB/QUSBM7YReKwSew/3F5r2piJEVrTO70BotnwovgG7NJK13wCrho5z1BpDCAi9It2jltGHVVC1BZrELy2OJ7ua8tfEjlrVSp3jMVeNid0qWMQn93WgeummYTowBsq1zVFbohVVcrUjhhewF91eJ2V0TwSOSAn63RMMsQKbBTalDf4wcsWDXbOuQHVi/gMwFFYdPaiLTWw1Y8du9HhF1epH1wRRjQU0LwLpoTfyqtqaD4765oXmhVA4LhGo8qX8kTLlXXbdas6hBUObeK0yzHm51aHLIqawobvJuD+n68pcwaFvKwn0qBIF9SPdDEZYnz2nNfePjr5OzsgCBBR+CSvaTGsZtw8Cw+mT432W+EDqqBMk1AZni8Ob9FDfnd+fnpmpjDQB3FEbV1fxIR4Mi09hHwxa1rY/z2bEITB4Tier956oFxYv2x42rbOP4/ntHQoaitqoPRtoWslzqdKZ2OosMywe5CThPYdFAlEeBQczL8biGb+WpimqRubjThuCDZ4W/MQziywUDqXMqNDYQUD0zXc3BbEY3iCeDcz+/tCVjkojl68LqEvZZFNg9Hw2XP92Wes1mTmIYAM5blbh+kotdshkUa7NCs3L5W41uloJGo/D5lxCAIeMY610k9sesOflLMHQTYDKYsxgqNCKr1lkdNLQPL/NpwTugMjk6gTZl3YCeKbawsQC/UpoFfMcMSsF6QzYxHR4pSwNwf9Ia1gj7sq/S2cINw8Ghgmhlp6DzVpe3WPejuxapsO46ThqE6OHB3XFIbtCV69CAEdSZY22iPaDLgXyF8rPCJQ2eu7Vj1j7oz2MZBM82PU8NKg/gP1xCJnzE51qkjDtcSuQK4xBb67UZ1ox/6vDqJzhdHUQ9sMhJX1BaMouD1EdFlU5XvCVFqMupm3oukwppazTWlZVmmVi3NajFgH2IAdr/adYfdvaDKsDh7slKMxW07Xgo6hLLSdKhhlC/o5Hm1v4S567i3Ti+QczIkV7J55I7DW8xGvP4jHPFiiz2lOv1QyN1YqXhR6vsKgVE5KkkyEL49Fu0NB+CD4R2G+agLdDj3ZdGc+Nq6e4AXRtrLEHvZhLqnnLO4uPGRiYSiWiZg1fzK+58+zT7W317A///icR4ClX6yrKcw623PvHNLqNxx/2y9vRsGGRE0b+h8hlYxrT4IeErf24V5NerAqri9iXxyDA8+FkMrfCy6IQMf0dNiBuP5w7puYui0MBw4daUZGpVZDOKofJ8YtYDrAPX78DqekGX9XMv7mBkkrY4ZOQZ/axWFOf2pOk6GDBuR3zZknIcjKSGYXz6XDXAP/d8N6GPb5N58q6zTt7z4bc/mdvxKZVH75pIP7oBfrQYdLziVB0dfwWoq0N7RsO6y5qmeZT57YDorSOnVjE6G1J28OTWGOtcb0LnVN1TMXYfu/QYkJN63YH1HNSbrPoxuInuprt+Zuw3uBSq+asa3G+yLQ+pK3xW8xZQYS626nVJzCg3NwkCuxF+DndtW2B3VVonOPly+fP32Mlpjc5vdQabVpGf2H6lci3lWSRf7FG6Samki9HbqUSmcgJgMxhAHMxl1OaDaFvHffXBZ0eh85gO6JNm8wUwIPGUV9r8O3S+ZPmFvDot1M8mMnpMgRt32MIX/g4gnYdCtNjhfp6czpGYD5rimA0lVjU4vWdQShofQ5SffpF7qwdxLJ+/i7PXcQrp1Yv+ZKFtes4rVnrIv48Q9dV9DzjUwo93HE6qenYA19oVFChKz05Rw9WJM1CAiWD2CmIbkHiz4qC+F9a6qvrA9ibS09KU5oH8c6RGn1gx4jFmbY/2MkAykNj0L2gFPrJ3Sa6VUCuQLmIBNih5qe/J8nkfh95x73bM6cPqYB7fudRjUT7vEVlFLmYJp1+aAter1PHT30e7FbUs8dcXZrnYxxODYZ4yTerS7/AlSEOs7rfUYC59yp8IWhuqcG4os225EsJnoYqhOT8QTXbeTYRqJge6k6DgNar8XXQLoAnGL2hADdRjEURJa4jWk1mdsme51D/Ypk6RqySjzdJvEHAe3Zfh3GG1gD6O5YNzpLaE7xCZAeozl7G6X7qbREsGkC3OvQnV0qCbNpfQvOD3htHuAo3vR0V4LT3e2+BrEQf1yRA/l0ANyDD7Huwq5J/Ouzi/QNKcs3VORLdrmBBbcaePLT+A5HRCI0Q+6CVdtbDrtk8Rd6w745/6Uw9pvdgn+WYLVtk9/mVAxFw6L1ly3JdvPvbRya+Yco9jGUbrA3Y0Y2lqo5SBxc9xpEwti8Kq9gs3XrOnGNvvmncvW2AetLlpjbM63q9tkA3c4UL2MamI1hxluQ1+P/bWl1uPA3AxMO3KZrQ5O2W7FABqBrE6zyn+ky0U1c/bQwS7GLAEfGU/zYM2xBazjuzqnTc0jbePpcPvIUM8Gv1WrTd2lb91UFPvI1F3hZmOsTotuxz2oxaxyG2ZSp2HGbagcWy0yq3WZ+gwgFOflv37/ffAlLS165smGlrqc3wNmzmnpSbohNMJB+tIJs+PUPof3lBYxi9+49LL7eZwvA4fTuQUxcFC9EcOH1rn1qkPYspi+e/Pm1FfYzwPEB9W0ADelP6i+zzDpp//YwQAuSCfZTA/4cwjXTZaqZrNBen+j6Q3jvgmGAFg9To9DgEEuhFvLN3VSj4/nhi6+O7euN2S5dCRdqRrcbtDLq/DJUqoDrx9ZlS2s0nSX+vFEXt01eh2lmGbcAkHBzAvqRD0wKY5nFiVO52gueiKsbN559P1QixTrF27IfmoTzq95L0n7JD3G3ffhEGMBN26png7edlc/ZQU2giF+vWTxgNb6nDaD8w8HGom5BYWsV/q0vyDinWj+UlzCtw+xO6ldxGFTayw6Gr6FoNUrw8lvi7TXPOzy0yar7Bt5Frj7DBn0sws9Pw+e1qLSsbmDTSouR3WmfHFu2TTum+4SK/fx6t3bty9/fn1lX6HploJvuZGOriuPnPsN3sTJ9jAveJxHUd/4QX3hPvRJm2JQ7xWGGhw/haOjKdqAEgMb8GD3w5vrMCaj3SZq4K3+OyXRy2q5xT/A8x6fqlaSgAeAeI/+bQwPnVNuPYfdTeM4LedxzHezuTCgLz+qrA22EaCxogV9T/8pGoJDDcLT05c0zKp8FWQYYtvhDwY8Ax6eqjZwfY7KbqPBxEp9xM19ZD+RgF3+wg/RXAV9n2Up4EYAykzRNnP4i5Wbe9K43CjonP7khMJolOEVLpSHOKY4PI7xeOPYa/9+CcYrPh06AP4/f3fTSD1OAAA=
  owner: root:root
  permissions: '0755'
  defer: true
runcmd:
- - /usr/local/sbin/openstack-ha-bootstrap
EOF
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 40
  }
  network {
    port = openstack_networking_port_v2.cloud_database_db3_port-management_E3489AA9.id
  }
  network {
    port = openstack_networking_port_v2.cloud_database_db3_port-storage_7F6235A1.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_database_servergroup_77FC38B6.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_secgroup_v2" "cloud_brokers_secgroup_C0DE92E1" {
  description = "ha-lab: what the brokers group lets in (the plan's port matrix)"
  name        = "ha-lab-brokers"
}
resource "openstack_networking_secgroup_rule_v2" "cloud_brokers_ingress-brokers-management-tcp-4369_CAC9D082" {
  description       = "epmd"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 4369
  port_range_min    = 4369
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_brokers_ingress-brokers-management-tcp-25672_8F8DD670" {
  description       = "RabbitMQ inter-node"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 25672
  port_range_min    = 25672
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_brokers_ingress-brokers-management-tcp-35672-35682_1A3DBA42" {
  description       = "RabbitMQ CLI tools"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 35682
  port_range_min    = 35672
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_brokers_ingress-controllers-management-tcp-5672_2BA43918" {
  description       = "AMQP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5672
  port_range_min    = 5672
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_brokers_ingress-network-management-tcp-22_15B802AF" {
  description       = "ssh from operators"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 22
  port_range_min    = 22
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_brokers_ingress-network-management-tcp-15672_1680120F" {
  description       = "RabbitMQ management UI"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 15672
  port_range_min    = 15672
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id
}
resource "openstack_compute_servergroup_v2" "cloud_brokers_servergroup_2828CC74" {
  name     = "ha-lab-brokers"
  policies = ["anti-affinity"]
}
resource "openstack_networking_port_v2" "cloud_brokers_mq1_port-management_1BC8A816" {
  admin_state_up        = true
  name                  = "ha-lab-mq1-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id)}"]
  fixed_ip {
    ip_address = "10.20.0.60"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_brokers_mq1_port-storage_923784E7" {
  admin_state_up        = true
  name                  = "ha-lab-mq1-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id)}"]
  fixed_ip {
    ip_address = "10.20.1.60"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_compute_instance_v2" "cloud_brokers_mq1_server_E2343F9C" {
  config_drive = true
  flavor_name  = "m1.medium"
  name         = "ha-lab-mq1"
  user_data    = <<EOF
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
    net_ticktime = 10
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 20
  }
  network {
    port = openstack_networking_port_v2.cloud_brokers_mq1_port-management_1BC8A816.id
  }
  network {
    port = openstack_networking_port_v2.cloud_brokers_mq1_port-storage_923784E7.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_brokers_servergroup_2828CC74.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_brokers_mq2_port-management_CD17827E" {
  admin_state_up        = true
  name                  = "ha-lab-mq2-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id)}"]
  fixed_ip {
    ip_address = "10.20.0.61"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_brokers_mq2_port-storage_637D864E" {
  admin_state_up        = true
  name                  = "ha-lab-mq2-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id)}"]
  fixed_ip {
    ip_address = "10.20.1.61"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_compute_instance_v2" "cloud_brokers_mq2_server_8FC4478C" {
  config_drive = true
  flavor_name  = "m1.medium"
  name         = "ha-lab-mq2"
  user_data    = <<EOF
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
    net_ticktime = 10
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 20
  }
  network {
    port = openstack_networking_port_v2.cloud_brokers_mq2_port-management_CD17827E.id
  }
  network {
    port = openstack_networking_port_v2.cloud_brokers_mq2_port-storage_637D864E.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_brokers_servergroup_2828CC74.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_brokers_mq3_port-management_BE8375E9" {
  admin_state_up        = true
  name                  = "ha-lab-mq3-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id)}"]
  fixed_ip {
    ip_address = "10.20.0.62"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_brokers_mq3_port-storage_66226392" {
  admin_state_up        = true
  name                  = "ha-lab-mq3-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_brokers_secgroup_C0DE92E1.id)}"]
  fixed_ip {
    ip_address = "10.20.1.62"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_compute_instance_v2" "cloud_brokers_mq3_server_0B005C5F" {
  config_drive = true
  flavor_name  = "m1.medium"
  name         = "ha-lab-mq3"
  user_data    = <<EOF
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
    net_ticktime = 10
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 20
  }
  network {
    port = openstack_networking_port_v2.cloud_brokers_mq3_port-management_BE8375E9.id
  }
  network {
    port = openstack_networking_port_v2.cloud_brokers_mq3_port-storage_66226392.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_brokers_servergroup_2828CC74.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_secgroup_v2" "cloud_load_balancers_secgroup_95595985" {
  description = "ha-lab: what the load_balancers group lets in (the plan's port matrix)"
  name        = "ha-lab-load_balancers"
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-controllers-management-tcp-3306_1DDEE473" {
  description       = "MariaDB through the database VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 3306
  port_range_min    = 3306
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-load_balancers-management-tcp-2224_3F1642E9" {
  description       = "pcsd"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 2224
  port_range_min    = 2224
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-load_balancers-management-udp-5404-5405_3601307A" {
  description       = "corosync knet link 0"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5405
  port_range_min    = 5404
  protocol          = "udp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-load_balancers-storage-udp-5406_BF705010" {
  description       = "corosync knet link 1"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5406
  port_range_min    = 5406
  protocol          = "udp"
  remote_ip_prefix  = "10.20.1.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-80_1F08A04E" {
  description       = "horizon API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 80
  port_range_min    = 80
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-5000_C8E45466" {
  description       = "keystone API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5000
  port_range_min    = 5000
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-6080_BE98E5CC" {
  description       = "novncproxy API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 6080
  port_range_min    = 6080
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-8000_9E465137" {
  description       = "heat_cfn API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8000
  port_range_min    = 8000
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-8004_9D4D4B21" {
  description       = "heat API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8004
  port_range_min    = 8004
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-8774_C5F68567" {
  description       = "nova API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8774
  port_range_min    = 8774
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-8776_C01F0806" {
  description       = "cinder API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8776
  port_range_min    = 8776
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-8778_705FBCCF" {
  description       = "placement API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8778
  port_range_min    = 8778
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-9292_F54FFC0E" {
  description       = "glance API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9292
  port_range_min    = 9292
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-external-tcp-9696_35C5E39C" {
  description       = "neutron API on the public VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9696
  port_range_min    = 9696
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.3.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-22_0D997B1B" {
  description       = "ssh from operators"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 22
  port_range_min    = 22
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-1936_78D440A2" {
  description       = "HAProxy stats"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 1936
  port_range_min    = 1936
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-5000_D3BD3BE1" {
  description       = "keystone API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 5000
  port_range_min    = 5000
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-8000_E839319E" {
  description       = "heat_cfn API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8000
  port_range_min    = 8000
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-8004_0BFA3E1F" {
  description       = "heat API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8004
  port_range_min    = 8004
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-8774_114892EB" {
  description       = "nova API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8774
  port_range_min    = 8774
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-8775_D641CF0E" {
  description       = "nova_metadata API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8775
  port_range_min    = 8775
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-8776_2F5BD877" {
  description       = "cinder API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8776
  port_range_min    = 8776
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-8778_E1889176" {
  description       = "placement API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 8778
  port_range_min    = 8778
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-9292_B08AB456" {
  description       = "glance API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9292
  port_range_min    = 9292
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_networking_secgroup_rule_v2" "cloud_load_balancers_ingress-network-management-tcp-9696_7A73AA24" {
  description       = "neutron API on the internal VIP"
  direction         = "ingress"
  ethertype         = "IPv4"
  port_range_max    = 9696
  port_range_min    = 9696
  protocol          = "tcp"
  remote_ip_prefix  = "10.20.0.0/24"
  security_group_id = openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id
}
resource "openstack_compute_servergroup_v2" "cloud_load_balancers_servergroup_7CE703FF" {
  name     = "ha-lab-load_balancers"
  policies = ["anti-affinity"]
}
resource "openstack_networking_port_v2" "cloud_load_balancers_lb1_port-management_F6B25C32" {
  admin_state_up        = true
  name                  = "ha-lab-lb1-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id)}"]
  allowed_address_pairs {
    ip_address = "10.20.0.10"
  }
  allowed_address_pairs {
    ip_address = "10.20.0.11"
  }
  fixed_ip {
    ip_address = "10.20.0.80"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_load_balancers_lb1_port-storage_E7923BDF" {
  admin_state_up        = true
  name                  = "ha-lab-lb1-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id)}"]
  fixed_ip {
    ip_address = "10.20.1.80"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_networking_port_v2" "cloud_load_balancers_lb1_port-external_42D52A56" {
  admin_state_up        = true
  name                  = "ha-lab-lb1-external"
  network_id            = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id)}"]
  allowed_address_pairs {
    ip_address = "10.20.3.10"
  }
  fixed_ip {
    ip_address = "10.20.3.80"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
  }
}
resource "openstack_compute_instance_v2" "cloud_load_balancers_lb1_server_DCA2A606" {
  config_drive = true
  flavor_name  = "m1.small"
  name         = "ha-lab-lb1"
  user_data    = <<EOF
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
- python3-keystoneauth1
- python3-novaclient
- python3-yaml
- resource-agents
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
  content: H4sIAAAAAAACA81YTY/bIBC991dYvpM4tF2pkrPHSntpe+ilJwtj0qDYhgJOm3/fAdsYe73ORzfaXiJnGOYNM4+BIaU8j6iqsh0jplEs08xs4/erzcNqE0dHUvKCGIZ+c7PfxpJQVpEDU+j96lMcMSkoSEGvbqqskVZTb+MkjkhR8TrrxpP48V0UpVTUO/6zUcRwUVuJlQFwK28FVlQ22jCVSSUkU+ZkHYp4sY3BUZQLYbRRRCIhrRkd9/NgZn2UhKuXdVFnGtWkYuAz/ILmSAbrbUBYClJkOSlJTZnScbS+BkUbUUO0EKtJXrKiB3om7rCMatiVCLVAvxqhmgpJUXJ66iGeyzsMwJYBRrqeC3KXkvU0J2ktCqb9XPvP+QZpb1rcMt+E1r0GDjSw10jXgcFUMS0aRQMAqXjFDT+2NnYMcoAcAi2J1j6QcWROknUKGSyj1obQQ0gIbkV2lBijeN4AO8c20YxGYGCci8VZSNLqkO2FNlnJtekzMpX2/BoF7DogWoqmGNjr/nRm3cSbDUuhBr/dd2d2T1BJcjR1Ol3PWAmGLbPcXtcjf4Sc+FLZdAoFPgEjARI9JLr3oxuLo35wG7tRwysmGihUOJlsz/Vz2HTtKXWGZPgOJMM3kQy/BsnwBVzA9yIZvpFktzvt4lCwkpyyivwZRSeQdnibj/oObMb/A5uPXCLZ5HACeDoLuosjKPZHXjAFwWZEmRwO/J7fT99IUSh8Ca8H61cRe3ka4rIPkv3qc5SscLKCu0iywIkzhikvVFYzUxF98IQeyTow/OEV+RA49YwQm0VCbO5ECIdQk/JelOjtX02KpYlLtEjO02LR9NsRw7v1n1ADru0kJ5rdixq9/aupsTTxDDU2Z6ixaPrtqOHdehNqwEFft7TYE0j/nxNykjDPY/Z0asOtCdzh9nbQ8qQfnqx2LghDGHpoCKQyw/qH5buBcPGjtT9M1j5vWsh5y7ZN+gfDr5q1+bzNZg6EFTNkuvlGWUQTjRd33uKsdmklI0ffQYeSF3va9cRO2IoCTN8ZTrpB+2ZgW1+AGGYoTaE/LQV1gWnbZP8XBSevfbNAnqKaCmVr15fPT1+evv+II7Azvis5fScd0z9obc9j++J+KfpwML8Kvq8gl+IP1f9CfKHgVHDQ7iuMuNmzesA88BqUvrpHC7u+HVfajENuJ9wA54N8MeAQ5RshfVwvhhwCewHkKKU+oUOTTI6CF7rtwV2KgncR+5zSvSl0aUZDnq+BwQMMnsDgAQYvwMB2nu5Yh1uwHWnKYBPPlStQPPOsF2igvlRANecU0sC0L7WzQ/6GkIxewmbrEhSiidNuYePnyxQOItNoawxGef747i8bhpOITBUAAA==
  owner: root:root
  permissions: '0640'
  defer: true
- path: /etc/openstack/clouds.yaml
  content: ${var.cloud_secrets_fence_openstack_clouds_yaml_116D3B48}
  owner: root:root
  permissions: '0600'
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
      # fence_openstack needs Nova server UUIDs; the plan only knows their names.
      cib="$STATE/cib-resolved.xml"
      cp /etc/openstack-ha/cib.xml "$cib"
      servers=$(fence_openstack --cloud=fence -o list) || die "fence_openstack cannot list the servers"
      uuid=$(printf '%s\n' "$servers" | awk -F, '$2 == "ha-lab-lb1" {print $1; exit}')
      [ -n "$uuid" ] || die "Nova has no server named ha-lab-lb1"
      sed -i "s|name=\"port\" value=\"ha-lab-lb1\"|name=\"port\" value=\"$uuid\"|" "$cib"
      uuid=$(printf '%s\n' "$servers" | awk -F, '$2 == "ha-lab-lb2" {print $1; exit}')
      [ -n "$uuid" ] || die "Nova has no server named ha-lab-lb2"
      sed -i "s|name=\"port\" value=\"ha-lab-lb2\"|name=\"port\" value=\"$uuid\"|" "$cib"
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 20
  }
  network {
    port = openstack_networking_port_v2.cloud_load_balancers_lb1_port-management_F6B25C32.id
  }
  network {
    port = openstack_networking_port_v2.cloud_load_balancers_lb1_port-storage_E7923BDF.id
  }
  network {
    port = openstack_networking_port_v2.cloud_load_balancers_lb1_port-external_42D52A56.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_load_balancers_servergroup_7CE703FF.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_port_v2" "cloud_load_balancers_lb2_port-management_446EF1AC" {
  admin_state_up        = true
  name                  = "ha-lab-lb2-management"
  network_id            = openstack_networking_network_v2.cloud_networks_management_25B1164D.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id)}"]
  allowed_address_pairs {
    ip_address = "10.20.0.10"
  }
  allowed_address_pairs {
    ip_address = "10.20.0.11"
  }
  fixed_ip {
    ip_address = "10.20.0.81"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_management-subnet_2658BBA0.id
  }
}
resource "openstack_networking_port_v2" "cloud_load_balancers_lb2_port-storage_AB853B17" {
  admin_state_up        = true
  name                  = "ha-lab-lb2-storage"
  network_id            = openstack_networking_network_v2.cloud_networks_storage_5F1EDF43.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id)}"]
  fixed_ip {
    ip_address = "10.20.1.81"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_storage-subnet_492D6178.id
  }
}
resource "openstack_networking_port_v2" "cloud_load_balancers_lb2_port-external_15CFE2B8" {
  admin_state_up        = true
  name                  = "ha-lab-lb2-external"
  network_id            = openstack_networking_network_v2.cloud_networks_external_29FEE1E9.id
  port_security_enabled = true
  security_group_ids    = ["${(openstack_networking_secgroup_v2.cloud_load_balancers_secgroup_95595985.id)}"]
  allowed_address_pairs {
    ip_address = "10.20.3.10"
  }
  fixed_ip {
    ip_address = "10.20.3.81"
    subnet_id  = openstack_networking_subnet_v2.cloud_networks_external-subnet_CF060990.id
  }
}
resource "openstack_compute_instance_v2" "cloud_load_balancers_lb2_server_C73EB73D" {
  config_drive = true
  flavor_name  = "m1.small"
  name         = "ha-lab-lb2"
  user_data    = <<EOF
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
- python3-keystoneauth1
- python3-novaclient
- python3-yaml
- resource-agents
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
  content: H4sIAAAAAAACA81YTY/bIBC991dYvpM4tF2pkrPHSntpe+ilJwtj0qDYhgJOm3/fAdsYe73ORzfaXiJnGOYNM4+BIaU8j6iqsh0jplEs08xs4/erzcNqE0dHUvKCGIZ+c7PfxpJQVpEDU+j96lMcMSkoSEGvbqqskVZTb+MkjkhR8TrrxpP48V0UpVTUO/6zUcRwUVuJlQFwK28FVlQ22jCVSSUkU+ZkHYp4sY3BUZQLYbRRRCIhrRkd9/NgZn2UhKuXdVFnGtWkYuAz/ILmSAbrbUBYClJkOSlJTZnScbS+BkUbUUO0EKtJXrKiB3om7rCMatiVCLVAvxqhmgpJUXJ66iGeyzsMwJYBRrqeC3KXkvU0J2ktCqb9XPvP+QZpb1rcMt+E1r0GDjSw10jXgcFUMS0aRQMAqXjFDT+2NnYMcoAcAi2J1j6QcWROknUKGSyj1obQQ0gIbkV2lBijeN4AO8c20YxGYGCci8VZSNLqkO2FNlnJtekzMpX2/BoF7DogWoqmGNjr/nRm3cSbDUuhBr/dd2d2T1BJcjR1Ol3PWAmGLbPcXtcjf4Sc+FLZdAoFPgEjARI9JLr3oxuLo35wG7tRwysmGihUOJlsz/Vz2HTtKXWGZPgOJMM3kQy/BsnwBVzA9yIZvpFktzvt4lCwkpyyivwZRSeQdnibj/oObMb/A5uPXCLZ5HACeDoLuosjKPZHXjAFwWZEmRwO/J7fT99IUSh8Ca8H61cRe3ka4rIPkv3qc5SscLKCu0iywIkzhikvVFYzUxF98IQeyTow/OEV+RA49YwQm0VCbO5ECIdQk/JelOjtX02KpYlLtEjO02LR9NsRw7v1n1ADru0kJ5rdixq9/aupsTTxDDU2Z6ixaPrtqOHdehNqwEFft7TYE0j/nxNykjDPY/Z0asOtCdzh9nbQ8qQfnqx2LghDGHpoCKQyw/qH5buBcPGjtT9M1j5vWsh5y7ZN+gfDr5q1+bzNZg6EFTNkuvlGWUQTjRd33uKsdmklI0ffQYeSF3va9cRO2IoCTN8ZTrpB+2ZgW1+AGGYoTaE/LQV1gWnbZP8XBSevfbNAnqKaCmVr15fPT1+evv+II7Azvis5fScd0z9obc9j++J+KfpwML8Kvq8gl+IP1f9CfKHgVHDQ7iuMuNmzesA88BqUvrpHC7u+HVfajENuJ9wA54N8MeAQ5RshfVwvhhwCewHkKKU+oUOTTI6CF7rtwV2KgncR+5zSvSl0aUZDnq+BwQMMnsDgAQYvwMB2nu5Yh1uwHWnKYBPPlStQPPOsF2igvlRANecU0sC0L7WzQ/6GkIxewmbrEhSiidNuYePnyxQOItNoawxGef747i8bhpOITBUAAA==
  owner: root:root
  permissions: '0640'
  defer: true
- path: /etc/openstack/clouds.yaml
  content: ${var.cloud_secrets_fence_openstack_clouds_yaml_116D3B48}
  owner: root:root
  permissions: '0600'
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
  block_device {
    boot_index            = 0
    delete_on_termination = true
    destination_type      = "volume"
    source_type           = "image"
    uuid                  = data.openstack_images_image_v2.image.id
    volume_size           = 20
  }
  network {
    port = openstack_networking_port_v2.cloud_load_balancers_lb2_port-management_446EF1AC.id
  }
  network {
    port = openstack_networking_port_v2.cloud_load_balancers_lb2_port-storage_AB853B17.id
  }
  network {
    port = openstack_networking_port_v2.cloud_load_balancers_lb2_port-external_15CFE2B8.id
  }
  scheduler_hints {
    group = openstack_compute_servergroup_v2.cloud_load_balancers_servergroup_7CE703FF.id
  }
  lifecycle {
    ignore_changes = [
      user_data,
    ]
  }
}
resource "openstack_networking_floatingip_v2" "cloud_public-floating-ip_FC236B1B" {
  description = "ha-lab: public API VIP 10.20.3.10"
  pool        = "public"
  port_id     = openstack_networking_port_v2.cloud_vips_vip-public_9DC67C0C.id
  depends_on = [
    openstack_networking_router_interface_v2.cloud_networks_external-router-interface_24628912,
  ]
}

provider "openstack" {
}
data "openstack_networking_network_v2" "external-network" {
  external = true
  name     = "public"
}
data "openstack_images_image_v2" "image" {
  most_recent = true
  name        = "debian-12"
}
resource "openstack_networking_router_v2" "router" {
  admin_state_up      = true
  external_network_id = data.openstack_networking_network_v2.external-network.id
  name                = "ha-lab-router"
}